"""A calculator: its inputs and formulas compiled once at import, and one estimate from the
texts typed (read, planned, run exactly, and run again on samples when a figure is a range)."""

from __future__ import annotations

import copy
import graphlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache


from .. import lexicon
from .. import lines as lines_module
from .. import reference
from ..errors import InputError
from ..inputs import Input, Parsed
from ..lang.compile import compile_tree
from ..lang.dims import infer
from ..lang.functions import FUNCTIONS
from ..lang.nodes import names_in, ranges_in
from ..lang.parse import parse
from ..lexicon import Dims
from .declarations import LINES, LINES_GROUP, Constraint, Extension, Formula
from .display import shower
from .plan import follow, plan_of
from .result import Estimate, LineRow, Result
from .run import Run
from .extension import extended, showing
from .sample import Sampling
from .step import Step, step_for

MAX_RANGES = 100  # in one estimate: each is ranges.SAMPLES draws


@lru_cache(maxsize=1024)
def _step(formula: Formula, read_dims: tuple) -> Step:
    """A formula compiled, by the formula and the dimensions of the names it reads (TypeError
    when it is not what it declares): a component's formulas are compiled once, not again each
    time a derived calculator is made (retyping one parameter leaves every formula as it was)."""
    inferred = infer(formula.tree, dict(read_dims))
    if inferred != formula.dims:
        raise TypeError(f"{formula.name} = {formula.expression} is {lexicon.describe(inferred)}, "
                        f"declared {formula.unit or 'a plain number'}")
    step = step_for(formula.name, formula.label, formula.group, formula.unit, formula.tree,
                    shower(inferred, style=formula.display, per=formula.per), given_by=formula.given_by,
                    alias=formula.alias, named=formula.named)
    if formula.unit and formula.dimension is None and formula.display != "check":
        # The API reports it in its declared unit: a cost per second is reported per month.
        step = replace(step, api_scale=1 / lexicon.to_canonical(formula.unit))
    return step


