"""Translating between HTTP and the domain: query strings to input texts, estimates to
template context, share links. No formulas here."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode

from django.http import QueryDict

from estimator.domain import lines as lines_module
from estimator.domain.architecture import ALIASES, DEFAULT_NAMES
from estimator.domain.components import KINDS
from estimator.domain.engine import Calculator, Estimate, Result
from estimator.domain.inputs import Input
from estimator.render import bill

# Built-in results that are a default component's node count (app_servers is app.nodes): the
# summary shows every component's nodes with its bound instead.
_NODE_ALIASES = frozenset(alias.name for alias in ALIASES if alias.expression.endswith(".nodes"))


def headline(estimate: Estimate, names: tuple[str, ...]) -> list[Result]:
    """The summary's figures: `names` (a calculator's headline) where they could be computed,
    less the node counts the components' own row shows (when the estimate has components)."""
    if estimate.components:
        names = tuple(name for name in names if name not in _NODE_ALIASES)
    return estimate.headline(names)


def input_texts(query: QueryDict | Mapping[str, str], calculator: Calculator) -> dict[str, str]:
    """The input texts a query carries (names that are not the calculator's inputs are left out)."""
    return {name: query.get(name, "") for name in calculator.by_name if name in query}


def unknown_names(query: Mapping[str, str], *, allowed: frozenset[str] = frozenset(),
                  calculator: Calculator) -> dict[str, str]:
    """An error message for every query name that is not an input, with a suggestion."""
    names = list(calculator.by_name)
    errors = {}
    for name in query:
        if name in calculator.by_name or name in allowed:
            continue
        shown = name[:40]
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean {close[0]}?" if close else f"; inputs are {', '.join(names)}"
        errors[shown] = f"'{shown}' is not an input{hint}"
    return errors


def share_query(texts: Mapping[str, str], base: Mapping[str, str] | None = None,
                *, calculator: Calculator) -> str:
    """The query string of a share link: only the inputs whose text differs from `base`
    (the defaults, or a saved revision's inputs), in declaration order."""
    base = calculator.defaults if base is None else base
    pairs = []
    for spec in calculator.inputs:
        text = texts.get(spec.name)
        if text is None:
            continue
        if " ".join(text.split()) != " ".join(base.get(spec.name, spec.default).split()):
            pairs.append((spec.name, text))
    return urlencode(pairs)


def with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


@dataclass(frozen=True)
class Field:
    spec: Input
    text: str
    error: str
    unused: str = ""  # why no result reads it now (shown only when the field holds text)

    @property
    def name(self) -> str:
        return self.spec.name


# A widget that draws its own fieldset (the lines: a notepad with each line's result beside it).
GROUP_TEMPLATES = {"lines": "web/_lines.html"}


class FieldGroup(NamedTuple):
    title: str
    fields: list[Field]

    @property
    def template(self) -> str:
        """The group's markup: a fieldset of its fields, unless its widget draws its own."""
        return GROUP_TEMPLATES.get(self.fields[0].spec.kind.widget, "web/_fieldset.html")


def line_rows(estimate: Estimate) -> list[tuple]:
    """Each row of the lines with the component it declares (its figures: nodes, bound, cost),
    or None: a component's row shows its nodes beside it as a line shows its value."""
    if not estimate.rows:
        return []
    components = {c.name: c for c in estimate.components if c.row}
    return [(row, components.get(row.name) if not row.error else None) for row in estimate.rows]


def lines_first(groups: list[FieldGroup]) -> tuple[FieldGroup | None, list[FieldGroup]]:
    """(the lines' group, the other groups): the page draws the lines as a surface of their own,
    wide above the form, and the fields below it."""
    lines = next((group for group in groups if group.template != "web/_fieldset.html"), None)
    return lines, [group for group in groups if group is not lines]


def field_groups(estimate: Estimate) -> list[FieldGroup]:
    """The form's fields in their groups, in declaration order, each with its text and message."""
    groups: dict[str, list[Field]] = {}
    for spec in estimate.calculator.inputs:
        text = estimate.texts[spec.name]
        field = Field(spec, text, estimate.errors.get(spec.name, ""), estimate.unused.get(spec.name, "") if text else "")
        groups.setdefault(spec.group, []).append(field)
    return [FieldGroup(title, fields) for title, fields in groups.items()]


