"""The availability workbench made into a page, markdown and a JSON API by the same Site
plumbing as the estimate (sites.py); what it adds is its block diagram and downtime table."""

from __future__ import annotations

from estimator.domain import diagram, system as systems
from estimator.domain.availability import PERIOD_NAMES
from estimator.domain.engine import Estimate
from estimator.domain.workbench import NINES_ROWS, WORKBENCH, downtime_table

from .sites import Site


def _rows(estimate: Estimate) -> list[tuple[str, list[str]]]:
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


def _context(estimate: Estimate) -> dict:
    wide, tall = _diagrams(estimate)
    return {
        "diagram": wide,
        "diagram_tall": tall,
        "downtime_rows": _rows(estimate),
        "period_names": PERIOD_NAMES,
        "lead_template": "web/_diagram.html",
        "appendix_template": "web/_downtime.html",
        "save_kind": "workbench", "save_what": "this workbench",
    }


def _appendix(estimate: Estimate) -> str:
    if estimate.inputs.get("system") is None:
        return ""
    table = ["## Downtime per period", "", "| | " + " | ".join(PERIOD_NAMES) + " |", "|---|" + "---|" * len(PERIOD_NAMES)]
    table += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in _rows(estimate)]
    return "\n".join(table)


WORKBENCH_SITE = Site(WORKBENCH, page="availability", markdown_route="availability_markdown",
                      template="web/availability.html", title="Availability workbench", context=_context,
                      appendix=_appendix, multiline="system",
                      headline=("availability", "nines", "downtime_per_month", "error_budget", "burn_rate"))
availability, availability_markdown, api_availability = WORKBENCH_SITE.views()
evaluate = WORKBENCH_SITE.evaluate
api_body = WORKBENCH_SITE.api_body
markdown_body = WORKBENCH_SITE.markdown_body
