import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.test import Client

from .test_scenarios import save, save_workbench

pytestmark = pytest.mark.django_db


def compare(client, a, b, path="/compare/"):
    return client.get(path + "?" + urlencode({"a": a, "b": b}))


def table_rows(html: str, kind: str) -> list[tuple[str, str, str, str]]:
    """(name, A, B, change) of each row of the inputs or results table, in page order."""
    found = re.findall(rf'<tr id="compare-{kind}-(\w+)" class="\w+">\s*<th scope="row">.*?</th>\s*'
                       r'<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td class="change">(.*?)</td>', html, re.S)
    return [(name, unescape(a), unescape(b), unescape(re.sub("<[^>]+>", "", change))) for name, a, b, change in found]


def field_error(html: str, key: str) -> str:
    return unescape(re.search(rf'<p class="field-error" id="error-{key}">(.*?)</p>', html, re.S).group(1))


def test_two_share_queries_side_by_side_with_the_changes_first(client):
    response = compare(client, "dau=1M", "dau=2M&peak_factor=3")

    html = response.content.decode()
    assert response.status_code == 200
    inputs, results = table_rows(html, "inputs"), table_rows(html, "results")
    assert inputs[:2] == [("dau", "1M", "2M", "×2 (+100%)"), ("peak_factor", "2", "3", "×1.5 (+50%)")]
    assert inputs[2][3] == "same"
    assert results[0] == ("read_qps", "116 req/s", "231 req/s", "×2 (+100%)")  # 1M × 10 reads / 86,400 s
    assert dict((n, c) for n, _, _, c in results)["peak_qps"] == "×3 (+200%)"
    assert dict((n, c) for n, _, _, c in results)["nines"] == "same"
    assert "2 of 33 inputs and" in html


def test_the_change_is_from_a_to_b(client):
    results = table_rows(compare(client, "dau=2M", "dau=1M").content.decode(), "results")

    assert results[0] == ("read_qps", "231 req/s", "116 req/s", "×0.5 (−50%)")


def test_a_share_query_may_start_with_a_question_mark_or_be_a_whole_link(client):
    html = compare(client, "?dau=1M", "https://example.test/?dau=2M").content.decode()

    assert table_rows(html, "inputs")[0] == ("dau", "1M", "2M", "×2 (+100%)")
    assert 'href="/?dau=2M"' in html  # B opens on this site, whatever host the link named


def test_users_lines_are_compared_in_your_lines(client):
    a = "lines=tweets = dau × 2 req/user/day -> req/day"
    b = "dau=3M&lines=tweets = dau × 2 req/user/day -> req/day\nbig = tweets > 5M req/day"

    results = table_rows(compare(client, a, b).content.decode(), "results")

    rows = {name: (x, y, change) for name, x, y, change in results}
    assert rows["tweets"] == ("2M req/day", "6M req/day", "×3 (+200%)")
    assert rows["big"] == ("—", "yes", "added")
    assert [name for name, *_ in results].index("big") < [name for name, *_ in results].index("nines")


def test_scenario_revisions_by_slug_at_number(client):
    scenario = save(client, dau="1M")
    client.post(scenario.get_absolute_url(), {"name": "Chat", "revision": "1", "dau": "4M"})

    html = compare(client, f"{scenario.slug}@1", f"{scenario.slug}@2").content.decode()

    assert table_rows(html, "inputs")[0] == ("dau", "1M", "4M", "×4 (+300%)")
    assert f'href="/s/{scenario.slug}/r/1/"' in html and "Chat, revision 1" in html


def test_a_slug_alone_is_the_latest_revision_and_a_link_may_carry_edits(client):
    scenario = save(client, dau="1M")
    client.post(scenario.get_absolute_url(), {"name": "Chat", "revision": "1", "dau": "4M"})

    html = compare(client, scenario.slug, f"/s/{scenario.slug}/r/1/?peak_factor=4").content.decode()

    inputs = table_rows(html, "inputs")
    assert inputs[:2] == [("dau", "4M", "1M", "×0.25 (−75%)"), ("peak_factor", "2", "4", "×2 (+100%)")]
    assert "Chat, revision 1, with peak_factor=4" in html


