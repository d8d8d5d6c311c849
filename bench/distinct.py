"""The API on distinct queries against a bare Django "hello" project on the same machine.

No two requests are alike (bench/distinct.lua builds every path anew: a counter per wrk
thread, threads interleaved, runs never overlapping), so no cache of any kind answers one:
every request parses and computes. The baseline is bench/hello/ (Django with no database, no
apps, no middleware, one text/plain view) under the same gunicorn, the same configuration
(estimator/gunicorn.conf.py) and the same worker count (2 workers) as the product
(production settings); it gets distinct queries too (/?n=<counter>). Both servers run
throughout; one wrk at a time (-t2 -c8), in alternating rounds: each round runs hello, then
each API row; a row's ratio is the median over rounds of its req/s over hello's in the same
round. Every status is counted: a row is met only if every answer was a 200.

    python bench/distinct.py [--rounds 3] [--seconds 5] [--quick] [--floor]

--floor adds a row: the first API row's queries against a third server, the product with the
estimate API's body computed once per worker and handed back for every query (bench/floor/:
production settings, every middleware, the same view, ETag and JSON writing; only the estimate
and its body skipped). Its ratio is what the server can serve for these queries when the
estimate costs nothing: the ceiling of every API row.

Targets (issue 25): a preset with one changed input ≥ 0.5 × hello; the preset with ten lines ≥ 0.35 ×
hello; the preset with one range (dau, its text new each request: the estimate runs on samples) ≥ 0.2 × hello.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from common import ROOT, TEN_LINES, http_arguments, table, verdict
from endpoints import CONNECTIONS, THREADS, wrk

from tests.server.harness import BIN, free_port, serving

SCRIPT = str(Path(__file__).resolve().with_name("distinct.lua"))
API = "/api/v1/estimate?preset=photo-sharing-100m-dau"


@dataclass(frozen=True)
class Query:
    """Requests for `prefix` + <a figure no other request of the run has> + `suffix`."""
    name: str
    prefix: str
    suffix: str
    target: float | None  # × hello; None for the baseline itself


HELLO = Query("hello (bare Django)", "/?n=", "", None)
ROWS = [
    Query("API, distinct queries, preset + one changed input", f"{API}&dau=", "K", 0.5),
    Query("API, distinct queries, ten lines", f"{API}&lines={quote(TEN_LINES, safe='')}&dau=", "K", 0.35),
    Query("API, distinct queries, one range (dau 50.<n>M to 200M)", f"{API}&dau=50.", quote("M to 200M"), 0.2),
]
FLOOR = Query("API floor: the plain row's queries, the estimate skipped (bench/floor/)", f"{API}&dau=", "K", None)
# the floor's server: the product's settings but its URLs, whose estimate API answers a canned body
FLOOR_SETTINGS = {"DJANGO_SETTINGS_MODULE": "floor.settings",
                  "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT / "bench"), os.environ.get("PYTHONPATH")) if p)}
# dau=<n>K stays within dau's bounds (≤ 1e12 users) for n up to 1e9: hours of requests; dau=50.<n>M
# to 200M is a range from 50M to 50.999…M up to 200M whatever n (digits after the point: ≤ 30).


@contextmanager
def hello_serving(workers: int = 2, timeout: float = 30):
    """gunicorn serving bench/hello/ on a free loopback port, with the product's gunicorn
    configuration; waits (at most `timeout` s) for a 200, and is stopped whatever happens."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hello.settings", "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_WORKERS": str(workers), "GUNICORN_ACCESS_LOG": ""}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "estimator/gunicorn.conf.py", "--pythonpath", "bench", "hello.wsgi"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
        try:
            began = time.monotonic()
            while True:
                try:
                    with urllib.request.urlopen(url + "/", timeout=2) as response:
                        if response.status == 200 and response.read() == b"hello":
                            break
                except (OSError, urllib.error.URLError):
                    pass
                if process.poll() is not None or time.monotonic() - began > timeout:
                    log.seek(0)
                    raise RuntimeError(f"the hello server did not start:\n{log.read().decode()[-2000:]}")
                time.sleep(0.02)
            yield url
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)


