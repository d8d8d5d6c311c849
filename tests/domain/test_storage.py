from pytest import approx

from estimator.domain.estimate import estimate

from .test_traffic import PHOTO


def test_10m_photos_of_500_kb_fill_5_tb_a_day():
    result = estimate(PHOTO).results["storage_per_day"]

    assert result.value == approx(5e12)  # 1e7 photos × 5e5 B
    assert result.unit == "B"
    assert result.display == "5 TB/day"
    assert result.work == "116 req/s × 1 day × 500 KB = 5 TB/day"


def test_ten_million_photos_a_day_fill_1_83_pb_a_year():
    result = estimate(PHOTO).results["storage_per_year"]

    assert result.value == approx(1.825e15)  # 5 TB × 365
    assert result.display == "1.83 PB/yr"
    assert result.work == "5 TB/day × 365 = 1.83 PB/yr"


def test_total_storage_is_a_day_times_retention_in_days_times_copies():
    result = estimate(PHOTO).results["storage_total"]

    assert result.value == approx(5e12 * 3650 * 3)  # 54.75 PB
    assert result.work == "5 TB/day × (10 years ÷ 1 day) × 3 copies = 54.8 PB"


def test_binary_units_are_honoured_when_typed():
    result = estimate({"dau": "86400", "writes_per_user": "1", "object_size": "1 MiB"}).results["storage_per_day"]

    assert result.value == approx(86400 * 1048576)


def test_the_binary_switch_shows_sizes_in_binary_units():
    result = estimate({**PHOTO, "size_units": "binary"}).results["storage_per_year"]

    assert result.value == approx(1.825e15)
    assert result.display == "1.62 PiB/yr"  # 1.825e15 ÷ 2^50 = 1.621


def test_an_object_size_may_be_a_sum():
    result = estimate({"dau": "1k", "writes_per_user": "1", "object_size": "4 GB + 2 GB + 1 GB"}).results[
        "storage_per_day"]

    assert result.value == approx(1000 * 7e9)  # 7 TB a day
    assert result.work == "0.0116 req/s × 1 day × 7 GB = 7 TB/day"
