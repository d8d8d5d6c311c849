"""The growth timeline (README, What it costs and how it grows): years 0 … horizon, each the
estimate's own formulas run on that year's users and the data held then. Not a second copy
of any formula: the years are the calculator's values with two inputs replaced by arrays of
years, run once on numpy arrays (each formula's closure on samples); a year whose figures are
not finite somewhere sends the whole timeline to the run on floats, once a year, which says
exactly what each such year computes. A year's displays are written only when read.

Users grow at each year's end: dau_y = dau × (1 + growth)^y (given read_qps and write_qps
grow with them). The data written during year k (k ≥ 1) is storage_per_year × (1 + growth)^(k−1);
at year y the data held is what was written in the last `retention` before it (nothing was
written before today). The formulas count held data like storage_total (database copies plus
one object-storage copy), so running them with the retention that holds exactly that data
gives each year's storage, servers, nodes and costs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

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
    api: dict[str, float]  # each column in its API unit (cost per month in USD/month)
    show: Callable[[], tuple[str, ...]] = field(repr=False, compare=False)

    @cached_property
    def shown(self) -> tuple[str, ...]:
        """Each column as the page shows it: written when a page, markdown or CLI table reads
        it, never for the API (66 displays a 10-year timeline)."""
        return self.show()


def _shown(calculator, source: str, value: float, binary: bool) -> str:
    """One column's display, by its formula's compiled step or its input's kind."""
    step = calculator.step_by_name.get(source)
    return step.show(value, binary) if step is not None else calculator.by_name[source].kind.show(value)


def _api_value(calculator, source: str, value: float) -> float:
    """One column's value in its API unit, by its formula's compiled step or its input's kind."""
    step = calculator.step_by_name.get(source)
    return value * step.api_scale if step is not None else calculator.by_name[source].kind.api_value(value)


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
    years = range(round(env["horizon"] / YEAR) + 1)
    given = {name for name in ("read_qps", "write_qps") if estimate.inputs.get(name) is not None}
    factors = [(1 + growth) ** year for year in years]
    # The retention that holds exactly each year's data at that year's rate of writes.
    retentions = [years_held(year, growth, retention / YEAR) * YEAR / factor for year, factor in zip(years, factors)]
    columns = _on_arrays(calculator, env, given, factors, retentions)
    if columns is None:
        columns = _year_by_year(calculator, env, given, factors, retentions)
    if columns is None:
        return None
    return [_year(calculator, year, {key: columns[source][year] for key, source, _ in COLUMNS}, estimate.binary)
            for year in years]


def _year(calculator, year: int, values: dict[str, float], binary: bool) -> Year:
    api = {key: _api_value(calculator, source, values[key]) for key, source, _ in COLUMNS}
    return Year(year, values, api, lambda: tuple(_shown(calculator, source, values[key], binary)
                                                 for key, source, _ in COLUMNS))


def _grown(env: dict[str, float], given: set[str], factor, retention) -> dict:
    """The inputs of a year (or of every year, as arrays): users, and the rates given with
    them, grown by `factor`; the retention that holds that year's data."""
    values = dict(env)
    for name in ("dau", *given):
        if name in values:  # a bad dau leaves the results that need it out, and so the timeline
            values[name] = env[name] * factor
    values["retention"] = retention
    return values


def _on_arrays(calculator, env, given, factors, retentions) -> dict[str, list[float]] | None:
    """Each column's values by year, from one run of the formulas on arrays of years; None
    when that run cannot say (a value not finite in some year: the run year by year can)."""
    computed = calculator.values_on_arrays(_grown(env, given, np.array(factors), np.array(retentions)), given, WANTED)
    if computed is None or any(source not in computed for source in WANTED):
        return None
    count = len(factors)
    return {source: (value.tolist() if isinstance(value := computed[source], np.ndarray) and value.shape == (count,)
                     else [float(value)] * count) for source in WANTED}


def _year_by_year(calculator, env, given, factors, retentions) -> dict[str, list[float]] | None:
    """Each column's values by year, the formulas run once a year on floats; None when a
    column cannot be computed."""
    columns: dict[str, list[float]] = {source: [] for source in WANTED}
    for factor, retention in zip(factors, retentions):
        computed = calculator.values(_grown(env, given, factor, retention), given, WANTED)
        if any(source not in computed for source in WANTED):
            return None
        for source in WANTED:
            columns[source].append(computed[source])
    return columns
