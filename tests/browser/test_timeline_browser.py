"""The timeline in Chromium: on a phone each year is a card whose cost stays on the screen."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_phone_shows_each_years_cost_and_names_its_figures_without_scrolling_sideways(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/?dau=50M&growth=30%25")

    table = page.locator("table.timeline-table")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(6)  # years 0 to 5
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    for year in range(6):
        cost = rows.nth(year).locator("td").last
        expect(cost).to_contain_text("/month")
        box = cost.bounding_box()
        assert box["x"] + box["width"] <= 390, year
    # The table's head is out of sight: each figure says what it is
    label = "el => getComputedStyle(el, '::before').content"
    assert rows.first.locator("td").nth(1).evaluate(label) == '"Peak QPS"'
    context.close()


def test_a_desktop_keeps_the_timeline_a_table_with_its_head(page, live_server):
    page.goto(live_server.url + "/?dau=50M&growth=30%25")

    expect(page.locator("table.timeline-table thead th").last).to_be_visible()
    cells = page.locator("table.timeline-table tbody tr").first.locator("th, td")
    tops = {round(cells.nth(i).bounding_box()["y"]) for i in range(cells.count())}
    assert len(tops) == 1  # one line a year
