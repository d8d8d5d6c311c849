import json

import pytest
from pytest import approx

from estimator.domain.estimate import FORMULAS
from estimator.domain.inputs import INPUTS

pytestmark = pytest.mark.django_db


def test_200_has_every_input_and_every_result_in_the_specs_shape(client):
    response = client.get("/api/v1/estimate", {"dau": "100M", "reads_per_user": "5"})

    body = response.json()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert set(body) == {"inputs", "results", "components", "timeline"}
    assert set(body["inputs"]) == {spec.name for spec in INPUTS}
    bounds = {f"{c['name']}.bound" for c in body["components"]}  # which limit set each component's nodes
    assert set(body["results"]) == {formula.name for formula in FORMULAS} | bounds
    assert [c["name"] for c in body["components"]] == ["app", "cache", "db", "objects", "net"]
    assert body["inputs"]["dau"] == {"text": "100M", "value": 1e8, "unit": "user", "used": True}
    assert set(body["inputs"]["read_qps"]) == {"text", "value", "unit", "used"}
    assert body["inputs"]["read_qps"]["text"] == "" and body["inputs"]["read_qps"]["value"] is None
    assert body["inputs"]["read_qps"]["unit"] == "req/s"
    assert all(isinstance(i["used"], bool) for i in body["inputs"].values())
    read = body["results"]["read_qps"]
    assert set(read) == {"value", "unit", "display", "work"}
    assert read["value"] == approx(5787.037, rel=1e-6) and read["unit"] == "req/s" and read["display"] == "5.79k req/s"


def test_result_units_are_named_exactly_as_the_spec_writes_them(client):
    results = client.get("/api/v1/estimate").json()["results"]

    assert {r["unit"] for r in results.values()} == {"req/s", "B", "B/s", "s", "req", "", "USD/month",
                                                     "USD/month/user", "USD/GB/month", "USD/GB",  # prices as quoted, as their inputs are
                                                     "B/day", "B/year"}  # architecture.md: new data a day and a year
    assert results["cost_per_month"]["unit"] == "USD/month"
    # a rate reported per day and per year, with the values bytes had: 1M writes a day × 1 KB = 1 GB a day
    assert results["storage_per_day"]["unit"] == "B/day" and results["storage_per_day"]["value"] == approx(1e9)
    assert results["storage_per_year"]["unit"] == "B/year" and results["storage_per_year"]["value"] == approx(3.65e11)
    assert results["storage_total"]["unit"] == "B"
    assert results["egress"]["unit"] == "B/s"
    assert results["downtime_per_year"]["unit"] == "s"
    assert results["app_servers"]["unit"] == ""


def test_400_has_one_message_per_bad_input_and_nothing_else(client):
    response = client.get("/api/v1/estimate", {"dau": "lots", "availability": "150%", "object_size": "500 kb"})

    body = response.json()
    assert response.status_code == 400
    assert set(body) == {"errors"}
    assert set(body["errors"]) == {"dau", "availability", "object_size"}
    assert "did you mean 500 KB?" in body["errors"]["object_size"]


def test_unknown_names_are_errors_with_a_suggestion(client):
    body = client.get("/api/v1/estimate", {"dua": "100M"}).json()

    assert body == {"errors": {"dua": "'dua' is not an input; did you mean dau?"}}


def test_a_preset_then_the_querys_own_inputs_over_it(client):
    body = client.get("/api/v1/estimate", {"preset": "photo-sharing-100m-dau", "reads_per_user": "10"}).json()

    assert body["inputs"]["dau"]["text"] == "100M"
    assert body["inputs"]["reads_per_user"]["text"] == "10"
    assert body["results"]["read_qps"]["value"] == approx(1e9 / 86400)


def test_an_unknown_preset_is_a_400(client):
    body = client.get("/api/v1/estimate", {"preset": "nope"}).json()

    assert "there is no preset 'nope'" in body["errors"]["preset"]


def test_json_escapes_markup(client):
    response = client.get("/api/v1/estimate", {"<script>": "1"})

    raw = response.content.decode()
    assert "<script>" not in raw and "\\u003cscript\\u003e" in raw
    assert "<script>" in json.loads(raw)["errors"]["<script>"]


