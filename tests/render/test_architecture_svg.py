"""The architecture as boxes and arrows (topology.py) and drawn as SVG (architecture_svg.py).

Figures worked by hand with the default inputs (peak_factor 2): the photo app's 100M users ×
5 reads/day = 5.79k reads/s, × 0.1 writes/day = 116 writes/s, 5.9k req/s in all."""

import re
import xml.etree.ElementTree as ET

import pytest

from estimator.domain.estimate import estimate
from estimator.render import architecture_svg, mermaid
from estimator.render.topology import CLIENT, topology

PHOTO = {"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
         "response_size": "200 KB", "retention": "10 years"}
FAN_OUT = "\n".join((
    "fan = queue(rate: write_qps × 300, size: 200 B)",
    "push = workers(rate: fan.rate, work: 5 ms)",
    "feed = kv_store(writes: fan.rate, data: dau × 500 × 8 B/user)",
))


def edges(drawn):
    return {(e.source, e.target): e.label for e in drawn.edges}


def test_the_default_architecture_hangs_off_the_app_which_the_clients_call_at_peak():
    drawn = topology(estimate(PHOTO))

    # 5.9k req/s × 2 = 11.8k req/s into the app; the database takes 116 × 2 = 231 writes/s and
    # 5.79k × (1 − 80%) × 2 = 2.31k reads/s; egress 5.79k/s × 200 KB × 2 = 2.31 GB/s.
    assert edges(drawn) == {
        (CLIENT, "app"): ("11.8k req/s",),
        ("app", "cache"): ("reads 11.6k req/s",),  # 5.79k reads/s × 2 asked of the cache
        ("app", "db"): ("writes 231 req/s", "reads 2.31k req/s"),
        ("app", "objects"): (),
        ("app", "net"): ("2.31 GB/s",),
    }


def test_a_hit_rate_is_not_a_flow_so_the_cache_stands_beside_the_database():
    drawn = topology(estimate(PHOTO))

    assert ("cache", "db") not in edges(drawn)


def test_a_parameter_that_reads_another_component_is_an_arrow_from_it():
    drawn = topology(estimate({"lines": FAN_OUT}))

    # write_qps = 1M users × 1 write/day ÷ 86,400 s = 11.57/s; × 300 × 2 = 6.94k items/s at peak.
    assert edges(drawn)[("fan", "push")] == ("6.94k req/s",)
    assert edges(drawn)[("fan", "feed")] == ("writes 6.94k req/s",)
    assert ("app", "fan") in edges(drawn)  # fed by no component: the app's


def test_stores_sit_below_every_service():
    drawn = topology(estimate({"lines": FAN_OUT}))

    rank = {box.name: box.rank for box in drawn.boxes}
    assert rank["app"] == 1 and rank["fan"] == 2 and rank["push"] == 3
    assert all(rank[store] == 4 for store in ("cache", "db", "objects", "net", "feed"))


def test_the_bottleneck_is_the_tier_with_the_highest_utilization():
    # The photo app: 17 app servers carry 11,805.6 req/s × 100 ms = 1,180.56 in flight of 17 × 100 slots
    # (69.44%); 447 cache nodes hold 20 TB and answer 11.6k reads/s × 500 µs = 5.8 of 22,350 slots.
    drawn = topology(estimate(PHOTO))

    assert drawn.bottleneck == "app"
    assert dict(drawn.pressure)["app"] == "utilization 69.4%"
    assert [box.name for box in drawn.boxes if box.bottleneck] == ["app"]


def test_a_tier_at_its_floor_is_never_the_bottleneck():
    drawn = topology(estimate({}))  # 2 app servers, 3 database nodes: floors; 1 cache node for memory

    assert "app" not in dict(drawn.pressure) and "db" not in dict(drawn.pressure)


