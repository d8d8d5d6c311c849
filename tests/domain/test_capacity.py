from pytest import approx

from estimator.domain.estimate import estimate

from .test_traffic import PHOTO


def test_little_law_gives_requests_in_flight():
    result = estimate({**PHOTO, "request_latency": "100 ms"}).results["concurrency"]

    assert result.value == approx(1e8 * 5.1 / 86400 * 2 * 0.1)  # peak qps × 0.1 s = 1,180.6
    assert result.unit == ""  # the spec writes it as a plain number
    assert result.display == "1.18k req"
    assert result.work == "11.8k req/s × 100 ms = 1.18k req"


def test_17_app_servers_carry_11_8k_req_s_at_1k_each_and_70_percent():
    result = estimate(PHOTO).results["app_servers"]

    assert result.value == 17  # ⌈11,805.6 ÷ 700⌉ = ⌈16.87⌉
    assert result.display == "17"
    assert result.work == "⌈11.8k req/s ÷ (1k req/s × 70%)⌉ = 17"


def test_a_server_count_forgives_floating_point_noise():
    # 0.1 × 3 is 0.30000000000000004 in binary floats: one server of 0.3 req/s, not two.
    result = estimate({"read_qps": "0.1/s × 3", "write_qps": "0/s", "peak_factor": "1", "server_qps": "0.3",
                       "utilization": "100%"}).results["app_servers"]

    assert result.value == 1


def test_storage_decides_the_shards_of_the_photo_app():
    results = estimate(PHOTO).results

    # 54.75 PB ÷ 3 copies ÷ (10 TB × 70%) = 2,607.1 → 2,608; writes need ⌈231 ÷ 3,500⌉ = 1.
    assert results["db_shards"].value == 2608
    assert results["db_shards"].work == ("max(1, ⌈54.8 PB ÷ 3 copies ÷ (10 TB × 70%)⌉, "
                                         "⌈231 req/s ÷ (5k req/s × 70%)⌉) = 2,608")
    assert results["db_nodes"].value == 2608 * 3
    assert results["db_nodes"].display == "7,824"


def test_writes_decide_the_shards_when_storage_is_small():
    results = estimate({"write_qps": "100k/s", "object_size": "10 B", "retention": "1 day",
                        "node_write_qps": "5k", "utilization": "50%", "peak_factor": "1"}).results

    assert results["db_shards"].value == 40  # ⌈100k ÷ (5k × 50%)⌉


def test_at_least_one_shard_even_with_no_data():
    results = estimate({"writes_per_user": "0"}).results

    assert results["db_shards"].value == 1


def test_read_replicas_serve_the_reads_the_cache_misses():
    result = estimate({"read_qps": "1M/s", "peak_factor": "2", "cache_hit_rate": "90%",
                       "replica_read_qps": "10k", "utilization": "50%"}).results["read_replicas"]

    assert result.value == 40  # ⌈2M × 10% ÷ (10k × 50%)⌉
    assert result.work == "⌈2M req/s × (1 − 90%) ÷ (10k req/s × 50%)⌉ = 40"
