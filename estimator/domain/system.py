"""The `system` grammar of the availability workbench, parsed by our own code.

    system    := series
    series    := parallel ( "->" parallel )*          A -> B: both must be up
    parallel  := term ( "|" term )*                   A | B: either suffices
    term      := COUNT "of" COUNT ("x" | "×") term    k of N x A: at least k of N copies of A up
               | COUNT ("x" | "×") term               N x A: N redundant copies of A
               | "(" series ")"
               | [NAME] FRACTION                      a component: "db 99.95%", "99.9%", "app 3 nines"
    NAME      := WORD+                                "api gateway", "auth-service": the words before the figure
    FRACTION  := NUMBER "%" | NUMBER (0 to 1) | NUMBER "nines"

`|` binds tighter than `->`, and `N x` (or `k of N x`) tighter than both. `x` and `of` are
keywords only after a count, so a name may hold them ("box of x-rays 99%"). Limits keep the
work bounded: MAX_LENGTH characters, MAX_DEPTH nested groups (parentheses, N x and k of N x
alike), MAX_COMPONENTS components, MAX_COPIES copies, MAX_NAME characters a name.
Every error names what was expected and the 1-based column where it went wrong.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from . import availability as formulas
from . import formatting, reliability
from .errors import InputError, SystemSyntaxError

MAX_LENGTH = 500
MAX_DEPTH = 12
MAX_COMPONENTS = 64
MAX_COPIES = 1_000_000  # k of N is one incomplete beta function and N x A one power, whatever N: the
# estimate's tiers (a thousand app servers) open here from its page
MAX_NAME = 40

_TOKEN = re.compile(
    r"\s*(?:(?P<arrow>->|→)|(?P<bar>\|)|(?P<open>\()|(?P<close>\))|(?P<times>×)"
    r"|(?P<number>\d+(?:\.\d+)?|\.\d+)|(?P<percent>%)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:-(?!>)[A-Za-z0-9_]+)*)|(?P<other>\S))"
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    column: int


@dataclass(frozen=True)
class Component:
    name: str
    availability: float
    unavailability: float

    def label(self) -> str:
        shown = formatting.availability(self.availability)
        return f"{self.name} {shown}" if self.name else shown


@dataclass(frozen=True)
class Series:
    parts: tuple


@dataclass(frozen=True)
class Parallel:
    parts: tuple


@dataclass(frozen=True)
class Redundant:
    copies: int
    part: object


@dataclass(frozen=True)
class Quorum:
    """k of N x A: at least `needed` of `copies` copies of A must be up."""

    needed: int
    copies: int
    part: object


Node = Component | Series | Parallel | Redundant | Quorum
_ENDS = ("end", "close", "arrow", "bar")  # tokens that cannot start a term


def tokenize(text: str) -> list[Token]:
    result = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:  # only trailing white space is left
            break
        kind = match.lastgroup
        start = match.start(kind)
        if kind == "other":
            shown = text[start]
            shown = repr(shown) if shown.isprintable() else f"U+{ord(shown):04X}"
            raise SystemSyntaxError(f"unexpected character {shown}", start + 1)
        result.append(Token(kind, match.group(kind), start + 1))
        position = match.end()
    result.append(Token("end", "", len(text.rstrip()) + 1))
    return result


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.index = 0
        self.components = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def describe(self, token: Token) -> str:
        return "the end" if token.kind == "end" else f"'{token.text}'"

    def series(self, depth: int) -> Node:
        parts = [self.parallel(depth)]
        while self.token.kind == "arrow":
            arrow = self.take()
            if self.token.kind in _ENDS:
                raise SystemSyntaxError(f"expected a component after '{arrow.text}'", self.token.column)
            parts.append(self.parallel(depth))
        return parts[0] if len(parts) == 1 else Series(tuple(parts))

    def parallel(self, depth: int) -> Node:
        parts = [self.term(depth)]
        while self.token.kind == "bar":
            self.take()
            if self.token.kind in _ENDS:
                raise SystemSyntaxError("expected a component after '|'", self.token.column)
            parts.append(self.term(depth))
        return parts[0] if len(parts) == 1 else Parallel(tuple(parts))

    def term(self, depth: int) -> Node:
        token = self.token
        if token.kind == "open":
            self._deeper(depth, token)
            self.take()
            if self.token.kind == "close":
                raise SystemSyntaxError("expected a component inside '( )'", self.token.column)
            inner = self.series(depth + 1)
            if self.token.kind != "close":
                raise SystemSyntaxError(
                    f"expected ')' to close the '(' of column {token.column}, found {self.describe(self.token)}",
                    self.token.column,
                )
            self.take()
            return inner
        if token.kind == "number" and self._is_copies(self.index + 1):
            self._deeper(depth, token)
            self.take()
            self.take()  # the x or ×
            copies = self._copies(token)
            if self.token.kind in _ENDS:
                raise SystemSyntaxError(f"expected a component after '{token.text} x'", self.token.column)
            return Redundant(copies, self.term(depth + 1))
        if token.kind == "number" and self._is_keyword(self.index + 1, "of"):
            return self.quorum(depth)
        return self.component()

    def quorum(self, depth: int) -> Quorum:
        needed = self.take()
        self._deeper(depth, needed)
        self.take()  # of
        copies = self.token
        if copies.kind != "number":
            raise SystemSyntaxError(
                f"expected a number of copies after '{needed.text} of', found {self.describe(copies)}", copies.column
            )
        written = f"{needed.text} of {copies.text}"
        if not self._is_copies(self.index + 1):
            following = self.tokens[self.index + 1]
            raise SystemSyntaxError(f"expected 'x' after '{written}', found {self.describe(following)}",
                                    following.column)
        self.take()
        self.take()  # the x or ×
        total = self._copies(copies)
        count = Decimal(needed.text)
        if count != count.to_integral_value() or not 1 <= count <= total:
            raise SystemSyntaxError(f"'{written} x' needs from 1 to {total} copies up, a whole number", needed.column)
        if self.token.kind in _ENDS:
            raise SystemSyntaxError(f"expected a component after '{written} x'", self.token.column)
        return Quorum(int(count), total, self.term(depth + 1))

    def _deeper(self, depth: int, token: Token) -> None:
        if depth >= MAX_DEPTH:
            raise SystemSyntaxError(f"groups nest deeper than {MAX_DEPTH} levels", token.column)

    def _copies(self, token: Token) -> int:
        copies = Decimal(token.text)
        if copies != copies.to_integral_value() or not 1 <= copies <= MAX_COPIES:
            raise SystemSyntaxError(
                f"'{token.text} x' needs a whole number of copies from 1 to {MAX_COPIES:,}", token.column
            )
        return int(copies)

    def _is_keyword(self, index: int, *words: str) -> bool:
        token = self.tokens[index]
        return token.kind == "name" and token.text.lower() in words

    def _is_copies(self, index: int) -> bool:
        return self.tokens[index].kind == "times" or self._is_keyword(index, "x")

    def component(self) -> Component:
        token = self.token
        words = []
        while self.token.kind == "name":
            words.append(self.take().text)
        name = " ".join(words)
        if len(name) > MAX_NAME:
            raise SystemSyntaxError(f"a component name is at most {MAX_NAME} characters", token.column)
        number = self.token
        if number.kind != "number":
            after = f" after '{name}'" if name else ""
            raise SystemSyntaxError(
                f"expected an availability such as 99.9%{after}, found {self.describe(number)}", number.column
            )
        self.take()
        self.components += 1
        if self.components > MAX_COMPONENTS:
            raise SystemSyntaxError(f"more than {MAX_COMPONENTS} components", number.column)
        value = Decimal(number.text)
        if self.token.kind == "percent":
            self.take()
            fraction = value / 100
        elif self.token.kind == "name" and self.token.text.lower() in ("nines", "nine"):
            self.take()
            if value > 15:
                raise SystemSyntaxError("at most 15 nines", number.column)
            unavailability = 10.0 ** -float(value)
            return Component(name, 1 - unavailability, unavailability)
        else:
            fraction = value
            if fraction > 1:
                raise SystemSyntaxError(
                    f"'{number.text}' is not a fraction; write {number.text}% or a number from 0 to 1",
                    number.column,
                )
        if fraction > 1:
            raise SystemSyntaxError(f"'{number.text}%' is more than 100%", number.column)
        return Component(name, float(fraction), float(1 - fraction))


def parse(text: str) -> Node:
    """The system's tree, or SystemSyntaxError (an InputError) saying where it went wrong."""
    if len(text) > MAX_LENGTH:
        raise InputError(f"system is {len(text):,} characters long; at most {MAX_LENGTH} are accepted")
    parser = _Parser(text)
    if parser.token.kind == "end":
        raise SystemSyntaxError("expected a component such as 'db 99.95%'", 1)
    tree = parser.series(0)
    if parser.token.kind != "end":
        token = parser.token
        if token.kind == "close":
            raise SystemSyntaxError("unexpected ')' with no '(' to close", token.column)
        raise SystemSyntaxError(
            f"expected '->', '|' or the end, found {parser.describe(token)}", token.column
        )
    return tree


