"""The calculators this site serves, listed once.

Each entry says what the web needs to know about one calculator of the domain: the kind a
saved scenario stores, how a message names it, its routes and paths, its page template, the
figures shown first, what else its page and its markdown show, and which query names bring in
saved inputs. Models (a scenario's kind), scenarios, compare, the Sites (sites.py), the URLs
and the CLI all read this list; a third calculator is a third entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from estimator.domain import architecture
from estimator.domain import system as systems
from estimator.render import architecture_svg, diagram, topology
from estimator.domain.availability import PERIOD_NAMES
from estimator.domain.engine import Calculator, Estimate
from estimator.domain.estimate import ESTIMATE as ESTIMATE_CALCULATOR
from estimator.domain.presets import PRESETS, Preset
from estimator.domain.timeline import LABELS
from estimator.domain.workbench import NINES_ROWS, WORKBENCH as WORKBENCH_CALCULATOR, downtime_table

from . import presenters
from .http import route


@dataclass(frozen=True)
class Entry:
    """One calculator as the web serves it; sites.Site is the plumbing over it."""

    kind: str  # what a saved scenario of it stores in Scenario.kind; the CLI command's topic
    label: str  # the kind as a list names it: "availability workbench"
    noun: str  # the kind in a message: "an availability workbench"
    kicker: str  # above a saved scenario's name: "Scenario", "Availability workbench"
    calculator: Calculator
    path: str  # its page, below the site's root ("" is the root): the page's URL is the share link
    page: str  # route names of the page, its markdown and its API
    markdown_route: str
    api_route: str
    markdown_path: str
    api_path: str
    template: str  # the page, extending web/calculator.html
    title: str  # the markdown's heading when no scenario or preset names it
    headline: tuple[str, ...] = ()  # the results shown first, above everything (and atop the markdown)
    context: Callable[[Estimate], dict] = lambda estimate: {}  # what else the page shows
    appendix: Callable[[Estimate], str] = lambda estimate: ""  # what else the markdown says, before Conventions
    presets: tuple[Preset, ...] = ()  # the presets its page offers and ?preset= names
    sources: tuple[str, ...] = ()  # query names that bring in saved inputs: "preset", "scenario"
    save_what: str = "these inputs"  # what the page's save form keeps

    @property
    def presets_by_slug(self) -> Mapping[str, Preset]:
        return {preset.slug: preset for preset in self.presets}


# The estimate ------------------------------------------------------------------------------------

def _estimate_context(estimate: Estimate) -> dict:
    """The estimate page's extras: the workbench link, and the timeline with its charts."""
    availability = estimate.inputs.get("availability")
    query = urlencode({"target": availability.text}) if availability else ""
    system = architecture.workbench_system(estimate)
    growth = estimate.inputs.get("growth")
    return {"workbench_path": presenters.with_query(route(WORKBENCH.page), query),
            "timeline": estimate.timeline, "timeline_charts": presenters.timeline_charts(estimate),
            "timeline_labels": LABELS, "lead_template": "web/_timeline.html",
            "growth_text": growth.figure if growth is not None and growth.value else "",
            "architecture_workbench_path": presenters.with_query(
                route(WORKBENCH.page), urlencode({"system": system, **({"target": availability.text} if availability
                                                                       else {})})) if system else "",
            **_architecture_diagrams(estimate)}


def _architecture_diagrams(estimate: Estimate) -> dict:
    """The architecture drawn for a desktop and for a phone (CSS shows one), when it has components."""
    if not estimate.components:
        return {}
    drawn = topology.topology(estimate)
    return {"architecture_wide": architecture_svg.svg(drawn, layout="wide"),
            "architecture_narrow": architecture_svg.svg(drawn, layout="narrow")}


def _timeline_markdown(estimate: Estimate) -> str:
    if not estimate.timeline:
        return ""
    rows = ["### Timeline", "", "| Year | " + " | ".join(LABELS) + " |", "|---|" + "---|" * len(LABELS)]
    rows += [f"| {year.year} | " + " | ".join(year.shown) + " |" for year in estimate.timeline]
    return "\n".join(rows)


ESTIMATE = Entry(
    kind="estimate", label="estimate", noun="an estimate", kicker="Scenario", calculator=ESTIMATE_CALCULATOR,
    path="", page="calculator", markdown_route="estimate_markdown", api_route="api_estimate",
    markdown_path="estimate.md", api_path="api/v1/estimate", template="web/calculator.html", title="",
    headline=("cost_per_month", "peak_qps", "storage_total", "peak_egress", "app_servers", "db_nodes",
              "cache_nodes", "nines"),
    context=_estimate_context, appendix=_timeline_markdown, presets=PRESETS, sources=("preset", "scenario"),
)


# The availability workbench: its block diagram and downtime table ----------------------------------

def _downtime_rows(estimate: Estimate) -> list[tuple[str, list[str]]]:
    system = estimate.inputs.get("system")
    rows = [("this system", system.complement)] if system is not None else []
    return downtime_table(rows + NINES_ROWS)


def _diagrams(estimate: Estimate) -> tuple[str, str]:
    """(the wide diagram, the tall one a phone shows instead, or "" when the wide one fits)."""
    system = estimate.inputs.get("system")
    if system is None:
        return "", ""
    title = f"Block diagram of {systems.text_of(system.detail)}"
    tall = diagram.svg(system.detail, title=title, layout="tall") if diagram.needs_tall(system.detail) else ""
    return diagram.svg(system.detail, title=title), tall


def _workbench_context(estimate: Estimate) -> dict:
    wide, tall = _diagrams(estimate)
    return {
        "diagram": wide,
        "diagram_tall": tall,
        "downtime_rows": _downtime_rows(estimate),
        "period_names": PERIOD_NAMES,
        "lead_template": "web/_diagram.html",
        "appendix_template": "web/_downtime.html",
    }


def _downtime_markdown(estimate: Estimate) -> str:
    if estimate.inputs.get("system") is None:
        return ""
    table = ["## Downtime per period", "", "| | " + " | ".join(PERIOD_NAMES) + " |", "|---|" + "---|" * len(PERIOD_NAMES)]
    table += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in _downtime_rows(estimate)]
    return "\n".join(table)


WORKBENCH = Entry(
    kind="workbench", label="availability workbench", noun="an availability workbench",
    kicker="Availability workbench", calculator=WORKBENCH_CALCULATOR,
    path="availability/", page="availability", markdown_route="availability_markdown", api_route="api_availability",
    markdown_path="availability.md", api_path="api/v1/availability", template="web/availability.html",
    title="Availability workbench",
    headline=("availability", "nines", "downtime_per_month", "error_budget", "burn_rate"),
    context=_workbench_context, appendix=_downtime_markdown, save_what="this workbench",
)


# The registry ----------------------------------------------------------------------------------

CALCULATORS: tuple[Entry, ...] = (ESTIMATE, WORKBENCH)
DEFAULT = ESTIMATE  # what a scenario is when it does not say, and what a bare query computes
BY_KIND: Mapping[str, Entry] = {entry.kind: entry for entry in CALCULATORS}
CHOICES: list[tuple[str, str]] = [(entry.kind, entry.label) for entry in CALCULATORS]


def by_path(path: str) -> Entry | None:
    """The calculator whose page is at `path` ('/', '/availability/'), or None."""
    return next((entry for entry in CALCULATORS if route(entry.page) == path), None)


def kinds_in_words() -> str:
    """'an estimate or an availability workbench'."""
    return " or ".join(entry.noun for entry in CALCULATORS)
