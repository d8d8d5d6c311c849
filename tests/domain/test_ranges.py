"""Ranges (shared/spec/estimate.md, Ranges): `low to high` is a 90% interval, lognormal for
positive ends and normal otherwise; an estimate holding ranges runs on samples, and each
result a range reaches shows its median, its interval and its driver. The expected figures
are the distributions' closed forms, computed here, with sampling error allowed for."""

import math
from statistics import NormalDist

import numpy as np
import pytest
from pytest import approx

from estimator.domain import ranges
from estimator.domain.estimate import estimate
from estimator.domain.lang.errors import ExpressionError
from estimator.domain.lang.nodes import Range
from estimator.domain.lang.parse import parse
from estimator.domain.presets import PRESETS
from estimator.render.api import estimate_body

Z90 = NormalDist().inv_cdf(0.95)
N = ranges.SAMPLES
DAY = 86_400


def quantile_error(p: float) -> float:
    """The standard error of a sample quantile of a standard normal, in standard deviations."""
    return math.sqrt(p * (1 - p) / N) / NormalDist().pdf(NormalDist().inv_cdf(p))


def line(text: str, **inputs: str):
    result = estimate({**inputs, "lines": text})
    return result


# Reading ranges --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, low, high, shown", [
    ("50M to 200M", 50e6, 200e6, "50M to 200M"),
    ("200M to 50M", 50e6, 200e6, "50M to 200M"),  # read the right way round
    ("50 to 200 ms", 0.05, 0.2, "50 to 200 ms"),  # the low end takes the high end's unit
    ("200 KB to 1 MB", 200e3, 1e6, "200 KB to 1 MB"),
    ("-5 to 10", -5, 10, "−5 to 10"),
    ("90% to 99%", 0.9, 0.99, "90 to 99%"),
    ("3 to 4 nines", 0.999, 0.9999, "99.9 to 99.99%"),
    ("$100 to $300/month", 100 / (30 * DAY), 300 / (30 * DAY), "$100 to $300/month"),
])
def test_a_range_is_read_with_its_ends_in_canonical_units(text, low, high, shown):
    tree = parse(text)
    assert isinstance(tree, Range)
    assert (tree.low.value, tree.high.value) == (approx(low, rel=1e-3), approx(high, rel=1e-3))
    assert tree.text == shown


def test_positive_ends_are_lognormal_around_the_geometric_mean():
    tree = parse("50M to 200M")
    assert tree.lognormal
    assert tree.median == approx(100e6)
    assert tree.sigma == approx(math.log(4) / (2 * Z90))


def test_a_range_that_includes_zero_is_normal_around_the_midpoint():
    tree = parse("-5 to 10")
    assert not tree.lognormal
    assert tree.median == approx(2.5)
    assert tree.sigma == approx(15 / (2 * Z90))


@pytest.mark.parametrize("text, says", [
    ("5 ms to 10 GB", "must be of one kind: 5 ms is a duration (s), 10 GB is a size (B)"),
    ("0 to 0", "the two ends of the range are equal (0)"),
    ("1e30 to 1e-30", "a range may span at most a factor of 1M"),
    ("1 to 2M", "did you mean 1M to 2M?"),
    ("1 to 2 to 3", "one range at a time"),
    ("50M to 200", "did you mean 50M to 200M?"),
    ("50M users to 200 users", "did you mean 50M users to 200M users?"),  # the scale after the number
    ("5k req/s to 100 req/s", "did you mean 5k req/s to 100k req/s?"),
    ("1 user to 5M users", "did you mean 1M users to 5M users?"),
    ("$50M/month to $200/month", "did you mean $50M/month to $200M/month?"),
    ("50M – 200M", "write a range with 'to'"),
    ("50M to", "a range needs a high end after 'to'"),
    ("to 5", "a range is written low to high"),
    ("dau to 5", "the ends of a range are numbers"),
    ("(1 to 2) to 3", "the ends of a range are numbers"),
    (" + ".join(["(1 to 2)"] * 11), "more than 10 ranges in one expression"),
])
def test_a_range_that_is_not_an_estimate_is_refused_with_a_reason(text, says):
    with pytest.raises(ExpressionError) as refused:
        parse(text)
    assert says in str(refused.value)


