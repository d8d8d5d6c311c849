"""Throttles on sign-in and sign-up attempts, counted by django-ratelimit in the database.

Every attempt counts, whether it succeeds or not, so a password guess or a sign-up probe past
the limit is answered 429 with Retry-After before any password is hashed. The counters live
in a database cache table (migration 0004), like the sessions: shared by every worker and
every app server, with nothing else to run.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage


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


def throttled(group: str, *, keys: tuple[str, ...], per_hour_setting: str, what: str):
    """Count each POST to the view under every key (django-ratelimit keys: "ip" is the client
    address, "post:username" the name typed); past `per_hour_setting` an hour under any one
    of them, answer 429 instead of calling the view."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                rate = f"{getattr(settings, per_hour_setting)}/h"
                for key in keys:
                    usage = get_usage(request, group=f"{group}:{key}", key=key, rate=rate, method="POST",
                                      increment=True)
                    if usage is not None and usage["should_limit"]:
                        wait = max(1, usage["time_left"])
                        return too_many(request, f"Too many {what} in the last hour; "
                                                 f"please try again in {_wait(wait)}.", wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


sign_in_throttle = throttled("sign-in", keys=("ip", "post:username"), per_hour_setting="SIGN_INS_PER_HOUR",
                             what="sign-in attempts")
sign_up_throttle = throttled("sign-up", keys=("ip",), per_hour_setting="SIGN_UPS_PER_HOUR", what="sign-ups")
