"""Translating between HTTP and the domain: query strings to input texts, estimates to
template context, share links. No formulas here."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode

from django.http import QueryDict

from estimator.domain.architecture import ALIASES
from estimator.domain.engine import Calculator, Estimate, Result
from estimator.domain.inputs import Input

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


def field_groups(estimate: Estimate) -> list[FieldGroup]:
    """The form's fields in their groups, in declaration order, each with its text and message."""
    groups: dict[str, list[Field]] = {}
    for spec in estimate.calculator.inputs:
        text = estimate.texts[spec.name]
        field = Field(spec, text, estimate.errors.get(spec.name, ""), estimate.unused.get(spec.name, "") if text else "")
        groups.setdefault(spec.group, []).append(field)
    return [FieldGroup(title, fields) for title, fields in groups.items()]


def result_groups(estimate: Estimate) -> list[tuple[str, list[Result]]]:
    groups = [
        (group, [r for r in estimate.results.values() if r.group == group])
        for group in estimate.calculator.result_groups
    ]
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
    template draws: each bar's height is its value over the chart's largest."""
    from estimator.domain.timeline import COLUMNS

    years = estimate.timeline
    if not years:
        return []
    column = {key: i for i, (key, _, _) in enumerate(COLUMNS)}
    charts = []
    plot = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = CHART_WIDTH / len(years)
    for key, title in CHARTS:
        values = [year.values[key] for year in years]
        top = max(values) or 1.0
        highest = max(years, key=lambda year: year.values[key])
        bars = []
        for i, (year, value) in enumerate(zip(years, values)):
            height = max(0.0, value / top * plot)
            bars.append(Bar(round(i * step + step * 0.15, 1), round(CHART_TOP + plot - height, 1),
                            round(step * 0.7, 1), round(height, 1), year.year, year.shown[column[key]]))
        charts.append({"key": key, "title": title, "bars": bars, "top": highest.shown[column[key]],
                       "width": CHART_WIDTH, "height": CHART_HEIGHT, "label_y": CHART_HEIGHT - 4})
    return charts
