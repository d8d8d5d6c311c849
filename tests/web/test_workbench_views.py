import re

import pytest

from .test_calculator import displays

pytestmark = pytest.mark.django_db


def test_the_workbench_page_draws_the_default_system(client):
    html = client.get("/availability/").content.decode()

    assert "<title>Availability workbench — estimator</title>" in html
    assert '<svg class="diagram diagram-wide"' in html and "Total: 99.98997%" in html
    assert displays(html)["availability"] == "99.98997%"
    assert "5 nines (99.999%)" in html  # the 1–6 nines downtime table


def test_htmx_gets_the_workbench_partial_and_the_share_link(client):
    response = client.get("/availability/", {"system": "99.9% -> 99.9%"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert response["HX-Replace-Url"] == "/availability/?system=99.9%25+-%3E+99.9%25"
    assert displays(html)["availability"] == "99.8001%"


def test_the_api_answers_with_values_in_canonical_units(client):
    body = client.get("/api/v1/availability", {"target": "99.9%", "window": "30 days"}).json()

    assert body["results"]["error_budget"]["value"] == pytest.approx(2592)
    assert body["results"]["error_budget"]["unit"] == "s"
    assert body["results"]["meets_target"]["value"] is True


def test_the_api_refuses_a_malformed_system_with_its_position(client):
    response = client.get("/api/v1/availability", {"system": "(a 99%"})

    assert response.status_code == 400
    assert response.json() == {"errors": {"system": "expected ')' to close the '(' of column 1, found the end at column 7"}}


def test_markdown_of_the_workbench_has_the_downtime_table(client):
    text = client.get("/availability.md", {"system": "99.9%"}).content.decode()

    assert "## Downtime per period" in text and "| this system | 1m 26.4s |" in text


def diagram_box(html: str) -> str:
    return re.search(r'<div id="diagram-box".*?</div>', html, re.S).group(0)


def test_a_phone_gets_a_tall_diagram_beside_the_wide_one_and_no_inline_style(client):
    box = diagram_box(client.get("/availability/").content.decode())

    assert box.startswith('<div id="diagram-box" class="diagram-box has-tall">')
    assert box.count('<svg class="diagram diagram-wide"') == 1 and box.count('<svg class="diagram diagram-tall"') == 1
    assert box.count("Total: 99.98997%") == 2
    assert "style=" not in box  # the CSP forbids inline styles: the layouts are chosen in app.css


def test_a_single_component_is_drawn_once(client):
    box = diagram_box(client.get("/availability/", {"system": "db 99.9%"}).content.decode())

    assert "has-tall" not in box and box.count("<svg") == 1


def test_a_quorum_with_named_components_through_htmx(client):
    response = client.get("/availability/", {"system": "api gateway 99.95% -> 2 of 3 x db 99.9%"},
                          HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert displays(html)["availability"] == "99.9497%"  # 0.9995 × (3 × 0.999² × 0.001 + 0.999³)
    assert "2 of 3 × (2 must be up)" in html and ">api gateway<" in html


def test_the_api_gives_the_burn_rate_alert_thresholds(client):
    results = client.get("/api/v1/availability", {"window": "28 days"}).json()["results"]

    # 2% × 672 h ÷ 1 h, 5% × 672 h ÷ 6 h, 10% × 28 days ÷ 3 days
    assert results["alert_page_1h"]["value"] == pytest.approx(13.44)
    assert results["alert_page_6h"]["value"] == pytest.approx(5.6)
    assert results["alert_ticket_3d"]["value"] == pytest.approx(0.9333333)
    assert results["alert_page_1h"]["unit"] == ""


def test_a_result_waiting_for_an_optional_input_says_which_in_sight(client):
    page = client.get("/availability/").content.decode()

    # No error rate given: the burn rate waits for it, and says so on the card, not behind "Work"
    card = re.search(r'<div class="result unavailable" id="result-burn_rate">(.*?)</div>', page, re.S).group(1)
    assert '<dd class="why">needs error_rate</dd>' in card
    assert "<details>" not in card


def test_the_workbench_partial_sends_nothing_for_lines_it_does_not_have(client):
    # Out-of-band elements without a target on the page are an htmx error at every keystroke
    partial = client.get("/availability/", {"target": "99.95%"}, HTTP_HX_REQUEST="true").content.decode()
    estimate = client.get("/", {"dau": "2M"}, HTTP_HX_REQUEST="true").content.decode()

    for element in ('id="line-results"', 'id="line-errors"', 'id="reference-link"'):
        assert element not in partial
        assert element in estimate
