"""Writes to scenarios (estimator/web/services.py) answer with what they wrote or a typed
error, before any view translates it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from estimator.web import services
from estimator.web.models import Scenario
from estimator.web.services import Conflict, Invalid, Refused
from estimator.web.sites import SITES

pytestmark = pytest.mark.django_db


def browser(address="10.0.0.1"):
    """A request from one anonymous browser session (the owner of what it creates)."""
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    request.session = SessionStore()
    request.user = AnonymousUser()
    return request


def created(request, **inputs):
    return services.create(request, SITES["estimate"], {"name": "Chat", **inputs})


def test_creating_returns_the_scenario_with_its_first_revision_holding_every_input():
    scenario = created(browser(), dau="5M")

    inputs = scenario.latest_revision().inputs
    assert scenario.kind == "estimate" and scenario.latest_revision().number == 1
    assert inputs["dau"] == "5M" and inputs["peak_factor"] == "2"  # a default filled in


def test_a_bad_input_is_invalid_with_the_draft_kept():
    with pytest.raises(Invalid) as invalid:
        created(browser(), dau="lots")

    assert invalid.value.draft.texts["dau"] == "lots" and invalid.value.draft.name == "Chat"
    assert not Scenario.objects.filter(is_preset=False).exists()


def test_an_unknown_kind_is_refused_with_400_naming_the_kinds():
    with pytest.raises(Refused) as refused:
        services.site_to_create({"kind": "spreadsheet"})

    assert refused.value.status == 400
    assert "a scenario is an estimate or an availability workbench" in refused.value.message


def test_saving_over_an_older_revision_is_a_conflict_naming_the_newest():
    owner = browser()
    scenario = created(owner)
    services.save_revision(owner, scenario, {"name": "Chat", "revision": "1", "dau": "2M"})

    with pytest.raises(Conflict) as conflict:
        services.save_revision(owner, scenario, {"name": "Chat", "revision": "1", "dau": "3M"})

    assert conflict.value.newest.number == 2 and conflict.value.draft.texts["dau"] == "3M"
    assert scenario.latest_revision().inputs["dau"] == "2M"


def test_a_save_that_names_no_revision_is_invalid_at_the_revision_field():
    owner = browser()
    scenario = created(owner)

    with pytest.raises(Invalid) as invalid:
        services.save_revision(owner, scenario, {"name": "Chat", "dau": "2M"})

    assert "which revision" in invalid.value.draft.errors["revision"]


def test_only_the_owner_saves_or_deletes():
    scenario = created(browser())
    stranger = browser("10.0.0.2")

    with pytest.raises(Refused) as save:
        services.save_revision(stranger, scenario, {"name": "Mine", "revision": "1"})
    with pytest.raises(Refused) as delete:
        services.delete(stranger, scenario)

    assert save.value.status == delete.value.status == 403
    assert Scenario.objects.filter(pk=scenario.pk).exists()


def test_a_fork_keeps_the_saved_inputs_when_the_edits_are_bad():
    original = created(browser(), dau="5M")

    copy = services.fork(browser("10.0.0.2"), original, {"dau": "lots"})

    assert copy.forked_from == original and copy.name == "Chat (fork)"
    assert copy.latest_revision().inputs["dau"] == "5M"


def test_past_the_hourly_cap_a_creation_is_refused_with_429_and_when_to_retry(settings):
    settings.SCENARIOS_PER_HOUR = 1
    request = browser()
    created(request)

    with pytest.raises(Refused) as refused:
        created(request)

    assert refused.value.status == 429 and 0 < refused.value.retry_after <= 3600
