"""Bounded work per request: an overlong query string is refused before any view runs."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse


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
