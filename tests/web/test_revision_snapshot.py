"""A saved revision keeps the figures it was saved with and the model version that computed
them; when today's rules give other figures for the same inputs, the scenario's page and its
markdown list each changed result, then → now, with the rules changed since."""

import re
from html import unescape

import pytest

from estimator.domain import model_version
from estimator.web.models import Revision, Scenario

pytestmark = pytest.mark.django_db


def save(client, **inputs):
    response = client.post("/s/", {"name": "Tiny app", **inputs})
    assert response.status_code == 303, response.content[:500]
    return Scenario.objects.get(slug=response["Location"].split("/")[2])


def drift_rows(html: str) -> dict[str, tuple[str, str]]:
    """Result name → (then, now), read from the page's 'Changed since' table."""
    table = re.search(r'<table class="drift-table">(.*?)</table>', html, re.S)
    if table is None:
        return {}
    rows = re.findall(r"<code>(.*?)</code></th><td>(.*?)</td><td>(.*?)</td>", table.group(1))
    return {name: (unescape(then), unescape(now)) for name, then, now in rows}


def as_if_saved_by_model_1(revision: Revision) -> None:
    """Rewrite a revision's snapshot as model 1 would have saved it for 1k daily users: the
    peak is 1k users × 11 req/user/day ÷ 86,400 s × 2 = 0.255 req/s, ⌈0.255 ÷ (1k × 70%)⌉ = 1
    app server, $150/month; model 2 keeps at least 2 ($300/month). A raw update: the app never
    changes a revision, so only a test can play its past."""
    results = dict(revision.results)
    results["app_servers"] = [1.0, "1", ""]
    results["cost_app_servers"] = [150.0, "$150/month", "USD/month"]
    Revision.objects.filter(pk=revision.pk).update(results=results, model_version=1)


def test_a_saved_revision_keeps_its_figures_and_the_model_version(client):
    scenario = save(client, dau="100M", reads_per_user="5")

    revision = scenario.latest_revision()

    # 100M × (5 + 1) req/user/day = 6,944 req/s; peak 13,889 req/s; ⌈13,889 ÷ (1k × 70%)⌉ = 20
    # (and ⌈13,889 × 100 ms ÷ (100 × 70%)⌉ = 20): 20 app servers.
    assert revision.model_version == model_version.MODEL_VERSION
    assert revision.results["app_servers"] == [20.0, "20", ""]
    assert revision.results["read_qps"][1] == "5.79k req/s"


def test_a_revision_whose_figures_still_hold_says_nothing_changed(client):
    scenario = save(client, dau="1k")

    html = client.get(scenario.get_absolute_url()).content.decode()

    assert "Changed since this revision was saved" not in html
    assert drift_rows(html) == {}


def test_the_page_lists_each_changed_figure_then_and_now_with_the_rule_that_changed(client):
    scenario = save(client, dau="1k")
    as_if_saved_by_model_1(scenario.latest_revision())

    html = client.get(scenario.get_absolute_url()).content.decode()

    rows = drift_rows(html)
    assert rows == {"app_servers": ("1", "2"), "cost_app_servers": ("$150/month", "$300/month")}
    assert "Model 2: app servers at least 2 for redundancy" in html
    assert "computed with model 1" in html


def test_the_markdown_lists_the_same_changes(client):
    scenario = save(client, dau="1k")
    as_if_saved_by_model_1(scenario.latest_revision())

    text = client.get(f"/s/{scenario.slug}.md").content.decode()

    assert "## Changed since this revision was saved" in text
    assert "| Capacity: App servers | `app_servers` | 1 | 2 |" in text
    assert "| Cost: App servers | `cost_app_servers` | $150/month | $300/month |" in text
    assert "model 2: app servers at least 2 for redundancy" in text


def test_an_old_revisions_page_compares_its_own_snapshot(client):
    scenario = save(client, dau="1k")
    as_if_saved_by_model_1(scenario.latest_revision())
    client.post(scenario.get_absolute_url(), {"name": "Tiny app", "revision": "1", "dau": "2k"})

    latest = client.get(scenario.get_absolute_url()).content.decode()
    first = client.get(f"/s/{scenario.slug}/r/1/").content.decode()

    assert drift_rows(latest) == {}  # revision 2 was saved with today's model
    assert drift_rows(first)["app_servers"] == ("1", "2")


