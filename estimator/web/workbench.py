"""The availability workbench: page (with its htmx partial), markdown and JSON API."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import condition, require_GET
from django_htmx.http import replace_url

from estimator.domain import diagram, markdown
from estimator.domain.workbench import NINES_ROWS, PERIOD_NAMES, WORKBENCH, downtime_table

from .http import cacheable, json_response, markdown_response, query_etag
from .presenters import Field, with_query


def _texts(query) -> dict[str, str]:
    return {name: query.get(name, "") for name in WORKBENCH.by_name if name in query}


def _share_query(texts: dict[str, str]) -> str:
    return urlencode([(name, text) for name, text in texts.items()
                      if name in WORKBENCH.by_name and " ".join(text.split()) != WORKBENCH.defaults[name]])


def evaluate(query):
    """The workbench result for a query and every error: unknown names and bad inputs."""
    errors = {}
    for name in query:
        if name not in WORKBENCH.by_name:
            errors[name[:40]] = f"'{name[:40]}' is not a workbench input; inputs are {', '.join(WORKBENCH.by_name)}"
    result = WORKBENCH(_texts(query))
    errors.update(result.errors)
    return result, errors


def api_body(query) -> tuple[int, dict]:
    result, errors = evaluate(query)
    return (400, {"errors": errors}) if errors else (200, result.as_dict())


def markdown_body(query, share_base: str) -> tuple[int, str]:
    result, errors = evaluate(query)
    share = with_query(share_base, _share_query(result.texts))
    text = markdown.render(result, share_url=share, name="Availability workbench")
    system = result.inputs.get("system")
    if system is not None:
        rows = downtime_table([("this system", system.complement), *NINES_ROWS])
        table = ["## Downtime per period", "", "| | " + " | ".join(PERIOD_NAMES) + " |",
                 "|---|" + "---|" * len(PERIOD_NAMES)]
        table += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
        text = text.replace("## Conventions", "\n".join(table) + "\n\n## Conventions", 1)
    return (400 if errors else 200), text


@require_GET
def availability(request: HttpRequest) -> HttpResponse:
    texts = _texts(request.GET)
    result = WORKBENCH(texts)
    system = result.inputs.get("system")
    query = _share_query(result.texts)
    share_path = with_query(reverse("availability"), query)
    rows = [("this system", system.complement)] if system is not None else []
    context = {
        "estimate": result,
        "field_groups": [(group, [f for f in _fields(result) if f.spec.group == group])
                         for group in ("System", "Target", "Error budget")],
        "result_groups": [(g, [r for r in result.results.values() if r.group == g]) for g in WORKBENCH.result_groups],
        "diagram": diagram.svg(system.detail, title=f"Block diagram of {system.figure}") if system is not None else "",
        "downtime_rows": downtime_table(rows + NINES_ROWS),
        "period_names": PERIOD_NAMES,
        "share_path": share_path,
        "share_url": request.build_absolute_uri(share_path),
        "markdown_path": with_query(reverse("availability_markdown"), query),
        "conventions": markdown.CONVENTIONS,
        "page_path": reverse("availability"),
    }
    if request.htmx:
        response = render(request, "web/availability.html#workbench-results", {**context, "oob": True})
        replace_url(response, share_path)
    else:
        response = render(request, "web/availability.html", context)
    response["Vary"] = "HX-Request, Cookie"
    return response


def _fields(result) -> list[Field]:
    return [Field(spec, result.texts[spec.name], result.errors.get(spec.name, "")) for spec in WORKBENCH.inputs]


@require_GET
@condition(etag_func=lambda request: query_etag(request))
def availability_markdown(request: HttpRequest) -> HttpResponse:
    status, text = markdown_body(request.GET, request.build_absolute_uri(reverse("availability")))
    return cacheable(markdown_response(text, status=status))


@require_GET
@condition(etag_func=lambda request: query_etag(request))
def api_availability(request: HttpRequest) -> HttpResponse:
    status, body = api_body(request.GET)
    return cacheable(json_response(body, status=status))
