"""Practice mode: estimate a problem's key figures first, then see the work (README, Problems).

An answer is a text in the formula language (`50M × 40 ÷ 1 day`, `1.1 PB`); it is read with
the language's own parser and dimension checker, so a wrong dimension is refused like any
field's. A figure is graded against the problem's own value (the median when it is ranged):
close within ±25%, ballpark within a factor of 2, otherwise off by its factor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .errors import InputError
from .estimate import Estimate, Result, estimate
from .lang.compile import compile_tree
from .lang.dims import infer
from .lang.errors import EvaluationError, ExpressionError
from .lang.nodes import CHECK, names_in
from .lang.parse import parse
from .engine import api_unit
from .lexicon import DIMENSIONLESS
from .problems import Ask, Problem

CLOSE = 0.25  # ±25% of the expected figure
BALLPARK = 2.0  # within a factor of 2
MAX_ANSWER = 200  # characters of one answer


class UnknownFigure(InputError):
    """An answer names a figure the problem does not ask for."""

    def __init__(self, names: list[str], asks: tuple[str, ...]):
        shown = ", ".join(f"'{name[:40]}'" for name in names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        super().__init__(f"{shown} {'is' if len(names) == 1 else 'are'} not asked here; the figures asked are "
                         f"{', '.join(asks)}")
        self.names = names
        self.asks = asks


@dataclass(frozen=True)
class Grade:
    """One answer against the expected figure: the verdict and answer ÷ expected."""

    verdict: str  # "close", "ballpark" or "off"
    ratio: float
    answer: float  # in the unit the API reports the figure in
    expected: float

    @property
    def factor(self) -> float:
        """How many times too high or too low (≥ 1)."""
        if self.ratio <= 0:
            return math.inf
        return max(self.ratio, 1 / self.ratio)

    @property
    def direction(self) -> str:
        return "too high" if self.ratio > 1 else "too low"

    @property
    def words(self) -> str:
        """'close', 'ballpark: 1.6× too high', 'off: 12× too low'."""
        if self.verdict == "close":
            return "close"
        if math.isinf(self.factor):
            return f"{self.verdict}: {'zero or below' if self.ratio <= 0 else 'infinitely off'}"
        return f"{self.verdict}: {_factor(self.factor)}× {self.direction}"


def _factor(x: float) -> str:
    return f"{x:.2g}" if x < 10 else f"{x:,.0f}"


def grade(*, answer: float, expected: float) -> Grade:
    """close when |answer ÷ expected − 1| ≤ 25%, ballpark within a factor of 2 either way,
    off otherwise. An expected 0 is met only by 0."""
    if expected == 0:
        ratio = 1.0 if answer == 0 else math.inf
    else:
        ratio = answer / expected
    if abs(ratio - 1) <= CLOSE + 1e-12:
        verdict = "close"
    elif 1 / BALLPARK - 1e-12 <= ratio <= BALLPARK + 1e-12:
        verdict = "ballpark"
    else:
        verdict = "off"
    return Grade(verdict, ratio, answer, expected)


# What an answer may leave out: a count of requests typed as a bare number (12k for peak
# QPS, 7 for a key length), or per request (100 B for 100 B/req).
_FILLERS = ("request", "1/request", "user")


def read_answer(text: str, dims, label: str) -> float:
    """The answer's value in canonical units, or InputError saying what is wrong with it: not
    an expression, names in it (an answer is figures, not the problem's own names), or a
    dimension other than the figure's."""
    folded = " ".join(text.split())
    if len(folded) > MAX_ANSWER:
        raise InputError(f"{label}: at most {MAX_ANSWER} characters, got {len(folded):,}")
    try:
        tree = parse(folded, counts=True)
    except ExpressionError as error:
        raise InputError(f"{label}: {error}") from None
    names = sorted(names_in(tree))
    if names:
        raise InputError(f"{label}: write your own figures, not the problem's names ({', '.join(names)})")
    given = infer(tree, {})
    if given is CHECK:
        raise InputError(f"'{folded}' is a check (yes or no); {label} needs {lexicon.describe(dims)}")
    try:
        value = compile_tree(tree)({})
    except EvaluationError as error:
        raise InputError(f"{label}: {error}") from None
    if not math.isfinite(value):
        raise InputError(f"{label} must be a finite number, got '{folded}'")
    if given == dims:
        return value
    for filler in _FILLERS:
        if given * lexicon.dimensionality(filler) == dims:
            return value / lexicon.to_canonical(filler) if filler.startswith("1/") else value * lexicon.to_canonical(filler)
    wanted = lexicon.describe(dims) if dims != DIMENSIONLESS else "a plain number"
    raise InputError(f"'{folded}' is {lexicon.describe(given) or 'a plain number'}; {label} needs {wanted}")


@dataclass(frozen=True)
class Figure:
    """A figure practice asks for, with its expected result, its hint and its work."""

    ask: Ask
    result: Result
    dims: object
    hint: str  # the first step: the figure's formula in the problem's names
    work: str  # the whole work, with the problem's figures

    @property
    def expected(self) -> float | None:
        return _median(self.result)


def _median(result: Result) -> float | None:
    """The value graded against, in the API's unit as results report it (money per month):
    the median when the result is ranged."""
    if result.spread is not None:
        return float(result.spread.p50 * result.spread.scale)
    return result.value if isinstance(result.value, (int, float)) and not isinstance(result.value, bool) else None


@dataclass(frozen=True)
class Attempt:
    problem: Problem
    figures: tuple[Figure, ...]
    answers: dict[str, str]  # by ask name, as typed (blank ones left out)
    grades: dict[str, Grade] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def asks(self) -> tuple[str, ...]:
        return tuple(figure.ask.name for figure in self.figures)

    @property
    def answered(self) -> bool:
        return bool(self.grades or self.errors)


@lru_cache(maxsize=64)
def solved(problem: Problem) -> Estimate:
    """The problem's own estimate, computed once per process (problems are constants)."""
    return estimate(problem.inputs)


def _dims_of(result_set: Estimate, name: str):
    dims = result_set.calculator.dims.get(name)
    if dims is not None:
        return dims
    unit = result_set.results[name].unit
    return lexicon.dimensionality(unit) if unit else DIMENSIONLESS


def _formula(result_set: Estimate, name: str) -> str:
    """The figure's formula in the problem's names: its line's expression (without the unit
    it is shown in), or the built-in formula that computes it."""
    for row in result_set.rows:
        if row.name == name:
            return row.text.split("=", 1)[1].split("->", 1)[0].strip()
    for formula in result_set.calculator.formulas:
        if formula.name == name:
            return formula.expression
    return ""


def _first_step(result_set: Estimate, name: str) -> tuple[str, str]:
    """(hint, work) for `name`: a line that only shows another result in its own unit
    (`writes_per_second = write_qps -> req/s`) takes that result's formula and work, so the
    hint is a step and the work is the arithmetic, not '3.86 req/s = 3.86 req/s'."""
    seen = {name}
    formula = _formula(result_set, name)
    while formula in result_set.results and formula not in seen:  # a bare name, dotted or not
        seen.add(formula)
        name, formula = formula, _formula(result_set, formula)
    if not formula and "." in name:  # a component's parameter: the line that declares it
        component = name.split(".", 1)[0]
        formula = next((row.text for row in result_set.rows if row.name == component), "")
    given = result_set.texts.get(name, "")
    parsed = result_set.inputs.get(name)
    if given and parsed is not None and not parsed.names:  # an input the problem gives: a figure, not a formula
        return f"{name} is given: {given}", f"{given} = {result_set.results[name].display}"
    return formula, result_set.results[name].work


@lru_cache(maxsize=64)
def figures(problem: Problem) -> tuple[Figure, ...]:
    result_set = solved(problem)
    return tuple(Figure(ask, result_set.results[ask.name], _dims_of(result_set, ask.name),
                        *_first_step(result_set, ask.name))
                 for ask in problem.asks)


def attempt(problem: Problem, answers: Mapping[str, str]) -> Attempt:
    """Each answered figure graded (or its error), the blank ones left unanswered.
    UnknownFigure when an answer names a figure not asked."""
    asked = figures(problem)
    names = tuple(figure.ask.name for figure in asked)
    unknown = [name for name in answers if name not in names]
    if unknown:
        raise UnknownFigure(unknown, names)
    typed = {name: text.strip() for name, text in answers.items() if text.strip()}
    grades, errors = {}, {}
    for figure in asked:
        text = typed.get(figure.ask.name)
        if text is None:
            continue
        expected = figure.expected
        if expected is None:
            errors[figure.ask.name] = f"{figure.ask.label}: the problem's own figure is unavailable"
            continue
        try:
            value = read_answer(text, figure.dims, figure.ask.label)
        except InputError as error:
            errors[figure.ask.name] = str(error)
            continue
        _, scale = api_unit(figure.dims)  # results report money per month, the language per second
        grades[figure.ask.name] = grade(answer=value * scale, expected=expected)
    return Attempt(problem, asked, typed, grades, errors)
