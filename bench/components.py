"""Components benchmark (issues 20 and 21): what the architecture costs the engine.

    python bench/components.py [--quick] [--instructions] [--before REV]

Four estimates, each measured in a fresh child process, the children taking turns A B C D
A B C D so that a busy machine weighs on each alike; every ratio is of figures from the same run:

- the default estimate: the photo preset's model (its story lines left out), as today;
- the same inputs on the engine *before* the architecture became components (REV, by default
  the commit before they landed, checked out into a temporary git worktree): today's default
  estimate must be no slower than it (≤ 1×);
- ten components: the same inputs with five component lines added to the five defaults (a
  connection tier, a queue feeding workers that read its rate, a key-value store, a search
  index): within 2× of the default estimate;
- the ten components without percentiles: the same estimate with every kind's p50, p99 and
  p999 taken out (in the child, before the architecture is built): the estimate with them
  must be within 1.5× of it.

Each is measured twice: "same inputs" repeats one estimate (live typing between keystrokes:
the engine remembers each formula's last figures, so this is mostly what it remembers), and
"a new dau each time" changes the daily users on every estimate (every figure downstream of
them computed afresh, as the API's distinct queries do). The figure is the median time of
rounds of estimates, or with --instructions the CPU instructions one estimate takes, counted
by valgrind's callgrind over the 100 estimates alone (instrumentation switched on once the child
is warm, off when they are done; hash randomization fixed): exact and unmoved by a busy
machine, slow to get (a minute a figure). Counting a whole process less one with no estimates
instead swings by tens of millions of instructions from one start-up to the next, as much as
30 estimates. Each child, once warm, freezes what it holds out
of the garbage collector's full collections, as a warmed server worker does.

A row whose estimate refuses its lines shows "error: ..." and is not met; "before" shows "n/a"
when git or the revision is not at hand (a shallow clone).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, counted_between, table, verdict

BEFORE = "c864411~1"  # the last commit before "Architecture as components"
TEN_COMPONENTS = "\n".join([
    "ws = connections(concurrent: dau × 10%, messages: write_qps)",
    "events = queue(rate: write_qps, size: 1 KB)",
    "jobs = workers(rate: events.rate, work: 50 ms)",
    "feed = kv_store(writes: write_qps × 100, data: dau × 500 × 8 B/user)",
    "search = search_index(docs: 1B, doc_size: 1 KB, queries: read_qps)",
])
PERCENTILES = ("p50", "p99", "p999")
DEFAULT_TARGET, COMPONENTS_TARGET, PERCENTILES_TARGET = 1.0, 2.0, 1.5

# The child: runs `estimate(texts)` `number` times (a new dau each time when fresh) in `repeat`
# rounds and prints the median seconds, and the components it saw, so a row that silently lost
# its components is an error, not a fast figure.
CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, ".")
texts, strip, fresh, repeat, number, counted = json.loads(sys.argv[1])
if strip:
    import dataclasses
    from estimator.domain import components
    for name, kind in list(components.KINDS.items()):
        components.KINDS[name] = dataclasses.replace(
            kind, outputs=tuple(o for o in kind.outputs if o.name not in strip))
from estimator.domain.estimate import estimate
result = estimate(texts)
estimate(texts)
errors = {k: v for k, v in (getattr(result, "errors", None) or {}).items()}
seen = [c.name for c in getattr(result, "components", ())] if hasattr(result, "components") else []
percentiles = sorted(n for n in getattr(result, "results", {}) if n.rsplit(".", 1)[-1] in ("p50", "p99", "p999"))
given = [dict(texts, dau=str(100_000_000 + 7 * i + 1)) if fresh else texts for i in range(repeat * number)]
import gc
gc.collect()
gc.freeze()  # as a warmed server worker does (gunicorn.conf.py): what warming made leaves the full collections
if counted:  # callgrind counts only between "ready" and "done" (common.counted_between)
    print("ready", flush=True)
    sys.stdin.readline()
rounds = []
for r in range(repeat):
    start = time.perf_counter()
    for i in range(number):
        estimate(given[r * number + i])
    rounds.append((time.perf_counter() - start) / max(number, 1))
if counted:
    print("done", flush=True)
    sys.stdin.readline()
print(json.dumps({"seconds": statistics.median(rounds), "errors": errors, "components": seen,
                  "percentiles": len(percentiles)}))
"""


def model_inputs() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from estimator.domain.presets import PRESETS

    preset = next(p for p in PRESETS if p.slug == "photo-sharing-100m-dau")
    return {name: text for name, text in preset.inputs.items() if name != "lines"}


def _child(checkout: Path, texts: dict, strip: tuple[str, ...], fresh: bool, repeat: int, number: int,
           instructions: bool = False) -> dict:
    """The child's answer; with `instructions`, its "seconds" are instructions per estimate
    instead (callgrind, counting only the `number` estimates: common.counted_between)."""
    command = [sys.executable, "-c", CHILD, json.dumps([texts, list(strip), fresh, 1 if instructions else repeat,
                                                        number, instructions])]
    if instructions:
        try:
            total, said = counted_between(command, cwd=checkout)
        except (RuntimeError, subprocess.SubprocessError) as error:
            return {"error": str(error)[:200]}
        return {**json.loads(said.splitlines()[-1]), "seconds": total / number}
    done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        return {"error": " ".join(done.stderr.strip().splitlines()[-1:])[:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _checkout(revision: str, into: Path) -> Path | None:
    """REV checked out (detached) into a temporary worktree, or None when git cannot."""
    done = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), revision],
                          capture_output=True, text=True)
    return into if done.returncode == 0 else None


