"""Shared by the benchmark scripts: medians, a table printer, the repository root on sys.path."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def median_seconds(function, *, repeat: int, number: int) -> float:
    """The median over `repeat` rounds of the mean time of `number` calls."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def counted_between(command: list[str], *, cwd: Path | None = None, timeout: float = 1800) -> tuple[int, str]:
    """(instructions, what the child printed after "done") for a child that prints "ready" when
    warm, waits for a line, does the counted work, prints "done", waits for a line again and
    then prints its answer: run under valgrind's callgrind with instrumentation off, switched
    on only between "ready" and "done" (callgrind_control), so neither start-up nor exit is
    counted. Hash randomization is fixed (PYTHONHASHSEED=0): the same work, the same count."""
    with tempfile.TemporaryDirectory() as folder:
        out, log = Path(folder) / "callgrind.out", Path(folder) / "stderr"
        with log.open("w") as errors:
            process = subprocess.Popen(
                ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}", *command],
                cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True,
                env={**os.environ, "PYTHONHASHSEED": "0"})
        try:
            for switch, said in (("on", "ready"), ("off", "done")):
                line = process.stdout.readline().strip()
                if line != said:
                    process.kill()
                    process.wait()
                    error = log.read_text().strip().splitlines()[-1:]
                    raise RuntimeError(f"the child said {line!r}, not {said!r}: {' '.join(error)[:200]}")
                subprocess.run(["callgrind_control", "-i", switch, str(process.pid)], check=True, capture_output=True)
                process.stdin.write("\n")
                process.stdin.flush()
            answer = process.stdout.read().strip()
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
        found = re.search(r"^totals: (\d+)", out.read_text(), re.M)
    return int(found.group(1)) if found else 0, answer


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def http_arguments(doc: str, flags: dict[str, str] | None = None):
    """The HTTP benchmarks' command line: --rounds, --seconds, --quick, and the script's own
    on/off `flags` ({"--name": help})."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--quick", action="store_true", help="one short round (for the smoke test)")
    for flag, text in (flags or {}).items():
        parser.add_argument(flag, action="store_true", help=text)
    return parser.parse_args()


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


# Ten lines of the expression language ("Formulas everywhere"), as a user might add them to the
# photo preset: shared by bench/engine.py (in-process) and bench/distinct.py (over HTTP).
TEN_LINES = "\n".join([
    "tweets_per_day = dau × 2 req/user/day -> req/day",
    "media_per_day = tweets_per_day × 10% × 1 MB/req -> TB/day",
    "text_per_day = tweets_per_day × 280 B/req",
    "total_per_day = media_per_day + text_per_day",
    "five_years = total_per_day × 5 years -> PB",
    "urls = 100M req/day × 10 years",
    "key_length = ceil(log(urls / 1 req, 62))",
    "redirect_budget = 1 ms + 0.5 ms + 10 ms",
    "redirect_ok = redirect_budget <= 500 ms",
    "replicas_needed = max(1, ceil(read_qps / 10k req/s))",
])
