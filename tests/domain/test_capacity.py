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

    # throughput: ⌈11,805.6 ÷ (1,000 × 70%)⌉ = ⌈16.87⌉ = 17;
    # concurrency: 11,805.6 × 0.1 s = 1,180.6 in flight ÷ (100 × 70%) = ⌈16.87⌉ = 17
    assert result.value == 17
    assert result.display == "17"
    # The tier is a component (app = servers(rate: total_qps)): its work shows the average rate
    # and the peak factor, and the floor of two nodes for redundancy.
    assert result.work == ("max(2, ⌈5.9k req/s × 2 ÷ (1k req/s × 70%)⌉, "
                           "⌈5.9k req/s × 2 × 100 ms ÷ (100 req × 70%)⌉) = 17")


# 10k req/s at peak: 5k reads/s average, no writes, peak factor 2; 1k req/s and 100 in flight
# per server, 70% utilization. Throughput alone needs ⌈10,000 ÷ 700⌉ = ⌈14.3⌉ = 15 servers.
PEAK_10K = {"read_qps": "5k/s", "write_qps": "0/s", "peak_factor": "2", "server_qps": "1k",
            "server_concurrency": "100", "utilization": "70%"}


def test_short_requests_are_bound_by_throughput():
    results = estimate({**PEAK_10K, "request_latency": "5 ms"}).results

    # 10,000 req/s × 0.005 s = 50 in flight ÷ 70 = ⌈0.71⌉ = 1 < 15
    assert results["concurrency"].value == approx(50)
    assert results["app_servers"].value == 15


def test_long_requests_are_bound_by_concurrency():
    results = estimate({**PEAK_10K, "request_latency": "500 ms"}).results

    # 10,000 req/s × 0.5 s = 5,000 in flight ÷ (100 × 70% = 70) = ⌈71.4⌉ = 72 > 15
    assert results["concurrency"].value == approx(5000)
    assert results["app_servers"].value == 72
    assert results["app_servers"].work == ("max(2, ⌈5k req/s × 2 ÷ (1k req/s × 70%)⌉, "
                                           "⌈5k req/s × 2 × 500 ms ÷ (100 req × 70%)⌉) = 72")


def test_more_requests_in_flight_per_server_bring_the_count_back_down():
    results = estimate({**PEAK_10K, "request_latency": "500 ms", "server_concurrency": "1k"}).results

    # 5,000 ÷ (1,000 × 70%) = ⌈7.1⌉ = 8 < 15: throughput binds again
    assert results["app_servers"].value == 15


def test_a_server_count_forgives_floating_point_noise():
    # 0.1 × 3 is 0.30000000000000004 in binary floats: three servers of 0.1 req/s, not four.
    result = estimate({"read_qps": "0.1/s × 3", "write_qps": "0/s", "peak_factor": "1", "server_qps": "0.1",
                       "utilization": "100%"}).results["app_servers"]

    assert result.value == 3


def test_app_servers_are_never_fewer_than_two():
    # One server would carry 0.3 req/s; a tier of one is a single point of failure.
    result = estimate({"read_qps": "0.3/s", "write_qps": "0/s", "server_qps": "1k"}).results["app_servers"]

    assert result.value == 2


def test_storage_decides_the_shards_of_the_photo_app():
    results = estimate(PHOTO).results

    # The database holds metadata rows only: 1e7/day × 3,650 days × 1 KB × 3 copies = 1.095e14 B.
    # Per copy 3.65e13 B ÷ (10 TB × 70% = 7e12 B) = 5.21 → 6; writes ⌈231.5 ÷ 3,500⌉ = 1.
    assert results["db_shards"].value == 6
    assert results["db_shards"].work == ("max(1, ⌈36.5 TB ÷ (10 TB × 70%)⌉, "
                                         "⌈116 req/s × 2 ÷ (5k req/s × 70%)⌉) = 6")
    # Reads missing the cache: 11,574 × 20% = 2,314.8 ÷ 6 shards = 385.8 ÷ 7,000 = ⌈0.06⌉ = 1;
    # the 2 copies beyond each primary already serve them: 2 replicas per shard.
    assert results["read_replicas"].value == 2
    # 6 shards × (1 primary + 2 replicas) = 18
    assert results["db_nodes"].value == 18
    assert results["db_nodes"].display == "18"
    assert results["db_nodes"].work == "6 × (1 + 2) = 18"


