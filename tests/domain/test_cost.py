"""What it costs a month: worked figures by hand."""

import pytest
from pytest import approx

from estimator.domain.estimate import estimate
from estimator.domain.inputs import BY_NAME
from estimator.render.api import estimate_body

MONTH = 30 * 86400


def test_napkin_maths_logging_problem_costs_2592_dollars_a_month():
    # 100k writes/s of 1 KB kept 30 days, one copy: 1e5 × 1e3 × 2,592,000 s = 2.592e14 B = 259,200 GB
    # at $0.01/GB-month = $2,592/month
    result = estimate({"write_qps": "100k/s", "read_qps": "0", "object_size": "1 KB", "retention": "30 days",
                       "replication_factor": "1", "price_db_storage": "$0.01/GB/month"})

    cost = estimate_body(result)["results"]["cost_db_storage"]
    assert cost["value"] == approx(2592) and cost["unit"] == "USD/month"
    assert cost["display"] == "$2,592/month"


def test_xus_video_cdn_bill_is_4_5_million_a_month_at_2_cents_a_gigabyte():
    # 5M users × 5 videos a day × 300 MB = 7.5 PB a day; 7.5e15 B × 30 days × $0.02/GB = $4.5M a month
    result = estimate({"dau": "5M", "reads_per_user": "5", "response_size": "300 MB", "price_egress": "$0.02/GB"})

    assert estimate_body(result)["results"]["cost_egress"]["value"] == approx(7.5e15 * 30 * 0.02 / 1e9)
    assert result.results["cost_egress"].display == "$4.5M/month"


def test_the_monthly_bill_is_the_sum_of_its_parts():
    results = estimate_body(estimate({"dau": "10M", "object_size": "500 KB"}))["results"]

    parts = ["cost_app_servers", "cost_db_nodes", "cost_cache", "cost_db_storage", "cost_object_storage", "cost_egress"]
    assert results["cost_per_month"]["value"] == approx(sum(results[p]["value"] for p in parts))


def test_servers_and_nodes_cost_their_count_times_their_price():
    results = estimate_body(estimate({}))["results"]

    # default: 1M users, 11 requests each a day, peak 2×: 254.6 req/s ÷ 700 → 1 server by load, and
    # 2 for redundancy at $150; 1 shard × (1 + 2 replicas) = 3 nodes at $500
    assert results["app_servers"]["value"] == 2 and results["cost_app_servers"]["value"] == approx(300)
    assert results["db_nodes"]["value"] == 3 and results["cost_db_nodes"]["value"] == approx(1500)


def test_cost_per_user_divides_by_daily_users_and_is_unavailable_without_them():
    per_user = estimate_body(estimate({"dau": "10M"}))["results"]
    given = estimate({"read_qps": "1k/s", "write_qps": "10/s"})

    assert per_user["cost_per_user_per_month"]["value"] == approx(per_user["cost_per_month"]["value"] / 1e7)
    assert per_user["cost_per_user_per_month"]["unit"] == "USD/month/user"
    assert given.results["cost_per_user_per_month"].value is None
    assert "read_qps and write_qps are given" in given.results["cost_per_user_per_month"].work


@pytest.mark.parametrize(("name", "text", "per_api_unit"), [
    ("price_app_server", "$150/month", 150), ("price_app_server", "$150", 150), ("price_app_server", "150", 150),
    ("price_app_server", "$1,825/year", 1825 / 365 * 30), ("price_cache_gb", "$5/GB", 5),
    ("price_cache_gb", "$0.005/MB/month", 5), ("price_egress", "$0.05/GB", 0.05), ("price_egress", "$50/TB", 0.05),
])
def test_prices_read_per_month_and_per_gigabyte_unless_told(name, text, per_api_unit):
    spec = BY_NAME[name]

    assert spec.kind.api_value(spec.parse(text).value) == approx(per_api_unit)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("price_app_server", "5 GB", "needs money per month"), ("price_egress", "$5/month", "needs money per GB"),
    ("price_app_server", "$5 + 5 GB", "cannot add"), ("horizon", "2.5 years", "whole number of years"),
])
def test_prices_and_horizons_refuse_what_they_cannot_be(name, text, message):
    result = estimate({name: text})

    assert message in result.errors[name]
