"""The growth timeline: worked figures by hand (spec: Timeline)."""

from pytest import approx

from estimator.domain.estimate import estimate
from estimator.domain.timeline import years_held
from estimator.render.api import estimate_body

DAY, YEAR = 86400, 365 * 86400


def test_with_no_growth_the_data_held_reaches_storage_total_at_the_retention_and_stays():
    result = estimate({"retention": "3 years", "horizon": "5 years"})

    held = [year.values["storage_held"] for year in result.timeline]
    total = result.results["storage_total"].value
    assert held[0] == 0  # nothing was written before today
    assert held[1] == approx(total / 3) and held[2] == approx(total * 2 / 3)
    assert held[3] == approx(total) and held[4] == approx(total) and held[5] == approx(total)


def test_doubling_users_hold_one_two_and_four_years_worth_after_three_years():
    # growth 100%: year 1 writes W, year 2 writes 2W, year 3 writes 4W; all kept (retention 10 years)
    result = estimate({"growth": "100%", "retention": "10 years", "horizon": "3 years", "object_size": "1 KB"})

    per_year = result.results["storage_per_year"].value * 3  # three database copies of 1 KB rows
    held = [year.values["storage_held"] for year in result.timeline]
    assert held[3] == approx(per_year * (1 + 2 + 4))
    assert [year.values["dau"] for year in result.timeline] == approx([1e6, 2e6, 4e6, 8e6])


def test_a_fraction_of_a_year_in_the_retention_counts_as_that_fraction_of_its_writes():
    # retention 1.5 years at year 3: all of year 3's writes and half of year 2's
    assert years_held(3, 0.0, 1.5) == approx(1.5)
    assert years_held(3, 1.0, 1.5) == approx(4 + 2 * 0.5)
    assert years_held(0, 0.5, 5) == 0


def test_each_year_sizes_the_fleet_for_that_years_traffic():
    result = estimate({"dau": "10M", "growth": "100%", "horizon": "2 years"})

    peak = [year.values["peak_qps"] for year in result.timeline]
    # 10M users × 11 requests a day ÷ 86,400 s × 2 (peak), doubling each year
    assert peak == approx([1e7 * 11 / DAY * 2 * f for f in (1, 2, 4)])
    servers = [year.values["app_servers"] for year in result.timeline]
    assert servers == [4, 8, 15]  # ⌈2,546 ÷ 700⌉, ⌈5,093 ÷ 700⌉, ⌈10,185 ÷ 700⌉


def test_the_api_carries_the_timeline_in_canonical_units():
    body = estimate_body(estimate({}))  # 5 years kept, 5 years ahead, no growth: year 5 is the steady state

    assert [row["year"] for row in body["timeline"]] == [0, 1, 2, 3, 4, 5]
    assert set(body["timeline"][0]) == {"year", "dau", "peak_qps", "storage_held", "app_servers", "db_nodes",
                                        "cost_per_month"}
    assert body["timeline"][5]["cost_per_month"] == approx(body["results"]["cost_per_month"]["value"])
    assert body["timeline"][5]["storage_held"] == approx(body["results"]["storage_total"]["value"])
    assert body["timeline"][2]["cost_per_month"] < body["timeline"][5]["cost_per_month"]


def test_a_bad_input_leaves_no_timeline_rather_than_a_wrong_one():
    assert estimate({"retention": "lots"}).timeline is None


def _years(result):
    """(factors, retentions) of the result's timeline, as timeline() computes them."""
    from estimator.domain.timeline import YEAR as year_seconds

    env = result.input_values
    years = range(round(env["horizon"] / year_seconds) + 1)
    factors = [(1 + env["growth"]) ** year for year in years]
    return factors, [years_held(year, env["growth"], env["retention"] / year_seconds) * year_seconds / factor
                     for year, factor in zip(years, factors)]


def test_one_run_on_arrays_of_years_gives_exactly_the_figures_of_a_run_each_year():
    from estimator.domain.presets import PRESETS
    from estimator.domain.timeline import _on_arrays, _year_by_year

    cases = [preset.inputs for preset in PRESETS] + [
        {"growth": "-50%", "horizon": "10 years"}, {"growth": "300%", "horizon": "20 years", "retention": "2.5 years"},
        {"read_qps": "50k req/s", "write_qps": "2k req/s", "growth": "40%"}]
    for inputs in cases:
        result = estimate(inputs)
        given = {name for name in ("read_qps", "write_qps") if result.inputs.get(name) is not None}
        factors, retentions = _years(result)

        on_arrays = _on_arrays(result.calculator, result.input_values, given, factors, retentions)
        each_year = _year_by_year(result.calculator, result.input_values, given, factors, retentions)

        assert on_arrays is not None
        assert on_arrays == each_year, inputs


def test_a_formula_not_finite_in_some_case_leaves_the_run_on_arrays_to_the_run_on_floats():
    import numpy as np

    result = estimate({})
    values = dict(result.input_values, dau=np.array([1e6, 0.0]))  # per-user figures are 0 ÷ 0 at 0 users

    assert result.calculator.values_on_arrays(values) is None
    assert result.calculator.values_on_arrays(dict(result.input_values, dau=np.array([1e6, 2e6]))) is not None
