"""The growth timeline (README, What it costs and how it grows): years 0 … horizon, each the
estimate's own plan run again on that year's users and the data held then. Not a second copy
of any formula: the years follow the plan the estimate ran (its formulas, the inputs it
computed from names, such as a component's parameters, and the user's lines), cut to what the
columns need and to what reads a grown figure (users, the rates given, the retention: the
rest, a price or a node's capacity, keeps today's value), with those inputs replaced by
arrays of years, run once on numpy arrays (each closure on samples, each range at its
median as in the exact run); a year whose figures are not finite somewhere or a parameter
out of its field's bounds in some year sends the whole timeline to the run on floats, once
a year, which says exactly what each such year computes. A year's displays are written only
when read.

So every component is re-sized each year (architecture.md): `thumbs = workers(rate:
write_qps, …)` takes each year's writes, a cache sized by a day's reads each year's reads,
a store whose data reads `retention` each year's data held, and the aggregates
(`nodes_total`, `cost_per_month`) sum them. A parameter or line reading no name keeps its
figure (a fixed 1 TB dataset is held from today).

Users grow at each year's end: dau_y = dau × (1 + growth)^y (given read_qps and write_qps
grow with them). The data written during year k (k ≥ 1) is storage_per_year × (1 + growth)^(k−1)
× 1 year; at year y the data held is what was written in the last `retention` before it
(nothing was written before today). The formulas count held data like storage_total
(database copies plus one object-storage copy), so running them with the retention that holds
exactly that data gives each year's storage, servers, nodes and costs (a line reading
`retention` reads that one too: the time its year's data has been written for).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from . import lexicon
from .engine.plan import follow
from .errors import InputError
from .lang.compile import compile_samples, compile_tree
from .lang.errors import EvaluationError
from .lang.nodes import ranges_in

YEAR = lexicon.to_canonical("year")
# (key in the API, the input or formula it reads, label): each shown and reported as its input
# or formula is everywhere else.
COLUMNS = (
    ("dau", "dau", "Daily users"),
    ("peak_qps", "peak_qps", "Peak QPS"),
    ("storage_held", "storage_total", "Storage held"),
    ("app_servers", "app_servers", "App servers"),
    ("db_nodes", "db_nodes", "Database nodes"),
    ("nodes_total", "nodes_total", "Nodes in all"),
    ("cost_per_month", "cost_per_month", "Cost per month"),
)
UNAVAILABLE = "—"  # a column whose result the architecture does without (db_nodes when db is a kv_store)
LABELS = tuple(label for _, _, label in COLUMNS)
WANTED = tuple(source for _, source, _ in COLUMNS)
OPTIONAL = frozenset(("app_servers", "db_nodes"))  # figures of a default component, which a line may replace


@dataclass(frozen=True)
class Year:
    year: int
    values: dict[str, float | None]  # canonical units (cost per month in USD/s); None: unavailable
    api: dict[str, float | None]  # each column in its API unit (cost per month in USD/month)
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
    years = _years(calculator, estimate)
    if years is None:
        return None
    columns = _on_arrays(years)
    if columns is None:
        columns = _year_by_year(years)
    if columns is None:
        return None
    # A column whose figure today is unavailable (over ranges, a parameter some samples cannot
    # compute) is unavailable every year: the years never show what today's result refuses.
    today = estimate.results
    columns = {source: values for source, values in columns.items()
               if (result := today.get(source)) is None or result.value is not None}
    return [_year(calculator, year, {key: columns[source][year] if source in columns else None
                                     for key, source, _ in COLUMNS}, estimate.binary)
            for year in range(len(years.factors))]


@dataclass(frozen=True)
class _Years:
    """What each year runs: the plan cut to the columns, the inputs of today (those computed
    from names left to each year), the rates given, each year's growth and retention."""

    estimate: object
    plan: tuple[tuple[str, object], ...]
    env: dict[str, float]
    given: frozenset[str]
    factors: list[float]
    retentions: list[float]
    wanted: tuple[str, ...]  # the columns computed (one of a default no longer there is not)


def _years(calculator, estimate) -> _Years | None:
    inputs = estimate.input_values
    if any(name not in inputs for name in ("growth", "horizon", "retention")) or "storage_total" in estimate.errors:
        return None
    growth, retention = inputs["growth"], inputs["retention"]
    years = range(round(inputs["horizon"] / YEAR) + 1)
    given = frozenset(name for name in ("read_qps", "write_qps") if estimate.inputs.get(name) is not None)
    # An input computed from names (a component's parameter: rate: write_qps) is computed again
    # each year; a given rate keeps its figure, grown with the users.
    env = {name: value for name, value in inputs.items() if name not in estimate.computed or name in given}
    factors = [(1 + growth) ** year for year in years]
    # The retention that holds exactly each year's data at that year's rate of writes.
    retentions = [years_held(year, growth, retention / YEAR) * YEAR / factor for year, factor in zip(years, factors)]
    # A column of a default the architecture replaced or removed (db_nodes when db is a
    # kv_store, app_servers when app = none) is unavailable in the estimate: "—" each year.
    wanted = tuple(source for source in WANTED if source not in OPTIONAL
                   or (result := estimate.results.get(source)) is not None and result.available)
    plan, held = _replayed(calculator, estimate, wanted, frozenset(("dau", "retention", *given)))
    env.update(held)
    return _Years(estimate, plan, env, given, factors, retentions, wanted)


