"""The README's screenshots, taken with the browser tests' own Chromium launcher.

    python -m tests.browser.screenshot      (or: make screenshot)

Starts the app on a free loopback port with a throwaway SQLite database, photographs the
calculator (desktop, phone, dark), the availability workbench and the architecture diagram of
three presets (desktop and phone), then stops it. The rendered mermaid diagram is taken by its
browser test: `SCREENSHOTS=1 pytest tests/browser/test_mermaid_browser.py -k readme`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urlencode
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import launch

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("screenshots")
TWITTER_LINES = (
    "# Twitter: 300M monthly users, half of them daily\n"
    "tweets_per_day = dau × 2 req/user/day -> req/day\n"
    "media_per_day = tweets_per_day × 10% × 1 MB/req -> TB/day\n"
    "media_5_years = media_per_day × 5 years -> PB\n"
    "media = object_store(data: media_5_years)  # the media's bill joins the architecture\n"
    "\n"
    "# URL shortener keys\n"
    "urls = 100M req/day × 10 years\n"
    "key_length = ceil(log(urls, 62))\n"
    "redirect_ok = 1 ms + 0.5 ms + 10 ms <= 500 ms\n"
    "oops = media_per_day + 5"
)
LINES = "/?" + urlencode({"dau": "300M × 50%", "lines": TWITTER_LINES})
GROWING = "/?" + urlencode({"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
                            "response_size": "200 KB", "retention": "10 years", "growth": "30%",
                            "lines": "cdn_bill = egress × ref.price_cdn_egress\nbudget_ok = cost_per_month <= $1M/month"})
ARCHITECTURES = ("photo-sharing-100m-dau", "url-shortener-1m-rps", "video-upload-1k-users")  # the page's diagram
# Practice attempts as a new user makes them: one answered well, one 10× off, one in the wrong unit.
PRACTICE = (
    ("practice-good.png", "/problems/pastebin/practice/?" + urlencode(
        {"writes_per_second": "10M ÷ 30 days", "reads_per_second": "40/s", "pastes_per_month": "10 GB",
         "pastes_held": "360 GB"})),
    ("practice-off.png", "/problems/chat-50m-dau/practice/?" + urlencode(
        {"write_qps": "50M × 40 ÷ 1 day", "ws.nodes": "720", "work": "1"})),
    ("practice-unit.png", "/problems/youtube/practice/?" + urlencode(
        {"video_per_day": "150 TB/s", "cdn_per_day": "$150k"})),
)
PHOTO = "/?dau=100M&reads_per_user=5&writes_per_user=0.1&object_size=500+KB&response_size=200+KB&retention=10+years"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(database: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "SQLITE_PATH": database}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def practice(browser, base: str) -> None:
    """The problem library and three practice attempts (README, Problems)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/problems/?q=xu")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / "problems.png"))
    page.close()
    print(OUT / "problems.png")
    for name, path in PRACTICE:
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.locator("form.practice").screenshot(path=str(OUT / name))
        page.close()
        print(OUT / name)


def main(only: str = "") -> None:
    """Every screenshot, or with `practice` only the problems' ones."""
    OUT.mkdir(exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        server = serve(str(Path(folder) / "db.sqlite3"), port)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                practice(browser, base)
                if only == "practice":
                    browser.close()
                    return
                shots = [("calculator-desktop.png", PHOTO, {"width": 1280, "height": 1000}, "light"),
                         ("calculator-phone.png", PHOTO, {"width": 390, "height": 844}, "light"),
                         ("calculator-dark.png", PHOTO + "&object_size=5+m", {"width": 1280, "height": 800}, "dark"),
                         ("availability.png", "/availability/?error_rate=0.5%25", {"width": 1280, "height": 1000},
                          "light")]
                for name, path, viewport, scheme in shots:
                    page = browser.new_page(viewport=viewport, color_scheme=scheme)
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(OUT / name))
                    page.close()
                    print(OUT / name)
                for name, selector, viewport in (("summary-phone.png", "#summary", {"width": 390, "height": 844}),
                                                 ("timeline.png", ".timeline", {"width": 1280, "height": 1000})):
                    page = browser.new_page(viewport=viewport)
                    page.goto(base + GROWING)
                    page.wait_for_load_state("networkidle")
                    page.locator(selector).screenshot(path=str(OUT / name))
                    page.close()
                    print(OUT / name)
                for name, viewport in (("lines.png", {"width": 1280, "height": 1000}),
                                       ("lines-phone.png", {"width": 390, "height": 844})):
                    page = browser.new_page(viewport=viewport)
                    page.goto(base + LINES)
                    page.wait_for_load_state("networkidle")
                    page.locator(".lines-field").screenshot(path=str(OUT / name))
                    page.close()
                    print(OUT / name)
                for slug in ARCHITECTURES:
                    for suffix, viewport in (("", {"width": 1280, "height": 1000}),
                                             ("-phone", {"width": 390, "height": 844})):
                        page = browser.new_page(viewport=viewport)
                        page.goto(f"{base}/s/{slug}/")
                        page.wait_for_load_state("networkidle")
                        name = f"architecture-{slug.split('-')[0]}{suffix}.png"
                        page.locator(".architecture-figure").screenshot(path=str(OUT / name))
                        page.close()
                        print(OUT / name)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
