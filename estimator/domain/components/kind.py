"""What a component kind declares, once: its parameters (inputs of their own, read like any
field and qualified by the component's name), the counts it sizes with the limits that can
bind each, and its other results, each one expression of the formula language.

A kind module holds one `KIND`; `components/__init__.py` finds every module, so adding a kind
is adding a file. Everything a page, the API, the markdown, the diagram or the docs show of a
kind is read from its declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .. import formatting
from ..inputs import (COPIES, DURATION, FRACTION, PER_GB, PER_GB_MONTH, PER_MONTH, PER_SECOND, RATIO, REQUESTS,
                      SIZE, SIZE_PER_REQUEST, Input, Quantity)

GROUP = "Architecture"

# Kinds of parameter the inputs do not already have. A count of things held open or stored
# (connections, documents) is a plain number; users or requests may stand for them.
COUNT = Quantity("a count", "", "", bare="", counts=True, fillers=("1/user", "1/request"))
NODES = Quantity("a whole count", "", "", bare="", counts=True, whole=True)
BANDWIDTH = Quantity("a bandwidth", "B/s", "byte/second", suggestion="MB/s")
PER_ITEM = Quantity("money per item", "USD/req", "USD/request", bare="USD/request", fillers=("1/request",))

KINDS_OF_PARAMETER = {
    "rate": PER_SECOND, "size": SIZE, "size_per_item": SIZE_PER_REQUEST, "duration": DURATION,
    "fraction": FRACTION, "copies": COPIES, "nodes": NODES, "count": COUNT, "requests": REQUESTS, "ratio": RATIO,
    "bandwidth": BANDWIDTH, "per_month": PER_MONTH, "per_gb_month": PER_GB_MONTH, "per_gb": PER_GB,
    "per_item": PER_ITEM,
}
_SHOW = {PER_SECOND: lambda v: formatting.count(v, "req/s"), SIZE: formatting.size, BANDWIDTH:
         lambda v: formatting.size(v, per="/s"), DURATION: formatting.duration}


def parameter(name: str, kind: str, default: str | None, help: str, example: str = "", *,
              minimum: float | None = 0, maximum: float | None = None, exclusive_minimum: bool = False) -> Input:
    """A kind's parameter: an input of its own (`default` None: the parameter is required).
    Bounds are in the API's unit of its kind, as for any input."""
    quantity = KINDS_OF_PARAMETER[kind]
    return Input(name, name.replace("_", " "), GROUP, quantity, default or "", help, example or default or "",
                 minimum=minimum, maximum=maximum, exclusive_minimum=exclusive_minimum,
                 show=_SHOW.get(quantity, formatting.number))


@dataclass(frozen=True)
class Limit:
    """One thing that can set a count: `bound` is what the page says beside the count when
    this limit is the largest ("peak requests", "storage"); a `floor` is a minimum kept for
    redundancy or shape, not a demand."""

    bound: str
    expression: str
    floor: bool = False


@dataclass(frozen=True)
class Count:
    """A whole count sized as the largest of its limits (nodes, shards, replicas)."""

    name: str
    label: str
    limits: tuple[Limit, ...]

    @property
    def expression(self) -> str:
        terms = [limit.expression for limit in self.limits]
        return terms[0] if len(terms) == 1 else f"max({', '.join(terms)})"


@dataclass(frozen=True)
class Output:
    """Any other result: `unit` is its canonical unit as the engine names them ("B",
    "USD/month", "" for a plain number)."""

    name: str
    label: str
    expression: str
    unit: str
    display: str = ""  # "integer" for a whole count


