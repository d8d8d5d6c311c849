"""Views that belong to no calculator. Every calculator's page (with its htmx results
partial), markdown and JSON API come from its entry in the registry (calculators.py) through
the one Site plumbing (sites.py). Calculating is GET (shareable, cacheable, the back button
works); saving is POST (scenarios.py)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(settings.STATIC_URL + "favicon.svg", permanent=True)


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers (and the benchmarks' bare-Django baseline): no database, no work."""
    return HttpResponse("ok", content_type="text/plain")
