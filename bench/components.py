"""Components benchmark (issues 20 and 21): what the architecture costs the engine.

    python bench/components.py [--quick] [--before REV]

Four estimates, each timed in a fresh child process (the median of rounds of repeated full
estimates, warm), the children taking turns A B C D A B C D so that a busy machine weighs on
each alike; every ratio is of figures from the same run:

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

from common import ROOT, table, verdict

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

# The child: times `estimate(texts)` and prints the median seconds (and the components it saw,
# so a row that silently lost its components is an error, not a fast figure).
CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, ".")
texts, strip, repeat, number = json.loads(sys.argv[1])
if strip:
    import dataclasses
    from estimator.domain import components
    for name, kind in list(components.KINDS.items()):
        components.KINDS[name] = dataclasses.replace(
            kind, outputs=tuple(o for o in kind.outputs if o.name not in strip))
from estimator.domain.estimate import estimate
result = estimate(texts)
errors = {k: v for k, v in (getattr(result, "errors", None) or {}).items()}
seen = [c.name for c in getattr(result, "components", ())] if hasattr(result, "components") else []
percentiles = sorted(n for n in getattr(result, "results", {}) if n.rsplit(".", 1)[-1] in ("p50", "p99", "p999"))
rounds = []
for _ in range(repeat):
    start = time.perf_counter()
    for _ in range(number):
        estimate(texts)
    rounds.append((time.perf_counter() - start) / number)
print(json.dumps({"seconds": statistics.median(rounds), "errors": errors, "components": seen,
                  "percentiles": len(percentiles)}))
"""


def model_inputs() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from estimator.domain.presets import PRESETS

    preset = next(p for p in PRESETS if p.slug == "photo-sharing-100m-dau")
    return {name: text for name, text in preset.inputs.items() if name != "lines"}


def _child(checkout: Path, texts: dict, strip: tuple[str, ...], repeat: int, number: int) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps([texts, list(strip), repeat, number])],
                          cwd=checkout, capture_output=True, text=True, timeout=600)
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


def run(quick: bool = False, before: str = BEFORE) -> dict:
    """Medians in seconds of each estimate over the rounds: default, before (None if no
    checkout), ten, ten_without; and the figures' checks (errors, components seen)."""
    rounds, repeat, number = (1, 3, 10) if quick else (3, 7, 100)
    texts = model_inputs()
    ten = {**texts, "lines": TEN_COMPONENTS}
    with tempfile.TemporaryDirectory() as scratch:
        old = None if quick else _checkout(before, Path(scratch) / "before")
        cases = {"default": (ROOT, texts, ()), "ten": (ROOT, ten, ()), "ten_without": (ROOT, ten, PERCENTILES)}
        if old is not None:
            cases["before"] = (old, texts, ())
        figures: dict[str, list] = {name: [] for name in cases}
        checks: dict[str, dict] = {}
        try:
            for _ in range(rounds):
                for name, (checkout, given, strip) in cases.items():
                    answer = _child(checkout, given, strip, repeat, number)
                    checks[name] = answer
                    if "seconds" in answer:
                        figures[name].append(answer["seconds"])
        finally:
            if old is not None:
                _forget(old)
    result = {name: statistics.median(values) if values else None for name, values in figures.items()}
    result.setdefault("before", None)
    result["checks"] = checks
    return result


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


def rows(r: dict) -> list[list[str]]:
    """(estimate, figure, against baseline, target, verdict) rows."""
    default, ten, without, old = r["default"], r["ten"], r["ten_without"], r["before"]
    checks = r["checks"]
    out = []
    problem = _problem(checks.get("default", {"error": "not run"}), components=5)
    if problem or default is None:
        return [["default estimate (photo preset's model)", f"error: {problem}", "", "", verdict(False)]]
    if old is None:
        out.append(["default estimate (photo preset's model)", f"{default * 1e6:.0f} µs",
                    "before components: n/a (no checkout)", f"≤ {DEFAULT_TARGET:g}× before", verdict(False)])
    else:
        out.append(["default estimate (photo preset's model)", f"{default * 1e6:.0f} µs",
                    f"{default / old:.2f}× before components ({old * 1e6:.0f} µs, {BEFORE})",
                    f"≤ {DEFAULT_TARGET:g}× before", verdict(default <= DEFAULT_TARGET * old)])
    problem = _problem(checks.get("ten", {"error": "not run"}), components=10, percentiles=True)
    if problem or ten is None:
        out.append(["ten components", f"error: {problem}", "", "", verdict(False)])
        return out
    out.append(["ten components (five lines added to the five defaults)", f"{ten * 1e6:.0f} µs",
                f"{ten / default:.2f}× the default estimate", f"≤ {COMPONENTS_TARGET:g}× the default",
                verdict(ten <= COMPONENTS_TARGET * default)])
    problem = _problem(checks.get("ten_without", {"error": "not run"}), components=10, percentiles=False)
    if problem or without is None:
        out.append(["ten components' percentiles", f"error: {problem}", "", "", verdict(False)])
        return out
    out.append(["ten components with p50/p99/p999 (M/M/c)", f"{ten * 1e6:.0f} µs",
                f"{ten / without:.2f}× without them ({without * 1e6:.0f} µs)", f"≤ {PERCENTILES_TARGET:g}× without",
                verdict(ten <= PERCENTILES_TARGET * without)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one short round, no checkout (the smoke test)")
    parser.add_argument("--before", default=BEFORE, help=f"the revision to compare with (default {BEFORE})")
    args = parser.parse_args()
    print(table(["estimate", "figure (median, warm)", "against baseline", "target", "verdict"],
                [[*row] for row in rows(run(args.quick, args.before))]))
    print("\neach figure: a fresh child process, the median of rounds of repeated estimates; the children take turns")


if __name__ == "__main__":
    main()
