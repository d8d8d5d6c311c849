"""The availability workbench (README, What the page does: Availability workbench): what a chain
of components adds up to, what downtime a target allows and back, and how fast an error rate
burns the error budget. A calculator like the estimate: inputs and formulas on one engine."""

from __future__ import annotations

from collections.abc import Mapping

from . import formatting, system
from .availability import NINES, PERIOD_NAMES, downtime_formulas
from .conventions import WORKBENCH_CONVENTIONS
from .engine import Calculator, Constraint, Estimate, Formula
from .inputs import DURATION, FRACTION, REQUESTS, YEAR, Input, Kind, Parsed


class SystemKind(Kind):
    """A composite of components in the project's own grammar (system.py), not an expression:
    its value is its availability, and its figure the work of each composite in it."""

    expected = "a system"
    expression = False
    max_length = system.MAX_LENGTH
    widget = "area"

    def want(self, example: str) -> str:
        return f"a system such as {example}"

    def read(self, name: str, text: str, example: str) -> Parsed:
        tree = system.parse(text.strip())
        down = system.unavailability(tree)
        steps = system.work(tree)
        figure = "; ".join(steps[:-1] + [steps[-1].rsplit(" = ", 1)[0]]) if steps else system.text_of(tree)
        return Parsed(text.strip(), 1 - down, figure, detail=tree, complement=down)


DEFAULT_SYSTEM = "lb 99.99% -> 3 x app 99.9% -> (db 99.95% | db 99.95%)"

WORKBENCH_INPUTS: tuple[Input, ...] = (
    Input("system", "System", "System", SystemKind(), DEFAULT_SYSTEM,
          "Components in series (A -> B), in parallel (A | B), N redundant copies (3 x A), at least k "
          "of N copies up (2 of 3 x A), grouped with parentheses; each an optional name (words such as "
          "api gateway or auth-service) and an availability.", "lb 99.99% -> (db 99.95% | db 99.95%)"),
    Input("target", "Availability target", "Target", FRACTION, "99.9%",
          "The availability you promise (your SLO).", "99.95%",
          minimum=0, maximum=1, exclusive_minimum=True, exclusive_maximum=True, show=formatting.percent),
    Input("window", "Window", "Target", DURATION, "30 days",
          "The period the target is measured over.", "30 days",
          minimum=0, maximum=10 * YEAR, exclusive_minimum=True, show=formatting.duration),
    Input("allowed_downtime", "Downtime you can afford (optional)", "Target", DURATION, "",
          "Gives the availability that allows exactly this much downtime per window.", "1 hour",
          minimum=0, maximum=10 * YEAR, show=formatting.duration),
    Input("error_rate", "Current error rate (optional)", "Error budget", FRACTION, "",
          "Share of requests failing now.", "0.5%",
          minimum=0, maximum=1, show=formatting.percent),
    Input("requests", "Requests in the window (optional)", "Error budget", REQUESTS, "",
          "How many requests the window sees, for the budget in requests.", "100M",
          minimum=0, maximum=1e18, show=formatting.compact),
)

FORMULAS = (
    Formula("availability", "Availability of the system", "Availability", "system", "", display="percent"),
    NINES,
    Formula("meets_target", "Meets the target", "Availability", "availability >= target", "", display="check"),
    *downtime_formulas("Downtime", "Downtime per"),
    Formula("availability_for_downtime", "Availability allowing that downtime", "Downtime",
            "1 − allowed_downtime ÷ window", "", display="percent"),
    Formula("error_budget", "Error budget (downtime)", "Error budget", "(1 − target) × window", "s"),
    Formula("error_budget_requests", "Error budget (failed requests)", "Error budget", "(1 − target) × requests",
            "req", dimension="request"),
    Formula("burn_rate", "Burn rate", "Error budget", "error_rate ÷ (1 − target)", ""),
    Formula("budget_exhausted_in", "Budget exhausted in", "Error budget", "window ÷ burn_rate", "s"),
    # Multiwindow burn-rate alerts (Google's SRE workbook, "Alerting on SLOs"): the burn rate
    # that spends the share of the budget in the alert window, share × window ÷ alert window.
    Formula("alert_page_1h", "Page: burn rate over 1 hour (2% of the budget)", "Error budget",
            "2% × window ÷ 1 hour", ""),
    Formula("alert_page_6h", "Page: burn rate over 6 hours (5% of the budget)", "Error budget",
            "5% × window ÷ 6 hours", ""),
    Formula("alert_ticket_3d", "Ticket: burn rate over 3 days (10% of the budget)", "Error budget",
            "10% × window ÷ 3 days", ""),
)

CONSTRAINTS = (
    Constraint("allowed_downtime", "allowed_downtime <= window",
               "allowed_downtime ({allowed_downtime}) is longer than the window ({window}); "
               "make it shorter or the window longer"),
)

WORKBENCH = Calculator(WORKBENCH_INPUTS, FORMULAS, ("Availability", "Downtime", "Error budget"), CONSTRAINTS,
                       conventions=WORKBENCH_CONVENTIONS)


def workbench(texts: Mapping[str, str]) -> Estimate:
    """Every workbench result from `texts` (missing names take their defaults)."""
    return WORKBENCH(texts)


def downtime_table(unavailabilities: list[tuple[str, float]]) -> list[tuple[str, list[str]]]:
    """Rows of (label, downtime per day/week/month/quarter/year) for each (label, 1 − availability),
    each cell computed by the workbench's own downtime_per_<period> formula."""
    steps = [WORKBENCH.step_by_name[f"downtime_per_{period}"] for period in PERIOD_NAMES]
    return [(label, [step.show(step.evaluate({"availability": 1 - u}), False) for step in steps])
            for label, u in unavailabilities]


NINES_ROWS = [(f"{n} nine{'s' if n > 1 else ''} ({formatting.availability(1 - 10.0 ** -n)})", 10.0 ** -n)
              for n in range(1, 7)]
