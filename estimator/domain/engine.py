"""The engine every calculator runs on: inputs, built-in results and the user's lines are
named expressions in one namespace, evaluated in dependency order on floats in canonical
units, each with its work printed from the same tree that computed it.

A calculator is a declaration: its inputs (inputs.py) and its formulas, each formula one
expression text (`storage_per_day = write_qps × 1 day × object_size`) compiled once at import,
dimension-checked against its declared unit, and turned into a closure. A bad input, a bad
line or a value that cannot be computed makes what depends on it unavailable, naming it;
everything else still computes. Nothing here raises for bad input.
"""

from __future__ import annotations

import difflib
import graphlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy as np

from . import expressions, formatting, lexicon
from . import lines as lines_module
from . import ranges, reference
from .errors import InputError
from .expressions import CHECK, EvaluationError, ExpressionError, Node
from .inputs import Input, Parsed
from .lexicon import Dims

LINES = "lines"
LINES_GROUP = "Your lines"
MAX_RANGES = 100  # in one estimate: each is ranges.SAMPLES draws


@dataclass(frozen=True)
class Formula:
    """A built-in result, declared once: its value, its dimension check and its work all come
    from `expression`."""

    name: str
    label: str
    group: str
    expression: str
    unit: str  # canonical unit of the value, named as the spec writes it: "req/s", "B", ""
    display: str = ""  # "integer" or "percent"; otherwise the dimension decides
    per: str = ""  # a period shown after a total: storage_per_day shows "5 TB/day"
    given_by: str = ""  # an optional input that, when given, is the value ("given: 1M req/s")
    dimension: str | None = None  # units.txt unit of the value when `unit` is a plain count ("request")
    needs_used: str = ""  # an input this result means nothing without (per user needs users)
    tree: Node = field(init=False, repr=False, compare=False)
    names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        tree = expressions.parse(self.expression)  # a typo in a built-in fails at import
        object.__setattr__(self, "tree", tree)
        object.__setattr__(self, "names", expressions.names(tree))

    @property
    def dims(self) -> Dims:
        if self.display == "check":
            return CHECK  # type: ignore[return-value]
        return lexicon.dimensionality(self.dimension if self.dimension is not None else self.unit)


@dataclass(frozen=True, slots=True)
class Constraint:
    """Inputs that parse on their own but not together: `check` must hold, else `field` is
    refused with `message` (which may name the inputs' figures as {name})."""

    field: str
    check: str
    message: str


@dataclass(slots=True)  # not frozen: ~40 are built a request, and a frozen init costs 3× as much
class Result:
    name: str
    label: str
    group: str
    unit: str
    value: float | bool | None  # None when unavailable
    display: str
    work: str
    needs: tuple[str, ...] = ()  # the bad or missing inputs or lines this result waits for
    row: int = 0  # for a line: its row in the text
    spread: ranges.Spread | None = None  # when it depends on a range: its interval and driver

    @property
    def available(self) -> bool:
        return self.value is not None


@dataclass(frozen=True, slots=True)
class LineRow:
    """A row of the lines text as the page shows it beside the text area."""

    number: int
    text: str
    name: str
    result: Result | None
    error: str
    result_names: frozenset[str] = frozenset()  # the names this row reads


