"""Request hygiene before any view runs, and cache rules after every view.

- ProxyMiddleware: forwarded headers count only when the peer is a configured proxy.
- RequestLimitMiddleware: bounded work per request (query string, body, field count), and a
  body that does not arrive in time answered 408.
- PrivatePagesMiddleware: pages holding a CSRF token or a session's data are never cached.
- StaticFilesMiddleware: WhiteNoise, caching hashed files a year.
- ApiFastPathMiddleware: pure JSON GETs skip the session, auth, CSRF and page-policy middlewares.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponse, JsonResponse, UnreadablePostError
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import patch_cache_control
from whitenoise.middleware import WhiteNoiseMiddleware

# Headers only a proxy may set: from anyone else they are lies (X-Forwarded-For to dodge a cap,
# X-Forwarded-Proto to pass for HTTPS).
FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
                     "HTTP_X_FORWARDED_PORT", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


@lru_cache(maxsize=1)
def _proxy_networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] | None:
    """The trusted proxies as networks; None when every peer is trusted ("*")."""
    if "*" in proxies:
        return None
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _is_proxy(address: str) -> bool:
    proxies = tuple(settings.TRUSTED_PROXIES)
    if not proxies:
        return False
    return _trusted(address, proxies)


@lru_cache(maxsize=4096)  # asked for every request's peer; parsing an address is a few µs
def _trusted(address: str, proxies: tuple[str, ...]) -> bool:
    networks = _proxy_networks(proxies)
    if networks is None:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _valid_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class ProxyMiddleware:
    """REMOTE_ADDR becomes the real client when the peer is a trusted proxy (the nearest
    untrusted hop of X-Forwarded-For, read right to left, since each proxy appends what it
    saw); from anyone else every forwarded header is dropped, so no later code can trust it.
    Runs first: SecurityMiddleware reads X-Forwarded-Proto for the HTTPS redirect."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        peer = meta.get("REMOTE_ADDR", "")
        if _is_proxy(peer):
            client = peer
            for hop in reversed([h.strip() for h in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]):
                if not _valid_ip(hop):
                    break  # a proxy appends addresses; anything else was written by the client
                client = hop
                if not _is_proxy(hop):
                    break
            meta["REMOTE_ADDR"] = client
        else:
            for name in FORWARDED_HEADERS:
                meta.pop(name, None)
        return self.get_response(request)


def _refuse(request, status: int, field: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {field: message}}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class RequestLimitMiddleware:
    """An overlong query string (414); a body over the cap, judged by its Content-Length before
    a byte of it is read (a 400, as Django answers its own cap, which skips multipart file
    parts: those it spools to disk); too many query fields on the API (a JSON 400 instead of
    Django's HTML one). A body is read whole before any view runs: when it stops short (the
    server's deadline for it passed, estimator/serving.py, or the client went away) the answer
    is 408, rather than a view seeing half a form. HEAD is answered
    as GET without the body."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.query_limit = settings.MAX_QUERY_STRING_LENGTH
        self.body_limit = settings.MAX_REQUEST_BODY_SIZE

    def __call__(self, request):
        length = len(request.META.get("QUERY_STRING", ""))
        if length > self.query_limit:
            return _refuse(request, 414, "query",
                           f"The query string is {length:,} characters long; at most {self.query_limit:,} are accepted.")
        try:
            body_length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            body_length = 0  # Django reads no body without a valid length
        if body_length > self.body_limit:
            return _refuse(request, 400, "body",
                           f"The request body is {body_length:,} bytes; at most {self.body_limit:,} are accepted.")
        if request.path.startswith("/api/"):
            try:
                request.GET  # noqa: B018 (parse now, so too many fields is answered in JSON)
            except TooManyFieldsSent:
                return _refuse(request, 400, "query",
                               f"The query has more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} fields.")
        if body_length:
            try:
                request.body  # noqa: B018 (read it now, within the cap just checked)
            except UnreadablePostError:
                return _refuse(request, 408, "body", "The request body did not arrive in time.")
        if request.method != "HEAD":
            return self.get_response(request)
        # HEAD is GET without the body (RFC 9110): answered wherever GET is, whatever the
        # view's method decorator says, with the GET's headers and length.
        request.method = "GET"
        response = self.get_response(request)
        if not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


class PrivatePagesMiddleware:
    """Cache-Control: private, no-store on any answer that carries a CSRF token or depends on
    the session (a user's list, an owner's page): a shared cache must not hand them to
    someone else, and a browser need not keep them on disk."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or (session is not None and session.accessed):
            if "Cache-Control" in response:
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, with hashed (immutable) files cached for a year like the rest
    (WHITENOISE_MAX_AGE) rather than WhiteNoise's ten."""

    FOREVER = 60 * 60 * 24 * 365  # a year


def _api_route(path: str, urlconf: str):
    """The route `path` resolves to in `urlconf`, or None. The API's few paths (a scenario's has
    its slug) are resolved once, not at every request; a long path (a request line may be up to
    ~1 MB) is resolved each time rather than kept."""
    if len(path) > ROUTE_PATH_KEPT:
        return _resolved(path, urlconf)
    return _kept_route(path, urlconf)


ROUTE_PATH_KEPT = 200  # characters: an API path longer than this is not remembered


def _resolved(path: str, urlconf: str):
    try:
        return resolve(path, urlconf)
    except Resolver404:
        return None


_kept_route = lru_cache(maxsize=512)(_resolved)


class ApiFastPathMiddleware:
    """GET answers of the JSON API are pure functions of their query: they read no session,
    user, CSRF token, message or htmx detail, and a JSON body runs no script a page policy
    would govern. So they skip the middlewares below this one (sessions, common, CSRF, auth,
    messages, frame options, htmx, CSP), which cost as much as the estimate itself
    (bench/distinct.py). Everything above it still runs: trusted proxies, HTTPS redirect,
    HSTS and nosniff, static files, compression, the request limits. Any other method gets a
    JSON 405; a path the API does not have is a JSON 404 (views.api_not_found, the last route)."""

    PREFIX = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(self.PREFIX):
            return self.get_response(request)
        match = _api_route(request.path_info, get_urlconf(settings.ROOT_URLCONF))
        if match is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):  # the API only reads: a JSON 405, not an HTML page
            response = JsonResponse({"errors": {"method": f"{request.method} is not allowed here; use GET"}},
                                    status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return match.func(request, *match.args, **match.kwargs)