def test_photos_kept_in_the_database_need_far_more_shards():
    results = estimate({**PHOTO, "object_store_above": "1 MB"}).results

    # 5e12 B/day × 3,650 days × 3 copies = 5.475e16 B; ÷ 3 = 1.825e16 ÷ 7e12 = 2,607.1 → 2,608
    assert results["db_shards"].value == 2608
    # 2,314.8 ÷ 2,608 shards ÷ 7,000 = ⌈0.0001⌉ = 1 < 2: 2 replicas each, 2,608 × 3 = 7,824 nodes
    assert results["read_replicas"].value == 2
    assert results["db_nodes"].value == 7824
    assert results["db_nodes"].display == "7,824"


def test_writes_decide_the_shards_when_storage_is_small():
    results = estimate({"write_qps": "100k/s", "object_size": "10 B", "retention": "1 day",
                        "node_write_qps": "5k", "utilization": "50%", "peak_factor": "1"}).results

    assert results["db_shards"].value == 40  # ⌈100k ÷ (5k × 50%)⌉


def test_at_least_one_shard_even_with_no_data():
    results = estimate({"writes_per_user": "0"}).results

    assert results["db_shards"].value == 1


def test_read_replicas_serve_the_reads_the_cache_misses():
    results = estimate({"read_qps": "1M/s", "peak_factor": "2", "cache_hit_rate": "90%",
                        "replica_read_qps": "10k", "utilization": "50%"}).results

    # One shard (writes come from the defaults: 1M users × 1 write/day of 1 KB over 5 years,
    # 5.475e12 B ÷ 3 copies ÷ (10 TB × 50%) = 0.37 → 1; 23.1 req/s ÷ 2,500 → 1).
    # 2M req/s × 10% ÷ 1 shard ÷ (10k × 50%) = 40 replicas, more than the 2 spare copies.
    assert results["db_shards"].value == 1
    assert results["read_replicas"].value == 40
    assert results["read_replicas"].work == "max(3 − 1, ⌈100k req/s × 2 ÷ 1 ÷ (10k req/s × 50%)⌉) = 40"
    assert results["db.reads"].work == "1M req/s × (1 − 90%) = 100k req/s"  # the reads the cache misses
    assert results["db_nodes"].value == 41  # 1 × (1 + 40)


# 40 shards, bound by writes: 100k writes/s ÷ (5k × 50%) = 40 (the data, 10 B rows for a day, is tiny).
FORTY_SHARDS = {"write_qps": "100k/s", "object_size": "10 B", "retention": "1 day", "node_write_qps": "5k",
                "utilization": "50%", "peak_factor": "1", "replica_read_qps": "10k", "cache_hit_rate": "80%",
                "replication_factor": "3"}


def test_light_reads_over_many_shards_need_only_the_spare_copies():
    results = estimate({**FORTY_SHARDS, "read_qps": "100k/s"}).results

    # 100k × 20% = 20k reads/s missing the cache ÷ 40 shards = 500 per shard ÷ (10k × 50%) = ⌈0.1⌉ = 1;
    # the replication factor already gives 3 − 1 = 2 replicas per shard.
    assert results["db_shards"].value == 40
    assert results["read_replicas"].value == 2
    assert results["db_nodes"].value == 120  # 40 × (1 + 2)


def test_heavy_reads_over_many_shards_add_replicas_per_shard():
    results = estimate({**FORTY_SHARDS, "read_qps": "12.5M/s"}).results

    # 12.5M × 20% = 2.5M reads/s ÷ 40 shards = 62,500 per shard ÷ 5,000 = 12.5 → 13 replicas each
    assert results["db_shards"].value == 40
    assert results["read_replicas"].value == 13
    assert results["db_nodes"].value == 560  # 40 × (1 + 13)


def test_one_copy_and_no_reads_need_no_replica():
    results = estimate({"replication_factor": "1", "read_qps": "0/s"}).results

    # max(1 − 1, ⌈0⌉) = 0: each shard is its primary alone. One shard: 1e6 rows/day × 1,825 days ×
    # 1 KB × 1 copy = 1.825e12 B ÷ 7e12 B → 1; 23.1 writes/s ÷ 3,500 → 1.
    assert results["read_replicas"].value == 0
    assert results["db_nodes"].value == results["db_shards"].value == 1
