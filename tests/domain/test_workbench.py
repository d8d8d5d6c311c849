from pytest import approx

from estimator.domain import diagram, system
from estimator.domain.workbench import workbench


def test_one_hour_a_month_allows_99_8611_percent():
    result = workbench({"allowed_downtime": "1 hour", "window": "30 days"}).results["availability_for_downtime"]

    assert result.value == approx(1 - 3600 / 2592000)
    assert result.display == "99.8611%"


def test_the_budget_of_99_9_percent_over_30_days_is_43m_12s():
    result = workbench({"target": "99.9%", "window": "30 days"}).results["error_budget"]

    assert result.value == approx(2592)
    assert result.display == "43m 12s"


def test_budget_in_requests_and_burn_rate():
    results = workbench({"target": "99.9%", "requests": "100M", "error_rate": "0.5%"}).results

    assert results["error_budget_requests"].value == approx(1e5)
    assert results["burn_rate"].value == approx(5)
    assert results["budget_exhausted_in"].value == approx(2592000 / 5)
    assert results["budget_exhausted_in"].display == "6d"


def test_no_errors_never_exhaust_the_budget():
    result = workbench({"error_rate": "0%"}).results["budget_exhausted_in"]

    assert result.display == "forever"
    assert workbench({"error_rate": "0%"}).as_dict()["results"]["budget_exhausted_in"]["value"] is None


def test_the_system_meets_or_misses_its_target():
    assert workbench({"system": "99.9% -> 99.9%", "target": "99.9%"}).results["meets_target"].value is False
    assert workbench({"system": "99.9% | 99.9%", "target": "99.9%"}).results["meets_target"].value is True


def test_downtime_of_the_system_follows_its_availability():
    result = workbench({"system": "99.9% -> 99.9%"}).results["downtime_per_year"]

    assert result.value == approx((1 - 0.998001) * 365 * 86400)


def test_optional_inputs_left_blank_leave_their_results_unavailable_with_a_reason():
    result = workbench({}).results["burn_rate"]

    assert result.value is None
    assert result.work == "needs error_rate"


def test_downtime_longer_than_the_window_is_an_error_at_that_field():
    estimate = workbench({"allowed_downtime": "31 days", "window": "30 days"})

    assert "longer than the window" in estimate.errors["allowed_downtime"]


def test_a_bad_system_is_an_error_at_the_system_field_and_other_results_stand():
    estimate = workbench({"system": "a 99% ->"})

    assert "expected a component after '->' at column 9" in estimate.errors["system"]
    assert estimate.results["error_budget"].available


def test_the_diagram_names_every_component_and_escapes_text():
    svg = diagram.svg(system.parse("lb 99.99% -> 2 x app 99.9% -> (db 99.95% | replica 99.95%)"), title="<x>")

    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for text in ("lb", "app", "db", "replica", "99.99%", "2 × (any one suffices)", "Total: "):
        assert text in svg
    assert "<x>" not in svg and "&lt;x&gt;" in svg


def test_workbench_fields_are_expressions_too():
    results = workbench({"target": "100% − 0.05%", "window": "30 days", "requests": "100M req/day × 30 days"}).results

    assert results["error_budget"].value == approx(0.0005 * 2592000)  # 1,296 s
    assert results["error_budget"].display == "21m 36s"
    assert results["error_budget_requests"].value == approx(0.0005 * 3e9)  # 1.5M of 3B requests


def test_the_work_of_the_budget_shows_the_figures_typed():
    result = workbench({"target": "99.9%", "window": "30 days"}).results["error_budget"]

    assert result.work == "(1 − 99.9%) × 30 days = 43m 12s"
