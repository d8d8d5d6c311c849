"""Two estimates side by side: every input and every result (the user's lines among them)
with the change from A to B, the rows that changed first.

The change of a number is its ratio B ÷ A (`×2`) and the percentage (B − A) ÷ |A| (`+100%`).
A number changed when the two values differ by more than one part in a billion (float noise
of the same figure typed two ways, `1M` and `1000k`, is no change). An input is compared by
its value where it has one, else by its text (a choice, a blank optional input); a check by
yes or no. A row one side lacks (a line only B has, an input only B gives) is "added" or
"removed". Pure: estimates in, rows out (render/compare.py writes them as markdown).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import formatting
from .engine import Estimate, Result

RELATIVE_TOLERANCE = 1e-9  # one part in a billion: two typings of one figure are the same figure
MINUS = "−"


@dataclass(frozen=True, slots=True)
class Row:
    """One input or result on both sides: as shown (`a`, `b`; "" when the side lacks it) and
    the values compared (None when not a number or yes/no)."""

    name: str
    label: str
    group: str
    a: str
    b: str
    a_value: float | bool | None
    b_value: float | bool | None
    changed: bool
    own: bool = False  # one of the user's lines: its name and displays are the user's text

    @property
    def ratio(self) -> float | None:
        """B ÷ A, where both are finite numbers and A is not zero."""
        a, b = self.a_value, self.b_value
        if not (_number(a) and _number(b)) or a == 0 or not (math.isfinite(a) and math.isfinite(b)):
            return None
        return b / a

    @property
    def percent(self) -> float | None:
        """(B − A) ÷ |A| × 100, where the ratio is defined."""
        a, b = self.a_value, self.b_value
        if self.ratio is None:
            return None
        return (b - a) / abs(a) * 100  # type: ignore[operator]

    @property
    def ratio_text(self) -> str:
        """'×2', '×0.5'; '' where there is no ratio."""
        ratio = self.ratio
        return "" if ratio is None else "×" + _signed(ratio, plus="")

    @property
    def percent_text(self) -> str:
        """'+100%', '−50%'; '' where there is no ratio."""
        percent = self.percent
        return "" if percent is None else _signed(percent, plus="+") + "%"

    @property
    def change(self) -> str:
        """The change in words: 'same', '×2 (+100%)', 'added', 'removed', 'from 0', 'yes → no', 'changed'."""
        if not self.changed:
            return "same"
        if self.ratio is not None:
            return f"{self.ratio_text} ({self.percent_text})"
        if not self.a:
            return "added"
        if not self.b:
            return "removed"
        if isinstance(self.a_value, bool) and isinstance(self.b_value, bool):
            return f"{self.a} → {self.b}"
        if _number(self.a_value) and self.a_value == 0:
            return "from 0"
        return "changed"


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _signed(x: float, *, plus: str) -> str:
    text = formatting.figure3(abs(x))
    return (MINUS if x < 0 else plus) + text


def _same_value(a: float | bool | None, b: float | bool | None) -> bool:
    if _number(a) and _number(b):
        if math.isinf(a) or math.isinf(b):  # type: ignore[arg-type]
            return a == b
        return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=0.0)  # type: ignore[arg-type]
    return a == b


@dataclass(frozen=True)
class Table:
    """Rows in order: the changed ones first, each part in declaration order."""

    rows: tuple[Row, ...]

    @property
    def changed(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.changed)

    @property
    def same(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if not row.changed)


@dataclass(frozen=True)
class Comparison:
    inputs: Table
    results: Table


def _changed_first(rows: list[Row]) -> Table:
    return Table(tuple(row for row in rows if row.changed) + tuple(row for row in rows if not row.changed))


def _input_rows(a: Estimate, b: Estimate) -> list[Row]:
    rows = []
    a_values, b_values = a.input_values, b.input_values
    for spec in a.calculator.inputs:
        if not spec.kind.tabled:
            continue  # the lines: each is compared as a result, in "Your lines"
        a_text, b_text = a.texts.get(spec.name, ""), b.texts.get(spec.name, "")
        a_value, b_value = a_values.get(spec.name), b_values.get(spec.name)
        if a_value is not None or b_value is not None:
            changed = not _same_value(a_value, b_value)
        else:
            changed = " ".join(a_text.split()) != " ".join(b_text.split())
        rows.append(Row(spec.name, spec.label, spec.group, a_text, b_text, a_value, b_value, changed))
    return rows


def _result_value(result: Result | None) -> float | bool | None:
    return None if result is None else result.value


def _result_rows(a: Estimate, b: Estimate) -> list[Row]:
    names = list(a.results) + [name for name in b.results if name not in a.results]
    # Built-ins in their groups' order, then the lines (A's in A's order, then those only B has).
    order = {group: i for i, group in enumerate(a.calculator.result_groups)}
    rows = []
    for name in names:
        ra, rb = a.results.get(name), b.results.get(name)
        shown = ra or rb
        a_value, b_value = _result_value(ra), _result_value(rb)
        if ra is None or rb is None:
            changed = True
        elif a_value is None or b_value is None:
            changed = ra.display != rb.display
        else:
            changed = not _same_value(a_value, b_value)
        rows.append(Row(name, shown.label, shown.group, ra.display if ra else "", rb.display if rb else "",
                        a_value, b_value, changed, own=bool(shown.row)))
    rows.sort(key=lambda row: order.get(row.group, len(order)))  # stable: each group keeps its order
    return rows


def compare(*, a: Estimate, b: Estimate) -> Comparison:
    """Every input and result of `a` and `b` (two estimates of one calculator) side by side,
    each table with its changed rows first."""
    return Comparison(inputs=_changed_first(_input_rows(a, b)), results=_changed_first(_result_rows(a, b)))
