"""Issue 24's CPU attack, timed: 8 clients (8 addresses) loop the most expensive estimate for
10 s beside an ordinary API client, against gunicorn (2 workers) with a CPU budget that stops
each heavy address after one answer (tests/server/test_attacks.py asserts that; this measures
what the ordinary client felt). The ordinary client's p99 beside the attack against its p99
alone (before and after the attack, same server, same run); also its p99 once every heavy
client had been refused (what the refusals alone cost it).

    python bench/attack.py [--rounds 3] [--seconds 10] [--quick]

Target: the ordinary client's p99 beside the attack ≤ 5× its p99 alone. The heavy clients run at
nice 19 (tests/server/heavy.py says why); the machine's other load counts against the ordinary
client in both phases, but not equally if it changes between them: rounds show the spread.
"""

from __future__ import annotations

import argparse
import math
import statistics

from common import table, verdict

from tests.server.harness import serving
from tests.server.heavy import attack, percentile

TARGET_RATIO = 5.0
CLIENTS = 8
FREE_MS, BUDGET = "20", "0.02"  # as in tests/server/test_attacks.py: one answer per heavy address


def one_round(seconds: float, alone: int) -> dict:
    with serving(workers=2, settings={"CPU_SECONDS_PER_MINUTE": BUDGET, "CPU_FREE_MS": FREE_MS}) as server:
        run = attack(server, clients=CLIENTS, seconds=seconds, alone=alone)
    refused_from = max((min((at for status, _, at in answers if status == 429), default=math.inf)
                        for answers in run["heavy"]), default=math.inf)
    alone_s = [s for _, s, _ in run["alone"]]
    beside_s = [s for _, s, _ in run["beside"]]
    after_s = [s for _, s, began in run["beside"] if began > refused_from]
    return {"alone": percentile(alone_s, .99), "beside": percentile(beside_s, .99),
            "after": percentile(after_s, .99) if after_s else math.nan, "answers": len(beside_s),
            "heavy": sum(1 for answers in run["heavy"] for status, _, _ in answers if status == 200),
            "refused": sum(1 for answers in run["heavy"] for status, _, _ in answers if status == 429),
            "ordinary_refused": sum(1 for status, _, _ in run["alone"] + run["beside"] if status != 200)}


def run(*, rounds: int = 3, seconds: float = 10, quick: bool = False) -> dict:
    if quick:
        rounds, seconds = 1, 2
    results = [one_round(seconds, 60 if quick else 300) for _ in range(rounds)]
    ratio = statistics.median(r["beside"] / r["alone"] for r in results)
    return {"rounds": results, "ratio": ratio, "seconds": seconds,
            "met": ratio <= TARGET_RATIO and all(r["ordinary_refused"] == 0 for r in results)}


def figure_text(result: dict) -> str:
    return "; ".join(f"alone {r['alone'] * 1e3:.0f} ms, beside {r['beside'] * 1e3:.0f} ms "
                     f"({r['beside'] / r['alone']:.1f}×), once all refused {r['after'] * 1e3:.0f} ms "
                     f"({r['after'] / r['alone']:.1f}×); {r['heavy']} heavy answers, {r['refused']:,} refused"
                     for r in result["rounds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--quick", action="store_true", help="one short round (checks the script runs)")
    args = parser.parse_args()
    result = run(rounds=args.rounds, seconds=args.seconds, quick=args.quick)
    print(table(["benchmark", "ordinary client's p99 per round", "median ratio", "target", "verdict"],
                [[f"{CLIENTS} clients looping the worst case for {result['seconds']:g} s", figure_text(result),
                  f"{result['ratio']:.1f}×", f"≤ {TARGET_RATIO:g}×", verdict(result["met"])]]))


if __name__ == "__main__":
    main()