@pytest.mark.parametrize("field, text, says", [
    ("dau", "-5 to 10", "dau must be at least 0"),
    ("cache_hit_rate", "50% to 150%", "must be at most 100%"),
    ("replication_factor", "2.5 to 4", "whole number"),
    ("horizon", "1 to 5 years", "not a range"),
    ("object_size", "1 KB to 10 ms", "must be of one kind"),
])
def test_a_field_refuses_a_range_at_the_field(field, text, says):
    result = estimate({field: text})
    assert says in result.errors[field]


# Sampling against the closed form ------------------------------------------------------------------

def test_a_single_range_gives_the_lognormal_median_and_interval_within_sampling_error():
    spread = line("x = 50M to 200M").results["x"].spread
    sigma = math.log(4) / (2 * Z90)
    assert spread.p50 == approx(100e6, rel=4 * quantile_error(0.5) * sigma)
    assert spread.p5 == approx(50e6, rel=4 * quantile_error(0.05) * sigma)
    assert spread.p95 == approx(200e6, rel=4 * quantile_error(0.05) * sigma)


def test_a_product_of_two_ranges_is_lognormal_with_the_variances_added():
    result = estimate({"dau": "50M to 200M", "reads_per_user": "2 to 8"})
    spread = result.results["read_qps"].spread
    median = 100e6 * 4 / DAY  # the product of the medians
    sigma = math.hypot(math.log(4) / (2 * Z90), math.log(4) / (2 * Z90))
    assert spread.p50 == approx(median, rel=4 * quantile_error(0.5) * sigma)
    assert spread.p95 == approx(median * math.exp(Z90 * sigma), rel=4 * quantile_error(0.05) * sigma)
    assert spread.p5 == approx(median * math.exp(-Z90 * sigma), rel=4 * quantile_error(0.05) * sigma)


def test_a_range_through_zero_gives_the_normal_interval():
    spread = line("x = -10 to 10").results["x"].spread
    sd = 20 / (2 * Z90)
    assert spread.p50 == approx(0, abs=4 * quantile_error(0.5) * sd)
    assert spread.p5 == approx(-10, abs=4 * quantile_error(0.05) * sd)
    assert spread.p95 == approx(10, abs=4 * quantile_error(0.05) * sd)


def test_the_result_shows_its_median_and_interval_and_reports_the_median():
    result = estimate({"dau": "50M to 200M"})
    peak = result.results["peak_qps"]
    spread = peak.spread
    assert peak.value == spread.p50
    assert peak.display.startswith(f"{peak.display.split(' (')[0]} (")
    assert peak.display.endswith(")") and " – " in peak.display
    body = estimate_body(result)["results"]["peak_qps"]
    assert body["value"] == spread.p50
    assert body["range"] == {"p5": spread.p5, "p50": spread.p50, "p95": spread.p95, "driver": "dau"}
    assert body["range"]["p5"] < body["value"] < body["range"]["p95"]


def test_money_per_second_is_reported_per_month_with_its_range():
    result = estimate({"dau": "50M to 200M"})
    body = estimate_body(result)["results"]["cost_per_month"]
    month = 30 * DAY  # a month is 30 days (README, Conventions)
    spread = result.results["cost_per_month"].spread
    assert body["unit"] == "USD/month"
    assert body["range"]["p50"] == approx(spread.p50 * month)
    assert body["range"]["p95"] == approx(spread.p95 * month)


def test_a_ranged_input_reports_its_median_and_interval():
    body = estimate_body(estimate({"dau": "50M to 200M"}))["inputs"]["dau"]
    assert body["text"] == "50M to 200M"
    assert body["range"]["p5"] == approx(50e6, rel=0.1)
    assert body["range"]["p95"] == approx(200e6, rel=0.1)
    assert body["value"] == approx(100e6)  # the range's own median, which the timeline uses too
    assert body["range"]["p50"] == approx(100e6, rel=0.05)


