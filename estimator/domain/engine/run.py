"""The exact run: each step of the plan computed on floats in canonical units, with its
display and its work; what cannot be computed is unavailable, naming what it waits for."""

from __future__ import annotations

import difflib
import math
from functools import lru_cache

from .. import lexicon
from ..errors import InputError
from ..lang.compile import compile_tree
from ..lang.dims import infer
from ..lang.errors import EvaluationError, ExpressionError
from ..lang.nodes import CHECK, Name, Node, first_column
from .declarations import LINES, LINES_GROUP, Declared
from .display import api_unit, converted, shower
from .result import Result
from .step import Step


@lru_cache(maxsize=2048)
def _infer(tree: Node, dims_items: tuple) -> object:
    """A line's dimensions, memoized by its tree and the dimensions of the names it reads."""
    try:
        return infer(tree, dict(dims_items))
    except ExpressionError as error:
        return error



_MEMO_INPUTS = 1024  # an input that reads names, by the figures it read (a calculator's)
_MEMO_PER_STEP = 16  # the figures a formula remembers: keystrokes on one field, a few presets


def _given(parsed, shown: str) -> str:
    """How a given input shows in the work: its figure, and the line or result it names when
    its text is a name (given: updates = 333k req/s)."""
    return f"{parsed.text} = {shown}" if isinstance(parsed.tree, Name) else shown


def _unit_fits(row, dims) -> bool:
    """Whether a line of these dimensions checks with its -> unit (or has none)."""
    return row.unit is None or (dims is not CHECK and row.unit.dims == dims)


def _fits(scaled) -> bool:
    """Whether a field takes a value (`scaled` raises InputError when it does not)."""
    try:
        scaled()
    except InputError:
        return False
    return True