def test_api_answers_take_the_fast_path_but_keep_the_security_headers(client):
    api = client.get("/api/v1/estimate?dau=5M")
    page = client.get("/?dau=5M")

    assert api.status_code == 200 and api["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in api and "Set-Cookie" not in api.headers
    assert "Content-Security-Policy" in page  # pages keep their policy


def test_an_unknown_api_path_is_still_a_404_and_a_post_still_a_json_405(client):
    assert client.get("/api/v1/nothing").status_code == 404
    response = client.post("/api/v1/estimate")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert response.json() == {"errors": {"method": "POST is not allowed here; use GET"}}


# "used": false when no result depends on the input ------------------------------------------

PER_USER = ("dau", "reads_per_user", "writes_per_user")


def test_users_and_their_rates_are_unused_when_both_rates_are_given(client):
    body = client.get("/api/v1/estimate", {"read_qps": "1M/s", "write_qps": "10k/s"}).json()

    assert {name: body["inputs"][name]["used"] for name in PER_USER} == dict.fromkeys(PER_USER, False)
    assert body["inputs"]["read_qps"]["used"] is True and body["inputs"]["write_qps"]["used"] is True
    assert body["inputs"]["object_size"]["used"] is True
    assert body["results"]["read_qps"]["work"] == "given: 1M req/s"


def test_users_and_their_rates_are_used_when_the_rates_are_derived(client):
    body = client.get("/api/v1/estimate", {"dau": "100M", "reads_per_user": "5"}).json()

    assert {name: body["inputs"][name]["used"] for name in PER_USER} == dict.fromkeys(PER_USER, True)


def test_one_given_rate_leaves_only_its_own_per_user_rate_unused(client):
    body = client.get("/api/v1/estimate", {"read_qps": "1M/s"}).json()

    assert body["inputs"]["reads_per_user"]["used"] is False
    assert body["inputs"]["dau"]["used"] is True  # write_qps still = dau × writes_per_user
    assert body["inputs"]["writes_per_user"]["used"] is True


def test_an_unused_input_is_still_accepted_and_kept_as_typed(client):
    body = client.get("/api/v1/estimate", {"read_qps": "1M/s", "write_qps": "10k/s", "dau": "5M"}).json()

    assert "errors" not in body
    assert body["inputs"]["dau"] == {"text": "5M", "value": 5e6, "unit": "user", "used": False}
    assert body["results"]["read_qps"]["value"] == approx(1e6)  # dau changes nothing


def test_a_line_that_reads_an_input_makes_it_used(client):
    body = client.get("/api/v1/estimate", {"read_qps": "1M/s", "write_qps": "10k/s",
                                           "lines": "reads_per_day = dau × reads_per_user -> req/day"}).json()

    assert body["inputs"]["dau"]["used"] is True and body["inputs"]["reads_per_user"]["used"] is True
    assert body["inputs"]["writes_per_user"]["used"] is False


def test_nines_are_truncated_in_the_api_too(client):
    nines = client.get("/api/v1/estimate", {"availability": "99.98997%"}).json()["results"]["nines"]

    # −log10(1 − 0.9998997) = −log10(1.003e-4) = 4 − log10(1.003) = 4 − 0.0013 = 3.9987
    assert nines["value"] == approx(3.99870, abs=1e-5)
    assert nines["display"] == "3.99"  # truncated, never rounded up to 4


@pytest.mark.parametrize("text", ["round(1 ÷ 0)", "round(1 ÷ 0 − 1 ÷ 0)", "ceil(1 ÷ 0)"])
def test_a_field_that_is_not_finite_is_a_400_not_a_500(client, text):
    # round(1 ÷ 0) once raised OverflowError out of the engine: a 500 for one bad field.
    response = client.get("/api/v1/estimate", {"peak_factor": text})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"peak_factor"}


@pytest.mark.parametrize("text, message", [
    ("5 kb", "'5 kb' is kilobits; did you mean 5 KB?"),  # the parser's suggestion is kept
    ("5 zz", "'zz' is not a count suffix (k, M, B, bn, T)"),  # no suggestion: the count field says what it takes
])
def test_a_count_fields_unknown_word_keeps_a_suggestion_or_names_the_count_suffixes(client, text, message):
    errors = client.get("/api/v1/estimate", {"dau": text}).json()["errors"]

    assert errors["dau"].startswith(message)


def test_every_inputs_api_unit_and_value_come_from_its_kind(client):
    inputs = client.get("/api/v1/estimate", {"size_units": "binary", "lines": "x = 1"}).json()["inputs"]

    assert inputs["size_units"] == {"text": "binary", "value": "binary", "unit": "", "used": True}
    assert inputs["lines"]["value"] is None and inputs["lines"]["unit"] == ""
    assert inputs["dau"]["value"] == 1e6 and inputs["dau"]["unit"] == "user"
    assert inputs["reads_per_user"]["value"] == 10 and inputs["reads_per_user"]["unit"] == "req/user/day"


def test_a_path_the_api_does_not_have_is_a_json_404_naming_the_paths_it_has(client):
    response = client.get("/api/v1/estimat")

    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    message = response.json()["errors"]["path"]
    assert message.startswith("the API has no /api/v1/estimat; it has /api/v1/estimate, ")
    assert "/api/v1/scenarios/<slug>" in message and "/api/v1/problems/<slug>/practice" in message
    assert client.get("/api/").status_code == 404 and client.get("/apix").status_code == 404  # the site's own 404