def test_the_work_shows_the_range_as_typed():
    result = estimate({"dau": "50M to 200M"})
    assert result.results["read_qps"].work.startswith("(50M to 200M users) × 10 req/user/day")
    assert result.results["read_qps"].work.endswith(f"= {result.results['read_qps'].display}")


# Determinism and exactness -------------------------------------------------------------------------

def test_the_same_link_gives_the_same_figures():
    texts = {"dau": "50M to 200M", "object_size": "200 KB to 1 MB", "lines": "x = 1 to 3\ny = x × dau"}
    assert estimate_body(estimate(texts)) == estimate_body(estimate(dict(texts)))


def test_editing_one_range_does_not_reshuffle_another():
    first = estimate({"dau": "50M to 200M", "object_size": "200 KB to 1 MB"})
    second = estimate({"dau": "50M to 200M", "object_size": "300 KB to 1 MB"})
    assert np.array_equal(first.spreads["dau"].samples, second.spreads["dau"].samples)
    assert not np.array_equal(first.spreads["object_size"].samples, second.spreads["object_size"].samples)


def test_two_fields_with_the_same_range_are_independent():
    result = estimate({"reads_per_user": "2 to 8", "writes_per_user": "2 to 8"})
    reads, writes = result.spreads["reads_per_user"].samples, result.spreads["writes_per_user"].samples
    assert abs(np.corrcoef(reads, writes)[0, 1]) < 0.1


def test_results_that_depend_on_no_range_stay_exact():
    exact = estimate({"object_size": "500 KB"})
    ranged = estimate({"object_size": "200 KB to 1 MB"})
    for name in ("read_qps", "peak_qps", "downtime_per_year", "app_servers", "egress"):
        assert ranged.results[name].spread is None
        assert ranged.results[name].value == exact.results[name].value
        assert ranged.results[name].display == exact.results[name].display
        assert ranged.results[name].work == exact.results[name].work
    assert ranged.results["storage_total"].spread is not None


def test_an_estimate_without_ranges_has_no_spreads():
    result = estimate(dict(PRESETS[0].inputs))
    assert not result.ranged
    assert all(r.spread is None for r in result.results.values())
    assert all("range" not in body for body in estimate_body(result)["results"].values())


# Drivers --------------------------------------------------------------------------------------------

def test_the_driver_is_the_range_that_spreads_a_result_most():
    narrow_sizes = estimate({"dau": "50M to 200M", "object_size": "400 KB to 600 KB"})
    assert narrow_sizes.results["storage_total"].spread.driver == "dau"
    wide_sizes = estimate({"dau": "90M to 110M", "object_size": "100 KB to 10 MB"})
    assert wide_sizes.results["storage_total"].spread.driver == "object_size"
    assert wide_sizes.results["read_qps"].spread.driver == "dau"  # it reads no size at all


def test_a_line_holding_a_range_can_drive_results():
    result = estimate({"object_size": "avg_write", "lines": "avg_write = 100 KB to 2 MB"})
    assert result.results["storage_total"].spread.driver == "avg_write"
    sigma = math.log(20) / (2 * Z90)
    assert result.spreads["object_size"].p50 == approx(math.sqrt(100e3 * 2e6), rel=4 * quantile_error(0.5) * sigma)


def test_a_field_that_reads_a_name_and_holds_a_range_is_sampled():
    result = estimate({"object_size": "avg_write × (1 to 4)", "lines": "avg_write = 100 KB"})
    spread = result.spreads["object_size"]
    assert spread.p50 == approx(200e3, rel=0.05)
    assert result.results["storage_total"].spread.driver == "object_size"


# Capacity, checks, bounds ------------------------------------------------------------------------------

def test_capacity_counts_are_ceilings_per_sample():
    result = estimate({"dau": "50M to 200M"})
    samples = result.spreads["app_servers"].samples
    assert np.array_equal(samples, np.ceil(samples))
    qps = result.spreads["peak_qps"].samples
    per_sample = np.ceil(qps / (1000 * 0.7))
    assert np.all(samples >= per_sample)


