"""The JSON API's bodies: an estimate's inputs, results (with a ranged result's interval and
driver, a check's share of passing cases) and timeline, as the README's JSON API names them.
JSON has no infinity: a value that is not finite is null (its display says "forever")."""

from __future__ import annotations

import math

from estimator.domain.engine import Estimate
from estimator.domain.timeline import Year


def estimate_body(estimate: Estimate) -> dict:
    """The JSON API's 200 body: {"inputs": {name: {text, value, unit}},
    "results": {name: {value, unit, display, work}}} (README, JSON API)."""
    inputs = {}
    for spec in estimate.calculator.inputs:
        parsed = estimate.inputs.get(spec.name)
        number = estimate.value_of(spec.name)
        value = spec.kind.reported(parsed, number)
        inputs[spec.name] = {"text": estimate.texts[spec.name], "value": value, "unit": spec.kind.unit,
                             "used": spec.name not in estimate.unused}
        spread = estimate.spreads.get(spec.name)
        if spread is not None and value is not None:  # value: the range's own median, as the timeline uses
            inputs[spec.name]["range"] = {key: _finite(spec.kind.api_value(v)) for key, v in
                                          (("p5", spread.p5), ("p50", spread.p50), ("p95", spread.p95))}
    results = {}
    isfinite = math.isfinite
    for name, r in estimate.results.items():
        value = r.value
        if isinstance(value, float) and not isfinite(value):
            value = None  # JSON has no infinity; the display says "forever"
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
    if estimate.components:
        body["components"] = [c.as_dict() for c in estimate.components]
        for c in estimate.components:  # which limit set the count, beside the count
            results[f"{c.name}.bound"] = {"value": c.bound, "unit": "", "display": c.bound or "—",
                                          "work": f"the largest of {c.name}'s limits" if c.bound else ""}
    if estimate.calculator.timeline is not None:
        body["timeline"] = [year_body(year) for year in estimate.timeline] if estimate.timeline is not None else None
    return body


def year_body(year: Year) -> dict:
    """One year of the timeline: {"year": n, column: value in its API unit}."""
    return {"year": year.year, **year.api}


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None
