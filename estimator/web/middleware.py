"""Bounded work per request: an overlong query string is refused before any view runs."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import Resolver404, resolve


class RequestLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.MAX_QUERY_STRING_LENGTH

    def __call__(self, request):
        length = len(request.META.get("QUERY_STRING", ""))
        if length > self.limit:
            message = f"The query string is {length:,} characters long; at most {self.limit:,} are accepted."
            if request.path.startswith("/api/"):
                return JsonResponse({"errors": {"query": message}}, status=414)
            return HttpResponse(message, status=414, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ApiFastPathMiddleware:
    """GET answers of the JSON API are pure functions of their query: they read no session,
    user, CSRF token, message or htmx detail, and a JSON body runs no script a page policy
    would govern. So they skip the middlewares below this one (sessions, common, CSRF, auth,
    messages, frame options, htmx, CSP), which cost as much as the estimate itself
    (bench/distinct.py). Everything above it still runs: HTTPS redirect, HSTS and nosniff,
    static files, compression, the request-size limit. Anything the fast path cannot route
    (a 404, another method) takes the ordinary path."""

    PREFIX = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(self.PREFIX):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):  # the API only reads: a JSON 405, not an HTML page
            response = JsonResponse({"errors": {"method": f"{request.method} is not allowed here; use GET"}},
                                    status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return match.func(request, *match.args, **match.kwargs)
