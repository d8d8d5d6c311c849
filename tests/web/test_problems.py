"""The problem library's page and API, practice mode as a page (a shareable GET) and as an API,
and the problems as saved scenarios loaded the way the presets are."""

import json
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command

from estimator.domain.practice import solved
from estimator.domain.problems import PROBLEMS
from estimator.web.models import Scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def problems(db):
    """The problems' saved scenarios, as `manage.py load_presets` writes them."""
    from estimator.web.models import Revision
    from estimator.web.problems import sync_problems

    sync_problems(Scenario, Revision)


def test_the_problems_page_lists_every_problem_grouped_with_its_statement_source_and_headline(client):
    html = unescape(client.get("/problems/").content.decode())

    for group in ("Core distributed systems", "Social and content", "Search and query",
                  "E-commerce and transactions", "Infrastructure", "The big-tech classics"):
        assert group in html
    assert html.count('class="problem"') == len(PROBLEMS)
    assert "Chat (WhatsApp-like), 50M DAU" in html
    assert "A chat service for 50M daily users: one-to-one and groups of up to 100." in html
    assert "Alex Xu, System Design Interview – An Insider's Guide (vol. 1), ch. 12 'Design a chat system'" in html
    assert "$533k/month" in html  # the chat's headline cost
    assert 'href="/problems/chat-50m-dau/practice/"' in html and 'href="/s/chat-50m-dau/"' in html


def test_a_search_without_javascript_narrows_the_list(client):
    html = client.get("/problems/", {"q": "kleppmann"}).content.decode()
    none = client.get("/problems/", {"q": "zzz"}).content.decode()

    assert html.count('class="problem"') == 1 and "Twitter home timelines" in html
    assert "No problem matches" in none


def test_every_page_links_to_the_problems(client):
    for path in ("/", "/reference/", "/problems/", "/problems/pastebin/practice/"):
        assert 'href="/problems/"' in client.get(path).content.decode(), path


def test_the_api_lists_the_problems():
    from django.test import Client

    body = json.loads(Client().get("/api/v1/problems").content)

    assert len(body) == len(PROBLEMS)
    chat = next(p for p in body if p["slug"] == "chat-50m-dau")
    assert set(chat) == {"slug", "name", "group", "source", "statement"}
    assert chat["group"] == "Social and content"


def test_practice_shows_the_statement_and_givens_and_asks_without_the_answers(client):
    html = unescape(client.get("/problems/chat-50m-dau/practice/").content.decode())

    assert "A chat service for 50M daily users" in html
    assert "Chosen here:" in html and "10% of users connected" in html
    assert html.count('class="practice-row') == 4
    assert 'name="ws.nodes"' in html
    assert "the problem's figure is" not in html and "The work" not in html  # no answer before answering
    assert "Published:" not in html  # the published figures are answers too


def test_an_attempt_is_a_shareable_link_graded_figure_by_figure(client):
    # 23,148 messages/s expected; 5M connections ÷ 70k = 72 servers; 50 GB; 1.095 PB
    link = "/problems/chat-50m-dau/practice/?write_qps=23k%2Fs&ws.nodes=720&ws.memory=50+GB%2Fs&db.storage=2+PB"
    html = unescape(client.get(link).content.decode())

    assert "close" in html
    assert "off: 10× too high" in html
    assert "ballpark: 1.8× too high" in html  # 2 PB ÷ 1.095 PB
    assert "'50 GB/s' is a bandwidth (B/s); Memory for connections needs a size (B)" in html
    assert 'value="720"' in html  # the answer stays in its field: the link is the attempt
    assert "Hint, the first step:" in html and "ws.concurrent × ws.memory_each" not in html  # no hint for a refused answer
    assert "dau × writes_per_user" in html  # the first step of the messages' work
    assert "50M users × 40 req/user/day × 1 day ÷ 24 h = 23.1k req/s" in html  # the work, on request (a details element)


def test_a_figure_not_asked_is_a_400_on_the_page(client):
    response = client.get("/problems/chat-50m-dau/practice/", {"peak_qps": "1k/s"})

    assert response.status_code == 400
    assert "'peak_qps' is not asked here" in unescape(response.content.decode())


