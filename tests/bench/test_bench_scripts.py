"""`make bench` is the benchmark suite (it needs wrk, Chromium and minutes of a quiet machine);
this smoke test runs one row of it on a tiny setting. Running bench/run.py imports every
benchmark script, so a rename in the code they measure fails here too. No figure is asserted:
speed is measured by the benchmarks, behaviour by the tests."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_run_prints_the_timeline_row_as_a_table_that_parses():
    done = subprocess.run([sys.executable, "bench/run.py", "--quick", "--only", "timeline"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr[-3000:]
    header, rule, *rows = done.stdout.strip().splitlines()
    cells = lambda line: [cell.strip() for cell in line.strip().strip("|").split("|")]  # noqa: E731
    assert cells(header) == ["benchmark", "figure", "against baseline", "target", "verdict", "command"]
    assert set(rule) == {"|", "-"}
    assert len(rows) == 1
    name, figure, baseline, target, verdict, command = cells(rows[0])
    assert name == "engine: photo preset with a 10-year timeline"
    assert re.fullmatch(r"\d+ µs warm", figure)
    assert re.fullmatch(r"\d+\.\d\d× without it \(\d+ µs\)", baseline)
    assert target.startswith("≤ ")
    assert verdict in ("met", "NOT MET")
    assert command == "python bench/engine.py"