def unavailability(node: Node) -> float:
    """1 − availability of the tree: series multiply availabilities, parallel multiply
    unavailabilities, N copies raise the unavailability to the Nth power, k of N sum the ways
    fewer than k copies are up (reliability.k_of_n, the failing terms summed directly so a
    six-nines quorum keeps its digits)."""
    match node:
        case Component():
            return node.unavailability
        case Series(parts):
            return formulas.series([unavailability(part) for part in parts])
        case Parallel(parts):
            return formulas.parallel([unavailability(part) for part in parts])
        case Redundant(copies, part):
            return formulas.redundant(copies=copies, unavailability=unavailability(part))
        case Quorum(needed, copies, part):
            group = reliability.k_of_n(needed=needed, nodes=copies, node_unavailability=unavailability(part))
            return group.unavailability
    raise TypeError(f"not a system node: {node!r}")


def text_of(node: Node) -> str:
    """The tree written back in the grammar, normalized."""
    match node:
        case Component():
            return node.label()
        case Series(parts):
            return " -> ".join(_grouped(part, Series) for part in parts)
        case Parallel(parts):
            return " | ".join(_grouped(part, Parallel) for part in parts)
        case Redundant(copies, part):
            return f"{copies} x {_grouped(part, Redundant)}"
        case Quorum(needed, copies, part):
            return f"{needed} of {copies} x {_grouped(part, Quorum)}"
    raise TypeError(f"not a system node: {node!r}")


