"""Load: reads and saves mixed, from many concurrent clients, against gunicorn on loopback,
for a bounded time; every answer must be a 200 or a 303, and every acknowledged save must be
readable afterwards.

    python bench/load.py [--seconds 60] [--connections 16] [--workers 2]

Each client keeps its own cookies, creates one scenario, then loops over a weighted mix:
htmx partials, the API, markdown, full pages, scenario pages, and saves of new revisions.
Local settings (DEBUG off): production's Secure cookies do not travel over plain loopback HTTP.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time

from common import table, verdict

from tests.server.harness import Browser, serving

MIX = [  # (kind, weight)
    ("htmx partial", 35), ("API estimate", 20), ("markdown", 10), ("full page", 10), ("scenario page", 10),
    ("save revision", 15),
]


def run(seconds: float = 60, connections: int = 16, workers: int = 2) -> dict:
    latencies: dict[str, list[float]] = {kind: [] for kind, _ in MIX}
    errors: list[str] = []
    saved: list[tuple[str, int, str]] = []
    lock = threading.Lock()
    with serving(workers=workers) as server:
        deadline = time.monotonic() + seconds

        def client(index: int) -> None:
            rng = random.Random(index)
            browser = Browser(server.url)
            try:
                slug = browser.create(f"load client {index}", dau="1M")
            except Exception as error:  # noqa: BLE001 - every failure is counted, none is hidden
                with lock:
                    errors.append(f"create: {error}")
                return
            revision = 1
            kinds, weights = zip(*MIX)
            while time.monotonic() < deadline:
                kind = rng.choices(kinds, weights)[0]
                dau = f"{rng.randint(2, 999)}M"  # never the default 1M, whose page redirects to /
                began = time.perf_counter()
                try:
                    if kind == "htmx partial":
                        status, _, _ = browser.request(f"/?dau={dau}", headers={"HX-Request": "true"})
                    elif kind == "API estimate":
                        status, _, _ = browser.request(f"/api/v1/estimate?preset=photo-sharing-100m-dau&dau={dau}")
                    elif kind == "markdown":
                        status, _, _ = browser.request(f"/estimate.md?dau={dau}")
                    elif kind == "full page":
                        status, _, _ = browser.request(f"/?dau={dau}")
                    elif kind == "scenario page":
                        status, _, _ = browser.request(f"/s/{slug}/")
                    else:
                        status, _, _ = browser.request(f"/s/{slug}/", {"name": f"load client {index}",
                                                                       "revision": revision, "dau": dau})
                except Exception as error:  # noqa: BLE001
                    with lock:
                        errors.append(f"{kind}: {error}")
                    continue
                elapsed = time.perf_counter() - began
                expected = 303 if kind == "save revision" else 200
                with lock:
                    latencies[kind].append(elapsed)
                    if status != expected:
                        errors.append(f"{kind}: HTTP {status}")
                    elif kind == "save revision":
                        revision += 1
                        saved.append((slug, revision, dau))

        threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        reader = Browser(server.url)
        lost = [s for s in saved if f"| `dau` | {s[2]} |" not in reader.request(f"/s/{s[0]}/r/{s[1]}.md")[2].decode()]
    total = sum(len(v) for v in latencies.values())
    return {"seconds": seconds, "connections": connections, "requests": total, "rps": total / seconds,
            "latencies": latencies, "errors": errors, "saved": len(saved), "lost": len(lost),
            "met": not errors and not lost and total > 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    r = run(args.seconds, args.connections, args.workers)
    rows = []
    for kind, values in r["latencies"].items():
        if values:
            values = sorted(values)
            rows.append([kind, len(values), f"{statistics.median(values) * 1000:.1f} ms",
                         f"{values[max(0, int(len(values) * 0.99) - 1)] * 1000:.1f} ms"])
    print(table(["request", "count", "p50", "p99"], rows))
    print()
    print(table(["measure", "figure", "target", "verdict"], [
        ["duration × connections", f"{r['seconds']:g} s × {r['connections']}", "≥ 60 s × 16", ""],
        ["requests (req/s)", f"{r['requests']:,} ({r['rps']:,.0f}/s)", "", ""],
        ["errors", len(r["errors"]), "0", verdict(not r["errors"])],
        ["acknowledged saves lost", f"{r['lost']} of {r['saved']:,}", "0", verdict(not r["lost"])],
    ]))
    for error in r["errors"][:10]:
        print("error:", error)
    if not r["met"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
