"""Request hygiene before the views (forwarded headers, body and field caps, HEAD) and cache
rules after them."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from estimator.web.models import Scenario

pytestmark = pytest.mark.django_db


def create(client, name="s", **extra):
    return client.post("/s/", {"name": name, "dau": "1M"}, **extra)


def test_a_multipart_body_over_the_cap_is_refused_from_its_length_without_being_read(client):
    # The payload is tiny but claims 20 MB: reading past what was sent raises in the test
    # client, so only a refusal from the header can pass.
    body = b"--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big\"\r\n\r\nAAAA"

    response = client.generic("POST", "/s/", body, content_type="multipart/form-data; boundary=x",
                              CONTENT_LENGTH=str(20 * 1024 * 1024))

    assert response.status_code == 400
    assert "at most 65,536 are accepted" in response.content.decode()


def test_an_api_query_with_more_than_100_fields_is_a_json_400(client):
    query = "&".join(f"f{i}=1" for i in range(101))

    api = client.get(f"/api/v1/estimate?{query}")
    page = client.get(f"/?{query}")

    assert api.status_code == 400 and api["Content-Type"] == "application/json"
    assert "more than 100 fields" in api.json()["errors"]["query"]
    assert page.status_code == 400  # the page keeps Django's own answer


@pytest.mark.parametrize("path", ["/", "/?dau=5M", "/estimate.md", "/api/v1/estimate", "/availability/",
                                  "/availability.md", "/api/v1/availability", "/my/", "/accounts/login/",
                                  "/s/photo-sharing-100m-dau/", "/s/photo-sharing-100m-dau.md"])
def test_head_is_answered_wherever_get_is(client, path):
    get = Client().get(path)

    head = client.head(path)

    assert get.status_code in (200, 302)
    assert head.status_code == get.status_code and head.content == b""


def test_the_markdown_etag_changes_with_the_host_its_links_name(client):
    here = client.get("/estimate.md?dau=5M")
    there = client.get("/estimate.md?dau=5M", HTTP_HOST="localhost")

    assert here["ETag"] != there["ETag"]
    assert "http://testserver/" in here.content.decode() and "http://localhost/" in there.content.decode()
    assert client.get("/estimate.md?dau=5M", HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=here["ETag"]).status_code == 200


@pytest.mark.parametrize("path", ["/", "/my/", "/accounts/login/", "/accounts/signup/", "/availability/",
                                  "/s/photo-sharing-100m-dau/"])
def test_pages_with_a_csrf_token_or_private_links_are_private_and_never_stored(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}


def test_an_owners_scenario_page_is_private(client):
    slug = create(client)["Location"].split("/")[2]

    response = client.get(f"/s/{slug}/", HTTP_HX_REQUEST="true")

    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/api/v1/estimate?dau=5M", "/estimate.md?dau=5M", "/api/v1/availability"])
def test_pure_answers_stay_publicly_cacheable(client, path):
    response = client.get(path)

    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]


def test_forwarded_headers_from_an_untrusted_peer_do_not_defeat_the_creation_cap(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.SCENARIOS_PER_HOUR = 3

    answers = [create(Client(), REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
               for i in range(6)]

    assert answers == [303, 303, 303, 429, 429, 429]


def test_a_trusted_proxy_names_the_client_each_is_capped_on_its_own(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.SCENARIOS_PER_HOUR = 1

    first = create(Client(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1, 10.0.0.9")
    second = create(Client(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    again = create(Client(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.1")

    assert (first.status_code, second.status_code, again.status_code) == (303, 303, 429)


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    spoofed = Client().get("/estimate.md", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https")
    proxied = Client().get("/estimate.md", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_PROTO="https")

    assert "<http://testserver/>" in spoofed.content.decode()
    assert "<https://testserver" in proxied.content.decode()


def test_without_a_proxy_forwarded_headers_are_ignored(settings):
    settings.SCENARIOS_PER_HOUR = 2

    answers = [create(Client(), HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)]

    assert answers == [303, 303, 429]
    assert Scenario.objects.filter(is_preset=False).count() == 2


class StopsShort:
    """A request body whose sender stopped: as gunicorn's body reader does, a read waits for
    all it was asked, and fails when the server's deadline passes before it came."""

    def __init__(self, sent: bytes):
        self.sent = sent

    def read(self, size=-1):
        if size is None or size < 0 or size > len(self.sent):
            raise OSError("the request did not arrive within its deadline")
        chunk, self.sent = self.sent[:size], self.sent[size:]
        return chunk

    def readline(self, size=-1):
        return self.read(size)