def probe(url: str) -> tuple[int, str]:
    """One request outside the runs (figure 0, which wrk never sends): its status and, if it
    is not a 200, why (the API's first error message, or the start of the body)."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode(errors="replace")
    try:
        name, message = next(iter(json.loads(body)["errors"].items()))
        why = f"{name}: {message}"
    except (ValueError, KeyError, TypeError, AttributeError, StopIteration):
        why = body
    why = " ".join(why.split())
    return status, why if len(why) <= 60 else why[:59] + "…"


def run(rounds: int = 3, seconds: float = 5, quick: bool = False, floor: bool = False) -> dict:
    """{"hello": {...}, "rows": [{...} per ROWS], "floor": {...} or None}: req/s (median of the
    rounds), ratio to hello, p50, p99, counts of non-200 answers; "met" per row (the floor's:
    every answer a 200)."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if quick:
        rounds, seconds = 1, 1
    queries = [HELLO, *ROWS, *([FLOOR] if floor else [])]
    start = {q.name: 1 for q in queries}  # the next unused figure of each query (0 is the probe's)
    measured: dict[str, list[dict]] = {q.name: [] for q in queries}

    def once(base: str, query: Query, duration: float) -> dict:
        arguments = (query.prefix, query.suffix, str(start[query.name]), str(THREADS))
        result = wrk(base + "/", {}, duration, SCRIPT, arguments)
        start[query.name] = int(re.search(r"^last (\d+)$", result["output"], re.M).group(1)) + 1
        return result

    with ExitStack() as servers:
        hello = servers.enter_context(hello_serving(workers=2))
        server = servers.enter_context(serving(workers=2, production=True))
        bases = {q.name: hello if q is HELLO else server.url for q in queries}
        if floor:
            bases[FLOOR.name] = servers.enter_context(serving(workers=2, production=True, settings=FLOOR_SETTINGS)).url
        probes = {q.name: probe(f"{bases[q.name]}{q.prefix}0{q.suffix}") for q in queries}
        for query in queries if not quick else ():  # warm-up, not counted
            once(bases[query.name], query, 1)
        for _ in range(rounds):
            for query in queries:  # alternating: hello, then each API row, every round
                measured[query.name].append(once(bases[query.name], query, seconds))

    def summary(query: Query) -> dict:
        runs = measured[query.name]
        answered = sum(sum(r["statuses"].values()) for r in runs)
        non_200 = sum(n for r in runs for status, n in r["statuses"].items() if status != 200)
        status, body = probes[query.name]
        path = f"{query.prefix}<n>{query.suffix}".replace(quote(TEN_LINES, safe=""), "<the ten lines>")
        return {"name": query.name, "path": path, "target": query.target,
                "rps": statistics.median(r["rps"] for r in runs),
                "ratio": statistics.median(r["rps"] / h["rps"] for r, h in zip(runs, measured[HELLO.name])),
                "p50": statistics.median(r["p50"] for r in runs), "p99": statistics.median(r["p99"] for r in runs),
                "requests": answered, "non_200": non_200,
                "statuses": dict(sum((Counter(r["statuses"]) for r in runs), Counter())),
                "socket_errors": [r["socket_errors"] for r in runs if r["socket_errors"]],
                "probe": f"{status} {body}".strip() if status != 200 else ""}

    baseline = summary(HELLO)
    baseline["met"] = baseline["non_200"] == 0 and baseline["requests"] > 0
    rows = []
    for query in ROWS:
        row = summary(query)
        row["met"] = (baseline["met"] and row["non_200"] == 0 and row["requests"] > 0
                      and row["ratio"] >= query.target)
        rows.append(row)
    floor_row = None
    if floor:
        floor_row = summary(FLOOR)
        floor_row["met"] = floor_row["non_200"] == 0 and floor_row["requests"] > 0
    return {"hello": baseline, "rows": rows, "floor": floor_row, "rounds": rounds, "seconds": seconds}


def target_text(row: dict) -> str:
    if row["name"] == FLOOR.name:
        return "(a ceiling)"
    return "(baseline)" if row["target"] is None else f"≥ {row['target']} × hello, every answer 200"


def figure_text(row: dict) -> str:
    """req/s, latencies and, when there are any, the non-200 answers (and why, from the probe)."""
    text = f"{row['rps']:,.0f} req/s, p50 {row['p50']:.1f} ms, p99 {row['p99']:.1f} ms"
    if row["non_200"]:
        statuses = ", ".join(f"{n:,} × {s}" for s, n in sorted(row["statuses"].items()) if s != 200)
        text += f"; {row['non_200']:,} of {row['requests']:,} not 200 ({statuses})"
        if row["probe"]:
            text += f", e.g. {row['probe']}"
    if row["socket_errors"]:
        text += f"; socket errors: {'; '.join(row['socket_errors'])}"
    return text


def main() -> None:
    args = http_arguments(__doc__, {"--floor": "add the API's floor: the same queries, the estimate skipped"})
    r = run(args.rounds, args.seconds, args.quick, args.floor)
    rows = [r["hello"], *r["rows"], *([r["floor"]] if r["floor"] else [])]
    print(table(["query", "req/s (median)", "× hello", "p50", "p99", "requests", "not 200", "target", "verdict"],
                [[x["name"], f"{x['rps']:,.0f}", f"{x['ratio']:.2f}", f"{x['p50']:.2f} ms", f"{x['p99']:.2f} ms",
                  f"{x['requests']:,}", f"{x['non_200']:,}", target_text(x),
                  ("baseline" if x["met"] else "NOT MET (baseline not all 200)") if x is r["hello"]
                  else ("ceiling" if x["met"] else "not all 200") if x is r["floor"]
                  else verdict(x["met"])] for x in rows]))
    for x in rows:
        if x["probe"]:
            print(f"\n{x['name']}: a sample request ({x['path']}, n=0) answered {x['probe']}")
    print(f"\ngunicorn, 2 workers each (product: production settings; hello: bench/hello/); "
          f"wrk -t{THREADS} -c{CONNECTIONS} -s bench/distinct.lua, one at a time; "
          f"{r['rounds']} alternating round(s) of {r['seconds']:g} s; medians of the rounds")


if __name__ == "__main__":
    main()
