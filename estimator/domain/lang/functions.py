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
from functools import lru_cache

import numpy as np

from .. import formatting, lexicon, queueing, reliability
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


_TIME = lexicon.dimensionality("second")


def _count(function: Function, dims: Dims, what: str, column: int) -> None:
    if dims not in _COUNTS:
        raise ExpressionError(f"{function.name}: {what} is a count, got {lexicon.describe(dims)}", column)


def _fraction(function: Function, dims: Dims, what: str, column: int) -> None:
    if dims != DIMENSIONLESS:
        raise ExpressionError(f"{function.name}: {what} is a fraction (99.9%), got {lexicon.describe(dims)}", column)


def _rate_and_time(function: Function, rate: Dims, service: Dims, column: int) -> None:
    if service != _TIME:
        raise ExpressionError(f"{function.name}: the service time is a duration, got {lexicon.describe(service)}",
                              column)
    if rate * service not in _COUNTS:
        raise ExpressionError(f"{function.name}: the arrival rate is per unit of time (req/s), got "
                              f"{lexicon.describe(rate)}", column)


def _percentile_rule(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """mmc_percentile(q, rate, slots, service time) is a duration."""
    _plain_arguments(function, args, column)
    _fraction(function, args[0], "the percentile", column)
    _count(function, args[2], "the number of slots", column)
    _rate_and_time(function, args[1], args[3], column)
    return _TIME


def _slots_rule(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """mmc_slots(q, target, rate, service time) is a count of what arrives (requests in flight)."""
    _plain_arguments(function, args, column)
    _fraction(function, args[0], "the percentile", column)
    if args[1] != _TIME:
        raise ExpressionError(f"{function.name}: the target is a duration, got {lexicon.describe(args[1])}", column)
    _rate_and_time(function, args[2], args[3], column)
    return args[2] * args[3]


def _availability_rule(function: Function, args: Sequence[Dims], column: int) -> Dims:
    """k_of_n(k, n, a) and majority(r, a) are fractions."""
    _plain_arguments(function, args, column)
    for dims in args[:-1]:
        _count(function, dims, "a number of nodes", column)
    _fraction(function, args[-1], "a node's availability", column)
    return DIMENSIONLESS


# Forms on floats -----------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _tier(rate: float, slots: int, service: float) -> queueing.MMc:
    """One M/M/c tier, its Erlang C computed once for its p50, p99 and p999."""
    return queueing.mmc(arrival_rate=rate, servers=slots, service_time=service)


_NOT_FINITE = "cannot be computed: the count of nodes is not finite (a figure it reads is too large)"


def _mmc_percentile(q: float, rate: float, slots: float, service: float) -> float:
    try:
        return _tier(rate, max(1, int(whole_floor(slots))), service).percentile(q)
    except OverflowError:  # int(∞): slots past a float's range (an overflow upstream)
        raise EvaluationError(_NOT_FINITE) from None
    except queueing.Saturated as error:
        raise EvaluationError(f"saturated: the tier is at {error.utilization:.0%} of what it can serve, so its "
                              f"queue grows without bound and no percentile exists") from None
    except ValueError as error:
        raise EvaluationError(str(error)) from None


def _mmc_slots(q: float, target: float, rate: float, service: float) -> float:
    try:
        return float(queueing.fewest_servers_for_p99(target, arrival_rate=rate, service_time=service, q=q))
    except queueing.Unreachable:
        floor = math.log(1 / (1 - q)) * service
        if target <= floor:
            raise EvaluationError(
                f"no number of nodes meets a p{formatting.figure3(q * 100)} of {formatting.duration(target)}: with "
                f"{formatting.duration(service)} of service, exponential service times alone give "
                f"{formatting.duration(floor)} at p{formatting.figure3(q * 100)}; shorten the service time or "
                f"relax the target") from None
        raise EvaluationError(f"a p{formatting.figure3(q * 100)} of {formatting.duration(target)} needs more than "
                              f"{queueing.MAX_SERVERS:,} slots") from None
    except ValueError as error:
        raise EvaluationError(str(error)) from None


def _k_of_n(k: float, n: float, a: float) -> float:
    try:
        up = reliability.k_of_n(needed=int(whole_ceiling(k)), nodes=int(whole_floor(n)), node_availability=a)
        return min(1.0, max(0.0, up.availability))  # summing thousands of terms can pass 1 by 1e-12
    except OverflowError:
        raise EvaluationError(_NOT_FINITE) from None
    except ValueError as error:
        raise EvaluationError(str(error)) from None


def _majority(r: float, a: float) -> float:
    return _k_of_n(reliability.majority_needed(int(whole_floor(r))), r, a)


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

def _array_mmc_percentile(q, rate, slots, service):
    slots = np.maximum(1.0, np.floor(np.asarray(slots, dtype=float) + NOISE))
    return queueing.mmc_percentile(float(np.asarray(q).flat[0]), arrival_rate=np.asarray(rate, dtype=float),
                                   servers=slots, service_time=np.asarray(service, dtype=float))


def _array_mmc_slots(q, target, rate, service):
    return queueing.fewest_servers_for_p99(target, arrival_rate=rate, service_time=service,
                                           q=float(np.asarray(q).flat[0]))


def _array_k_of_n(k, n, a):
    k = np.ceil(np.asarray(k, dtype=float) - NOISE)
    n = np.floor(np.asarray(n, dtype=float) + NOISE)
    return np.clip(reliability.k_of_n(needed=k, nodes=n, node_availability=np.asarray(a, dtype=float)).availability,
                   0.0, 1.0)


def _array_majority(r, a):
    r = np.floor(np.asarray(r, dtype=float) + NOISE)
    return _array_k_of_n(reliability.majority_needed(r), r, a)


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
    Function("mmc_percentile", (4,), _percentile_rule, _mmc_percentile, _array_mmc_percentile,
             "mmc_percentile(q, rate, slots, service)",
             "the q-percentile response time of an M/M/c queue (Erlang C); unavailable when saturated"),
    Function("mmc_slots", (4,), _slots_rule, _mmc_slots, _array_mmc_slots, "mmc_slots(q, target, rate, service)",
             "the fewest slots of an M/M/c queue whose q-percentile response time is within the target"),
    Function("k_of_n", (3,), _availability_rule, _k_of_n, _array_k_of_n, "k_of_n(k, n, a)",
             "the chance at least k of n nodes are up, each up with probability a (failures independent)"),
    Function("majority", (2,), _availability_rule, _majority, _array_majority, "majority(r, a)",
             "the chance a majority of r copies are up (⌊r/2⌋ + 1 of r)"),
)}
