"""Every benchmark, one table: `make bench` (or python bench/run.py [--quick] [--only GROUP,...]).

Each row names the command that reproduces it. Figures are medians; ratios are against
baselines measured in the same run, because this 2-core machine is shared and noisy.
"""

from __future__ import annotations

import argparse

import attack
import coldstart
import components
import distinct
import endpoints
import engine
import fragments
import keystroke
import load
import pageweight
from common import table, verdict


def engine_rows(args) -> list[list[str]]:
    return [[f"engine: {r['preset']}", engine.figure_text(r), engine.ratio_text(r), engine.target_text(r),
             verdict(r["met"]), "python bench/engine.py"] for r in engine.run(args.quick)]


def timeline_rows(args) -> list[list[str]]:
    t = engine.timeline_row(args.quick)
    return [["engine: photo preset with a 10-year timeline", f"{t['seconds'] * 1e6:.0f} µs warm",
             f"{t['ratio']:.2f}× without it ({t['without'] * 1e6:.0f} µs)", f"≤ {engine.TIMELINE_TARGET_RATIO:g}×",
             verdict(t["met"]), "python bench/engine.py"]]


def ranges_rows(args) -> list[list[str]]:
    r = engine.ranged_row(args.quick)
    w = engine.worst_row(args.quick)
    return [[f"engine: {engine.RANGED_ROW}", *engine.ranged_cells(r), verdict(r["met"]), "python bench/engine.py"],
            [f"engine: {engine.WORST_ROW}", *engine.worst_cells(w), verdict(w["met"]), "python bench/engine.py"]]


def endpoints_rows(args) -> list[list[str]]:
    return [[f"HTTP: {r['endpoint']}", f"{r['rps']:,.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms",
             f"{r['ratio']:.2f} × minimal view", endpoints.target_text(r),
             "baseline" if r["baseline"] else verdict(r["met"]), "python bench/endpoints.py"]
            for r in endpoints.run(quick=args.quick)]


def distinct_rows(args) -> list[list[str]]:
    r = distinct.run(quick=args.quick, floor=True)
    rows = [[f"HTTP: {r['hello']['name']}, distinct queries", distinct.figure_text(r["hello"]), "1.00 × hello",
             "(baseline)", "baseline" if r["hello"]["met"] else "NOT MET (not all 200)", "python bench/distinct.py"]]
    for row in r["rows"]:
        rows.append([f"HTTP: {row['name']}", distinct.figure_text(row), f"{row['ratio']:.2f} × hello",
                     distinct.target_text(row), verdict(row["met"]), "python bench/distinct.py"])
    floor = r["floor"]
    rows.append([f"HTTP: {floor['name']}", distinct.figure_text(floor), f"{floor['ratio']:.2f} × hello",
                 distinct.target_text(floor), "ceiling" if floor["met"] else "NOT MET (not all 200)",
                 "python bench/distinct.py --floor"])
    return rows


def fragments_rows(args) -> list[list[str]]:
    rows = []
    for label, run_fragment in (("result cards: template loop", fragments.run),
                                ("timeline: template loop", fragments.run_timeline),
                                ("form fields: template", fragments.run_fields)):
        r = run_fragment(quick=args.quick)
        rows.append([f"{label} vs Python tag", f"{r['template'] * 1e6:.0f} µs vs {r['tag'] * 1e6:.0f} µs",
                     f"tag {r['ratio']:.1f}× faster", f"≥ {fragments.TARGET_RATIO:g}× (else a template)",
                     verdict(r["met"]), "python bench/fragments.py"])
    return rows


def coldstart_rows(args) -> list[list[str]]:
    r = coldstart.run(quick=args.quick)
    return [["cold start to first 200", f"{r['seconds'] * 1000:.0f} ms",
             f"{r['seconds'] / r['interpreter']:.1f}× bare python start", "≤ 1 s", verdict(r["met"]),
             "python bench/coldstart.py"]]


def pageweight_rows(args) -> list[list[str]]:
    r = pageweight.run()
    return [["first load", f"{r['total']:,} B in {r['requests']} requests, third-party: "
             f"{', '.join(r['third_party']) or 'none'}", "", "≤ 50 KB, ≤ 5 requests, none", verdict(r["met"]),
             "python bench/pageweight.py"]]


def keystroke_rows(args) -> list[list[str]]:
    r = keystroke.run(quick=args.quick)
    return [[keystroke.ROW, keystroke.figure(r), f"fetch /healthz {r['baseline']:.1f} ms",
             f"median ≤ {keystroke.TARGET_MS:g} ms", verdict(r["met"]), "python bench/keystroke.py"],
            [keystroke.RANGED_ROW, keystroke.ranged_figure(r), keystroke.ranged_ratio(r),
             f"median ≤ {keystroke.RANGED_TARGET_MS:g} ms", verdict(r["ranged"]["met"]), "python bench/keystroke.py"]]


def load_rows(args) -> list[list[str]]:
    seconds = 2 if args.quick else args.load_seconds
    connections = 4 if args.quick else 16
    r = load.run(seconds, connections)
    return [[f"load: reads + saves, {seconds:g} s × {connections} connections",
             f"{r['requests']:,} requests ({r['rps']:,.0f}/s), {len(r['errors'])} errors, "
             f"{r['lost']} of {r['saved']:,} saves lost", "", "0 errors, 0 lost", verdict(r["met"]),
             "python bench/load.py"]]


def attack_rows(args) -> list[list[str]]:
    r = attack.run(quick=args.quick)
    return [[f"attack: {attack.CLIENTS} clients looping the worst case for {r['seconds']:g} s, ordinary client's p99",
             attack.figure_text(r), f"{r['ratio']:.1f}× alone (median of rounds)", f"≤ {attack.TARGET_RATIO:g}×",
             verdict(r["met"]), "python bench/attack.py"]]


def components_rows(args) -> list[list[str]]:
    return [[f"engine: {row[0]}", *row[1:], "python bench/components.py"]
            for row in components.rows(components.run(args.quick))]


# The table's groups of rows, in order: `--only` picks some by name.
GROUPS = {"engine": engine_rows, "timeline": timeline_rows, "ranges": ranges_rows, "components": components_rows,
          "endpoints": endpoints_rows,
          "distinct": distinct_rows, "fragments": fragments_rows, "coldstart": coldstart_rows,
          "pageweight": pageweight_rows, "keystroke": keystroke_rows, "load": load_rows,
          "attack": attack_rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny settings: checks the scripts run, not the figures")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups of rows (default: all of {','.join(GROUPS)})")
    parser.add_argument("--load-seconds", type=float, default=60)
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in GROUPS]
    if unknown:
        parser.error(f"unknown group {', '.join(unknown)}; known: {', '.join(GROUPS)}")
    rows = [row for name in GROUPS if name in chosen for row in GROUPS[name](args)]
    print(table(["benchmark", "figure", "against baseline", "target", "verdict", "command"], rows))


if __name__ == "__main__":
    main()
