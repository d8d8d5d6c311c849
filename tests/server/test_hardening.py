"""Issue 14 against a real gunicorn: what one client could do to the server and to other users.

One server serves most tests (its own database, 2 workers). It sits "behind a proxy" at
127.0.0.1, so each test is a different client by the X-Forwarded-For it sends and the caps of
one test do not touch another's; 127.0.0.2, a peer no setting trusts, plays a client that
spoofs that header. Every loop is bounded in count and time, and every socket goes to
127.0.0.1. Figures are printed (pytest -s) for the README.
"""

import re
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from .harness import Browser, Server, database, how_it_ends, raw_connection, status_of, serving

pytestmark = pytest.mark.server

CREATION_CAP = 10
SIGN_INS_PER_HOUR = 20  # the default
HEADER_SECONDS = 5  # the server's deadline for a request's headers (estimator/serving.py)


@pytest.fixture(scope="module")
def uploads(tmp_path_factory) -> Path:
    """The server's TMPDIR: where Django would spool an uploaded file."""
    return tmp_path_factory.mktemp("server-tmp")


@pytest.fixture(scope="module")
def server(uploads):
    with database() as env:
        server = Server(env, workers=2, settings={
            "DJANGO_BEHIND_PROXY": "1", "FORWARDED_ALLOW_IPS": "127.0.0.1",
            "SCENARIOS_PER_HOUR": str(CREATION_CAP), "REVISIONS_PER_HOUR": "200",
            "SIGN_INS_PER_HOUR": str(SIGN_INS_PER_HOUR), "SIGN_UPS_PER_HOUR": "10", "TMPDIR": str(uploads)})
        server.start()
        try:
            yield server
        finally:
            server.stop()


def client(server, address: str) -> Browser:
    """A browser at `address`, as the trusted proxy at 127.0.0.1 reports it."""
    return Browser(server.url, headers={"X-Forwarded-For": address})


def timed_get(url: str, timeout: float = 30) -> tuple[int, float]:
    """(status, seconds) of an API request: the seconds are printed, never asserted."""
    began = time.monotonic()
    status, _, _ = Browser(url).request("/api/v1/estimate?dau=5M", timeout=timeout)
    return status, time.monotonic() - began


def test_slow_clients_do_not_hold_up_other_clients_and_are_dropped_at_the_header_deadline(server):
    slow = []
    for _ in range(32):  # 16 times the workers: under sync workers 2 such sockets stalled everyone
        sock = raw_connection(server)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(sock)
    stop = threading.Event()

    def trickle():  # one more header line per socket every 0.3 s, never the blank line that ends them
        while not stop.wait(0.3):
            for sock in slow:
                try:
                    sock.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass

    trickler = threading.Thread(target=trickle)
    trickler.start()
    try:
        answers = [timed_get(server.url) for _ in range(100)]
        ends = [how_it_ends(sock, timeout=HEADER_SECONDS + 30) for sock in slow]  # a hang fails, load does not
    finally:
        stop.set()
        trickler.join(timeout=5)
        for sock in slow:
            sock.close()

    latencies = sorted(seconds for _, seconds in answers)
    print(f"\n{len(answers)} requests beside 32 slow clients: median {latencies[len(latencies) // 2] * 1000:.1f} ms, "
          f"worst {latencies[-1] * 1000:.1f} ms; then all 32 dropped by the server")
    assert [status for status, _ in answers] == [200] * 100
    assert "open" not in ends  # each trickling socket closed by the server (a reset: it closed with our bytes unread)


def test_a_20_mb_multipart_upload_is_refused_before_it_is_read(server, uploads):
    browser = client(server, "203.0.113.20")
    browser.request("/")
    token = next(c.value for c in browser.jar if c.name == "csrftoken")
    cookies = "; ".join(f"{c.name}={c.value}" for c in browser.jar)
    size = 20 * 1024 * 1024
    head = (f"POST /s/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.20\r\nCookie: {cookies}\r\n"
            f"X-CSRFToken: {token}\r\nContent-Type: multipart/form-data; boundary=BOUNDARY\r\n"
            f"Content-Length: {size}\r\n\r\n").encode()
    part = b'--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n'

    with raw_connection(server) as sock:
        sock.sendall(head + part + b"\0" * (64 * 1024))  # then stop: the server must answer without the rest
        sent = len(head) + len(part) + 64 * 1024
        began = time.monotonic()
        status = status_of(sock)
        answered_in = time.monotonic() - began

    print(f"\n20 MiB multipart body: {status} after {sent:,} bytes sent, in {answered_in * 1000:.1f} ms")
    assert status in (400, 413)
    assert list(uploads.iterdir()) == []  # nothing spooled to the server's temporary folder


GUESSER = "198.51.100.1"


def _guess_in_threads(server, guesses: int) -> tuple[list[tuple[int, dict]], list[float]]:
    """8 threads, all from one address, guess ada's password until `guesses` are answered;
    meanwhile another user's API requests are timed (printed, never asserted).
    (answers, API latencies)"""
    answers: list[tuple[int, dict]] = []
    lock = threading.Lock()
    left = iter(range(guesses))

    def guess():
        guesser = client(server, GUESSER)
        while True:
            with lock:
                if next(left, None) is None:
                    return
            status, headers, _ = guesser.request("/accounts/login/", {"username": "ada", "password": "guess"},
                                                 timeout=60)
            with lock:
                answers.append((status, headers))

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    api = []
    while any(thread.is_alive() for thread in threads) and len(api) < 1000:
        api.append(timed_get(server.url)[1])
    for thread in threads:
        thread.join(timeout=120)
    return answers, sorted(api or [0.0])


