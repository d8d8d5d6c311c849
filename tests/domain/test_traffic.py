from pytest import approx

from estimator.domain.estimate import estimate

PHOTO = {"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
         "response_size": "200 KB", "replication_factor": "3", "retention": "10 years"}


def test_100m_users_reading_5_times_a_day_make_5787_reads_a_second():
    result = estimate(PHOTO).results["read_qps"]

    assert result.value == approx(5787.037, rel=1e-6)  # 5e8 reads ÷ 86,400 s
    assert result.unit == "req/s"
    assert result.display == "5.79k req/s"
    assert result.work == "100M users × 5 req/user/day × 1 day ÷ 24 h = 5.79k req/s"


def test_10m_photos_a_day_are_116_writes_a_second():
    result = estimate(PHOTO).results["write_qps"]

    assert result.value == approx(1e7 / 86400)
    assert result.display == "116 req/s"


def test_total_is_reads_plus_writes_and_peaks_scale_by_the_peak_factor():
    results = estimate({**PHOTO, "peak_factor": "3"}).results

    assert results["total_qps"].value == approx(1e8 * 5.1 / 86400)
    assert results["total_qps"].work == "5.79k req/s + 116 req/s = 5.9k req/s"
    assert results["peak_read_qps"].value == approx(3 * 1e8 * 5 / 86400)
    assert results["peak_write_qps"].value == approx(3 * 1e7 / 86400)
    assert results["peak_qps"].value == approx(3 * 1e8 * 5.1 / 86400)
    assert results["peak_qps"].work == "5.9k req/s × 3 = 17.7k req/s"


def test_a_month_of_requests_is_30_days_of_the_average():
    result = estimate(PHOTO).results["requests_per_month"]

    assert result.value == approx(1e8 * 5.1 * 30)  # 15.3B: users × requests/day × 30 days
    assert result.unit == "req"
    assert result.display == "15.3bn req/month"
    assert result.work == "5.9k req/s × 24 h × 30 = 15.3bn req/month"


def test_a_rate_per_hour_is_read_per_hour_in_the_work():
    result = estimate({"dau": "1M", "reads_per_user": "2 per hour"}).results["read_qps"]

    assert result.value == approx(1e6 * 2 / 3600)  # 555.6 req/s
    assert result.work == "1M users × 2 req/user/hour × 1 day ÷ 24 h = 556 req/s"


def test_a_given_read_qps_overrides_users_and_says_so():
    result = estimate({"dau": "not a number", "read_qps": "1M/s"}).results["read_qps"]

    assert result.value == approx(1e6)
    assert result.work == "given: 1M req/s"


def test_a_given_read_qps_may_be_an_expression():
    result = estimate({"read_qps": "100M req/day × 3"}).results["read_qps"]

    assert result.value == approx(3e8 / 86400)  # 3,472 req/s
    assert result.display == "3.47k req/s"


def test_qps_from_users_divides_a_days_requests_by_86400_seconds():
    result = estimate({"dau": "86400", "reads_per_user": "2"}).results["read_qps"]

    assert result.value == approx(2)


def test_a_bad_dau_leaves_the_traffic_unavailable_naming_it():
    result = estimate({"dau": "lots"}).results["read_qps"]

    assert result.value is None
    assert result.work == "needs a valid dau"


def test_a_trading_day_of_six_and_a_half_hours_packs_a_days_orders_into_it():
    # 10M users × 10 orders a day ÷ 6.5 h = 100M ÷ 23,400 s = 4,273.5 req/s while the market is open;
    # a day's data is still 100M × 1 KB = 100 GB, not 4,273.5/s × 24 h × 1 KB = 369 GB.
    results = estimate({"dau": "10M", "writes_per_user": "10", "active_hours": "6.5 h", "object_size": "1 KB"}).results

    assert results["write_qps"].value == approx(100e6 / 23_400)
    assert results["storage_per_day"].value == approx(100e9)
    assert results["db.data"].value == approx(100e9 * 365 * 5)  # five years of days, one copy


def test_around_the_clock_is_the_default_and_changes_nothing():
    # 1M users × 10 reads a day ÷ 86,400 s = 115.74 req/s, as before active hours existed.
    results = estimate({}).results

    assert results["read_qps"].value == approx(1e7 / 86_400)