@dataclass(frozen=True)
class Estimate:
    calculator: Calculator
    texts: dict[str, str]  # every input's text: as typed, or its default
    inputs: dict[str, Parsed | None]
    errors: dict[str, str]
    results: dict[str, Result]
    binary: bool
    rows: list[LineRow] = field(default_factory=list)
    computed: dict[str, float] = field(default_factory=dict)  # inputs whose text reads names, computed
    unused: dict[str, str] = field(default_factory=dict)  # inputs no result reads now → why
    spreads: dict[str, ranges.Spread] = field(default_factory=dict)  # every ranged input and result

    @property
    def ranged(self) -> bool:
        """Whether any figure is a range (the estimate ran on samples)."""
        return bool(self.spreads)

    def used(self, name: str) -> bool:
        return name not in self.unused

    @property
    def input_values(self) -> dict[str, float]:
        """Every input's value in canonical units (those computed from names included) and the
        reference numbers: what the calculator's formulas read."""
        values = dict(reference.VALUES)
        for spec in self.calculator.inputs:
            value = self._value(spec.name)
            if value is not None and spec.kind.valued and spec.name not in self.errors:
                values[spec.name] = value
        return values

    def _value(self, name: str) -> float | None:
        """An input's value in canonical units: as read, or computed from the names it reads."""
        parsed = self.inputs.get(name)
        if parsed is None:
            return None
        return parsed.value if parsed.value is not None else self.computed.get(name)

    @cached_property
    def timeline(self) -> list | None:
        """The calculator's timeline (timeline.py) for these inputs, if it has one."""
        if self.calculator.timeline is None:
            return None
        return self.calculator.timeline(self.calculator, self)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def lines(self) -> list[Result]:
        return [r for r in self.results.values() if r.row]

    MAX_ANSWERS = 8  # the summary stays a glance

    @property
    def answers(self) -> list[Result]:
        """The user's own answers: lines no other line reads (the rest are steps toward them),
        checks aside, in the order written."""
        read = set().union(*(row.result_names for row in self.rows)) if self.rows else set()
        return [r for r in self.lines if r.name not in read and not isinstance(r.value, bool)][:self.MAX_ANSWERS]

    def as_dict(self) -> dict:
        """The JSON API's 200 body: {"inputs": {name: {text, value, unit}},
        "results": {name: {value, unit, display, work}}} (shared/spec/estimate.md)."""
        inputs = {}
        for spec in self.calculator.inputs:
            parsed = self.inputs.get(spec.name)
            number = self._value(spec.name)
            value = None
            if parsed is not None and spec.kind.unit == "choice":
                value = parsed.figure
            elif spec.kind.expression and number is not None:
                value = spec.kind.api_value(number)
            unit = "" if spec.kind.unit in ("choice", "lines") else spec.kind.unit
            inputs[spec.name] = {"text": self.texts[spec.name], "value": value, "unit": unit,
                                 "used": spec.name not in self.unused}
            spread = self.spreads.get(spec.name)
            if spread is not None and value is not None:  # value: the range's own median, as the timeline uses
                inputs[spec.name]["range"] = {key: _finite(spec.kind.api_value(v)) for key, v in
                                              (("p5", spread.p5), ("p50", spread.p50), ("p95", spread.p95))}
        results = {}
        for name, r in self.results.items():
            value = r.value
            if isinstance(value, float):
                value = _finite(value)  # JSON has no infinity; the display says "forever"
            results[name] = {"value": value, "unit": r.unit, "display": r.display, "work": r.work}
            spread = r.spread
            if spread is not None and r.value is not None and (spread.wide or spread.share is not None):
                if spread.share is not None:
                    results[name]["passes"] = spread.share
                    results[name]["driver"] = spread.driver
                else:
                    results[name]["range"] = {"p5": _finite(spread.p5 * spread.scale),
                                              "p50": _finite(spread.p50 * spread.scale),
                                              "p95": _finite(spread.p95 * spread.scale), "driver": spread.driver}
        body = {"inputs": inputs, "results": results}
        if self.calculator.timeline is not None:
            body["timeline"] = [year.as_dict() for year in self.timeline] if self.timeline is not None else None
        return body


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


# Display ---------------------------------------------------------------------------------------

Shower = Callable[[float, bool], str]


def shower(dims, *, style: str = "", per: str = "") -> Shower:
    """How a value of `dims` is shown: scaled within its family (5.79k req/s, 1.83 PB/yr,
    8h 45m 36s), or as the declaration's `style` says."""
    suffix = f"/{lexicon.PERIOD_SYMBOLS.get(lexicon.PERIODS.get(per, ''), per)}" if per else ""
    if dims is CHECK or style == "check":
        return lambda v, binary: "yes" if v else "no"
    if style == "integer":
        return lambda v, binary: formatting.integer(int(v)) if math.isfinite(v) else "∞"
    if style == "percent":
        return lambda v, binary: formatting.availability(v)
    if style == "nines":
        return lambda v, binary: formatting.nines(v)
    kind = lexicon.family(dims)
    if kind == "size":
        return lambda v, binary: formatting.size(v, binary=binary, per=suffix)
    if kind == "bandwidth":
        return lambda v, binary: formatting.size(v, binary=binary, per="/s")
    if kind == "rate":
        return lambda v, binary: formatting.count(v, "req/s")
    if kind == "requests":
        return lambda v, binary: formatting.count(v, "req") + suffix
    if kind == "users":
        return lambda v, binary: formatting.count(v, "users")
    if kind == "duration":
        return lambda v, binary: formatting.duration(v)
    if kind == "money":
        return lambda v, binary: formatting.money(v)
    if kind == "money_rate":
        month = lexicon.to_canonical("month")
        return lambda v, binary: formatting.money(v * month) + "/month"
    if kind == "number":
        return lambda v, binary: formatting.count(v) if math.isfinite(v) else "∞"
    if dims == _PER_USER_RATE:
        day = lexicon.to_canonical("day")
        return lambda v, binary: formatting.count(v * day, "req/user/day")
    if dims in _PRICES:  # prices read as they are quoted: $0.02/GB/month, $0.05/GB, $0.4/1M req
        scale, unit = _PRICES[dims]
        return lambda v, binary: f"${formatting.sig3(v * scale)}{unit}" if math.isfinite(v) else f"undefined{unit}"
    if dims.get("[request]", 0) == -1:  # per request: 5 KB/req, 20 ms/req
        whole = shower(dims * lexicon.dimensionality("request"))
        return lambda v, binary: whole(v, binary) + "/req"
    unit = lexicon.canonical(dims)
    return lambda v, binary: formatting.count(v, unit)