def test_a_body_that_stops_short_is_a_408_before_any_view_sees_half_a_form(client):
    response = client.generic("POST", "/s/", b"name=half&dau=1", content_type="application/x-www-form-urlencoded",
                              CONTENT_LENGTH="1000", **{"wsgi.input": StopsShort(b"name=half&dau=1")})

    assert response.status_code == 408
    assert not Scenario.objects.filter(name="half").exists()


# The CPU budget: each request's CPU beyond CPU_FREE_MS is charged to its address ---------------

NOW = 1_740_000_000.0  # the wall clock, in seconds since the epoch


@pytest.fixture
def costs(monkeypatch):
    """Each request costs `costs.ms` of CPU (the middleware reads the clock before and after)
    and the wall clock stands at `costs.now` until a test moves it."""
    from estimator.clients import Hints
    from estimator.web import throttle

    class Costs:
        ms = 50
        clock = 0.0
        now = NOW

        def read(self):
            self.clock += self.ms / 1000  # the difference of two reads is one request
            return self.clock

    fake = Costs()
    monkeypatch.setattr(throttle, "OWING", Hints(64))  # no hint left by another test
    monkeypatch.setattr(throttle, "cpu_seconds", fake.read)
    monkeypatch.setattr(throttle, "wall_clock", lambda: fake.now)
    return fake


def test_an_address_past_its_cpu_budget_gets_429_with_retry_after_until_it_is_back_within_a_minute(client, settings,
                                                                                                costs):
    settings.CPU_SECONDS_PER_MINUTE = 0.2  # 200 ms a minute: a request of 50 ms is paid off in 15 s
    settings.CPU_FREE_MS = 20

    answers = [client.get("/api/v1/estimate?dau=5M") for _ in range(7)]
    costs.now += 14
    still = client.get("/api/v1/estimate?dau=5M")
    costs.now += 1
    refilled = [client.get("/api/v1/estimate?dau=5M").status_code for _ in range(2)]

    # After 4 requests the address owes 60 s (a minute's budget, not more): the 5th is answered
    # and owes 75 s, 15 s past the minute, so the next ones are refused for 15 s.
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 200, 429, 429]
    assert answers[5]["Retry-After"] == "15"
    assert "share of the server's time" in answers[5].json()["errors"]["throttle"]
    assert still.status_code == 429 and still["Retry-After"] == "1"  # 61 s owed 14 s later
    assert refilled == [200, 429]  # 15 s later: back at a minute, one more request (15 s of budget) is answered
    assert client.get("/api/v1/estimate?dau=5M", REMOTE_ADDR="10.9.9.9").status_code == 200  # another address
    assert client.get("/healthz").status_code == 200  # never refused


def test_requests_under_the_free_allowance_are_never_charged(client, settings, costs):
    settings.CPU_SECONDS_PER_MINUTE = 0.2
    settings.CPU_FREE_MS = 20
    costs.ms = 20

    answers = [client.get("/api/v1/estimate?dau=5M").status_code for _ in range(30)]  # 600 ms, all free

    assert answers == [200] * 30


def test_another_worker_refuses_an_address_over_budget_before_any_work(settings, costs):
    settings.CPU_SECONDS_PER_MINUTE = 0.1  # 100 ms a minute: a request of 50 ms owes 30 s
    settings.CPU_FREE_MS = 20
    first, second = Client(), Client()  # two handlers: two sets of middleware, as two workers have

    spent = [first.get("/estimate.md?dau=5M").status_code for _ in range(4)]  # owes 30, 60, then 90 s
    before = costs.clock
    other = [second.get("/estimate.md?dau=5M").status_code for _ in range(2)]

    assert spent == [200, 200, 200, 429]
    assert other == [429, 429]  # read from the shared count before the work: no answer past the budget
    assert costs.clock == before  # the second worker never read the CPU clock: it did no work


