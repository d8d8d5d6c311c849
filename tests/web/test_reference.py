from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.django_db


def test_the_reference_page_lists_every_figure_with_its_source(client):
    html = client.get("/reference/").content.decode()

    assert "ref.dc_round_trip" in html and "500 µs" in html
    assert "napkin-math" in html and "f1edabbb517a6574a44cff2c72384f031f78b03a" in html
    assert html.count('class="add"') >= 30


def test_a_search_narrows_the_list_and_says_when_nothing_matches(client):
    html = client.get("/reference/", {"q": "round trip"}).content.decode()
    none = client.get("/reference/", {"q": "zzz"}).content.decode()

    assert "ref.dc_round_trip" in html and "ref.disk_seek" not in html
    assert "No figure matches" in none


def test_add_appends_a_line_to_the_users_own_inputs_and_lines(client):
    html = client.get("/reference/", {"q": "datacenter", "from": "dau=5M&lines=x+%3D+1+ms"}).content.decode()

    link = unescape(html.split('class="add" href="', 1)[1].split('"', 1)[0])
    query = parse_qs(urlparse(link).query)
    assert urlparse(link).path == "/"
    assert query == {"dau": ["5M"], "lines": ["x = 1 ms\ndc_round_trip = ref.dc_round_trip"]}
    assert client.get(link.split("#")[0]).status_code in (200, 302)


def test_the_from_query_is_escaped_on_the_page(client):
    html = client.get("/reference/", {"from": '"><script>alert(1)</script>'}).content.decode()

    assert "<script>alert(1)" not in html


def test_the_calculator_links_to_the_reference_with_its_own_share_query(client):
    html = client.get("/", {"dau": "5M"}).content.decode()

    assert 'href="/reference/?from=dau%3D5M"' in html


def test_the_api_lists_each_figure_in_canonical_units(client):
    body = client.get("/api/v1/reference").json()["reference"]

    assert body["ref.dc_round_trip"]["value"] == pytest.approx(0.0005) and body["ref.dc_round_trip"]["unit"] == "s"
    assert body["ref.price_cpu"]["unit"] == "USD/month" and body["ref.price_cpu"]["value"] == pytest.approx(15)
    assert body["ref.disk_seek"]["source_url"].startswith("https://")
    assert len(body) >= 30


def test_a_preset_page_leads_with_its_answers_and_checks(client, presets):
    html = client.get("/s/url-shortener-1m-rps/").content.decode()

    summary = html.split('id="summary"', 1)[1].split("</section>", 1)[0]
    assert "key_length" in summary and ">7<" in summary
    assert 'class="pass"' in summary and "redirect_ok" in summary


def test_the_markdown_lists_checks_first(client, presets):
    text = client.get("/s/mobile-banking-four-nines.md").content.decode()

    assert text.index("## Requirements") < text.index("## Assumptions")
    assert "✅ passes: `four_nines`" in text
