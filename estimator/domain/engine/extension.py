"""What an estimate's extension (its components) leaves after the run: each parameter a result
of its own (`ws.concurrent`, with its work), a parameter's refusal moved to the row of the
lines that declares it, the built-ins the extension makes unavailable, and its own refusals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang.show import work_template
from .declarations import LINES, Declared, Extension
from .display import api_unit, shower
from .result import Result

if TYPE_CHECKING:
    from .run import Run


_MEMO_PARAMS = 1024  # a parameter's result, by its name, value and the figures its work shows (its text is its calculator's)


def extended(calculator: Declared, extension: Extension, run: Run, param_errors: dict[str, str],
             ranged: bool = False) -> None:
    rows = extension.rows
    memo = calculator.param_memo  # type: ignore[attr-defined]
    for row, message in extension.row_errors:
        _refuse(run, row, message)
    env, shown, results, errors = run.env, run.shown, run.results, run.errors
    binary = run.binary
    for (spec, text, row), how in zip(extension.params, calculator.param_showing):
        name = spec.name
        if param_errors or errors:
            message = param_errors.get(name) or errors.pop(name, None)
            if message is not None:
                run.blocked[name] = (f"line {row}",)
                _refuse(run, row, message if name in message else f"{name}: {message}")
                continue
        if name not in env:
            continue
        # a parameter's text is its calculator's (the extension's): its value and what it reads decide
        key = (name, env[name], binary, tuple(map(shown.get, how.names)) if how.names else ())
        result = memo.get(key)
        if result is None:
            result = _param_result(spec, text, how, run)
            if len(memo) >= _MEMO_PARAMS:
                memo.clear()
            memo[key] = result
        shown[name] = result.display
        results[name] = result
    for name, why in extension.unavailable:
        step = calculator.step_by_name.get(name)
        if step is not None:
            results[name] = Result(name, step.label, step.group, step.unit, None, "unavailable", why)
    # A result a component line makes that cannot be computed says so at the line: those are the
    # steps the run found unavailable (run.blocked), the built-ins the extension took away and,
    # over ranges, what some samples could not compute (sample.py).
    if ranged or extension.unavailable or not run.blocked.keys().isdisjoint(rows):
        for name, row in rows.items():
            result = results.get(name)
            if row and result is not None and result.value is None and f"{LINES}:{row}" not in errors \
                    and not (result.needs and all(n in errors for n in result.needs)):
                # (one waiting only for a bad field is not the line's fault: the field says so)
                _refuse(run, row, f"{name} {result.work}")


@dataclass(frozen=True, slots=True)
class _Showing:
    """How a parameter shows as a result, the same on every estimate of its calculator: its
    display, its API unit and scale, and its work's template with the names it reads."""

    show: Callable
    unit: str
    scale: float
    names: tuple[str, ...]  # what its work reads, in template order (none: given as a figure)
    template: str


def showing(params: tuple, params_read: dict) -> list[_Showing]:
    """The parameters' _Showing, in the extension's order, from their texts as read once when
    the derived calculator is made (a parameter refused has none to read: it is never shown)."""
    found = []
    for spec, _, _ in params:
        parsed = params_read.get(spec.name)
        unit, scale = api_unit(spec.kind.dims)
        template, order = work_template(parsed.tree) if parsed is not None and parsed.names else ("", ())
        found.append(_Showing(shower(spec.kind.dims, style=spec.kind.display), unit, scale, order, template))
    return found


def _param_result(spec, text: str, how: _Showing, run: Run) -> Result:
    """A parameter as a result: its value in its kind's terms, its work as typed."""
    value = run.env[spec.name]
    display = how.show(value, run.binary)
    if how.template:
        work = how.template.format(*[run.shown.get(n, n) for n in how.names]) + " = " + display
    else:
        parsed = run.inputs[spec.name]
        work = f"given: {parsed.figure}" if parsed.figure else f"given: {text}"
    run.shown[spec.name] = display
    return Result(spec.name, spec.label, spec.group, how.unit, value / how.scale if how.scale != 1 else value,
                  display, work)


def _refuse(run: Run, row: int, message: str) -> None:
    if f"{LINES}:{row}" not in run.errors:  # the first refusal of a line is the one it shows
        run.refuse_line(row, message)