def test_wrong_passwords_end_in_429_with_retry_after_and_then_cost_nothing(server):
    owner = client(server, "203.0.113.30")
    status, _, _ = owner.request("/accounts/signup/", {"username": "ada", "password1": "a long passphrase 42",
                                                       "password2": "a long passphrase 42"})
    assert status == 302

    answers, hashing = _guess_in_threads(server, guesses=25)
    after, throttled = _guess_in_threads(server, guesses=200)

    statuses = [status for status, _ in answers]
    refused = [headers for status, headers in answers if status == 429]
    print(f"\n25 wrong passwords from 8 threads at one address: {statuses.count(200)} answered, {len(refused)} "
          f"refused 429; API beside the {statuses.count(200)} hashed guesses: median "
          f"{hashing[len(hashing) // 2] * 1000:.1f} ms, worst {hashing[-1] * 1000:.1f} ms; beside {len(after)} more "
          f"guesses, all refused: median {throttled[len(throttled) // 2] * 1000:.1f} ms, "
          f"worst {throttled[-1] * 1000:.1f} ms")
    assert statuses.count(200) == SIGN_INS_PER_HOUR and len(refused) == 25 - SIGN_INS_PER_HOUR
    assert all(int(headers["Retry-After"]) > 0 for headers in refused)
    assert len(after) == 200 and all(status == 429 for status, _ in after)
    right = {"username": "ada", "password": "a long passphrase 42"}
    assert client(server, GUESSER).request("/accounts/login/", right)[0] == 429  # locked at the guessing address
    assert client(server, "203.0.113.31").request("/accounts/login/", right)[0] == 302  # not at the owner's


def test_a_burst_of_30_creates_makes_at_most_the_cap(server):
    browsers = [client(server, "203.0.113.40") for _ in range(30)]  # 30 sessions, one address
    for browser in browsers:
        browser.request("/")
    start = threading.Barrier(30, timeout=10)
    answers = []

    def create(browser):
        start.wait()
        status, headers, _ = browser.request("/s/", {"name": "burst", "dau": "1M"}, timeout=20)
        answers.append((status, headers))

    threads = [threading.Thread(target=create, args=(b,)) for b in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    statuses = [status for status, _ in answers]
    print(f"\n30 simultaneous creates against a cap of {CREATION_CAP}: {statuses.count(303)} made, "
          f"{statuses.count(429)} refused")
    assert statuses.count(303) == CREATION_CAP and statuses.count(429) == 30 - CREATION_CAP
    assert all(int(headers["Retry-After"]) > 0 for status, headers in answers if status == 429)


def test_a_spoofed_x_forwarded_for_from_an_untrusted_peer_does_not_defeat_the_cap(server):
    made = 0
    for i in range(CREATION_CAP + 5):  # a fresh session and a new forged address each time
        spoofer = Browser(server.url, headers={"X-Forwarded-For": f"192.0.2.{i}"}, source="127.0.0.2")
        status, _, _ = spoofer.request("/s/", {"name": "spoof", "dau": "1M"})
        made += status == 303

    assert made == CREATION_CAP


def test_300_revisions_end_in_429_with_retry_after(server):
    owner = client(server, "203.0.113.50")
    slug = owner.create("revisions", dau="1M")
    saved, last = 0, None
    for number in range(1, 301):
        status, headers, _ = owner.request(f"/s/{slug}/", {"name": "revisions", "revision": number, "dau": f"{number}k"})
        if status != 303:
            last = (status, headers)
            break
        saved += 1

    print(f"\n{saved} revisions saved, then {last[0]} with Retry-After {last[1].get('Retry-After')}")
    assert saved == 200 and last[0] == 429 and int(last[1]["Retry-After"]) > 0


def test_production_health_check_cookies_and_caching():
    with serving(workers=1, production=True) as server:
        plain = Browser(server.url)
        https = Browser(server.url, headers={"X-Forwarded-Proto": "https"})

        health = plain.request("/healthz")
        redirect = plain.request("/")
        page = https.request("/")
        api = https.request("/api/v1/estimate?dau=5M")
        stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', page[2]).group(1).decode()
        static = https.request(stylesheet)
        many = https.request("/api/v1/estimate?" + urllib.parse.urlencode([(f"f{i}", "1") for i in range(101)]))
        with raw_connection(server) as sock:
            sock.sendall(b"HEAD /availability/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
                         b"Connection: close\r\n\r\n")
            head_status = status_of(sock)

    assert health[0] == 200 and health[2] == b"ok"  # plain HTTP, as a load balancer checks
    assert redirect[0] == 301 and redirect[1]["Location"].startswith("https://")
    assert page[0] == 200 and page[1]["Cache-Control"].replace(" ", "") in ("private,no-store", "no-store,private")
    assert "__Host-csrftoken=" in page[1]["Set-Cookie"] and "Secure" in page[1]["Set-Cookie"]
    assert "public" in api[1]["Cache-Control"]
    assert static[0] == 200 and "max-age=31536000" in static[1]["Cache-Control"]
    assert many[0] == 400 and many[1]["Content-Type"] == "application/json"
    assert head_status == 200  # the workbench's view says GET only; HEAD works anyway
