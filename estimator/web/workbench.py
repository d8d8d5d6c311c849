"""The availability workbench: page (with its htmx partial), markdown and JSON API."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from estimator.domain import diagram, markdown
from estimator.domain.workbench import NINES_ROWS, PERIOD_NAMES, WORKBENCH, downtime_table

from .http import json_response, markdown_response, pure_get
from .presenters import field_groups, input_texts, result_groups, share_query, unknown_names, with_query
from .views import render_live, route


def _texts(query) -> dict[str, str]:
    return input_texts(query, WORKBENCH)


def _share_query(texts: dict[str, str]) -> str:
    return share_query(texts, calculator=WORKBENCH)


def evaluate(query):
    """The workbench result for a query and every error: unknown names and bad inputs."""
    errors = unknown_names(query, calculator=WORKBENCH)
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
    share_path = with_query(route("availability"), query)
    rows = [("this system", system.complement)] if system is not None else []
    context = {
        "estimate": result,
        "field_groups": field_groups(result),
        "result_groups": result_groups(result),
        "diagram": diagram.svg(system.detail, title=f"Block diagram of {system.figure}") if system is not None else "",
        "downtime_rows": downtime_table(rows + NINES_ROWS),
        "period_names": PERIOD_NAMES,
        "share_path": share_path,
        "share_url": request.build_absolute_uri(share_path),
        "markdown_path": with_query(route("availability_markdown"), query),
        "conventions": markdown.CONVENTIONS,
        "page_path": route("availability"),
    }
    return render_live(request, "web/availability.html", context, partial="web/availability.html#workbench-results")


@pure_get
def availability_markdown(request: HttpRequest) -> HttpResponse:
    status, text = markdown_body(request.GET, request.build_absolute_uri(route("availability")))
    return markdown_response(text, status=status)


@pure_get
def api_availability(request: HttpRequest) -> HttpResponse:
    status, body = api_body(request.GET)
    return json_response(body, status=status)