_COPIED = (Redundant, Quorum)


def _grouped(node: Node, inside: type) -> str:
    text = text_of(node)
    needs_parens = (
        (isinstance(node, Series) and inside in (Parallel, *_COPIED))
        or (isinstance(node, Parallel) and inside in (Series, *_COPIED))
        or (isinstance(node, _COPIED) and inside in _COPIED)
    )
    return f"({text})" if needs_parens else text


def work(node: Node) -> list[str]:
    """One line for each composite in the tree, innermost first, with its figures."""
    lines: list[str] = []
    _work(node, lines)
    return lines


def _shown(node: Node) -> str:
    return formatting.availability(1 - unavailability(node))


MAX_TERMS_WRITTEN = 4  # a k of N with more terms is written as a Σ


def _work(node: Node, lines: list[str]) -> None:
    match node:
        case Component():
            return
        case Series(parts):
            expression = " × ".join(_shown(part) for part in parts)
        case Parallel(parts):
            expression = "1 − " + " × ".join(f"(1 − {_shown(part)})" for part in parts)
        case Redundant(copies, part):
            expression = f"1 − (1 − {_shown(part)})^{copies}"
        case Quorum(needed, copies, part):
            expression = _quorum_sum(needed, copies, _shown(part))
    for part in node.parts if isinstance(node, (Series, Parallel)) else (node.part,):
        _work(part, lines)
    lines.append(f"{text_of(node)}: {expression} = {_shown(node)}")


def _quorum_sum(needed: int, copies: int, up: str) -> str:
    """Σ_{i=k..N} C(N, i) aⁱ (1 − a)^(N−i) with a's figure: each term written out when few."""
    if copies - needed + 1 > MAX_TERMS_WRITTEN:
        return f"Σ C({copies}, i) × {up}^i × (1 − {up})^({copies} − i) for i = {needed}…{copies}"
    terms = []
    for i in range(needed, copies + 1):
        factors = [str(math.comb(copies, i))] if math.comb(copies, i) > 1 else []
        factors.append(up if i == 1 else f"{up}^{i}")
        down = copies - i
        if down:
            factors.append(f"(1 − {up})" + (f"^{down}" if down > 1 else ""))
        terms.append(" × ".join(factors))
    return " + ".join(terms)
