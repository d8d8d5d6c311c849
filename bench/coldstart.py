"""Cold start: from starting gunicorn (production settings, 1 worker) to its first 200 on the
estimate API. The unit registry and templates are built once per process, before forking.

    python bench/coldstart.py [--runs 3] [--quick]

Target: ≤ 1 s. Baseline in the same run: starting the Python interpreter alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from common import table, verdict

from tests.server.harness import Server, database

TARGET_SECONDS = 1.0


def run(runs: int = 3, quick: bool = False) -> dict:
    runs = 1 if quick else runs
    interpreter = []
    for _ in range(max(runs, 3)):
        began = time.monotonic()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        interpreter.append(time.monotonic() - began)
    starts = []
    with database() as env:
        for _ in range(runs):
            server = Server(env, workers=1, production=True)
            try:
                starts.append(server.start())
            finally:
                server.stop()
    seconds = statistics.median(starts)
    return {"seconds": seconds, "interpreter": statistics.median(interpreter), "met": seconds <= TARGET_SECONDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    r = run(args.runs, args.quick)
    print(table(["measure", "median", "× bare interpreter start", "target ≤ 1 s"],
                [["gunicorn start → first 200", f"{r['seconds'] * 1000:.0f} ms", f"{r['seconds'] / r['interpreter']:.1f}×",
                  verdict(r["met"])]]))


if __name__ == "__main__":
    main()