def test_edits_on_the_page_are_not_taken_for_a_change_of_rule(client):
    scenario = save(client, dau="1k")

    html = client.get(scenario.get_absolute_url() + "?dau=100M").content.decode()

    assert drift_rows(html) == {}


def test_a_revision_saved_before_snapshots_were_kept_claims_nothing(client):
    scenario = save(client, dau="1k")
    Revision.objects.filter(scenario=scenario).update(results=None, model_version=None)

    html = client.get(scenario.get_absolute_url()).content.decode()
    text = client.get(f"/s/{scenario.slug}.md").content.decode()

    assert "Changed since" not in html and "Changed since" not in text


def test_a_rule_changed_without_a_new_version_is_still_shown(client, monkeypatch):
    scenario = save(client, dau="1k")
    revision = scenario.latest_revision()
    results = dict(revision.results)
    results["nines"] = [2.0, "2", ""]  # the default 99.9% is 3 nines
    Revision.objects.filter(pk=revision.pk).update(results=results)

    html = client.get(scenario.get_absolute_url()).content.decode()

    assert drift_rows(html) == {"nines": ("2", "3")}
    assert "no change of rule is recorded since" in html


def test_a_new_model_version_names_its_rule(client, monkeypatch):
    scenario = save(client, dau="1k")
    revision = scenario.latest_revision()
    results = dict(revision.results)
    results["app_servers"] = [3.0, "3", ""]
    Revision.objects.filter(pk=revision.pk).update(results=results)
    saved_with = model_version.MODEL_VERSION
    following = saved_with + 1
    changelog = (*model_version.CHANGELOG, (following, "app servers at least 2, not 3"))
    monkeypatch.setattr(model_version, "CHANGELOG", changelog)
    monkeypatch.setattr(model_version, "MODEL_VERSION", following)

    html = client.get(scenario.get_absolute_url()).content.decode()

    assert drift_rows(html) == {"app_servers": ("3", "2")}
    assert f"Model {following}: app servers at least 2, not 3" in html
    assert f"Model {saved_with}:" not in html  # the revision was saved with the model before


def test_presets_are_saved_with_their_figures():
    from estimator.web.presets import sync_presets

    Scenario.objects.filter(is_preset=True).delete()  # as on a fresh install after this change
    sync_presets(Scenario, Revision)

    revisions = [scenario.latest_revision() for scenario in Scenario.objects.filter(is_preset=True)]
    assert len(revisions) == 5
    for revision in revisions:
        assert revision.model_version == model_version.MODEL_VERSION and "cost_per_month" in revision.results


def test_a_scenario_saved_when_storage_per_day_was_a_size_says_what_moved_and_why(client):
    """Model 3 counted storage_per_day in bytes: `storage_per_day × 30` was a month's data
    (1M users × 1 write a day × 1 KB = 1 GB a day; × 30 = 30 GB) and `-> TB` was accepted.
    Model 4 makes it a rate: the first line is now a rate 30 times a day's (30 GB a day ÷
    86,400 s = 347 KB/s), the second is refused at its line, saying how to write it."""
    scenario = save(client, lines="a_month = storage_per_day × 30")
    revision = scenario.latest_revision()
    lines = "a_month = storage_per_day × 30\nin_tb = storage_per_day × 30 -> TB"
    results = dict(revision.results)
    results["storage_per_day"] = [1e9, "1 GB/day", "B"]
    results["storage_per_year"] = [3.65e11, "365 GB/yr", "B"]
    results["a_month"] = [3e10, "30 GB", "B"]
    results["in_tb"] = [3e10, "0.03 TB", "B"]
    Revision.objects.filter(pk=revision.pk).update(inputs={**revision.inputs, "lines": lines}, results=results,
                                                   model_version=3)

    html = client.get(scenario.get_absolute_url()).content.decode()
    text = client.get(f"/s/{scenario.slug}.md").content.decode()

    # storage_per_day and storage_per_year read the same (1 GB/day, 365 GB/yr): not listed
    assert drift_rows(html) == {"a_month": ("30 GB", "347 KB/s"), "in_tb": ("0.03 TB", model_version.GONE)}
    assert "Model 4: storage_per_day and storage_per_year are rates (B/day, B/year)" in html
    assert "storage_per_day is a rate since model 4 (B/day), not a size" in unescape(html)
    assert "| Your lines: a_month | `a_month` | 30 GB | 347 KB/s |" in text
    assert "model 4: storage_per_day and storage_per_year are rates" in text
