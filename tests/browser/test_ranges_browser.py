"""Ranges in the browser: typing `50M to 200M` puts an interval in the cards as you type, the
distribution opens on a sketch drawn by the server (and stays open while you type on), the
cards keep within a phone's width, and nothing breaks the content security policy."""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INTERVAL = re.compile(r"^\S.* \(.+ – .+\)$")  # '25.3k req/s (12.8k – 49.8k)'
RANGED = "/?" + urlencode({"dau": "50M to 200M", "object_size": "200 KB to 1 MB", "availability": "99.9% to 99.99%",
                           "lines": "lat = 5 ms to 50 ms\nok = lat + 10 ms <= 40 ms"})


def csp_violations(page) -> list[str]:
    seen = []
    page.on("console", lambda message: seen.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    return seen


def test_typing_a_range_shows_the_interval_live_and_its_distribution(page, live_server):
    violations = csp_violations(page)
    page.goto(live_server.url + "/")
    peak = page.locator("#result-peak_qps")
    expect(peak.locator(".value")).not_to_contain_text("–")

    page.fill("#id_dau", "50M to 200M")

    expect(peak.locator(".value")).to_have_text(INTERVAL)
    expect(peak.locator(".driver")).to_have_text("driven by Daily active users")
    page.wait_for_url(re.compile(r"dau=50M\+to\+200M"))
    page.wait_for_load_state("networkidle")
    expect(peak.locator("svg.sketch")).to_be_hidden()
    peak.locator(".distribution summary").click()
    sketch = peak.locator("svg.sketch")
    expect(sketch).to_be_visible()
    assert sketch.evaluate("svg => svg.getBoundingClientRect().height") > 20
    expect(sketch.locator("title")).to_have_text(re.compile(r"^90% between .+ and .+, median .+"))

    # Typing on swaps the results in again: the distribution the reader opened stays open.
    before = peak.locator(".value").inner_text()
    page.fill("#id_reads_per_user", "20")
    expect(peak.locator(".value")).not_to_have_text(before)
    expect(peak.locator("svg.sketch")).to_be_visible()

    peak.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/ranges-desktop.png")
    assert violations == []


def test_the_cards_stay_within_a_phones_width(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    violations = csp_violations(page)
    page.goto(live_server.url + RANGED)
    page.wait_for_load_state("networkidle")

    for name in ("peak_qps", "ok"):
        page.locator(f"#result-{name} .distribution summary").click()
    expect(page.locator("#result-ok svg.sketch")).to_be_visible()
    overflowing = page.evaluate("""() => [...document.querySelectorAll('.result')]
        .filter(card => card.scrollWidth > card.clientWidth + 1 || card.getBoundingClientRect().right > innerWidth)
        .map(card => card.id)""")
    assert overflowing == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The median stays on its own line's start; a long interval wraps below it as one piece.
    value = page.locator("#result-downtime_per_year .value")
    expect(value).to_have_text(INTERVAL)

    page.locator("#result-peak_qps").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/ranges-phone.png")
    assert violations == []
    context.close()
