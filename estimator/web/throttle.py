"""Throttles on sign-in and sign-up attempts, counted by django-ratelimit in the database, and
the CPU budget of each client address.

Every attempt counts, whether it succeeds or not, so a password guess or a sign-up probe past
the limit is answered 429 with Retry-After before any password is hashed. The counters live
in a database cache table (migration 0004), like the sessions: shared by every worker and
every app server, with nothing else to run.
"""

from __future__ import annotations

import gc
import math
import sys
import threading
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from estimator.clients import OWING, client_key


class AtomicDatabaseCache(DatabaseCache):
    """Django's database cache with an increment that cannot lose a count: the stock incr()
    reads then writes, so two simultaneous attempts could both count as one (which is why
    django-ratelimit warns about this backend, W001). Here the row is locked for the
    read-modify-write (PostgreSQL: SELECT … FOR UPDATE; SQLite: the IMMEDIATE transaction
    already admits one writer at a time)."""

    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db):
            if connection.features.has_select_for_update:
                table = connection.ops.quote_name(self._table)
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT cache_key FROM {table} WHERE cache_key = %s FOR UPDATE",
                                   [self.make_and_validate_key(key, version=version)])
            return super().incr(key, delta=delta, version=version)

    def advance(self, key, seconds: float, now: float, version=None) -> float:
        """Move the moment stored at `key` to max(it, now) + seconds, atomically (the row locked
        as for incr); the new moment. The entry expires once it has passed: it then means
        nothing owed."""
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db):  # one transaction: SQLite's IMMEDIATE one admits one writer
            self.add(key, 0.0, timeout=1, version=version)  # a row to lock, so two first charges both count
            if connection.features.has_select_for_update:
                table = connection.ops.quote_name(self._table)
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT cache_key FROM {table} WHERE cache_key = %s FOR UPDATE",
                                   [self.make_and_validate_key(key, version=version)])
            moment = max(self.get(key, 0.0, version=version), now) + seconds
            self.set(key, moment, timeout=math.ceil(moment - now) + 1, version=version)
        return moment


def too_many(request: HttpRequest, message: str, retry_after: int) -> HttpResponse:
    response = render(request, "web/refused.html", {"message": message}, status=429)
    response["Retry-After"] = str(max(1, retry_after))
    return response


def _wait(seconds: int) -> str:
    return f"{-(-seconds // 60)} minutes" if seconds >= 60 else f"{seconds} seconds"


def name_and_address(group: str, request: HttpRequest) -> str:
    """The key of a sign-in's name at the client's address: guesses at a name from one
    address lock that name at that address only, never its owner at theirs."""
    return f"{request.POST.get('username', '')}\n{request.META.get('REMOTE_ADDR', '')}"


