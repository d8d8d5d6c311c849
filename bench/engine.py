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

Ranges (a second table): the photo preset (its story lines included) with two ranges, dau 50M to
200M and object_size 200 KB to 1 MB, ≤ 5 ms warm, against the same inputs without ranges in the
same run (cold: a figure); and the worst case a client can send, every numeric field a range and
MAX_LINES lines holding the rest of the estimate's 100 ranges (engine.MAX_RANGES; within every
limit of the lines), each line sampled, ≤ 50 ms of CPU time
(time.process_time) with every bounded memo emptied before each estimate, as for text never seen
before (warm: a figure).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import pkgutil
import statistics
import time
from collections.abc import Callable

import components
from common import TEN_LINES, median_seconds, table, verdict

from estimator.domain.engine import MAX_RANGES as RANGES_IN_ESTIMATE
from estimator.domain.estimate import estimate
from estimator.domain.inputs import INPUTS, Quantity
from estimator.domain.lang.limits import MAX_RANGES
from estimator.domain.lines import MAX_CHARACTERS, MAX_LINES
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


RANGED_TARGET_SECONDS = 5e-3
RANGED = {"dau": "50M to 200M", "object_size": "200 KB to 1 MB"}


def ranged_row(quick: bool = False) -> dict:
    """The photo preset's inputs as given (its story lines included) with RANGED, against the
    same inputs without ranges, warm and cold (every bounded memo emptied: bounded_memo_clearer),
    in the same run; or error, met=False if the estimate refuses the ranges or does not run on
    samples."""
    repeat, number = (3, 5) if quick else (15, 20)
    plain = dict(PRESETS[0].inputs)
    ranged = {**plain, **RANGED}

    def ranged_texts() -> dict[str, str]:
        result = estimate(ranged)
        if getattr(result, "errors", None):
            raise RuntimeError(f"the engine refused the ranges: {result.errors}")
        if not all(name in getattr(result, "spreads", {}) for name in RANGED):
            raise RuntimeError("the estimate did not run the ranges on samples")
        return ranged

    clear = bounded_memo_clearer()
    emptying = median_seconds(clear, repeat=repeat, number=number)
    common = {"baseline": 0.0, "clear": clear, "emptying": emptying, "repeat": repeat, "number": number}
    without = _measure("photo preset", lambda: plain, **common)
    row = _measure("photo preset with two ranges", ranged_texts, **common)
    error = row["error"] or without["error"]
    if error:
        return {"error": error, "met": False}
    return {"error": None, "seconds": row["seconds"], "cold": row["cold"], "without": without["seconds"],
            "ratio": row["seconds"] / without["seconds"], "met": row["seconds"] <= RANGED_TARGET_SECONDS}


# The worst case: every numeric field a range (a 90% interval a user might type), and the most
# lines the limits let through, each holding the most ranges an expression may.
WORST_TARGET_SECONDS = 50e-3
WORST_FIELDS = {
    "dau": "50M to 200M", "reads_per_user": "2 to 10", "writes_per_user": "0.05 to 0.2",
    "read_qps": "1k to 5k", "write_qps": "10 to 50", "peak_factor": "2 to 4", "active_hours": "8 to 16 h",
    "object_size": "200 KB to 1 MB", "response_size": "100 KB to 300 KB", "retention": "5 to 10 years",
    "replication_factor": "2 to 4", "object_store_above": "50 KB to 200 KB", "metadata_size": "500 B to 2 KB",
    "availability": "99.9% to 99.99%", "request_latency": "50 to 200 ms", "server_qps": "500 to 2k",
    "server_concurrency": "50 to 200", "node_storage": "5 TB to 20 TB", "node_write_qps": "2k to 10k",
    "replica_read_qps": "5k to 20k", "cache_node_memory": "32 GB to 128 GB", "cache_hot_fraction": "10% to 30%",
    "cache_hit_rate": "70% to 90%", "utilization": "50% to 80%", "price_app_server": "$100 to $200/month",
    "price_db_node": "$300 to $800/month", "price_cache_gb": "$3 to $8/GB/month",
    "price_db_storage": "$0.05 to $0.2/GB/month", "price_object_storage": "$0.01 to $0.03/GB/month",
    "price_egress": "$0.02 to $0.09/GB", "growth": "10% to 50%",
}


