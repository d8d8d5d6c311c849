from pytest import approx

from estimator.domain.estimate import estimate

from .test_traffic import PHOTO


def test_caching_a_fifth_of_a_days_reads_of_200_kb_takes_20_tb():
    result = estimate({**PHOTO, "cache_hot_fraction": "20%"}).results["cache_memory"]

    assert result.value == approx(1e8 * 5 * 200e3 * 0.2)  # reads/day × size × hot share
    assert result.unit == "B"
    assert result.display == "20 TB"
    assert result.work == "5.79k req/s × 1 day × 200 KB × 20% = 20 TB"
