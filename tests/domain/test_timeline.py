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
                                        "nodes_total", "cost_per_month"}
    assert body["timeline"][5]["cost_per_month"] == approx(body["results"]["cost_per_month"]["value"])
    assert body["timeline"][5]["storage_held"] == approx(body["results"]["storage_total"]["value"])
    assert body["timeline"][2]["cost_per_month"] < body["timeline"][5]["cost_per_month"]


def test_a_bad_input_leaves_no_timeline_rather_than_a_wrong_one():
    assert estimate({"retention": "lots"}).timeline is None


def test_one_run_on_arrays_of_years_gives_exactly_the_figures_of_a_run_each_year():
    from estimator.domain.presets import PRESETS
    from estimator.domain.timeline import _on_arrays, _year_by_year, _years

    cases = [preset.inputs for preset in PRESETS] + [
        {"growth": "-50%", "horizon": "10 years"}, {"growth": "300%", "horizon": "20 years", "retention": "2.5 years"},
        {"read_qps": "50k req/s", "write_qps": "2k req/s", "growth": "40%"},
        {"dau": "50M to 200M", "growth": "30%", "lines": "uploads = write_qps × (1 to 4)\n"
                                                         "jobs = workers(rate: uploads, work: 10 ms to 50 ms)"}]
    for inputs in cases:
        result = estimate(inputs)
        years = _years(result.calculator, result)

        on_arrays = _on_arrays(years)
        each_year = _year_by_year(years)

        assert on_arrays is not None, inputs
        assert on_arrays == each_year, inputs


def test_a_formula_not_finite_in_some_year_leaves_the_run_on_arrays_to_the_run_on_floats():
    from dataclasses import replace

    from estimator.domain.timeline import _on_arrays, _years

    result = estimate({"lines": "jobs = workers(rate: 1k/s × write_qps ÷ write_qps, work: 10 ms)"})
    years = _years(result.calculator, result)
    # A year with no users writes nothing: the workers' rate is 1k/s × 0 ÷ 0 there, which only the
    # run on floats can say (it leaves the workers out of that year).
    assert _on_arrays(replace(years, factors=[1.0, 0.0], retentions=years.retentions[:2])) is None
    assert _on_arrays(replace(years, factors=[1.0, 2.0], retentions=years.retentions[:2])) is not None


# Every component re-sized each year (architecture.md: the timeline re-sizes every component
# each year). 864k daily users writing once a day (the default) make 864,000 ÷ 86,400 s = 10
# writes a second; the peak is 2× the average; nodes are planned at 70% utilization; an app
# server, and so a worker, is $150 a month. With the defaults removed, a component is the
# whole architecture, so nodes_total and cost_per_month are its own figures.
ONLY = "app = none\ncache = none\ndb = none\nobjects = none\nnet = none\n"
GROWING = {"dau": "864k", "growth": "50%", "horizon": "2 years"}


def _column(result, key):
    return [row[key] for row in estimate_body(result)["timeline"]]


def test_workers_reading_write_qps_are_re_sized_from_each_years_writes():
    result = estimate({**GROWING, "lines": ONLY + "thumbs = workers(rate: write_qps, work: 35 s)"})

    # nodes = ⌈rate × 2 × 35 s ÷ 70%⌉ = ⌈rate × 100 s⌉: 10/s → 1,000; year 1: 15/s → 1,500;
    # year 2: 1.5² × 10/s = 22.5/s → 2,250
    assert _column(result, "nodes_total") == [1000, 1500, 2250]
    assert _column(result, "cost_per_month") == approx([150_000, 225_000, 337_500])  # × $150/month
    assert result.results["thumbs.nodes"].value == 1000  # today's figure is year 0's


def test_a_parameter_reading_a_line_follows_the_line_each_year():
    result = estimate({**GROWING, "lines": ONLY + "uploads = write_qps × 2\njobs = workers(rate: uploads, work: 35 s)"})

    # uploads = 20/s, 30/s, 45/s; nodes = ⌈uploads × 100 s⌉
    assert _column(result, "nodes_total") == [2000, 3000, 4500]


def test_a_cache_sized_by_a_days_reads_grows_with_the_reads():
    result = estimate({**GROWING, "lines": ONLY + "hot = cache(data: read_qps × 1 day × 1 KB/req × 10%)"})

    # 864k users × 10 reads a day (the default) × 1 KB × 10% = 864 MB, at $5/GB/month = $4.32;
    # × 1.5 and × 2.25 the next years; one 64 GB node holds it every year
    assert _column(result, "cost_per_month") == approx([4.32, 6.48, 9.72])
    assert _column(result, "nodes_total") == [1, 1, 1]


def test_a_store_whose_data_reads_the_retention_holds_each_years_data():
    result = estimate({"dau": "864k", "retention": "2 years", "horizon": "3 years",
                       "lines": ONLY + "store = kv_store(writes: write_qps, data: write_qps × retention × 1 KB/req)"})

    # a year's rows: 10/s × 31,536,000 s × 1 KB = 315.36 GB, 3 copies = 946.08 GB; nothing held
    # before today, two years' at most; $500 a node × 3 nodes + $0.10/GB/month for what is held
    assert _column(result, "storage_held") == approx([0, 946.08e9, 1892.16e9, 1892.16e9])
    assert _column(result, "cost_per_month") == approx([1500, 1594.608, 1689.216, 1689.216])


def test_a_range_in_a_parameter_is_read_at_its_median_each_year():
    result = estimate({**GROWING, "lines": ONLY + "jobs = workers(rate: write_qps × (1 to 4), work: 35 s)"})

    # the median of 1 to 4 is √(1 × 4) = 2: as uploads = write_qps × 2 above
    assert _column(result, "nodes_total") == [2000, 3000, 4500]


