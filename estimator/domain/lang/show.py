"""A tree printed as work, with the user's own figures: names become their values as shown."""

from __future__ import annotations

from collections.abc import Mapping

from .nodes import BinOp, Call, Compare, Group, Literal, Name, Neg, Node, Power, Range, names_in

_SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷"}


def describe(node: Node, shown: Mapping[str, str]) -> str:
    """The tree written out with the user's figures: names become their values as shown."""
    match node:
        case Literal(text=text) | Range(text=text):
            return text
        case Name(name=name):
            return shown.get(name, name)
        case Group(inner=inner):
            return f"({describe(inner, shown)})"
        case Neg(operand=x):
            return f"−{describe(x, shown)}"
        case Power(base=x, exponent=n):
            return f"{describe(x, shown)}^{n}"
        case BinOp(op=op, left=a, right=b):
            return f"{describe(a, shown)} {_SYMBOLS[op]} {describe(b, shown)}"
        case Compare(op=op, left=a, right=b):
            return f"{describe(a, shown)} {op} {describe(b, shown)}"
        case Call(function="ceil", args=(x,)):
            return f"⌈{describe(x, shown)}⌉"
        case Call(function="floor", args=(x,)):
            return f"⌊{describe(x, shown)}⌋"
        case Call(function=function, args=args):
            return f"{function}({', '.join(describe(arg, shown) for arg in args)})"
    raise AssertionError(node)  # pragma: no cover


def work_template(tree: Node, *, named: bool = False) -> tuple[str, tuple[str, ...]]:
    """The tree's work as a format string with a numbered field per name, and the names in
    that order: printing the work is then one str.format. `named`: each figure follows what it
    is of (a total over components: `app $300/month + db $1.88M/month`)."""
    order = sorted(names_in(tree))
    placeholders = {name: (f"{name.partition('.')[0]} " if named else "") + "{%d}" % i for i, name in enumerate(order)}
    return describe(tree, placeholders), tuple(order)

