"""The functions of the language, one declaration each: its name, how many arguments it
takes, its dimension rule, its form on floats (the exact run) and on numpy arrays of samples
(the run on ranges), and its line in the docs. The parser, the dimension checker, the
compiler and the docs all read this one table.

On arrays, what cannot be computed for a sample (the log of a negative) is NaN there, for the
caller to count; on floats it is EvaluationError.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .. import formatting, lexicon
from ..lexicon import DIMENSIONLESS, Dims
from .errors import EvaluationError, ExpressionError
from .nodes import CHECK, no_check

NOISE = 1e-9  # ceilings forgive binary floating-point noise: 3.0000000001 servers is 3

Rule = Callable[["Function", Sequence[Dims], int], Dims]


@dataclass(frozen=True, slots=True)
class Function:
    name: str
    arity: tuple[int, ...] | None  # the argument counts it takes; None: one or more
    rule: Rule  # the arguments' dimensions → the result's, or ExpressionError at the column
    on_floats: Callable | None  # None: if(), which the compiler computes lazily (only the branch taken)
    on_arrays: Callable
    usage: str  # as the docs write it: "log(x, base)"
    doc: str  # what it gives, for the docs

    def dimension(self, args: Sequence[Dims], column: int) -> Dims:
        return self.rule(self, args, column)


# Dimension rules -----------------------------------------------------------------------------

_COUNTS = (DIMENSIONLESS, lexicon.dimensionality("request"), lexicon.dimensionality("user"))
_WORDS = {1: "one", 2: "two", 3: "three"}


def _plain_arguments(function: Function, args: Sequence[Dims], column: int) -> None:
    """No check among the arguments, and as many of them as the function takes."""
    for dims in args:
        no_check(dims, function.name, column)
    if function.arity is not None and len(args) not in function.arity:
        shown = " or ".join(_WORDS[n] for n in function.arity) + (" argument" if function.arity == (1,) else
                                                                  " arguments")
        raise ExpressionError(f"{function.name} takes {shown}, got {len(args)}", column)


def _same(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """The argument's own dimension: ceil(1.5 KB) is bytes."""
    _plain_arguments(function, args, column)
    return args[0]


