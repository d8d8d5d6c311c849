import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain import units
from estimator.domain.errors import InputError
from estimator.domain.inputs import BY_NAME, INPUTS
from estimator.domain.parsing import MAX_INPUT_LENGTH


def parse(name: str, text: str):
    return BY_NAME[name].parse(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("100M", 1e8), ("1.5k", 1500), ("2e6", 2e6), ("100 million", 1e8), ("3 billion", 3e9), ("3bn", 3e9),
     ("3B", 3e9), ("1T", 1e12), ("1,500", 1500), ("100M users", 1e8), ("  42  ", 42), ("10 thousand DAU", 1e4)],
)
def test_counts_accept_suffixes_and_words(text, value):
    assert parse("dau", text).value == approx(value)


@pytest.mark.parametrize(
    ("text", "per_second"),
    [("5", 5), ("5/s", 5), ("1k/s", 1000), ("2 per minute", 2 / 60), ("1M req/s", 1e6), ("10k qps", 1e4),
     ("3600/hour", 1), ("86400 per day", 1), ("5 requests per second", 5)],
)
def test_total_rates_are_per_second_unless_told(text, per_second):
    assert parse("read_qps", text).value == approx(per_second)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [("5", 5), ("5/day", 5), ("2 per hour", 48), ("1/s", 86400), ("7/week", 1), ("5 reads/user/day", 5),
     ("5 per user per day", 5), ("30 a month", 1)],
)
def test_per_user_rates_are_per_day_unless_told(text, per_day):
    assert parse("reads_per_user", text).value == approx(per_day)


@pytest.mark.parametrize(
    ("text", "size_bytes"),
    [("500 KB", 5e5), ("500 kB", 5e5), ("2 MiB", 2 * 2**20), ("280 B", 280), ("1.5 GB", 1.5e9), ("1 EB", 1e18),
     ("8 bit", 1), ("8 Mbit", 1e6), ("1 KiB", 1024), ("3 kilobytes", 3000), ("1 PiB", 2**50)],
)
def test_sizes_are_decimal_unless_binary_is_typed(text, size_bytes):
    assert parse("object_size", text).value == approx(size_bytes)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("5 years", 5 * 365 * 86400), ("90 days", 90 * 86400), ("36 months", 36 * 30 * 86400), ("1 year", 365 * 86400),
     ("2 quarters", 182.5 * 86400), ("1 week", 7 * 86400)],
)
def test_durations_follow_the_calendar_conventions(text, seconds):
    assert parse("retention", text).value == approx(seconds)


@pytest.mark.parametrize(
    ("text", "seconds"), [("500 ms", 0.5), ("1.5 s", 1.5), ("250 µs", 250e-6), ("2 min", 120)],
)
def test_short_durations(text, seconds):
    assert parse("request_latency", text).value == approx(seconds)


@pytest.mark.parametrize(
    ("text", "fraction"),
    [("99.99%", 0.9999), ("0.9999", 0.9999), ("4 nines", 0.9999), ("four nines", 0.9999), ("20%", 0.2),
     ("99.9 percent", 0.999), ("five nines", 0.99999), ("3.5 nines", 1 - 10**-3.5)],
)
def test_fractions(text, fraction):
    assert parse("availability", text).value == approx(fraction)


def test_the_unavailability_of_a_percentage_is_exact():
    assert parse("availability", "99.99%").complement == 0.0001


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("object_size", "500 kb", "'500 kb' is kilobits; did you mean 500 KB?"),
        ("object_size", "5 m", "'5 m' is a length; object_size needs a size such as 500 KB"),
        ("object_size", "500", "a size needs a unit"),
        ("object_size", "500 mib", "did you mean 500 MiB?"),
        ("availability", "99.99", "did you mean 99.99%?"),
        ("availability", "100%", "availability must be below 100%"),
        ("dau", "1,5", "use a point for decimals (1.5)"),
        ("dau", "-5", "it is negative"),
        ("dau", "", "dau is required"),
        ("dau", "5 apples", "'apples' is not a count suffix"),
        ("retention", "5 m", "did you mean 5 min or 5 months?"),
        ("retention", "5", "a duration needs a unit"),
        ("read_qps", "5/user/day", "a rate per user belongs in the per-user inputs"),
        ("replication_factor", "2.5", "it must be a whole number"),
        ("replication_factor", "0", "replication_factor must be at least 1"),
        ("peak_factor", "0.5", "peak_factor must be at least 1"),
        ("server_qps", "0", "server_qps must be above 0 req/s"),
        ("size_units", "hex", "one of decimal, binary"),
    ],
)
def test_bad_input_says_what_was_expected_and_what_was_given(name, text, message):
    with pytest.raises(InputError) as error:
        parse(name, text)

    assert message in str(error.value)


def test_messages_quote_what_was_given():
    with pytest.raises(InputError, match="got 'abc'"):
        parse("dau", "abc")


def test_an_empty_optional_input_is_none():
    assert parse("read_qps", "") is None


HOSTILE = ["9**9**9", "10**10**10", "9" * 100_000, "(" * 1000 + "1" + ")" * 1000, "1e999", "nan", "inf KB",
           "1\x00", "😀", "1,5", "lambda", "<script>alert(1)</script>", "1; DROP TABLE web_scenario", "1e-999",
           "__import__('os')", "1" + "0" * 400, "0x10", "1_000"]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
@pytest.mark.parametrize("name", [spec.name for spec in INPUTS])
def test_hostile_strings_are_refused_quickly(name, text):
    timings = []
    for _ in range(3):  # the best of three: a hang fails every time, a scheduler hiccup does not
        start = time.perf_counter()
        with pytest.raises(InputError):
            parse(name, text)
        timings.append(time.perf_counter() - start)

    assert min(timings) < 0.010  # refused, not hung: 10 ms is 100× the usual cost


# Text that looks like input: digits, units, suffixes, separators, in any order.
INPUTISH = st.lists(
    st.sampled_from(list("0123456789.,%/ -+eEkKMBTbnsmhdywqiGPuµ×x") + ["KB", "MiB", " per ", " nines",
                                                                      "day", "hour", "req", "user", "s"]),
    max_size=20,
).map(lambda parts: "".join(parts)[:MAX_INPUT_LENGTH])

DIMENSIONS = {"user": "[user]", "req/user/day": "[request] / [user]", "req/s": "[request] / [time]",
              "B": "[information]", "s": "[time]", "": "dimensionless", "req": "[request]"}


@pytest.mark.parametrize("spec", INPUTS, ids=lambda spec: spec.name)
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=MAX_INPUT_LENGTH), INPUTISH))
def test_any_text_parses_to_a_finite_value_of_the_fields_dimension_or_is_refused(spec, text):
    try:
        parsed = spec.parse(text)
    except InputError as error:
        assert str(error)
        return
    if parsed is None:
        assert spec.optional and not text.strip()
        return
    assert math.isfinite(parsed.value)
    if spec.unit not in ("choice", ""):
        dims = units.Q(parsed.value, spec.unit.replace("req/user/day", "req/user")).dimensionality
        assert str(dims) == DIMENSIONS[spec.unit]
    if spec.minimum is not None:
        assert parsed.value >= spec.minimum
    if spec.maximum is not None:
        assert parsed.value <= spec.maximum