def test_no_tier_is_marked_the_bottleneck_while_every_tier_has_room():
    # The defaults: 1M users × 10 reads a day ÷ 86,400 s × 2 = 231.5 reads/s at the peak reach the one
    # cache node: × 500 µs = 0.116 of its 50 slots busy, 0.231%, far under half the planned 70% (and
    # it holds 20 GB of its 64 GB). The app servers and the database are at their floors. Nothing
    # is near its limit: nothing is red.
    drawn = topology(estimate({}))

    assert drawn.pressure[0] == ("cache", "utilization 0.231%")  # still ranked for the design doc
    assert drawn.bottleneck == ""
    assert not any(box.bottleneck for box in drawn.boxes)
    svg = architecture_svg.svg(drawn, layout="wide")
    assert "bottleneck" not in svg
    chart = mermaid.flowchart(drawn)
    assert "▲ bottleneck" not in chart and not re.search(r"^\s*class \S+ bottleneck$", chart, re.M)


def test_a_tier_the_load_grew_past_one_node_is_marked():
    # 6M users × 11 requests a day ÷ 86,400 s × 2 = 1,527.8 req/s at the peak: ⌈1,527.8 ÷ (1k × 70%)⌉ =
    # ⌈2.18⌉ = 3 app servers, above their floor of 2; 1,527.8 × 100 ms = 152.8 in flight of 3 × 100
    # slots: 50.9%.
    drawn = topology(estimate({"dau": "6M"}))

    assert drawn.bottleneck == "app"
    assert dict(drawn.pressure)["app"] == "utilization 50.9%"
    assert [box.name for box in drawn.boxes if box.bottleneck] == ["app"]


@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_the_svg_is_well_formed_and_has_a_box_and_a_text_alternative_per_component(layout):
    drawn = topology(estimate({**PHOTO, "lines": FAN_OUT}))

    svg = architecture_svg.svg(drawn, layout=layout)

    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    desc = root.find(f"{ns}desc").text
    for name in ("app", "cache", "db", "objects", "net", "fan", "push", "feed"):
        assert root.find(f".//{ns}g[@id='arch-{layout}-{name}']") is not None
        assert name in desc
    assert "style=" not in svg and "<script" not in svg


def test_the_narrow_layout_fits_a_phone_at_full_size():
    svg = architecture_svg.svg(topology(estimate({**PHOTO, "lines": FAN_OUT})), layout="narrow")

    assert float(re.search(r'width="([\d.]+)"', svg).group(1)) <= 300


def test_every_text_in_the_svg_is_escaped():
    drawn = topology(estimate({}))

    svg = architecture_svg.svg(drawn, title='<script>alert("x")</script> & co')

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "&amp; co" in svg


def test_a_box_says_its_nodes_are_unavailable_when_an_input_is_bad():
    drawn = topology(estimate({"dau": "lots"}))

    assert {box.name: box.nodes for box in drawn.boxes}["app"] == "nodes unavailable"
    assert drawn.bottleneck == ""


def test_a_box_says_which_figure_is_unavailable_when_an_input_is_bad():
    drawn = topology(estimate({"dau": "lots"}))

    app = {box.name: box for box in drawn.boxes}["app"]
    assert (app.nodes, app.cost) == ("nodes unavailable", "cost unavailable")  # not "unavailable" alone
    assert ">unavailable<" not in architecture_svg.svg(drawn, layout="wide")


def test_a_ranged_figure_wraps_within_a_narrow_box():
    svg = architecture_svg.svg(topology(estimate({"dau": "50M to 200M"})), layout="narrow")

    texts = re.findall(r'<text class="(?:nodes|meta|cost)"[^>]*>([^<]*)</text>', svg)
    assert texts and max(len(t) for t in texts) <= architecture_svg.NARROW.text_chars


def test_the_engines_utilization_ranks_the_tiers_when_it_computes_one():
    from types import SimpleNamespace

    from estimator.render.topology import _pressure

    def component(name, nodes, bound):
        return SimpleNamespace(name=name, nodes=nodes, bound=bound, cost=0, kind=SimpleNamespace(rented=False),
                               shown={"nodes": str(nodes)})

    def utilization(value, shown):
        return SimpleNamespace(value=value, display=shown, available=True)

    components = [component("app", 40, "peak requests"), component("db", 9, "storage")]
    results = {"app.utilization": utilization(0.41, "41%"), "db.utilization": utilization(0.83, "83%")}

    assert _pressure(components, results) == ((("db", "utilization 83%"), ("app", "utilization 41%")), True)
    ranked, by_utilization = _pressure(components, {})
    assert ranked[0] == ("app", "40 nodes, bound by peak requests") and not by_utilization
