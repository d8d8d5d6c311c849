import re

import pytest
from playwright.sync_api import expect

from .conftest import save_two_revisions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_saved_scenario_opens_elsewhere_with_the_same_results_read_only_but_forkable(page, live_server, browser):
    page.goto(live_server.url + "/")
    page.fill("#id_dau", "100M")
    page.fill("#id_reads_per_user", "5")
    expect(page.locator("#result-read_qps .value")).to_have_text("5.79k req/s")
    page.fill("#id_name", "Photos at launch")
    page.click("text=Save scenario")
    page.wait_for_url(re.compile(r"/s/photos-at-launch-\w+/$"))
    link = page.url
    shown = page.locator("#result-storage_total .value").inner_text()
    assert page.locator("text=Save revision 2").is_visible()

    stranger = browser.new_context()
    other = stranger.new_page()
    other.goto(link)

    expect(other.locator("h1")).to_have_text("Photos at launch")
    assert other.locator("#result-read_qps .value").inner_text() == "5.79k req/s"
    assert other.locator("#result-storage_total .value").inner_text() == shown
    assert other.locator("text=Save revision 2").count() == 0
    assert other.locator("text=Only the owner can save over this scenario").is_visible()
    other.click("button:has-text('Fork')")
    other.wait_for_url(re.compile(r"/s/photos-at-launch-fork-\w+/$"))
    expect(other.locator("h1")).to_have_text("Photos at launch (fork)")
    assert other.locator("text=Save revision 2").is_visible()  # the fork is the stranger's own
    stranger.close()


def test_the_owner_saves_a_revision_after_live_edits(page, live_server):
    save_two_revisions(page, live_server)  # saved at 1M users, then revision 2 at 20M: two in the history

    assert page.locator("#id_dau").input_value() == "20M"
