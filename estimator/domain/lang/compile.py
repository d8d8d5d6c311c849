"""One compiler from a tree to a closure, for the exact run and for the run on samples.

`compile_tree` gives a closure over a mapping of names to floats in canonical units, each
range read at its median: built once per tree, each call a handful of Python operations (the
hot path). `compile_samples` gives the same closure on numpy arrays of samples, each range
read as the samples drawn for it (ranges.py); what cannot be computed for a sample (0 ÷ 0,
the log of a negative) is NaN there, for the caller to count, and both branches of if() are
computed. The two differ only in the leaves and the few operations a backend below names;
+, −, × and negation are the same code on floats and on arrays.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Mapping

import numpy as np

from .errors import EvaluationError
from .functions import FUNCTIONS, Function
from .nodes import BinOp, Call, Compare, Group, Literal, Name, Neg, Node, Power, Range, children, names_in, walk

TOLERANCE = 1e-12  # comparisons forgive rounding in the last bits: 99.9% ≥ 99.9% is yes

Evaluator = Callable[[Mapping[str, float]], float]
SampleEvaluator = Callable[[Mapping[str, object], list], object]


def compile_tree(node: Node) -> Evaluator:
    """A closure computing the tree's value from a mapping of names to floats in canonical
    units, each range at its median (the geometric mean of positive ends, else the midpoint)."""
    return _compile(node, _Floats, itertools.count())


def compile_samples(node: Node) -> SampleEvaluator:
    """The tree on numpy arrays of samples: a closure of (names → floats or arrays, the samples
    drawn for the tree's ranges in `ranges_in` order). Call it under np.errstate(all="ignore")."""
    evaluate = _compile(node, _Arrays, itertools.count())
    return lambda env, draws: evaluate((env, draws))


# The two backends ----------------------------------------------------------------------------

def _divide(a: float, b: float) -> float:
    if b == 0:
        if a == 0:
            raise EvaluationError("0 ÷ 0 is undefined")
        return math.copysign(math.inf, a)
    return a / b


def _power(a: float, n: int) -> float:
    try:
        return a ** n
    except OverflowError:
        return math.inf
    except ZeroDivisionError:
        raise EvaluationError("0 to a negative power is undefined") from None


def _array_power(x, n: int):
    x = np.asarray(x, dtype=float)  # never integers: 3^64 would wrap around
    if n >= 0:
        return np.power(x, n)
    return np.where(x == 0, np.nan, np.power(np.where(x == 0, 1.0, x), n))  # 0 to a negative power: undefined


class _Floats:
    """The exact run: the closures take names → floats; a range is its median."""

    divide = staticmethod(_divide)  # x ÷ 0 is ±inf, 0 ÷ 0 EvaluationError
    power = staticmethod(_power)
    largest = staticmethod(max)

    @staticmethod
    def name(name: str) -> Callable:
        return lambda env: env[name]

    @staticmethod
    def range(node: Range, index: int) -> Callable:
        median = node.median
        return lambda env: median

    @staticmethod
    def form(function: Function) -> Callable | None:
        return function.on_floats


class _Arrays:
    """The run on samples: the closures take (names → floats or arrays, the ranges' draws)."""

    divide = staticmethod(np.divide)  # x ÷ 0 is ±inf, 0 ÷ 0 NaN
    power = staticmethod(_array_power)
    largest = staticmethod(np.maximum)

    @staticmethod
    def name(name: str) -> Callable:
        return lambda scope: scope[0][name]

    @staticmethod
    def range(node: Range, index: int) -> Callable:
        return lambda scope: scope[1][index]

    @staticmethod
    def form(function: Function) -> Callable | None:
        return function.on_arrays


def _compare(op: str, largest: Callable) -> Callable:
    """The comparison with its slack; `largest` is np.maximum on samples."""
    slack = lambda a, b: TOLERANCE * largest(abs(a), abs(b))  # noqa: E731
    return {
        "≤": lambda a, b: a <= b + slack(a, b),
        "<": lambda a, b: a < b - slack(a, b),
        "≥": lambda a, b: a >= b - slack(a, b),
        ">": lambda a, b: a > b + slack(a, b),
    }[op]


# The compiler --------------------------------------------------------------------------------

def _compile(node: Node, backend: type[_Floats] | type[_Arrays], counter: Iterator[int]) -> Callable:
    """The closure for `node`; `counter` numbers the ranges left to right."""
    match node:
        case Literal(value=value):
            return lambda env: value
        case Range():
            return backend.range(node, next(counter))
        case Name(name=name):
            return backend.name(name)
        case Group(inner=inner):
            return _compile(inner, backend, counter)
        case Neg(operand=x):
            f = _compile(x, backend, counter)
            return lambda env: -f(env)
        case Power(base=x, exponent=n):
            f, power = _compile(x, backend, counter), backend.power
            return lambda env: power(f(env), n)
        case BinOp(op=op, left=a, right=b):
            f, g = _compile(a, backend, counter), _compile(b, backend, counter)
            if op == "+":
                return lambda env: f(env) + g(env)
            if op == "-":
                return lambda env: f(env) - g(env)
            if op == "*":
                return lambda env: f(env) * g(env)
            divide = backend.divide
            return lambda env: divide(f(env), g(env))
        case Compare(op=op, left=a, right=b):
            f, g, test = _compile(a, backend, counter), _compile(b, backend, counter), _compare(op, backend.largest)
            return lambda env: test(f(env), g(env))
        case Call(function=function, args=args):
            compiled = [_compile(arg, backend, counter) for arg in args]
            call = backend.form(FUNCTIONS[function])
            if call is None:  # if() on floats: only the branch taken is computed
                test, yes, no = compiled
                return lambda env: yes(env) if test(env) else no(env)
            if len(compiled) == 1:
                only = compiled[0]
                return lambda env: call(only(env))
            return lambda env: call(*[h(env) for h in compiled])
    raise AssertionError(node)  # pragma: no cover - every node type is matched above


# The names a value depends on ----------------------------------------------------------------

def reads(node: Node) -> Callable[[Mapping[str, float]], frozenset[str]] | None:
    """For a tree with if(): a closure giving the names its value depends on for given values
    (the test, and only the branch taken). None when that is simply every name in the tree."""
    if not _has_if(node):
        return None
    return _reads(node)


def _reads(node: Node) -> Callable[[Mapping[str, float]], frozenset[str]]:
    """The names `node` depends on given values: compiled once, like the value."""
    if not _has_if(node):
        static = names_in(node)
        return lambda env: static
    match node:
        case Call(function="if", args=(test, yes, no)):
            decide, on_test, on_yes, on_no = compile_tree(test), names_in(test), _reads(yes), _reads(no)
            return lambda env: on_test | (on_yes(env) if decide(env) else on_no(env))
    parts = [_reads(child) for child in children(node)]
    if len(parts) == 1:
        return parts[0]
    return lambda env: frozenset().union(*(part(env) for part in parts))


def _has_if(node: Node) -> bool:
    return any(isinstance(n, Call) and n.function == "if" for n in walk(node))