def _year(calculator, year: int, values: dict[str, float | None], binary: bool) -> Year:
    api = {key: None if values[key] is None else _api_value(calculator, source, values[key])
           for key, source, _ in COLUMNS}
    return Year(year, values, api, lambda: tuple(UNAVAILABLE if values[key] is None
                                                 else _shown(calculator, source, values[key], binary)
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


def _replayed(calculator, estimate, wanted: tuple[str, ...], grown: frozenset[str]) -> tuple[tuple, dict]:
    """(the estimate's plan cut to what the columns need and to what a grown figure reaches,
    in its order; today's values of the rest). The plan holds formulas, inputs computed from
    names (a component's parameters: `thumbs.rate` reads write_qps) and the lines they read;
    only what computed today (what could not, cannot in a later year). What reads none of the
    `grown` figures, even through others (a price, a node's capacity), is the same every year:
    today's value, not computed again.

    Which items are run and which are held depends only on the plan's shape (what each item
    reads) and on which inputs and lines computed today, not on any figure: it is remembered
    by the calculator under that shape (`_cut`), so an estimate with a new figure, the API's
    distinct queries, does not walk the plan again."""
    plan = estimate.plan
    computed, values, inputs = estimate.computed, estimate.values, estimate.inputs
    shape = tuple((item.name, item.names, item.given_by) if kind == "formula"
                  else (kind, item, inputs[item].names, item in computed) if kind == "input"
                  else (kind, item.name, item.names, item.name in values)
                  for kind, item in plan)
    memo = _memo(calculator)
    key = (shape, wanted, grown)
    cut = memo.get(key)
    if cut is None:
        if len(memo) >= _MAX_CUTS:
            memo.clear()
        cut = memo[key] = _cut(calculator, plan, estimate, wanted, grown)
    run, held = cut
    return (tuple(plan[entry] if entry.__class__ is int else entry for entry in run),
            {name: value for name, kind in held
             if (value := computed.get(name) if kind == "input" else values.get(name)) is not None})


_MAX_CUTS = 16  # cuts a calculator remembers: a distinct query repeats one shape; each is ~10–30 KB


def _memo(calculator) -> dict:
    memo = calculator.__dict__.get("_timeline_cuts")
    if memo is None:
        memo = calculator.__dict__["_timeline_cuts"] = {}
    return memo


def _cut(calculator, plan, estimate, wanted: tuple[str, ...], grown: frozenset[str]) -> tuple[tuple, tuple]:
    """(the items run each year, in order: an item of the plan by its index there, which may be
    a line of this estimate's own, or a formula of the calculator's; (name, kind) of the items
    held at today's value)."""
    if all(kind == "formula" for kind, _ in plan):  # no parameter or line reads a name: the memo serves
        cut = [("formula", step) for step in calculator._needed(wanted)]
    else:
        reads: dict[str, frozenset[str]] = {}
        for kind, item in plan:
            if kind == "formula":
                reads[item.name] = item.names | ({item.given_by} if item.given_by else frozenset())
            elif kind == "input":
                reads[item] = estimate.inputs[item].names
            else:
                reads[item.name] = item.names
        needed, frontier = set(), list(wanted)
        while frontier:
            name = frontier.pop()
            if name in reads and name not in needed:
                needed.add(name)
                frontier.extend(reads[name])
        cut = [index for index, (kind, item) in enumerate(plan)
               if (kind == "formula" and item.name in needed)
               or (kind == "input" and item in needed and item in estimate.computed)
               or (kind == "line" and item.name in needed and item.name in estimate.values)]
    varying, run, held = set(grown), [], []
    inputs = estimate.inputs
    for entry in cut:  # in dependency order: what an item reads is judged before it
        kind, item = plan[entry] if entry.__class__ is int else entry
        if kind == "input":
            name, names = item, inputs[item].names
        else:
            name, names = item.name, item.names
        if not varying.isdisjoint(names) or (kind == "formula" and item.given_by in varying):
            varying.add(name)
            run.append(entry)
        else:
            held.append((name, kind))
    return tuple(run), tuple(held)


class _NotOnArrays(Exception):
    """A year's figure the run on arrays cannot give (a parameter out of its field's bounds in
    some year): the run year by year says what each year computes."""


class _Year:
    """One run of the replayed plan on a year's values (floats), or on every year at once
    (numpy arrays of years): the runner plan.follow() drives, like the run on samples."""

    def __init__(self, estimate, env: dict, given: set[str], arrays: bool):
        self.estimate = estimate
        self.env = env
        self.given = given
        self.arrays = arrays

    def formula(self, step) -> None:
        env = self.env
        if step.given_by in self.given or not step.names <= env.keys():
            return  # a given rate keeps the input's figure, grown; what cannot be computed is left out
        if self.arrays:
            env[step.name] = step.sample(env, ())
            return
        try:
            env[step.name] = step.evaluate(env)
        except (EvaluationError, OverflowError, ValueError):
            pass

    def input(self, name: str) -> None:
        estimate, env = self.estimate, self.env
        parsed = estimate.inputs[name]
        if name in self.given or not parsed.names <= env.keys():
            return
        spec = estimate.calculator.by_name[name]
        scale = estimate.scales[name]
        if self.arrays:
            value = _on_samples(parsed.tree)(env, _medians(parsed.tree)) * scale
            try:
                for one in _to_check(value, spec):
                    spec.check_bounds(one, parsed.text)
            except InputError:
                raise _NotOnArrays from None
        else:
            try:
                value = _on_floats(parsed.tree)(env) * scale
                spec.check_bounds(value, parsed.text)
            except (InputError, EvaluationError, OverflowError, ValueError):
                return  # out of its field's bounds this year: what reads it is left out
        env[name] = value

    def line(self, row) -> None:
        env = self.env
        if not row.names <= env.keys():
            return
        if self.arrays:
            env[row.name] = row.sample(env, _medians(row.tree))
            return
        try:
            env[row.name] = row.evaluate(env)
        except (EvaluationError, OverflowError, ValueError):
            pass


def _to_check(value, spec) -> tuple[float, ...]:
    """The figures of a parameter's years that decide whether all are within its field's
    bounds: the one figure when it is the same every year; the least and the greatest (a NaN
    among them is the least), and every year's when the field takes whole numbers only."""
    if np.ndim(value) == 0:
        return (float(value),)
    if getattr(spec.kind, "whole", False):
        return tuple(np.ravel(value).tolist())
    return float(np.min(value)), float(np.max(value))


@lru_cache(maxsize=256)
def _on_floats(tree):
    return compile_tree(tree)


@lru_cache(maxsize=256)
def _on_samples(tree):
    return compile_samples(tree)


@lru_cache(maxsize=256)
def _medians(tree) -> tuple[float, ...]:
    """Each range of the tree at its median, in the order its closure on samples reads them:
    the timeline reads a range as the exact run does."""
    return tuple(node.median for node in ranges_in(tree))


def _on_arrays(years: _Years) -> dict[str, list[float]] | None:
    """Each column's values by year, from one run of the plan on arrays of years; None when
    that run cannot say (a value not finite in some year, a parameter out of its bounds in
    some year: the run year by year can)."""
    plan, wanted = years.plan, years.wanted
    values = _grown(years.env, years.given, np.array(years.factors), np.array(years.retentions))
    arrays = []
    with np.errstate(all="ignore"):
        try:
            follow(plan, _Year(years.estimate, values, years.given, arrays=True))
        except _NotOnArrays:
            return None
        for kind, item in plan:
            value = values.get(item if kind == "input" else item.name)
            if isinstance(value, np.ndarray):
                arrays.append(value.ravel())
            elif value is not None and not math.isfinite(value):
                return None
        if arrays and not np.isfinite(np.concatenate(arrays)).all():  # one test for all
            return None
    if any(source not in values for source in wanted):
        return None
    count = len(years.factors)
    return {source: (value.tolist() if isinstance(value := values[source], np.ndarray) and value.shape == (count,)
                     else [float(value)] * count) for source in wanted}


def _year_by_year(years: _Years) -> dict[str, list[float | None]] | None:
    """Each column's values by year, the plan run once a year on floats; None when a column
    the estimate itself cannot compute is wanted. A year that cannot compute a column (a
    parameter out of its field's bounds that year, a p99 target past the search's limit) has
    None there, shown "—": the other years and columns stand (the whole timeline vanishing for
    one year's figure would say nothing of why)."""
    wanted = years.wanted
    results = years.estimate.results
    if any((result := results.get(source)) is not None and not result.available for source in wanted):
        return None
    columns: dict[str, list[float | None]] = {source: [] for source in wanted}
    for factor, retention in zip(years.factors, years.retentions):
        values = _grown(years.env, years.given, factor, retention)
        follow(years.plan, _Year(years.estimate, values, years.given, arrays=False))
        for source in wanted:
            columns[source].append(values.get(source))
    return columns
