import pytest
from pytest import approx

from estimator.domain import availability
from estimator.domain.estimate import estimate
from estimator.domain.workbench import workbench


@pytest.mark.parametrize(
    ("target", "period", "display", "seconds"),
    [
        ("99.9%", "year", "8h 45m 36s", 31536),
        ("99.9%", "month", "43m 12s", 2592),
        ("99.99%", "year", "52m 33.6s", 3153.6),
        ("99.999%", "year", "5m 15.36s", 315.36),
        ("4 nines", "day", "8.64s", 8.64),
        ("four nines", "week", "1m 0.48s", 60.48),
        ("99.9%", "quarter", "2h 11m 24s", 7884),
    ],
)
def test_downtime_allowed_per_period_follows_the_conventions(target, period, display, seconds):
    result = estimate({"availability": target}).results[f"downtime_per_{period}"]

    assert result.value == approx(seconds)
    assert result.unit == "s"
    assert result.display == display


def test_three_nines_are_three_nines():
    result = estimate({"availability": "99.9%"}).results["nines"]

    assert result.value == approx(3)
    assert result.unit == ""
    assert result.work == "−log10(1 − 99.9%) = 3"


@pytest.mark.parametrize(("target", "display"), [("99.9%", "3"), ("99.99%", "4"), ("99.999%", "5"), ("0.9995", "3.3")])
def test_whole_nines_show_whole(target, display):
    # Guards the truncation the spec asks for (below): 1 − 0.999 is 0.0010000000000000009 in
    # binary floats, so a truncated −log10 of it must still show 3, not 2.99.
    assert estimate({"availability": target}).results["nines"].display == display


def test_nines_are_truncated_never_rounded_up():
    assert estimate({"availability": "99.98997%"}).results["nines"].display == "3.99"


def test_the_workbench_nines_are_truncated_never_rounded_up():
    assert workbench({}).results["nines"].display == "3.99"


def test_99_95_percent_is_3_3_nines():
    assert estimate({"availability": "0.9995"}).results["nines"].value == approx(3.30103, rel=1e-5)


def test_series_multiply_availabilities_and_parallel_multiply_unavailabilities():
    assert 1 - availability.series([0.001, 0.001]) == approx(0.998001)
    assert 1 - availability.parallel([0.001, 0.001]) == approx(0.999999)
    assert availability.redundant(copies=3, unavailability=0.01) == approx(1e-6)


def test_budget_and_burn():
    results = workbench({"target": "99.9%", "window": "30 days", "error_rate": "0.5%"}).results

    assert results["error_budget"].value == approx(2592)  # 0.1% of 2,592,000 s
    assert results["burn_rate"].value == approx(5)  # 0.5% ÷ 0.1%
    assert results["budget_exhausted_in"].value == approx(518400)  # 30 days ÷ 5 = 6 days
    assert workbench({"error_rate": "0%"}).results["budget_exhausted_in"].value == float("inf")
