import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reference_filters_as_you_type_and_adds_a_figure_to_your_lines(page, live_server):
    page.goto(live_server.url + "/?dau=5M")
    page.locator("#reference-link a").click()

    page.fill("#reference-q", "datacenter")
    expect(page.locator("tr[id='ref.disk_seek']")).to_be_hidden()
    page.locator("tr[id='ref.dc_round_trip'] a.add").click()

    page.wait_for_url(re.compile(r"dau=5M&lines=dc_round_trip"))
    expect(page.locator("#line-results li").first).to_have_text("500 µs", use_inner_text=True)


def test_a_preset_shows_its_answers_and_checks_without_typing(page, live_server, presets):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/s/url-shortener-1m-rps/")

    summary = page.locator("#summary")
    expect(summary.locator(".answers")).to_contain_text("key_length")
    expect(summary.locator(".checks .pass", has_text="redirect_ok")).to_be_visible()