_PER_USER_RATE = lexicon.dimensionality("request/user/second")
_PRICES = {
    lexicon.dimensionality("USD/byte/second"): (lexicon.to_canonical("month") * 1e9, "/GB/month"),
    lexicon.dimensionality("USD/byte"): (1e9, "/GB"),
    lexicon.dimensionality("USD/request"): (1e6, "/1M req"),
    lexicon.dimensionality("USD/user/second"): (lexicon.to_canonical("month"), "/user/month"),
}


def converted(unit: expressions.Literal, unit_text: str) -> Shower:
    """A value shown in the unit a line chose with `-> unit`."""
    per_one = unit.value
    if unit.percent:
        return lambda v, binary: formatting.figure3(v * 100) + "%"
    if all(symbol in ("req", "users", "req/s") for symbol in unit.numerator):  # counts scale: 300M req/day
        return lambda v, binary: f"{formatting.count(v / per_one)} {unit_text}"
    return lambda v, binary: f"{formatting.figure3(v / per_one)} {unit_text}"


def api_unit(dims) -> tuple[str, float]:
    """(unit the API names a line's value in, what the canonical value is divided by)."""
    if dims is CHECK:
        return "", 1.0
    if lexicon.family(dims) == "money_rate":
        return "USD/month", lexicon.to_canonical("month")
    return lexicon.canonical(dims), 1.0


# Compiled formulas -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Step:
    """One formula or line ready to run: its closure, its work template and how it shows."""

    name: str
    label: str
    group: str
    unit: str
    names: frozenset[str]
    evaluate: Callable[[Mapping[str, float]], float]
    template: str  # the work with {0}, {1}… where the names' figures go
    order: tuple[str, ...]  # the names in template order
    show: Shower
    given_by: str = ""
    api_scale: float = 1.0
    row: int = 0
    sample: Callable | None = None  # the closure on samples (expressions.compile_samples)


def step_for(name: str, label: str, group: str, unit: str, tree: Node, show: Shower, *, given_by: str = "") -> Step:
    template, order = expressions.work_template(tree)
    return Step(name, label, group, unit, expressions.names(tree), expressions.compile_tree(tree), template, order,
                show, given_by, sample=expressions.compile_samples(tree))


@lru_cache(maxsize=2048)
def _infer(tree: Node, dims_items: tuple) -> object:
    """A line's dimensions, memoized by its tree and the dimensions of the names it reads."""
    try:
        return expressions.infer(tree, dict(dims_items))
    except ExpressionError as error:
        return error


