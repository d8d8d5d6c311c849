"""The user's own lines travel everywhere inputs do: the page (each row's result beside it),
the htmx partial, the share link, saved scenarios and revisions, markdown, the JSON API (each
line a result, errors under lines:N) and the CLI."""

import json
import re
from html import unescape
from io import StringIO
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.core.management import call_command

from estimator.web.models import Scenario

pytestmark = pytest.mark.django_db

# 100M new URLs a day kept 10 years: 3.65e11 URLs; base62 needs ⌈log62(3.65e11)⌉ = 7 characters
# (62^6 = 5.7e10 < 3.65e11 ≤ 62^7 = 3.5e12).
URL_LINES = "urls = 100M req/day × 10 years\nkey_length = ceil(log(urls, 62))"
BAD_LINES = "urls = 100M req/day × 10 years\nbad = 1 KB + 5\nkey_length = ceil(log(urls, 62))"


def line_results(html: str) -> list[str]:
    """The texts of the rows beside the text area, in order."""
    part = html.split('id="line-results"', 1)[1].split("</ol>", 1)[0]
    items = [item.split(">", 1)[1].split("</li>", 1)[0] for item in part.split("<li")[1:]]
    return [unescape(re.sub(r'<span class="line-name">.*?</span>', "", item)).strip() for item in items]


def test_the_page_shows_each_lines_result_beside_its_row(client):
    response = client.get("/", {"lines": URL_LINES})

    html = response.content.decode()
    assert response.status_code == 200
    assert line_results(html) == ["365bn req", "7"]
    assert unescape(html).count(URL_LINES.split("\n")[0]) >= 1  # the text area keeps the text
    assert 'id="result-key_length"' in html


def test_the_htmx_partial_swaps_the_rows_results_out_of_band(client):
    response = client.get("/", {"lines": URL_LINES}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert '<ol id="line-results" class="line-results"' in html and 'hx-swap-oob="true"' in html
    assert line_results(html) == ["365bn req", "7"]
    assert parse_qs(urlparse(response["HX-Replace-Url"]).query)["lines"] == [URL_LINES]


def test_a_bad_line_is_refused_at_its_row_and_the_others_still_compute(client):
    html = client.get("/", {"lines": BAD_LINES}).content.decode()

    rows = line_results(html)
    assert rows[0] == "365bn req" and rows[2] == "7"
    assert rows[1].startswith("⚠ cannot add a size (B) and a plain number")
    assert "column 12" in rows[1]


def test_the_share_link_carries_the_lines_and_shows_the_same_results(client):
    page = client.get("/", {"lines": URL_LINES, "dau": "5M"}, follow=True).content.decode()
    share = unescape(page.split('id="share-link" href="', 1)[1].split('"', 1)[0])

    again = client.get(share).content.decode()

    assert parse_qs(urlparse(share).query) == {"dau": ["5M"], "lines": [URL_LINES]}
    assert line_results(again) == ["365bn req", "7"]


def test_the_api_answers_each_line_as_a_result(client):
    body = client.get("/api/v1/estimate", {"lines": URL_LINES}).json()

    assert body["results"]["urls"] == {"value": 3.65e11, "unit": "req", "display": "365bn req",
                                       "work": "100M req/day × 10 years = 365bn req"}
    assert body["results"]["key_length"]["value"] == 7
    assert body["results"]["key_length"]["work"] == "⌈log(365bn req, 62)⌉ = 7"
    assert body["inputs"]["lines"]["text"] == URL_LINES


def test_the_api_refuses_a_bad_line_under_its_number(client):
    response = client.get("/api/v1/estimate", {"lines": BAD_LINES})

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"lines:2"}
    assert "cannot add a size (B) and a plain number" in errors["lines:2"]


def test_a_check_is_true_or_false_in_the_api(client):
    lines = "budget = 1 ms + 0.5 ms + 10 ms\nredirect_ok = budget <= 500 ms\ntoo_slow = budget > 5 ms"

    results = client.get("/api/v1/estimate", {"lines": lines}).json()["results"]

    assert results["redirect_ok"]["value"] is True and results["redirect_ok"]["display"] == "yes"
    assert results["too_slow"]["value"] is True
    assert results["budget"]["value"] == pytest.approx(0.0115)


