import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIAGRAM = "svg.diagram:visible"  # a phone's tall diagram and a desktop's wide one are both on the page


def test_typing_a_system_redraws_the_diagram_and_the_total(page, live_server):
    page.goto(live_server.url + "/availability/")
    assert page.locator(f"{DIAGRAM} rect.block").count() == 4  # lb, app, db, db

    page.fill("#id_system", "web 99.9% -> (cache 99% | db 99.5%)")

    # 99.9% × (1 − 1% × 0.5%) = 99.9% × 99.995% = 99.895005%
    expect(page.locator(f"{DIAGRAM} rect.block")).to_have_count(3)
    expect(page.locator(f"{DIAGRAM} text.total")).to_have_text("Total: 99.895005%")
    expect(page.locator(DIAGRAM)).to_contain_text("cache")
    expect(page.locator("#result-availability .value")).to_have_text("99.895005%")
    page.wait_for_url(re.compile(r"/availability/\?system=web"))


def test_typing_two_of_three_copies_shows_99_9997002_percent(page, live_server):
    page.goto(live_server.url + "/availability/")

    page.fill("#id_system", "2 of 3 x db 99.9%")

    # 3 × 0.999² × 0.001 + 0.999³ = 0.002994003 + 0.997002999
    expect(page.locator("#result-availability .value")).to_have_text("99.9997002%")
    expect(page.locator(f"{DIAGRAM} text.total")).to_have_text("Total: 99.9997002%")
    expect(page.locator(f"{DIAGRAM} text.copies")).to_have_text("2 of 3 × (2 must be up)")


def test_a_malformed_system_shows_a_positioned_message(page, live_server):
    page.goto(live_server.url + "/availability/")

    page.fill("#id_system", "a 99% -> ")

    expect(page.locator("#error-system")).to_have_text("expected a component after '->' at column 9")


def test_on_a_phone_the_diagram_runs_down_with_text_of_at_least_12_px(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/availability/")

    diagram = page.locator(DIAGRAM)
    expect(diagram).to_have_class("diagram diagram-tall")
    smallest = diagram.evaluate("""svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
    }""")
    assert smallest >= 12
    assert diagram.bounding_box()["width"] <= 390


def test_a_desktop_shows_the_downtime_of_every_period_without_scrolling_sideways(page, live_server):
    page.goto(live_server.url + "/availability/")

    table = page.locator("table.downtime")
    expect(table.locator("thead th").last).to_have_text("per year")
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    # 1 − 99.9999% of a year = 31.536 s: the last column is on the screen
    year = table.locator("tbody tr").last.locator("td").last
    expect(year).to_have_text("31.54s")
    box, frame = year.bounding_box(), page.locator("#results").bounding_box()
    assert box["x"] + box["width"] <= frame["x"] + frame["width"]
