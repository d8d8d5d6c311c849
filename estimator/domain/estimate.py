"""The estimate: every result the README lists (Results) from the inputs as typed.

Each result is declared once, as an expression, in its topic's module (traffic, storage,
bandwidth, cache, availability, capacity); the engine (engine/) compiles and runs them, and the user's
own lines beside them.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import architecture, availability, bandwidth, capacity, cost, storage, timeline, traffic
from .engine import Calculator, Estimate, Formula, Result
from .conventions import CONVENTIONS
from .inputs import INPUTS

__all__ = ["ESTIMATE", "FORMULAS", "RESULT_GROUPS", "Estimate", "Result", "estimate"]

RESULT_GROUPS = ("Traffic", "Data", "Availability", "Capacity", "Cost")  # components: a section of their own

FORMULAS: tuple[Formula, ...] = (
    *traffic.FORMULAS, *storage.FORMULAS, *bandwidth.FORMULAS, *availability.FORMULAS,
    *capacity.FORMULAS, *architecture.formulas(), *cost.FORMULAS,
)

ESTIMATE = Calculator(INPUTS, FORMULAS, RESULT_GROUPS, timeline=timeline.timeline,
                      timeline_inputs=("growth", "horizon"), extend=architecture.extend, summarize=architecture.summarize,
                      conventions=CONVENTIONS)


def estimate(texts: Mapping[str, str]) -> Estimate:
    """Every result of the spec from `texts` (input name → text as typed; a missing name takes
    its default). Never raises for bad input: bad inputs land in `errors`, and the results
    that need them are unavailable."""
    return ESTIMATE(texts)