class Calculator:
    """A declaration of inputs and the formulas computed from them."""

    def __init__(self, inputs: tuple[Input, ...], formulas: tuple[Formula, ...], result_groups: tuple[str, ...],
                 constraints: tuple[Constraint, ...] = (), timeline: Callable | None = None, timeline_inputs: tuple[str, ...] = ()):
        self.timeline = timeline  # (calculator, estimate) → rows, or None
        self.timeline_inputs = frozenset(timeline_inputs)  # inputs only the timeline reads
        self.inputs = inputs
        self.by_name: Mapping[str, Input] = {spec.name: spec for spec in inputs}
        self.defaults: Mapping[str, str] = {spec.name: spec.default for spec in inputs}
        self.result_groups = result_groups + ((LINES_GROUP,) if LINES in self.by_name else ())
        self.formulas = formulas
        self.by_result: Mapping[str, Formula] = {f.name: f for f in formulas}
        self.constraints = [(c, expressions.parse(c.check)) for c in constraints]
        self.dims: dict[str, Dims] = {spec.name: spec.kind.dims for spec in inputs if spec.kind.valued}
        self.dims.update(reference.DIMS)  # ref.<name>: usable in every field, formula and line
        self.ref_shown = {ref.key: ref.value for ref in reference.REFERENCES}  # in the work, as written
        order = graphlib.TopologicalSorter(
            {f.name: {n for n in f.names if n in self.by_result and n != f.name} for f in formulas}
        ).static_order()
        self.steps: list[Step] = []
        for name in order:
            formula = self.by_result[name]
            inferred = expressions.infer(formula.tree, self.dims)
            if inferred != formula.dims:
                raise TypeError(f"{formula.name} = {formula.expression} is {lexicon.describe(inferred)}, "
                                f"declared {formula.unit or 'a plain number'}")
            self.dims[name] = inferred
            style = formula.display
            step = step_for(name, formula.label, formula.group, formula.unit, formula.tree,
                            shower(inferred, style=style, per=formula.per), given_by=formula.given_by)
            if formula.unit and formula.dimension is None and formula.display != "check":
                # The API reports it in its declared unit: a cost per second is reported per month.
                step = replace(step, api_scale=1 / lexicon.to_canonical(formula.unit))
            self.steps.append(step)
        self.step_by_name = {s.name: s for s in self.steps}
        # The inputs each formula reads itself (a name that is also a result means the result);
        # a formula with if() reads only the branch it takes, known once values are.
        self.reads = {s.name: {n for n in s.names if n in self.by_name and n not in self.by_result} for s in self.steps}
        self.per_input = {f.name for f in formulas if f.needs_used}
        self.branching = {f.name: reads for f in formulas if (reads := expressions.reads(f.tree))}
        self.reserved = set(self.by_name) | set(self.by_result) | set(expressions.FUNCTIONS) | set(lexicon.STANDALONE)
        self.result_order = [f.name for f in formulas]

    def values(self, env: dict[str, float], given: set[str] = frozenset(),
               wanted: tuple[str, ...] = ()) -> dict[str, float]:
        """The formulas' values from input values alone (no display, no work): what the timeline
        runs once a year. Only what `wanted` needs, when given; formulas given directly
        (`given`) keep the input's value."""
        for step in self._needed(wanted):
            if step.given_by in given:
                continue
            if step.names <= env.keys():
                try:
                    env[step.name] = step.evaluate(env)
                except (EvaluationError, OverflowError, ValueError):
                    continue
        return env

    @lru_cache(maxsize=8)
    def _needed(self, wanted: tuple[str, ...]) -> tuple[Step, ...]:
        """The steps, in order, that the results `wanted` depend on (all when none is named)."""
        if not wanted:
            return tuple(self.steps)
        needed, frontier = set(), list(wanted)
        while frontier:
            name = frontier.pop()
            if name in self.step_by_name and name not in needed:
                needed.add(name)
                frontier.extend(self.step_by_name[name].names)
        return tuple(step for step in self.steps if step.name in needed)

    # Inputs ------------------------------------------------------------------------------------

    def parse(self, texts: Mapping[str, str]) -> tuple[dict[str, Parsed | None], dict[str, str]]:
        """Every declared input read from `texts` (a missing name takes its default): (parsed
        inputs by name, error message by name). Names that are not inputs are ignored here."""
        parsed: dict[str, Parsed | None] = {}
        errors: dict[str, str] = {}
        for spec in self.inputs:
            text = texts.get(spec.name)
            if text is None:
                text = spec.default
            try:
                parsed[spec.name] = spec.parse(text)
            except InputError as error:
                errors[spec.name] = str(error)
        return parsed, errors

    # Evaluation --------------------------------------------------------------------------------

    def __call__(self, texts: Mapping[str, str]) -> Estimate:
        inputs, errors = self.parse(texts)
        size_units = inputs.get("size_units")
        binary = bool(size_units and size_units.figure == "binary")
        rows = []
        lines_text = inputs.get(LINES)
        if lines_text is not None and LINES not in errors:
            try:
                rows = lines_module.read(lines_text.text)
            except InputError as error:
                errors[LINES] = str(error)
        ranged = any(p is not None and p.ranged for p in inputs.values()) or any(row.ranges for row in rows)
        if ranged:
            rows = self._count_ranges(inputs, rows, errors)
        env: dict[str, float] = dict(reference.VALUES)
        shown: dict[str, str] = dict(self.ref_shown)
        blocked: dict[str, tuple[str, ...]] = {}
        deferred: list[str] = []
        for spec in self.inputs:
            name = spec.name
            if name in errors:
                blocked[name] = (name,)
                continue
            parsed = inputs[name]
            if parsed is None or not spec.kind.valued:
                continue
            if parsed.value is None:
                deferred.append(name)
            else:
                env[name] = parsed.value
                shown[name] = parsed.figure
        run = _Run(self, inputs, errors, env, shown, blocked, binary)
        if deferred or rows:
            plan = self._plan(deferred, rows, run)
        else:
            plan = [("formula", step) for step in self.steps]
        self._check_constraints(run)
        _follow(plan, run)
        spreads = _Sampling(self, run).evaluate(plan) if ranged else {}
        results = {name: run.results[name] for name in self.result_order if name in run.results}
        line_rows = []
        for row in rows:
            result = run.results.get(row.name) if row.is_line else None
            if result is not None and result.row == row.number:  # not a later row that reused the name
                results[row.name] = result
            else:
                result = None
            line_rows.append(LineRow(row.number, row.text, row.name, result, run.row_errors.get(row.number, ""),
                                     row.names))
        all_texts = {spec.name: texts.get(spec.name, spec.default) for spec in self.inputs}
        unused = self._unused(inputs, rows, deferred, run.env)
        for formula in self.formulas:
            if formula.needs_used in unused and formula.name in results:
                step = self.step_by_name[formula.name]
                results[formula.name] = Result(formula.name, step.label, step.group, step.unit, None, "unavailable",
                                               f"needs {formula.needs_used}, which is {unused[formula.needs_used]}",
                                               (formula.needs_used,))
        return Estimate(self, all_texts, inputs, errors, results, binary, line_rows, run.computed, unused, spreads)

    def _count_ranges(self, inputs: dict, rows: list, errors: dict) -> list:
        """The rows to run, once the field or the lines that take the estimate past
        MAX_RANGES ranges are refused (each range is SAMPLES draws: the limit bounds a sample
        run's time)."""
        total = 0
        for spec in self.inputs:
            parsed = inputs.get(spec.name)
            if parsed is not None and parsed.ranged and spec.name not in errors:
                count = len(expressions.ranges_in(parsed.tree))
                if total + count > MAX_RANGES:
                    errors[spec.name] = (f"{spec.name}: at most {MAX_RANGES} ranges in one estimate, and this field "
                                         f"brings it to {total + count}; narrow some ranges to single figures")
                else:
                    total += count
        in_lines = sum(len(row.ranges) for row in rows)
        if total + in_lines > MAX_RANGES:
            errors[LINES] = (f"at most {MAX_RANGES} ranges in one estimate: the lines hold {in_lines} and the fields "
                             f"{total}; narrow some ranges to single figures")
            return []
        return rows

    def _unused(self, inputs: dict, rows: list, deferred: list[str], env: dict) -> dict[str, str]:
        """Inputs no result reads now, each with why: a formula given directly (read_qps)
        reads none of its own inputs."""
        used: set[str] = set(self.timeline_inputs)
        overridden: list[str] = []
        for step in self.steps:
            if step.name in self.per_input:
                continue  # cost per user reads dau but gives it no use of its own
            if step.given_by and inputs.get(step.given_by) is not None:
                used.add(step.given_by)
                overridden.append(step.given_by)
            elif step.name in self.branching and step.names <= env.keys():
                taken = self.branching[step.name](env)
                used |= {n for n in taken if n in self.by_name and n not in self.by_result}
            else:
                used |= self.reads[step.name]
        for row in rows:
            used |= row.names
        for name in deferred:
            used |= inputs[name].names
        unused = {}
        for spec in self.inputs:
            if spec.name in used or not spec.kind.valued:
                continue
            if overridden and any(spec.name in self.reads[s] for s in overridden if s in self.reads):
                unused[spec.name] = f"not used: {' and '.join(overridden)} {'is' if len(overridden) == 1 else 'are'} given"
            else:
                unused[spec.name] = "not used by any result"
        return unused

    def _check_constraints(self, run: _Run) -> None:
        for constraint, tree in self.constraints:
            if not expressions.names(tree) <= run.env.keys():
                continue
            if not expressions.compile_tree(tree)(run.env):
                message = constraint.message.format(**run.shown)
                run.errors[constraint.field] = message
                run.blocked[constraint.field] = (constraint.field,)
                run.env.pop(constraint.field, None)

    def _plan(self, deferred: list[str], rows: list, run: _Run) -> list[tuple[str, object]]:
        """Formulas, inputs that read names, and lines in an order where each comes after what
        it reads; names refused (taken, repeated) and cycles are marked at their rows."""
        lines: dict[str, object] = {}
        for row in rows:
            if row.error:
                run.row_error(row, row.error)
                continue
            if not row.name:
                continue
            if row.name in self.reserved or row.name.startswith("ref."):
                what = ("an input" if row.name in self.by_name else "a result" if row.name in self.by_result
                        else "a function" if row.name in expressions.FUNCTIONS else "a unit or reserved word")
                run.row_error(row, f"'{row.name}' is {what}; choose another name")
                continue
            if row.name in lines:
                first = lines[row.name]
                run.row_error(row, f"'{row.name}' is already defined on line {first.number}")  # type: ignore[attr-defined]
                continue
            lines[row.name] = row
        deferred_set = set(deferred)
        if not deferred:  # formulas read no line then: they run first, the lines after them in their own order
            graph_of_lines = {name: {n for n in row.names if n in lines} for name, row in lines.items()}  # type: ignore[attr-defined]
            order_of_lines = self._order(graph_of_lines, lambda name: ("line", name), lines, run)
            return [("formula", step) for step in self.steps] + [("line", lines[name]) for name in order_of_lines]

        def node_of(name: str) -> tuple[str, str] | None:
            if name in self.by_result:
                return ("formula", name)
            if name in lines:
                return ("line", name)
            if name in deferred_set:
                return ("input", name)
            return None

        graph: dict[tuple[str, str], set] = {}
        for step in self.steps:
            needs = {node_of(n) for n in step.names} - {None}
            if step.given_by and step.given_by in deferred_set:
                needs.add(("input", step.given_by))
            graph[("formula", step.name)] = needs  # type: ignore[assignment]
        for name in deferred:
            graph[("input", name)] = {node_of(n) for n in run.inputs[name].names} - {None}  # type: ignore[union-attr]
        for name, row in lines.items():
            graph[("line", name)] = {node_of(n) for n in row.names} - {None}  # type: ignore[attr-defined]
        order = self._order(graph, lambda node: node, lines, run)
        plan: list[tuple[str, object]] = []
        for kind, name in order:
            if kind == "formula":
                plan.append(("formula", self.step_by_name[name]))
            elif kind == "input":
                if (kind, name) in graph:
                    plan.append(("input", name))
            elif (kind, name) in graph:
                plan.append(("line", lines[name]))
        return plan


    def _order(self, graph: dict, node_of: Callable, lines: dict, run: _Run) -> list:
        """The graph's nodes in dependency order; the members of each cycle are refused (at
        their rows, or at their fields) and left out, so what depends on them waits."""
        while True:
            try:
                return list(graphlib.TopologicalSorter(graph).static_order())
            except graphlib.CycleError as cycle:
                members = list(dict.fromkeys(cycle.args[1]))
                path = " → ".join(node_of(node)[1] for node in cycle.args[1])
                for node in members:
                    kind, name = node_of(node)
                    message = f"a cycle: {path}" if len(members) > 1 else f"{name} refers to itself"
                    if kind == "line":
                        run.row_error(lines[name], message)
                    elif kind == "input":
                        run.errors[name] = f"{name}: {message}"
                        run.blocked[name] = (name,)
                    graph.pop(node, None)
                culprits = tuple(node_of(n)[1] if node_of(n)[0] == "input" else f"line {lines[node_of(n)[1]].number}"
                                 for n in members if node_of(n)[0] != "formula")
                for node in members:
                    kind, name = node_of(node)
                    if kind == "formula":  # a built-in caught in the cycle waits for what made it
                        run.unavailable(self.step_by_name[name], culprits or (name,))
                for needs in graph.values():
                    needs.difference_update(members)