def test_a_worker_reads_the_shared_count_only_for_an_address_that_owes_and_writes_it_in_twentieths_of_a_minute(
        client, settings, costs, monkeypatch):
    from django.core.cache import caches

    settings.CPU_SECONDS_PER_MINUTE = 10  # 10,000 ms a minute: a request of 250 ms owes 1.5 s
    settings.CPU_FREE_MS = 20
    cache = caches["throttle"]
    reads, writes = [], []
    get, advance = cache.get, cache.advance
    monkeypatch.setattr(cache, "get", lambda key, default=None, version=None: reads.append(key) or get(key, default))
    monkeypatch.setattr(cache, "advance", lambda key, seconds, now: writes.append(seconds) or advance(key, seconds, now))

    costs.ms = 5  # ordinary answers, free
    ordinary = [client.get("/api/v1/estimate?dau=5M").status_code for _ in range(20)]
    ordinary_reads = len(reads)
    costs.ms = 250  # expensive answers, each charged
    expensive = [client.get("/estimate.md?dau=5M").status_code for _ in range(4)]

    assert ordinary == [200] * 20 and ordinary_reads == 0  # never charged, never read
    assert expensive == [200] * 4
    # The first owed nothing: not read. Each later one is read first (the hint says it owes),
    # and every second charge reaches 3 s owed and is written (advance reads what it moves).
    assert writes == [3.0, 3.0]
    assert len(reads) == 3 + 2


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget_and_a_forged_one_none(client, settings,
                                                                                            costs):
    settings.CPU_SECONDS_PER_MINUTE = 0.1  # a request of 100 ms owes 60 s: two answered, then refused
    settings.CPU_FREE_MS = 20
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    costs.ms = 100

    def ask(peer, forwarded):
        return client.get("/api/v1/estimate?dau=5M", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded).status_code

    first = [ask("10.0.0.1", "203.0.113.5") for _ in range(3)]
    second = [ask("10.0.0.1", "203.0.113.6") for _ in range(3)]
    forged = [ask("10.0.0.9", f"203.0.113.{i}") for i in range(10, 13)]  # a peer no setting trusts

    assert first == [200, 200, 429] and second == [200, 200, 429]  # the proxy's clients, each its own budget
    assert forged == [200, 200, 429]  # counted as 10.0.0.9, whatever it forwards


def test_hints_are_shared_by_the_processes_forked_after_they_were_made():
    import os

    from estimator.clients import Hints

    hints = Hints(64)
    child = os.fork()
    if child == 0:  # a worker forked by the master: what it sets, the master and its siblings read
        hints.set("10.1.2.3", 123.0)
        os._exit(0)
    os.waitpid(child, 0)

    assert hints.get("10.1.2.3") == 123.0
    assert hints.get("10.1.2.4") == 0.0


class FakeTime:
    """The time module as GreenletClock reads it: the thread's CPU clock, advanced by hand,
    counting its reads (each a system call in a real worker)."""

    def __init__(self):
        self.seconds = 0.0
        self.reads = 0

    def thread_time(self):
        self.reads += 1
        return self.seconds

    def time(self):
        return 0.0


def test_under_gevent_a_request_is_charged_its_own_greenlets_cpu_not_the_others(monkeypatch):
    import greenlet

    from estimator.web import throttle

    cpu = FakeTime()  # the worker's one thread's CPU clock, advanced by hand
    monkeypatch.setattr(throttle, "time", cpu)
    clock = throttle.GreenletClock()
    read = {}
    try:
        def other():
            cpu.seconds += 0.300  # another client's estimate, run while the first request waits
            mine.switch()

        def request():
            began = clock.read()
            cpu.seconds += 0.010
            greenlet.greenlet(other).switch()  # waits (a socket, a lock): the hub runs others
            cpu.seconds += 0.005
            read["spent"] = clock.read() - began

        mine = greenlet.greenlet(request)
        mine.switch()
    finally:
        greenlet.settrace(clock.previous)

    assert read["spent"] == pytest.approx(0.015)  # 10 ms + 5 ms, not the 300 ms of the other



