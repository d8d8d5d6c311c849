import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def value(page, name):
    return page.locator(f"#result-{name} .value")


def test_typing_updates_results_without_a_page_load_and_the_address_follows(page, live_server):
    page.goto(live_server.url + "/")
    page.evaluate("window.sameDocument = true")

    page.fill("#id_dau", "100M")
    page.fill("#id_reads_per_user", "5")

    expect_text(value(page, "read_qps"), "5.79k req/s")
    page.wait_for_url(re.compile(r"\?dau=100M&reads_per_user=5$"))
    assert page.evaluate("window.sameDocument") is True  # no navigation happened


def test_the_address_opened_in_a_new_page_shows_the_same_results(page, live_server, browser):
    page.goto(live_server.url + "/")
    page.fill("#id_dau", "250M")
    page.fill("#id_object_size", "2 MiB")
    page.wait_for_url(re.compile(r"object_size=2\+MiB"))
    expect_text(value(page, "read_qps"), "28.9k req/s")  # 250M users × 10 reads ÷ 86,400 s
    page.wait_for_load_state("networkidle")
    shown = {name: value(page, name).inner_text() for name in ("read_qps", "storage_total", "app_servers")}

    other = browser.new_page()
    other.goto(page.url)

    assert {name: value(other, name).inner_text() for name in shown} == shown
    other.close()


def test_a_bad_input_shows_its_message_at_the_field(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_object_size", "5 m")

    expect_text(page.locator("#error-object_size"), "'5 m' is a length; object_size needs a size such as 500 KB")
    expect(page.locator("#id_object_size")).to_have_attribute("aria-invalid", "true")
    expect_text(value(page, "storage_per_day"), "unavailable")
    page.fill("#id_object_size", "5 KB")
    expect_text(page.locator("#error-object_size"), "")
    expect(page.locator("#id_object_size")).not_to_have_attribute("aria-invalid", "true")


def test_without_javascript_submitting_computes(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")

    page.fill("#id_dau", "100M")
    page.fill("#id_reads_per_user", "5")
    page.click("text=Compute")

    assert page.url == live_server.url + "/?dau=100M&reads_per_user=5"
    assert value(page, "read_qps").inner_text() == "5.79k req/s"
    context.close()


def test_the_form_is_usable_from_the_keyboard(page, live_server):
    page.goto(live_server.url + "/")
    page.focus("#id_dau")

    page.keyboard.press("Control+A")
    page.keyboard.type("100M")
    page.keyboard.press("Tab")
    page.keyboard.type("5")  # Tab lands in the next field, reads_per_user, and its text is replaced

    assert page.evaluate("document.activeElement.id") == "id_reads_per_user"
    expect_text(value(page, "read_qps"), re.compile(r"k req/s$"))


def expect_text(locator, expected):
    expect(locator).to_have_text(expected)



def test_a_persistent_status_announces_each_update_to_screen_readers(page, live_server):
    page.goto(live_server.url + "/")
    status = page.locator("#results-status")
    assert status.get_attribute("aria-live") == "polite"
    page.evaluate("() => { document.getElementById('results-status').marker = 'kept'; }")

    page.fill("#id_dau", "lots")

    expect(status).to_have_text("Results updated; 1 input or line needs attention: dau.")
    # The same element, only its text replaced: a replaced live region would not be announced.
    assert page.evaluate("() => document.getElementById('results-status').marker") == "kept"
    page.fill("#id_dau", "5M")
    expect(status).to_have_text("Results updated.")
