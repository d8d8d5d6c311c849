"""The growth timeline (README, What it costs and how it grows): years 0 … horizon, each the
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

from dataclasses import dataclass

from . import lexicon

YEAR = lexicon.to_canonical("year")
# (key in the API, the input or formula it reads, label): each shown and reported as its input
# or formula is everywhere else.
COLUMNS = (
    ("dau", "dau", "Daily users"),
    ("peak_qps", "peak_qps", "Peak QPS"),
    ("storage_held", "storage_total", "Storage held"),
    ("app_servers", "app_servers", "App servers"),
    ("db_nodes", "db_nodes", "Database nodes"),
    ("cost_per_month", "cost_per_month", "Cost per month"),
)
LABELS = tuple(label for _, _, label in COLUMNS)
WANTED = tuple(source for _, source, _ in COLUMNS)


@dataclass(frozen=True)
class Year:
    year: int
    values: dict[str, float]  # canonical units (cost per month in USD/s)
    shown: tuple[str, ...]  # each column as the page shows it
    api: dict[str, float]  # each column in its API unit (cost per month in USD/month)


def _column(calculator, source: str, value: float, binary: bool) -> tuple[str, float]:
    """(display, API value) of one column, by its input's kind or its formula's compiled step."""
    step = calculator.step_by_name.get(source)
    if step is not None:
        return step.show(value, binary), value * step.api_scale
    kind = calculator.by_name[source].kind
    return kind.show(value), kind.api_value(value)


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
        if any(source not in computed for source in WANTED):
            return None
        columns = [(key, computed[source], *_column(calculator, source, computed[source], estimate.binary))
                   for key, source, _ in COLUMNS]
        rows.append(Year(year, {key: value for key, value, _, _ in columns}, tuple(shown for _, _, shown, _ in columns),
                         {key: api for key, _, _, api in columns}))
    return rows
