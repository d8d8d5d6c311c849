import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def displays(html: str) -> dict[str, str]:
    """Result name → display value, read from the rendered results."""
    found = re.findall(r'id="result-(\w+)">\s*<dt>.*?</dt>\s*<dd class="value">([^<]*)', html, re.S)
    return {name: unescape(value).strip() for name, value in found}


def test_the_page_with_no_query_is_a_full_estimate_from_the_defaults(client):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Calculator — estimator</title>" in html
    assert 'rel="icon"' in html
    assert displays(html)["read_qps"] == "116 req/s"  # 1M users × 10 reads a day
    assert 'hx-get="/"' in html and 'hx-target="#results"' in html
    assert 'method="get"' in html  # works without JavaScript


def test_every_input_has_a_label_tied_to_it(client):
    html = client.get("/").content.decode()

    for field_id in re.findall(r'<(?:input|select) id="(id_\w+)"', html):
        assert f'<label for="{field_id}">' in html


def test_htmx_gets_only_the_results_partial_with_errors_out_of_band(client):
    response = client.get("/", {"dau": "100M", "object_size": "5 m"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert '<div id="field-notes" hx-swap-oob="true" hidden>' in html and '<p data-error="object_size">' in html
    assert "is a length; object_size needs a size such as 500 KB" in unescape(html)
    assert displays(html)["read_qps"] == "11.6k req/s"
    assert displays(html)["storage_per_day"] == "unavailable"
    assert response["HX-Replace-Url"] == "/?dau=100M&object_size=5+m"
    assert "HX-Request" in response["Vary"]


def test_a_full_submit_redirects_to_the_short_share_link(client):
    response = client.get("/", {"dau": "100M", "reads_per_user": "10", "peak_factor": "2"})

    assert response.status_code == 302
    assert response["Location"] == "/?dau=100M"


def test_the_share_link_carries_only_what_differs_and_reproduces_the_api(client):
    page = client.get("/", {"dau": "100M", "reads_per_user": "5", "object_size": "500 KB"})
    api = client.get("/api/v1/estimate", {"dau": "100M", "reads_per_user": "5", "object_size": "500 KB"}).json()

    shown = displays(page.content.decode())
    # A component's parameters and results are in its Architecture section, not among the cards.
    assert shown == {name: result["display"] for name, result in api["results"].items() if "." not in name}


def test_bad_input_shows_its_message_at_the_field_and_is_not_a_500(client):
    response = client.get("/?dau=lots")

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html
    assert "dau needs a count such as 100M, got 'lots'" in html
    assert displays(html)["nines"] == "3"  # what does not depend on dau is still shown


def test_markdown_of_the_photo_preset_inputs(client):
    query = "dau=100M&reads_per_user=5&writes_per_user=0.1&object_size=500+KB&response_size=200+KB"

    response = client.get(f"/estimate.md?{query}")

    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert text.startswith("# Back-of-envelope estimate\n")
    headings = re.findall(r"^#+ .*$", text, re.M)
    # The design doc's sections, in the contract's order (architecture.md, The diagram and the design doc).
    assert headings == [
        "# Back-of-envelope estimate", "## Summary", "## Requirements", "## Capacity estimation", "### Traffic",
        "### Data", "### Capacity", "### Availability", "## High-level design", "### Components",
        "## Cost and growth", "### Cost", "### Timeline", "## Bottlenecks", "## Assumptions", "### Inputs as typed",
        "### Price sheet", "### Conventions"]
    assert "| Size of one write | `object_size` | 500 KB |" in text
    assert "| New data per year (one copy) | `storage_per_year` | 1.83 PB/yr |" in text
    assert f"Share link: <http://testserver/?{query}>" in text


def test_markdown_with_a_bad_input_is_a_400_that_lists_it(client):
    response = client.get("/estimate.md?dau=lots")

    assert response.status_code == 400
    assert "- `dau`: " in response.content.decode()


def test_pure_answers_have_validators_and_answer_304_when_unchanged(client):
    first = client.get("/api/v1/estimate?dau=5M")

    again = client.get("/api/v1/estimate?dau=5M", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"] and "max-age=300" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert again.status_code == 304
    assert client.get("/api/v1/estimate?dau=6M", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_security_headers_and_a_content_security_policy_without_inline_script(client):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.content.decode()  # only <script src=...> tags


def test_htmx_is_served_from_our_own_static_files(client):
    html = client.get("/").content.decode()

    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert any("htmx" in src for src in scripts)
    assert all(src.startswith("/static/") for src in scripts)
    assert 'name="htmx-config"' in html and '"allowEval": false' in html


def test_the_binary_switch_changes_size_display(client):
    html = client.get("/?dau=100M&size_units=binary").content.decode()

    assert displays(html)["storage_total"].endswith("iB")


def test_an_overlong_query_is_refused_before_any_work(client, settings):
    overlong = "1" * settings.MAX_QUERY_STRING_LENGTH

    assert client.get("/?dau=" + overlong).status_code == 414
    assert client.get("/api/v1/estimate?dau=" + overlong).json()["errors"]["query"].startswith("The query string")


def test_nines_link_to_the_workbench_with_the_target(client):
    html = client.get("/?availability=99.99%25").content.decode()

    assert 'href="/availability/?target=99.99%25"' in html


def test_favicon_ico_points_at_the_svg(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def test_pages_are_compressed_for_clients_that_accept_it(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200 and response.content == b"ok"


def test_input_names_are_plain_identifiers_safe_in_markup():
    from estimator.domain.inputs import INPUTS
    from estimator.domain.workbench import WORKBENCH_INPUTS

    assert all(re.fullmatch(r"[a-z_]+", spec.name) for spec in (*INPUTS, *WORKBENCH_INPUTS))


# Inputs no result reads are marked, on the page, in its htmx partial and in the markdown ------

GIVEN_RATES = {"read_qps": "1M/s", "write_qps": "10k/s"}
UNUSED_WHY = "not used: read_qps and write_qps are given"


def unused_notes(html: str) -> dict[str, str]:
    found = re.findall(r'<p class="unused-note" id="unused-(\w+)"[^>]*>([^<]*)</p>', html)
    return {name: unescape(text).strip() for name, text in found}


def test_the_page_notes_why_users_and_their_rates_are_unused(client):
    html = client.get("/", GIVEN_RATES).content.decode()

    notes = unused_notes(html)
    assert {name: notes[name] for name in ("dau", "reads_per_user", "writes_per_user")} == dict.fromkeys(
        ("dau", "reads_per_user", "writes_per_user"), UNUSED_WHY)
    assert notes["read_qps"] == notes["write_qps"] == notes["object_size"] == ""
    assert re.search(r'<div class="field[^"]*\bunused\b[^"]*">\s*<label for="id_dau">', html)


def test_the_page_has_no_unused_note_when_the_rates_are_derived(client):
    notes = unused_notes(client.get("/", {"dau": "100M"}).content.decode())

    assert notes["dau"] == notes["reads_per_user"] == notes["writes_per_user"] == ""


def test_the_htmx_partial_swaps_the_unused_notes_in_and_out(client):
    given = client.get("/", GIVEN_RATES, HTTP_HX_REQUEST="true").content.decode()
    derived = client.get("/", {"dau": "100M"}, HTTP_HX_REQUEST="true").content.decode()

    assert f'<p data-unused="dau">{UNUSED_WHY}</p>' in given
    assert '<p data-unused="dau"></p>' in derived


def test_markdown_appends_why_an_input_is_unused(client):
    text = client.get("/estimate.md", {**GIVEN_RATES, "dau": "5M"}).content.decode()

    assert f"| Daily active users | `dau` | 5M ({UNUSED_WHY}) |" in text
    assert f"| Reads per user per day | `reads_per_user` | 10 (default) ({UNUSED_WHY}) |" in text
    assert "| Read QPS (optional) | `read_qps` | 1M/s |" in text


def test_an_unused_input_stays_in_the_share_link(client):
    response = client.get("/", {**GIVEN_RATES, "dau": "5M"}, HTTP_HX_REQUEST="true")

    assert "dau=5M" in response["HX-Replace-Url"]


def test_the_page_shows_nines_truncated(client):
    html = client.get("/", {"availability": "99.98997%"}).content.decode()

    assert displays(html)["nines"] == "3.99"  # −log10(1.003e-4) = 3.9987, never rounded up to 4


def test_the_fields_tag_writes_the_same_markup_as_the_reference_template():
    import re as _re

    from django.template.loader import get_template

    from estimator.domain.estimate import estimate
    from estimator.web import presenters
    from estimator.web.templatetags.estimator import input_fields

    def squeeze(html):
        return _re.sub(r">\s+<", "><", " ".join(str(html).split())).strip()

    from estimator.domain.workbench import WORKBENCH

    groups = presenters.field_groups(estimate({"dau": "lots<b>", "read_qps": "1k/s", "write_qps": "10/s"}))
    groups += presenters.field_groups(WORKBENCH({"system": "lb 99.9% -> <b>"}))  # a text area
    for _, fields in groups:  # the lines too (the page draws them in a fieldset of their own)
        assert squeeze(input_fields(fields)) == squeeze(get_template("web/_fields.html").render({"fields": fields}))


def test_a_fields_help_gives_an_example_only_where_it_differs_from_the_default(client):
    page = unescape(client.get("/").content.decode())

    def help_of(name):
        return re.search(rf'<p class="help" id="help-{name}">(.*?)</p>', page, re.S).group(1)

    assert "default 64 GB" in help_of("cache_node_memory") and "e.g." not in help_of("cache_node_memory")
    assert "default $150/month" in help_of("price_app_server") and "e.g." not in help_of("price_app_server")
    assert "default 1M · e.g. 100M" in help_of("dau")
