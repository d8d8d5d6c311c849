"""What a run gives: each result as a value with its display and work, the lines' rows, and
the estimate that holds them with its JSON body."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .. import ranges, reference
from ..inputs import Parsed
from .declarations import Declared
from .display import Display, Figure


@dataclass(slots=True)  # not frozen: ~40 are built a request, and a frozen init costs 3× as much
class Result:
    name: str
    label: str
    group: str
    unit: str
    value: float | bool | None  # None when unavailable
    display: str
    work: str
    needs: tuple[str, ...] = ()  # the bad or missing inputs or lines this result waits for
    row: int = 0  # for a line: its row in the text
    spread: ranges.Spread | None = None  # when it depends on a range: its interval and driver
    figure: Figure | None = None  # the value as shown (the median when ranged); None when unavailable
    family: str = ""  # how it is shown (display.py): "size", "rate", "check", …
    ends: tuple[Figure, Figure] | None = None  # a ranged value's 90% interval as shown, when its ends differ

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def shown(self) -> Display:
        """The display in parts, for a renderer: `display` is its text."""
        spread = self.spread
        low, high = self.ends or (None, None)
        return Display(self.figure or Figure(self.display), self.family, low, high,
                       (spread.p5, spread.p50, spread.p95) if spread is not None and spread.share is None else None,
                       self.value if isinstance(self.value, bool) else None,
                       spread.share if spread is not None else None)


@dataclass(frozen=True, slots=True)
class LineRow:
    """A row of the lines text as the page shows it beside the text area."""

    number: int
    text: str
    name: str
    result: Result | None
    error: str
    result_names: frozenset[str] = frozenset()  # the names this row reads


@dataclass(frozen=True)
class Estimate:
    calculator: Declared
    texts: dict[str, str]  # every input's text: as typed, or its default
    inputs: dict[str, Parsed | None]
    errors: dict[str, str]
    results: dict[str, Result]
    binary: bool
    rows: list[LineRow] = field(default_factory=list)
    computed: dict[str, float] = field(default_factory=dict)  # inputs whose text reads names, computed
    unused: dict[str, str] = field(default_factory=dict)  # inputs no result reads now → why
    spreads: dict[str, ranges.Spread] = field(default_factory=dict)  # every ranged input and result
    values: dict[str, float] = field(default_factory=dict, repr=False)  # every value the run computed, canonical
    # The plan the run followed (formulas, inputs read from names, lines) and what each input
    # read from names was multiplied by: what the timeline runs again on each year's figures.
    plan: list = field(default_factory=list, repr=False)
    scales: dict[str, float] = field(default_factory=dict, repr=False)

    @cached_property
    def components(self) -> list:
        """The calculator's components with their figures (architecture.py), or none."""
        summarize = self.calculator.summarize
        return summarize(self) if summarize is not None else []

    @property
    def ranged(self) -> bool:
        """Whether any figure is a range (the estimate ran on samples)."""
        return bool(self.spreads)

    def used(self, name: str) -> bool:
        return name not in self.unused

    @property
    def input_values(self) -> dict[str, float]:
        """Every input's value in canonical units (those computed from names included) and the
        reference numbers: what the calculator's formulas read."""
        values = dict(reference.VALUES)
        for spec in self.calculator.inputs + self.calculator.params:  # a component's parameters too
            value = self.value_of(spec.name)
            if value is not None and spec.kind.valued and spec.name not in self.errors:
                values[spec.name] = value
        return values

    def value_of(self, name: str) -> float | None:
        """An input's value in canonical units: as read, or computed from the names it reads."""
        parsed = self.inputs.get(name)
        if parsed is None:
            return None
        return parsed.value if parsed.value is not None else self.computed.get(name)

    @cached_property
    def timeline(self) -> list | None:
        """The calculator's timeline (timeline.py) for these inputs, if it has one."""
        if self.calculator.timeline is None:
            return None
        return self.calculator.timeline(self.calculator, self)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def lines(self) -> list[Result]:
        return [r for r in self.results.values() if r.row]

    MAX_ANSWERS = 8  # the summary stays a glance

    @property
    def answers(self) -> list[Result]:
        """The user's own answers: lines no other line reads (the rest are steps toward them),
        checks aside, in the order written."""
        read = set().union(*(row.result_names for row in self.rows)) if self.rows else set()
        return [r for r in self.lines if r.name not in read and not isinstance(r.value, bool)][:self.MAX_ANSWERS]

    def headline(self, names: tuple[str, ...]) -> list[Result]:
        """The figures a reader wants first (`names`, a calculator's headline), in order, where
        they could be computed: the summary of the page and of the markdown alike."""
        return [self.results[name] for name in names if name in self.results and self.results[name].available]

    @property
    def checks(self) -> list[Result]:
        """Every check (a result that is yes or no): built-ins and the user's lines alike."""
        return [r for r in self.results.values() if isinstance(r.value, bool)]
