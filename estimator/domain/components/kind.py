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
GLOBAL_NAMES = {"utilization"}  # inputs a kind's expressions read that a result of the kind also names

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
    when: str = ""  # a parameter that must be given in the line for this limit to apply (a p99 target)
    per: str = ""  # the parameter saying what one node takes (a capacity, not a demand): per_node, node_ops


@dataclass(frozen=True)
class Count:
    """A whole count sized as the largest of its limits (nodes, shards, replicas)."""

    name: str
    label: str
    limits: tuple[Limit, ...]

    def applying(self, given: frozenset[str] | set[str] = frozenset()) -> tuple[Limit, ...]:
        """The limits that apply when the parameters `given` are typed in the line."""
        return tuple(limit for limit in self.limits if not limit.when or limit.when in given)

    def expression(self, given: frozenset[str] | set[str] = frozenset()) -> str:
        terms = [limit.expression for limit in self.applying(given)]
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


@dataclass(frozen=True, eq=False)  # one per module: compared and hashed as itself, which the memos key on
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
    # Its place in the architecture (the diagram, the availability of the whole):
    service: bool = False  # it serves or moves requests (drawn among the services), not a store
    entry: bool = False  # it takes requests from outside: the client feeds it when no component does
    front: bool = False  # the application's own servers: they feed what nothing else feeds (a store)
    falls_back: bool = False  # a miss falls back to the store behind it: the system stays up without it
    holds_open: str = ""  # a parameter counting what it holds open (connections), drawn on the arrow into it
    by_param: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_param", {p.name: p for p in self.params})
        results = [c.name for c in self.counts] + [o.name for o in self.outputs]
        if not {"nodes", "cost", "availability"} <= set(results):
            raise TypeError(f"{self.name}: every kind has the results nodes, cost and availability")

    @cached_property
    def local_names(self) -> tuple[str, ...]:
        """The names a kind's expressions read as its own (qualified by the component's name):
        in them, `utilization` is always the planned-utilization input (the result of that name
        is the tier's own, read by no other result)."""
        names = tuple(self.by_param) + tuple(c.name for c in self.counts) + tuple(o.name for o in self.outputs)
        return tuple(n for n in names if n not in GLOBAL_NAMES)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.optional)

    @property
    def results(self) -> tuple[Count | Output, ...]:
        """Counts then outputs: each reads only parameters and the results before it."""
        return self.counts + self.outputs

    @cached_property
    def capacities(self) -> frozenset[str]:
        """Its parameters that say what one node takes (the divisors of its limits): a capacity,
        not a flow into it."""
        return frozenset(limit.per for count in self.counts for limit in count.limits if limit.per)

    @property
    def tier(self) -> bool:
        """Whether it is a tier of nodes of our own that the system needs up: not rented, not a
        cache a miss falls back from (the architecture's availability multiplies these)."""
        return not (self.rented or self.falls_back)

    @property
    def serves(self) -> bool:
        """Whether it serves requests: it has a latency and response-time percentiles."""
        return any(o.name == "p99" for o in self.outputs)

    def qualify(self, expression: str, component: str, *, own: str = "") -> str:
        """A kind's expression read for one component: its own names prefixed (`rate` →
        `fan.rate`); inputs and references (`peak_factor`, `ref.…`) stay as they are, and so
        does a parameter's default naming itself (node_storage's default is the input node_storage)."""
        names = tuple(n for n in self.local_names if n != own)
        return _local_pattern(names).sub(lambda m: f"{component}.{m.group(1)}", expression)

    def bound(self, values: dict[str, list[float]], given: frozenset[str] | set[str] = frozenset()) -> str:
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
            limits = count.applying(given)
            floors = [figure for limit, figure in zip(limits, figures) if limit.floor]
            binding = [limit for limit, figure in zip(limits, figures) if figure >= top * (1 - 1e-12)]
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
    return Limit(bound, f"ceil({demand} × peak_factor ÷ ({per_node} × utilization))", per=per_node)


def held_limit(bound: str, held: str, per_node: str) -> Limit:
    """⌈held ÷ (per_node × utilization)⌉: what is held (bytes, connections) at planned fill."""
    return Limit(bound, f"ceil({held} ÷ ({per_node} × utilization))", per=per_node)


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


def serving(latency: str, concurrency: str, latency_help: str, concurrency_help: str) -> tuple[Input, ...]:
    """A tier's service time and the requests one node serves at once: its M/M/c slots are
    nodes × concurrency, each serving for `latency`."""
    return (parameter("latency", "duration", latency, latency_help, minimum=0, exclusive_minimum=True),
            parameter("concurrency", "requests", concurrency, concurrency_help, minimum=0, exclusive_minimum=True))


def latency_outputs(load: str, slots: str = "nodes × concurrency") -> tuple[Output, ...]:
    """At the peak load that reaches the tier (`load`): its utilization and its response-time
    percentiles, as an M/M/c queue of `slots` servers, each with mean service time `latency`
    (Poisson arrivals, exponential service; saturated tiers have no percentile and say so)."""
    return (
        Output("load", "Peak requests reaching it", load, "req/s"),
        Output("utilization", "Utilization at the peak", f"load × latency ÷ ({slots})", "", "share"),
        Output("p50", "Median response time at the peak (M/M/c)", f"mmc_percentile(50%, load, {slots}, latency)", "s"),
        Output("p99", "p99 response time at the peak (M/M/c)", f"mmc_percentile(99%, load, {slots}, latency)", "s"),
        Output("p999", "p99.9 response time at the peak (M/M/c)", f"mmc_percentile(99.9%, load, {slots}, latency)",
               "s"),
    )


def p99_target() -> tuple[Input, Limit]:
    """An optional p99 target (`p99: 200 ms` in the line): the fewest nodes whose p99 stays within it."""
    return (parameter("p99_target", "duration", "0 s", "A p99 response-time target, written p99: 200 ms (none unless "
                      "given).", minimum=0, exclusive_minimum=False),
            Limit("p99 target", "ceil(mmc_slots(99%, p99_target, load, latency) ÷ concurrency)", when="p99_target"))


def node_availability() -> Input:
    return parameter("node_availability", "fraction", "99.9%", "The share of time one node is up (failures independent).",
                     maximum=1)


def stateless_availability(needed: str) -> tuple[Output, ...]:
    """At least the nodes the peak needs at 100% utilization (no headroom) of all of them up."""
    return (Output("needed", "Nodes the peak needs at 100% utilization", f"max(1, {needed})", "", "integer"),
            Output("availability", "Availability (at least the needed nodes up)",
                   "k_of_n(needed, nodes, node_availability)", "", "percent"))


def quorum_availability(copies: str) -> Output:
    """A shard serves while a majority of its copies are up; a request touches one shard."""
    return Output("availability", "Availability (a majority of a shard's copies up)",
                  f"majority({copies}, node_availability)", "", "percent")


def rented_availability() -> tuple[Input, Output]:
    return (parameter("sla", "fraction", "99.9%", "The provider's availability (its SLA).", maximum=1),
            Output("availability", "Availability (the provider's SLA)", "sla", "", "percent"))


def rented_nodes() -> Count:
    return Count("nodes", "Nodes (rented: none of ours)", (Limit(RENTED, "0", floor=True),))
