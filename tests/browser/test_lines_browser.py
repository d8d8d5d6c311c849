import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_a_line_shows_its_result_beside_its_row(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_lines", "urls = 100M req/day × 10 years\nkey_length = ceil(log(urls, 62))")

    # 100M a day × 3,650 days = 365B URLs; 62^6 < 3.65e11 ≤ 62^7, so 7 characters
    rows = page.locator("#line-results li")
    expect(rows.nth(0)).to_have_text("365bn req", use_inner_text=True)
    expect(rows.nth(1)).to_have_text("7", use_inner_text=True)
    expect(page.locator("#result-key_length .value")).to_have_text("7")
    page.wait_for_url(re.compile(r"lines=urls"))


def test_a_bad_line_is_marked_at_its_row_while_the_next_one_computes(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_lines", "x = 1 KB + 5\ny = 2 GB × 3")

    rows = page.locator("#line-results li")
    expect(rows.nth(0)).to_contain_text("cannot add a size (B) and a plain number")
    expect(rows.nth(0)).to_have_class(re.compile("error"))
    expect(rows.nth(1)).to_have_text("6 GB", use_inner_text=True)


def test_a_field_takes_a_formula(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_dau", "300M × 50%")
    page.fill("#id_reads_per_user", "2")

    # 150M users × 2 a day ÷ 86,400 s = 3.47k req/s
    expect(page.locator("#result-read_qps .value")).to_have_text("3.47k req/s")
    page.locator("#result-read_qps summary").click()
    expect(page.locator("#result-read_qps .work p")).to_have_text("150M users × 2 req/user/day × 1 day ÷ 24 h = 3.47k req/s")


def test_a_bad_lines_whole_message_is_shown_under_the_lines_when_its_row_cuts_it(page, live_server):
    page.goto(live_server.url + "/")

    page.fill("#id_lines", "q = queu(rate: write_qps, size: 1 KB)\nok = 2 + 2")

    # Beside the row the message is cut to the column's width, before its suggestion...
    row = page.locator("#line-results li").first
    expect(row).to_contain_text("'queu' is not a kind of component")
    assert row.evaluate("li => li.scrollWidth > li.clientWidth")
    # ...so the whole of it, "did you mean" included, is under the lines, wrapped, not cut.
    message = page.locator("#line-errors li")
    expect(message).to_have_count(1)
    expect(message).to_be_visible()
    expect(message).to_contain_text("line 1 (q): 'queu' is not a kind of component (did you mean queue?)")
    assert message.evaluate("li => li.scrollWidth <= li.clientWidth")

    page.fill("#id_lines", "q = queue(rate: write_qps, size: 1 KB)\nok = 2 + 2")

    expect(page.locator("#line-errors li")).to_have_count(0)
    expect(page.locator("#line-errors")).to_be_hidden()


def test_a_phone_shows_a_bad_lines_message_once_beside_its_row(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/?lines=q+%3D+queu%28rate%3A+write_qps%29")

    # The rows' results stack under the lines and wrap: the message is whole there, and only there.
    expect(page.locator("#line-results li").first).to_contain_text("did you mean queue?")
    expect(page.locator("#line-errors")).to_be_hidden()
