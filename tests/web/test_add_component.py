""""Add a component" on the page: a menu of every kind, and without JavaScript the form's Add
button asks the server, which adds the kind's template line to the lines under a free name."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from estimator.domain.components import KINDS
from estimator.domain.estimate import ESTIMATE
from estimator.web import presenters

pytestmark = pytest.mark.django_db


def lines_of(location: str) -> str:
    return parse_qs(urlsplit(location).query).get("lines", [""])[0]


def test_the_page_offers_every_kind_with_a_label_and_a_button_of_the_form(client):
    html = client.get("/").content.decode()

    options = re.findall(r'<option value="(\w+)" data-base="(\w+)" data-line="([^"]*)"', html)
    kinds = [kind for kind, _, _ in options]
    assert sorted(kinds) == sorted(KINDS)
    # those serving users' requests first, then those fed by others, the stores, and what is rented last
    assert kinds[:4] == ["connections", "servers", "queue", "workers"]
    assert kinds[-4:] == ["cdn", "fees", "object_store", "transfer"]
    assert '<label for="id_add_kind">Add a component</label>' in html
    assert 'name="add" value="component" form="estimate-form"' in html
    # the suggested lines are the kinds' templates: workers is `jobs = workers(…)`
    assert ("workers", "jobs", "jobs = workers(rate: write_qps, work: 50 ms)") in [
        (k, b, unescape(line)) for k, b, line in options]


def test_the_add_button_without_javascript_adds_the_line_and_answers_with_the_share_link(client):
    response = client.get("/", {"dau": "50M", "lines": "x = 1", "add_kind": "connections", "add": "component"})

    assert response.status_code == 302
    assert lines_of(response["Location"]) == "x = 1\nws = connections(concurrent: dau × 10%, messages: write_qps)"
    assert "add_kind" not in response["Location"]


def test_a_name_already_written_gets_a_suffix_and_a_builtin_name_is_never_reused(client):
    taken = client.get("/", {"lines": "jobs = 5\njobs_2 = 6", "add_kind": "workers", "add": "component"})
    beside_net = client.get("/", {"add_kind": "transfer", "add": "component"})

    assert lines_of(taken["Location"]).endswith("\njobs_3 = workers(rate: write_qps, work: 50 ms)")
    assert lines_of(beside_net["Location"]) == "net_2 = transfer(out: egress)"  # net is a default


def test_an_unknown_kind_or_no_button_adds_nothing(client):
    unknown = client.get("/", {"lines": "x = 1", "add_kind": "mainframe", "add": "component"})
    keystroke = client.get("/", {"lines": "x = 1", "add_kind": "workers"}, HTTP_HX_REQUEST="true")

    assert lines_of(unknown["Location"]) == "x = 1"
    assert "jobs" not in keystroke.content.decode()


def test_a_scenario_page_adds_to_the_saved_lines(client):
    created = client.post("/s/", {"name": "Chat", "lines": "x = 1"})
    page = created["Location"]

    html = client.get(page, {"add_kind": "queue", "add": "component"}).content.decode()

    assert "x = 1\nevents = queue(rate: write_qps, size: 1 KB)</textarea>" in unescape(html)
    assert 'id="component-events"' in html


def test_a_component_row_shows_its_nodes_bound_and_cost_beside_it(client):
    html = client.get("/", {"dau": "50M", "lines": "ws = connections(concurrent: dau × 10%)"}).content.decode()

    row = html.split('id="line-results"', 1)[1].split("</li>", 1)[0]
    # 5M connections: ⌈5M ÷ (100k × 70%)⌉ = 72 nodes × $150 = $10,800 a month
    assert re.sub(r"<[^>]+>", "", row).split(">", 1)[1].strip().endswith("72 nodes connections · $10.8k/month")


def test_the_lines_are_drawn_above_the_form_and_belong_to_it(client):
    html = client.get("/").content.decode()

    assert html.index('id="lines-editor"') < html.index('<form id="estimate-form"')
    assert '<textarea id="id_lines" name="lines" form="estimate-form"' in html
    assert "input changed from:#id_lines" in html and 'hx-params="not add_kind"' in html


def test_free_names_skip_inputs_results_lines_and_defaults():
    calculator = ESTIMATE
    taken = presenters._taken(calculator, "hot = 1")

    assert presenters.free_name("hot", taken) == "hot_2"
    assert presenters.free_name("cache", taken) == "cache_2" and presenters.free_name("dau", taken) == "dau_2"
    assert presenters.free_name("jobs", taken) == "jobs"