def _follow(plan: list[tuple[str, object]], runner) -> None:
    """Each step of the plan given to the runner's formula, input or line (_Run computes,
    _Sampling computes again on samples)."""
    for kind, item in plan:
        if kind == "formula":
            runner.formula(item)
        elif kind == "input":
            runner.input(item)
        else:
            runner.line(item)


class _Run:
    """The state of one evaluation: values, figures, what is blocked and why."""

    def __init__(self, calculator: Calculator, inputs, errors, env, shown, blocked, binary):
        self.calculator = calculator
        self.inputs = inputs
        self.errors = errors
        self.env = env
        self.shown = shown
        self.blocked = blocked
        self.binary = binary
        self.results: dict[str, Result] = {}
        self.row_errors: dict[int, str] = {}
        self.line_dims: dict[str, object] = {}
        self.computed: dict[str, float] = {}
        self.steps: dict[str, Step] = {}  # the lines' steps, by name
        self.scales: dict[str, float] = {}  # inputs that read names: what their tree's value is multiplied by

    def row_error(self, row, message: str) -> None:
        self.row_errors[row.number] = message
        self.errors[f"{LINES}:{row.number}"] = f"line {row.number}: {message}"
        if row.name:
            self.blocked.setdefault(row.name, (f"line {row.number}",))

    def needs(self, names) -> tuple[str, ...]:
        """What the names wait for: the bad or blank inputs and lines behind them."""
        waiting: list[str] = []
        for name in names:
            if name in self.env:
                continue
            found = self.blocked.get(name, (name,))
            waiting.extend(n for n in found if n not in waiting)
        return tuple(waiting)

    def unavailable(self, step: Step, needs: tuple[str, ...], why: str = "") -> None:
        self.blocked[step.name] = needs
        if not why:
            bad = any(n in self.errors or n.startswith("line ") for n in needs)
            why = f"needs a valid {' and '.join(needs)}" if bad else f"needs {' and '.join(needs)}"
        self.results[step.name] = Result(step.name, step.label, step.group, step.unit, None, "unavailable", why, needs,
                                         step.row)

    def formula(self, step: Step) -> None:
        if step.given_by:
            given = self.inputs.get(step.given_by)
            if step.given_by in self.errors:
                return self.unavailable(step, (step.given_by,))
            if given is not None:
                value = self.env[step.given_by]
                display = step.show(value, self.binary)
                self.env[step.name] = value
                self.shown[step.name] = display
                self.results[step.name] = Result(step.name, step.label, step.group, step.unit, value, display,
                                                 f"given: {self.shown.get(step.given_by, display)}")
                return
        self._compute(step)

    def _compute(self, step: Step) -> None:
        env = self.env
        if not step.names <= env.keys():
            return self.unavailable(step, self.needs(step.names))
        try:
            value = step.evaluate(env)
        except (EvaluationError, OverflowError, ValueError) as error:
            return self.unavailable(step, (), why=str(error) or "cannot be computed")
        if value != value:  # NaN
            return self.unavailable(step, (), why="cannot be computed (an undefined value)")
        display = step.show(value, self.binary)
        env[step.name] = value
        self.shown[step.name] = display
        work = step.template.format(*[self.shown[n] for n in step.order]) + " = " + display
        api_value = value if isinstance(value, bool) else value * step.api_scale
        self.results[step.name] = Result(step.name, step.label, step.group, step.unit, api_value, display, work,
                                         row=step.row)

    def input(self, name: str) -> None:
        """An input that reads names (`avg_write`): its dimension checked in the field's terms,
        its value computed and bounded like any other."""
        spec = self.calculator.by_name[name]
        parsed = self.inputs[name]
        if not parsed.names <= self.env.keys():
            missing = [n for n in parsed.names if n not in self.env]
            unknown = [n for n in missing if n not in self.blocked and n not in self.calculator.dims
                       and n not in self.line_dims]
            if unknown:
                close = self._closest(unknown[0])
                hint = f" (did you mean {close}?)" if close else ""
                self.errors[name] = (f"'{unknown[0]}' is not a number, an input, a result or a line{hint}; "
                                     f"{name} needs {spec.kind.want(spec.example)}, got '{parsed.text}'")
            self.blocked[name] = (name,) if unknown else self.needs(parsed.names)
            return
        dims = {n: self._dims(n) for n in parsed.names}
        try:
            inferred = expressions.infer(parsed.tree, dims)
            scale = spec.kind.scale_for(name, parsed.text, spec.example, inferred)
            value = expressions.compile_tree(parsed.tree)(self.env) * scale
            spec.check_bounds(value, parsed.text)
        except (InputError, EvaluationError) as error:
            self.errors[name] = str(error)
            self.blocked[name] = (name,)
            return
        self.env[name] = value
        self.computed[name] = value
        self.scales[name] = scale
        self.shown[name] = spec.kind.show(value)

    def _closest(self, name: str) -> str | None:
        """The known name most like an unknown one (a value, an input, a result, a line)."""
        close = difflib.get_close_matches(name, [*self.env, *self.calculator.dims, *self.line_dims], n=1)
        return close[0] if close else None

    def _dims(self, name: str):
        if name in self.line_dims:
            return self.line_dims[name]
        return self.calculator.dims[name]

    def line(self, row) -> None:
        names = row.names
        unknown = [n for n in names if n not in self.env and n not in self.blocked
                   and n not in self.calculator.dims and n not in self.line_dims]
        if unknown:
            close = self._closest(unknown[0])
            hint = f"; did you mean {close}?" if close else ""
            column = expressions.first_column(row.tree, unknown[0])
            return self.row_error(row, f"'{unknown[0]}' is not an input, a result or a line{hint}"
                                       + (f" (column {column + row.offset})" if column else ""))
        try:
            dims_items = tuple(sorted((n, self._dims(n)) for n in names if n in self.calculator.dims
                                      or n in self.line_dims))
        except KeyError:
            dims_items = ()
        if len(dims_items) < len(names):  # a name it reads was refused: wait for it
            return self._line_blocked(row, self.needs(names))
        inferred = _infer(row.tree, dims_items)
        if isinstance(inferred, ExpressionError):
            return self.row_error(row, inferred.reason + (f" (column {inferred.column + row.offset})"
                                                          if inferred.column else ""))
        if row.unit is not None:
            if inferred is CHECK or row.unit.dims != inferred:
                return self.row_error(row, f"'-> {row.unit_text}' is {lexicon.describe(row.unit.dims)}, but the "
                                           f"line is {lexicon.describe(inferred) if inferred is not CHECK else 'a check'}")
            show = converted(row.unit, row.unit_text)
        else:
            show = shower(inferred)
        self.line_dims[row.name] = inferred
        unit, scale = api_unit(inferred)
        template, order = row.template
        step = Step(row.name, row.name, LINES_GROUP, unit, names, row.evaluate, template, order, show,
                    api_scale=scale, row=row.number, sample=row.sample)
        self.steps[row.name] = step
        if not names <= self.env.keys():
            return self._line_blocked(row, self.needs(names))
        self._compute(step)
        result = self.results[step.name]
        if result.value is None:
            self.row_errors[row.number] = result.work
            self.errors[f"{LINES}:{row.number}"] = f"line {row.number}: {result.work}"
        elif isinstance(result.value, float) and not math.isfinite(result.value):
            self.row_error(row, "the value is not finite (a division by zero, or too large)")
            self.env.pop(row.name, None)
            self.results.pop(row.name, None)

    def _line_blocked(self, row, needs) -> None:
        self.blocked[row.name] = needs
        why = f"needs a valid {' and '.join(needs)}"
        self.results[row.name] = Result(row.name, row.name, LINES_GROUP, "", None, "unavailable", why, needs,
                                        row.number)


