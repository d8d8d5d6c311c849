"""Heavy clients looping the most expensive request beside an ordinary client, against a real
server: shared by tests/server/test_attacks.py (which asserts who is refused and how much
expensive work the server did) and bench/attack.py (which measures the ordinary client's
latency with and without the attack, a benchmark because it is a timing).

Each heavy client is a process of its own, from 127.0.0.(number + 2), sending the worst case a
client can send (bench/engine.py's: every numeric field a range, 50 lines holding the rest of the
estimate's 100 ranges) over a raw socket, its requests written before the attack starts and
each one new to the server (no memo of the server answers it). It does not wait for anything
but its answer, and ignores Retry-After. Its process runs at the lowest CPU priority (nice
19): on one machine the attackers' own CPU would otherwise be taken from the server and the
ordinary client, which is not what an attack from other machines costs; the server's work
for their requests (accepting, reading, refusing) is done at full priority, as in a real attack.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import socket
import sys
import time
import urllib.parse

from .harness import ROOT, Browser, Server

ANSWER_TIMEOUT = 30  # seconds a client waits for an answer: a hang fails, load does not
ORDINARY = "/api/v1/estimate?dau=5M"  # what the ordinary client asks, again and again (from 127.0.0.1)


def worst_case() -> dict[str, str]:
    """bench/engine.py's worst case a client can send: every numeric field a range and 50 lines
    holding the rest of the 100 ranges an estimate may have (checked there to be all of that)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from engine import worst_texts  # a benchmark script, importable from its own folder
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return worst_texts()


def heavy_requests(port: int, number: int, texts: dict[str, str], count: int) -> list[bytes]:
    """`count` GET requests of the worst case for heavy client `number`, each with its own dau and
    its own divisor in every line, so that no two (of any client) read the same text."""
    query = urllib.parse.urlencode({**texts, "dau": "DAU"})
    divide = urllib.parse.quote_plus("/9+")
    assert query.count(divide) == texts["lines"].count("/9+") > 0
    requests = []
    for i in range(count):
        own = query.replace("DAU", urllib.parse.quote_plus(f"{50 + i}M to {200 + number}M"))
        own = own.replace(divide, urllib.parse.quote_plus(f"/{10_000 + number * 1_000 + i}+"))
        requests.append(f"GET /api/v1/estimate?{own} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                        f"Connection: close\r\n\r\n".encode())
    return requests


def ask(port: int, request: bytes, source: str) -> tuple[int, str | None]:
    """Send `request` on a new connection from `source`; (status, Retry-After) of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=ANSWER_TIMEOUT, source_address=(source, 0)) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    retry_after = next((line.split(":", 1)[1].strip() for line in head[1:]
                        if line.lower().startswith("retry-after:")), None)
    return int(head[0].split(" ", 2)[1]), retry_after


def loop_heavy(port: int, number: int, requests: list[bytes], start: float, seconds: float,
               at_most: float) -> list[tuple[int, str | None, float]]:
    """One heavy client: from time.time() == `start`, the next request as soon as the last was
    answered, for `seconds`, and on until its first 429 if none came by then (at most `at_most`
    seconds in all). [(status, Retry-After, time.time() when answered)]"""
    os.nice(19)
    while time.time() < start:
        time.sleep(0.001)
    answers = []
    began = time.monotonic()
    for request in requests * 100:
        elapsed = time.monotonic() - began
        if elapsed > at_most or (elapsed > seconds and any(status == 429 for status, _, _ in answers)):
            break
        status, retry_after = ask(port, request, f"127.0.0.{number + 2}")
        answers.append((status, retry_after, time.time()))
    return answers


def ordinary(browser: Browser) -> tuple[int, float, float]:
    """One ordinary request: (status, seconds it took, time.time() when it began)."""
    began = time.time()
    started = time.perf_counter()
    status = browser.request(ORDINARY, timeout=ANSWER_TIMEOUT)[0]
    return status, time.perf_counter() - started, began


def attack(server: Server, *, clients: int = 8, seconds: float = 10, alone: int = 300,
           at_most: float = 60) -> dict:
    """The ordinary client alone (`alone` requests), then beside `clients` heavy clients looping
    for `seconds`, then alone again. {"alone": [...] (before and after), "beside": [...]
    (ordinary answers begun while the attack ran), "heavy": [answers of each heavy client]}"""
    texts = worst_case()
    browser = Browser(server.url)
    before = [ordinary(browser) for _ in range(alone)]
    requests = [heavy_requests(server.port, n, texts, 200) for n in range(clients)]
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(clients, mp_context=context) as pool:
        start = time.time() + 2  # every process forked and waiting
        heavy = [pool.submit(loop_heavy, server.port, n, requests[n], start, seconds, at_most)
                 for n in range(clients)]
        while time.time() < start:
            time.sleep(0.001)
        beside = []
        while not all(future.done() for future in heavy) and len(beside) < 100_000:
            beside.append(ordinary(browser))
        heavy_answers = [future.result(timeout=ANSWER_TIMEOUT) for future in heavy]
    after = [ordinary(browser) for _ in range(alone)]
    return {"alone": before + after, "beside": beside, "heavy": heavy_answers}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summary(run: dict, budget: str) -> str:
    """The run in one sentence (printed by the test and the benchmark)."""
    alone = [seconds for _, seconds, _ in run["alone"]]
    beside = [seconds for _, seconds, _ in run["beside"]]
    answered = [sum(1 for status, _, _ in answers if status == 200) for answers in run["heavy"]]
    refused = sum(1 for answers in run["heavy"] for status, _, _ in answers if status == 429)
    p99_alone, p99_beside = percentile(alone, .99), percentile(beside, .99)
    return (f"{len(run['heavy'])} clients looping the worst-case estimate with a budget of {budget} CPU s/min: "
            f"{sum(answered)} answered ({min(answered)}–{max(answered)} each), {refused:,} refused 429; the "
            f"ordinary client alone: {len(alone):,} answers, p50 {percentile(alone, .5) * 1e3:.1f} ms, p99 "
            f"{p99_alone * 1e3:.1f} ms; beside them: {len(beside):,} answers, p50 "
            f"{percentile(beside, .5) * 1e3:.1f} ms, p99 {p99_beside * 1e3:.1f} ms ({p99_beside / p99_alone:.1f}× alone)")
