"""Text to tree: the tokenizer and our own recursive-descent parser (pint's parser and
Python's eval never see request text). The grammar (README, The formula language):

    check    := sum [ ("<=" | "<" | ">=" | ">" | "≤" | "≥") sum ]
    sum      := product ( ("+" | "-" | "−") product )*
    product  := power ( ("*" | "×" | "/" | "÷" | "per") power )*
    power    := unary [ "^" INTEGER ]                  a whole exponent: ±64 on a plain number, ±4 with a unit
    unary    := [ "-" | "−" ] atom
    atom     := range | NAME | FUNCTION "(" check ( "," check )* ")" | "(" check ")"
    range    := quantity [ "to" quantity ]            50M to 200M, 200 KB to 1 MB, 50 to 200 ms (a 90% interval)
    quantity := [ "$" ] NUMBER [ SCALE ] [ UNIT ]      100M, 1.5k users, 500 KB, 99.9%, 4 nines, $0.02/GB/month

Limits (limits.py) are checked while parsing, before any arithmetic: MAX_LENGTH characters,
MAX_DEPTH levels of nesting, exponents within ±MAX_PLAIN_POWER (±MAX_POWER on a quantity with
a unit: dims.py knows which), magnitudes within 1e±MAX_MAGNITUDE (a typed number, and a power
of one), at most MAX_RANGES ranges, each spanning at most a factor of MAX_RANGE_RATIO.
"""

from __future__ import annotations

import difflib
import math
import re
from decimal import Decimal
from dataclasses import dataclass

from .. import formatting, lexicon
from ..formatting import Figure
from ..lexicon import DIMENSIONLESS
from . import quantities
from .errors import ExpressionError, UnknownName
from .functions import FUNCTIONS
from .limits import MAX_DEPTH, MAX_DIGITS, MAX_LENGTH, MAX_MAGNITUDE, MAX_NINES, MAX_PLAIN_POWER, MAX_RANGES
from .nodes import BinOp, Call, Compare, Group, Literal, Name, Neg, Node, Power, Range

COMPARISONS = {"<=": "≤", "≤": "≤", "<": "<", ">=": "≥", "≥": "≥", ">": ">"}
NAME = re.compile(r"[a-z_][a-z0-9_]*")

_TOKEN = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<number>(?:\d{1,3}(?:,\d{3}(?!\d))+|\d+)(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)"
    r"|(?P<word>[A-Za-zµ_][A-Za-z0-9_µ]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)"
    r"|(?P<op><=|>=|->|\*\*|[≤≥→+\-−*×/÷^(),<>%$=])"
    r"|(?P<other>.)",
    re.S,
)



# Tokens and parsing --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # number, word, op, end
    text: str
    column: int


def tokenize(text: str, *, limit: int = MAX_LENGTH) -> list[Token]:
    if len(text) > limit:
        raise ExpressionError(f"the text is {len(text):,} characters long; at most {limit} are accepted")
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "space":
            continue
        column = match.start() + 1
        token = match.group()
        if kind == "other":
            shown = repr(token) if token.isprintable() else f"U+{ord(token):04X}"
            hint = "; write a range with 'to': 50M to 200M" if token in "–—" else ""
            raise ExpressionError(f"the character {shown} has no meaning here{hint}", column)
        if kind == "op":
            token = {"−": "-", "*": "×", "/": "÷", "→": "->", "≤": "<=", "≥": ">="}.get(token, token)
        tokens.append(Token(kind, token, column))
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


