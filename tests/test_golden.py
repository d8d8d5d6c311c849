"""Every preset's API body, markdown and results partial, and the availability workbench's,
compared with fixtures the code wrote before a refactoring (tests/golden/). A refactoring
that means to change no figure, display or line leaves them equal; one that means to change
some regenerates them (`GOLDEN=write python -m pytest tests/test_golden.py`) and its diff
is read before it lands."""

import json
import os
import re
from pathlib import Path

import pytest

from estimator.domain.presets import PRESETS

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "golden"
WORKBENCH = {"target": "99.99%", "window": "28 days", "error_rate": "0.02%", "requests": "1bn"}
# Ranges of every family the display knows, checks that pass in some cases, binary sizes.
RANGED = {"dau": "50M to 200M", "object_size": "200 KB to 1 MB", "retention": "5 to 10 years",
          "request_latency": "50 ms to 300 ms", "price_egress": "$0.02/GB to $0.09/GB", "size_units": "binary",
          "lines": "lat = 5 ms to 50 ms\nok = lat + 10 ms <= 40 ms\nslow = lat * 2000 -> s\n"
                   "down = (1 - availability) * 1 year\nper_user = storage_total / dau -> MB/user\n"
                   "calls = peak_qps -> req/day\nspend = cost_per_month / dau\nk = 4096\n"
                   "n = 1024 * 3\nbig = dau * 2\nfits = object_size <= 800 KB/req"}
PLAIN = {**RANGED, "dau": "150M", "object_size": "500 KB", "retention": "7 years", "request_latency": "120 ms",
         "price_egress": "$0.05/GB", "size_units": "decimal",
         "lines": RANGED["lines"].replace("5 ms to 50 ms", "20 ms")}
_TOKEN = re.compile(r'(csrfmiddlewaretoken" value=")[^"]+|("X-CSRFToken": ")[^"]+')


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("GOLDEN") == "write":
        path.write_text(text)
    assert text == path.read_text()


def _cases():
    for preset in PRESETS:
        yield preset.slug, "/api/v1/estimate", "/estimate.md", "/", preset.inputs
    yield "ranged", "/api/v1/estimate", "/estimate.md", "/", RANGED
    yield "plain", "/api/v1/estimate", "/estimate.md", "/", PLAIN
    yield "workbench", "/api/v1/availability", "/availability.md", "/availability/", WORKBENCH


@pytest.mark.parametrize("slug,api,markdown,page,query", list(_cases()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_api_markdown_and_partial_are_as_before(client, slug, api, markdown, page, query):
    body = client.get(api, query)
    text = client.get(markdown, query)
    partial = client.get(page, query, HTTP_HX_REQUEST="true")

    assert body.status_code == text.status_code == partial.status_code == 200
    _compare(f"{slug}.json", json.dumps(body.json(), indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    _compare(f"{slug}.md", text.content.decode())
    _compare(f"{slug}.html", _TOKEN.sub(r"\1\2", partial.content.decode()))