def _alike(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """Arguments all of one dimension, which is the result's: min(a, b)."""
    _plain_arguments(function, args, column)
    first = args[0]
    for dims in args[1:]:
        if dims != first:
            raise ExpressionError(f"{function.name} needs arguments of one dimension, got "
                                  f"{lexicon.describe(first)} and {lexicon.describe(dims)}", column)
    return first


def _root(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """Half the argument's powers: sqrt of B² is B; of B, no unit at all."""
    _plain_arguments(function, args, column)
    dims = args[0]
    if any(int(power) % 2 for power in dims.values()):
        raise ExpressionError(f"sqrt of {lexicon.describe(dims)} has no unit", column)
    return dims ** 0.5


def _logarithm(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """A plain number, of a plain number or a count of requests or users (in a plain base)."""
    _plain_arguments(function, args, column)
    if args[0] not in _COUNTS:
        raise ExpressionError(f"{function.name} takes a plain number or a count of requests or users, got "
                              f"{lexicon.describe(args[0])}", column)
    if len(args) == 2 and args[1] != DIMENSIONLESS:
        raise ExpressionError(f"the base of log must be a plain number, got {lexicon.describe(args[1])}", column)
    return DIMENSIONLESS


def _choice(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """if(check, value when yes, value when no): two values of one dimension."""
    if len(args) != 3 or args[0] is not CHECK:
        raise ExpressionError("if takes a check and two values: if(object_size > 100 KB, a, b)", column)
    no_check(args[1], function.name, column)
    if args[1] != args[2]:
        raise ExpressionError(f"the two values of if must be of one dimension, got {lexicon.describe(args[1])} "
                              f"and {lexicon.describe(args[2])}", column)
    return args[1]


# Forms on floats -----------------------------------------------------------------------------

def _forgiving(whole: Callable[[float], int]) -> Callable[[float], float]:
    """`whole` (ceil or floor), forgiving binary floating-point noise: 3.0000000000004 servers
    is 3, not 4, and 2.9999999999996 is 3, not 2."""
    def rounded(x: float) -> float:
        if not math.isfinite(x):
            return x
        nearest = round(x)
        if abs(x - nearest) <= NOISE * max(1.0, abs(x)):
            return float(nearest)
        return float(whole(x))

    return rounded


whole_ceiling = _forgiving(math.ceil)
whole_floor = _forgiving(math.floor)


def _round(x: float) -> float:
    return float(math.floor(x + 0.5)) if math.isfinite(x) else x


def _log(x: float, base: float = math.e) -> float:
    if x <= 0:
        raise EvaluationError(f"the log of {formatting.number(x)} is undefined (it needs a number above 0)")
    if base <= 0 or base == 1:
        raise EvaluationError(f"log base {formatting.number(base)} is undefined")
    return math.log(x, base)


def _sqrt(x: float) -> float:
    if x < 0:
        raise EvaluationError(f"the square root of {formatting.number(x)} is undefined")
    return math.sqrt(x)


def _log10(x: float) -> float:
    if x == 0:
        return -math.inf  # nines of 100%: infinite, shown as such, not an error
    return _log(x, 10)


# Forms on arrays -----------------------------------------------------------------------------

def _array_forgiving(whole) -> Callable:
    def rounded(x):
        nearest = np.rint(x)
        close = np.abs(x - nearest) <= NOISE * np.maximum(1.0, np.abs(x))
        return np.where(close, nearest, whole(x))
    return rounded


def _array_sqrt(x):
    return np.sqrt(np.where(np.asarray(x) >= 0, x, np.nan))


def _array_log(x, base=math.e):
    x = np.asarray(x, dtype=float)
    base = np.asarray(base, dtype=float)
    valid = (x > 0) & (base > 0) & (base != 1)
    return np.where(valid, np.log(np.where(x > 0, x, 1.0)) / np.log(np.where(valid, base, math.e)), np.nan)


def _array_log10(x):
    x = np.asarray(x, dtype=float)
    return np.where(x == 0, -np.inf, _array_log(x, 10.0))


def _array_extreme(reduce):
    def extreme(*args):
        result = args[0]
        for arg in args[1:]:
            result = reduce(result, arg)
        return result
    return extreme


# The table -----------------------------------------------------------------------------------

FUNCTIONS: dict[str, Function] = {f.name: f for f in (
    Function("ceil", (1,), _same, whole_ceiling, _array_forgiving(np.ceil), "ceil(x)",
             "the whole number at or above x, forgiving floating-point noise (3.0000000001 servers is 3)"),
    Function("floor", (1,), _same, whole_floor, _array_forgiving(np.floor), "floor(x)",
             "the whole number at or below x, forgiving floating-point noise"),
    Function("round", (1,), _same, _round, lambda x: np.floor(x + 0.5), "round(x)",
             "the nearest whole number, halves up"),
    Function("min", None, _alike, min, _array_extreme(np.minimum), "min(a, b, …)",
             "the least of its arguments, all of one dimension"),
    Function("max", None, _alike, max, _array_extreme(np.maximum), "max(a, b, …)",
             "the greatest of its arguments, all of one dimension"),
    Function("abs", (1,), _same, abs, np.abs, "abs(x)", "x without its sign"),
    Function("sqrt", (1,), _root, _sqrt, _array_sqrt, "sqrt(x)",
             "the square root, of a plain number or of a unit with even powers (B² → B)"),
    Function("log", (1, 2), _logarithm, _log, _array_log, "log(x, base)",
             "the log in `base` (natural without it), of a plain number or a count of requests or users"),
    Function("log2", (1,), _logarithm, lambda x: _log(x, 2), lambda x: _array_log(x, 2.0), "log2(x)",
             "the log in base 2, as log"),
    Function("log10", (1,), _logarithm, _log10, _array_log10, "log10(x)", "the log in base 10, as log; of 0, −∞"),
    Function("if", (3,), _choice, None, np.where, "if(check, a, b)",
             "a when the check holds, else b (of one dimension); only the value taken is computed"),
)}
