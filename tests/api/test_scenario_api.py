import pytest
from django.test import Client
from pytest import approx

from estimator.web.models import Scenario

from ..web.test_scenarios import save_workbench

pytestmark = pytest.mark.django_db


def save(name="Chat", **inputs) -> Scenario:
    response = Client().post("/s/", {"name": name, **inputs})
    assert response.status_code == 303
    return Scenario.objects.get(slug=response["Location"].split("/")[2])


def test_the_saved_scenario_as_it_was_saved(client):
    scenario = save(dau="100M", reads_per_user="5")

    response = client.get(f"/api/v1/scenarios/{scenario.slug}")

    body = response.json()
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert body["slug"] == scenario.slug and body["name"] == "Chat" and body["revision"] == 1
    assert body["inputs"]["dau"]["text"] == "100M"
    assert body["results"]["read_qps"]["value"] == approx(1e8 * 5 / 86400)


def test_inputs_in_the_query_apply_over_the_saved_ones(client):
    scenario = save(dau="100M", reads_per_user="5")

    body = client.get(f"/api/v1/scenarios/{scenario.slug}", {"peak_factor": "5"}).json()

    assert body["inputs"]["peak_factor"]["text"] == "5"
    assert body["inputs"]["dau"]["text"] == "100M"  # the saved inputs not in the query stay
    read = 1e8 * 5 / 86400
    assert body["results"]["peak_read_qps"]["value"] == approx(read * 5)  # 28.9k req/s, not 11.6k at ×2
    assert body["results"]["peak_read_qps"]["display"] == "28.9k req/s"
    assert scenario.latest_revision().inputs["peak_factor"] == "2"  # reading never saves


def test_lines_in_the_query_replace_the_saved_lines(client):
    scenario = save(dau="1M", lines="a = 1 req")

    body = client.get(f"/api/v1/scenarios/{scenario.slug}", {"lines": "b = dau × 2"}).json()

    assert "b" in body["results"] and "a" not in body["results"]


def test_an_unknown_name_is_a_400_as_the_estimate_api_answers(client):
    scenario = save()

    response = client.get(f"/api/v1/scenarios/{scenario.slug}", {"peak_facto": "5"})

    assert response.status_code == 400
    assert response.json() == {"errors": {"peak_facto": "'peak_facto' is not an input; did you mean peak_factor?"}}
    assert response.json() == client.get("/api/v1/estimate", {"peak_facto": "5"}).json()


def test_a_bad_input_or_line_is_a_400_with_one_message_each(client):
    scenario = save()

    body = client.get(f"/api/v1/scenarios/{scenario.slug}", {"dau": "lots", "lines": "x = 1 KB + 5"}).json()

    assert set(body) == {"errors"} and set(body["errors"]) == {"dau", "lines:1"}
    assert "dau needs a count" in body["errors"]["dau"]


def test_an_unknown_scenario_is_a_404_in_json(client):
    response = client.get("/api/v1/scenarios/no-such-thing", {"dau": "5M"})

    assert response.status_code == 404
    assert response.json() == {"errors": {"slug": "there is no scenario 'no-such-thing'"}}


def test_a_preset_is_a_scenario_too(client, presets):
    body = client.get("/api/v1/scenarios/photo-sharing-100m-dau", {"dau": "50M"}).json()

    assert body["inputs"]["dau"]["value"] == 5e7
    assert body["inputs"]["object_size"]["text"] == "500 KB"  # the preset's own, under the query's dau


def test_scenario_on_the_estimate_api_takes_a_users_scenario(client):
    scenario = save(dau="7M")

    body = client.get("/api/v1/estimate", {"scenario": scenario.slug, "peak_factor": "4"}).json()

    assert body["inputs"]["dau"]["text"] == "7M" and body["inputs"]["peak_factor"]["text"] == "4"


def test_preset_on_the_estimate_api_falls_back_to_a_users_scenario(client):
    scenario = save(dau="7M")

    response = client.get("/api/v1/estimate", {"preset": scenario.slug, "peak_factor": "4"})

    assert response.status_code == 200
    assert response.json()["inputs"]["dau"]["text"] == "7M"


def test_an_estimate_from_a_saved_scenario_is_never_cached(client):
    scenario = save(dau="7M")

    for query in ({"scenario": scenario.slug}, {"preset": scenario.slug}):
        response = client.get("/api/v1/estimate", query)

        assert response.status_code == 200 and "public" not in response["Cache-Control"]
        assert not response.has_header("ETag")
    assert "public" in client.get("/api/v1/estimate", {"preset": "photo-sharing-100m-dau"})["Cache-Control"]


def test_a_nul_in_a_scenario_slug_is_a_400_not_a_database_error(client):
    assert client.get("/api/v1/estimate", {"scenario": "a\x00b"}).status_code == 400


def test_the_scenario_api_answers_for_a_workbench(client):
    scenario = save_workbench(Client(), system="99.9% -> 99.9%")

    body = client.get(f"/api/v1/scenarios/{scenario.slug}", {"target": "99.9%"}).json()
    bad = client.get(f"/api/v1/scenarios/{scenario.slug}", {"dau": "1M"})

    assert body["kind"] == "workbench" and body["results"]["availability"]["value"] == pytest.approx(0.998001)
    assert body["results"]["meets_target"]["value"] is False
    assert bad.status_code == 400 and "'dau' is not an input" in bad.json()["errors"]["dau"]


def test_the_estimate_api_refuses_a_workbench_scenario(client):
    scenario = save_workbench(Client())

    response = client.get("/api/v1/estimate", {"scenario": scenario.slug})

    assert response.status_code == 400
    assert "is an availability workbench, not an estimate" in response.json()["errors"]["scenario"]