def worst_lines(ranges_left: int) -> str:
    """MAX_LINES lines, as short as names allow so that they fit the lines' MAX_CHARACTERS,
    holding the `ranges_left` ranges the estimate's limit (engine.MAX_RANGES) leaves after the
    fields', MAX_RANGES a line: the first reads the monthly cost (so every line depends on
    nearly every ranged field and a driver is picked among ~30 + its own), each next one the
    line before it, the lines without ranges with five square roots of it to parse and sample."""
    names = [f"{letter}{digit}" for letter in "abcdefghijklmnopqrstuvwxyz" for digit in range(10)][:MAX_LINES]
    rows = []
    for i, name in enumerate(names):
        before = names[i - 1] if i else "cost_per_month/1 USD/month/1M"
        count = min(MAX_RANGES, max(0, ranges_left - i * MAX_RANGES))
        tail = "+1 to 2" * count if count else "".join(f"+sqrt({before})" for _ in range(5))
        rows.append(f"{name}={before}/9{tail}")
    return "\n".join(rows)


def worst_texts() -> dict[str, str]:
    """The photo preset's inputs with every numeric field a range and worst_lines(); raises if a
    numeric field is left without a range, a limit refuses the lines, or the estimate refuses
    any of it or does not run every line on samples (a fast non-answer is never timed)."""
    numeric = [spec.name for spec in INPUTS if isinstance(spec.kind, Quantity)
               and not getattr(spec.kind, "whole_unit", "")]  # a whole number of years takes no range
    missing = sorted(set(numeric) - set(WORST_FIELDS))
    if missing:
        raise RuntimeError(f"numeric fields without a range in WORST_FIELDS: {', '.join(missing)}")
    lines = worst_lines(RANGES_IN_ESTIMATE - len(WORST_FIELDS))
    if len(lines) > MAX_CHARACTERS:
        raise RuntimeError(f"the worst-case lines are {len(lines)} characters; the limit is {MAX_CHARACTERS}")
    texts = {**PRESETS[0].inputs, **WORST_FIELDS, "lines": lines}
    result = estimate(texts)
    if getattr(result, "errors", None):
        raise RuntimeError(f"the engine refused the worst case: {result.errors}")
    spreads = getattr(result, "spreads", {})
    unranged = [n for n in numeric if n not in spreads]
    rows = [row for row in result.rows if getattr(row, "name", "")]
    on_samples = [row for row in rows if row.name in spreads]
    if unranged or len(rows) != MAX_LINES or len(on_samples) != MAX_LINES:
        raise RuntimeError(f"not the worst case: fields not on samples {unranged}, {len(rows)} lines, "
                           f"{len(on_samples)} on samples (want all {MAX_LINES}, {RANGES_IN_ESTIMATE} ranges in all)")
    return texts


def bounded_memo_clearer() -> Callable[[], None]:
    """A function that empties every bounded memo of estimator.domain: each input's parse memo
    (memo_clearer) and every functools.lru_cache with a maxsize, at module level or on a class
    (lines read, compiled, their dimensions, a field's samples, unit phrases...): what text never
    seen before misses. Unbounded memos are kept: they are keyed by a unit or a dimensionality,
    a finite vocabulary a serving process has warm."""
    import estimator.domain as domain

    clears = [memo_clearer()]
    for info in pkgutil.walk_packages(domain.__path__, f"{domain.__name__}."):  # packages' modules too
        module = importlib.import_module(info.name)
        classes = [v for v in vars(module).values() if isinstance(v, type) and v.__module__ == module.__name__]
        owners = [module, *classes]
        for owner in owners:
            for value in list(vars(owner).values()):
                if (isinstance(value, functools._lru_cache_wrapper) and value.__module__ == module.__name__
                        and value.cache_parameters()["maxsize"] is not None):
                    clears.append(value.cache_clear)

    def clear_memos() -> None:
        for clear in clears:
            if clear is not None:
                clear()

    return clear_memos


