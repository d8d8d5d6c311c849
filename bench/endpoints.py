"""HTTP benchmark: gunicorn with production settings on loopback (2 workers), driven by wrk
(8 connections), in alternating rounds. Each endpoint's requests/s is also given as a ratio
to a minimal view (/healthz) measured in the same server, in the same round: the bare cost of
Django on this machine.

    python bench/endpoints.py [--rounds 3] [--seconds 5] [--quick]

Targets: API ≥ 0.5 of the minimal view, htmx partial ≥ 0.4, p99 ≤ 20 ms at 8 connections.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess

from common import http_arguments, table, verdict

from tests.server.harness import serving

THREADS = 2
CONNECTIONS = 8
ENDPOINTS = [
    ("minimal view", "/healthz", {}),
    ("API estimate (photo preset)", "/api/v1/estimate?preset=photo-sharing-100m-dau", {}),
    ("htmx results partial", "/?dau=100M&reads_per_user=5", {"HX-Request": "true"}),
    ("full page", "/?dau=100M&reads_per_user=5", {}),
    ("markdown export", "/estimate.md?dau=100M&reads_per_user=5", {}),
    ("scenario page", "/s/photo-sharing-100m-dau/", {}),
]
RATIO_TARGETS = {"API estimate (photo preset)": 0.5, "htmx results partial": 0.4}
P99_TARGET_MS = 20.0


def _ms(text: str) -> float:
    """wrk's latency figure in milliseconds ('812.00us', '3.21ms', '1.02s', '1.10m')."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if match is None:
        raise ValueError(f"unexpected latency from wrk: {text!r}")
    value, unit = match.groups()
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}[unit]


def wrk(url: str, headers: dict[str, str], seconds: float, script: str | None = None,
        script_args: tuple[str, ...] = ()) -> dict:
    """One wrk run. With a Lua `script` (and its arguments) that prints a "statuses 200=N ..."
    line (bench/distinct.lua), "statuses" is {status: count}; "output" is wrk's whole output."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "--latency",
               "-H", "X-Forwarded-Proto: https"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
    if "Latency Distribution" not in out:
        raise RuntimeError(f"wrk gave no latency distribution for {url}:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    statuses = re.search(r"^statuses(.*)$", out, re.M)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),  # a line of the distribution
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "statuses": {int(s): int(n) for s, n in re.findall(r"(\d+)=(\d+)", statuses.group(1))} if statuses else None,
        "output": out,
    }


def run(rounds: int = 3, seconds: float = 5, quick: bool = False) -> list[dict]:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if quick:
        rounds, seconds = 1, 1
    with serving(workers=2, production=True) as server:
        for name, path, headers in ENDPOINTS if not quick else ():  # warm-up, not counted
            wrk(server.url + path, headers, 1)
        measured: dict[str, list[dict]] = {name: [] for name, _, _ in ENDPOINTS}
        for _ in range(rounds):
            for name, path, headers in ENDPOINTS:  # alternating: each round visits every endpoint
                measured[name].append(wrk(server.url + path, headers, seconds))
    minimal = measured["minimal view"]
    rows = []
    for name, path, _ in ENDPOINTS:
        runs = measured[name]
        ratio = statistics.median(r["rps"] / m["rps"] for r, m in zip(runs, minimal))
        p99 = statistics.median(r["p99"] for r in runs)
        baseline = path == "/healthz"  # the reference the others are measured against, not judged
        ok = p99 <= P99_TARGET_MS and ratio >= RATIO_TARGETS.get(name, 0) and not any(r["errors"] for r in runs)
        rows.append({"endpoint": name, "path": path, "rps": statistics.median(r["rps"] for r in runs), "ratio": ratio,
                     "p50": statistics.median(r["p50"] for r in runs), "p99": p99,
                     "errors": sum(r["errors"] for r in runs), "target": RATIO_TARGETS.get(name),
                     "baseline": baseline, "met": ok or baseline})
    return rows


def target_text(row: dict) -> str:
    if row["baseline"]:
        return "(baseline)"
    return (f"≥ {row['target']} × minimal, " if row["target"] else "") + f"p99 ≤ {P99_TARGET_MS:g} ms"


def main() -> None:
    args = http_arguments(__doc__)
    rows = run(args.rounds, args.seconds, args.quick)
    print(table(["endpoint", "req/s (median)", "× minimal view", "p50", "p99", "non-2xx/3xx", "target", "verdict"],
                [[r["endpoint"], f"{r['rps']:,.0f}", f"{r['ratio']:.2f}", f"{r['p50']:.2f} ms", f"{r['p99']:.2f} ms",
                  r["errors"], target_text(r), "baseline" if r["baseline"] else verdict(r["met"])] for r in rows]))
    print(f"\ngunicorn, production settings, 2 gevent workers; wrk -t2 -c{CONNECTIONS}; medians of the rounds")


if __name__ == "__main__":
    main()
