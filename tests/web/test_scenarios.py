import re
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.test import Client

from estimator.domain.presets import PRESETS
from estimator.web.models import Revision, Scenario

from .test_calculator import displays

pytestmark = pytest.mark.django_db


def save(client, name="Chat app at launch", **inputs):
    response = client.post("/s/", {"name": name, "description": "First cut", **inputs})
    assert response.status_code == 303, response.content[:500]
    return Scenario.objects.get(slug=response["Location"].split("/")[2])


def test_the_five_presets_exist_on_a_fresh_database():
    presets = Scenario.objects.filter(is_preset=True)

    assert {s.slug for s in presets} == {p.slug for p in PRESETS}
    for scenario in presets:
        assert scenario.owner is None and scenario.owner_key == ""
        assert scenario.latest_revision().number == 1


def test_creating_a_scenario_redirects_to_its_page_with_the_same_results(client):
    scenario = save(client, dau="100M", reads_per_user="5")

    page = client.get(scenario.get_absolute_url())

    html = page.content.decode()
    assert scenario.slug.startswith("chat-app-at-launch-") and len(scenario.slug) == len("chat-app-at-launch-") + 10
    assert page.status_code == 200 and "Chat app at launch" in html
    assert displays(html)["read_qps"] == "5.79k req/s"
    assert scenario.latest_revision().inputs["dau"] == "100M"


def test_a_scenario_keeps_every_input_as_typed_defaults_included(client):
    scenario = save(client, dau="  100 million ")

    inputs = scenario.latest_revision().inputs
    assert inputs["dau"] == "  100 million "
    assert inputs["availability"] == "99.9%"


def test_saving_with_bad_inputs_keeps_everything_on_the_page(client):
    response = client.post("/s/", {"name": "x", "dau": "lots", "reads_per_user": "7"})

    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "dau needs a count" in html and 'value="lots"' in html and 'value="7"' in html
    assert Scenario.objects.filter(is_preset=False).count() == 0


def test_a_name_is_required(client):
    response = client.post("/s/", {"name": "  ", "dau": "5M"})

    assert response.status_code == 400
    assert "Give the scenario a name" in response.content.decode()


def test_the_owner_saves_revisions_and_old_ones_stay_readable(client):
    scenario = save(client, dau="1M")

    response = client.post(scenario.get_absolute_url(), {"name": "Renamed", "revision": "1", "dau": "2M"})

    assert response.status_code == 303
    scenario.refresh_from_db()
    assert scenario.name == "Renamed"
    assert [r.number for r in scenario.revisions.all()] == [2, 1]
    old = client.get(f"/s/{scenario.slug}/r/1/")
    assert old.status_code == 200 and displays(old.content.decode())["read_qps"] == "116 req/s"
    assert displays(client.get(scenario.get_absolute_url()).content.decode())["read_qps"] == "231 req/s"


def test_a_save_on_top_of_a_stale_revision_is_refused_and_keeps_the_edits(client):
    scenario = save(client, dau="1M")
    client.post(scenario.get_absolute_url(), {"name": "n", "revision": "1", "dau": "2M"})

    stale = client.post(scenario.get_absolute_url(), {"name": "n", "revision": "1", "dau": "3M"})

    html = stale.content.decode()
    assert stale.status_code == 409
    assert "this scenario changed while you were editing" in html
    assert 'value="3M"' in html  # the user's edit is still on the page
    assert f'href="/s/{scenario.slug}/r/2/"' in html
    assert 'name="revision" value="2"' in html  # saving again puts it on top of revision 2
    assert [r.inputs["dau"] for r in scenario.revisions.all()] == ["2M", "1M"]


def test_someone_else_cannot_save_over_or_delete_a_scenario(client):
    scenario = save(client, dau="1M")
    stranger = Client()

    assert stranger.post(scenario.get_absolute_url(), {"name": "x", "revision": "1", "dau": "9M"}).status_code == 403
    assert stranger.post(f"/s/{scenario.slug}/delete/").status_code == 403
    assert Scenario.objects.filter(pk=scenario.pk).exists()
    assert scenario.revisions.count() == 1


