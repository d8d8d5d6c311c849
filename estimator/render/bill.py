"""The results of a group as the page, the markdown and the CLI show them: the Cost group is the
bill, so it also holds the cost of every component no cost of its own carries.

The default architecture's costs are results of their own (`cost_app_servers` is `app.cost`,
`cost_db_nodes` and `cost_db_storage` the two parts of `db.cost`, …). A component a line
declares (`ws = connections(…)`), or a default replaced by another kind (`net = cdn(…)`: then
`cost_egress` is unavailable), had no line in the bill although `cost_per_month` adds its cost
in: the photo preset's Cost showed $388k of its $548k a month. Its `name.cost` joins the bill
before the total, with its work.
"""

from __future__ import annotations

from estimator.domain.architecture import ALIASES
from estimator.domain.engine import Estimate, Result

COST_GROUP = "Cost"
TOTAL = "cost_per_month"

# Each built-in result that is a default component's figure, with the component it reads (Alias.component).
_OF = {alias.name: alias.component for alias in ALIASES}


def grouped(estimate: Estimate, group: str) -> list[Result]:
    """The results of `group`, in declaration order; for the Cost group, each component's cost
    that no available cost result carries, before the total."""
    results = [r for r in estimate.results.values() if r.group == group]
    if group != COST_GROUP or not estimate.components:
        return results
    carried = {_OF[r.name] for r in results if r.available and r.name in _OF}
    extra = [estimate.results[f"{c.name}.cost"] for c in estimate.components
             if c.name not in carried and f"{c.name}.cost" in estimate.results]
    at = next((i for i, r in enumerate(results) if r.name == TOTAL), len(results))
    return results[:at] + extra + results[at:]