def test_money_per_period_is_reported_per_month(client):
    results = client.get("/api/v1/estimate", {"lines": "bill = $0.02/GB/month × 100 TB"}).json()["results"]

    # 100 TB × $0.02 per GB a month = 100,000 GB × $0.02 = $2,000 a month
    assert results["bill"]["unit"] == "USD/month"
    assert results["bill"]["value"] == pytest.approx(2000)
    assert results["bill"]["display"] == "$2,000/month"


def test_an_input_may_read_a_line(client):
    results = client.get("/api/v1/estimate", {"lines": "avg_write = 4 GB + 2 GB + 1 GB",
                                              "object_size": "avg_write ÷ 7", "dau": "1000",
                                              "writes_per_user": "1"}).json()["results"]

    # 1,000 users × 1 write a day × 1 GB = 1 TB a day
    assert results["storage_per_day"]["value"] == pytest.approx(1e12)


def test_markdown_has_a_table_of_lines_with_value_and_work(client):
    text = client.get("/estimate.md", {"lines": URL_LINES + "\n# a comment with <b>markup</b>"}).content.decode()

    assert "## Your lines" in text
    assert "| 1 | urls = 100M req/day × 10 years | 365bn req | 100M req/day × 10 years = 365bn req |" in text
    assert "| 2 | key\\_length = ceil(log(urls, 62)) | 7 | ⌈log(365bn req, 62)⌉ = 7 |" in text
    assert "&lt;b>markup&lt;/b>" in text and "<b>" not in text


def test_a_saved_scenario_and_its_revisions_keep_the_lines(client):
    response = client.post("/s/", {"name": "Shortener", "lines": URL_LINES})
    scenario = Scenario.objects.get(slug=response["Location"].split("/")[2])
    client.post(scenario.get_absolute_url(), {"name": "Shortener", "revision": "1",
                                              "lines": URL_LINES.replace("10 years", "5 years")})

    first = client.get(f"/s/{scenario.slug}/r/1/").content.decode()
    latest = client.get(scenario.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/scenarios/{scenario.slug}").json()

    assert scenario.revisions.get(number=1).inputs["lines"] == URL_LINES
    assert line_results(first) == ["365bn req", "7"]
    assert line_results(latest) == ["183bn req", "7"]  # 100M × 1,825 days
    assert api["results"]["urls"]["display"] == "183bn req"


def test_the_save_form_carries_the_lines_with_their_newlines(client):
    html = client.get("/", {"lines": URL_LINES}).content.decode()

    carried = html.split('<div id="carry"', 1)[1].split("</div>", 1)[0]
    assert 'name="lines" value="urls = 100M req/day × 10 years&#10;key_length' in carried


def test_the_cli_takes_lines_and_prints_them_as_results():
    out = StringIO()
    call_command("estimate", f"lines={URL_LINES}", "--format", "json", stdout=out)

    body = json.loads(out.getvalue())
    assert body["results"]["key_length"]["value"] == 7


def test_the_cli_exits_2_for_a_bad_line():
    err = StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("estimate", f"lines={BAD_LINES}", stdout=StringIO(), stderr=err)

    assert exit.value.code == 2


def test_lines_beyond_the_limits_are_refused_whole(client):
    fifty_one = "\n".join(f"x{i} = {i}" for i in range(51))

    response = client.get("/api/v1/estimate?" + urlencode({"lines": fifty_one}))

    assert response.status_code == 400
    assert "at most 50" in response.json()["errors"]["lines"]


def test_a_cycle_names_every_line_in_it(client):
    errors = client.get("/api/v1/estimate", {"lines": "a = b + 1\nb = a + 1\nc = 5"}).json()["errors"]

    assert set(errors) == {"lines:1", "lines:2"}
    assert "a → b → a" in errors["lines:1"] or "b → a → b" in errors["lines:1"]


def test_a_line_waiting_on_a_refused_line_asks_for_a_valid_one():
    from estimator.domain.estimate import ESTIMATE

    lines = "x = 1 KB + 5\ny = x × 2\nz = w + 1\nw = z + 1\nv = z × 2"

    result = ESTIMATE({"lines": lines})

    assert result.results["y"].work == "needs a valid line 1"  # line 1 adds a size and a plain number
    assert result.results["v"].work == "needs a valid line 3"  # lines 3 and 4 read each other
