import re

import pytest
from playwright.sync_api import expect

from .conftest import save_two_revisions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_scenario_page_compares_with_its_previous_revision_changed_rows_first(page, live_server):
    save_two_revisions(page, live_server)

    page.click("text=Compare with the previous revision")

    page.wait_for_url(re.compile(r"/compare/\?a=chat-\w+@1&b=chat-\w+@2$"))
    expect(page.locator("h1")).to_have_text("Compare two estimates")
    first_input = page.locator("table.compare-table").first.locator("tbody tr").first
    expect(first_input).to_have_id("compare-inputs-dau")
    expect(first_input.locator("td")).to_have_text(["1M", "20M", "×20 (+1,900%)"])
    first_result = page.locator("table.compare-table").nth(1).locator("tbody tr").first
    expect(first_result).to_have_id("compare-results-read_qps")
    expect(first_result.locator("td.change")).to_have_text("×20 (+1,900%)")
    expect(page.locator("#compare-results-nines")).to_have_class("same")


def test_typing_on_a_scenario_page_marks_it_edited_and_undoing_clears_it(page, live_server):
    save_two_revisions(page, live_server)
    note = page.locator("#edited-note")
    expect(note).to_have_text("")

    page.fill("#id_peak_factor", "4")

    expect(note).to_contain_text("Edited, not saved:")
    expect(page.locator("#result-peak_qps .value")).to_have_text("10.2k req/s")  # 2.55k req/s × 4
    assert page.locator("#results #edited-note").count() == 0  # swapped into the heading, not the results
    page.fill("#id_peak_factor", "2")
    expect(note).to_have_text("")


def test_the_edits_can_be_compared_with_the_saved_revision(page, live_server):
    save_two_revisions(page, live_server)

    page.fill("#id_dau", "40M")
    page.locator("#edited-note a").click()

    page.wait_for_url(re.compile(r"/compare/"))
    expect(page.locator("#compare-inputs-dau td.change")).to_have_text("×2 (+100%)")



def test_a_phone_shows_the_change_of_every_row_without_scrolling_sideways(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/compare/?a=dau%3D50M&b=dau%3D80M%26price_db_storage%3D%240.12%2FGB%2Fmonth")

    # 80M ÷ 50M = ×1.6 (+60%)
    change = page.locator("#compare-inputs-dau td.change")
    expect(change).to_have_text("×1.6 (+60%)")
    for table in page.locator("table.compare-table").all():
        assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    for cell in (change, page.locator("#compare-inputs-price_db_storage td.change"),
                 page.locator("#compare-inputs-price_egress td.change")):
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= 390
    context.close()