class Run:
    """The state of one evaluation: values, figures, what is blocked and why."""

    def __init__(self, calculator: Declared, inputs, errors, env, shown, blocked, binary):
        self.calculator = calculator
        self.inputs = inputs
        self.errors = errors
        self.env = env
        self.shown = shown
        self.blocked = blocked
        self.binary = binary
        self.results: dict[str, Result] = {}
        self.row_errors: dict[int, str] = {}
        self.refused_lines: set[str] = set()  # "line 3": how a result waiting on a refused line names it
        self.line_dims: dict[str, object] = {}
        self.computed: dict[str, float] = {}
        self.steps: dict[str, Step] = {}  # the lines' steps, by name
        self.scales: dict[str, float] = {}  # inputs that read names: what their tree's value is multiplied by

    def row_error(self, row, message: str) -> None:
        self.refuse_line(row.number, message, row.name)

    def refuse_line(self, number: int, message: str, name: str = "") -> None:
        """Row `number` of the lines refused with `message`; what reads `name` waits for it."""
        self.row_errors[number] = message
        self.errors[f"{LINES}:{number}"] = f"line {number}: {message}"
        self.refused_lines.add(f"line {number}")
        if name:
            self.blocked.setdefault(name, (f"line {number}",))

    def needs(self, names) -> tuple[str, ...]:
        """What the names wait for: the bad or blank inputs and lines behind them."""
        waiting: list[str] = []
        for name in names:
            if name in self.env:
                continue
            found = self.blocked.get(name) or (name,)  # a result that could not be computed names itself
            waiting.extend(n for n in found if n not in waiting)
        return tuple(waiting)

    def unavailable(self, step: Step, needs: tuple[str, ...], why: str = "") -> None:
        self.blocked[step.name] = needs
        if not why:
            bad = any(n in self.errors or n in self.refused_lines for n in needs)
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
                figure = step.show.figure(value, self.binary)
                display = figure[0] + figure[1]
                self.env[step.name] = value
                self.shown[step.name] = display
                self.results[step.name] = Result(step.name, step.label, step.group, step.unit, value, display,
                                                 f"given: {_given(given, self.shown.get(step.given_by, display))}",
                                                 figure=figure, family=step.show.family)
                return
        self._compute(step)

    def _compute(self, step: Step) -> None:
        env = self.env
        if step.alias_of:
            found = self.results.get(step.alias_of)
            if found is not None and found.value is not None and found.family == step.show.family \
                    and step.api_scale == 1.0 and step.alias_of in env:
                # The same figure under a second name (app_servers is app.nodes): nothing to format again.
                value = env[step.alias_of]
                env[step.name] = value
                self.shown[step.name] = found.display
                self.results[step.name] = Result(step.name, step.label, step.group, step.unit, found.value,
                                                 found.display, found.work, (), step.row, None, found.figure,
                                                 found.family)
                return
        memo = step.memo
        try:
            key = (self.binary, step.read(env, self.shown))
        except KeyError:  # a name it reads has no value
            return self.unavailable(step, self.needs(step.names))
        known = memo.get(key)
        if known is not None:  # the same figures read as a moment ago (live typing changes one field)
            value, result = known
            env[step.name] = value
            self.shown[step.name] = result.display
            self.results[step.name] = result  # shared: the run on samples copies a result before writing to it
            return
        try:
            value = step.evaluate(env)
        except (EvaluationError, OverflowError, ValueError) as error:
            return self.unavailable(step, (), why=str(error) or "cannot be computed")
        if value != value:  # NaN
            return self.unavailable(step, (), why="cannot be computed (an undefined value)")
        show = step.show
        figure = show.figure(value, self.binary)
        display = figure[0] + figure[1]  # str(figure), without a call
        name = step.name
        shown = self.shown
        env[name] = value
        shown[name] = display
        work = step.work(shown, self.results, display)
        api_value = value if isinstance(value, bool) else value * step.api_scale
        self.results[name] = Result(name, step.label, step.group, step.unit, api_value, display, work, (), step.row,
                                    None, figure, show.family)
        if step.row == 0:  # a formula of the calculator (a line's step lives one estimate)
            if len(memo) >= _MEMO_PER_STEP:
                memo.clear()
            memo[key] = (value, self.results[name])

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
        memo = self.calculator.input_memo  # the calculator's own names keep their dimensions: a line's may not
        line_dims = self.line_dims
        key = (name, parsed.text, tuple(map(self.env.__getitem__, parsed.names)),
               *((line_dims[n] for n in parsed.names if n in line_dims) if line_dims else ()))
        known = memo.get(key)
        if known is None:
            try:
                scale, evaluate = self._prepared(name, spec, parsed, key[3:])
                value = evaluate(self.env) * scale
                spec.check_bounds(value, parsed.text)
                known = (value, scale, spec.kind.show(value), "")
            except (InputError, EvaluationError) as error:
                known = (None, None, None, str(error))
            if len(memo) >= _MEMO_INPUTS:
                memo.clear()
            memo[key] = known
        value, scale, shown, error = known
        if error:
            self.errors[name] = error
            self.blocked[name] = (name,)
            return
        self.env[name] = value
        self.computed[name] = value
        self.scales[name] = scale
        self.shown[name] = shown

    def _prepared(self, name: str, spec, parsed, line_dims: tuple) -> tuple[float, object]:
        """What a field's text needs before its value, the same whatever the values it reads:
        the scale its dimension takes in the field's terms and its compiled tree; or the
        InputError it is refused with. Remembered by the text and the dimensions of the lines
        it reads (the calculator's own names keep theirs)."""
        memo = self.calculator.prepared_memo
        key = (name, parsed.text, *line_dims)
        known = memo.get(key)
        if known is None:
            dims = {n: self._dims(n) for n in parsed.names}
            try:
                inferred = infer(parsed.tree, dims)
                try:
                    scale = spec.kind.scale_for(name, parsed.text, spec.example, inferred)
                except InputError as error:
                    fits = lambda d: _fits(lambda: spec.kind.scale_for(name, parsed.text, spec.example, d))  # noqa: E731
                    raise InputError(str(error) + self._retyped(parsed.tree, parsed.names, fits)) from None
                known = (scale, compile_tree(parsed.tree))
            except (InputError, EvaluationError) as error:
                known = str(error)  # the message (an exception kept would gather a traceback per raise)
            if len(memo) >= _MEMO_INPUTS:
                memo.clear()
            memo[key] = known
        if isinstance(known, str):
            raise InputError(known)
        return known

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
            column = first_column(row.tree, unknown[0])
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
                                                          if inferred.column else "")
                                  + self._retyped(row.tree, names, lambda d: _unit_fits(row, d)))
        if row.unit is not None:
            if inferred is CHECK or row.unit.dims != inferred:
                return self.row_error(row, f"'-> {row.unit_text}' is {lexicon.describe(row.unit.dims)}, but the "
                                           f"line is {lexicon.describe(inferred) if inferred is not CHECK else 'a check'}"
                                      + self._retyped(row.tree, names, lambda d: _unit_fits(row, d)))
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

    def _retyped(self, tree: Node, names, fits) -> str:
        """What a refused line or field is told when it reads a built-in whose dimension a model
        version changed (storage_per_day, a size before it was a rate) and would check with the
        former dimension (`fits`): "; " and the built-in's note, or "" (refusals only: not hot)."""
        by_result = self.calculator.by_result
        formerly = {n: by_result[n].retyped for n in names if n in by_result and by_result[n].retyped}
        if not formerly:
            return ""
        try:
            dims = {n: self._dims(n) for n in names}
        except KeyError:
            return ""
        dims.update((n, lexicon.dimensionality(unit)) for n, (unit, _) in formerly.items())
        try:
            inferred = infer(tree, dims)
        except ExpressionError:
            return ""
        return "; " + "; ".join(note for _, note in formerly.values()) if fits(inferred) else ""

    def _line_blocked(self, row, needs) -> None:
        self.blocked[row.name] = needs
        why = f"needs a valid {' and '.join(needs)}"
        self.results[row.name] = Result(row.name, row.name, LINES_GROUP, "", None, "unavailable", why, needs,
                                        row.number)
