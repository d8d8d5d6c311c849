"""The keystroke path: a keystroke asks at once, a newer one replaces a request in flight, and
the answer is morphed into the page (only what changed is written)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_results_are_written_into_the_same_elements_and_an_opened_work_stays_open(page, live_server):
    page.goto(live_server.url + "/?dau=1M")
    page.evaluate("window.card = document.getElementById('result-read_qps')")
    page.click("#result-read_qps details summary")

    page.fill("#id_dau", "100M")

    expect(page.locator("#result-read_qps .value")).to_have_text("11.6k req/s")  # 100M × 10 ÷ 86,400 s
    assert page.evaluate("document.getElementById('result-read_qps') === window.card")
    expect(page.locator("#result-read_qps details")).to_have_attribute("open", "")
    expect(page.locator("#result-read_qps .work p")).to_contain_text("100M")


def test_a_result_that_goes_unavailable_and_back_is_shown_each_time(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_object_size", "5 m")
    expect(page.locator("#result-storage_per_day .value")).to_have_text("unavailable")
    expect(page.locator("#result-storage_per_day")).to_have_class(re.compile(r"\bunavailable\b"))
    expect(page.locator("#results-notice")).to_be_visible()
    page.fill("#id_object_size", "5 KB")

    expect(page.locator("#result-storage_per_day")).not_to_have_class(re.compile(r"\bunavailable\b"))
    expect(page.locator("#results-notice")).to_have_count(0)
    expect(page.locator("#result-storage_per_day .value")).not_to_have_text("unavailable")


def test_keys_typed_faster_than_the_answers_end_on_the_last_texts_results(page, live_server):
    page.goto(live_server.url + "/")
    page.focus("#id_dau")
    page.keyboard.press("Control+a")

    page.keyboard.type("250M", delay=0)  # four requests, each replacing the one before it

    expect(page.locator("#result-read_qps .value")).to_have_text("28.9k req/s")  # 250M × 10 ÷ 86,400 s
    page.wait_for_url(re.compile(r"\?dau=250M$"))
