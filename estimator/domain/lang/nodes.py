"""The tree of an expression: small frozen node types, and one `children()` walk that every
visitor (names, ranges, the columns of names, the compiler, the printer) goes through.

Values are floats in canonical units (B, s, req, user, USD); a Literal also keeps the figure
and the unit symbols as typed, for the work.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ..formatting import Figure
from ..lexicon import Dims
from .errors import ExpressionError

Z90 = 1.6448536269514722  # the standard normal's 95th percentile: a 90% interval is ±Z90 σ


@dataclass(frozen=True, slots=True)
class Literal:
    value: float  # in canonical units
    dims: Dims
    figure: Figure  # as shown in the work, in parts: ("500", " KB"), ("100M", ""), ("2", " req/user/day")
    column: int
    number: float = 0.0  # the figure as typed, scale included (100M → 1e8)
    numerator: tuple[str, ...] = ()  # unit symbols as typed: ("KB",)
    denominator: tuple[str, ...] = ()  # ("user", "day")
    percent: bool = False
    scale: str = ""  # the count scale its figure is written with: "M" in 50M, "" in 500 KB

    @property
    def text(self) -> str:
        """As shown in the work: "500 KB", "100M", "2 req/user/day"."""
        return str(self.figure)


@dataclass(frozen=True, slots=True)
class Range:
    """`low to high`: a 90% interval, lognormal when both ends are positive, else normal; a
    range of percentages both above 50% (99.9% to 99.99%, 3 to 4 nines) is lognormal in what
    it leaves out (0.01% to 0.1% of downtime), so no sample passes 100%."""

    low: Literal
    high: Literal
    text: str  # as the work shows it: "50M to 200M", "200 KB to 1 MB"
    column: int

    @property
    def lognormal(self) -> bool:
        return self.low.value > 0

    @property
    def mirrored(self) -> bool:
        """Lognormal in 1 − the value: percentages both above 50% and below 100%."""
        return self.low.percent and self.high.percent and 0.5 < self.low.value and self.high.value < 1

    @property
    def center(self) -> float:
        """The mean of the normal behind it: of the logarithm for a lognormal range (of 1 − the
        value for a mirrored one)."""
        if self.mirrored:
            return (math.log(1 - self.low.value) + math.log(1 - self.high.value)) / 2
        if self.lognormal:
            return (math.log(self.low.value) + math.log(self.high.value)) / 2
        return (self.low.value + self.high.value) / 2

    @property
    def sigma(self) -> float:
        if self.mirrored:
            return (math.log(1 - self.low.value) - math.log(1 - self.high.value)) / (2 * Z90)
        if self.lognormal:
            return (math.log(self.high.value) - math.log(self.low.value)) / (2 * Z90)
        return (self.high.value - self.low.value) / (2 * Z90)

    @property
    def median(self) -> float:
        if self.mirrored:
            return 1 - math.exp(self.center)
        return math.exp(self.center) if self.lognormal else self.center


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    column: int


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node
    column: int


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # + - * /
    left: Node
    right: Node
    column: int


@dataclass(frozen=True, slots=True)
class Power:
    base: Node
    exponent: int
    column: int


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Node, ...]
    column: int


@dataclass(frozen=True, slots=True)
class Compare:
    op: str  # ≤ < ≥ >
    left: Node
    right: Node
    column: int


@dataclass(frozen=True, slots=True)
class Group:
    inner: Node


Node = Literal | Range | Name | Neg | BinOp | Power | Call | Compare | Group


class Check:
    """The 'dimension' of a comparison: yes or no, usable in nothing but a result."""

    def __repr__(self) -> str:
        return "a check (yes or no)"


CHECK = Check()


def no_check(dims: Dims | Check, op: str, column: int) -> None:
    """ExpressionError when a check (yes or no) is used with an operator or a function."""
    if dims is CHECK:
        raise ExpressionError(f"a check (yes or no) cannot be used with '{op}'", column)


def children(node: Node) -> tuple[Node, ...]:
    """The node's operands, left to right (none for a leaf)."""
    match node:
        case Neg(operand=x) | Power(base=x) | Group(inner=x):
            return (x,)
        case BinOp(left=a, right=b) | Compare(left=a, right=b):
            return (a, b)
        case Call(args=args):
            return args
    return ()


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, each before its operands, operands left to right (the order
    the compiler numbers ranges in)."""
    yield node
    for child in children(node):
        yield from walk(child)


def names_in(node: Node) -> frozenset[str]:
    """Every name the tree reads."""
    return frozenset(n.name for n in walk(node) if isinstance(n, Name))


def ranges_in(node: Node) -> tuple[Range, ...]:
    """The tree's ranges in the order `compile_samples` numbers them."""
    return tuple(n for n in walk(node) if isinstance(n, Range))


def first_column(node: Node, name: str) -> int:
    """The column where the tree first reads `name`, or 0."""
    return next((n.column for n in walk(node) if isinstance(n, Name) and n.name == name), 0)
