"""The page's architecture diagram in Chromium: it moves as you type, and a phone shows it at
full size (its text at least 12 px at 390 px wide), in light and dark."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISIBLE = "svg.architecture-diagram:visible"


def test_the_diagram_moves_as_you_type(page, live_server):
    page.goto(live_server.url + "/")
    app = page.locator(f"{VISIBLE} #arch-wide-app")
    expect(app).to_contain_text("2 nodes")

    # 100M users × 11 requests a day (10 reads, 1 write) = 12.7k req/s; × 2 ÷ (1k × 70%) = 36.4 → 37 app servers.
    page.fill("#id_dau", "100M")

    expect(app).to_contain_text("37 nodes")
    expect(page.locator(VISIBLE)).to_have_attribute("role", "img")


def test_a_component_line_adds_a_box_and_an_arrow_from_what_feeds_it(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_lines", "fan = queue(rate: write_qps × 300, size: 200 B)\npush = workers(rate: fan.rate, work: 5 ms)")

    expect(page.locator(f"{VISIBLE} #arch-wide-push")).to_contain_text("workers")
    expect(page.locator(f"{VISIBLE} desc")).to_contain_text("fan to push")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_shows_the_narrow_diagram_at_full_size(browser, live_server, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(live_server.url + "/")

    svg = page.locator(VISIBLE)
    expect(svg).to_have_count(1)
    assert "architecture-narrow" in svg.get_attribute("class")
    drawn = svg.bounding_box()["width"]
    assert drawn == pytest.approx(float(svg.get_attribute("width")), abs=0.5)  # 1:1: not shrunk
    sizes = page.eval_on_selector_all(f"{VISIBLE} text", "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert sizes and min(sizes) >= 12
    text_fill = page.eval_on_selector(f"{VISIBLE} text.name", "t => getComputedStyle(t).fill")
    background = page.eval_on_selector(f"{VISIBLE} rect", "r => getComputedStyle(r).fill")
    assert text_fill != background
    context.close()


def _inside(page, locator) -> bool:
    """Whether the element lies within the viewport's width (not cut off at the right edge)."""
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]


def test_a_phone_shows_every_components_cost_without_scrolling_sideways(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    # 50M users × 40 messages a day with a connection tier: the widest figures the chat problem shows
    page.goto(live_server.url + "/?dau=50M&writes_per_user=40&lines=ws+%3D+connections%28concurrent%3A+dau+%C3%97+10%25%29")

    table = page.locator("table.architecture-table")
    expect(page.locator("#component-db td").last).to_contain_text("/month")
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    for name in ("app", "cache", "db", "objects", "net", "ws"):
        assert _inside(page, page.locator(f"#component-{name} td").last), name
    context.close()
