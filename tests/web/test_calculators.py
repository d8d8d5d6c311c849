"""The one registry of calculators (estimator/web/calculators.py): the models, the URLs,
compare and the CLI all read it, so a calculator listed there is served everywhere."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from estimator.web import calculators
from estimator.web.compare import read_ask
from estimator.web.models import Scenario
from estimator.web.sites import SITES

pytestmark = pytest.mark.django_db


def test_a_scenario_may_be_of_every_registered_calculator_and_of_nothing_else():
    kind = Scenario._meta.get_field("kind")

    assert [value for value, _ in kind.choices] == [entry.kind for entry in calculators.CALCULATORS]
    assert kind.default == calculators.DEFAULT.kind


@pytest.mark.parametrize("entry", calculators.CALCULATORS, ids=lambda entry: entry.kind)
def test_every_registered_calculator_has_a_page_markdown_and_an_api(client, entry):
    first = entry.calculator.inputs[0]

    page = client.get(reverse(entry.page))
    text = client.get(reverse(entry.markdown_route)).content.decode()
    api = client.get(reverse(entry.api_route)).json()

    assert page.status_code == 200 and f'name="{first.name}"' in page.content.decode()
    assert "## Inputs" in text and f"`{first.name}`" in text
    assert api["inputs"][first.name]["text"] == first.default


@pytest.mark.parametrize("entry", calculators.CALCULATORS, ids=lambda entry: entry.kind)
def test_compare_reads_a_link_to_every_registered_calculators_page(entry):
    ask = read_ask(f"{reverse(entry.page)}?x=1")

    assert ask.entry is entry and not ask.error


def test_a_link_to_no_calculators_page_is_an_error_naming_the_path():
    ask = read_ask("/elsewhere/?dau=1")

    assert "'/elsewhere/' is not a link to the calculator" in ask.error


@pytest.mark.parametrize("entry", calculators.CALCULATORS, ids=lambda entry: entry.kind)
def test_a_saved_scenario_of_every_calculator_shows_its_own_kicker(client, entry):
    response = client.post("/s/", {"name": "Mine", "kind": entry.kind})

    page = client.get(response["Location"]).content.decode()
    assert f'<p class="kicker">{entry.kicker}' in page


def test_the_estimate_api_names_the_kind_a_scenario_of_another_calculator_is(client):
    saved = client.post("/s/", {"name": "Bench", "kind": calculators.WORKBENCH.kind})
    slug = saved["Location"].split("/")[2]

    errors = client.get("/api/v1/estimate", {"scenario": slug}).json()["errors"]

    assert errors["scenario"] == (f"'{slug}' is an availability workbench, not an estimate: "
                                  f"GET /api/v1/scenarios/{slug} answers for it")


def test_the_cli_takes_sources_only_where_the_calculator_declares_them(capsys):
    call_command("estimate", "--preset", "photo-sharing-100m-dau", "--format", "json")
    body = json.loads(capsys.readouterr().out)

    assert body["inputs"]["dau"]["text"] == "100M"  # the photo preset's daily users
    with pytest.raises(CommandError, match="unrecognized arguments: --preset"):
        call_command("availability", "--preset", "photo-sharing-100m-dau")
    assert set(SITES) == {entry.kind for entry in calculators.CALCULATORS}
