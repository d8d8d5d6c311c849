"""The markdown export as a design doc (architecture.md, The diagram and the design doc) and its
mermaid flowchart's escaping."""

import re

import pytest

from estimator.domain.estimate import estimate
from estimator.domain.presets import PRESETS
from estimator.domain.problems import PROBLEMS
from estimator.render import markdown, mermaid
from estimator.render.topology import topology

HOSTILE_TEXTS = ('a "quoted" name', "x[1] (y) {z}", "p|q", "click c0 call alert()", "%% comment", "%%{init: {}}%%",
                 "<script>alert(1)</script>", "`**md**`", "#quot; #60;", "end", "A --> B", "a;b", "<br/>")
# Component names can only be lower-case words, so the hostile ones are mermaid's own keywords.
HOSTILE_LINES = "\n".join((
    "end = servers(rate: 1k/s)",
    "click = queue(rate: end.rate, size: 1 KB)",
    "style = workers(rate: click.rate, work: 5 ms)",
    "subgraph = kv_store(writes: click.rate, data: 1 TB)",
    "o = cache(data: 10 GB)",
    "x = fees(rate: 1M/day, price: $0.0079)",
    "classdef = time_series(points: 1k/s, retention: 1 day)",
    "href = search_index(docs: 1M, doc_size: 1 KB)",
    "too_slow = 2 s <= 1 s",
    "too_dear = cost_per_month <= $1/month",
    "fine = 1 s <= 2 s",
))


def sections(text: str) -> list[str]:
    return re.findall(r"^## (.*)$", text, re.M)


def section(text: str, name: str) -> str:
    return text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]


def flowchart(text: str) -> str:
    return text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]


@pytest.mark.parametrize("preset", PRESETS + PROBLEMS, ids=lambda p: p.slug)
def test_every_preset_and_problem_is_a_design_doc_in_the_templates_order(preset):
    text = markdown.render(estimate(preset.inputs), share_url="https://x.test/", name=preset.name)

    assert sections(text) == ["Summary", "Requirements", "Capacity estimation", "High-level design",
                              "Cost and growth", "Bottlenecks", "Assumptions"]
    assert text.rstrip().endswith("Share link: <https://x.test/>")
    design = section(text, "High-level design")
    assert design.index("```mermaid") < design.index("### Components")


def test_every_failed_check_is_under_bottlenecks_with_its_work():
    text = markdown.render(estimate({"lines": HOSTILE_LINES}), share_url="https://x.test/")

    bottlenecks = section(text, "Bottlenecks")
    assert "- ❌ fails: `too_slow` — 2 s ≤ 1 s = no" in bottlenecks
    assert re.search(r"- ❌ fails: `too_dear` — \$[\d.,k]+/month ≤ \$1/month = no", bottlenecks)
    assert "fine" not in bottlenecks  # a passing check stays under Requirements only
    requirements = section(text, "Requirements")
    assert all(f"`{name}`" in requirements for name in ("too_slow", "too_dear", "fine"))


def test_bottlenecks_name_the_three_tiers_under_the_most_load_with_their_work():
    # The photo app, by utilization at the peak: 17 app servers at 11,805.6 req/s × 100 ms ÷ 1,700 slots
    # = 69.4%; 67 thumbnail workers at 231.5 photos/s × 200 ms ÷ 67 = 69.1%; 18 database nodes at 1.41%
    # (its 3 cache nodes, holding metadata, come after).
    photo = next(p for p in PRESETS if p.slug == "photo-sharing-100m-dau")

    bottlenecks = section(markdown.render(estimate(photo.inputs), share_url="https://x.test/"), "Bottlenecks")

    tiers = re.findall(r"^- `(\w+)`: (.*)$", bottlenecks, re.M)
    assert [name for name, _ in tiers] == ["app", "thumbs", "db"]
    assert tiers[0][1].startswith("utilization 69.4% — max(2, ⌈5.9k req/s × 2 ÷ (1k req/s × 70%)⌉")


def test_the_flowchart_has_every_component_with_its_figures_and_the_peak_on_each_arrow():
    result = estimate({"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
                       "response_size": "200 KB", "retention": "10 years"})

    chart = mermaid.flowchart(topology(result))

    assert chart.startswith("flowchart TD\n")
    assert 'c0["app<br/>servers<br/>▲ bottleneck<br/>17 nodes (peak requests)<br/>$2,550/month"]' in chart
    assert 'client -->|"11.8k req/s"| c0' in chart  # 5.9k req/s × peak factor 2
    assert 'c0 -->|"writes 231 req/s<br/>reads 2.31k req/s"| c2' in chart
    assert "class c0 bottleneck" in chart  # the app, at 69% of its slots


def test_names_that_are_mermaid_keywords_never_become_ids_or_statements():
    chart = mermaid.flowchart(topology(estimate({"lines": HOSTILE_LINES})))

    ids = re.findall(r"^  (\w+)[\[(]", chart, re.M)
    assert set(ids) <= {"client"} | {f"c{n}" for n in range(20)}
    statements = [re.match(r"\s*(\w+)", line).group(1) for line in chart.splitlines()[1:]]
    assert set(statements) <= set(ids) | {"classDef", "class"}
    assert "click" in chart and not re.search(r"^\s*click\b", chart, re.M)


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_a_label_cannot_close_its_string_or_write_markup_a_comment_or_a_markdown_string(hostile):
    quoted = mermaid.label(hostile, "second line")

    inner = quoted[1:-1]
    assert quoted.startswith('"') and quoted.endswith('"') and '"' not in inner
    assert not set(inner.replace("<br/>", "")) & set("<>`|%[]{}\"'")
    # Entity codes only: what mermaid shows is the text as typed.
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), inner.split("<br/>")[0])
    assert decoded == " ".join(hostile.split())


def test_the_cost_table_bills_a_declared_component():
    text = markdown.render(estimate({"dau": "50M", "writes_per_user": "40",
                                     "lines": "ws = connections(concurrent: dau × 10%, messages: write_qps)"}),
                           share_url="https://x.test/")

    cost = section(text, "Cost and growth")
    # 72 connection servers × $150/month
    assert "| ws: Cost a month | `ws.cost` | $10.8k/month | 72 × $150/month = $10.8k/month |" in cost
    assert cost.index("`ws.cost`") < cost.index("`cost_per_month`")
