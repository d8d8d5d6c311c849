"""Dimensions: the dimensionality of a tree's value, checked before anything is computed,
from each literal's units (looked up once in the project's one pint registry by lexicon.py)
and each name's dimensionality. A mismatch is an ExpressionError naming both sides and the
column, with a suggestion where one fits.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .. import lexicon
from ..lexicon import DIMENSIONLESS, Dims
from .errors import ExpressionError, UnknownName
from .functions import FUNCTIONS
from .limits import MAX_PLAIN_POWER, MAX_POWER
from .nodes import CHECK, BinOp, Call, Check, Compare, Group, Literal, Name, Neg, Node, Power, Range, no_check


def infer(node: Node, dims_of: Mapping[str, Dims | Check]) -> Dims | Check:
    """The dimensionality of the tree's value, or ExpressionError naming both sides of a
    mismatch and the column. `dims_of` gives each name's dimensionality."""
    match node:
        case Literal(dims=dims):
            return dims
        case Range(low=low):
            return low.dims
        case Name(name=name, column=column):
            if name not in dims_of:
                close = difflib.get_close_matches(name, list(dims_of), n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                raise UnknownName(f"'{name}' is not an input, a result or a line{hint}", column, name=name)
            return dims_of[name]
        case Group(inner=inner):
            return infer(inner, dims_of)
        case Neg(operand=x, column=column):
            dims = infer(x, dims_of)
            no_check(dims, "−", column)
            return dims
        case Power(base=x, exponent=n, column=column):
            dims = infer(x, dims_of)
            no_check(dims, "^", column)
            if abs(n) > MAX_POWER and dims != DIMENSIONLESS:
                raise ExpressionError(f"a power of {lexicon.describe(dims)} is limited to ±{MAX_POWER}, got {n} "
                                      f"(±{MAX_PLAIN_POWER} is for plain numbers)", column)
            return dims ** n
        case BinOp(op=op, left=a, right=b, column=column):
            left, right = infer(a, dims_of), infer(b, dims_of)
            no_check(left, op, column)
            no_check(right, op, column)
            if op in ("+", "-"):
                if left != right:
                    verb = "add" if op == "+" else "subtract"
                    raise ExpressionError(f"cannot {verb} {lexicon.describe(left)} and {lexicon.describe(right)}"
                                          f"{_suggest(left, right)}", column)
                return left
            return left * right if op == "*" else left / right
        case Compare(left=a, right=b, column=column):
            left, right = infer(a, dims_of), infer(b, dims_of)
            no_check(left, node.op, column)
            no_check(right, node.op, column)
            if left != right:
                raise ExpressionError(f"cannot compare {lexicon.describe(left)} with {lexicon.describe(right)}"
                                      f"{_suggest(left, right)}", column)
            return CHECK
        case Call(function=function, args=args, column=column):
            return FUNCTIONS[function].dimension([infer(arg, dims_of) for arg in args], column)
    raise AssertionError(node)  # pragma: no cover - every node type is matched above


def _suggest(left: Dims, right: Dims) -> str:
    """A hint when two sides differ by requests (a size per request is written 1 MB/req)."""
    for ratio in (left / right, right / left):
        if ratio.get("[request]", 0) == 1:
            return "; a size or a time per request is written with /req, e.g. 1 MB/req"
    if DIMENSIONLESS in (left, right):
        other = right if left == DIMENSIONLESS else left
        unit = lexicon.canonical(other)
        return f"; give the plain number a unit, e.g. 5 {unit}" if unit else ""
    return ""


