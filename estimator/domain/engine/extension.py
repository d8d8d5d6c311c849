"""What an estimate's extension (its components) leaves after the run: each parameter a result
of its own (`ws.concurrent`, with its work), a parameter's refusal moved to the row of the
lines that declares it, the built-ins the extension makes unavailable, and its own refusals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.show import work_template
from .declarations import LINES, Declared, Extension
from .display import api_unit, shower
from .result import Result

if TYPE_CHECKING:
    from .run import Run


_MEMO_PARAMS = 1024  # a parameter's result, by its text, value and the figures its work shows


def extended(calculator: Declared, extension: Extension, run: Run, param_errors: dict[str, str]) -> None:
    rows = extension.rows
    memo = calculator.param_memo  # type: ignore[attr-defined]
    for row, message in extension.row_errors:
        _refuse(run, row, message)
    for spec, text, row in extension.params:
        name = spec.name
        message = param_errors.get(name) or run.errors.pop(name, None)
        if message is not None:
            run.blocked[name] = (f"line {row}",)
            _refuse(run, row, message if name in message else f"{name}: {message}")
            continue
        if name not in run.env:
            continue
        key = (name, text, run.env[name], run.binary, tuple(map(run.shown.get, run.inputs[name].names)))
        result = memo.get(key)
        if result is None:
            result = _param_result(spec, text, run)
            if len(memo) >= _MEMO_PARAMS:
                memo.clear()
            memo[key] = result
        run.shown[name] = result.display
        run.results[name] = result
    for name, why in extension.unavailable:
        step = calculator.step_by_name.get(name)
        if step is not None:
            run.results[name] = Result(name, step.label, step.group, step.unit, None, "unavailable", why)
    results = run.results
    for name, row in rows.items():  # a result a component line makes that cannot be computed says so at the line
        result = results.get(name)
        if row and result is not None and result.value is None and f"{LINES}:{row}" not in run.errors:
            _refuse(run, row, f"{name} {result.work}")


def _param_result(spec, text: str, run: Run) -> Result:
    """A parameter as a result: its value in its kind's terms, its work as typed."""
    value = run.env[spec.name]
    parsed = run.inputs[spec.name]
    dims = spec.kind.dims
    show = shower(dims, style=spec.kind.display)
    display = show(value, run.binary)
    unit, scale = api_unit(dims)
    if parsed.names:
        template, order = work_template(parsed.tree)
        work = template.format(*[run.shown.get(n, n) for n in order]) + " = " + display
    else:
        work = f"given: {parsed.figure}" if parsed.figure else f"given: {text}"
    run.shown[spec.name] = display
    return Result(spec.name, spec.label, spec.group, unit, value / scale if scale != 1 else value, display, work)


def _refuse(run: Run, row: int, message: str) -> None:
    if f"{LINES}:{row}" not in run.errors:  # the first refusal of a line is the one it shows
        run.refuse_line(row, message)
