"""The calculator: the page, its htmx results partial, markdown and the JSON API.

Calculating is GET (shareable, cacheable, the back button works); saving is POST
(scenarios.py). Views translate HTTP to the domain and back, nothing more.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_htmx.http import replace_url

from estimator.domain import markdown
from estimator.domain.estimate import Estimate, estimate
from estimator.domain.inputs import DEFAULTS
from estimator.domain.presets import BY_SLUG as PRESETS_BY_SLUG, PRESETS

from . import presenters
from .http import json_response, markdown_response, pure_get


def evaluate(query) -> tuple[Estimate, dict[str, str]]:
    """The estimate for an API-style query (inputs, `preset`) and every error it has:
    unknown names, an unknown preset, bad inputs. Shared by the API and the CLI."""
    texts, errors = presenters.with_preset(query)
    errors.update(presenters.unknown_names(query, allowed=frozenset({"preset"})))
    result = estimate(texts)
    errors.update(result.errors)
    return result, errors


def api_body(query) -> tuple[int, dict]:
    """(status, body) of GET /api/v1/estimate for `query`: 200 with inputs and results, or
    400 with one message per bad name."""
    result, errors = evaluate(query)
    if errors:
        return 400, {"errors": errors}
    return 200, result.as_dict()


def markdown_body(query, share_base: str) -> tuple[int, str]:
    """(status, text) of GET /estimate.md: the estimate's markdown (400 when an input is bad,
    with the errors listed in it). `share_base` is the absolute URL of the calculator."""
    result, errors = evaluate(query)
    share = presenters.with_query(share_base, presenters.share_query(result.texts))
    name = ""
    preset = PRESETS_BY_SLUG.get(query.get("preset", ""))
    if preset:
        name = preset.name if set(query) == {"preset"} else f"{preset.name} (preset, with your inputs)"
    return (400 if errors else 200), markdown.render(result, share_url=share, name=name)


@lru_cache(maxsize=None)
def route(name: str) -> str:
    """The path of a named route without arguments: fixed for the life of the process."""
    return reverse(name)


def calculator_context(request: HttpRequest, texts: dict[str, str], *, base: dict[str, str] | None = None,
                       page_path: str | None = None) -> dict:
    """Everything the calculator template shows for `texts`. `base` is what a share link
    leaves out (the defaults, or a scenario's saved inputs)."""
    from_defaults = base is None
    base = DEFAULTS if base is None else base
    result = estimate({**base, **texts})
    page_path = page_path or route("calculator")
    query = presenters.share_query(result.texts, base)
    share_path = presenters.with_query(page_path, query)
    markdown_query = query if from_defaults else presenters.share_query(result.texts)
    markdown_path = presenters.with_query(route("estimate_markdown"), markdown_query)
    availability = result.inputs.get("availability")
    return {
        "estimate": result,
        "field_groups": presenters.field_groups(result),
        "result_groups": presenters.result_groups(result),
        "share_path": share_path,
        "share_url": request.build_absolute_uri(share_path),
        "markdown_path": markdown_path,
        "workbench_path": presenters.with_query(
            route("availability"), urlencode({"target": availability.text}) if availability else ""),
        "conventions": markdown.CONVENTIONS,
        "page_path": page_path,
        "input_texts": result.texts,
        "lines_rows": min(50, max(4, len(result.rows) + 1)),
    }


def render_live(request: HttpRequest, template: str, context: dict, *, partial: str = "web/calculator.html#results",
                status: int = 200) -> HttpResponse:
    """A live page: the full page, or for htmx only its results `partial` (with the field
    errors swapped out of band) and the address bar set to the share link. Every estimate page
    (scenarios too) shares the calculator's partial; the workbench has its own."""
    if request.htmx:
        response = render(request, partial, {**context, "oob": True}, status=status)
        replace_url(response, context["share_path"])
    else:
        response = render(request, template, context, status=status)
    response["Vary"] = "HX-Request, Cookie"
    return response


@require_GET
def calculator(request: HttpRequest) -> HttpResponse:
    texts = presenters.input_texts(request.GET)
    if not request.htmx and request.GET:
        # A plain form submit sends every field: answer with the short share link instead,
        # so the address bar always holds a link worth sharing.
        short = presenters.with_query(route("calculator"), presenters.share_query(texts))
        if short != request.get_full_path():
            return redirect(short)
    context = calculator_context(request, texts)
    context["presets"] = PRESETS
    return render_live(request, "web/calculator.html", context)


@pure_get
def estimate_markdown(request: HttpRequest) -> HttpResponse:
    status, text = markdown_body(request.GET, request.build_absolute_uri(route("calculator")))
    return markdown_response(text, status=status)


@pure_get
def api_estimate(request: HttpRequest) -> HttpResponse:
    status, body = api_body(request.GET)
    return json_response(body, status=status)


def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(settings.STATIC_URL + "favicon.svg", permanent=True)


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers (and the benchmarks' bare-Django baseline): no database, no work."""
    return HttpResponse("ok", content_type="text/plain")