def test_a_check_over_a_range_says_how_often_it_passes():
    result = line("x = 50M to 200M\nfits = x <= 100M")
    fits = result.results["fits"]
    share = fits.spread.share
    assert share == approx(0.5, abs=4 * math.sqrt(0.25 / N))
    assert fits.display == f"passes in {share * 100:.0f}% of cases"
    body = estimate_body(result)["results"]["fits"]
    assert body["passes"] == share and body["value"] == (share >= 0.5)


def test_a_check_that_always_holds_says_so():
    result = line("x = 50M to 200M\nfits = x <= 1T")
    assert result.results["fits"].display == "passes in every case"


def test_samples_stay_within_the_field_bounds():
    result = estimate({"cache_hit_rate": "90% to 99.9%", "replication_factor": "2 to 4"})
    assert result.spreads["cache_hit_rate"].samples.max() <= 1
    copies = result.spreads["replication_factor"].samples
    assert copies.min() >= 1 and np.array_equal(copies, np.rint(copies))


def test_a_result_undefined_for_some_samples_says_how_often():
    result = line("x = log(-1 to 3)")  # normal: below zero in P(z < -1.645 × 2 / 4) ≈ 20% of cases
    share = NormalDist().cdf(-Z90 / 2)
    assert result.results["x"].value is None
    work = result.results["x"].work
    assert work.startswith("cannot be computed in ") and work.split(" ")[5] == "of"
    assert float(work.split(" ")[4].rstrip("%")) / 100 == approx(share, abs=4 * math.sqrt(share * (1 - share) / N))


def test_what_reads_a_parameter_some_samples_cannot_compute_is_unavailable_not_the_medians_figure():
    # log(-1 to 3) is undefined below zero, in ~20% of the samples; at the range's median (1) it
    # is 0, so the exact run alone would size the workers on 0 req/s: 2 nodes, a figure the
    # samples belie. The parameter is refused at its line, and what reads it waits for it.
    result = line("jobs = workers(rate: write_qps × log(-1 to 3), work: 10 ms)\ntwice = jobs.nodes × 2")

    assert "jobs.rate cannot be computed for" in result.errors["lines:1"]
    for name in ("jobs.nodes", "jobs.cost", "twice", "nodes_total", "cost_per_month"):
        assert result.results[name].value is None, name
        assert result.results[name].work == "needs a valid jobs.rate", name
    assert result.results["app_servers"].value == 2  # what does not read it still computes
    years = result.timeline
    assert years and all(year.api["cost_per_month"] is None and year.api["nodes_total"] is None for year in years)
    assert years[0].api["app_servers"] == 2


def test_the_timeline_still_runs_on_a_ranged_estimate():
    result = estimate({**PRESETS[0].inputs, "dau": "50M to 200M"})
    assert result.timeline and len(result.timeline) == 6


