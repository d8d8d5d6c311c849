"""Hourly caps on scenarios and revisions: counted by what was created, answered 429 with
Retry-After."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from estimator.web.models import Scenario, Usage

from .test_scenarios import save

pytestmark = pytest.mark.django_db


def test_revisions_past_the_hourly_cap_are_a_429_with_retry_after(client, settings):
    settings.REVISIONS_PER_HOUR = 3
    scenario = save(client)

    answers = [client.post(scenario.get_absolute_url(), {"name": "n", "revision": str(n), "dau": f"{n}M"})
               for n in range(1, 5)]

    assert [a.status_code for a in answers] == [303, 303, 303, 429]
    assert "the limit is 3 an hour" in answers[-1].content.decode()
    assert 3590 <= int(answers[-1]["Retry-After"]) <= 3600
    assert scenario.revisions.count() == 4  # the first and three saves


def test_the_creation_429_says_when_to_try_again(client, settings):
    settings.SCENARIOS_PER_HOUR = 1
    save(client)

    refused = client.post("/s/", {"name": "two"})

    assert refused.status_code == 429 and 3590 <= int(refused["Retry-After"]) <= 3600


def test_deleting_scenarios_does_not_give_creations_back(client, settings):
    settings.SCENARIOS_PER_HOUR = 2
    for name in ("a", "b"):
        client.post(f"/s/{save(client, name=name).slug}/delete/")

    assert client.post("/s/", {"name": "c"}).status_code == 429


def test_a_refused_save_is_not_counted(client, settings):
    settings.REVISIONS_PER_HOUR = 1
    scenario = save(client)

    stale = client.post(scenario.get_absolute_url(), {"name": "n", "revision": "7", "dau": "2M"})
    saved = client.post(scenario.get_absolute_url(), {"name": "n", "revision": "1", "dau": "2M"})

    assert (stale.status_code, saved.status_code) == (409, 303)


def test_room_comes_back_as_the_oldest_creation_leaves_the_hour(client, settings):
    settings.SCENARIOS_PER_HOUR = 2
    save(client, name="a")
    save(client, name="b")
    Usage.objects.filter(kind=Usage.SCENARIO).update(created=timezone.now() - timedelta(minutes=59))
    Usage.objects.filter(pk=Usage.objects.order_by("pk").last().pk).update(
        created=timezone.now() - timedelta(minutes=30))

    refused = client.post("/s/", {"name": "c"})
    Usage.objects.filter(pk=Usage.objects.order_by("pk").first().pk).update(
        created=timezone.now() - timedelta(minutes=61))
    allowed = client.post("/s/", {"name": "c"})

    assert refused.status_code == 429 and 50 <= int(refused["Retry-After"]) <= 61
    assert allowed.status_code == 303


def test_forks_count_as_creations(settings):
    settings.SCENARIOS_PER_HOUR = 1
    stranger = Client()

    first = stranger.post("/s/photo-sharing-100m-dau/fork/")
    second = stranger.post("/s/photo-sharing-100m-dau/fork/")

    assert (first.status_code, second.status_code) == (303, 429)
    assert Scenario.objects.filter(is_preset=False).count() == 1
