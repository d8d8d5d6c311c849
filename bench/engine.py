"""Engine benchmark: the median time of a full estimate (every result, display and work) of
each preset's inputs (the built-in model; the presets' own story lines left out), and of the photo preset with ten lines of formulas added, against one
pint conversion measured in the same run. "Warm" repeats the same inputs (as live typing does
for every field but one: parsing is memoized); "cold" empties every parse memo first, so
each input is parsed anew. The memos are emptied by estimator.domain.engine.clear_memos()
when the engine has one (else by each input's `_memo`); with neither, cold shows "n/a".

    python bench/engine.py [--quick]

Targets: presets ≤ 200 µs and ≤ 13× one pint conversion, warm; the photo preset with ten lines
≤ 30× one pint conversion, warm. Cold (all 25 fields read anew as expressions at once, which
live typing never does: it changes one field at a time, ~15 µs each) is shown as a figure. A row that fails
(an engine that refuses or ignores the lines) shows "error: ..." and is not met.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from common import TEN_LINES, median_seconds, table, verdict

from estimator.domain.estimate import estimate
from estimator.domain.presets import PRESETS
from estimator.domain.units import Q

TARGET_SECONDS = 200e-6
PRESET_TARGET_RATIO = 13.0  # × one pint conversion, warm
LINES_TARGET_RATIO = 30.0
LINES_PRESET = "photo-sharing-100m-dau"
LINES_ROW = f"{LINES_PRESET} + ten lines"


def memo_clearer() -> Callable[[], None] | None:
    """A function that empties every parse memo of the engine, or None if none can be found."""
    try:
        from estimator.domain import engine
    except ImportError:
        engine = None
    if callable(getattr(engine, "clear_memos", None)):
        return engine.clear_memos
    try:
        from estimator.domain.inputs import INPUTS
    except ImportError:
        return None
    clears = [spec._memo.cache_clear for spec in INPUTS if hasattr(getattr(spec, "_memo", None), "cache_clear")]
    if not clears:
        return None

    def clear_memos() -> None:
        for clear in clears:
            clear()

    return clear_memos


def _fingerprint(result) -> object:
    return result.as_dict() if hasattr(result, "as_dict") else repr(result)


def model_inputs(preset) -> dict[str, str]:
    """A preset's inputs without its story lines: the built-in model alone (the ten-lines row
    measures what lines add)."""
    return {name: text for name, text in preset.inputs.items() if name != "lines"}


def lines_texts() -> dict[str, str]:
    """The photo preset's inputs with the ten lines; raises if the engine refuses the lines or
    ignores them (answers as for the preset alone), so a fast non-answer is never timed."""
    preset = next(p for p in PRESETS if p.slug == LINES_PRESET)
    texts = {**model_inputs(preset), "lines": TEN_LINES}
    result = estimate(texts)
    errors = getattr(result, "errors", None)
    if errors:
        raise RuntimeError(f"the engine refused the lines: {errors}")
    if _fingerprint(result) == _fingerprint(estimate(model_inputs(preset))):
        raise RuntimeError("the engine ignored 'lines' (the estimate is the preset's alone)")
    return texts


def _measure(name: str, make_texts: Callable[[], dict[str, str]], *, baseline: float, clear, emptying: float,
             repeat: int, number: int) -> dict:
    try:
        texts = make_texts()
        seconds = median_seconds(lambda: estimate(texts), repeat=repeat, number=number)
        cold = None
        if clear is not None:
            def cold_estimate():
                clear()
                estimate(texts)

            cold = median_seconds(cold_estimate, repeat=repeat, number=number) - emptying
    except Exception as error:  # noqa: BLE001 - one failing row must not hide the others
        message = " ".join(f"{type(error).__name__}: {error}".split())
        return {"preset": name, "error": message[:200], "baseline": baseline, "met": False}
    return {"preset": name, "seconds": seconds, "cold": cold, "baseline": baseline, "error": None}


def run(quick: bool = False) -> list[dict]:
    """One dict per row: preset, seconds (warm), cold (None when no memo can be emptied),
    baseline (one pint conversion), ratio (warm ÷ baseline), target (ratio), target_seconds
    (or None), met; or preset, error, met=False."""
    repeat, number = (3, 20) if quick else (15, 200)
    baseline = median_seconds(lambda: Q(500.0, "kilobyte").to("byte"), repeat=repeat, number=number * 5)
    clear = memo_clearer()
    emptying = median_seconds(clear, repeat=repeat, number=number) if clear else 0.0
    common = {"baseline": baseline, "clear": clear, "emptying": emptying, "repeat": repeat, "number": number}
    rows = []
    for preset in PRESETS:
        row = _measure(preset.slug, lambda preset=preset: model_inputs(preset), **common)
        if not row["error"]:
            row.update(ratio=row["seconds"] / baseline, target=PRESET_TARGET_RATIO, target_seconds=TARGET_SECONDS)
            row["met"] = row["seconds"] <= TARGET_SECONDS and row["ratio"] <= PRESET_TARGET_RATIO
        rows.append(row)
    row = _measure(LINES_ROW, lines_texts, **common)
    if not row["error"]:
        row.update(ratio=row["seconds"] / baseline, target=LINES_TARGET_RATIO, target_seconds=None)
        row["met"] = row["ratio"] <= LINES_TARGET_RATIO
    rows.append(row)
    return rows


TIMELINE_TARGET_RATIO = 3.0


def timeline_row(quick: bool = False) -> dict:
    """The photo preset's model with a 10-year timeline (growing 30% a year) against the same
    estimate without a timeline, both warm, in the same run."""
    repeat, number = (3, 20) if quick else (15, 200)
    preset = PRESETS[0]
    plain = model_inputs(preset)
    growing = {**plain, "horizon": "10 years", "growth": "30%"}
    estimate(growing).timeline  # warm the memos
    without = median_seconds(lambda: estimate(plain), repeat=repeat, number=number)
    with_timeline = median_seconds(lambda: estimate(growing).timeline, repeat=repeat, number=number)
    ratio = with_timeline / without
    return {"seconds": with_timeline, "without": without, "ratio": ratio, "met": ratio <= TIMELINE_TARGET_RATIO}


def figure_text(row: dict) -> str:
    if row["error"]:
        return f"error: {row['error']}"
    cold = f"{row['cold'] * 1e6:.0f} µs cold" if row["cold"] is not None else "cold n/a"
    return f"{row['seconds'] * 1e6:.0f} µs warm, {cold}"


def ratio_text(row: dict) -> str:
    if row["error"]:
        return ""
    cold = f", {row['cold'] / row['baseline']:.1f}× cold" if row["cold"] is not None else ""
    return f"{row['ratio']:.1f}× warm{cold} (a pint conversion: {row['baseline'] * 1e6:.1f} µs)"


def target_text(row: dict) -> str:
    if row["preset"] == LINES_ROW:
        return f"≤ {LINES_TARGET_RATIO:g}× one pint conversion (warm)"
    return f"≤ {PRESET_TARGET_RATIO:g}× one pint conversion and ≤ {TARGET_SECONDS * 1e6:.0f} µs, warm (cold: a figure)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (for the smoke test)")
    rows = run(parser.parse_args().quick)
    print(table(["estimate", "full estimate (median)", "× one pint conversion", "target", "verdict"],
                [[r["preset"], figure_text(r), ratio_text(r), target_text(r), verdict(r["met"])] for r in rows]))
    t = timeline_row(parser.parse_args().quick)
    print(f"\nwith a 10-year timeline: {t['seconds'] * 1e6:.0f} µs, {t['ratio']:.2f}× the estimate without it "
          f"({t['without'] * 1e6:.0f} µs); target ≤ {TIMELINE_TARGET_RATIO:g}×: {verdict(t['met'])}")
    print(f"\nbaseline: Q(500, 'kilobyte').to('byte') = {rows[0]['baseline'] * 1e6:.1f} µs (median, same run); "
          "cold: every parse memo emptied before each estimate")


if __name__ == "__main__":
    main()
