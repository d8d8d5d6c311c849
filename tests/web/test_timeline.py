import pytest

pytestmark = pytest.mark.django_db


def test_the_page_draws_the_timeline_as_charts_with_a_table_beside_them(client):
    html = client.get("/", {"growth": "50%", "horizon": "3 years"}).content.decode()

    timeline = html.split('class="timeline"', 1)[1].split("</section>", 1)[0]
    assert timeline.count('<svg viewBox=') == 3 and timeline.count('role="img"') == 3
    assert timeline.count('<rect class="bar"') == 3 * 4  # three charts × years 0 to 3
    assert "<caption" in timeline and timeline.count("<tr><th scope=\"row\">") == 4
    assert "at 50% growth a year" in timeline and "style=" not in timeline  # the CSP allows no inline style


def test_the_htmx_partial_carries_the_timeline_so_the_charts_move_as_you_type(client):
    slow = client.get("/", {"growth": "0%"}, HTTP_HX_REQUEST="true").content.decode()
    fast = client.get("/", {"growth": "100%"}, HTTP_HX_REQUEST="true").content.decode()

    assert 'class="timeline"' in slow and 'class="timeline"' in fast
    assert slow.split('class="timeline"')[1] != fast.split('class="timeline"')[1]


def test_markdown_and_the_cli_carry_the_timeline_table(client):
    text = client.get("/estimate.md", {"horizon": "2 years"}).content.decode()

    table = text.split("### Timeline", 1)[1].split("## Bottlenecks", 1)[0]
    assert ("| Year | Daily users | Peak QPS | Storage held | App servers | Database nodes | Nodes in all "
            "| Cost per month |") in table
    assert table.count("\n| ") == 4  # header and years 0, 1, 2


def test_the_price_sheet_is_stated_on_the_page_and_in_every_export(client):
    html = client.get("/").content.decode()
    text = client.get("/estimate.md").content.decode()

    assert "list prices, 2026" in html and "list prices, 2026" in text


def test_the_cli_text_carries_the_timeline_table():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("estimate", "horizon=2 years", stdout=out)

    text = out.getvalue()
    assert "Timeline" in text and "Cost per month" in text
    assert len([line for line in text.split("Timeline", 1)[1].splitlines() if line.strip()]) == 4  # header, years 0–2


def test_a_cost_per_user_with_no_users_is_undefined_not_infinite(client):
    result = client.get("/api/v1/estimate", {"dau": "0"}).json()["results"]["cost_per_user_per_month"]

    assert result["value"] is None and "inf" not in result["display"] and "inf" not in result["work"]


def test_the_markdown_summary_carries_the_users_answers(client):
    text = client.get("/estimate.md", {"lines": "urls = 100M req/day × 10 years\nkey_length = ceil(log(urls, 62))"}
                      ).content.decode()

    summary = text.split("## Summary", 1)[1].split("## ", 1)[0]
    assert "- `key_length`: 7" in summary and "urls" not in summary  # urls is a step toward key_length


def test_a_year_that_cannot_compute_its_cost_has_no_bar_and_a_dash_on_the_page_and_in_markdown(client):
    # The CDN's hit rate reads the users: 50% today, 75% in year 1, 112.5% (past its field's
    # 100%) in year 2, whose cost per month cannot be computed (tests/domain/test_timeline.py).
    lines = ("edge = cdn(egress: 1 MB/s, hit_rate: dau / 864k user × 50%, price: $0.05/GB, "
             "origin_price: $0.05/GB)")
    query = {"dau": "864k", "growth": "50%", "horizon": "2 years", "lines": lines}
    html = client.get("/", query, HTTP_HX_REQUEST="true").content.decode()
    text = client.get("/estimate.md", query).content.decode()

    timeline = html.split('class="timeline"', 1)[1].split("</section>", 1)[0]
    cost = timeline.split('id="chart-cost_per_month-title"', 1)[1].split("</svg>", 1)[0]
    assert cost.count('<rect class="bar"') == 3 and '<title>Year 2: —</title>' in cost
    assert '<rect class="bar" x="' in cost and 'height="0.0"><title>Year 2' in cost
    years = text.split("### Timeline", 1)[1].split("## Bottlenecks", 1)[0].strip().split("\n")
    assert years[-1].startswith("| 2 | 1.94M users |") and years[-1].endswith("| — |")
