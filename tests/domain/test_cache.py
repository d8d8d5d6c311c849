"""Cache memory: the hot share of a day's reads, never more than the data there is (one copy);
cache nodes: that memory over one node's usable memory. Figures worked by hand."""

from pytest import approx

from estimator.domain.estimate import estimate

from .test_traffic import PHOTO

# 1M users reading 1,000 times a day 10 KB each, writing once a day 1 KB kept 30 days.
READ_HEAVY_SMALL_DATA = {"dau": "1M", "reads_per_user": "1000", "response_size": "10 KB",
                         "writes_per_user": "1", "object_size": "1 KB", "retention": "30 days"}


def test_caching_a_fifth_of_a_days_reads_of_200_kb_takes_20_tb():
    result = estimate({**PHOTO, "cache_hot_fraction": "20%"}).results["cache_memory"]

    # reads/day 5e8 × 200,000 B × 20% = 2e13 B (20 TB); the data (18.25 PB) is far larger
    assert result.value == approx(2e13)
    assert result.unit == "B"
    assert result.display == "20 TB"
    assert result.work == ("min(5.79k req/s × 24 h × 200 KB × 20%, 5 TB/day × 10 years) = 20 TB")


def test_the_photo_cache_takes_447_nodes_of_64_gb_at_70_percent():
    result = estimate(PHOTO).results["cache_nodes"]

    # 2e13 B ÷ (64e9 B × 70% = 4.48e10 B) = 446.4 → 447; the reads, 5,787 × 2 ÷ (100k × 70%) → 1, do not bind
    assert result.value == 447
    assert result.unit == ""
    assert result.display == "447"
    assert result.work == "max(⌈20 TB ÷ (64 GB × 70%)⌉, ⌈5.79k req/s × 2 ÷ (100k req/s × 70%)⌉) = 447"


def test_a_cache_is_also_bound_by_the_reads_it_answers():
    # 1M reads/s × 2 = 2M ÷ (100k × 70% = 70k) = 28.6 → 29 nodes, though the hot set fits in one.
    results = estimate({"read_qps": "1M/s", "write_qps": "1/s", "object_size": "100 B"}).results

    assert results["cache_nodes"].value == 29


def test_a_read_heavy_cache_is_capped_at_the_data_there_is():
    results = estimate(READ_HEAVY_SMALL_DATA).results

    # A day's reads: 1M × 1,000 = 1e9 reads × 10,000 B = 1e13 B; hot 20% = 2e12 B (2 TB).
    # The data: 1M writes/day × 1,000 B × 30 days = 3e10 B (30 GB), one copy.
    # A cache never holds more than the data: 30 GB, not 2 TB.
    assert results["cache_memory"].value == approx(3e10)
    assert results["cache_memory"].display == "30 GB"
    # 3e10 ÷ (64e9 × 70% = 4.48e10) = 0.67 → 1 node
    assert results["cache_nodes"].value == 1


def test_the_cap_holds_even_when_every_read_is_hot():
    results = estimate({**READ_HEAVY_SMALL_DATA, "cache_hot_fraction": "100%"}).results

    # 1e13 B of reads a day against 3e10 B of data: still the data
    assert results["cache_memory"].value == approx(3e10)


def test_the_cap_counts_one_copy_of_everything_including_object_storage():
    # 1k users × 1 write/day of 1 MB (object storage) kept 10 days: 1e3 × 1e6 B × 10 = 1e10 B (10 GB).
    # Reads: 1k × 1,000 × 1 MB = 1e12 B a day, hot 20% = 2e11 B: capped at 10 GB.
    results = estimate({"dau": "1k", "reads_per_user": "1000", "response_size": "1 MB", "writes_per_user": "1",
                        "object_size": "1 MB", "retention": "10 days", "replication_factor": "3"}).results

    assert results["cache_memory"].value == approx(1e10)


def test_cache_nodes_scale_with_the_node_memory():
    results = estimate({**PHOTO, "cache_node_memory": "256 GB", "utilization": "50%"}).results

    # 2e13 B ÷ (256e9 B × 50% = 1.28e11 B) = 156.25 → 157
    assert results["cache_nodes"].value == 157