def result_groups(estimate: Estimate) -> list[tuple[str, list[Result]]]:
    groups = [(group, bill.grouped(estimate, group)) for group in estimate.calculator.result_groups]
    return [(group, results) for group, results in groups if results]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    year: int
    shown: str


CHARTS = (("storage_held", "Storage held"), ("cost_per_month", "Cost per month"), ("peak_qps", "Peak QPS"))
CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM = 320, 150, 22, 18  # SVG user units


def timeline_charts(estimate: Estimate) -> list[dict]:
    """Bar charts of the timeline (storage held, cost per month, peak QPS), as coordinates the
    template draws: each bar's height is its value over the chart's largest; a column not
    available in every year has none."""
    from estimator.domain.timeline import COLUMNS

    years = estimate.timeline
    if not years:
        return []
    column = {key: i for i, (key, _, _) in enumerate(COLUMNS)}
    charts = []
    plot = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = CHART_WIDTH / len(years)
    for key, title in CHARTS:
        values = [year.values[key] for year in years]  # None: a year that cannot compute it (no bar)
        if all(value is None for value in values):  # unavailable every year (as today): no chart
            continue
        top = max((value for value in values if value is not None), default=0.0) or 1.0
        highest = max(years, key=lambda year: -math.inf if year.values[key] is None else year.values[key])
        bars = []
        for i, (year, value) in enumerate(zip(years, values)):
            height = 0.0 if value is None else max(0.0, value / top * plot)
            bars.append(Bar(round(i * step + step * 0.15, 1), round(CHART_TOP + plot - height, 1),
                            round(step * 0.7, 1), round(height, 1), year.year, year.shown[column[key]]))
        charts.append({"key": key, "title": title, "bars": bars, "top": highest.shown[column[key]],
                       "width": CHART_WIDTH, "height": CHART_HEIGHT, "label_y": CHART_HEIGHT - 4})
    return charts


# "Add a component": a kind's template line under a name no line, input or result has --------------

ADD = "add"  # the button's name: with it, the query's `add_kind` is added to the lines
ADD_KIND = "add_kind"


@dataclass(frozen=True)
class ComponentChoice:
    kind: str
    summary: str
    base: str  # the name the kind's template suggests ("jobs")
    line: str  # the template line under a free name, for this estimate's lines


def _line_names(text: str) -> set[str]:
    return {row.split("=", 1)[0].strip() for row in text.split("\n") if "=" in row}


def free_name(base: str, taken: set[str]) -> str:
    """`base`, or `base_2`, `base_3` … : the first no line, input, result or default component has."""
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def _taken(calculator: Calculator, text: str) -> set[str]:
    return set(calculator.by_name) | set(DEFAULT_NAMES) | _line_names(text)


def component_choices(estimate: Estimate) -> list[ComponentChoice]:
    """Every kind with its template line under a name free in this estimate's lines: the tiers
    that serve requests first (those that take them from users before those fed by others),
    then the stores, then what is rented; by name within each."""
    taken = _taken(estimate.calculator, estimate.texts.get("lines", ""))
    choices = []
    for kind in sorted(KINDS.values(), key=lambda k: (k.rented, not k.service, not k.entry, k.name)):
        base = kind.example.split(" =", 1)[0]
        choices.append(ComponentChoice(kind.name, kind.summary, base, kind.template(free_name(base, taken))))
    return choices


def reserved_names(calculator: Calculator) -> str:
    """The kinds' suggested names that a built-in already has (the default `net`), which the
    page's script must not give a new component: space-separated."""
    bases = {kind.example.split(" =", 1)[0] for kind in KINDS.values()}
    return " ".join(sorted(bases & (set(calculator.by_name) | set(DEFAULT_NAMES))))


def with_component(query: Mapping[str, str], texts: dict[str, str], calculator: Calculator) -> dict[str, str]:
    """The texts with a component added to the lines when the query asks (the Add button of the
    form, without JavaScript): the kind's template line under a free name, on a row of its own.
    An unknown kind, or lines already at their limit, add nothing."""
    kind = KINDS.get(query.get(ADD_KIND, "")) if ADD in query else None
    if kind is None or "lines" not in calculator.by_name:
        return texts
    text = texts.get("lines", calculator.defaults.get("lines", "")).rstrip("\n")
    if text.count("\n") + 1 >= lines_module.MAX_LINES:
        return texts
    base = kind.example.split(" =", 1)[0]
    line = kind.template(free_name(base, _taken(calculator, text)))
    return {**texts, "lines": f"{text}\n{line}" if text else line}