def throttled(group: str, *, keys: tuple[tuple[str | Callable, str], ...], what: str):
    """Count each POST to the view under every key (django-ratelimit keys: "ip" is the client
    address, or a function of the request), each with the setting that names its hourly
    limit; past any one of them, answer 429 instead of calling the view."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                for key, per_hour_setting in keys:
                    name = key if isinstance(key, str) else key.__name__
                    usage = get_usage(request, group=f"{group}:{name}", key=key,
                                      rate=f"{getattr(settings, per_hour_setting)}/h", method="POST", increment=True)
                    if usage is not None and usage["should_limit"]:
                        wait = max(1, usage["time_left"])
                        return too_many(request, f"Too many {what} in the last hour; "
                                                 f"please try again in {_wait(wait)}.", wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# A name is locked per address (SIGN_INS_PER_HOUR), and an address that tries many names is
# stopped by its own, larger, limit (SIGN_INS_PER_ADDRESS_PER_HOUR).
sign_in_throttle = throttled("sign-in", keys=((name_and_address, "SIGN_INS_PER_HOUR"),
                                              ("ip", "SIGN_INS_PER_ADDRESS_PER_HOUR")), what="sign-in attempts")
sign_up_throttle = throttled("sign-up", keys=(("ip", "SIGN_UPS_PER_HOUR"),), what="sign-ups")


# The CPU budget -------------------------------------------------------------------------------

class CpuBudgetMiddleware:
    """A fair share of the CPU per client: each request's CPU time (measured by the process,
    cpu_seconds: its own greenlet's share of the thread's CPU, around everything below this
    middleware: the estimate, the page or markdown, compression; garbage collection aside)
    beyond `CPU_FREE_MS` is charged to its client's address, which may spend
    `CPU_SECONDS_PER_MINUTE` a minute.

    The budget refills continuously, not by minutes of the clock: each address has one number
    in the throttle cache (the database, shared by every worker and app server), the moment its
    charges will have been paid off at the budget's rate (a generic cell rate algorithm). A
    charge of c ms moves it to max(it, now) + 60 s × c / budget; while it lies more than a
    minute ahead (the address spent more than a minute's budget beyond what has refilled) the
    address is answered 429 before any work, with Retry-After the seconds until it is back
    within the minute. So an address may spend a minute's budget at once, then the budget's
    rate, and no edge of a clock's minute gives it two budgets in a row.

    What decides is known before the work, in every worker of a server: a worker that charges
    an address leaves a hint in memory shared by the server's workers (clients.OWING: until
    when it owes), and every worker reads the address's number from the cache before each of
    its requests while the hint says it owes. So an expensive client found over budget by one
    worker is refused by every other at its next request, not after one more expensive answer
    in each; another app server learns it at its first read after its own first charge. A
    worker writes its charges once they reach `FLUSH` seconds owed (a twentieth of the minute:
    each write is a durable transaction, during which a SQLite worker serves no one) or put the
    address over budget, and remembers an address over budget (refused without a query). The
    cost is known only after the work, so an address gets past its budget by at most one
    request's cost per worker running it at that moment. Ordinary answers (an estimate without
    ranges is ~3 ms) are under the free allowance: never charged, their address never read.
    /healthz is never charged or refused (a load balancer's checks)."""

    WINDOW = 60  # seconds: the budget is CPU_SECONDS_PER_MINUTE per WINDOW, and a WINDOW's worth may be spent at once
    FLUSH = 3.0  # seconds owed (a twentieth of WINDOW) a worker holds before writing them to the shared count
    EXEMPT = frozenset({"/healthz"})
    REMEMBERED = 10_000  # addresses a worker keeps in memory before forgetting those that owe nothing

    def __init__(self, get_response):
        self.get_response = get_response
        self.known: dict[str, float] = {}  # address → when its charges will be paid off, as this worker knows (time.time())
        self.unwritten: dict[str, float] = {}  # address → seconds owed not yet written to the shared count

    def __call__(self, request):
        address = client_key(request.META.get("REMOTE_ADDR", ""))
        if request.path in self.EXEMPT or not address:  # no address: the worker warming itself
            return self.get_response(request)
        now = wall_clock()
        paid_off = self.paid_off(address, now)
        if paid_off - now > self.WINDOW:
            return self.refuse(request, paid_off - now - self.WINDOW)
        began = cpu_seconds()
        response = self.get_response(request)
        spent_ms = round((cpu_seconds() - began) * 1000, 3)
        if spent_ms > settings.CPU_FREE_MS:
            self.charge(address, spent_ms, wall_clock())
        return response

    def paid_off(self, address: str, now: float) -> float:
        """When the address's charges will have been paid off: read from the shared cache while
        a worker of this server has said it owes, else as this worker knows it."""
        paid_off = self.known.get(address, 0.0)
        if paid_off - now <= self.WINDOW and max(paid_off, OWING.get(address)) > now:
            shared = caches["throttle"].get(self.key(address)) or 0.0
            unwritten = self.unwritten.get(address, 0.0)
            paid_off = max(shared, now) + unwritten if unwritten else shared
            self.remember(address, now, paid_off)
        return paid_off

    def charge(self, address: str, spent_ms: float, now: float) -> None:
        seconds = self.WINDOW * spent_ms / (settings.CPU_SECONDS_PER_MINUTE * 1000)
        unwritten = self.unwritten.pop(address, 0.0) + seconds
        paid_off = max(self.known.get(address, 0.0), now) + seconds
        if unwritten >= self.FLUSH or paid_off - now > self.WINDOW:
            paid_off = caches["throttle"].advance(self.key(address), unwritten, now)
        else:
            self.unwritten[address] = unwritten
        self.remember(address, now, paid_off)
        OWING.set(address, paid_off)

    def remember(self, address: str, now: float, paid_off: float) -> None:
        if len(self.known) >= self.REMEMBERED:
            self.known = {a: p for a, p in self.known.items() if p > now}
            self.unwritten = {a: s for a, s in self.unwritten.items() if a in self.known}
        self.known[address] = paid_off

    @staticmethod
    def key(address: str) -> str:
        return f"cpu:{address}"

    def refuse(self, request: HttpRequest, seconds_left: float) -> HttpResponse:
        wait = max(1, math.ceil(seconds_left))
        message = (f"This address has used its share of the server's time; "
                   f"please try again in {_wait(wait)}.")
        if request.path.startswith("/api/"):
            response = JsonResponse({"errors": {"throttle": message}}, status=429)
        else:
            response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(wait)
        return response


def wall_clock() -> float:
    """Seconds since the epoch: the budget's windows are the same minutes in every worker."""
    return time.time()


class GreenletClock:
    """CPU time per greenlet: under gevent every request is a greenlet of the worker's one
    thread, and a request that waits (for a socket, a lock, the database) lets others run, whose
    CPU the thread's clock would charge to it. A greenlet tracer hands the thread's CPU time to
    whichever greenlet ran between two switches.

    Only greenlets that have read the clock are metered: each keeps its CPU seconds so far and
    the thread's CPU time when it last started running (attributes of the greenlet, gone with
    it). The thread's clock (a system call, a few µs) is read at a switch only when a metered
    greenlet stops or starts running; the switches between the hub and the greenlets parsing
    requests, which no one meters, cost no clock. A request that never waits reads it twice."""

    SPENT, RESUMED = "_cpu_spent", "_cpu_resumed"

    def __init__(self):
        import greenlet

        self._greenlet = greenlet
        self.previous = greenlet.settrace(self.trace)

    def trace(self, event, args):
        if event in ("switch", "throw"):
            origin, target = args
            stopping = getattr(origin, self.RESUMED, None)
            starting = hasattr(target, self.RESUMED)
            if stopping is not None or starting:
                now = time.thread_time()
                if stopping is not None:
                    setattr(origin, self.SPENT, getattr(origin, self.SPENT) + (now - stopping))
                if starting:
                    setattr(target, self.RESUMED, now)
        if self.previous is not None:
            self.previous(event, args)

    def read(self) -> float:
        """The current greenlet's CPU seconds since it first read this clock (0 at that first read)."""
        current = self._greenlet.getcurrent()
        now = time.thread_time()
        resumed = getattr(current, self.RESUMED, None)
        if resumed is None:
            try:
                setattr(current, self.SPENT, 0.0)
                setattr(current, self.RESUMED, now)
            except AttributeError:  # a greenlet that takes no attributes: not metered
                return now
            return 0.0
        return getattr(current, self.SPENT) + (now - resumed)


_greenlet_clock: GreenletClock | None = None


class _Collections(threading.local):
    """CPU seconds this thread of control spent collecting garbage (a greenlet's own under
    gevent: gunicorn's worker patches threading before the app is imported)."""

    seconds = 0.0
    began = 0.0


_collections = _Collections()


def _collecting(phase: str, info: dict) -> None:
    try:
        if phase == "start":
            _collections.began = time.thread_time()
        else:
            _collections.seconds += time.thread_time() - _collections.began
    except RuntimeError:  # under gevent, a collection run while a greenlet is finalized (at exit) has no local
        pass


gc.callbacks.append(_collecting)


def cpu_seconds() -> float:
    """CPU seconds spent by this request's own thread of control: its greenlet's under gevent
    (gunicorn's workers), else the thread's (runserver, tests), less the time it spent
    collecting garbage. A collection of the oldest objects runs in whichever request happens to
    cross its threshold and scans everything the others left (60–80 ms in a worker that has run
    the worst case): charged, it once put an ordinary 3 ms estimate over its address's budget."""
    global _greenlet_clock
    if _greenlet_clock is None and "gevent.monkey" in sys.modules:
        from gevent import monkey

        if monkey.is_module_patched("threading"):
            _greenlet_clock = GreenletClock()
    spent = _greenlet_clock.read() if _greenlet_clock is not None else time.thread_time()
    return spent - _collections.seconds
