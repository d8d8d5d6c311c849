"""A result's display in parts (engine/display.py): a figure is its number and its unit; a
ranged value's interval writes a unit the three figures share once, and a duration's two
leading parts; nothing is read back from text."""

import math

from estimator.domain import lexicon
from estimator.domain.engine.display import Display, Figure, shower


def ranged(dims: str, p5: float, p50: float, p95: float, **style) -> Display:
    show = shower(lexicon.dimensionality(dims), **style)
    median, low, high = show.ranged(p5, p50, p95, False)
    return Display(median, show.family, low, high, (p5, p50, p95))


def test_a_figure_is_its_number_and_the_unit_written_after_it():
    show = shower(lexicon.dimensionality("request/second"))

    figure = show.figure(5787.04, False)

    assert figure == Figure("5.79k", " req/s") and str(figure) == "5.79k req/s" and show(5787.04) == "5.79k req/s"
    assert shower(lexicon.dimensionality("byte/request")).figure(5000, False) == Figure("5", " KB/req")


def test_an_interval_writes_a_unit_the_three_share_once():
    rate = ranged("request/second", 5790, 11600, 23100)
    size = ranged("byte", 6e14, 1.2e15, 2.4e15)

    assert rate.ends == ("5.79k", "23.1k") and rate.text == "11.6k req/s (5.79k – 23.1k)"
    assert size.ends == ("600 TB", "2.4 PB") and size.text == "1.2 PB (600 TB – 2.4 PB)"
    assert ranged("", 3, 3, 3).text == "3" and ranged("", 3, 3, 3).ends is None


def test_durations_in_an_interval_show_their_two_leading_parts():
    # 3d 1h 11m 26.98s, 1d 12h 7m 38.9s, 6d 3h 57m 37.97s: each to its two leading parts, rounded
    days = ranged("second", 130058.9, 263486.98, 532657.97)
    # 8h, 5h and 15h share the hour; below a second, milliseconds share ' ms'
    hours = ranged("second", 5 * 3600, 8 * 3600, 15 * 3600)
    short = ranged("second", 0.00463, 0.0156, 0.0498)

    assert days.text == "3d 1h (1d 12h – 6d 4h)"
    assert hours.text == "8h (5 – 15)"
    assert short.text == "15.6 ms (4.63 – 49.8)"


def test_a_duration_of_several_parts_shares_no_unit():
    # 3d 1h, 2d 1h, 5d 1h: the same trailing hour is not a unit ('3d 1h (2 – 5)' would misread)
    display = ranged("second", 2 * 86400 + 3600, 3 * 86400 + 3600, 5 * 86400 + 3600)

    assert display.text == "3d 1h (2d 1h – 5d 1h)"


def test_an_infinite_end_shares_no_unit():
    display = ranged("", 1.0, 2.0, math.inf)

    assert display.ends == ("1", "∞")


def test_percentages_share_their_sign():
    display = ranged("", 0.998, 0.999, 0.9995, style="percent")

    assert display.text == "99.9% (99.8 – 99.95)"


def test_a_check_over_ranges_says_how_often_it_passes():
    display = Display(Figure("yes"), "check", verdict=True, share=0.83)

    assert display.text == "passes in 83% of cases"


def test_a_whole_number_below_a_million_shows_exactly():
    show = shower(lexicon.dimensionality(""))

    assert show(4096) == "4,096" and show(1024 * 3) == "3,072" and show(999_999) == "999,999"
    assert show(1_000_000) == "1M" and show(4096.5) == "4.1k" and show(-1024) == "-1,024"


def test_a_plain_number_in_the_work_is_written_exactly_too():
    from estimator.domain.estimate import estimate

    results = estimate({"lines": "k = 4096\nn = 1024 * 3\nslow = 20 ms * 2000"}).results

    assert (results["k"].display, results["k"].work) == ("4,096", "4,096 = 4,096")
    assert (results["n"].display, results["n"].work) == ("3,072", "1,024 × 3 = 3,072")  # 1,024 × 3 = 3,072
    assert results["slow"].work == "20 ms × 2,000 = 40s"  # 0.02 s × 2,000 = 40 s


def test_a_node_count_past_a_floats_exact_integers_shows_three_figures_not_false_digits():
    from estimator.domain.estimate import estimate

    # ⌈1e29 req/s × 2 ÷ (1k req/s × 70%)⌉ = 285,714,285,714,285,714,285,714,286 nodes: as a
    # float it printed 285,714,285,714,285,718,082,158,592, a count wrong in its last 12 digits
    result = estimate({"lines": "s = servers(rate: 1e29/s)"})

    assert result.results["s.nodes"].display == "2.86e+26"
    assert result.results["s.nodes"].work.endswith("= 2.86e+26")
    assert result.results["nodes_total"].display == "2.86e+26"