@dataclass(frozen=True)
class Kind:
    """A component kind. `rented` kinds run no nodes of ours (their nodes are 0, their bound
    says so); `example` is the line "Add a component" inserts."""

    name: str
    summary: str
    params: tuple[Input, ...]
    counts: tuple[Count, ...]
    outputs: tuple[Output, ...]
    example: str
    rules: str  # the sizing rule in words, with its sources: shown on the page and in the docs
    rented: bool = False
    by_param: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_param", {p.name: p for p in self.params})
        results = [c.name for c in self.counts] + [o.name for o in self.outputs]
        if "nodes" not in results or "cost" not in results:
            raise TypeError(f"{self.name}: every kind has the results nodes and cost")

    @cached_property
    def local_names(self) -> tuple[str, ...]:
        """The names a kind's expressions read as its own (qualified by the component's name)."""
        return tuple(self.by_param) + tuple(c.name for c in self.counts) + tuple(o.name for o in self.outputs)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.optional)

    @property
    def results(self) -> tuple[Count | Output, ...]:
        """Counts then outputs: each reads only parameters and the results before it."""
        return self.counts + self.outputs

    def qualify(self, expression: str, component: str) -> str:
        """A kind's expression read for one component: its own names prefixed (`rate` →
        `fan.rate`); inputs and references (`peak_factor`, `ref.…`) stay as they are."""
        return _local_pattern(self.local_names).sub(lambda m: f"{component}.{m.group(1)}", expression)

    def bound(self, values: dict[str, list[float]]) -> str:
        """Which limit sets the node count, from the values of every count's limits: of the
        counts bound by a demand (not a floor), the one that demand multiplies most over its
        floor (a search index's 58 copies for queries over its 3 shards for storage); with
        none, the first count's floor."""
        if self.rented:
            return RENTED
        best: tuple[float, str] | None = None
        floor_bound = ""
        for count in self.counts:
            figures = values.get(count.name)
            if not figures:
                continue
            top = max(figures)
            floors = [figure for limit, figure in zip(count.limits, figures) if limit.floor]
            binding = [limit for limit, figure in zip(count.limits, figures) if figure >= top * (1 - 1e-12)]
            demand = next((limit for limit in binding if not limit.floor), None)
            if demand is None or (floors and top <= max(floors)):  # at its floor, a demand only ties it
                floor_bound = binding[0].bound  # the last count's floor: a database at 1 shard and 2 replicas is at its redundancy
                continue
            ratio = top / max(max(floors, default=1.0), 1.0)
            if best is None or ratio > best[0]:
                best = (ratio, demand.bound)
        return best[1] if best else floor_bound

    def template(self, component: str) -> str:
        """The line "Add a component" inserts: the example with the component's name."""
        return component + self.example[self.example.index(" ="):]


def _local_pattern(names: tuple[str, ...]) -> re.Pattern:
    # Our own declaration text only (never user text): a local name not part of a longer or dotted one.
    return re.compile(r"(?<![\w.])(" + "|".join(sorted(names, key=len, reverse=True)) + r")(?![\w.])")


FLOOR_REDUNDANCY = "minimum for redundancy"
RENTED = "rented"


def peak_limit(bound: str, demand: str, per_node: str) -> Limit:
    """⌈demand × peak_factor ÷ (per_node × utilization)⌉: the usual throughput limit."""
    return Limit(bound, f"ceil({demand} × peak_factor ÷ ({per_node} × utilization))")


def held_limit(bound: str, held: str, per_node: str) -> Limit:
    """⌈held ÷ (per_node × utilization)⌉: what is held (bytes, connections) at planned fill."""
    return Limit(bound, f"ceil({held} ÷ ({per_node} × utilization))")


def price_params(price: str = "price_db_node", storage_price: str | None = "price_db_storage") -> tuple[Input, ...]:
    """A kind's prices: per node a month, and per byte stored a month for stores."""
    params = (parameter("price", "per_month", price, "What one node costs a month."),)
    if storage_price:
        params += (parameter("storage_price", "per_gb_month", storage_price,
                             "What a byte stored costs a month (disks billed apart from nodes)."),)
    return params


def store_cost() -> Output:
    return Output("cost", "Cost a month (nodes + storage)", "nodes × price + storage × storage_price", "USD/month")


def node_cost() -> Output:
    return Output("cost", "Cost a month", "nodes × price", "USD/month")


def rented_nodes() -> Count:
    return Count("nodes", "Nodes (rented: none of ours)", (Limit(RENTED, "0", floor=True),))