def _forget(checkout: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)], capture_output=True)


MODES = {"same": "same inputs", "fresh": "a new dau each time"}


def run(quick: bool = False, before: str = BEFORE, instructions: bool = False) -> dict:
    """By mode ("same", "fresh"): the medians (seconds, or instructions with `instructions`)
    of each estimate over the rounds, default, before (None if no checkout), ten,
    ten_without, and the figures' checks (errors, components seen)."""
    if instructions:
        rounds, repeat, number = 1, 1, (5 if quick else 100)
    else:
        rounds, repeat, number = (1, 3, 10) if quick else (3, 7, 100)
    texts = model_inputs()
    ten = {**texts, "lines": TEN_COMPONENTS}
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        old = None if quick else _checkout(before, Path(scratch) / "before")
        try:
            for mode in MODES:
                fresh = mode == "fresh"
                cases = {"default": (ROOT, texts, ()), "ten": (ROOT, ten, ()),
                         "ten_without": (ROOT, ten, PERCENTILES)}
                if old is not None:
                    cases["before"] = (old, texts, ())
                figures: dict[str, list] = {name: [] for name in cases}
                checks: dict[str, dict] = {}
                for _ in range(rounds):
                    for name, (checkout, given, strip) in cases.items():
                        answer = _child(checkout, given, strip, fresh, repeat, number, instructions)
                        checks[name] = answer
                        if "seconds" in answer:
                            figures[name].append(answer["seconds"])
                result = {name: statistics.median(values) if values else None for name, values in figures.items()}
                result.setdefault("before", None)
                result["checks"] = checks
                results[mode] = result
        finally:
            if old is not None:
                _forget(old)
    results["instructions"] = instructions
    return results


def _problem(check: dict, *, components: int | None = None, percentiles: bool | None = None) -> str | None:
    if "error" in check:
        return check["error"]
    if check.get("errors"):
        return f"the estimate refused: {check['errors']}"
    if components is not None and len(check["components"]) != components:
        return f"{len(check['components'])} components, not {components}"
    if percentiles is not None and bool(check["percentiles"]) != percentiles:
        return "percentiles " + ("missing" if percentiles else "not taken out")
    return None


def _figure(value: float, instructions: bool) -> str:
    return f"{value / 1e6:.2f}M instructions" if instructions else f"{value * 1e6:.0f} µs"


def rows(results: dict) -> list[list[str]]:
    """(estimate, figure, against baseline, target, verdict) rows, for each mode."""
    counted = results["instructions"]
    out = []
    for mode, words in MODES.items():
        r = results[mode]
        default, ten, without, old = r["default"], r["ten"], r["ten_without"], r["before"]
        checks = r["checks"]
        label = f"default estimate (photo preset's model), {words}"
        problem = _problem(checks.get("default", {"error": "not run"}), components=5)
        if problem or default is None:
            out.append([label, f"error: {problem}", "", "", verdict(False)])
            continue
        if old is None:
            out.append([label, _figure(default, counted), "before components: n/a (no checkout)",
                        f"≤ {DEFAULT_TARGET:g}× before", verdict(False)])
        else:
            out.append([label, _figure(default, counted),
                        f"{default / old:.2f}× before components ({_figure(old, counted)}, {BEFORE})",
                        f"≤ {DEFAULT_TARGET:g}× before", verdict(default <= DEFAULT_TARGET * old)])
        label = f"ten components (five lines added to the five defaults), {words}"
        problem = _problem(checks.get("ten", {"error": "not run"}), components=10, percentiles=True)
        if problem or ten is None:
            out.append([label, f"error: {problem}", "", "", verdict(False)])
            continue
        out.append([label, _figure(ten, counted), f"{ten / default:.2f}× the default estimate",
                    f"≤ {COMPONENTS_TARGET:g}× the default", verdict(ten <= COMPONENTS_TARGET * default)])
        label = f"ten components with p50/p99/p999 (M/M/c), {words}"
        problem = _problem(checks.get("ten_without", {"error": "not run"}), components=10, percentiles=False)
        if problem or without is None:
            out.append([label, f"error: {problem}", "", "", verdict(False)])
            continue
        out.append([label, _figure(ten, counted), f"{ten / without:.2f}× without them ({_figure(without, counted)})",
                    f"≤ {PERCENTILES_TARGET:g}× without", verdict(ten <= PERCENTILES_TARGET * without)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one short round, no checkout (the smoke test)")
    parser.add_argument("--instructions", action="store_true",
                        help="count CPU instructions with valgrind's callgrind instead of timing")
    parser.add_argument("--before", default=BEFORE, help=f"the revision to compare with (default {BEFORE})")
    args = parser.parse_args()
    what = "instructions per estimate (callgrind)" if args.instructions else "median, warm"
    print(table(["estimate", f"figure ({what})", "against baseline", "target", "verdict"],
                rows(run(args.quick, args.before, args.instructions))))
    print("\neach figure: a fresh child process; the children take turns")


if __name__ == "__main__":
    main()