def test_a_given_rate_grows_and_the_components_reading_it_with_it():
    result = estimate({"read_qps": "100 req/s", "write_qps": "10 req/s", "growth": "100%", "horizon": "2 years",
                       "lines": ONLY + "jobs = workers(rate: write_qps, work: 35 s)"})

    # 10/s, 20/s, 40/s: ⌈rate × 100 s⌉
    assert _column(result, "nodes_total") == [1000, 2000, 4000]


def test_the_aggregates_of_every_year_include_a_declared_component():
    from estimator.domain.presets import BY_SLUG

    photo = BY_SLUG["photo-sharing-100m-dau"].inputs  # thumbs = workers(rate: write_qps, work: 200 ms), 30% growth
    without = {**photo, "lines": photo["lines"].replace("thumbs = workers(rate: write_qps, work: 200 ms)", "")}
    with_thumbs, no_thumbs = estimate(photo), estimate(without)

    # 10M photos a day = 115.74/s × 1.3^year; thumbs = ⌈rate × 2 × 0.2 s ÷ 70%⌉ = ⌈66.14 × 1.3^year⌉:
    # 67, ⌈85.98⌉ = 86, ⌈111.78⌉ = 112, ⌈145.31⌉ = 146, ⌈188.91⌉ = 189, ⌈245.58⌉ = 246
    thumbs = [67, 86, 112, 146, 189, 246]
    assert [a - b for a, b in zip(_column(with_thumbs, "nodes_total"), _column(no_thumbs, "nodes_total"))] == thumbs
    extra = [a - b for a, b in zip(_column(with_thumbs, "cost_per_month"), _column(no_thumbs, "cost_per_month"))]
    assert extra == approx([150 * n for n in thumbs])


def test_a_column_of_a_default_the_architecture_replaced_is_unavailable_not_the_timeline():
    result = estimate({**GROWING, "lines": "app = none\ndb = kv_store(writes: write_qps, data: 1 TB)"})

    body = estimate_body(result)
    assert result.results["db_nodes"].value is None and result.results["app_servers"].value is None
    assert [row["db_nodes"] for row in body["timeline"]] == [None, None, None]
    assert [row["app_servers"] for row in body["timeline"]] == [None, None, None]
    assert result.timeline[0].shown[3:5] == ("—", "—")
    # a fixed 1 TB in 3 copies is held from today (kv_store: at least 3 nodes)
    assert [row["storage_held"] for row in body["timeline"]] == approx([3e12] * 3)


def test_with_no_growth_a_year_past_the_retention_is_the_estimate_itself_for_every_preset():
    """Every component, its parameters and the lines they read computed again for a year that
    holds the whole retention at today's users: the same architecture as the estimate's."""
    from estimator.domain.presets import PRESETS

    for preset in PRESETS:
        result = estimate({**preset.inputs, "growth": "0%", "horizon": "10 years"})  # retentions ≤ 10 years

        last = estimate_body(result)["timeline"][-1]
        results = result.results
        assert last["storage_held"] == approx(results["storage_total"].value), preset.slug
        assert last["nodes_total"] == results["nodes_total"].value, preset.slug
        assert last["cost_per_month"] == approx(results["cost_per_month"].value), preset.slug


def test_an_estimate_whose_line_computes_gets_years_of_its_own_after_one_where_it_did_not():
    # What each year runs is remembered by the plan's shape (timeline._replayed): a line that
    # could not compute in one estimate (a division by zero) and can in the next, with the same
    # text, must not share its cut. With 1,728k users: write_qps = 20/s, uploads = 20/s ×
    # 864k ÷ (1,728k − 864k) = 20/s, nodes = ⌈uploads × 100 s⌉ = 2,000; year 1: 2,592k users,
    # 30/s × 864k ÷ 1,728k = 15/s → 1,500; year 2: 3,888k users, 45/s × 864k ÷ 3,024k =
    # 12.857…/s → 1,286.
    lines = ONLY + "uploads = write_qps × 864k user / (dau - 864k user)\njobs = workers(rate: uploads, work: 35 s)"
    at_zero = estimate({**GROWING, "lines": lines})
    grown = estimate({**GROWING, "dau": "1728k", "lines": lines})
    again = estimate({**GROWING, "lines": lines})

    assert at_zero.values.get("uploads") is None and at_zero.timeline is None  # no nodes_total: no timeline
    assert _column(grown, "nodes_total") == [2000, 1500, 1286]
    assert again.timeline is None


def test_a_year_whose_parameter_leaves_its_bounds_shows_that_column_unavailable_not_the_timeline_gone():
    # The CDN's hit rate reads the users: 864k ÷ 864k × 50% = 50% today, 75% in year 1 and
    # 112.5% in year 2, past its field's 100%: year 2's CDN cost, and so its cost per month,
    # cannot be computed; years 0 and 1 can. Both prices are $0.05/GB, so the cost does not
    # depend on the hit rate: 1 MB/s × 30 days = 2,592 GB × $0.05 = $129.60 a month. The
    # workers read the writes: ⌈10/s × 2 × 35 s ÷ 70%⌉ = 1,000 nodes, then 1,500, then 2,250
    # (and the CDN has none).
    lines = ONLY + ("edge = cdn(egress: 1 MB/s, hit_rate: dau / 864k user × 50%, price: $0.05/GB, "
                    "origin_price: $0.05/GB)\nthumbs = workers(rate: write_qps, work: 35 s)")
    result = estimate({**GROWING, "lines": lines})

    assert result.errors == {}
    assert _column(result, "cost_per_month") == approx([129.6 + 1000 * 150, 129.6 + 1500 * 150, None])
    assert _column(result, "nodes_total") == [1000, 1500, 2250]
    assert result.timeline[2].shown[6] == "—"
