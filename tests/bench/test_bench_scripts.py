"""`make bench`'s scripts run end to end on a tiny setting. No figure is asserted here:
speed is measured by the benchmarks, behaviour by the tests."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.server


def test_make_bench_runs_every_benchmark_and_prints_one_table():
    if not shutil.which("wrk") or not Path("/usr/bin/chromium").exists():
        message = "make bench needs wrk and Chromium: `sudo apt-get install wrk chromium` (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    done = subprocess.run([sys.executable, "bench/run.py", "--quick"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)

    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("| benchmark") and "| command" in lines[0]
    for row in ("engine: photo-sharing-100m-dau", "engine: photo-sharing-100m-dau + ten lines",
                "engine: photo preset with a 10-year timeline", "HTTP: minimal view",
                "HTTP: htmx results partial", "HTTP: hello (bare Django), distinct queries",
                "HTTP: API, distinct queries, preset + one changed input", "HTTP: API, distinct queries, ten lines",
                "result cards: template loop vs Python tag", "timeline: template loop vs Python tag", "form fields: template vs Python tag",
                "cold start to first 200", "first load", "keystroke → results", "load: reads + saves"):
        assert any(line.startswith(f"| {row}") for line in lines), row
    assert "python bench/endpoints.py" in done.stdout
    assert "python bench/distinct.py" in done.stdout
