"""Every input says whether a result depends on it now (shared/spec/estimate.md, JSON API:
"used" is false when no result depends on it; dau is unused when read_qps and write_qps are
given), and why not."""

import pytest

from estimator.domain.estimate import estimate
from estimator.render import markdown
from estimator.render.api import estimate_body

PER_USER = ("dau", "reads_per_user", "writes_per_user")
GIVEN = {"read_qps": "1M/s", "write_qps": "10k/s"}


def test_users_and_their_rates_are_unused_when_both_rates_are_given():
    result = estimate(GIVEN)

    assert set(result.unused) >= set(PER_USER)
    assert all(result.unused[name] == "not used: read_qps and write_qps are given" for name in PER_USER)
    assert not any(result.used(name) for name in PER_USER)
    assert result.used("read_qps") and result.used("write_qps")


def test_users_and_their_rates_are_used_when_the_rates_are_derived():
    result = estimate({"dau": "100M"})

    assert all(result.used(name) for name in PER_USER)


@pytest.mark.parametrize("name", ["object_size", "response_size", "retention", "replication_factor",
                                  "object_store_above", "availability", "request_latency", "server_qps",
                                  "server_concurrency", "node_storage", "node_write_qps", "replica_read_qps",
                                  "cache_node_memory", "cache_hot_fraction", "cache_hit_rate", "utilization",
                                  "peak_factor"])
def test_every_model_input_is_used_by_default(name):
    assert estimate({}).used(name)


def test_one_given_rate_names_itself():
    result = estimate({"write_qps": "10k/s"})

    assert result.unused["writes_per_user"] == "not used: write_qps is given"
    assert result.used("dau") and result.used("reads_per_user")


def test_a_given_rate_that_reads_dau_keeps_dau_used():
    result = estimate({"read_qps": "dau × 5 req/user/day", "write_qps": "10k/s"})

    assert result.ok
    assert result.used("dau")
    assert not result.used("reads_per_user") and not result.used("writes_per_user")


def test_an_unused_input_is_still_read_and_kept():
    result = estimate({**GIVEN, "dau": "5M"})

    assert result.ok
    assert result.texts["dau"] == "5M"
    assert result.inputs["dau"].value == 5e6
    assert estimate_body(result)["inputs"]["dau"]["used"] is False


def test_markdown_appends_the_why_to_the_input():
    text = markdown.render(estimate(GIVEN), share_url="https://x.test/")

    assert "| Daily active users | `dau` | 1M (default) (not used: read_qps and write_qps are given) |" in text
    assert "| Size of one write | `object_size` | 1 KB (default) |" in text


def test_the_metadata_size_matters_once_payloads_go_to_object_storage():
    assert estimate({"object_size": "500 KB"}).used("metadata_size")


def test_the_metadata_size_is_unused_while_rows_stay_in_the_database():
    result = estimate({"object_size": "1 KB", "metadata_size": "2 KB"})

    # Changing metadata_size changes no result here: 1 KB rows are not above 100 KB.
    assert estimate({"object_size": "1 KB", "metadata_size": "5 KB"}).results["storage_total"].value == \
        result.results["storage_total"].value
    assert not result.used("metadata_size")
