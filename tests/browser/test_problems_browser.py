import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_user_finds_a_problem_and_practices_it(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Problems").click()

    # As you type, the list narrows (the GET form does the same without JavaScript)
    page.fill("#problems-q", "whatsapp")
    expect(page.locator("tr#pastebin")).to_be_hidden()
    expect(page.locator("tr#chat-50m-dau")).to_be_visible()
    page.locator("tr#chat-50m-dau a.add").click()
    expect(page.get_by_role("heading", name="Chat (WhatsApp-like), 50M DAU")).to_be_visible()

    # One figure well estimated, one 10× too high, one in the wrong unit
    page.fill("#answer-write_qps", "50M × 40 ÷ 1 day")
    page.fill("#answer-ws-nodes", "720")
    page.fill("#answer-ws-memory", "50 GB/s")
    page.get_by_role("button", name="Grade my estimates").click()

    page.wait_for_url(re.compile(r"/problems/chat-50m-dau/practice/\?write_qps=.*ws\.nodes=720"))
    expect(page.locator("#answer-write_qps-row .verdict")).to_have_text("close")
    expect(page.locator("#answer-ws-nodes-row .verdict")).to_have_text("off: 10× too high")
    expect(page.locator("#answer-ws-memory-error")).to_contain_text("is a bandwidth (B/s)")
    expect(page.locator("#answer-ws-memory")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#answer-ws-nodes-row .hint")).to_contain_text("ceil(ws.concurrent ÷ (ws.per_node × utilization))")

    # The work on request
    work = page.locator("#answer-ws-nodes-row details")
    expect(work.locator("pre")).to_be_hidden()
    work.locator("summary").click()
    expect(work.locator("pre")).to_contain_text("= 72")

    # The attempt is a link: opened afresh it shows the same grades
    link = page.url
    page.goto(link)
    expect(page.locator("#answer-ws-nodes-row .verdict")).to_have_text("off: 10× too high")


def test_one_problem_answered_well_and_one_with_a_unit_error(page, live_server):
    page.goto(live_server.url + "/problems/pastebin/practice/")
    page.fill("#answer-writes_per_second", "10M ÷ 30 days")
    page.fill("#answer-reads_per_second", "40/s")
    page.fill("#answer-pastes_per_month", "10 GB")
    page.fill("#answer-pastes_held", "360 GB")
    page.get_by_role("button", name="Grade my estimates").click()

    for name in ("writes_per_second", "reads_per_second", "pastes_per_month", "pastes_held"):
        expect(page.locator(f"#answer-{name}-row .verdict")).to_have_text("close")

    page.goto(live_server.url + "/problems/youtube/practice/")
    page.fill("#answer-video_per_day", "150 TB/s")
    page.keyboard.press("Enter")  # the form submits like any form

    expect(page.locator("#answer-video_per_day-error")).to_have_text(
        "'150 TB/s' is a bandwidth (B/s); New video a day needs a size (B)")
    expect(page.locator("#answer-video_per_day")).to_have_value("150 TB/s")


def test_a_phone_names_each_problems_cost_and_nodes_and_puts_its_source_on_a_line_of_its_own(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/problems/")

    row = page.locator("tr#pastebin")
    cost, nodes = row.locator("td.value").nth(0), row.locator("td.value").nth(1)
    # The table's head is hidden on a phone: each figure says what it is
    label = "el => getComputedStyle(el, '::before').content"
    assert "Cost" in cost.evaluate(label) and "Nodes" in nodes.evaluate(label)
    # The source starts a line of its own under the statement, not in the middle of its last line
    statement = row.locator("td").first.locator(".meta").first.bounding_box()
    source = row.locator("td").nth(1).bounding_box()
    assert source["y"] >= statement["y"] + statement["height"] - 1
    assert source["x"] <= statement["x"] + 1
    # A group's heading is as wide as its rows
    heading = page.locator("#problems-table tr.group th").first.bounding_box()
    assert heading["width"] >= row.bounding_box()["width"] - 1
    context.close()


def test_practice_keeps_its_givens_apart_from_the_answers_and_its_button_apart_from_start_again(page, live_server):
    page.goto(live_server.url + "/problems/chat-50m-dau/practice/")

    given = page.locator(".practice-given details").bounding_box()
    answers = page.get_by_role("heading", name="Your estimates").bounding_box()
    assert answers["y"] - (given["y"] + given["height"]) >= 16  # was 0: the summary touched the heading
    button = page.get_by_role("button", name="Grade my estimates").bounding_box()
    again = page.get_by_role("link", name="Start again").bounding_box()
    assert again["x"] - (button["x"] + button["width"]) >= 12  # was a space's width


def test_grading_on_a_phone_opens_the_page_at_the_answers(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/problems/chat-50m-dau/practice/")

    page.fill("#answer-write_qps", "50M × 40 ÷ 1 day")
    page.get_by_role("button", name="Grade my estimates").click()

    page.wait_for_url(re.compile(r"/practice/\?write_qps=.*#estimates$"))
    expect(page.locator("#answer-write_qps-row .verdict")).to_have_text("close")
    assert page.evaluate("window.scrollY") > 0
    heading = page.get_by_role("heading", name="Your estimates").bounding_box()
    assert 0 <= heading["y"] < 844  # in sight, not two screens down
    context.close()
