"""Engine benchmark: the median time of a full estimate (every result, display and work) of
each preset's inputs, against one pint conversion measured in the same run. "Warm" repeats
the same inputs (as live typing does for every field but one: parsing is memoized per
input); "cold" empties every parse memo first, so each input is parsed anew.

    python bench/engine.py [--quick]

Target: ≤ 200 µs per full estimate on the project's 2-core machine.
"""

from __future__ import annotations

import argparse

from common import median_seconds, table, verdict

from estimator.domain.estimate import estimate
from estimator.domain.inputs import INPUTS
from estimator.domain.presets import PRESETS
from estimator.domain.units import Q

TARGET_SECONDS = 200e-6


def run(quick: bool = False) -> list[dict]:
    repeat, number = (3, 20) if quick else (15, 200)
    baseline = median_seconds(lambda: Q(500.0, "kilobyte").to("byte"), repeat=repeat, number=number * 5)
    clear = [spec._memo.cache_clear for spec in INPUTS]

    def cold(inputs):
        for cache_clear in clear:
            cache_clear()
        estimate(inputs)

    emptying = median_seconds(lambda: [c() for c in clear], repeat=repeat, number=number)
    rows = []
    for preset in PRESETS:
        seconds = median_seconds(lambda: estimate(preset.inputs), repeat=repeat, number=number)
        cold_seconds = median_seconds(lambda: cold(preset.inputs), repeat=repeat, number=number) - emptying
        rows.append({"preset": preset.slug, "seconds": seconds, "cold": cold_seconds, "baseline": baseline,
                     "met": max(seconds, cold_seconds) <= TARGET_SECONDS})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (for the smoke test)")
    rows = run(parser.parse_args().quick)
    print(table(["preset", "full estimate, warm (median)", "cold: every input parsed anew", "× one pint conversion (cold)",
                 "target ≤ 200 µs"],
                [[r["preset"], f"{r['seconds'] * 1e6:.0f} µs", f"{r['cold'] * 1e6:.0f} µs",
                  f"{r['cold'] / r['baseline']:.1f}×", verdict(r["met"])] for r in rows]))
    print(f"\nbaseline: Q(500, 'kilobyte').to('byte') = {rows[0]['baseline'] * 1e6:.1f} µs (median, same run)")


if __name__ == "__main__":
    main()
