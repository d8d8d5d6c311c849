"""The estimate made into a page (with its htmx results partial), markdown and a JSON API,
through the one Site plumbing every calculator uses (sites.py). Calculating is GET
(shareable, cacheable, the back button works); saving is POST (scenarios.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from estimator.domain.estimate import ESTIMATE, Estimate
from estimator.domain.timeline import LABELS
from estimator.domain.presets import BY_SLUG as PRESETS_BY_SLUG, PRESETS

from . import presenters
from .sites import HtmxHttpRequest, Site, route

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")  # what a slug can be: nothing else reaches the database


def _preset(query: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str], str]:
    """A preset's inputs (?preset=<slug>), an error naming the presets, and its name."""
    slug = query.get("preset", "")
    preset = PRESETS_BY_SLUG.get(slug)
    if preset is None:  # a user's saved scenario starts an estimate as well as a preset
        try:
            texts, errors, name = _scenario({"scenario": slug})
        except DatabaseError:  # no database set up (the CLI on a fresh checkout): only presets then
            errors = {"scenario": ""}
        if not errors:
            return texts, {}, name
        return {}, {"preset": f"there is no preset '{slug[:80]}' and no saved scenario of that slug; "
                              f"presets are {', '.join(PRESETS_BY_SLUG)}"}, ""
    own = [name for name in query if name != "preset"]
    return dict(preset.inputs), {}, preset.name if not own else f"{preset.name} (preset, with your inputs)"


def _scenario(query: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str], str]:
    """A saved scenario's latest inputs (?scenario=<slug>), like a preset's."""
    from .models import Scenario

    slug = query.get("scenario", "")
    scenario = Scenario.objects.filter(slug=slug).first() if _SLUG.fullmatch(slug) else None
    if scenario is None:
        return {}, {"scenario": f"there is no scenario '{slug[:80]}'"}, ""
    if scenario.kind != Scenario.ESTIMATE:
        return {}, {"scenario": f"'{slug}' is an availability workbench, not an estimate: "
                                f"GET /api/v1/scenarios/{slug} answers for it"}, ""
    return dict(scenario.latest_revision().inputs), {}, scenario.name


def _reads_a_scenario(query: Mapping[str, str]) -> bool:
    """Whether the answer starts from a saved scenario (scenario=, or preset= naming no
    preset), which its owner may change: then it is no pure function of the query."""
    return "scenario" in query or ("preset" in query and query["preset"] not in PRESETS_BY_SLUG)


def _context(estimate: Estimate) -> dict:
    """The estimate page's extras: the workbench link, and the timeline with its charts."""
    availability = estimate.inputs.get("availability")
    query = urlencode({"target": availability.text}) if availability else ""
    growth = estimate.inputs.get("growth")
    return {"workbench_path": presenters.with_query(route("availability"), query),
            "timeline": estimate.timeline, "timeline_charts": presenters.timeline_charts(estimate),
            "timeline_labels": LABELS, "lead_template": "web/_timeline.html",
            "growth_text": growth.figure if growth is not None and growth.value else ""}


def _timeline_markdown(estimate: Estimate) -> str:
    if not estimate.timeline:
        return ""
    rows = ["## Timeline", "", "| Year | " + " | ".join(LABELS) + " |", "|---|" + "---|" * len(LABELS)]
    rows += [f"| {year.year} | " + " | ".join(year.shown) + " |" for year in estimate.timeline]
    return "\n".join(rows)


ESTIMATE_SITE = Site(ESTIMATE, page="calculator", markdown_route="estimate_markdown", template="web/calculator.html",
                     title="", sources={"preset": _preset, "scenario": _scenario}, context=_context,
                     appendix=_timeline_markdown,
                     headline=("cost_per_month", "peak_qps", "storage_total", "peak_egress", "app_servers", "db_nodes",
                               "cache_nodes", "nines"), stored=_reads_a_scenario)
_, estimate_markdown, api_estimate = ESTIMATE_SITE.views()

# What the API, the CLI and the scenario pages share with the calculator.
evaluate = ESTIMATE_SITE.evaluate
api_body = ESTIMATE_SITE.api_body
markdown_body = ESTIMATE_SITE.markdown_body
calculator_context = ESTIMATE_SITE.page_context
render_live = ESTIMATE_SITE.render_live


@require_GET
def calculator(request: HtmxHttpRequest) -> HttpResponse:
    return ESTIMATE_SITE.page_view(request, extra=lambda context: context.update(presets=PRESETS))


def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(settings.STATIC_URL + "favicon.svg", permanent=True)


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers (and the benchmarks' bare-Django baseline): no database, no work."""
    return HttpResponse("ok", content_type="text/plain")
