"""Views that belong to no calculator. Every calculator's page (with its htmx results
partial), markdown and JSON API come from its entry in the registry (calculators.py) through
the one Site plumbing (sites.py). Calculating is GET (shareable, cacheable, the back button
works); saving is POST (scenarios.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import get_resolver

from .http import json_response


def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(settings.STATIC_URL + "favicon.svg", permanent=True)


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers (and the benchmarks' bare-Django baseline): no database, no work."""
    return HttpResponse("ok", content_type="text/plain")


def api_not_found(request: HttpRequest) -> HttpResponse:
    """A path under /api/ the API does not have: a JSON 404 naming the paths it has, not the
    site's HTML page (an API client reads JSON)."""
    return json_response({"errors": {"path": f"the API has no {request.path_info[:80]}; it has "
                                             f"{', '.join(_api_paths())}"}}, status=404)


@lru_cache(maxsize=1)
def _api_paths() -> tuple[str, ...]:
    return tuple("/" + re.sub(r"<\w+:(\w+)>", r"<\1>", str(pattern.pattern)) for pattern in get_resolver().url_patterns
                 if str(pattern.pattern).startswith("api/v1/"))
