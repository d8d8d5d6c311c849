"""Throttles on sign-in and sign-up attempts, counted by django-ratelimit in the database, and
the CPU budget of each client address.

Every attempt counts, whether it succeeds or not, so a password guess or a sign-up probe past
the limit is answered 429 with Retry-After before any password is hashed. The counters live
in a database cache table (migration 0004), like the sessions: shared by every worker and
every app server, with nothing else to run.
"""

from __future__ import annotations

import math
import sys
import time
import weakref
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from estimator.clients import client_key


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
    middleware: the estimate, the page or markdown, compression) beyond `CPU_FREE_MS` is
    charged to its client's address in the throttle cache (the database, shared by every worker
    and app server), in windows of a minute. Past `CPU_SECONDS_PER_MINUTE` in a window, the address is answered 429 with
    Retry-After (the seconds left in the window) before any work, for the rest of it.

    Ordinary answers (an estimate without ranges is ~5 ms) are under the free allowance and
    never touch the database; what costs more — many ranges times many lines, a compare of two
    ranged scenarios, 100–200 ms each — is charged. A worker adds its charges to the shared
    count (one atomic increment, a write that SQLite makes durable before the worker goes on)
    once they reach `FLUSH_SHARE` of the budget, and compares the address's last shared total
    plus what it has not yet written with the budget at every charge. It remembers the
    addresses it found over budget and refuses them without a query; another worker learns
    it at its next write, so an address gets past its budget at most FLUSH_SHARE of it and one
    expensive answer per worker in a window. /healthz is never charged or refused (a load
    balancer's checks)."""

    WINDOW = 60  # seconds
    FLUSH_SHARE = 0.05  # of the budget a worker charges before writing it to the shared count
    EXEMPT = frozenset({"/healthz"})
    REMEMBERED = 10_000  # addresses a worker keeps in memory before pruning past windows

    def __init__(self, get_response):
        self.get_response = get_response
        self.over_until: dict[str, float] = {}  # address → when its window ends (time.time())
        self.pending: dict[str, tuple[int, int, int]] = {}  # address → (window, shared total seen, ms unwritten)

    def __call__(self, request):
        address = client_key(request.META.get("REMOTE_ADDR", ""))
        if request.path in self.EXEMPT or not address:  # no address: the worker warming itself
            return self.get_response(request)
        now = wall_clock()
        until = self.over_until.get(address)
        if until is not None:
            if now < until:
                return self.refuse(request, until - now)
            del self.over_until[address]
        began = cpu_seconds()
        response = self.get_response(request)
        spent_ms = round((cpu_seconds() - began) * 1000)
        if spent_ms > settings.CPU_FREE_MS:
            self.charge(address, spent_ms, now)
        return response

    def charge(self, address: str, spent_ms: int, now: float) -> None:
        window = int(now // self.WINDOW)
        budget_ms = settings.CPU_SECONDS_PER_MINUTE * 1000
        seen_window, shared, unwritten = self.pending.get(address, (window, 0, 0))
        if seen_window != window:
            shared, unwritten = 0, 0  # a new minute: what was not written belonged to the last one
        unwritten += spent_ms
        if unwritten >= budget_ms * self.FLUSH_SHARE or shared + unwritten >= budget_ms:
            shared, unwritten = self._write(address, window, unwritten), 0
        if len(self.pending) >= self.REMEMBERED:
            self.pending = {a: p for a, p in self.pending.items() if p[0] == window}
            self.over_until = {a: t for a, t in self.over_until.items() if t > now}
        self.pending[address] = (window, shared, unwritten)
        if shared + unwritten >= budget_ms:
            self.over_until[address] = (window + 1) * self.WINDOW

    def _write(self, address: str, window: int, ms: int) -> int:
        """Add `ms` to the address's shared count for `window`; the new total."""
        key = f"cpu:{address}:{window}"
        cache = caches["throttle"]
        cache.add(key, 0, timeout=self.WINDOW * 2)
        try:
            return cache.incr(key, ms)
        except ValueError:  # expired between add and incr: this charge starts the count
            cache.set(key, ms, timeout=self.WINDOW * 2)
            return ms

    def refuse(self, request: HttpRequest, seconds_left: float) -> HttpResponse:
        wait = max(1, math.ceil(seconds_left))
        message = (f"This address has used its share of the server's time for this minute; "
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
    whichever greenlet ran between two switches."""

    def __init__(self):
        import greenlet

        self._greenlet = greenlet
        self.spent: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # greenlet → CPU seconds
        self.last = time.thread_time()
        self.previous = greenlet.settrace(self.trace)

    def trace(self, event, args):
        if event in ("switch", "throw"):
            origin, _ = args
            now = time.thread_time()
            try:
                self.spent[origin] = self.spent.get(origin, 0.0) + (now - self.last)
            except TypeError:  # a greenlet that takes no weak reference: nobody reads its clock
                pass
            self.last = now
        if self.previous is not None:
            self.previous(event, args)

    def read(self) -> float:
        """The current greenlet's CPU seconds so far."""
        current = self._greenlet.getcurrent()
        return self.spent.get(current, 0.0) + (time.thread_time() - self.last)


_greenlet_clock: GreenletClock | None = None


def cpu_seconds() -> float:
    """CPU seconds spent by this request's own thread of control: its greenlet's under gevent
    (gunicorn's workers), else the thread's (runserver, tests)."""
    global _greenlet_clock
    if _greenlet_clock is None and "gevent.monkey" in sys.modules:
        from gevent import monkey

        if monkey.is_module_patched("threading"):
            _greenlet_clock = GreenletClock()
    if _greenlet_clock is not None:
        return _greenlet_clock.read()
    return time.thread_time()
