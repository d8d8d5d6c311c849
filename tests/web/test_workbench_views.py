import pytest

from .test_calculator import displays

pytestmark = pytest.mark.django_db


def test_the_workbench_page_draws_the_default_system(client):
    html = client.get("/availability/").content.decode()

    assert "<title>Availability workbench — estimator</title>" in html
    assert '<svg class="diagram"' in html and "Total: 99.98997%" in html
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
