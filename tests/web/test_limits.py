"""Every limit is declared once, where the server enforces it, and the page reads it: a field's
maxlength is what the server accepts, never more (typing past it would be refused) nor less."""

import re

import pytest

from estimator.domain import lines, system
from estimator.domain.lang.limits import MAX_LENGTH
from estimator.domain.estimate import ESTIMATE
from estimator.domain.workbench import WORKBENCH
from estimator.web.models import DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH

pytestmark = pytest.mark.django_db


def maxlength(html: str, name: str) -> int:
    control = re.search(rf'<(?:input|textarea)[^>]*\bname="{name}"[^>]*>', html)
    return int(re.search(r'maxlength="(\d+)"', control[0])[1])


def test_every_estimate_fields_maxlength_is_what_the_server_accepts(client):
    html = client.get("/").content.decode()

    for spec in ESTIMATE.inputs:
        if spec.kind.widget != "select":  # a select has no length
            assert maxlength(html, spec.name) == spec.kind.max_length, spec.name
    assert maxlength(html, "dau") == MAX_LENGTH == 200
    assert maxlength(html, "lines") == lines.MAX_CHARACTERS == 4000


def test_the_workbenchs_system_area_allows_what_the_server_accepts(client):
    html = client.get("/availability/").content.decode()

    assert maxlength(html, "system") == system.MAX_LENGTH == 500
    assert maxlength(html, "target") == MAX_LENGTH


def test_a_system_one_character_past_the_area_is_refused_by_the_server(client):
    text = "a 99.9%" + " " * (system.MAX_LENGTH - 7 + 1)

    errors = client.get("/api/v1/availability", {"system": text}).json()["errors"]

    assert f"at most {system.MAX_LENGTH}" in errors["system"]


def test_the_save_forms_name_and_description_allow_what_a_scenario_stores(client):
    html = client.get("/").content.decode()

    assert maxlength(html, "name") == NAME_MAX_LENGTH
    assert maxlength(html, "description") == DESCRIPTION_MAX_LENGTH


def test_the_lines_help_names_the_most_lines_the_server_takes(client):
    html = client.get("/").content.decode()

    assert f"at most {lines.MAX_LINES} lines" in html


def test_every_kind_draws_a_control_of_its_own_widget(client):
    html = client.get("/availability/").content.decode() + client.get("/").content.decode()

    assert re.search(r'<textarea id="id_system"', html)
    assert re.search(r'<select id="id_size_units"', html)
    assert re.search(r'<input id="id_dau" name="dau" type="text"', html)
    assert all(spec.kind.widget in ("text", "area", "select", "lines") for spec in ESTIMATE.inputs + WORKBENCH.inputs)
