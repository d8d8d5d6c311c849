"""An estimate's architecture as boxes and arrows: what the page's SVG (architecture_svg.py) and
the design doc's mermaid flowchart (mermaid.py) both draw, decided once here.

- A box per component, in declaration order, with its figures as the engine displays them.
- Arrows follow the data. A component whose parameter reads another component's figure
  (`push = workers(rate: fan.rate, …)`) is fed by it: an arrow fan → push. A fraction is not
  a flow (`db`'s reads read `cache.hit_rate`: the cache stands beside the database, the app
  asks both), so it draws no arrow.
- A component no other component feeds is fed by the client when its kind takes requests
  from outside (`Kind.entry`: `servers`, `connections`, `cdn`), else by the first such entry,
  the application's own servers first (`Kind.front`): a look-aside cache, a database, object
  storage and egress hang off the app. A kind declares whether it is a service or a store
  (`Kind.service`: stores sit below services).
- An arrow's label is the peak of what flows into its target: each rate or bandwidth
  parameter that reads the source (every one, for an arrow the source does not name) times
  `peak_factor`; open connections are not multiplied (a count at the busiest moment already).
- Ranks: the client is 0; a component is one below the deepest of its sources (longest
  path); stores that feed nothing sink below every service, so stores sit below services.
- The bottleneck (README, Architecture: the diagram): the tier with the highest
  `name.utilization`, tiers held at a floor aside (more than the load needs, whatever it is);
  where no component has one, of the components whose nodes are set by a demand (not a floor
  kept for redundancy, not rented), the one with the most nodes. It is not marked when it has
  room: one node whose peak uses less than half the planned `utilization` (the default
  estimate's cache, one node at 0.2% of its capacity and a third of its memory, is no
  bottleneck, and nothing else is nearer a limit: every other tier is at its floor).
  `pressure` still ranks it (the design doc lists the most loaded tiers).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from estimator.domain import formatting, lexicon
from estimator.domain.architecture import architecture_of
from estimator.domain.components import KINDS
from estimator.domain.lang.errors import ExpressionError
from estimator.domain.lang.nodes import names_in
from estimator.domain.lang.parse import parse

CLIENT = ""  # the client's name in an edge: no component can be called that
_FLOOR_BOUNDS = frozenset(limit.bound for kind in KINDS.values() for count in kind.counts
                          for limit in count.limits if limit.floor)


@dataclass(frozen=True)
class Box:
    """One component as drawn: every figure already a display."""

    name: str
    kind: str
    nodes: str  # "17 nodes", "rented"
    bound: str  # what set the nodes ("" when rented or unknown)
    held: str  # "20 TB memory", "110 TB stored" or ""
    cost: str  # "$2,550/month"
    rank: int
    service: bool
    bottleneck: bool = False


@dataclass(frozen=True)
class Edge:
    source: str  # a component's name, or CLIENT
    target: str
    label: tuple[str, ...]  # one line a flow: "writes 231 req/s"


@dataclass(frozen=True)
class Topology:
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    pressure: tuple[tuple[str, str], ...]  # the most loaded tiers first: (name, why)
    by_utilization: bool = False  # the tiers ranked by the engine's utilization (else by nodes set by a demand)
    bottleneck: str = ""  # the tier marked: the first of `pressure` unless it has room, else ""

    @property
    def ranks(self) -> int:
        return max((box.rank for box in self.boxes), default=0) + 1


@lru_cache(maxsize=2048)  # a parameter's text is parsed once, not once a keystroke
def _reads(text: str) -> frozenset[str]:
    try:
        return names_in(parse(text))
    except (ExpressionError, ValueError, RecursionError):
        return frozenset()


def _is_flow(param, kind) -> bool:
    """A rate or a bandwidth into the component; what one node can take is a capacity, not a flow."""
    local = param.spec.name.rsplit(".", 1)[1]
    return lexicon.family(param.spec.kind.dims) in ("rate", "bandwidth") and local not in kind.capacities


def _peak(result, peak_factor: float) -> str:
    value = result.value * peak_factor
    if result.unit == "B/s":
        return formatting.size(value, per="/s")
    return formatting.count(value, "req/s" if result.unit == "req/s" else result.unit)


def _flows(instance, results, peak_factor: float, only: str | None) -> tuple[str, ...]:
    """The peak of each flow into `instance` (those reading component `only`, when given)."""
    flows = []
    for param in instance.params:
        if not _is_flow(param, instance.kind) or (only is not None and not any(n.startswith(only + ".") for n in _reads(param.text))):
            continue
        result = results.get(param.spec.name)
        if result is None or not result.available or not result.value:
            continue
        flows.append((param.spec.name.rsplit(".", 1)[1], _peak(result, peak_factor)))
    if instance.kind.holds_open and only is None:
        open_ = results.get(instance.qualified(instance.kind.holds_open))
        if open_ is not None and open_.available:
            flows.insert(0, ("open", formatting.count(open_.value, "connections")))
    if not flows and only is None and "hit_rate" in instance.kind.by_param:
        hit_rate = results.get(f"{instance.name}.hit_rate")
        if hit_rate is not None and hit_rate.available:
            flows.append(("hits", hit_rate.display))
    if len(flows) == 1 and flows[0][0] in ("rate", "out", "egress", "points", "ops", "queries"):
        return (flows[0][1],)
    return tuple(f"{what} {shown}" for what, shown in flows)


def topology(estimate) -> Topology:
    """The boxes and arrows of `estimate`'s architecture (see the module's docstring)."""
    figures = {f.name: f for f in estimate.components}
    instances = [c for c in architecture_of(estimate).components if c.name in figures]
    names = {c.name for c in instances}
    results = estimate.results
    peak_factor = estimate.value_of("peak_factor") or 1.0
    sources: dict[str, list[str]] = {c.name: [] for c in instances}
    for c in instances:
        for param in c.params:
            for read in sorted(_reads(param.text)):
                other, _, local = read.partition(".")
                if other not in names or other == c.name or other in sources[c.name]:
                    continue
                spec = figures[other].kind.by_param.get(local)
                if spec is not None and spec.kind.fraction:
                    continue  # a share (a hit rate) is not a flow
                sources[c.name].append(other)
    entries = [c.name for c in instances if c.kind.entry and not sources[c.name]]
    primary = next((n for n in entries if figures[n].kind.front), entries[0] if entries else CLIENT)
    edges = []
    for c in instances:
        if sources[c.name]:
            edges += [Edge(s, c.name, _flows(c, results, peak_factor, s)) for s in sources[c.name]]
        else:
            feeder = CLIENT if c.name in entries else primary
            edges.append(Edge(feeder, c.name, _flows(c, results, peak_factor, None)))
    rank = _ranks(instances, edges)
    pressure, ranked_by_utilization = _pressure(estimate.components, results)
    bottleneck = _bottleneck(pressure, ranked_by_utilization, results, estimate.value_of("utilization"))
    boxes = []
    for c in instances:
        f = figures[c.name]
        held = (f"{f.shown['memory']} memory" if f.memory else f"{f.shown['storage']} stored" if f.storage else "")
        nodes = ("rented" if c.kind.rented else "nodes unavailable" if f.nodes is None
                 else f"{f.shown['nodes']} node{'' if f.nodes == 1 else 's'}")
        cost = f.shown["cost"] if f.cost is not None else "cost unavailable"  # not a bare "unavailable" under the nodes'
        boxes.append(Box(c.name, c.kind.name, nodes, "" if c.kind.rented else f.bound, held, cost,
                         rank[c.name], c.kind.service, c.name == bottleneck))
    return Topology(tuple(boxes), tuple(edges), pressure, ranked_by_utilization, bottleneck)


# A tier of one node is marked the bottleneck only when its peak uses at least this share of the
# planned utilization: below it, one node has room for twice its load.
MARKED_FROM = 0.5


def _bottleneck(pressure, ranked_by_utilization: bool, results, planned) -> str:
    """The tier to mark: the most loaded, unless it is one node with room (see the module's docstring)."""
    if not pressure:
        return ""
    name = pressure[0][0]
    nodes = results.get(f"{name}.nodes")
    if nodes is None or not nodes.available or nodes.value > 1:
        return name
    utilization = results[f"{name}.utilization"].value if ranked_by_utilization else None
    loaded = utilization is not None and isinstance(planned, (int, float)) and utilization >= MARKED_FROM * planned
    return name if loaded else ""


def _ranks(instances, edges: list[Edge]) -> dict[str, int]:
    into: dict[str, list[str]] = {}
    for edge in edges:
        into.setdefault(edge.target, []).append(edge.source)
    rank: dict[str, int] = {}

    def depth(name: str, seen: frozenset[str]) -> int:
        if name == CLIENT:
            return 0
        if name not in rank:
            if name in seen:  # the engine refuses cycles; never loop on one
                return 1
            rank[name] = 1 + max((depth(s, seen | {name}) for s in into.get(name, ())), default=0)
        return rank[name]

    for c in instances:
        depth(c.name, frozenset())
    feeds = {edge.source for edge in edges}
    services = [rank[c.name] for c in instances if c.kind.service]
    floor = max(services, default=0) + 1
    for c in instances:
        if not c.kind.service and c.name not in feeds:
            rank[c.name] = max(rank[c.name], floor)
    return rank


def _pressure(components, results) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The tiers under the most load, most first, each with why (see the module's docstring),
    and whether they are ranked by utilization."""
    loaded = []
    for c in components:
        if c.bound in _FLOOR_BOUNDS:  # at its floor: more than it needs, whatever its load
            continue
        utilization = results.get(f"{c.name}.utilization")
        value = utilization.value if utilization is not None and utilization.available else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            loaded.append(((1, value), c.name, f"utilization {utilization.display}"))
    by_utilization = bool(loaded)
    if not loaded:
        for c in components:
            if c.kind.rented or not c.bound or c.bound in _FLOOR_BOUNDS or not c.nodes:
                continue
            loaded.append(((0, c.nodes, c.cost or 0), c.name,
                           f"{c.shown['nodes']} node{'' if c.nodes == 1 else 's'}, bound by {c.bound}"))
    return tuple((name, why) for _, name, why in sorted(loaded, key=lambda x: x[0], reverse=True)), by_utilization


def by_utilization(topology: Topology) -> bool:
    """Whether its tiers are ranked by the engine's utilization (else by nodes set by a demand)."""
    return topology.by_utilization
