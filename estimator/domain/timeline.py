"""The growth timeline (shared/spec/estimate.md, Timeline): years 0 … horizon, each the
estimate's own formulas run on that year's users and the data held then. Not a second copy
of any formula: a year is the calculator's values with two inputs replaced.

Users grow at each year's end: dau_y = dau × (1 + growth)^y (given read_qps and write_qps
grow with them). The data written during year k (k ≥ 1) is storage_per_year × (1 + growth)^(k−1);
at year y the data held is what was written in the last `retention` before it (nothing was
written before today). The formulas count held data like storage_total (database copies plus
one object-storage copy), so running them with the retention that holds exactly that data
gives each year's storage, servers, nodes and costs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import formatting, lexicon

YEAR = lexicon.to_canonical("year")
MONTH = lexicon.to_canonical("month")
# (key in the API, the formula or input it reads, label, how it is shown)
COLUMNS = (
    ("dau", "dau", "Daily users", lambda v: formatting.count(v, "users")),
    ("peak_qps", "peak_qps", "Peak QPS", lambda v: formatting.count(v, "req/s")),
    ("storage_held", "storage_total", "Storage held", formatting.size),
    ("app_servers", "app_servers", "App servers", lambda v: formatting.integer(int(v)) if math.isfinite(v) else "∞"),
    ("db_nodes", "db_nodes", "Database nodes", lambda v: formatting.integer(int(v)) if math.isfinite(v) else "∞"),
    ("cost_per_month", "cost_per_month", "Cost per month", lambda v: formatting.money(v * MONTH) + "/month"),
)
API_SCALE = {"cost_per_month": MONTH}  # USD/s → USD/month, as cost_per_month is reported
WANTED = tuple(source for _, source, _, _ in COLUMNS)


@dataclass(frozen=True)
class Year:
    year: int
    values: dict[str, float]  # canonical units, cost per month in USD/s

    def shown(self) -> list[str]:
        return [show(self.values[key]) for key, _, _, show in COLUMNS]

    def as_dict(self) -> dict:
        return {"year": self.year, **{key: self.values[key] * API_SCALE.get(key, 1.0) for key, _, _, _ in COLUMNS}}


def years_held(year: int, growth: float, retention_years: float) -> float:
    """The data held at the end of `year`, in years' worth of year 1's writes:
    Σ over years k ≤ year of (1 + growth)^(k−1) × the part of year k within the retention."""
    start = max(0.0, year - retention_years)
    return sum((1 + growth) ** (k - 1) * max(0.0, k - max(k - 1, start)) for k in range(1, year + 1))


def timeline(calculator, estimate) -> list[Year] | None:
    """Years 0 … horizon, or None when an input the timeline needs is bad or missing."""
    env = estimate.input_values
    if any(name not in env for name in ("growth", "horizon", "retention")) or "storage_total" in estimate.errors:
        return None
    growth, retention = env["growth"], env["retention"]
    horizon = round(env["horizon"] / YEAR)
    given = {name for name in ("read_qps", "write_qps") if estimate.inputs.get(name) is not None}
    rows = []
    for year in range(horizon + 1):
        factor = (1 + growth) ** year
        values = dict(env)
        for name in ("dau", *given):
            if name in values:  # a bad dau leaves the results that need it out, and so the timeline
                values[name] = env[name] * factor
        # The retention that holds exactly this year's data at this year's rate of writes.
        values["retention"] = years_held(year, growth, retention / YEAR) * YEAR / factor
        computed = calculator.values(values, given, WANTED)
        if any(source not in computed for _, source, _, _ in COLUMNS):
            return None
        rows.append(Year(year, {key: computed[source] for key, source, _, _ in COLUMNS}))
    return rows