class Parser:
    """Recursive descent over the tokens; `counts` reads B after a number as billion."""

    def __init__(self, text: str, *, counts: bool = False, limit: int = MAX_LENGTH):
        self.text = text
        self.tokens = tokenize(text, limit=limit)
        self.position = 0
        self.counts = counts
        self.depth = 0
        self.ranges = 0
        self.negative = False

    # helpers
    @property
    def token(self) -> Token:
        return self.tokens[self.position]

    def peek(self, ahead: int = 1) -> Token:
        return self.tokens[min(self.position + ahead, len(self.tokens) - 1)]

    def take(self) -> Token:
        token = self.token
        self.position += 1
        return token

    def is_op(self, *ops: str) -> bool:
        return self.token.kind == "op" and self.token.text in ops

    def expect(self, op: str, what: str) -> Token:
        if not self.is_op(op):
            raise ExpressionError(f"expected {what}, got {self.shown(self.token)}", self.token.column)
        return self.take()

    @staticmethod
    def shown(token: Token) -> str:
        return "the end" if token.kind == "end" else f"'{token.text}'"

    def nest(self, column: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested more than {MAX_DEPTH} levels deep", column)

    # grammar
    def parse(self) -> Node:
        node = self.check()
        if self.token.kind != "end":
            raise self.unexpected()
        return node

    def unexpected(self) -> ExpressionError:
        token = self.token
        if token.text == "**":
            return ExpressionError("write powers with ^ (2^3), not **", token.column)
        if token.text == "^":
            return ExpressionError("one power at a time: group with parentheses, (2^3)^2", token.column)
        if token.text == ",":
            before, after = self.tokens[self.position - 1], self.peek()
            if before.kind == "number" and after.kind == "number":
                shown = self.text[before.column - 1: after.column - 1 + len(after.text)]
                return ExpressionError(f"'{shown}' is not a number: use a point for decimals (1.5) and commas only "
                                       f"between thousands (1,500)", before.column)
        if token.kind == "number" and self.tokens[self.position - 1].kind == "number":
            run = [self.tokens[self.position - 1].text]
            for following in self.tokens[self.position:]:
                if following.kind != "number":
                    break
                run.append(following.text)
            joined = run[0] + "".join("," + part for part in run[1:]) if all(len(p) == 3 for p in run[1:]) else ""
            hint = f"; did you mean {joined}?" if joined else ""
            return ExpressionError(f"a number cannot contain spaces: write 1,000,000 or 1M{hint}",
                                   self.tokens[self.position - 1].column)
        if token.kind == "word" and token.text == "to":
            return ExpressionError("the ends of a range are numbers (50M to 200M); to widen a name, multiply it: "
                                   "name × (0.5 to 2)", token.column)
        if token.text == "=":
            return ExpressionError("'=' defines a line (name = expression); a field holds only the expression",
                                   token.column)
        if token.text == ")":
            return ExpressionError("')' closes nothing", token.column)
        if token.kind == "op" and token.text in COMPARISONS:
            return ExpressionError("one comparison at a time", token.column)
        if token.kind in ("word", "number", "op") and token.text not in ("->",):
            hint = "; write × or * to multiply" if token.kind in ("word", "number") or token.text in ("(", "$") else ""
            return ExpressionError(f"unexpected {self.shown(token)}{hint}", token.column)
        return ExpressionError(f"unexpected {self.shown(token)}", token.column)

    def check(self) -> Node:
        left = self.sum()
        if self.token.kind == "op" and self.token.text in COMPARISONS:
            op = self.take()
            right = self.sum()
            return Compare(COMPARISONS[op.text], left, right, op.column)
        return left

    def sum(self) -> Node:
        node = self.product()
        while self.is_op("+", "-"):
            op = self.take()
            node = BinOp(op.text, node, self.product(), op.column)
        return node

    def product(self) -> Node:
        node = operand = self.power()
        while True:
            if self.is_op("×", "÷"):
                if self.is_op("×") and isinstance(operand, Literal) and not self._starts_atom(self.peek()):
                    self.take()  # "2.5×" after a number, with nothing to multiply by: a multiplier's suffix
                    continue
                op = self.take()
                operand = self.power()
                node = BinOp("*" if op.text == "×" else "/", node, operand, op.column)
            elif self.token.kind == "word" and self.token.text == "per":
                op = self.take()
                operand = self.power()
                node = BinOp("/", node, operand, op.column)
            else:
                return node

    def _counted_noun(self, word: str) -> bool:
        """A plain lower-case word right after a number and before / or per (`2 tweets/day`,
        `20 lookups per user per day`) names the thing counted: requests."""
        after = self.peek()
        per = (after.kind == "op" and after.text == "÷") or (after.kind == "word" and after.text in lexicon.PER_WORDS)
        return per and word.isalpha() and word.islower() and 2 < len(word) <= 20 and word not in lexicon.FOREIGN

    @staticmethod
    def _starts_atom(token: Token) -> bool:
        return token.kind in ("number", "word") or (token.kind == "op" and token.text in ("(", "-", "$"))

    def power(self) -> Node:
        base = self.unary()
        if self.is_op("^"):
            caret = self.take()
            sign = -1 if self.is_op("-") and self.take() else 1
            token = self.token
            if token.kind != "number" or not token.text.isdigit():
                raise ExpressionError(f"a power needs a whole number from −{MAX_PLAIN_POWER} to {MAX_PLAIN_POWER}, "
                                      f"got {self.shown(token)}", token.column)
            self.take()
            exponent = sign * int(token.text[:6])
            if abs(exponent) > MAX_PLAIN_POWER:
                raise ExpressionError(f"powers are limited to ±{MAX_PLAIN_POWER}, got {exponent}", token.column)
            _typed_magnitude(base, exponent, token.column)
            return Power(base, exponent, caret.column)
        return base

    def unary(self) -> Node:
        if self.is_op("-"):
            minus = self.take()
            self.nest(minus.column)
            self.negative = self.token.kind == "number"  # -5 to 10: the minus belongs to the low end
            operand = self.atom()
            self.negative = False
            self.depth -= 1
            return operand if isinstance(operand, Range) else Neg(operand, minus.column)
        if self.is_op("+"):
            self.take()
        return self.atom()

    def atom(self) -> Node:
        token = self.token
        if token.kind == "number":
            return self.quantity(money=False)
        if self.is_op("$"):
            self.take()
            if self.token.kind != "number":
                raise ExpressionError(f"'$' needs an amount after it, such as $150, got {self.shown(self.token)}",
                                      token.column)
            return self.quantity(money=True, column=token.column)
        if self.is_op("("):
            self.take()
            self.nest(token.column)
            inner = self.check()
            self.expect(")", "')' to close the '(' at column " + str(token.column))
            self.depth -= 1
            return Group(inner)
        if token.kind == "word":
            return self.word()
        if token.kind == "end":
            raise ExpressionError("expected a number or a name, got the end" if self.position else
                                  "expected an expression such as 100M or 500 KB, got nothing", token.column)
        if token.text in ("**", "^", ",", "="):
            raise self.unexpected()
        raise ExpressionError(f"expected a number or a name, got {self.shown(token)}", token.column)

    def word(self) -> Node:
        token = self.take()
        word = token.text
        if self.is_op("("):
            if word not in FUNCTIONS:
                close = difflib.get_close_matches(word, FUNCTIONS, n=1)
                hint = f"did you mean {close[0]}?" if close else "functions are " + ", ".join(FUNCTIONS)
                raise ExpressionError(f"'{word}' is not a function; {hint}", token.column)
            return self.call(token)
        if word in FUNCTIONS:
            raise ExpressionError(f"{word} is a function: write {word}(…)", token.column)
        if word == "to":
            raise ExpressionError("a range is written low to high, with a number on each side: 50M to 200M",
                                  token.column)
        if word.lower() in lexicon.NUMBER_WORDS and self.token.kind == "word" and self.token.text.lower() in lexicon.NINES:
            self.take()
            return quantities.nines(float(lexicon.NUMBER_WORDS[word.lower()]), token.column)
        unit = lexicon.unit_of(word, after_number=False) if word in lexicon.STANDALONE else None
        if unit is not None:
            return Literal(unit.factor, unit.dims, Figure("", unit.symbol), token.column, 1.0, (unit.symbol,))
        if not all(NAME.fullmatch(part) for part in word.split(".", 1)):  # a name, or a dotted one: ref.x, fan.rate
            raise UnknownName(f"'{word}' is not a name (names are lower case: a–z, 0–9 and _)", token.column, name=word)
        return Name(word, token.column)

    def call(self, name: Token) -> Node:
        self.take()  # (
        self.nest(name.column)
        args = [self.check()]
        while self.is_op(","):
            self.take()
            args.append(self.check())
        self.expect(")", f"')' to close {name.text}(")
        self.depth -= 1
        return Call(name.text, tuple(args), name.column)

    def quantity(self, *, money: bool, column: int | None = None) -> Node:
        """A quantity, or a range of two (`50M to 200M`, `50 to 200 ms`: a low end with nothing
        after its number takes the high end's unit)."""
        negative, self.negative = self.negative, False
        column = column or self.token.column
        number, literal, scale_word = self.magnitude()
        unit_start = self.position
        low = self.unit(number, literal, scale_word, money, column)
        bare = self.position == unit_start  # nothing after the low end's number
        if not (self.token.kind == "word" and self.token.text == "to"):
            return low
        to = self.take()
        self.ranges += 1
        if self.ranges > MAX_RANGES:
            raise ExpressionError(f"more than {MAX_RANGES} ranges in one expression", to.column)
        high_column = self.token.column
        high_money = self.is_op("$") and bool(self.take())
        high_negative = self.is_op("-") and bool(self.take())
        if self.token.kind != "number":
            raise ExpressionError(f"a range needs a high end after 'to', such as 50M to 200M, got "
                                  f"{self.shown(self.token)}", self.token.column)
        high_number, high_literal, high_scale = self.magnitude()
        high_unit_start = self.position
        high = self.unit(high_number, high_literal, high_scale, high_money, high_column)
        end = self.position
        if bare and end > high_unit_start and high_money == money:
            self.position = high_unit_start  # the low end reads the high end's unit: 50 to 200 ms
            low = self.unit(number, literal, scale_word, money, column)
            self.position = end
        if negative:
            low = quantities.negated(low)
        if high_negative:
            high = quantities.negated(high)
        if self.token.kind == "word" and self.token.text == "to":
            raise ExpressionError("one range at a time: a range has two ends (50M to 200M)", self.token.column)
        return quantities.ranged(low, high, column, to.column)

    def magnitude(self) -> tuple[float, str, str]:
        """A number and its scale word: (value, the number as typed, the scale word)."""
        token = self.take()
        value, literal = _number(token)
        number = value
        scale_word = ""
        scales = lexicon.COUNT_SCALES if self.counts else lexicon.SCALES
        if self.token.kind == "word" and self.token.text in scales:
            scale_word = self.take().text
            number = value * scales[scale_word]
        if number and not (10.0 ** -MAX_MAGNITUDE <= abs(number) <= 10.0 ** MAX_MAGNITUDE):
            raise ExpressionError(f"{literal} is beyond what any estimate needs (1e±{MAX_MAGNITUDE})", token.column)
        return number, literal, scale_word

    def unit(self, number: float, literal: str, scale_word: str, money: bool, column: int) -> Literal:
        """The unit phrase after a number (none, %, nines, a noun, KB/req, req/user/day…)."""
        numerator: list[lexicon.Unit] = []
        denominator: list[lexicon.Unit] = []
        if money:
            numerator.append(lexicon.Unit("USD", "$", "money"))
        nxt = self.token
        if money and (nxt.text in ("%", "x", "×") or nxt.text.lower() in lexicon.PERCENT | lexicon.NINES
                      | lexicon.PLAIN_NOUNS):
            raise ExpressionError(f"'${literal} {nxt.text}' is not an amount of money (write $150 or $0.02/GB)",
                                  nxt.column)
        if (nxt.kind == "op" and nxt.text == "%") or (nxt.kind == "word" and nxt.text.lower() in lexicon.PERCENT):
            self.take()
            # Exact in decimal, so 99.99% leaves exactly 0.01% of downtime, not 0.0100000000000287%.
            value = float(Decimal(literal.replace(",", "")) / 100) if not scale_word else number / 100
            return Literal(value, DIMENSIONLESS, Figure(formatting.number(number), "%"), column, number, percent=True)
        if nxt.kind == "word":
            word = nxt.text
            lowered = word.lower()
            if lowered in lexicon.NINES:
                self.take()
                if number > MAX_NINES:
                    raise ExpressionError(f"more than {MAX_NINES} nines is beyond what a float can tell from 100%",
                                          column)
                return quantities.nines(number, column)
            if lowered in lexicon.PLAIN_NOUNS and not self._starts_atom(self.peek()):
                self.take()
                shown, scale = ((formatting.number(number), "") if lowered in ("x", "times")
                                else formatting.compact_parts(number))
                return Literal(number, DIMENSIONLESS, Figure(shown), column, number, scale=scale)
            if word not in lexicon.PER_WORDS and word not in ("to",):
                unit = lexicon.unit_of(word, after_number=True)
                if unit is None and self._counted_noun(word):
                    unit = lexicon.Unit("request", "req", "request")  # 2 tweets/day: any noun counted per period
                if unit is None:
                    raise quantities.unknown_unit(literal + (f" {scale_word}" if scale_word else ""), word, nxt.column)
                self.take()
                numerator.append(unit)
        while True:
            per = self.token
            if not ((per.kind == "op" and per.text == "÷") or (per.kind == "word" and per.text in lexicon.PER_WORDS)):
                break
            after = self.peek()
            if after.kind != "word":
                break
            unit = lexicon.period_of(after.text)
            if unit is None:
                if after.text in ("m", "M"):
                    raise ExpressionError(f"'/{after.text}' is ambiguous; did you mean /min or /mo?", after.column)
                break
            self.take()
            self.take()
            denominator.append(unit)
        return quantities.literal(number, numerator, denominator, column)


def _typed_magnitude(base: Node, exponent: int, column: int) -> None:
    """A power of a plain number is a number typed (10^6, 2^41; of a range, both ends):
    ExpressionError when it lies beyond 1e±MAX_MAGNITUDE, as 1e31 does."""
    while isinstance(base, Group | Neg):
        base = base.inner if isinstance(base, Group) else base.operand
    match base:
        case Literal(dims=dims) if dims == DIMENSIONLESS:
            ends = (base,)
        case Range(low=low, high=high) if low.dims == DIMENSIONLESS:
            ends = (low, high)
        case _:
            return
    for end in ends:
        try:
            magnitude = abs(end.value) ** exponent
        except ZeroDivisionError:  # 0^-1: left to the evaluation, which names it
            continue
        except OverflowError:
            magnitude = math.inf
        if magnitude and not (10.0 ** -MAX_MAGNITUDE <= magnitude <= 10.0 ** MAX_MAGNITUDE):
            raise ExpressionError(f"{end.text}^{exponent} is beyond what any estimate needs (1e±{MAX_MAGNITUDE})",
                                  column)


def _number(token: Token) -> tuple[float, str]:
    text = token.text
    mantissa, _, exponent = text.replace("E", "e").partition("e")
    digits = mantissa.replace(",", "").replace(".", "").lstrip("0")
    if len(digits) > MAX_DIGITS:
        raise ExpressionError(f"the number has more than {MAX_DIGITS} digits", token.column)
    if exponent and (len(exponent.lstrip("+-")) > 3 or abs(int(exponent)) > MAX_MAGNITUDE):
        raise ExpressionError(f"the exponent is beyond ±{MAX_MAGNITUDE}", token.column)
    value = float(text.replace(",", ""))
    return value, text


def parse(text: str, *, counts: bool = False, declared: bool = False) -> Node:
    """The tree of one expression, or ExpressionError. `counts`: B after a number is billion;
    `declared`: our own declaration (a component kind's sizing), not held to a typed text's length."""
    return Parser(text, counts=counts, limit=4 * MAX_LENGTH if declared else MAX_LENGTH).parse()


