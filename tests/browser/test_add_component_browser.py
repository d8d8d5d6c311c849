"""The lines editor as a surface of its own: wide above the form, wrapping, each line's result
beside it, and "Add a component" putting a kind's line into it in one click or keypress.
The README's pictures of it are `make screenshot`'s (lines.png, lines-phone.png)."""

import re
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



def test_the_chat_problem_is_answered_by_adding_one_component_from_the_menu(page, live_server):
    page.goto(live_server.url + "/?dau=50M&writes_per_user=40")

    page.select_option("#id_add_kind", "connections")
    page.click("text=Add to my lines")

    # ws = connections(concurrent: dau × 10%, messages: write_qps): 50M × 10% = 5M open at the
    # busiest moment, ⌈5M ÷ (100k × 70%)⌉ = 72; messages 50M × 40 ÷ 86,400 s = 23.1k/s, × 2 at the
    # peak ÷ (50k/s × 70%) = ⌈1.32⌉ = 2: the connections bind, 72 nodes, $10,800 a month.
    expect(page.locator("#id_lines")).to_have_value("ws = connections(concurrent: dau × 10%, messages: write_qps)")
    expect(page.locator("#line-results li").first).to_have_text("72 nodes connections · $10.8k/month",
                                                               use_inner_text=True)
    expect(page.locator("#summary")).to_contain_text("ws connections")
    expect(page.locator("#component-ws")).to_contain_text("72")
    expect(page.locator("#component-ws")).to_contain_text("connections")
    page.wait_for_url(re.compile(r"lines=ws"))


def test_a_second_component_of_a_kind_gets_a_free_name_from_the_keyboard(page, live_server):
    page.goto(live_server.url + "/")
    page.fill("#id_lines", "jobs = workers(rate: write_qps, work: 1 s)")

    page.focus("#id_add_kind")
    page.select_option("#id_add_kind", "workers")
    page.keyboard.press("Tab")  # to the button
    expect(page.locator("[data-add-component]")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("#id_lines")).to_have_value(
        "jobs = workers(rate: write_qps, work: 1 s)\njobs_2 = workers(rate: write_qps, work: 50 ms)")
    expect(page.locator("#id_lines")).to_be_focused()
    expect(page.locator("#component-jobs_2")).to_be_visible()


def test_a_transfer_is_added_beside_the_default_net_not_over_it(page, live_server):
    page.goto(live_server.url + "/")

    page.select_option("#id_add_kind", "transfer")
    page.click("text=Add to my lines")

    expect(page.locator("#id_lines")).to_have_value("net_2 = transfer(out: egress)")
    expect(page.locator("#component-net")).to_be_visible()


def test_without_javascript_the_add_button_asks_the_server_for_the_same_line(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/?dau=50M")

    page.select_option("#id_add_kind", "queue")
    page.click("text=Add to my lines")

    expect(page.locator("#id_lines")).to_have_value("events = queue(rate: write_qps, size: 1 KB)")
    expect(page.locator("#component-events")).to_be_visible()
    assert "add_kind" not in page.url and "lines=events" in page.url
    context.close()


LONG = ("photos = 100M users × 0.1 req/user/day × 500 KB/req × 10 years -> PB  # a long line that wraps "
        "on a phone\nkey_length = ceil(log(1e12, 62))")


def test_a_long_line_wraps_and_the_next_lines_result_stays_beside_it(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.fill("#id_lines", LONG)
    rows = page.locator("#line-results li")
    expect(rows.nth(1)).to_have_text("7", use_inner_text=True)

    textarea = page.locator("#id_lines").bounding_box()
    second = rows.nth(1).bounding_box()
    first = rows.nth(0).bounding_box()

    # The editor is wide (most of the 1280 px page, not the form's column) and wraps: the first
    # line takes two rows, so the second line's result sits two rows down, where its line is.
    assert textarea["width"] > 600
    assert first["height"] > 30
    assert second["y"] == pytest.approx(first["y"] + first["height"], abs=1)


def test_on_a_phone_the_editor_wraps_and_labels_each_result(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    page.fill("#id_lines", LONG)
    expect(page.locator("#line-results li").nth(1)).to_contain_text("key_length = 7", use_inner_text=True)

    box = page.locator("#id_lines").bounding_box()
    scroll = page.evaluate("document.getElementById('id_lines').scrollWidth - document.getElementById('id_lines').clientWidth")

    assert box["width"] <= 390 and scroll == 0  # nothing scrolls out of view sideways
