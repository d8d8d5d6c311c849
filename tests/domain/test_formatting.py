import pytest

from estimator.domain import formatting


@pytest.mark.parametrize(
    ("value", "text"),
    [(5787.037, "5.79k req/s"), (999.7, "1k req/s"), (0, "0 req/s"), (115.74, "116 req/s"), (1.5e9, "1.5bn req/s"),
     (0.000116, "0.000116 req/s"),
     # past T, the largest symbol, the figure in powers of ten: 2^64 = 18,446,744,073,709,551,616
     (2**64, "1.84e+19 req/s"), (999.4e12, "999T req/s"), (999.6e12, "1e+15 req/s"), (-3e20, "-3e+20 req/s")],
)
def test_counts_show_three_significant_figures_scaled(value, text):
    assert formatting.count(value, "req/s") == text


@pytest.mark.parametrize(
    ("value", "binary", "text"),
    [(1.825e15, False, "1.83 PB"), (1024, True, "1 KiB"), (1024, False, "1.02 KB"), (999_999, False, "1 MB"),
     (1.825e15, True, "1.62 PiB"), (500, False, "500 B"),
     # past EB: 1e21 B is 1,000 EB and 1e21 ÷ 2^60 = 867 EiB
     (1e21, False, "1e+21 B"), (1e21, True, "867 EiB")],
)
def test_sizes_scale_within_their_family(value, binary, text):
    assert formatting.size(value, binary=binary) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(31536, "8h 45m 36s"), (3153.6, "52m 33.6s"), (315.36, "5m 15.36s"), (0.0864, "86.4 ms"), (86400, "1d"),
     (0, "0s"), (365 * 86400 * 2 + 3600, "2y 1h"), (float("inf"), "forever"), (3e-6, "3 µs")],
)
def test_durations_break_into_units(seconds, text):
    assert formatting.duration(seconds) == text


@pytest.mark.parametrize(
    ("fraction", "text"),
    [(0.998001, "99.8001%"), (1 - 3600 / 2592000, "99.8611%"), (0.999999, "99.9999%"), (0.99940005, "99.940005%")],
)
def test_availabilities_show_the_digits_that_matter(fraction, text):
    assert formatting.availability(fraction) == text


def test_work_figures_group_thousands():
    assert formatting.number(86400) == "86,400"
    assert formatting.compact(1e8) == "100M"
    assert formatting.compact(12345) == "12.345k"


@pytest.mark.parametrize(
    ("value", "text"),
    [(1825.3, "1,830"), (54.75, "54.8"), (0.0053, "0.0053"), (5.86, "5.86"), (1_000_000, "1,000,000"), (-1234, "-1,230")],
)
def test_figure3_gives_three_significant_figures_without_scaling(value, text):
    assert formatting.figure3(value) == text


@pytest.mark.parametrize(
    ("dollars", "text"),
    [(0.0031, "$0.0031"), (150, "$150"), (2592, "$2,592"), (45_300, "$45.3k"), (4.5e6, "$4.5M"), (-150, "-$150"),
     (float("inf"), "$∞")],
)
def test_money_shows_cents_below_100_dollars_whole_dollars_below_10k_then_scales(dollars, text):
    assert formatting.money(dollars) == text


def test_how_often_a_check_passes_never_rounds_to_every_case():
    from estimator.domain import formatting as f

    assert f.passes(0.83) == "passes in 83% of cases"
    assert f.passes(0.996) == "passes in 99.6% of cases"
    assert f.passes(0.9996) == "passes in 99.96% of cases" and f.passes(0.0004) == "passes in 0.04% of cases"
    assert f.passes(1.0) == "passes in every case" and f.passes(0.0) == "fails in every case"


@pytest.mark.parametrize("low, high, text", [
    (formatting.Figure("50", " ms"), formatting.Figure("200", " ms"), "50 to 200 ms"),
    (formatting.Figure("50M"), formatting.Figure("200M"), "50M to 200M"),
    (formatting.Figure("500", " KB"), formatting.Figure("2", " MB"), "500 KB to 2 MB"),
    (formatting.Figure("$10", "/month"), formatting.Figure("$20", "/month"), "$10 to $20/month"),
    # a duration of several parts has no unit to share: not '1 to 2h 30m'
    (formatting.Figure("1h 30m"), formatting.Figure("2h 30m"), "1h 30m to 2h 30m"),
])
def test_a_range_writes_the_unit_its_ends_share_once(low, high, text):
    assert formatting.span(low, high) == text


def test_a_range_is_joined_from_its_ends_parts_never_from_their_text():
    with pytest.raises(AttributeError):
        formatting.span("50 ms", "200 ms")  # a figure already printed cannot be taken apart again

    assert not any(hasattr(value, "fullmatch") for value in vars(formatting).values())  # no pattern to read one


@pytest.mark.parametrize("figure, parts", [
    (formatting.count_figure(5787.04, "req/s"), ("5.79k", " req/s")),
    (formatting.count_figure(5787.04), ("5.79k", "")),
    (formatting.size_figure(1.825e15), ("1.83", " PB")),
    (formatting.duration_figure(0.0864), ("86.4", " ms")),
    (formatting.duration_figure(31536), ("8h 45m 36s", "")),
    (formatting.percent_figure(0.9999), ("99.99", "%")),
])
def test_a_figure_keeps_its_number_and_unit_apart(figure, parts):
    assert tuple(figure) == parts
    assert str(figure) == "".join(parts)


def test_a_whole_count_shows_every_digit_only_while_a_float_holds_them():
    assert formatting.integer(999_999_999_999_999) == "999,999,999,999,999"
    # ⌈2e29 ÷ 700⌉ = 285,714,285,714,285,714,285,714,286; the float nearest it prints as
    # 285,714,285,714,285,718,082,158,592: its last 12 digits are noise, so 3 figures are shown
    assert formatting.integer(int(float(2e29 / 700).__ceil__())) == "2.86e+26"
    assert formatting.integer(10**15) == "1e+15" and formatting.integer(-3 * 10**16) == "-3e+16"


def test_a_duration_past_a_floats_exact_hundredths_shows_its_years_to_three_figures():
    # 1e30 s ÷ 31,536,000 s = 31,709,791,983,764,586,504,312.5… years; the float's hundredths
    # printed 31,709,791,983,764,588,205,911y 147d 13h 5m 34.72s (wrong from the 17th digit on)
    assert formatting.duration(1e30) == "3.17e+22y"
    assert formatting.duration(1e14) == "3,170,000y"  # 3,170,979.2 years
    # below 2^53 hundredths (9.0e13 s) every part is exact: 1e13 s = 317,097 years 335d 17h 46m 40s
    assert formatting.duration(1e13) == "317,097y 335d 17h 46m 40s"
