"""Who owns a scenario: the signed-in account, or the anonymous browser session's key."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.http import HttpRequest

from .models import Scenario

OWNER_KEY = "estimator_owner_key"


def owner_key(request: HttpRequest) -> str:
    """This browser session's owner key, made on first use."""
    key = request.session.get(OWNER_KEY)
    if not key:
        key = secrets.token_urlsafe(32)
        request.session[OWNER_KEY] = key
    return key


def owns(request: HttpRequest, scenario: Scenario) -> bool:
    if scenario.is_preset:
        return False
    if request.user.is_authenticated:
        return scenario.owner_id == request.user.pk
    key = request.session.get(OWNER_KEY)
    return bool(key) and scenario.owner_id is None and secrets.compare_digest(scenario.owner_key, key)


def owner_fields(request: HttpRequest) -> dict:
    """The fields that make the current user (or browser) the owner of a new scenario."""
    if request.user.is_authenticated:
        return {"owner": request.user, "owner_key": ""}
    return {"owner": None, "owner_key": owner_key(request)}


def address_hash(request: HttpRequest) -> str:
    """A keyed hash of the client address: enough to count creations, not to recover it.
    REMOTE_ADDR is the real client: ProxyMiddleware resolves it from a trusted proxy's
    X-Forwarded-For and ignores that header from anyone else."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]
