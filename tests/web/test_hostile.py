"""Whatever people and scanners type: never a 5xx, always the field's message (HTML), a 400
with `errors` (API), exit 2 (CLI); each within a bound on work (tests/work.py), never on seconds."""

from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estimator.domain.inputs import INPUTS
from estimator.domain.workbench import WORKBENCH_INPUTS
from tests.work import at_most

REQUEST_CALLS = 1_000_000  # Python calls for one request; ~2,000 warm, ~77,000 at most cold (tests/work.py)

pytestmark = pytest.mark.django_db

HOSTILE = ["9**9**9", "10**10**10", "9" * 5000, "(" * 2000 + ")" * 2000, "1e999", "nan", "inf KB", "inf", "-inf",
           "1\x00", "\x00", "😀", "1,5", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
           "1' OR '1'='1", "1; DROP TABLE web_scenario;--", "{{ 7*7 }}", "{% debug %}", "%s%s%s%n",
           "../../etc/passwd", "\u202e1", "1\r\nSet-Cookie: x=1", "lambda", "__import__('os').system('id')",
           "1e-999", " ", "", "x" * 200]
ENDPOINTS = ["/", "/estimate.md", "/api/v1/estimate"]
NAMES = [spec.name for spec in INPUTS]
WB_NAMES = [spec.name for spec in WORKBENCH_INPUTS]


def answered_quickly(client, path, data, **headers):
    """The answer, made within a bound on work (tests/work.py), not on seconds."""
    with at_most(REQUEST_CALLS):
        response = client.get(path, data, **headers)
    return response


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:12]))
@pytest.mark.parametrize("path", ENDPOINTS)
def test_hostile_text_in_every_estimate_field_is_refused_at_the_field(client, path, text, settings):
    for name in NAMES:
        response = answered_quickly(client, path, {name: text}, HTTP_HX_REQUEST="true")

        assert response.status_code < 500
        if len(urlencode({name: text})) > settings.MAX_QUERY_STRING_LENGTH:
            assert response.status_code == 414  # refused whole, with a message, before any view
            continue
        if text.strip() == "" and name in ("read_qps", "write_qps", "lines"):
            continue  # blank optional inputs are valid
        if name == "lines":  # refused at its row (lines:1), or whole when beyond the limits (lines)
            if path == "/api/v1/estimate":
                assert response.status_code == 400 and {"lines", "lines:1"} & set(response.json()["errors"])
            elif path == "/estimate.md":
                assert response.status_code == 400 and "- `lines" in response.content.decode()
            else:
                html = response.content.decode()
                assert '<li class="error" title="' in html or '<p data-error="lines"></p>' not in html
        elif path == "/api/v1/estimate":
            assert response.status_code == 400 and name in response.json()["errors"]
        elif path == "/estimate.md":
            assert response.status_code == 400 and f"- `{name}`:" in response.content.decode()
        else:
            assert f'<p data-error="{name}"></p>' not in response.content.decode()


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:12]))
def test_hostile_text_in_every_workbench_field_is_refused(client, text, settings):
    for name in WB_NAMES:
        for path in ("/api/v1/availability", "/availability/", "/availability.md"):
            response = answered_quickly(client, path, {name: text}, HTTP_HX_REQUEST="true")

            assert response.status_code < 500
            if len(urlencode({name: text})) > settings.MAX_QUERY_STRING_LENGTH:
                assert response.status_code == 414
            elif path == "/api/v1/availability" and (text.strip() or name not in ("allowed_downtime", "error_rate",
                                                                                "requests")):
                assert response.status_code == 400 and set(response.json()["errors"]) == {name}


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\x00" not in t and t.strip()], ids=lambda t: repr(t[:12]))
def test_hostile_text_on_the_command_line_exits_2(text):
    # (A NUL byte cannot be passed in a process argument; blank text is a valid optional input.)
    for name in ("dau", "object_size", "availability"):
        with pytest.raises(SystemExit) as exit:
            call_command("estimate", f"{name}={text}", "--format", "json", stdout=StringIO(), stderr=StringIO())
        assert exit.value.code == 2


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "x" * 10_000, "\x00", "{{ 7*7 }}"])
def test_hostile_names_and_descriptions_are_refused_or_escaped(client, text):
    response = client.post("/s/", {"name": text, "description": text * 2, "dau": "1M"})

    assert response.status_code in (303, 400)
    if response.status_code == 303:
        page = client.get(response["Location"]).content.decode()
        if "<" in text:
            assert text not in page  # escaped
        else:
            assert text in page  # shown exactly as typed, never evaluated
    else:
        assert 'class="field-error" id="error-name">' in response.content.decode()