def test_a_preset_in_a_share_query_is_the_starting_point(client):
    html = compare(client, "preset=photo-sharing-100m-dau",
                   "preset=photo-sharing-100m-dau&dau=50M").content.decode()

    assert table_rows(html, "inputs")[0] == ("dau", "100M", "50M", "×0.5 (−50%)")


def test_an_unknown_scenario_is_a_400_with_the_message_at_its_field(client):
    response = compare(client, "no-such-scenario", "dau=2M")

    html = response.content.decode()
    assert response.status_code == 400
    assert field_error(html, "a") == "there is no scenario 'no-such-scenario'"
    assert field_error(html, "b") == ""
    assert 'id="id_a" name="a" type="text" value="no-such-scenario"' in html and 'aria-invalid="true"' in html


def test_an_unknown_revision_names_the_revisions_there_are(client):
    scenario = save(client, dau="1M")

    response = compare(client, f"{scenario.slug}@7", f"{scenario.slug}@0")

    html = response.content.decode()
    assert response.status_code == 400
    assert field_error(html, "a") == f"the scenario '{scenario.slug}' has no revision 7; it has only revision 1"
    assert field_error(html, "b") == "there is no revision 0: revisions count from 1"


def test_a_huge_revision_number_is_a_message_not_a_database_error(client):
    scenario = save(client)

    response = compare(client, f"{scenario.slug}@99999999999", scenario.slug)

    assert response.status_code == 400
    assert "no revision 99999999999" in field_error(response.content.decode(), "a")


@pytest.mark.parametrize(("b", "message"), [
    ("dau=lots", "dau needs a count"),
    ("daux=5M", "'daux' is not an input; did you mean dau?"),
    ("lines=x = 1 KB + 5", "line 1:"),
    ("hello world", "there is no scenario 'hello world'"),
    ("/reference/?dau=1M", "'/reference/' is not a link to the calculator or to a scenario"),
    ("scenario=nope@2", "there is no scenario 'nope'"),
    ("preset=nope", "there is no preset 'nope'"),
    ("dau=1M\x00", "NUL"),
    ("", "Give a scenario's slug"),
])
def test_a_side_that_cannot_be_read_is_a_400_with_a_message(client, b, message):
    response = compare(client, "dau=1M", b)

    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "b")


def test_no_query_shows_the_empty_form_and_one_side_prefills_it(client):
    empty = client.get("/compare/")
    one = client.get("/compare/?a=dau%3D1M")
    bad_one = client.get("/compare/?a=nope")

    assert empty.status_code == 200 and 'method="get"' in empty.content.decode()
    assert field_error(empty.content.decode(), "a") == ""
    assert one.status_code == 200 and 'name="a" type="text" value="dau=1M"' in one.content.decode()
    assert field_error(one.content.decode(), "b") == "" and "compare-table" not in one.content.decode()
    assert bad_one.status_code == 400 and field_error(bad_one.content.decode(), "a") == "there is no scenario 'nope'"


def test_a_side_sent_empty_is_asked_for(client):
    response = client.get("/compare/?a=dau%3D1M&b=")
    markdown = client.get("/compare.md?a=dau%3D1M")

    assert response.status_code == 400 and "Give a scenario" in field_error(response.content.decode(), "b")
    assert markdown.status_code == 400 and "- `b`: Give a scenario" in markdown.content.decode()


def test_hostile_names_and_inputs_are_escaped_on_the_page(client):
    scenario = save(client, name="<script>alert(1)</script>", dau="1M")

    shown = compare(client, scenario.slug, "dau=2M&lines=x = 1 req # <b>bold</b>").content.decode()
    refused = compare(client, scenario.slug, 'dau=2M&lines=x = 1 req" onmouseover="alert(1)<script>')

    assert "<script>alert(1)</script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "<b>bold</b>" not in shown and "&lt;b&gt;bold&lt;/b&gt;" in shown
    html = refused.content.decode()
    assert refused.status_code == 400 and "line 1:" in field_error(html, "b")
    assert '" onmouseover="' not in html and "alert(1)<script>" not in html
    assert 'onmouseover=&quot;alert(1)&lt;script&gt;"' in html  # kept in the field, as text


