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
    assert set(body) == {"inputs", "results"}
    assert set(body["inputs"]) == {spec.name for spec in INPUTS}
    assert set(body["results"]) == {formula.name for formula in FORMULAS}
    assert body["inputs"]["dau"] == {"text": "100M", "value": 1e8, "unit": "user"}
    assert body["inputs"]["read_qps"] == {"text": "", "value": None, "unit": "req/s"}
    read = body["results"]["read_qps"]
    assert set(read) == {"value", "unit", "display", "work"}
    assert read["value"] == approx(5787.037, rel=1e-6) and read["unit"] == "req/s" and read["display"] == "5.79k req/s"


def test_result_units_are_named_exactly_as_the_spec_writes_them(client):
    results = client.get("/api/v1/estimate").json()["results"]

    assert {r["unit"] for r in results.values()} == {"req/s", "B", "B/s", "s", "req", ""}
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