def test_anyone_with_the_link_can_read_and_fork(client):
    scenario = save(client, dau="1M")
    stranger = Client()

    page = stranger.get(scenario.get_absolute_url())
    fork = stranger.post(f"/s/{scenario.slug}/fork/", {"dau": "4M"})

    assert page.status_code == 200 and "Fork" in page.content.decode()
    assert fork.status_code == 303
    copy = Scenario.objects.get(slug=fork["Location"].split("/")[2])
    assert copy.forked_from == scenario and copy.name == "Chat app at launch (fork)"
    assert copy.latest_revision().inputs["dau"] == "4M"  # the edits on the page come along
    assert stranger.post(copy.get_absolute_url(), {"name": "mine", "revision": "1", "dau": "5M"}).status_code == 303


def test_presets_belong_to_no_one_but_can_be_forked(client):
    preset = Scenario.objects.get(slug="photo-sharing-100m-dau")

    assert client.post(preset.get_absolute_url(), {"name": "x", "revision": "1"}).status_code == 403
    assert client.post(f"/s/{preset.slug}/delete/").status_code == 403
    assert client.post(f"/s/{preset.slug}/fork/").status_code == 303


def test_the_owner_deletes(client):
    scenario = save(client)

    response = client.post(f"/s/{scenario.slug}/delete/")

    assert response.status_code == 303 and response["Location"] == "/my/"
    assert not Scenario.objects.filter(pk=scenario.pk).exists()
    assert client.get(scenario.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("path", ["/s/", "/s/{slug}/", "/s/{slug}/fork/", "/s/{slug}/delete/",
                                  "/accounts/signup/", "/accounts/login/", "/accounts/logout/"])
def test_every_post_needs_the_csrf_token(client, path):
    scenario = save(client)
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(path.format(slug=scenario.slug), {"name": "x", "revision": "1"})

    assert response.status_code == 403
    assert "This form expired" in response.content.decode()


def test_a_post_with_the_csrf_token_from_the_page_is_accepted():
    strict = Client(enforce_csrf_checks=True)
    page = strict.get("/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)

    response = strict.post("/s/", {"csrfmiddlewaretoken": token, "name": "Via the form", "dau": "1M"})

    assert response.status_code == 303


def test_names_and_descriptions_are_escaped_in_html_and_markdown(client):
    scenario = save(client, name="<script>alert(1)</script>")
    scenario.description = "<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))"
    scenario.save()

    html = client.get(scenario.get_absolute_url()).content.decode()
    markdown = client.get(f"/s/{scenario.slug}.md").content.decode()

    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "<script>" not in markdown and "<img" not in markdown and "\\[x\\](javascript" in markdown


def test_markdown_of_a_scenario_and_of_a_revision(client):
    scenario = save(client, dau="1M")
    client.post(scenario.get_absolute_url(), {"name": "Chat", "revision": "1", "dau": "2M"})

    latest = client.get(f"/s/{scenario.slug}.md")
    first = client.get(f"/s/{scenario.slug}/r/1.md")

    assert latest["Content-Type"] == "text/markdown; charset=utf-8"
    assert re.match(r"# Chat\n\nRevision 2, saved \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\.\n", latest.content.decode())
    assert "| Daily active users | `dau` | 1M (default) |" in first.content.decode()
    assert f"<http://testserver/s/{scenario.slug}/r/1/>" in first.content.decode()


def test_the_scenario_api(client):
    scenario = save(client, dau="100M", reads_per_user="5")

    body = client.get(f"/api/v1/scenarios/{scenario.slug}").json()

    assert body["name"] == "Chat app at launch" and body["revision"] == 1
    assert body["inputs"]["dau"]["value"] == 1e8
    assert body["results"]["read_qps"]["display"] == "5.79k req/s"
    assert client.get("/api/v1/scenarios/nope").status_code == 404


def test_edits_on_a_scenario_page_are_carried_by_its_link(client):
    scenario = save(client, dau="1M")

    response = client.get(scenario.get_absolute_url(), {"dau": "3M"}, HTTP_HX_REQUEST="true")

    assert response["HX-Replace-Url"] == f"/s/{scenario.slug}/?dau=3M"
    assert displays(response.content.decode())["read_qps"] == "347 req/s"


def test_creating_too_many_scenarios_in_an_hour_is_a_clear_429(client, settings):
    settings.SCENARIOS_PER_HOUR = 3
    for i in range(3):
        save(client, name=f"s{i}")

    response = client.post("/s/", {"name": "one more"})

    assert response.status_code == 429
    assert "the limit is 3 an hour" in response.content.decode()


def test_anonymous_scenarios_move_to_the_account_when_asked_after_sign_in(client):
    scenario = save(client)
    User.objects.create_user("ada", password="correct horse battery staple")

    signed_in = client.post("/accounts/login/", {"username": "ada", "password": "correct horse battery staple"})
    scenario.refresh_from_db()
    asked = client.get("/my/").content.decode()
    client.post("/my/claim/", {"action": "move"})

    assert signed_in.status_code == 302 and scenario.owner is None  # nothing moves at sign-in itself
    assert "Saved in this browser before you signed in" in asked and "Move them to my account" in asked
    scenario.refresh_from_db()
    assert scenario.owner.username == "ada" and scenario.owner_key == ""
    assert "Chat app at launch" in client.get("/my/").content.decode()
    assert client.post(scenario.get_absolute_url(), {"name": "n", "revision": "1"}).status_code == 303


def test_sign_up_signs_in_and_offers_to_keep_the_browsers_scenarios(client):
    scenario = save(client)

    response = client.post("/accounts/signup/", {"username": "grace", "password1": "a long passphrase 42",
                                                 "password2": "a long passphrase 42"})
    client.post(response["Location"].rstrip("/") + "/claim/", {"action": "move"})

    assert response.status_code == 302 and response["Location"] == "/my/"
    scenario.refresh_from_db()
    assert scenario.owner.username == "grace"


def test_my_scenarios_lists_only_mine_and_the_presets(client):
    save(client, name="Mine")
    save(Client(), name="Theirs")

    html = client.get("/my/").content.decode()

    assert "Mine" in html and "Theirs" not in html and "Photo sharing app" in html


def test_my_scenarios_has_a_helpful_empty_state(client):
    assert "No saved scenarios yet" in client.get("/my/").content.decode()


def test_revisions_are_never_changed_by_saving(client):
    scenario = save(client, dau="1M")
    first = Revision.objects.get(scenario=scenario, number=1)

    client.post(scenario.get_absolute_url(), {"name": "n", "revision": "1", "dau": "2M"})

    first.refresh_from_db()
    assert first.inputs["dau"] == "1M"


def test_admin_lists_scenarios_for_staff(client):
    User.objects.create_superuser("root", password="x")
    client.login(username="root", password="x")

    assert client.get("/admin/web/scenario/").status_code == 200
    assert client.get("/admin/web/revision/").status_code == 200


def test_a_save_changes_only_the_inputs_it_posts(client):
    scenario = save(client, dau="100M", object_size="2 MB")

    client.post(scenario.get_absolute_url(), {"name": "n", "revision": "1", "dau": "5M"})

    inputs = scenario.latest_revision().inputs
    assert inputs["dau"] == "5M" and inputs["object_size"] == "2 MB"


def test_a_save_without_its_revision_number_is_refused_with_a_message(client):
    scenario = save(client)

    response = client.post(scenario.get_absolute_url(), {"name": "n", "dau": "5M"})

    assert response.status_code == 400
    assert "did not say which revision it was edited from" in response.content.decode()
    assert scenario.revisions.count() == 1


@pytest.mark.parametrize("name", ["\u200b\u200b", "\u202e", "\u2066\u2069", "\u200f\u200e", "\ufeff", "\u0301",
                                  "\u202e \u200b"])
def test_a_name_of_only_invisible_or_bidi_control_characters_is_refused(client, name):
    response = client.post("/s/", {"name": name, "dau": "5M"})

    assert response.status_code == 400
    assert "no visible characters" in response.content.decode()
    assert Scenario.objects.filter(is_preset=False).count() == 0


def test_a_name_with_right_to_left_text_is_kept(client):
    assert save(client, name="\u05e9\u05dc\u05d5\u05dd \u200f").name == "\u05e9\u05dc\u05d5\u05dd \u200f"


def test_a_later_revision_links_to_a_comparison_with_the_previous_one(client):
    scenario = save(client, dau="1M")
    client.post(scenario.get_absolute_url(), {"name": "Chat", "revision": "1", "dau": "2M"})

    latest = client.get(scenario.get_absolute_url()).content.decode()
    first = client.get(f"/s/{scenario.slug}/r/1/").content.decode()

    link = f'<a href="/compare/?a={scenario.slug}@1&amp;b={scenario.slug}@2">Compare with the previous revision</a>'
    assert link in latest
    assert "Compare with the previous revision" not in first
    assert "Compare with the original" not in latest


def test_a_fork_links_to_a_comparison_with_the_original(client):
    original = save(client, name="Chat", dau="1M")
    fork = Scenario.objects.get(slug=client.post(f"/s/{original.slug}/fork/", {"dau": "3M"})["Location"].split("/")[2])

    html = client.get(fork.get_absolute_url()).content.decode()

    assert f'<a href="/compare/?a={original.slug}&amp;b={fork.slug}@1">Compare with the original</a> (Chat)' in html
    compared = client.get(f"/compare/?a={original.slug}&b={fork.slug}@1").content.decode()
    assert "×3 (+200%)" in compared


def edited_note(html: str) -> str:
    return re.search(r'<span id="edited-note"[^>]*>(.*?)</span>', html, re.S).group(0)


def test_typing_on_a_scenario_page_marks_it_edited_out_of_band(client):
    scenario = save(client, dau="1M")

    edited = client.get(scenario.get_absolute_url(), {"dau": "3M"}, HTTP_HX_REQUEST="true").content.decode()
    back = client.get(scenario.get_absolute_url(), {"dau": "1M"}, HTTP_HX_REQUEST="true").content.decode()

    note = edited_note(edited)
    assert 'hx-swap-oob="true"' in note and "Edited, not saved:" in note
    assert f'href="/compare/?a={scenario.slug}@1&amp;b=/s/{scenario.slug}/r/1/%3Fdau%3D3M"' in note
    assert 'hx-swap-oob="true"' in edited_note(back) and "Edited" not in edited_note(back)  # saved values again


def test_the_full_page_shows_the_note_in_place_and_only_once(client):
    scenario = save(client, dau="1M")

    edited = client.get(scenario.get_absolute_url(), {"dau": "3M"}).content.decode()
    saved = client.get(scenario.get_absolute_url()).content.decode()

    assert edited.count('id="edited-note"') == 1 and "hx-swap-oob" not in edited_note(edited)
    assert "Edited, not saved:" in edited_note(edited)
    assert saved.count('id="edited-note"') == 1 and "Edited, not saved" not in saved


def test_the_edits_link_compares_the_saved_revision_with_the_edits(client):
    scenario = save(client, dau="1M")
    html = client.get(scenario.get_absolute_url(), {"dau": "3M"}, HTTP_HX_REQUEST="true").content.decode()

    link = unescape(re.search(r'<a href="(/compare/[^"]+)">compare them', html).group(1))
    compared = client.get(link)

    assert compared.status_code == 200
    assert "×3 (+200%)" in compared.content.decode()


# Saved workbenches -----------------------------------------------------------------------------

def save_workbench(client, name="Checkout path", **inputs) -> Scenario:
    response = client.post("/s/", {"kind": "workbench", "name": name, **inputs})
    assert response.status_code == 303, response.content[:500]
    return Scenario.objects.get(slug=response["Location"].split("/")[2])


def figure(html: str, name: str) -> str:
    return unescape(re.search(rf'id="result-{name}">\s*<dt>.*?</dt>\s*<dd class="value">([^<]*)', html, re.S)
                    .group(1)).strip()


def test_the_workbench_page_offers_to_save_it_as_a_scenario(client):
    html = client.get("/availability/", {"system": "99.9% -> 99.9%"}).content.decode()

    assert 'action="/s/"' in html and 'name="kind" value="workbench"' in html
    assert 'name="system" value="99.9% -&gt; 99.9%"' in html  # the inputs on the page travel with the form


def test_a_saved_workbench_opens_as_a_workbench_with_its_results(client):
    scenario = save_workbench(client, system="99.9% -> 99.9%", target="99.5%")

    html = client.get(scenario.get_absolute_url()).content.decode()

    assert scenario.kind == "workbench"
    assert scenario.latest_revision().inputs["system"] == "99.9% -> 99.9%"
    assert scenario.latest_revision().inputs["window"] == "30 days"  # the workbench's defaults, filled in
    assert "dau" not in scenario.latest_revision().inputs
    assert figure(html, "availability") == "99.8001%"  # 0.999 × 0.999
    assert "Availability workbench" in html and 'id="diagram-box"' in html and "Downtime per period" in html


def test_a_workbench_with_a_bad_system_is_not_saved_and_keeps_the_text(client):
    response = client.post("/s/", {"kind": "workbench", "name": "x", "system": "(a 99%"})

    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "expected ')' to close" in html and 'value="(a 99%"' in html
    assert "<h1>Availability workbench</h1>" in html
    assert not Scenario.objects.filter(is_preset=False).exists()


def test_an_unknown_kind_is_refused(client):
    response = client.post("/s/", {"kind": "spreadsheet", "name": "x"})

    assert response.status_code == 400 and "no kind of scenario 'spreadsheet'" in unescape(response.content.decode())


def test_revisions_forks_and_markdown_of_a_workbench(client):
    scenario = save_workbench(client, system="99.9%")

    saved = client.post(scenario.get_absolute_url(), {"name": "Checkout", "revision": "1", "system": "99.9% | 99.9%"})
    fork = Client().post(f"/s/{scenario.slug}/fork/")
    text = client.get(f"/s/{scenario.slug}.md").content.decode()

    assert saved.status_code == 303
    assert figure(client.get(f"/s/{scenario.slug}/r/1/").content.decode(), "availability") == "99.9%"
    assert figure(client.get(scenario.get_absolute_url()).content.decode(), "availability") == "99.9999%"
    copy = Scenario.objects.get(slug=fork["Location"].split("/")[2])
    assert copy.kind == "workbench" and copy.latest_revision().inputs["system"] == "99.9% | 99.9%"
    assert text.startswith("# Checkout\n") and "## Downtime per period" in text and "`system`" in text


def test_editing_a_workbench_scenario_marks_it_edited_out_of_band(client):
    scenario = save_workbench(client, system="99.9%")

    response = client.get(scenario.get_absolute_url(), {"system": "99.99%"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response["HX-Replace-Url"] == f"/s/{scenario.slug}/?system=99.99%25"
    assert re.search(r'<span id="edited-note"[^>]*hx-swap-oob="true"><strong>Edited, not saved:', html)
    assert "Downtime per period" in html  # the workbench's own appendix still comes first


def test_the_owners_save_as_new_keeps_the_kind(client):
    scenario = save_workbench(client)

    html = client.get(scenario.get_absolute_url()).content.decode()

    assert 'name="kind" value="workbench"' in html


def test_my_scenarios_marks_a_workbench(client):
    save_workbench(client, name="Checkout path")

    assert "availability workbench · updated" in client.get("/my/").content.decode()


def test_a_description_shows_its_backticked_spans_as_code_and_escapes_the_rest(client):
    response = client.post("/s/", {"name": "CDN", "description": "The CDN replaces egress (`net = cdn(…)`).\n<b>not bold</b> `a<b`"})
    page = client.get(response["Location"]).content.decode()

    description = re.search(r'<div class="description">(.*?)</div>', page, re.S).group(1)
    assert "<code>net = cdn(…)</code>" in description
    assert "`" not in description
    assert "&lt;b&gt;not bold&lt;/b&gt;" in description and "<code>a&lt;b</code>" in description
    assert "<br>" in description  # its line break kept
