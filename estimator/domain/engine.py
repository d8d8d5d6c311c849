"""The machinery shared by the estimate and the availability workbench: a calculator is a
declaration of inputs plus a list of results, each computed by a small function that returns
its value and the expression of its work (written with the user's own figures).

A result that needs an input the user got wrong is marked unavailable, naming that input;
the others are still computed. Nothing here raises for bad input.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import formatting
from .errors import FieldError, InputError
from .inputs import Input
from .parsing import Parsed


@dataclass(frozen=True, slots=True)
class ResultSpec:
    name: str
    label: str
    group: str
    unit: str  # canonical unit of `value`, named exactly as the spec writes it
    family: str  # display: rate, requests, size, bandwidth, duration, number, integer, percent, bool
    per: str = ""  # period shown after a size or count, e.g. "/day"
    compute: Callable[[Context], tuple[float, str]] = field(default=None, repr=False)  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    label: str
    group: str
    unit: str
    value: float | bool | None  # None when unavailable
    display: str
    work: str
    needs: tuple[str, ...] = ()  # the bad or missing inputs this result waits for

    @property
    def available(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Estimate:
    calculator: Calculator
    texts: dict[str, str]  # every input's text: as typed, or its default
    inputs: dict[str, Parsed | None]
    errors: dict[str, str]
    results: dict[str, Result]
    binary: bool

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        """The JSON API's 200 body: {"inputs": {name: {text, value, unit}},
        "results": {name: {value, unit, display, work}}} (shared/spec/estimate.md)."""
        inputs = {}
        for spec in self.calculator.inputs:
            parsed = self.inputs.get(spec.name)
            value = None
            if parsed is not None:
                value = parsed.figure if spec.unit == "choice" else parsed.value
            inputs[spec.name] = {"text": self.texts[spec.name], "value": value,
                                 "unit": "" if spec.unit == "choice" else spec.unit}
        results = {}
        for name, r in self.results.items():
            value = r.value
            if isinstance(value, float) and not math.isfinite(value):
                value = None  # JSON has no infinity; the display says "never"
            results[name] = {"value": value, "unit": r.unit, "display": r.display, "work": r.work}
        return {"inputs": inputs, "results": results}


class Unavailable(Exception):
    def __init__(self, needs: tuple[str, ...]):
        self.needs = needs


class Context:
    """What a result's function reads: inputs (raising Unavailable for a bad or a blank one)
    and the results computed before it."""

    __slots__ = ("inputs", "errors", "values", "shown", "blocked", "binary")

    def __init__(self, inputs: dict[str, Parsed | None], errors: dict[str, str], binary: bool):
        self.inputs = inputs
        self.errors = errors
        self.values: dict[str, float] = {}
        self.shown: dict[str, str] = {}
        self.blocked: dict[str, tuple[str, ...]] = {}
        self.binary = binary

    def input(self, name: str) -> Parsed | None:
        """The parsed input; None for a blank optional input."""
        if name in self.errors:
            raise Unavailable((name,))
        return self.inputs[name]

    def required(self, name: str) -> Parsed:
        """The parsed input, or Unavailable when it is blank."""
        parsed = self.input(name)
        if parsed is None:
            raise Unavailable((name,))
        return parsed

    def v(self, name: str) -> float:
        return self.required(name).value

    def fig(self, name: str) -> str:
        return self.required(name).figure

    def r(self, name: str) -> float:
        if name in self.blocked:
            raise Unavailable(self.blocked[name])
        return self.values[name]

    def s(self, name: str) -> str:
        self.r(name)
        return self.shown[name]


def display(family: str, value, *, binary: bool = False, per: str = "") -> str:
    if family == "rate":
        return formatting.count(value, "req/s")
    if family == "requests":
        return formatting.count(value, "req") + per
    if family == "size":
        return formatting.size(value, binary=binary, per=per)
    if family == "bandwidth":
        return formatting.size(value, binary=binary, per="/s")
    if family == "duration":
        return formatting.duration(value)
    if family == "integer":
        return formatting.integer(int(value))
    if family == "percent":
        return formatting.availability(value)
    if family == "bool":
        return "yes" if value else "no"
    return formatting.count(value)


class Calculator:
    """A declaration of inputs and the results computed from them."""

    def __init__(self, inputs: tuple[Input, ...], result_groups: tuple[str, ...]):
        self.inputs = inputs
        self.by_name: Mapping[str, Input] = {spec.name: spec for spec in inputs}
        self.defaults: Mapping[str, str] = {spec.name: spec.default for spec in inputs}
        self.result_groups = result_groups
        self.results: list[ResultSpec] = []

    def result(self, name: str, label: str, group: str, unit: str, family: str, per: str = ""):
        """Decorator: register a result's function (called in registration order)."""
        def register(compute: Callable[[Context], tuple[float, str]]):
            self.results.append(ResultSpec(name, label, group, unit, family, per, compute))
            return compute

        return register

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

    def __call__(self, texts: Mapping[str, str]) -> Estimate:
        inputs, errors = self.parse(texts)
        size_units = inputs.get("size_units")
        binary = bool(size_units and size_units.figure == "binary")
        context = Context(inputs, errors, binary)
        results: dict[str, Result] = {}
        for spec in self.results:
            try:
                try:
                    value, expression = spec.compute(context)
                except FieldError as error:
                    errors[error.field] = str(error)
                    raise Unavailable((error.field,)) from error
            except Unavailable as missing:
                context.blocked[spec.name] = missing.needs
                needs = " and ".join(missing.needs)
                bad = any(name in errors for name in missing.needs)
                why = f"needs a valid {needs}" if bad else f"needs {needs}"
                results[spec.name] = Result(spec.name, spec.label, spec.group, spec.unit, None,
                                            "unavailable", why, missing.needs)
                continue
            shown = display(spec.family, value, binary=binary, per=spec.per)
            context.values[spec.name] = value
            context.shown[spec.name] = shown
            work = expression if expression.startswith("given: ") else f"{expression} = {shown}"
            results[spec.name] = Result(spec.name, spec.label, spec.group, spec.unit, value, shown, work)
        all_texts = {spec.name: texts.get(spec.name, spec.default) for spec in self.inputs}
        return Estimate(self, all_texts, inputs, errors, results, binary)