class Calculator:
    """A declaration of inputs and the formulas computed from them."""

    def __init__(self, inputs: tuple[Input, ...], formulas: tuple[Formula, ...], result_groups: tuple[str, ...],
                 constraints: tuple[Constraint, ...] = (), timeline: Callable | None = None, timeline_inputs: tuple[str, ...] = (),
                 extend: Callable[[Calculator, list], Extension | None] | None = None,
                 summarize: Callable[[Estimate], list] | None = None, conventions: tuple[str, ...] = ()):
        self.conventions = conventions  # what its page and markdown state it assumes (conventions.py)
        self.summarize = summarize  # estimate → its components with their figures, or None
        self.extend = extend  # (calculator, the lines' rows) → what the estimate adds (its components), or None
        self.params: tuple[Input, ...] = ()  # inputs an extension adds (a component's parameters)
        # the parameters read from the extension's texts, once (name → Parsed), and their refusals
        self.params_read: Mapping[str, Parsed] = {}
        self.params_refused: Mapping[str, str] = {}
        self.param_showing: list = []  # how each parameter shows as a result (extension.showing)
        self.extension: Extension | None = None
        self.timeline = timeline  # (calculator, estimate) → rows, or None
        self.timeline_inputs = frozenset(timeline_inputs)  # inputs only the timeline reads
        self.inputs = inputs
        self.by_name: Mapping[str, Input] = {spec.name: spec for spec in inputs}
        self.defaults: Mapping[str, str] = {spec.name: spec.default for spec in inputs}
        self.formula_groups = result_groups  # the groups of its own formulas
        self.result_groups = result_groups + ((LINES_GROUP,) if LINES in self.by_name else ())  # and the lines' group
        self.formulas = formulas
        self.by_result: Mapping[str, Formula] = {f.name: f for f in formulas}
        self.constraints = [(c, parse(c.check)) for c in constraints]
        self.dims: dict[str, Dims] = {spec.name: spec.kind.dims for spec in inputs if spec.kind.valued}
        self.dims.update(reference.DIMS)  # ref.<name>: usable in every field, formula and line
        self.ref_shown = {ref.key: ref.value for ref in reference.REFERENCES}  # in the work, as written
        self.steps: list[Step] = self._compile(formulas, {})
        self._index()
        self._memos()

    def _memos(self) -> None:
        """What the run remembers of this calculator's inputs that read names, its parameters as
        results and its plans (run.py, extension.py, plan.py): each calculator has its own, so
        they go with it when the derived calculators' memo lets it go."""
        self.input_memo: dict = {}
        self.prepared_memo: dict = {}  # an input's text, prepared once (run.py, Run._prepared)
        self.param_memo: dict = {}
        self.plan_memo: dict = {}

    def _compile(self, formulas, compiled: Mapping[str, Step]) -> list[Step]:
        """The formulas as steps in dependency order, each dimension-checked against its
        declaration (TypeError names a formula that is not what it declares); a step already
        `compiled` for the same formula is reused, and so is one compiled for another calculator
        from the same formula reading names of the same dimensions (_step)."""
        by_result = {f.name: f for f in formulas}
        order = graphlib.TopologicalSorter(
            {f.name: {n for n in f.names if n in by_result and n != f.name} for f in formulas}
        ).static_order()
        steps = []
        for name in order:
            formula = by_result[name]
            step = compiled.get(name)
            if step is None:
                dims = self.dims
                if not formula.names <= dims.keys():
                    infer(formula.tree, dims)  # raises, naming what is unknown and what it might mean
                step = _step(formula, tuple((n, dims[n]) for n in sorted(formula.names)))
            self.dims[name] = formula.dims
            steps.append(step)
        return steps

    def _index(self) -> None:
        """What is looked up by name, from the inputs, parameters, formulas and steps."""
        formulas = self.formulas
        self.step_by_name = {s.name: s for s in self.steps}
        # The inputs each formula reads itself (a name that is also a result means the result);
        # a formula with if() reads only the branch it takes, known once values are.
        self.reads = {s.name: {n for n in s.names if n in self.by_name and n not in self.by_result} for s in self.steps}
        self.per_input = {f.name for f in formulas if f.needs_used}
        self.branching = {f.name: depends for f in formulas if (depends := f.branch_reads)}
        # What every estimate uses whatever its inputs (_unused): the inputs read by the steps
        # that are neither given directly, nor branching, nor per input; those left vary.
        varying = [s for s in self.steps if s.name not in self.per_input and (s.given_by or s.name in self.branching)]
        held = {s.name for s in varying} | self.per_input
        self.always_used = frozenset(self.timeline_inputs).union(
            *(self.reads[s.name] for s in self.steps if s.name not in held))
        self.varying_steps = varying
        self.reserved = set(self.by_name) | set(self.by_result) | set(FUNCTIONS) | set(lexicon.STANDALONE)
        self.result_order = [f.name for f in formulas]

    @lru_cache(maxsize=64)
    def derived(self, extension: Extension) -> Calculator:
        """This calculator with what an estimate adds (memoized: while someone types in a field,
        the components are the same): the extension's parameters as inputs, its formulas
        beside the built-in ones (a built-in of the same name, or a dropped one, leaves)."""
        derived = copy.copy(self)
        derived.extension = extension
        derived.params = tuple(spec for spec, _, _ in extension.params)
        derived.params_read, derived.params_refused = {}, {}
        for spec, text, _ in extension.params:  # the texts are the extension's: read once, not each estimate
            try:
                derived.params_read[spec.name] = spec.parse(text)
            except InputError as error:
                derived.params_refused[spec.name] = str(error)
        derived.param_showing = showing(extension.params, derived.params_read)  # how each shows as a result
        derived.by_name = {**self.by_name, **{spec.name: spec for spec in derived.params}}
        added = tuple(formula for formula, _ in extension.formulas)
        leaving = extension.dropped | {f.name for f in added}
        derived.formulas = tuple(f for f in self.formulas if f.name not in leaving) + added
        derived.by_result = {f.name: f for f in derived.formulas}
        derived.dims = {name: dims for name, dims in self.dims.items() if name not in leaving}
        derived.dims.update((spec.name, spec.kind.dims) for spec in derived.params)
        derived.steps = derived._compile(derived.formulas, {s.name: s for s in self.steps if s.name not in leaving})
        derived._index()
        derived._memos()
        derived.result_order = [name for name in extension.order if name in derived.by_result
                                or name in derived.by_name] or derived.result_order
        return derived

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
        extension = self.extend(self, rows) if self.extend is not None else None
        calculator = self.derived(extension) if extension is not None else self
        return calculator._estimate(texts, inputs, errors, rows, binary)

    def _estimate(self, texts: Mapping[str, str], inputs: dict, errors: dict, rows: list, binary: bool) -> Estimate:
        extension = self.extension
        param_errors = self.params_refused
        inputs.update(self.params_read)
        ranged = any(p is not None and p.ranged for p in inputs.values()) or any(row.ranges for row in rows)
        if ranged:
            rows = self._count_ranges(inputs, rows, errors)
        env: dict[str, float] = dict(reference.VALUES)
        shown: dict[str, str] = dict(self.ref_shown)
        blocked: dict[str, tuple[str, ...]] = {}
        deferred: list[str] = []
        for spec in self.inputs + self.params:
            name = spec.name
            if name in errors or name in param_errors:
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
        run = Run(self, inputs, errors, env, shown, blocked, binary)
        if deferred or rows or extension is not None:
            plan = plan_of(self, deferred, rows, run)
        else:
            plan = [("formula", step) for step in self.steps]
        self._check_constraints(run)
        follow(plan, run)
        spreads = Sampling(self, run).evaluate(plan) if ranged else {}
        if extension is not None:
            extended(self, extension, run, param_errors, ranged)
        computed = run.results
        results = {name: computed[name] for name in self.result_order if name in computed}
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
        return Estimate(self, all_texts, inputs, errors, results, binary, line_rows, run.computed, unused, spreads,
                        run.env, plan, run.scales)

    def _count_ranges(self, inputs: dict, rows: list, errors: dict) -> list:
        """The rows to run, once the field or the lines that take the estimate past
        MAX_RANGES ranges are refused (each range is SAMPLES draws: the limit bounds a sample
        run's time)."""
        total = 0
        for spec in self.inputs:
            parsed = inputs.get(spec.name)
            if parsed is not None and parsed.ranged and spec.name not in errors:
                count = len(ranges_in(parsed.tree))
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
        used: set[str] = set(self.always_used)
        overridden: list[str] = []
        for step in self.varying_steps:
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

    def _check_constraints(self, run: Run) -> None:
        for constraint, tree in self.constraints:
            if not names_in(tree) <= run.env.keys():
                continue
            if not compile_tree(tree)(run.env):
                message = constraint.message.format(**run.shown)
                run.errors[constraint.field] = message
                run.blocked[constraint.field] = (constraint.field,)
                run.env.pop(constraint.field, None)
