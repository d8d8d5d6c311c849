"""What a calculator declares besides its inputs (inputs.py): its formulas, each one
expression text compiled once at import, and the constraints its inputs must meet together."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from .. import lexicon
from ..lang.compile import reads
from ..lang.nodes import CHECK, Node, names_in
from ..lang.parse import parse
from ..inputs import Input
from ..lexicon import Dims
from .step import Step

LINES = "lines"
LINES_GROUP = "Your lines"


@lru_cache(maxsize=4096)
def _declared(expression: str) -> tuple[Node, frozenset[str], Callable | None]:
    """A declared expression's tree, its names and what it reads past if(), read once per text:
    a component's formulas are declared again whenever its line changes (a parameter retyped),
    in the same words."""
    tree = parse(expression, declared=True)
    return tree, names_in(tree), reads(tree)


@dataclass(frozen=True)
class Formula:
    """A built-in result, declared once: its value, its dimension check and its work all come
    from `expression`."""

    name: str
    label: str
    group: str
    expression: str
    unit: str  # canonical unit of the value, named as the spec writes it: "req/s", "B", ""
    display: str = ""  # "integer" or "percent"; otherwise the dimension decides
    per: str = ""  # a period shown after a total: storage_per_day shows "5 TB/day"
    given_by: str = ""  # an optional input that, when given, is the value ("given: 1M req/s")
    dimension: str | None = None  # units.txt unit of the value when `unit` is a plain count ("request")
    needs_used: str = ""  # an input this result means nothing without (per user needs users)
    workbench: bool = False  # the availability workbench explores it further (its card links there)
    named: bool = False  # its work names what each figure is of (a total over components: app $300/month + …)
    alias: bool = False  # it is the one name it reads (app_servers is app.nodes): its work is that name's
    # (its unit before a model version changed its dimension, what a line or field reading it is told
    # when it checks only with that unit): storage_per_day was a size before it was a rate.
    retyped: tuple[str, str] = ()
    tree: Node = field(init=False, repr=False, compare=False)
    names: frozenset[str] = field(init=False, repr=False, compare=False)
    # with if(): the names its value depends on, given values (compile.reads); None: all its names
    branch_reads: Callable | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        tree, names, branch_reads = _declared(self.expression)  # a typo in a built-in fails at import
        object.__setattr__(self, "tree", tree)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "branch_reads", branch_reads)

    @property
    def dims(self) -> Dims:
        if self.display == "check":
            return CHECK  # type: ignore[return-value]
        return lexicon.dimensionality(self.dimension if self.dimension is not None else self.unit)


@dataclass(frozen=True)
class Extension:
    """What one estimate adds to its calculator: its components' parameters as inputs (each
    with the text it reads and the row of the lines that declares it), their results as
    formulas, built-ins it drops or makes unavailable (with why), refusals by row, and the
    order results are listed in. Hashable: a calculator derived from it is memoized."""

    params: tuple[tuple[object, str, int], ...] = ()  # (Input, text, row)
    formulas: tuple[tuple[Formula, int], ...] = ()  # (formula, row)
    dropped: frozenset[str] = frozenset()
    unavailable: tuple[tuple[str, str], ...] = ()  # (built-in result, why)
    row_errors: tuple[tuple[int, str], ...] = ()
    order: tuple[str, ...] = ()
    detail: object = field(default=None, compare=False, hash=False)  # the extender's own account (the architecture)

    def __hash__(self) -> int:
        """Hashed once: a derived calculator is looked up by its extension on every estimate,
        and hashing every parameter's declaration anew each time cost more than the lookup saves."""
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash((self.params, self.formulas, self.dropped, self.unavailable, self.row_errors, self.order))
            object.__setattr__(self, "_hash", found)
        return found

    @property
    def rows(self) -> dict[str, int]:
        """The row that declares each parameter and formula (found once)."""
        found = self.__dict__.get("_rows")
        if found is None:
            found = {spec.name: row for spec, _, row in self.params}  # type: ignore[attr-defined]
            found.update((formula.name, row) for formula, row in self.formulas)
            object.__setattr__(self, "_rows", found)
        return found


@dataclass(frozen=True, slots=True)
class Constraint:
    """Inputs that parse on their own but not together: `check` must hold, else `field` is
    refused with `message` (which may name the inputs' figures as {name})."""

    field: str
    check: str
    message: str


class Declared(Protocol):
    """What the run, the plan, the sampling pass and a result read of their calculator
    (calculator.py builds it): its inputs and an extension's parameters, its formulas and their
    steps by name, the dimensions of every name, the names a line may not take, and its hooks."""

    inputs: tuple[Input, ...]
    params: tuple[Input, ...]
    by_name: Mapping[str, Input]
    by_result: Mapping[str, Formula]
    dims: dict[str, Dims]
    steps: list[Step]
    step_by_name: Mapping[str, Step]
    reserved: set[str]
    timeline: Callable | None  # (calculator, estimate) → the timeline's years, or None
    summarize: Callable | None  # estimate → its components with their figures, or None
