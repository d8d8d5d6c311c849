"""Every benchmark, one table: `make bench` (or python bench/run.py [--quick]).

Each row names the command that reproduces it. Figures are medians; ratios are against
baselines measured in the same run, because this 2-core machine is shared and noisy.
"""

from __future__ import annotations

import argparse

import coldstart
import distinct
import endpoints
import engine
import fragments
import keystroke
import load
import pageweight
from common import table, verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny settings: checks the scripts run, not the figures")
    parser.add_argument("--load-seconds", type=float, default=60)
    args = parser.parse_args()
    rows = []

    for r in engine.run(args.quick):
        rows.append([f"engine: {r['preset']}", engine.figure_text(r), engine.ratio_text(r), engine.target_text(r),
                     verdict(r["met"]), "python bench/engine.py"])
    t = engine.timeline_row(args.quick)
    rows.append(["engine: photo preset with a 10-year timeline", f"{t['seconds'] * 1e6:.0f} µs warm",
                 f"{t['ratio']:.2f}× without it ({t['without'] * 1e6:.0f} µs)", f"≤ {engine.TIMELINE_TARGET_RATIO:g}×",
                 verdict(t["met"]), "python bench/engine.py"])
    r = engine.ranged_row(args.quick)
    rows.append([f"engine: {engine.RANGED_ROW}", *engine.ranged_cells(r), verdict(r["met"]), "python bench/engine.py"])
    r = engine.worst_row(args.quick)
    rows.append([f"engine: {engine.WORST_ROW}", *engine.worst_cells(r), verdict(r["met"]), "python bench/engine.py"])
    for r in endpoints.run(quick=args.quick):
        rows.append([f"HTTP: {r['endpoint']}", f"{r['rps']:,.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms",
                     f"{r['ratio']:.2f} × minimal view", endpoints.target_text(r),
                     "baseline" if r["baseline"] else verdict(r["met"]), "python bench/endpoints.py"])
    r = distinct.run(quick=args.quick)
    rows.append([f"HTTP: {r['hello']['name']}, distinct queries", distinct.figure_text(r["hello"]),
                 "1.00 × hello", "(baseline)", "baseline" if r["hello"]["met"] else "NOT MET (not all 200)",
                 "python bench/distinct.py"])
    for row in r["rows"]:
        rows.append([f"HTTP: {row['name']}", distinct.figure_text(row), f"{row['ratio']:.2f} × hello",
                     distinct.target_text(row), verdict(row["met"]), "python bench/distinct.py"])
    for label, run_fragment in (("result cards: template loop", fragments.run),
                                ("timeline: template loop", fragments.run_timeline),
                                ("form fields: template", fragments.run_fields)):
        r = run_fragment(quick=args.quick)
        rows.append([f"{label} vs Python tag", f"{r['template'] * 1e6:.0f} µs vs {r['tag'] * 1e6:.0f} µs",
                     f"tag {r['ratio']:.1f}× faster", f"≥ {fragments.TARGET_RATIO:g}× (else a template)",
                     verdict(r["met"]), "python bench/fragments.py"])
    r = coldstart.run(quick=args.quick)
    rows.append(["cold start to first 200", f"{r['seconds'] * 1000:.0f} ms",
                 f"{r['seconds'] / r['interpreter']:.1f}× bare python start", "≤ 1 s", verdict(r["met"]),
                 "python bench/coldstart.py"])
    r = pageweight.run()
    rows.append(["first load", f"{r['total']:,} B in {r['requests']} requests, third-party: "
                 f"{', '.join(r['third_party']) or 'none'}", "", "≤ 50 KB, ≤ 5 requests, none", verdict(r["met"]),
                 "python bench/pageweight.py"])
    r = keystroke.run(quick=args.quick)
    rows.append(["keystroke → results (Chromium)", f"median {r['median']:.0f} ms, p90 {r['p90']:.0f} ms",
                 f"fetch /healthz {r['baseline']:.1f} ms", "median ≤ 100 ms", verdict(r["met"]),
                 "python bench/keystroke.py"])
    rows.append([keystroke.RANGED_ROW, keystroke.ranged_figure(r), keystroke.ranged_ratio(r), "median ≤ 100 ms",
                 verdict(r["ranged"]["met"]), "python bench/keystroke.py"])
    seconds = 2 if args.quick else args.load_seconds
    connections = 4 if args.quick else 16
    r = load.run(seconds, connections)
    rows.append([f"load: reads + saves, {seconds:g} s × {connections} connections",
                 f"{r['requests']:,} requests ({r['rps']:,.0f}/s), {len(r['errors'])} errors, "
                 f"{r['lost']} of {r['saved']:,} saves lost", "", "0 errors, 0 lost", verdict(r["met"]),
                 "python bench/load.py"])

    print(table(["benchmark", "figure", "against baseline", "target", "verdict", "command"], rows))


if __name__ == "__main__":
    main()