def test_markdown_has_the_table_and_is_escaped(client):
    scenario = save(client, name="<img src=x onerror=alert(1)> | Chat", dau="1M")

    response = compare(client, scenario.slug, "dau=2M", path="/compare.md")

    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"] == "text/markdown; charset=utf-8"
    assert "| Daily active users | `dau` | 1M | 2M | ×2 (+100%) |" in text
    assert "| Reads per second | `read_qps` | Traffic | 116 req/s | 231 req/s | ×2 (+100%) |" in text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)> \\| Chat" in text
    assert f"<http://testserver/s/{scenario.slug}/>" in text
    assert f"Compare link: <http://testserver/compare/?a={scenario.slug}&b=dau%3D2M>" in text


def test_markdown_of_a_bad_side_is_a_400_listing_it(client):
    response = compare(client, "nope", "dau=2M", path="/compare.md")

    assert response.status_code == 400
    assert "- `a`: there is no scenario 'nope'" in response.content.decode()


def test_markdown_of_share_queries_is_cacheable_with_an_etag(client):
    first = compare(client, "dau=1M", "dau=2M", path="/compare.md")
    again = client.get("/compare.md?" + urlencode({"a": "dau=1M", "b": "dau=2M"}), HTTP_IF_NONE_MATCH=first["ETag"])

    assert "public" in first["Cache-Control"] and first["ETag"]
    assert again.status_code == 304


def test_markdown_that_reads_a_scenario_is_never_cached(client):
    scenario = save(client, dau="1M")

    for b in (scenario.slug, f"scenario={scenario.slug}&dau=2M", f"/s/{scenario.slug}/?dau=2M"):
        response = compare(client, "dau=2M", b, path="/compare.md")

        assert response.status_code == 200
        assert "public" not in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
        assert not response.has_header("ETag")


def test_the_compare_page_is_private(client):
    response = compare(client, "dau=1M", "dau=2M")

    assert "private" in response["Cache-Control"] and not response.has_header("ETag")


def test_a_renamed_scenario_shows_its_new_name(client):
    scenario = save(client, name="Old name")
    compare(client, scenario.slug, "dau=2M", path="/compare.md")

    client.post(scenario.get_absolute_url(), {"name": "New name", "revision": "1", "dau": "1M"})  # its owner renames it

    assert "# Compare: New name" in compare(client, scenario.slug, "dau=2M", path="/compare.md").content.decode()


def test_only_get(client):
    assert client.post("/compare/", {"a": "dau=1M", "b": "dau=2M"}).status_code == 405
    assert client.post("/compare.md", {"a": "dau=1M", "b": "dau=2M"}).status_code == 405


def test_the_swap_link_swaps_the_sides(client):
    html = compare(client, "dau=1M", "dau=2M").content.decode()

    swap = unescape(re.search(r'<a href="([^"]+)">Swap A and B</a>', html).group(1))
    assert table_rows(Client().get(swap).content.decode(), "inputs")[0] == ("dau", "2M", "1M", "×0.5 (−50%)")


def test_my_scenarios_offers_to_compare_each_one(client):
    scenario = save(client, name="Mine")

    html = client.get("/my/").content.decode()

    assert f'<a href="/compare/?a={scenario.slug}">compare with…</a>' in html
    assert 'value="' + scenario.slug + '"' in client.get(f"/compare/?a={scenario.slug}").content.decode()


def test_two_workbenches_compare_side_by_side(client):
    scenario = save_workbench(client, system="99.9%")
    client.post(scenario.get_absolute_url(), {"name": "Checkout", "revision": "1", "system": "99.9% | 99.9%"})

    html = compare(client, f"{scenario.slug}@1", f"{scenario.slug}@2").content.decode()
    with_link = compare(client, scenario.slug, "/availability/?system=99.9%25").content.decode()

    assert re.search(r'<tr id="compare-inputs-system" class="changed">', html)
    assert re.search(r'<tr id="compare-results-availability" class="changed">\s*<th[^>]*>.*?</th>\s*'
                     r'<td>99.9%</td>\s*<td>99.9999%</td>', html, re.S)
    assert re.search(r'<tr id="compare-results-downtime_per_year" class="changed">', html)
    assert re.search(r'<tr id="compare-results-availability" class="changed">', with_link)


def test_a_workbench_and_an_estimate_do_not_compare(client):
    scenario = save_workbench(client)

    response = compare(client, "dau=1M", scenario.slug)

    assert response.status_code == 400
    assert "B is an availability workbench and A an estimate" in response.content.decode()