def cpu_seconds(function, *, repeat: int, before: Callable[[], None] | None = None) -> list[float]:
    """The CPU time (time.process_time) of each of `repeat` calls, `before` run untimed ahead of each."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return times


def worst_row(quick: bool = False) -> dict:
    """The worst case's CPU time per estimate, cold (every bounded memo emptied first: the
    target) and warm (the same texts again), with the photo preset's unranged estimate measured
    cold the same way; or error, met=False."""
    repeat = 3 if quick else 21
    try:
        texts = worst_texts()
        plain = dict(PRESETS[0].inputs)
        clear = bounded_memo_clearer()
        cold = cpu_seconds(lambda: estimate(texts), repeat=repeat, before=clear)
        warm = cpu_seconds(lambda: estimate(texts), repeat=repeat)
        without = cpu_seconds(lambda: estimate(plain), repeat=repeat, before=clear)
    except Exception as error:  # noqa: BLE001 - one failing row must not hide the others
        return {"error": " ".join(f"{type(error).__name__}: {error}".split())[:300], "met": False}
    seconds = statistics.median(cold)
    return {"error": None, "seconds": seconds, "max": max(cold), "warm": statistics.median(warm),
            "without": statistics.median(without), "ratio": seconds / statistics.median(without),
            "characters": len(texts["lines"]), "met": seconds <= WORST_TARGET_SECONDS}


def ranged_cells(r: dict) -> tuple[str, str, str]:
    """(figure, against baseline, target) of ranged_row()'s row in the tables."""
    target = f"≤ {RANGED_TARGET_SECONDS * 1e3:g} ms, warm (cold: a figure)"
    if r["error"]:
        return f"error: {r['error']}", "", target
    cold = f", {r['cold'] * 1e3:.2f} ms cold" if r["cold"] is not None else ""
    return (f"{r['seconds'] * 1e3:.2f} ms warm{cold}",
            f"{r['ratio']:.1f}× without ranges ({r['without'] * 1e6:.0f} µs)", target)


def worst_cells(r: dict) -> tuple[str, str, str]:
    """(figure, against baseline, target) of worst_row()'s row in the tables."""
    target = f"≤ {WORST_TARGET_SECONDS * 1e3:g} ms CPU, cold"
    if r["error"]:
        return f"error: {r['error']}", "", target
    return (f"{r['seconds'] * 1e3:.1f} ms CPU cold (max {r['max'] * 1e3:.1f}), {r['warm'] * 1e3:.1f} ms warm",
            f"{r['ratio']:.0f}× the photo preset without ranges, cold ({r['without'] * 1e3:.2f} ms)", target)


RANGED_ROW = "photo preset with two ranges (dau, object_size)"
WORST_ROW = f"ranged worst case (every numeric field a range + {MAX_LINES} lines × {MAX_RANGES} ranges)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (for the smoke test)")
    rows = run(parser.parse_args().quick)
    print(table(["estimate", "full estimate (median)", "× one pint conversion", "target", "verdict"],
                [[r["preset"], figure_text(r), ratio_text(r), target_text(r), verdict(r["met"])] for r in rows]))
    t = timeline_row(parser.parse_args().quick)
    print(f"\nwith a 10-year timeline: {t['seconds'] * 1e6:.0f} µs, {t['ratio']:.2f}× the estimate without it "
          f"({t['without'] * 1e6:.0f} µs); target ≤ {TIMELINE_TARGET_RATIO:g}×: {verdict(t['met'])}")
    r = ranged_row(parser.parse_args().quick)
    w = worst_row(parser.parse_args().quick)
    print()
    print(table(["estimate", "figure (median)", "against baseline", "target", "verdict"],
                [[RANGED_ROW, *ranged_cells(r), verdict(r["met"])], [WORST_ROW, *worst_cells(w), verdict(w["met"])]]))
    print(f"\nbaseline: Q(500, 'kilobyte').to('byte') = {rows[0]['baseline'] * 1e6:.1f} µs (median, same run); "
          "cold: every parse memo emptied before each estimate")
    print("\nComponents (bench/components.py: each estimate in child processes taking turns; the engine before "
          "components in a temporary git worktree):\n")
    print(table(["estimate", "figure (median, warm)", "against baseline", "target", "verdict"],
                components.rows(components.run(parser.parse_args().quick))))
    if not w["error"]:
        print(f"ranges: cold = every bounded memo of estimator.domain emptied before each estimate (text never seen "
              f"before); the worst case's lines are {w['characters']:,} characters ({MAX_CHARACTERS:,} at most), "
              f"its CPU time the median of each estimate's time.process_time()")


if __name__ == "__main__":
    main()
