"""The Cost group is the bill: every component's cost is in it, so its parts add up to the total."""

import pytest

from estimator.domain.estimate import estimate
from estimator.render import bill

CHAT = {"dau": "50M", "writes_per_user": "40", "lines": "ws = connections(concurrent: dau × 10%, messages: write_qps)"}
PARTS_OF_THE_TOTAL = ("cost_per_month", "cost_per_user_per_month")


def _parts(result_list):
    return sum(r.value for r in result_list if r.available and r.name not in PARTS_OF_THE_TOTAL)


def test_a_declared_components_cost_is_in_the_bill_before_the_total():
    # ws: 50M × 10% = 5M open ÷ (100k × 70%) = ⌈71.4⌉ = 72 connection servers × $150/month = $10,800/month
    costs = bill.grouped(estimate(CHAT), "Cost")

    names = [r.name for r in costs]
    assert names.index("ws.cost") == names.index("cost_per_month") - 1
    ws = next(r for r in costs if r.name == "ws.cost")
    assert ws.value == pytest.approx(10_800)
    assert ws.work == "72 × $150/month = $10.8k/month"
    assert _parts(costs) == pytest.approx(costs[names.index("cost_per_month")].value)


def test_a_default_replaced_by_another_kind_is_billed_as_itself():
    # db = kv_store(…): 3 nodes (its replication) × $500/month + 1 TB × 3 copies × $0.10/GB/month = $1,800/month;
    # cost_db_nodes and cost_db_storage no longer apply (unavailable). The cache removed costs nothing.
    result = estimate({"lines": "db = kv_store(writes: write_qps, data: 1 TB)\ncache = none"})

    costs = bill.grouped(result, "Cost")

    by_name = {r.name: r for r in costs}
    assert by_name["db.cost"].value == pytest.approx(1_800)
    assert not by_name["cost_db_nodes"].available and not by_name["cost_db_storage"].available
    assert "app.cost" not in by_name and "net.cost" not in by_name  # carried by cost_app_servers, cost_egress
    assert _parts(costs) == pytest.approx(result.results["cost_per_month"].value)


def test_the_default_bill_is_the_built_in_costs_alone():
    result = estimate({})

    assert [r.name for r in bill.grouped(result, "Cost")] == [r.name for r in result.results.values() if r.group == "Cost"]


def test_other_groups_are_as_declared():
    result = estimate(CHAT)

    assert bill.grouped(result, "Traffic") == [r for r in result.results.values() if r.group == "Traffic"]