def test_the_same_link_gives_the_same_figures_in_another_process():
    """Each app server is its own process, with its own hash seed: the samples must not
    depend on it."""
    import os
    import subprocess
    import sys

    program = ("from estimator.domain.estimate import estimate; "
               "print(repr(estimate({'dau': '50M to 200M', 'lines': 'x = 1 to 3'}).results['peak_qps'].value))")
    figures = {subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    here = repr(estimate({"dau": "50M to 200M", "lines": "x = 1 to 3"}).results["peak_qps"].value)
    assert figures == {here + "\n"}


def test_an_availability_range_is_lognormal_in_its_downtime():
    result = estimate({"availability": "99.9% to 99.99%"})
    spread = result.spreads["availability"]
    sigma = math.log(10) / (2 * Z90)
    downtime = math.sqrt(1e-3 * 1e-4)  # the geometric mean of 0.1% and 0.01%
    assert result.inputs["availability"].value == approx(1 - downtime)
    assert 1 - spread.p50 == approx(downtime, rel=4 * quantile_error(0.5) * sigma)
    assert 1 - spread.p95 == approx(1e-4, rel=4 * quantile_error(0.05) * sigma)
    assert spread.samples.max() < 1
    assert result.results["nines"].spread.p50 == approx(3.5, abs=0.05)


def test_a_sketch_counts_the_samples_from_the_1st_to_the_99th_percentile():
    spread = estimate({"dau": "50M to 200M", "object_size": "200 KB to 1 MB"}).results["storage_total"].spread
    edges, counts = spread.bins()
    reference, _ = np.histogram(spread.samples, edges)
    assert len(counts) == ranges.BINS and edges[-1] / edges[0] > 10
    assert np.allclose(np.diff(np.log(edges)), np.log(edges[1] / edges[0]))  # log-spaced
    assert np.abs(counts - reference).max() <= 1  # an edge's rounding may move one sample
    assert counts.sum() == approx(0.98 * N, abs=3)


def test_a_percentage_range_above_half_is_lognormal_in_what_it_leaves_out_in_a_line_too():
    result = line("x = 99.9% to 99.99%\nn = -log10(1 - x)\nover = x > 100%")
    assert result.results["n"].spread.p50 == approx(3.5, abs=0.05)
    assert result.results["over"].display == "fails in every case"
    assert parse("3 to 4 nines").median == approx(1 - math.sqrt(1e-3 * 1e-4))
    assert parse("20% to 80%").median == approx(0.4)  # not both above half: lognormal as it is


def test_a_suggestion_for_a_wide_range_is_itself_a_range():
    with pytest.raises(ExpressionError) as refused:
        parse("1 to 1000001")
    assert "did you mean" not in str(refused.value) and "1,000,001" in str(refused.value)


def test_a_comment_does_not_reseed_a_line():
    plain = line("y = 1 to 100").results["y"].value
    assert line("y = 1 to 100   # a guess").results["y"].value == plain


def test_a_result_that_is_the_same_in_every_sample_carries_no_range_in_the_api():
    body = estimate_body(estimate({"dau": "50M to 200M"}))["results"]
    assert body["object_storage_total"]["value"] == 0 and "range" not in body["object_storage_total"]
    assert "range" in body["storage_total"]


def test_an_estimate_holds_at_most_100_ranges_and_says_where_it_went_over():
    from estimator.domain.engine import MAX_RANGES

    ten = " + ".join(["(1 to 2)"] * 10)
    lines = "\n".join(f"l{i} = {ten}" for i in range(MAX_RANGES // 10))
    assert not estimate({"lines": lines}).errors  # exactly the limit
    over = estimate({"lines": lines, "dau": "50M to 200M"})  # the field counts first, then the lines
    assert "at most 100 ranges in one estimate: the lines hold 100 and the fields 1" in over.errors["lines"]
    assert over.results["peak_qps"].spread is not None  # the field still runs on samples
    fields = estimate({name: " + ".join(["(1 to 2)"] * 10) for name in
                       ("peak_factor", "replication_factor", "server_concurrency")} | {"lines": lines})
    assert "at most 100 ranges" in fields.errors["lines"]


def test_sampled_availability_stops_at_15_nines_the_most_the_field_takes():
    # The range's high end is 16 nines (1 − 1e-16, below 100%, so the field takes it); its
    # samples above 15 nines are clipped to 1 − 1e-15, −log10(1e-15) = 15, not to the float
    # next below 1 (1 − 1.1e-16: 15.95 nines, more than any text the field accepts says).
    result = estimate({"availability": "99.99999999999% to 99.99999999999999%"})

    spread = result.results["nines"].spread
    assert spread.p95 == approx(15, abs=1e-3)
    assert result.results["nines"].display.endswith("– 15)")
    assert max(estimate_body(result)["inputs"]["availability"]["range"].values()) <= 1 - 1e-15


def test_a_range_new_to_the_server_is_drawn_once_for_reading_it_and_for_the_estimate(monkeypatch):
    seeds = []
    draw = ranges.draw
    monkeypatch.setattr(ranges, "draw", lambda found, seed: seeds.append(seed) or draw(found, seed))
    text = "50.4242M to 200M"  # no other test reads it, so no memo holds it

    result = estimate({"dau": text})

    assert seeds.count(f"dau\0{text}") == 1
    assert result.results["read_qps"].spread is not None  # the estimate ran on those samples
