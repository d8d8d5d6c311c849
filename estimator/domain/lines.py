"""The user's own lines: `name = expression [-> unit]`, one per row, `#` starts a comment
(README, What the page does: Your own lines).

Each row is read on its own and memoized by its text, so typing in one row does not re-read
the others. What needs the whole calculator (names taken by inputs or results, duplicates,
unknown names, dimensions, cycles) is judged by the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import InputError
from .inputs import MAX_LINES, MAX_LINES_CHARACTERS as MAX_CHARACTERS
from .lang.compile import compile_samples, compile_tree
from .lang.errors import ExpressionError
from .lang.limits import MAX_LENGTH
from .lang.nodes import Literal, Node, names_in, ranges_in
from .lang.parse import NAME, parse
from .lang.show import work_template

MAX_LINE = MAX_LENGTH
MEMO_SIZE = 1024

_DEFINITION = re.compile(r"\s*(?P<name>[^\s=<>≤≥]+)\s*=(?!=)")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the text: blank, a comment, a line (name and tree), or an error."""

    number: int  # counted from 1: the API's error key is lines:<number>
    text: str
    name: str = ""
    tree: Node | None = None
    names: frozenset[str] = frozenset()
    unit: Literal | None = None  # the -> unit, as one of it
    unit_text: str = ""
    error: str = ""
    offset: int = 0  # columns before the expression: a column in it + offset is one in the row
    evaluate: object = None  # the tree compiled (compile_tree), once per text
    sample: object = None  # the tree on samples (compile_samples), once per text
    ranges: tuple = ()  # the ranges the line itself holds (ranges_in)
    template: tuple[str, tuple[str, ...]] = ("", ())  # its work, once per text (engine.work_template)
    component: object = None  # a component line: its kind and arguments (components/instance.py)

    @property
    def is_line(self) -> bool:
        return bool(self.name) and not self.error and self.component is None


def read(text: str) -> list[Row]:
    """Every row of `text`. InputError for text beyond the limits (the whole field is refused)."""
    if len(text) > MAX_CHARACTERS:
        raise InputError(f"lines are {len(text):,} characters long; at most {MAX_CHARACTERS:,} are accepted")
    raw_rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while raw_rows and not raw_rows[-1].strip():
        raw_rows.pop()
    definitions = sum(1 for raw in raw_rows if raw.strip() and not raw.lstrip().startswith("#"))
    if definitions > MAX_LINES:
        raise InputError(f"there are {definitions} lines; at most {MAX_LINES} are accepted")
    return [_row(number, raw) for number, raw in enumerate(raw_rows, 1)]


def _row(number: int, raw: str) -> Row:
    component = _read_component(raw)
    if component is not None:
        return Row(number, raw, component[0], error=component[2], offset=component[3],
                   component=component[1])
    name, tree, unit, unit_text, error, offset = _read_row(raw)
    if tree is None:
        return Row(number, raw, name, tree, frozenset(), unit, unit_text, error, offset)
    names, evaluate, template, sample, ranges = _compiled(tree)
    return Row(number, raw, name, tree, names, unit, unit_text, error, offset, evaluate, sample, ranges, template)


@lru_cache(maxsize=MEMO_SIZE)
def _compiled(tree: Node):
    """(names, closure, work template, closure on samples, ranges) of a line's tree: built once
    per distinct tree."""
    return (names_in(tree), compile_tree(tree), work_template(tree),
            compile_samples(tree), ranges_in(tree))


@lru_cache(maxsize=MEMO_SIZE)
def _read_component(raw: str) -> tuple[str, object, str, int] | None:
    """(name, component, error, offset) when the row declares a component; None otherwise."""
    # Imported here: the kinds' parameters are inputs, and inputs read this module's limits.
    from .components.instance import ComponentError, is_component
    from .components.instance import read as read_component
    body = raw.split("#", 1)[0]
    match = _DEFINITION.match(body)
    if match is None or len(raw) > MAX_LINE or not NAME.fullmatch(match.group("name")):
        return None
    expression = body[match.end():]
    if not is_component(expression.split("->", 1)[0].split("→", 1)[0]):
        return None
    name, offset = match.group("name"), match.end()
    if "->" in expression or "→" in expression:
        return name, None, "a component line takes no '-> unit': its results carry their own units", offset
    try:
        return name, read_component(expression), "", offset
    except ComponentError as error:
        return name, None, error.reason + (f" (column {error.column + offset})" if error.column else ""), offset


@lru_cache(maxsize=MEMO_SIZE)
def _read_row(raw: str) -> tuple[str, Node | None, Literal | None, str, str, int]:
    """(name, tree, unit, unit text, error, column offset) of one row; memoized by its text (refusals too:
    they are values here, not exceptions, and the memo is bounded)."""
    if len(raw) > MAX_LINE:
        return "", None, None, "", f"the line is {len(raw):,} characters long; at most {MAX_LINE} are accepted", 0
    body = raw.split("#", 1)[0]
    if not body.strip():
        return "", None, None, "", "", 0
    match = _DEFINITION.match(body)
    if match is None:
        return "", None, None, "", ("a line is name = expression, for example "
                                    "urls = 100M req/day × 10 years"), 0
    name = match.group("name")
    if not NAME.fullmatch(name):
        hint = f"; did you mean {name.lower()}?" if NAME.fullmatch(name.lower()) else ""
        return name, None, None, "", (f"'{name}' is not a name: a name is lower case letters, digits and _, "
                                      f"starting with a letter{hint}"), 0
    expression = body[match.end():]
    offset = match.end()
    unit_text = ""
    for arrow in ("->", "→"):
        if arrow in expression:
            expression, unit_text = expression.rsplit(arrow, 1)
            unit_text = unit_text.strip()
            break
    try:
        tree = parse(expression.strip())
    except ExpressionError as error:
        column = error.column + offset + len(expression) - len(expression.lstrip()) if error.column else None
        return name, None, None, "", f"{error.reason}" + (f" (column {column})" if column else ""), 0
    unit = None
    if unit_text:
        try:
            unit = parse("1 " + unit_text)
        except ExpressionError:
            unit = None
        if not isinstance(unit, Literal) or unit.value == 0:
            return name, None, None, "", f"'-> {unit_text}' is not a unit (write -> TB/day, -> req/s, -> ms)", 0
        if unit.percent:
            unit_text = "%"
    lead = offset + len(expression) - len(expression.lstrip())
    return name, tree, unit, unit_text, "", lead
