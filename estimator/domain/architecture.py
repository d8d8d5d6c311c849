"""The estimate's architecture: a set of named components (components/), the default five
declared here as component lines, the built-in results that name them (aliases), and the
aggregates over every component.

With no component in the user's lines the estimate is exactly the default set:

    app     = servers(rate: total_qps)
    cache   = cache(data: …the hot share of a day's reads, at most the data held…)
    db      = database(writes: write_qps, reads: read_qps × (1 − cache.hit_rate), data: …)
    objects = object_store(data: object_storage_total)
    net     = transfer(out: egress)

A line with a default's name replaces it (`db = kv_store(…)`), `cache = none` removes it, and
every other component line adds to the set. The aggregates (`cost_per_month`,
`storage_total`, `nodes_total`, `memory_total`) sum over whatever the set is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon, reliability
from .system import MAX_COPIES
from .lang.compile import compile_tree
from .lang.functions import whole_ceiling, whole_floor
from .lang.nodes import Call
from .lang.parse import parse
from .components import GROUP, KINDS, NONE, Kind
from .components.instance import MAX_COMPONENTS, Declared, Instance, Parameter, instance
from .components.instance import read as read_component
from .engine import Extension, Formula
from .storage import IN_OBJECT_STORAGE

# The rows one copy of the database holds: every write's row for the retention (a pointer and
# metadata when the object itself goes to object storage).
# A day's writes arrive within its active hours (storage_per_day counts them).
_ROWS_HELD = f"write_qps × active_hours ÷ 1 day × retention × if({IN_OBJECT_STORAGE}, metadata_size, object_size)"
_HOT_SET = "min(read_qps × active_hours × response_size × cache_hot_fraction, storage_per_day × retention)"

DEFAULT_LINES = (
    "app = servers(rate: total_qps)",
    f"cache = cache(data: {_HOT_SET}, reads: read_qps)",
    f"db = database(writes: write_qps, reads: read_qps × (1 − cache.hit_rate), data: {_ROWS_HELD})",
    "objects = object_store(data: object_storage_total)",
    "net = transfer(out: egress × active_hours ÷ 1 day)",
)
# The database takes every read when no cache (with a hit rate) stands before it.
_DB_READS_WITHOUT_CACHE = "read_qps"


@dataclass(frozen=True)
class Alias:
    """A built-in result that is a figure of a default component: `expression` reads it."""

    name: str
    label: str
    group: str
    expression: str
    unit: str
    component: str  # the default it reads
    kind: str  # the kind it needs that default to be
    display: str = ""


ALIASES = (
    Alias("app_servers", "App servers", "Capacity", "app.nodes", "", "app", "servers", "integer"),
    Alias("cache_memory", "Cache memory", "Capacity", "cache.memory", "B", "cache", "cache"),
    Alias("cache_nodes", "Cache nodes", "Capacity", "cache.nodes", "", "cache", "cache", "integer"),
    Alias("db_shards", "Database shards", "Capacity", "db.shards", "", "db", "database", "integer"),
    Alias("read_replicas", "Read replicas per shard", "Capacity", "db.replicas", "", "db", "database", "integer"),
    Alias("db_nodes", "Database nodes (shards × (1 + replicas))", "Capacity", "db.nodes", "", "db", "database",
          "integer"),
    Alias("db_storage_total", "Database storage (all copies)", "Data", "db.storage", "B", "db", "database"),
    Alias("cost_app_servers", "App servers", "Cost", "app.cost", "USD/month", "app", "servers"),
    Alias("cost_db_nodes", "Database nodes", "Cost", "db.nodes × db.price", "USD/month", "db", "database"),
    Alias("cost_cache", "Cache memory", "Cost", "cache.cost", "USD/month", "cache", "cache"),
    Alias("cost_db_storage", "Database storage", "Cost", "db.storage × db.storage_price", "USD/month", "db",
          "database"),
    Alias("cost_object_storage", "Object storage", "Cost", "objects.cost", "USD/month", "objects", "object_store"),
    Alias("cost_egress", "Egress", "Cost", "net.cost", "USD/month", "net", "transfer"),
)


@dataclass(frozen=True)
class Aggregate:
    """A sum over every component that has the result `of`."""

    name: str
    label: str
    group: str
    of: str
    unit: str
    display: str = ""
    product: bool = False  # a product over the components (availability), else a sum
    served: bool = False  # only components that serve requests with nodes of their own (not rented, not caches)

    def expression(self, components: tuple[Instance, ...]) -> str:
        terms = [c.qualified(self.of) for c in components
                 if any(r.name == self.of for r in c.kind.results)
                 and (c.kind.tier or not self.served)]
        if self.product:
            return " × ".join(terms) if terms else "100%"
        return " + ".join(terms) if terms else ("0" + (f" {self.unit}" if self.unit else ""))


AGGREGATES = (
    Aggregate("storage_total", "Total storage", "Data", "storage", "B"),
    Aggregate("nodes_total", "Nodes in all", "Capacity", "nodes", "", "integer"),
    Aggregate("memory_total", "Memory in all", "Capacity", "memory", "B"),
    Aggregate("cost_per_month", "Cost per month", "Cost", "cost", "USD/month"),
    # Independent failures; a request touches every tier once. Caches aside (a miss falls back
    # to its store: it costs latency, not requests) and rented services aside (their SLA is theirs).
    Aggregate("architecture_availability", "Availability of the architecture", "Availability", "availability", "",
              "percent", product=True, served=True),
)


AVAILABILITY_MET = Formula("availability_met", "The architecture meets the availability target", "Availability",
                           "architecture_availability >= availability", "", display="check")


@dataclass(frozen=True)
class Architecture:
    """The components of one estimate in declaration order, defaults first: `changed` names
    the defaults replaced or removed (name → what it is now: a kind's name or `none`)."""

    components: tuple[Instance, ...]
    rows: dict[str, int]  # component → the row of the lines that declares it (0: a default)
    changed: dict[str, str]

    def why_not(self, alias: Alias) -> str:
        """Why an alias is unavailable in this architecture ("" when it applies)."""
        now = self.changed.get(alias.component)
        if now is None or now == alias.kind:
            return ""
        if now == NONE:
            return f"{alias.component} was removed ({alias.component} = none)"
        return f"{alias.component} is a {now}: see {alias.component}.{_nearest(alias, KINDS[now])}"


_SEE_BY_GROUP = {"Cost": "cost", "Data": "storage"}


def _nearest(alias: Alias, kind: Kind) -> str:
    """The result of the kind now in a default's place nearest to what an alias named: the same
    result (cache.memory), else one of its group (a cost, a storage), else the nodes."""
    has = {result.name for result in kind.results}
    component, _, local = alias.expression.partition(".")
    wanted = [local] if component == alias.component and local.isidentifier() else []
    wanted.append(_SEE_BY_GROUP.get(alias.group, "nodes"))
    return next((name for name in wanted if name in has), "nodes")


def _declared(line: str) -> tuple[str, Declared]:
    name, _, expression = line.partition(" = ")
    return name, read_component(expression)


DEFAULTS: tuple[tuple[str, Declared], ...] = tuple(_declared(line) for line in DEFAULT_LINES)
DEFAULT_NAMES = tuple(name for name, _ in DEFAULTS)


def default_instances(*, db_reads: str | None = None) -> tuple[Instance, ...]:
    """The default components as instances (the database's reads given, when a cache no
    longer stands before it)."""
    made = []
    for name, declared in DEFAULTS:
        args = declared.args
        if name == "db" and db_reads is not None:
            args = tuple((p, db_reads if p == "reads" else text, column) for p, text, column in args)
        made.append(instance(name, declared.kind, args))
    return tuple(made)


def arrange(declared: list[tuple[str, int, Declared]]) -> tuple[Architecture, dict[int, str]]:
    """The architecture from the user's component lines (name, row, declaration), and the
    errors by row: a name declared twice (the first stands, as for lines), a `none` that
    removes nothing, more than MAX_COMPONENTS components."""
    errors: dict[int, str] = {}
    by_default = {}
    added = []
    first: dict[str, int] = {}
    for name, row, component in declared:
        if name in first:
            errors[row] = f"'{name}' is already defined on line {first[name]}"
            continue
        first[name] = row
        if name in DEFAULT_NAMES:
            by_default[name] = (row, component)
        elif component.removes:
            errors[row] = (f"'{name} = none' removes a default component, and {name} is not one "
                           f"(the defaults are {', '.join(DEFAULT_NAMES)})")
        else:
            added.append((name, row, component))
    changed = {name: (NONE if c.removes else c.kind.name) for name, (row, c) in by_default.items()}
    cache_now = changed.get("cache")
    cached = cache_now is None or (cache_now != NONE and "hit_rate" in KINDS[cache_now].by_param)
    defaults = default_instances(db_reads=None if cached else _DB_READS_WITHOUT_CACHE)
    components, rows = [], {}
    for default in defaults:
        if default.name in by_default:
            row, component = by_default[default.name]
            if component.removes:
                continue
            components.append(instance(default.name, component.kind, component.args))
            rows[default.name] = row
        else:
            components.append(default)
            rows[default.name] = 0
    for name, row, component in added:
        if len(components) >= MAX_COMPONENTS:
            errors[row] = (f"at most {MAX_COMPONENTS} components in one estimate (the defaults count); "
                           f"remove one or fold two into one")
            continue
        components.append(instance(name, component.kind, component.args))
        rows[name] = row
    return Architecture(tuple(components), rows, changed), errors


@lru_cache(maxsize=1)
def default_architecture() -> Architecture:
    return Architecture(default_instances(), {name: 0 for name in DEFAULT_NAMES}, {})


# What the engine runs --------------------------------------------------------------------------

def _param_formula(param: Parameter) -> Formula:
    """A default's parameter as a built-in formula (its text is ours: it reads inputs)."""
    spec = param.spec
    kind = spec.kind
    same = lexicon.dimensionality(kind.unit) == kind.dims if kind.unit else not kind.dims
    return Formula(spec.name, spec.label, GROUP, param.text, kind.unit,
                   display=kind.display, dimension=None if same else kind.dimension, alias=True)


def _result_formulas(component: Instance) -> tuple[Formula, ...]:
    # A result that is one of its parameters (a cache's memory is its data) shows that one's work.
    return tuple(Formula(name, label, GROUP, expression, unit, display=display,
                         alias=expression.startswith(f"{component.name}.") and " " not in expression)
                 for name, label, expression, unit, display in component.results)


@lru_cache(maxsize=256)
def _formulas(component: Instance) -> tuple[Formula, ...]:
    return tuple(_param_formula(p) for p in component.params) + _result_formulas(component)


def _alias_formula(alias: Alias) -> Formula:
    return Formula(alias.name, alias.label, alias.group, alias.expression, alias.unit, display=alias.display,
                   alias=True)


def _aggregate_formula(aggregate: Aggregate, components: tuple[Instance, ...]) -> Formula:
    return Formula(aggregate.name, aggregate.label, aggregate.group, aggregate.expression(components),
                   aggregate.unit, display=aggregate.display, named=True)


def formulas() -> tuple[Formula, ...]:
    """The estimate's built-in formulas for the default architecture: every default's
    parameters and results, the aliases that name them, and the aggregates."""
    defaults = default_architecture().components
    return (*(f for c in defaults for f in _formulas(c)), *(_alias_formula(a) for a in ALIASES),
            *(_aggregate_formula(a, defaults) for a in AGGREGATES), AVAILABILITY_MET)


def extend(calculator, rows: list) -> Extension | None:
    """What the user's component lines add to the estimate (None: the default architecture,
    which the calculator's own formulas already are)."""
    declared = tuple((row.name, row.number, row.component) for row in rows
                     if row.component is not None and not row.error)
    if not declared:
        return None
    plain = tuple((row.name, row.number) for row in rows if row.is_line)
    return _extension(declared, plain, tuple(calculator.result_order))


@lru_cache(maxsize=256)
def _extension(declared: tuple, plain: tuple[tuple[str, int], ...], base_order: tuple[str, ...]) -> Extension:
    architecture, errors = arrange(list(declared))
    static = set(default_architecture().components)
    params, added, order = [], [], []
    dropped = set()
    for default in default_architecture().components:
        if default not in architecture.components:
            dropped.update(f.name for f in _formulas(default))
    for component in architecture.components:
        names = [p.spec.name for p in component.params] + [name for name, *_ in component.results]
        order.extend(names)
        if component in static:
            continue
        row = architecture.rows.get(component.name, 0)
        params.extend((p.spec, p.text, row) for p in component.params)
        added.extend((f, row) for f in _result_formulas(component))
    unavailable = []
    for alias in ALIASES:
        why = architecture.why_not(alias)
        if why:  # it stays, waiting for a name no component has; the run says why
            unavailable.append((alias.name, why))
    added.extend((_aggregate_formula(a, architecture.components), 0) for a in AGGREGATES)
    taken = {component.name for component in architecture.components}
    for name, row in plain:
        if name in taken:
            errors.setdefault(row, f"'{name}' is a component; choose another name")
    component_order = set(order)
    full_order = [n for n in base_order if n not in component_order and n not in dropped] + order
    return Extension(tuple(params), tuple(added), frozenset(dropped) - {a.name for a in AGGREGATES},
                     tuple(unavailable), tuple(sorted(errors.items())), tuple(full_order), detail=architecture)


# Each component's figures ----------------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    """One component as the headline, the API, the markdown and the diagram show it: values in
    the API's units (cost per month, bytes), None where it has no such figure or it is
    unavailable."""

    name: str
    kind: Kind
    row: int  # the row of the lines that declares it; 0 for a default
    nodes: float | None
    bound: str
    cost: float | None
    storage: float | None
    memory: float | None
    shown: dict[str, str]  # nodes, cost, storage, memory as displayed ("—" where it has none)
    results: tuple  # its parameters' and results' Result, in the kind's order

    def as_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind.name, "nodes": self.nodes, "bound": self.bound,
                "cost": self.cost, "storage": self.storage, "memory": self.memory}


def architecture_of(estimate) -> Architecture:
    extension = estimate.calculator.extension
    return extension.detail if extension is not None else default_architecture()


def summarize(estimate) -> list[Figures]:
    """Every component of the estimate, in declaration order (defaults first), with its figures."""
    architecture = architecture_of(estimate)
    results = estimate.results
    figures = []
    for component in architecture.components:
        def figure(local: str, _component=component) -> float | None:
            result = results.get(_component.qualified(local))
            return result.value if result is not None and result.available else None
        shown = {}
        for local in ("nodes", "cost", "storage", "memory"):
            result = results.get(component.qualified(local))
            shown[local] = result.display if result is not None else "—"
        own = tuple(results[n] for n in [p.spec.name for p in component.params] + [n for n, *_ in component.results]
                    if n in results)
        figures.append(Figures(component.name, component.kind, architecture.rows.get(component.name, 0),
                               figure("nodes"), _bound(component, estimate.values), figure("cost"),
                               figure("storage"), figure("memory"), shown, own))
    return figures


def _bound(component: Instance, env: dict[str, float]) -> str:
    values = {}
    for count, limits in _limit_closures(component.limits):
        try:
            values[count.rsplit(".", 1)[1]] = [limit(env) for limit in limits]
        except (KeyError, ArithmeticError, ValueError):
            return ""
    return component.kind.bound(values, component.given)


@lru_cache(maxsize=256)
def _limit_closures(limits: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple:
    """Each count's limits compiled, memoized by their texts (a tuple of strings hashes in
    a few steps; the Instance, a frozen tree of dataclasses, hashes in ~500 calls a request)."""
    return tuple((count, tuple(compile_tree(parse(text, declared=True)) for text in texts)) for count, texts in limits)


def workbench_system(estimate) -> str:
    """The tiers architecture_availability multiplies, in the availability workbench's grammar
    (`1 of 2 x app 99.9% -> 2 of 3 x db 99.9%`): each tier its k of N from its own availability
    formula, so the workbench computes the same figure with the same formula. "" when a tier's
    figures are unavailable."""
    env = estimate.values
    terms = []
    for component in architecture_of(estimate).components:
        if not component.kind.tier:
            continue
        counts = _k_of_n_of(component, env)
        shown = estimate.results.get(component.qualified("node_availability"))
        if counts is None or shown is None or not shown.available:
            return ""
        needed, nodes = counts
        if not 1 <= needed <= nodes <= MAX_COPIES:  # a k of N the workbench cannot take: no link, not a refused one
            return ""
        terms.append(f"{needed} of {nodes} x {component.name} {shown.display}")
    return " -> ".join(terms)


def _k_of_n_of(component: Instance, env: dict[str, float]) -> tuple[int, int] | None:
    """(k, N) of a component's availability formula, k_of_n(k, N, a) or majority(r, a), on `env`."""
    expression = next(e for n, _, e, *_ in component.results if n == component.qualified("availability"))
    tree = parse(expression, declared=True)
    if not isinstance(tree, Call) or tree.function not in ("k_of_n", "majority"):
        return None
    try:
        figures = [whole_floor(compile_tree(arg)(env)) for arg in tree.args[:-1]]
    except (KeyError, ArithmeticError, ValueError):
        return None
    if not all(math.isfinite(figure) for figure in figures):  # nodes past a float's range (∞): no k of N to write
        return None
    if tree.function == "majority":
        return reliability.majority_needed(int(figures[0])), int(figures[0])
    return int(whole_ceiling(figures[0])), int(figures[1])