def test_under_gevent_switches_between_greenlets_nobody_meters_read_no_clock(monkeypatch):
    import greenlet

    from estimator.web import throttle

    cpu = FakeTime()
    monkeypatch.setattr(throttle, "time", cpu)
    clock = throttle.GreenletClock()
    try:
        def ping():  # the hub and a connection's greenlet going back and forth: nobody reads the clock
            for _ in range(10):
                pong.switch()

        def back():
            while True:
                ping_greenlet.switch()

        pong = greenlet.greenlet(back)
        ping_greenlet = greenlet.greenlet(ping)
        ping_greenlet.switch()
    finally:
        greenlet.settrace(clock.previous)

    assert cpu.reads == 0

# Answers that read saved scenarios: kept by each worker until any scenario changes ------------

def test_an_answer_that_reads_a_saved_scenario_is_computed_once_per_revision(client, monkeypatch, settings):
    from django.core.cache import caches

    from estimator.web import sites

    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                     "LOCATION": "stored-answers-test"}}
    caches["default"].clear()
    computed = []
    api_body = sites.Site.api_body
    monkeypatch.setattr(sites.Site, "api_body", lambda self, query: computed.append(1) or api_body(self, query))
    response = create(client, name="kept")
    slug = response["Location"].split("/")[2]
    url = f"/api/v1/estimate?scenario={slug}"

    first, again = client.get(url), client.get(url)
    client.post(f"/s/{slug}/", {"name": "kept", "revision": "1", "dau": "2M"})
    after = client.get(url)

    assert len(computed) == 2  # once for revision 1 (asked twice), once for revision 2
    assert first.json() == again.json() and "no-store" in again["Cache-Control"]
    assert first.json()["inputs"]["dau"]["value"] == 1_000_000
    assert after.json()["inputs"]["dau"]["value"] == 2_000_000


# Every form a page can hold fits its own link ---------------------------------------------------

def test_the_query_limit_holds_the_longest_form_any_calculator_can_send(settings):
    from estimator.domain import lines, system
    from estimator.domain.lang.limits import MAX_LENGTH
    from estimator.web.calculators import CALCULATORS

    def longest(name: str) -> int:  # characters a field takes, each up to 4 UTF-8 bytes of 3 characters once encoded
        limit = lines.MAX_CHARACTERS if name == "lines" else system.MAX_LENGTH if name == "system" else MAX_LENGTH
        return len(name) + 2 + limit * 4 * 3

    longest_form = max(sum(longest(spec.name) for spec in entry.calculator.inputs) for entry in CALCULATORS)

    assert longest_form + len("&scenario=") + 100 <= settings.MAX_QUERY_STRING_LENGTH


def test_lines_written_with_times_signs_fit_the_link_and_its_short_form(client):
    rows = [f"v{i} = " + "×".join(["2"] * 24) for i in range(50)]  # 50 rows of about 52 characters
    text = "\n".join(rows)
    query = urlencode({"lines": text, "dau": "1M"})
    assert len(text) <= 4000 and len(query) > 8000  # what the form holds; past the old limit of 8,000

    partial = client.get(f"/?{query}", HTTP_HX_REQUEST="true")
    submitted = client.get(f"/?{query}&reads_per_user=10")  # a plain submit: redirected to the short link
    followed = client.get(submitted["Location"])

    assert partial.status_code == 200 and "16.8M" in partial.content.decode()  # 2^24 = 16,777,216
    assert submitted.status_code == 302 and followed.status_code == 200
    assert "16.8M" in followed.content.decode()


def test_a_collection_while_a_greenlet_is_finalized_is_not_an_error(monkeypatch):
    from estimator.web import throttle

    class Finalizing:  # gevent's local when the current greenlet is being finalized (a worker's exit)
        def __getattr__(self, name):
            raise RuntimeError("greenlet is being finalized")

        def __setattr__(self, name, value):
            raise RuntimeError("greenlet is being finalized")

    monkeypatch.setattr(throttle, "_collections", Finalizing())

    throttle._collecting("start", {})
    throttle._collecting("stop", {})


def test_the_api_fast_path_keeps_short_paths_only(client):
    from estimator.web import middleware

    middleware._kept_route.cache_clear()
    long = "/api/" + "x" * 1000

    assert client.get("/api/v1/estimate?dau=5M").status_code == 200
    assert client.get(long).status_code == 404
    assert client.get("/api/v1/estimate?dau=6M").status_code == 200

    info = middleware._kept_route.cache_info()
    assert (info.currsize, info.hits) == (1, 1)  # the estimate's path, kept once and found again; not the long one
