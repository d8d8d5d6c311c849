import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_a_system_redraws_the_diagram_and_the_total(page, live_server):
    page.goto(live_server.url + "/availability/")
    assert page.locator("svg.diagram rect.block").count() == 4  # lb, app, db, db

    page.fill("#id_system", "web 99.9% -> (cache 99% | db 99.5%)")

    # 99.9% × (1 − 1% × 0.5%) = 99.9% × 99.995% = 99.895005%
    expect(page.locator("svg.diagram rect.block")).to_have_count(3)
    expect(page.locator("svg.diagram text.total")).to_have_text("Total: 99.895005%")
    expect(page.locator("svg.diagram")).to_contain_text("cache")
    expect(page.locator("#result-availability .value")).to_have_text("99.895005%")
    page.wait_for_url(re.compile(r"/availability/\?system=web"))


def test_a_malformed_system_shows_a_positioned_message(page, live_server):
    page.goto(live_server.url + "/availability/")

    page.fill("#id_system", "a 99% -> ")

    expect(page.locator("#error-system")).to_have_text("expected a component after '->' at column 9")
