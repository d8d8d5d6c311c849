"""The summary at a glance shows each component's nodes with the limit that set them."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def fleet(html: str) -> dict[str, str]:
    """Component name → its nodes and bound as the summary shows them."""
    block = re.search(r'<dl class="headline fleet"[^>]*>(.*?)</dl>', html, re.S)
    assert block is not None, "no components in the summary"
    rows = re.findall(r"<dt><code>(\w+)</code>.*?</dt><dd>(.*?)</dd>", block.group(1), re.S)
    return {name: " ".join(unescape(re.sub(r"<[^>]+>", " ", shown)).split()) for name, shown in rows}


def test_the_default_architecture_shows_each_components_nodes_and_bound(client):
    html = client.get("/").content.decode()

    # 1M users × 11 req/user/day = 127 req/s, peak 255 req/s: ⌈255 ÷ (1k × 70%)⌉ = 1 server,
    # so the floor of 2 sets it. The cache's 20 GB (116 req/s × 1 day × 10 KB × 20%) fits
    # ⌈20 GB ÷ (64 GB × 70%)⌉ = 1 node. The database's 1.83 TB is one shard with 3 − 1 = 2
    # replicas (its copies), 3 nodes. Object storage and egress are rented.
    assert fleet(html) == {"app": "2 minimum for redundancy", "cache": "1 memory",
                           "db": "3 minimum for redundancy", "objects": "rented", "net": "rented"}


def test_node_counts_of_components_are_not_repeated_among_the_headline_figures(client):
    html = client.get("/").content.decode()
    summary = html[html.index('id="summary"'):html.index("</section>", html.index('id="summary"'))]

    assert 'href="#result-app_servers"' not in summary and 'href="#result-cost_per_month"' in summary


def test_a_component_of_your_own_joins_the_summary_and_updates_with_htmx(client):
    lines = "ws = connections(concurrent: dau × 10%)"

    html = client.get("/", {"lines": lines, "dau": "50M"}, HTTP_HX_REQUEST="true").content.decode()

    # 50M × 10% = 5M connections: ⌈5M ÷ (100k × 70%)⌉ = ⌈71.4⌉ = 72 nodes, bound by connections.
    assert 'id="summary"' in html and 'hx-swap-oob="true"' in html
    assert fleet(html)["ws"] == "72 connections"


def test_the_pages_cost_holds_a_declared_components_cost(client):
    # The chat problem: 72 connection servers × $150/month = $10,800/month, in the bill beside the others
    page = client.get("/", {"dau": "50M", "writes_per_user": "40",
                            "lines": "ws = connections(concurrent: dau × 10%, messages: write_qps)"}).content.decode()

    cost = page[page.index("<h3>Cost</h3>"):page.index("<h3>Conventions</h3>")]
    assert 'id="result-ws.cost"' in cost
    assert cost.index('id="result-ws.cost"') < cost.index('id="result-cost_per_month"')
    assert "$10.8k/month" in cost[cost.index('id="result-ws.cost"'):cost.index('id="result-cost_per_month"')]