class _Sampling:
    """The second pass of an estimate that holds ranges: the plan run again on arrays of
    samples (ranges.py), for what depends on a range only; each such result then shows its
    median and 90% interval and names its driver. What depends on no range keeps the value,
    display and work of the first pass, exactly."""

    def __init__(self, calculator: Calculator, run: _Run):
        self.calculator = calculator
        self.run = run
        self.arrays: dict[str, object] = dict(run.env)  # floats, and arrays for what a range reaches
        self.sources: dict[str, frozenset[str]] = {}  # name → the ranged inputs and lines it depends on
        self.own: dict[str, np.ndarray] = {}  # a source → its own variation (the names it reads held still)
        self.order: list[str] = []  # results and lines on samples, in plan order
        self.ranged_inputs: list[str] = []
        self.scales: dict[str, float] = {}  # a result → what its value is multiplied by in the API

    def evaluate(self, plan) -> dict[str, ranges.Spread]:
        run = self.run
        for spec in self.calculator.inputs:
            parsed = run.inputs.get(spec.name)
            if parsed is not None and parsed.ranged and not parsed.names and spec.name in run.env:
                samples = spec.samples(parsed.text)
                self._source(spec.name, samples, samples, frozenset())
                self.ranged_inputs.append(spec.name)
        with np.errstate(all="ignore"):
            _follow(plan, self)
        names = self.ranged_inputs + [n for n in self.order if not self._undefined(n)]
        spreads = ranges.summarize({n: self.arrays[n] for n in names}, self.sources, self.own, self.scales)
        self._show(spreads)
        return spreads

    def _source(self, name: str, values, own, upstream: frozenset[str]) -> None:
        self.arrays[name] = values
        self.own[name] = own
        self.sources[name] = upstream | {name}

    def _upstream(self, names) -> frozenset[str]:
        sources = self.sources
        return frozenset().union(*(sources[n] for n in names if n in sources))

    def formula(self, step: Step) -> None:
        run = self.run
        if step.name not in run.env:
            return
        given = step.given_by and run.inputs.get(step.given_by) is not None
        upstream = self._upstream((step.given_by,) if given else step.names)
        if not upstream:
            return
        value = self.arrays[step.given_by] if given else step.sample(self.arrays, ())
        self.scales[step.name] = step.api_scale
        self._result(step.name, value, upstream)

    def input(self, name: str) -> None:
        run = self.run
        if name not in run.env:
            return
        spec = self.calculator.by_name[name]
        parsed = run.inputs[name]
        upstream = self._upstream(parsed.names)
        own = expressions.ranges_in(parsed.tree)
        if not (upstream or own):
            return
        try:
            values = spec.sample(parsed.tree, self.arrays, run.scales[name], parsed.text)
        except InputError as error:
            run.errors[name] = str(error)
            return
        if own:
            held = spec.sample(parsed.tree, run.env, run.scales[name], parsed.text) if upstream else values
            self._source(name, values, held, upstream)
        else:
            self.arrays[name] = values
            self.sources[name] = upstream
        self.ranged_inputs.append(name)

    def line(self, row) -> None:
        run = self.run
        name = row.name
        if name not in run.env or name not in run.steps:
            return
        upstream = self._upstream(row.names)
        if not (upstream or row.ranges):
            return
        self.scales[name] = run.steps[name].api_scale
        draws = ranges.draw(row.ranges, f"{LINES}\0{row.text.split('#', 1)[0].strip()}")  # a comment reseeds nothing
        values = row.sample(self.arrays, draws)
        if row.ranges:
            held = self._full(row.sample(run.env, draws) if upstream else values)
            self._source(name, held, held, upstream)
        self._result(name, values, self.sources.get(name, upstream))  # a line holding a range is its own source

    @staticmethod
    def _full(values) -> np.ndarray:
        values = np.asarray(values)
        return values if values.shape == (ranges.SAMPLES,) else np.broadcast_to(values, (ranges.SAMPLES,))

    def _result(self, name: str, values, upstream: frozenset[str]) -> None:
        self.arrays[name] = self._full(values)
        self.sources[name] = upstream
        self.order.append(name)

    def _undefined(self, name: str) -> bool:
        values = self.arrays[name]
        return values.dtype != bool and bool(np.isnan(values).any())

    def _show(self, spreads: dict[str, ranges.Spread]) -> None:
        """Each ranged result's value (its median), display (with its interval) and work (with
        the ranges' figures), in plan order so a result's work shows what it reads as shown."""
        run = self.run
        shown = dict(run.shown)
        for name in self.ranged_inputs:
            spec = self.calculator.by_name[name]
            parsed = run.inputs[name]
            if not parsed.names:
                figure = parsed.figure
            else:
                spread = spreads[name]
                figure = formatting.span(spec.kind.show(spread.p5), spec.kind.show(spread.p95))
            shown[name] = f"({figure})"
        for name in self.order:
            result = run.results.get(name)
            if result is None or result.value is None:
                continue
            step = self.calculator.step_by_name.get(name) or run.steps[name]
            spread = spreads.get(name)
            if spread is None:  # some samples cannot be computed
                share = float(np.isnan(self.arrays[name]).mean())
                cases = f"in {formatting.cases(share)} of cases" if share < 1 else "in every case"
                run.results[name] = Result(name, result.label, result.group, result.unit, None, "unavailable",
                                           f"cannot be computed {cases}: a range reaches values where it is "
                                           f"undefined", (), result.row)
                shown[name] = "undefined"
                continue
            if spread.share is not None:
                value: float | bool = spread.share >= 0.5  # the median of yes and no
                display = formatting.passes(spread.share)
            else:
                value = spread.p50 * step.api_scale
                median = step.show(spread.p50, run.binary)
                display = formatting.interval(median, step.show(spread.p5, run.binary),
                                              step.show(spread.p95, run.binary))
            if step.given_by and run.inputs.get(step.given_by) is not None:
                work = f"given: {shown.get(step.given_by, display)}"
            else:
                work = step.template.format(*[shown[n] for n in step.order]) + " = " + display
            shown[name] = display
            result.value, result.display, result.work, result.spread = value, display, work, spread
