"""The run on samples: for an estimate that holds ranges, the plan followed again on arrays."""

from __future__ import annotations

from copy import copy
from typing import TYPE_CHECKING

import numpy as np

from .. import formatting, ranges
from ..errors import InputError
from ..lang.nodes import ranges_in
from .declarations import LINES, Declared
from .plan import follow
from .result import Result
from .step import Step

if TYPE_CHECKING:
    from .run import Run


class Sampling:
    """The second pass of an estimate that holds ranges: the plan run again on arrays of
    samples (ranges.py), for what depends on a range only; each such result then shows its
    median and 90% interval and names its driver. What depends on no range keeps the value,
    display and work of the first pass, exactly."""

    def __init__(self, calculator: Declared, run: Run):
        self.calculator = calculator
        self.run = run
        self.arrays: dict[str, object] = dict(run.env)  # floats, and arrays for what a range reaches
        self.sources: dict[str, frozenset[str]] = {}  # name → the ranged inputs and lines it depends on
        self.own: dict[str, np.ndarray] = {}  # a source → its own variation (the names it reads held still)
        self.order: list[str] = []  # results and lines on samples, in plan order
        self.ranged_inputs: list[str] = []
        self.scales: dict[str, float] = {}  # a result → what its value is multiplied by in the API
        # an input some of whose samples cannot be computed (refused at its field or line), and
        # what reads it: name → that input
        self.refused: dict[str, str] = {}

    def evaluate(self, plan) -> dict[str, ranges.Spread]:
        run = self.run
        for spec in self.calculator.inputs + self.calculator.params:
            parsed = run.inputs.get(spec.name)
            if parsed is not None and parsed.ranged and not parsed.names and spec.name in run.env:
                samples = spec.samples(parsed.text)
                self._source(spec.name, samples, samples, frozenset())
                self.ranged_inputs.append(spec.name)
        with np.errstate(all="ignore"):
            follow(plan, self)
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

    def _refused_root(self, names) -> str:
        """The input refused on samples that `names` read, themselves or through a result ("" if none)."""
        refused = self.refused
        for name in names:
            if name in refused:
                return refused[name]
        return ""

    def _refuse(self, step: Step, root: str) -> None:
        """`step` reads an input refused on samples: it is unavailable and says which ("needs a
        valid …": the input is in run.errors), never the exact run's figure at the range's median
        (which the refused samples would belie)."""
        self.refused[step.name] = root
        self.run.unavailable(step, (root,))

    def formula(self, step: Step) -> None:
        run = self.run
        if step.name not in run.env:
            return
        if self.refused and (root := self._refused_root((*step.names, step.given_by))):
            return self._refuse(step, root)
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
        if self.refused and (root := self._refused_root(parsed.names)):
            run.errors[name] = f"{name} needs a valid {root}, which some of the range's samples cannot compute"
            self.refused[name] = root
            return
        upstream = self._upstream(parsed.names)
        own = ranges_in(parsed.tree)
        if not (upstream or own):
            return
        try:
            values = spec.sample(parsed.tree, self.arrays, run.scales[name], parsed.text)
        except InputError as error:
            run.errors[name] = str(error)
            self.refused[name] = name
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
        if self.refused and (root := self._refused_root(row.names)):
            return self._refuse(run.steps[name], root)
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
                figure = formatting.span(spec.kind.figure_of(spread.p5), spec.kind.figure_of(spread.p95))
            shown[name] = f"({figure})"
        for name in self.order:
            result = run.results.get(name)
            if result is None or result.value is None:
                continue
            step = self.calculator.step_by_name.get(name) or run.steps[name]
            result = run.results[name] = copy(result)  # a formula may remember the exact run's result (Run._compute)
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
                result.figure, result.ends = step.show.figure(value, run.binary), None
            else:
                value = spread.p50 * step.api_scale
                median, low, high = step.show.ranged(spread.p5, spread.p50, spread.p95, run.binary)
                result.figure, result.ends = median, ((low, high) if low is not None else None)
            result.value, result.spread = value, spread
            display = result.shown.text
            if step.given_by and run.inputs.get(step.given_by) is not None:
                work = f"given: {shown.get(step.given_by, display)}"
            else:
                work = step.work(shown, run.results, display)
            shown[name] = display
            result.display, result.work = display, work
