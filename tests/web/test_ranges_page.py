"""Ranges on the page (shared/spec/estimate.md, Ranges): a result a range reaches shows its
median and 90% interval, the input or line that drives it, and a sketch of its distribution
drawn on the server (SVG, no script, no inline style); the page states the convention and
shows where a range may be typed; a malformed range is answered at its field; the API
carries the interval."""

import re
from html import unescape

import pytest

from estimator.domain.estimate import ESTIMATE

pytestmark = pytest.mark.django_db

RANGED = {"dau": "50M to 200M"}
LINES = "lat = 5 ms to 50 ms\nok = lat + 10 ms <= 40 ms"


def card(html: str, name: str) -> str:
    """The markup of one result card."""
    start = html.index(f'id="result-{name}"')
    end = html.find('<div class="result', start)
    return html[start:end if end != -1 else None]


def cards(html: str) -> str:
    """Every result card of the page, and nothing else."""
    return html.split('<dl class="result-list">', 1)[1].split("<h3>Conventions</h3>", 1)[0]


def text(markup: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def value_of(markup: str) -> str:
    return text(markup.split('<dd class="value">', 1)[1].split("</dd>", 1)[0])


def page(client, query: dict, **headers) -> str:
    response = client.get("/", query, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_ranged_input_shows_the_interval_its_driver_and_a_sketch_in_the_card(client):
    html = page(client, RANGED)
    peak = card(html, "peak_qps")

    expected = ESTIMATE(RANGED).results["peak_qps"].display
    assert re.fullmatch(r"[\d.]+k req/s \([\d.]+k – [\d.]+k\)", expected)  # e.g. 25.3k req/s (12.8k – 49.8k)
    assert value_of(peak) == expected
    assert '<span class="interval">(' in peak  # the interval wraps as one piece on a narrow card
    assert 'driven by <a href="#id_dau">Daily active users</a>' in peak
    assert '<details class="distribution"><summary>Distribution</summary><svg class="sketch"' in peak
    assert 'role="img" aria-labelledby="sketch-peak_qps"' in peak


def test_the_sketch_says_the_interval_and_median_with_their_units_and_marks_them_in_order(client):
    peak = card(page(client, RANGED), "peak_qps")
    median, low, high = re.fullmatch(r"(.+) \((.+) – (.+)\)", value_of(peak)).groups()

    title = text(re.search(r'<title id="sketch-peak_qps">(.*?)</title>', peak)[1])
    assert title.startswith(f"90% between {low} req/s and {high} req/s, median {median}")
    band = re.search(r'<path class="band" d="M([\d.]+) 0H([\d.]+)V40H[\d.]+z"/>', peak)
    line = re.search(r'<path class="median" d="M([\d.]+) 0V44"/>', peak)
    bars = re.search(r'<path class="bars" d="M0 40((?:V\d+h10)+)V40z"/>', peak)
    assert band and line and bars
    assert 0 < float(band[1]) < float(line[1]) < float(band[2]) < 240
    heights = [40 - int(v) for v in re.findall(r"V(\d+)h10", bars[1])]
    assert len(heights) == 24 and max(heights) == 36 and min(heights) >= 0
    assert len(peak.split("<svg", 1)[1].split("</svg>", 1)[0]) < 900  # a few hundred bytes


def test_a_wide_range_is_sketched_on_a_log_scale_and_a_narrow_one_on_a_linear_scale(client):
    html = page(client, {"dau": "1M to 500M"})

    assert "1st to 99th percentile, log scale" in card(html, "read_qps")  # 500× wide
    assert "(log scale)</title>" in card(html, "read_qps")
    factor_only = page(client, {"peak_factor": "2.5 to 3"})
    assert "1st to 99th percentile, linear scale" in card(factor_only, "peak_qps")
    assert "log scale" not in card(factor_only, "peak_qps")


def test_a_line_drives_a_check_that_passes_in_some_cases_only(client):
    html = page(client, {"lines": LINES})
    ok, lat = card(html, "ok"), card(html, "lat")

    shown = value_of(ok)
    percent = float(re.fullmatch(r"passes in ([\d.]+)% of cases", shown)[1])
    assert 0 < percent < 100
    assert 'driven by <a href="#result-lat"><code>lat</code></a>' in ok
    passing = float(re.search(r'<rect class="pass" x="0" y="0" width="([\d.]+)"', ok)[1])
    failing = float(re.search(r'<rect class="fail" x="[\d.]+" y="0" width="([\d.]+)"', ok)[1])
    assert passing + failing == pytest.approx(240)
    assert passing / 240 * 100 == pytest.approx(percent, abs=0.6)
    assert f"Passes in {shown.split()[2]} of 2,000 cases" in ok
    # A range's own card is sketched but not "driven by" itself.
    assert "<svg class=\"sketch\"" in lat and "driven by" not in lat


def test_a_page_without_ranges_has_no_interval_driver_or_sketch(client):
    html = cards(page(client, {"dau": "100M", "lines": "x = 5 ms + 10 ms"}))

    assert 'id="result-peak_qps"' in html and 'id="result-x"' in html
    for absent in ("Distribution", 'class="sketch', "driven by", 'class="interval"', 'class="spread"'):
        assert absent not in html


def test_results_a_range_does_not_reach_or_cannot_widen_have_no_sketch(client):
    estimate = ESTIMATE(RANGED)
    replicas = estimate.results["read_replicas"]
    assert replicas.spread is not None and not replicas.spread.wide  # reached, but 2 in every sample
    assert estimate.results["nines"].spread is None  # not reached

    html = page(client, RANGED)
    for name in ("read_replicas", "nines"):
        assert "Distribution" not in card(html, name) and "driven by" not in card(html, name)
    assert value_of(card(html, "read_replicas")) == replicas.display


def test_the_htmx_partial_carries_the_same_cards_and_the_same_link_the_same_figures(client):
    full = card(page(client, RANGED), "peak_qps")
    partial = card(page(client, RANGED, HTTP_HX_REQUEST="true"), "peak_qps")
    again = card(page(client, RANGED), "peak_qps")

    assert "<svg class=\"sketch\"" in partial
    assert partial == full == again


def test_the_cards_keep_to_the_content_security_policy(client):
    html = page(client, {**RANGED, "lines": LINES})
    results = cards(html)

    assert results.count('<svg class="sketch') > 20
    assert " style=" not in results and "<script" not in results
    assert not re.search(r"<[^>]+\son\w+=", results)


def test_an_input_driver_is_named_by_its_label(client):
    html = page(client, {"dau": "50M to 200M", "object_size": "200 KB to 1 MB"})

    assert 'driven by <a href="#id_object_size">Size of one write</a>' in card(html, "storage_total")
    assert 'driven by <a href="#id_dau">Daily active users</a>' in card(html, "read_qps")


@pytest.mark.parametrize(("name", "typed"), [
    ("dau", "1e30 to 1e-30"), ("dau", "0 to 0"), ("dau", "1 to 2 to 3"), ("object_size", "5 ms to 10 GB"),
    ("dau", "50M to"), ("dau", "to 200M"), ("dau", "-5 to 5"), ("dau", "1e29 to 1e30"),
    ("availability", "99% to 5 GB"), ("object_size", "1 KB to 5"),
])
def test_a_malformed_range_is_answered_at_its_field_never_a_500(client, name, typed):
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        html = page(client, {name: typed}, **headers)
        if headers:
            message = re.search(rf'<p data-error="{name}">(.*?)</p>', html)[1]
        else:
            message = re.search(rf'<p class="field-error" id="error-{name}">(.*?)</p>', html)[1]
            assert re.search(rf'id="id_{name}"[^>]*aria-invalid="true"', html)
        assert message.strip(), f"no message at {name} for {typed!r}"
        assert "Distribution" not in cards(html)


def test_a_malformed_range_in_a_line_is_answered_at_its_row(client):
    html = page(client, {"lines": "ok = 1 ms\nbad = 1e30 to 1e-30 ms\nalso = 5 to 0 to 1"})

    rows = html.split('id="line-results"', 1)[1].split("</ol>", 1)[0]
    assert rows.count('class="error"') == 2
    assert "1 ms" in text(rows)


def test_the_page_states_the_ranges_convention_and_where_to_type_one(client):
    html = unescape(page(client, {}))
    conventions = text(html.split("<h3>Conventions</h3>", 1)[1].split("</ul>", 1)[0])
    lede = text(html.split('class="lede"', 1)[1].split("</p>", 1)[0])
    lines_help = text(html.split('id="help-lines"', 1)[1].split("</p>", 1)[0])

    assert "A range, low to high (50M to 200M, 200 KB to 1 MB), is a 90% interval" in conventions
    for said in ("lognormal when both ends are positive", "normal otherwise", "2,000 samples",
                 "same link shows the same figures", "Spearman"):
        assert said in conventions
    assert "50M to 200M" in lede
    assert "latency = 5 ms to 50 ms" in lines_help
    assert "latency = 5 ms to 50 ms" in html.split('id="id_lines"', 1)[1].split(">", 1)[0]  # the placeholder


def test_a_placeholders_range_line_is_a_valid_line():
    result = ESTIMATE({"lines": "latency = 5 ms to 50 ms"}).results["latency"]
    assert result.spread is not None and result.spread.wide


def test_the_compare_page_states_the_ranges_convention(client):
    response = client.get("/compare/?a=dau%3D50M%20to%20200M&b=dau%3D1M")

    assert response.status_code == 200
    assert "is a 90% interval" in unescape(response.content.decode())


def test_the_api_carries_the_interval_and_driver(client):
    body = client.get("/api/v1/estimate?dau=50M+to+200M").json()
    peak = body["results"]["peak_qps"]

    assert set(peak["range"]) == {"p5", "p50", "p95", "driver"}
    assert peak["range"]["driver"] == "dau"
    assert 0 < peak["range"]["p5"] < peak["range"]["p50"] < peak["range"]["p95"]
    assert peak["value"] == peak["range"]["p50"]
    assert peak["display"] == ESTIMATE(RANGED).results["peak_qps"].display
    assert "range" not in client.get("/api/v1/estimate?dau=100M").json()["results"]["peak_qps"]


def test_the_summary_sets_the_interval_apart_and_says_how_often_a_check_passes(client):
    html = page(client, {**RANGED, "lines": LINES})
    summary = html.split('id="summary"', 1)[1].split("</section>", 1)[0]

    peak = re.search(r'<a href="#result-peak_qps">(.*?)</a>', summary)[1]
    assert re.fullmatch(r'[\d.]+k req/s <span class="interval">\([\d.]+k – [\d.]+k\)</span>', peak)
    check = re.search(r'<a href="#result-ok"><code>ok</code></a> (.*?): <span class="work">', summary)[1]
    assert re.fullmatch(r"passes in [\d.]+% of cases", check)
    # neither a pass nor a fail: marked as the markdown marks it
    assert re.search(r'<li class="partial"><span class="mark" aria-hidden="true">⚠</span> <a href="#result-ok">', summary)


def test_every_piece_of_a_card_is_escaped():
    import numpy as np

    from estimator.domain.engine import Result
    from estimator.domain.ranges import Spread
    from estimator.web.templatetags.estimator import result_cards, shown

    samples = np.random.default_rng(1).lognormal(0, 1, 2000)
    spread = Spread(1.0, 2.0, 4.0, "<b>x</b>", samples=samples)
    hostile = Result("<i>n</i>", "<script>l</script>", "Lines", "", 2.0, "<u>2</u> (<u>1</u> – <u>4</u>)",
                     "<em>work</em>", spread=spread)

    html = str(result_cards([hostile])) + str(shown(hostile))
    assert "<u>" not in html and "<b>" not in html and "<i>" not in html and "<script>" not in html
    assert "<em>" not in html and "&lt;u&gt;1&lt;/u&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert '<svg class="sketch"' in html


def test_a_ranged_page_with_components_draws_every_distribution(client):
    # Counts, percentiles and availabilities of components over a range: many samples pile on
    # one figure (a floor of 2 nodes), so a histogram's bins may have no width; the page still draws.
    response = client.get("/", {"dau": "50M to 200M", "reads_per_user": "20", "object_size": "200 KB to 1 MB",
                                "availability": "99.9% to 99.99%", "lines": "lat = 5 ms to 50 ms"}, follow=True)

    assert response.status_code == 200
    assert response.content.decode().count('<svg class="sketch"') > 10