def test_an_unknown_problem_is_a_404(client):
    assert client.get("/problems/nope/practice/").status_code == 404
    assert client.get("/api/v1/problems/nope/practice").status_code == 404


def test_the_practice_api_grades_the_same_way(client):
    body = json.loads(client.get("/api/v1/problems/chat-50m-dau/practice",
                                 {"write_qps": "23k/s", "ws.nodes": "7", "ws.memory": "50 GB/s"}).content)

    assert body["asks"] == ["write_qps", "ws.nodes", "ws.memory", "db.storage"]
    assert body["grades"]["write_qps"]["verdict"] == "close"
    assert body["grades"]["write_qps"]["unit"] == "req/s"
    assert body["grades"]["write_qps"]["expected"] == pytest.approx(50e6 * 40 / 86400)
    assert body["grades"]["ws.nodes"]["verdict"] == "off"
    assert body["grades"]["ws.nodes"]["ratio"] == pytest.approx(7 / 72)
    assert body["errors"] == {"ws.memory": "'50 GB/s' is a bandwidth (B/s); Memory for connections needs a size (B)"}


def test_the_practice_api_reports_money_per_month(client):
    # 1M SMS a day × 30 days × $0.0079 = $237,000 a month
    body = json.loads(client.get("/api/v1/problems/notifications/practice", {"sms.cost": "$240k/month"}).content)

    grade = body["grades"]["sms.cost"]
    assert grade["unit"] == "USD/month" and grade["expected"] == pytest.approx(237_000)
    assert grade["verdict"] == "close"


def test_the_practice_api_with_no_answers_names_the_figures_asked(client):
    response = client.get("/api/v1/problems/pastebin/practice")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "grades": {}, "errors": {},
        "asks": ["writes_per_second", "reads_per_second", "pastes_per_month", "pastes_held"]}


def test_the_practice_api_refuses_an_unknown_figure_with_a_400_listing_the_figures_asked(client):
    response = client.get("/api/v1/problems/pastebin/practice", {"peak_qps": "1k/s"})

    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["asks"] == ["writes_per_second", "reads_per_second", "pastes_per_month", "pastes_held"]
    assert "'peak_qps' is not asked here" in body["error"]
    assert body["errors"] == {"peak_qps": "'peak_qps' is not asked here; the figures asked are writes_per_second, "
                                          "reads_per_second, pastes_per_month, pastes_held"}


def test_load_presets_writes_the_problems_as_saved_scenarios_once():
    out = StringIO()
    call_command("load_presets", stdout=out)
    again = StringIO()
    call_command("load_presets", stdout=again)

    assert "presets and problems up to date" in out.getvalue()
    assert again.getvalue().strip() == "presets and problems up to date (0 written)"
    chat = Scenario.objects.get(slug="chat-50m-dau")
    assert chat.is_preset and chat.name == "Chat (WhatsApp-like), 50M DAU"
    assert Scenario.objects.filter(slug__in=[p.slug for p in PROBLEMS]).count() == len(PROBLEMS)


def test_a_problem_opens_as_a_scenario_linking_to_its_practice(client, problems):
    html = unescape(client.get("/s/stock-exchange/").content.decode())

    assert "Stock exchange, 1bn orders a day" in html
    assert 'class="kicker">Problem' in html
    assert 'href="/problems/stock-exchange/practice/"' in html
    assert "engine = memory_store(" in html


def test_problems_do_not_crowd_the_presets_on_my_scenarios(client, problems, presets):
    html = client.get("/my/").content.decode()

    assert "Photo sharing app, 100M DAU" in html
    assert "Chat (WhatsApp-like)" not in html


def test_every_problem_opens_as_a_scenario_page_markdown_and_api(client, problems):
    for problem in PROBLEMS:
        page = client.get(f"/s/{problem.slug}/")
        markdown = client.get(f"/s/{problem.slug}.md")
        api = client.get(f"/api/v1/scenarios/{problem.slug}")

        assert (page.status_code, markdown.status_code, api.status_code) == (200, 200, 200), problem.slug
        assert problem.name in unescape(page.content.decode())
        assert json.loads(api.content)["results"]["cost_per_month"]["display"] == solved(problem).results["cost_per_month"].display
