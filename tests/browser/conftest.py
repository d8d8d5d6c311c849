"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium).

Where Chromium is missing the tests are skipped with the way to get it (README, Tests);
under CI (CI=true) a missing browser is a failure instead, so CI can never skip them.
"""

import os
import re
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

# Playwright's sync API runs an event loop in this thread; Django refuses database calls
# from a thread with a running loop unless told the caller is synchronous (it is).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: `sudo apt-get install chromium` (see README, Tests)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=60_000)  # as the page's waits: a guard against a hang, not a speed test

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # A wait is a guard against a hang, not a measure of speed: generous, so a busy machine
    # (the live server shares the cores with Chromium and the test) never fails a test.
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(60_000)
    yield page
    context.close()


def save_two_revisions(page, live_server) -> str:
    """A scenario saved at 1M users, then as revision 2 at 20M: its page's URL."""
    from playwright.sync_api import expect

    page.goto(live_server.url + "/")
    page.fill("#id_name", "Chat")
    page.click("text=Save scenario")
    page.wait_for_url(re.compile(r"/s/chat-\w+/$"))
    page.fill("#id_dau", "20M")
    expect(page.locator("#result-read_qps .value")).to_have_text("2.31k req/s")
    page.click("text=Save revision 2")
    page.wait_for_url(re.compile(r"/s/chat-\w+/$"))
    expect(page.locator(".history li")).to_have_count(2)
    return page.url