def test_a_huge_post_body_is_refused(client):
    response = client.post("/s/", {"name": "x", "description": "y" * 200_000})

    assert response.status_code == 400


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), text=st.text(max_size=80))
def test_any_text_in_any_field_gets_a_200_or_a_400_from_the_api(client, name, text):
    response = client.get("/api/v1/estimate", {name: text})

    assert response.status_code in (200, 400)
    body = response.json()
    assert set(body) == ({"inputs", "results", "components", "timeline"} if response.status_code == 200 else {"errors"})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), text=st.text(max_size=80))
def test_any_text_in_any_field_renders_the_page_and_the_partial(client, name, text):
    page = client.get("/", {name: text}, follow=True)
    partial = client.get("/", {name: text}, HTTP_HX_REQUEST="true")

    assert page.status_code == 200 and partial.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=120))
def test_any_system_gets_a_200_or_a_400(client, text):
    response = client.get("/api/v1/availability", {"system": text})

    assert response.status_code in (200, 400)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), text=st.text(max_size=80))
def test_any_text_in_any_field_gets_a_200_or_a_400_from_the_markdown_export(client, name, text):
    response = client.get("/estimate.md", {name: text})

    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "text/markdown; charset=utf-8"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(WB_NAMES), text=st.text(max_size=120))
def test_any_text_in_any_workbench_field_renders_and_answers(client, name, text):
    for path in ("/availability/", "/availability.md", "/api/v1/availability"):
        response = client.get(path, {name: text}, HTTP_HX_REQUEST="true")
        assert response.status_code in (200, 400), path


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(NAMES), text=st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=80))
def test_any_text_in_any_field_prints_or_exits_2_from_the_cli(name, text):
    out, err = StringIO(), StringIO()
    try:
        call_command("estimate", f"{name}={text}", "--format", "json", stdout=out, stderr=err)
    except SystemExit as exit:
        assert exit.code == 2
    else:
        assert out.getvalue().startswith('{"inputs":')


# A component whose node count cannot be finite: a capacity of 0 per node (refused at its
# parameter), or figures past a float's range (1e30 × 1e30 = 1e60, squared twice: 1e240 req/s
# over 1e-240 req/s a node). The page links the architecture to the availability workbench as
# `k of N x name`: an infinite k made it a 500.
INFINITE = "a = 1e30 * 1e30\nb = a * a\nc = b * b\ns = servers(rate: c/s, per_node: 1/c * 1/s)"


@pytest.mark.parametrize("headers", [{}, {"HTTP_HX_REQUEST": "true"}])
def test_a_server_tier_with_no_capacity_per_node_is_refused_at_its_parameter_not_a_500(client, headers):
    response = client.get("/", {"lines": "s = servers(rate: 1k/s, per_node: 0/s)"}, **headers)
    api = client.get("/api/v1/estimate", {"lines": "s = servers(rate: 1k/s, per_node: 0/s)"})

    assert response.status_code == 200
    assert api.status_code == 400 and api.json()["errors"] == {
        "lines:1": "line 1: s.per_node must be above 0 req/s, got '0/s'"}


@pytest.mark.parametrize("headers", [{}, {"HTTP_HX_REQUEST": "true"}])
def test_a_tier_whose_nodes_overflow_is_unavailable_with_a_reason_not_a_500(client, headers):
    response = client.get("/", {"lines": INFINITE}, **headers)
    api = client.get("/api/v1/estimate", {"lines": INFINITE})

    assert response.status_code == 200
    assert api.status_code == 400
    assert api.json()["errors"]["lines:4"] == ("line 4: s.p50 cannot be computed: the count of nodes is not finite "
                                               "(a figure it reads is too large)")
