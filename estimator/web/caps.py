"""Hourly caps on what one client creates: scenarios (SCENARIOS_PER_HOUR) and revisions
(REVISIONS_PER_HOUR), each counted per owner (account or browser session) or per address,
whichever has used more.

A cap is checked and spent inside the transaction that creates the thing it counts, under a
lock per owner and per address, so simultaneous requests queue instead of each seeing room
for one more; the count is of Usage rows, which deleting a scenario does not remove.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from .models import Usage
from .ownership import address_hash, owner_key

WINDOW = timedelta(hours=1)
CAP_SETTINGS = {Usage.SCENARIO: "SCENARIOS_PER_HOUR", Usage.REVISION: "REVISIONS_PER_HOUR"}


class CapReached(Exception):
    def __init__(self, kind: str, used: int, cap: int, retry_after: int):
        verb = "created" if kind == Usage.SCENARIO else "saved"
        later = f"in {math.ceil(retry_after / 60)} minutes" if retry_after >= 60 else f"in {retry_after} seconds"
        super().__init__(
            f"You have {verb} {used} {kind}s in the last hour; the limit is {cap} an hour. "
            f"Please try again {later}."
            + (" Meanwhile you can save new revisions of an existing scenario." if kind == Usage.SCENARIO else "")
        )
        self.retry_after = retry_after


def _owner_hash(request: HttpRequest) -> str:
    who = f"user:{request.user.pk}" if request.user.is_authenticated else f"session:{owner_key(request)}"
    return hmac.new(settings.SECRET_KEY.encode(), who.encode(), hashlib.sha256).hexdigest()[:32]


def _lock(*keys: str) -> None:
    """Serialize cap checks per key until the transaction ends. PostgreSQL: an advisory lock
    per key, taken in sorted order so two requests never wait on each other crosswise.
    SQLite needs none: its IMMEDIATE transactions already let one writer in at a time."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted(set(keys)):
            lock_id = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])


def spend(request: HttpRequest, kind: str) -> None:
    """Count one `kind` against this client's hourly cap, or raise CapReached with the seconds
    until one frees up. Must run inside the transaction that creates the counted thing, so a
    refused or failed creation is not counted and a counted one is never lost."""
    if not connection.in_atomic_block:
        raise RuntimeError("caps.spend() must run inside the transaction that creates what it counts")
    cap = getattr(settings, CAP_SETTINGS[kind])
    owner, address = _owner_hash(request), address_hash(request)
    _lock(f"{kind}:owner:{owner}", f"{kind}:address:{address}")
    now = timezone.now()
    client = Q(owner=owner) | Q(address=address)
    Usage.objects.filter(client, kind=kind, created__lte=now - WINDOW).delete()  # this client's expired rows
    recent = Usage.objects.filter(client, kind=kind, created__gt=now - WINDOW)
    used = recent.count()
    if used >= cap:
        # Room for one more comes back when the (used - cap + 1)th oldest leaves the window.
        frees_at = recent.order_by("created").values_list("created", flat=True)[used - cap] + WINDOW
        raise CapReached(kind, used, cap, retry_after=max(1, math.ceil((frees_at - now).total_seconds())))
    Usage.objects.create(kind=kind, owner=owner, address=address, created=now)
