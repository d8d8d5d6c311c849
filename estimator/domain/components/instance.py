"""A component line read and made ready to run: `fan = queue(rate: write_qps × 300, size: 200 B)`.

`read` splits the right side into its kind and named arguments (the grammar is
KIND "(" [PARAM ":" expression ("," PARAM ":" expression)*] ")"; each argument is an
expression of the formula language, parsed by the language itself); `instance` turns a kind
and the arguments into what the engine runs: one input per parameter (the argument's text or
the parameter's default, read in the parameter's own terms, like a field) and one formula per
result, each qualified by the component's name (`fan.rate`, `fan.nodes`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from functools import lru_cache

from ..inputs import Input
from . import KINDS, NONE
from .kind import GROUP, Count, Kind

ALIASES = {"p99": "p99_target"}  # servers(rate: …, p99: 200 ms): the target, beside the result name.p99
MAX_COMPONENTS = 30  # in one estimate, the defaults included: each is a dozen named results


class ComponentError(ValueError):
    """A component line that cannot be read: `reason` says what and how to fix it."""

    def __init__(self, reason: str, column: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.column = column


@dataclass(frozen=True)
class Declared:
    """A component as written: its kind (None: `none`, removing a default) and its arguments
    as (parameter, text, column in the expression)."""

    kind: Kind | None
    args: tuple[tuple[str, str, int], ...] = ()

    @property
    def removes(self) -> bool:
        return self.kind is None


def is_component(expression: str) -> bool:
    """Whether a line's right side is a component: `none`, or a word, a parenthesis and a
    named argument (`servers(rate: …)`, `servers()` for a kind)."""
    body = expression.strip()
    if body == NONE:
        return True
    word, paren, rest = body.partition("(")
    word = word.strip()
    if not paren or not word.isidentifier():
        return False
    return word in KINDS or _top_level_colon(rest)


def read(expression: str) -> Declared:
    """The component an expression declares, or ComponentError naming what is wrong (an
    unknown kind or parameter, a repeated or missing one) with a suggestion."""
    body = expression.strip()
    if body == NONE:
        return Declared(None)
    lead = len(expression) - len(expression.lstrip())
    word, _, rest = body.partition("(")
    word = word.strip()
    kind = KINDS.get(word)
    if kind is None:
        raise ComponentError(f"'{word}' is not a kind of component{_did_you_mean(word, KINDS)}; the kinds are "
                             f"{', '.join(KINDS)}", lead + 1)
    if not rest.rstrip().endswith(")"):
        raise ComponentError(f"{word}( is not closed: write {kind.example.split('= ', 1)[1]}")
    inner = rest.rstrip()[:-1]
    start = lead + len(word) + 1 + (len(body.partition("(")[0]) - len(word))
    args: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for text, column in _split(inner, start + 1):
        if not text.strip():
            if inner.strip():
                raise ComponentError("an empty argument: write param: value, separated by commas", column)
            continue
        name, colon, value = text.partition(":")
        name = ALIASES.get(name.strip(), name.strip()) if name.strip() not in kind.by_param else name.strip()
        if not colon:
            raise ComponentError(f"'{text.strip()}' is not param: value (for example "
                                 f"{kind.params[0].name}: {kind.params[0].example})", column)
        if name not in kind.by_param:
            raise ComponentError(f"{kind.name} has no parameter '{name}'{_did_you_mean(name, kind.by_param)}; its "
                                 f"parameters are {', '.join(kind.by_param)}", column)
        if name in seen:
            raise ComponentError(f"'{name}' is given twice", column)
        if not value.strip():
            raise ComponentError(f"'{name}:' has no value", column)
        seen.add(name)
        args.append((name, " ".join(value.split()), column + len(text) - len(text.lstrip())))
    missing = [p for p in kind.required if p not in seen]
    if missing:
        examples = ", ".join(f"{p}: {kind.by_param[p].example}" for p in missing)
        raise ComponentError(f"{kind.name} needs {' and '.join(missing)} (for example {examples})")
    return Declared(kind, tuple(args))


@dataclass(frozen=True)
class Parameter:
    """One parameter of one component: the qualified input and the text it reads."""

    spec: Input
    text: str
    given: bool  # typed in the line (else the kind's default)
    column: int = 0


@dataclass(frozen=True)
class Instance:
    """A component ready to run: its name, kind, parameters and result formulas (as
    (qualified name, label, expression, unit, display) tuples, in the kind's order)."""

    name: str
    kind: Kind
    params: tuple[Parameter, ...]
    results: tuple[tuple[str, str, str, str, str], ...]
    limits: tuple[tuple[str, tuple[str, ...]], ...]  # per count: (qualified count, its limits' expressions)

    @property
    def given(self) -> frozenset[str]:
        """The parameters typed in the line (the others take their defaults)."""
        return frozenset(p.spec.name.rsplit(".", 1)[1] for p in self.params if p.given)

    def qualified(self, local: str) -> str:
        return f"{self.name}.{local}"


@lru_cache(maxsize=1024)
def instance(name: str, kind: Kind, args: tuple[tuple[str, str, int], ...]) -> Instance:
    """What component `name` of `kind` runs, with `args` as read (memoized: a line retyped is
    not rebuilt)."""
    given = {param: (text, column) for param, text, column in args}
    params = []
    for spec in kind.params:
        # A default may read the component's own parameters (concurrency = messages_per_node × latency).
        text, column = given.get(spec.name, (kind.qualify(spec.default, name, own=spec.name) if spec.default else "", 0))
        qualified = replace(spec, name=f"{name}.{spec.name}", label=f"{name}: {spec.label}", group=GROUP)
        params.append(Parameter(qualified, text, spec.name in given, column))
    results = []
    typed = frozenset(given)
    for result in kind.results:
        display = "integer" if isinstance(result, Count) else result.display
        unit = "" if isinstance(result, Count) else result.unit
        expression = result.expression(typed) if isinstance(result, Count) else result.expression
        results.append((f"{name}.{result.name}", f"{name}: {result.label}", kind.qualify(expression, name),
                        unit, display))
    limits = tuple((f"{name}.{count.name}", tuple(kind.qualify(limit.expression, name)
                                                  for limit in count.applying(typed)))
                   for count in kind.counts)
    return Instance(name, kind, tuple(params), tuple(results), limits)


def _did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _top_level_colon(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ":" and depth == 0:
            return True
    return False


def _thousands(text: str, index: int) -> bool:
    """Whether the comma at `index` separates thousands (`1,500`): a digit before it and
    exactly three after it, as the language reads numbers."""
    after = text[index + 1:index + 5]
    return (index > 0 and text[index - 1].isdigit() and len(after) >= 3 and after[:3].isdigit()
            and (len(after) == 3 or not after[3].isdigit()))


def _split(text: str, column: int) -> list[tuple[str, int]]:
    """`text` split at its top-level commas, each piece with its column (1-based)."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0 and not _thousands(text, index):
            pieces.append((text[start:index], column + start))
            start = index + 1
    pieces.append((text[start:], column + start))
    return pieces
