"""Every field holds an expression read in the field's own terms (shared/spec/estimate.md,
Inputs): what a bare number means, which nouns may be left out, whether `B` after a number
is a billion or a byte. Values are in canonical units (B, s, req, user; a per-user rate per
second); the API reports a per-user rate per day."""

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain.errors import InputError
from estimator.domain.estimate import estimate
from estimator.domain.inputs import BY_NAME, INPUTS
from estimator.domain.lang.limits import MAX_LENGTH
from estimator.render.api import estimate_body
from tests.work import at_most

HOSTILE_CALLS = 100_000  # Python calls for a whole estimate with one field refused; ~7,000 cold, ~500 warm (tests/work.py)

DAY = 86_400


def parse(name: str, text: str):
    return BY_NAME[name].parse(text)


def per_day(name: str, text: str) -> float:
    """A per-user rate as the API reports it: requests per user per day."""
    spec = BY_NAME[name]
    return spec.kind.api_value(spec.parse(text).value)


@pytest.mark.parametrize(
    ("text", "users"),
    [("100M", 1e8), ("1.5k", 1500), ("2e6", 2e6), ("100 million", 1e8), ("3 billion", 3e9), ("3bn", 3e9),
     ("3B", 3e9), ("1T", 1e12), ("1,500", 1500), ("100M users", 1e8), ("  42  ", 42), ("10 thousand DAU", 1e4),
     ("300M × 50%", 1.5e8), ("100B", 1e11), ("2 × 1.5M", 3e6)],
)
def test_counts_accept_suffixes_words_and_arithmetic(text, users):
    assert parse("dau", text).value == approx(users)


@pytest.mark.parametrize(
    ("text", "per_second"),
    [("5", 5), ("5/s", 5), ("1k/s", 1000), ("2 per minute", 2 / 60), ("1M req/s", 1e6), ("10k qps", 1e4),
     ("3600/hour", 1), ("86400 per day", 1), ("5 requests per second", 5), ("100M req/day", 1e8 / DAY)],
)
def test_total_rates_are_per_second_unless_told(text, per_second):
    assert parse("read_qps", text).value == approx(per_second)


@pytest.mark.parametrize(
    ("text", "requests_a_day"),
    [("5", 5), ("5/day", 5), ("2 per hour", 48), ("1/s", 86400), ("7/week", 1), ("5 reads/user/day", 5),
     ("5 per user per day", 5), ("30 a month", 1), ("2 × 2.5", 5)],
)
def test_per_user_rates_are_per_day_unless_told(text, requests_a_day):
    assert per_day("reads_per_user", text) == approx(requests_a_day)
    assert parse("reads_per_user", text).value == approx(requests_a_day / DAY)  # the engine keeps them per second


@pytest.mark.parametrize(
    ("text", "size_bytes"),
    [("500 KB", 5e5), ("500 kB", 5e5), ("2 MiB", 2 * 2**20), ("280 B", 280), ("1.5 GB", 1.5e9), ("1 EB", 1e18),
     ("8 bit", 1), ("8 Mbit", 1e6), ("1 KiB", 1024), ("3 kilobytes", 3000), ("1 PiB", 2**50),
     ("4 GB + 2 GB + 1 GB", 7e9), ("100B", 100), ("1 MB/req", 1e6), ("2 × 250 KB", 5e5)],
)
def test_sizes_are_decimal_unless_binary_is_typed(text, size_bytes):
    assert parse("object_size", text).value == approx(size_bytes)


def test_a_computed_count_is_shown_in_the_fields_terms():
    parsed = parse("dau", "300M × 50%")

    assert parsed.value == approx(1.5e8)
    assert parsed.figure == "150M users"


def test_100b_is_a_hundred_billion_users_but_a_hundred_bytes():
    assert parse("dau", "100B").value == approx(1e11)
    assert parse("object_size", "100B").value == approx(100)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("5 years", 5 * 365 * 86400), ("90 days", 90 * 86400), ("36 months", 36 * 30 * 86400), ("1 year", 365 * 86400),
     ("2 quarters", 182.5 * 86400), ("1 week", 7 * 86400), ("1 year + 6 months", (365 + 180) * 86400)],
)
def test_durations_follow_the_calendar_conventions(text, seconds):
    assert parse("retention", text).value == approx(seconds)


@pytest.mark.parametrize(
    ("text", "seconds"), [("500 ms", 0.5), ("1.5 s", 1.5), ("250 µs", 250e-6), ("2 min", 120), ("1 ms + 10 ms", 0.011)],
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


def test_a_percentage_is_read_exactly_so_its_downtime_is_exact_to_the_display():
    result = estimate({"availability": "99.99%"}).results["downtime_per_year"]

    assert result.value == approx(0.0001 * 365 * 86400)  # 3,153.6 s
    assert result.display == "52m 33.6s"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("object_size", "500 kb", "did you mean 500 KB?"),
        ("object_size", "5 m", "is a length"),
        ("object_size", "500", "a size needs a unit"),
        ("object_size", "500 mib", "did you mean 500 MiB?"),
        ("object_size", "5 s", "is a duration (s)"),
        ("availability", "99.99", "did you mean 99.99%?"),
        ("availability", "100%", "availability must be below 100%"),
        ("dau", "1,5", "use a point for decimals (1.5)"),
        ("dau", "-5", "it is negative"),
        ("dau", "", "dau is required"),
        ("dau", "5 apples", "not a count suffix"),
        ("dau", "5 KB", "is a size (B)"),
        ("retention", "5 m", "did you mean 5 min or 5 months?"),
        ("retention", "5", "a duration needs a unit"),
        ("read_qps", "5/user/day", "a rate per user belongs in the per-user inputs"),
        ("replication_factor", "2.5", "it must be a whole number"),
        ("replication_factor", "0", "must be at least 1"),
        ("peak_factor", "0.5", "peak_factor must be at least 1"),
        ("server_qps", "0", "server_qps must be above 0 req/s"),
        ("peak_factor", "1 < 2", "is a check (yes or no)"),
        ("size_units", "hex", "one of decimal, binary"),
        ("object_size", "x" * 201, "at most 200 are accepted"),
    ],
)
def test_bad_input_says_what_was_expected_and_what_was_given(name, text, message):
    with pytest.raises(InputError) as error:
        parse(name, text)

    assert message in str(error.value)


def test_messages_quote_what_was_given():
    assert "'5 apples'" in estimate({"dau": "5 apples"}).errors["dau"]
    assert "'abc'" in estimate({"dau": "abc"}).errors["dau"]


def test_an_unknown_name_in_a_field_suggests_the_nearest_one():
    message = estimate({"dau": "reads_per_usr"}).errors["dau"]

    assert "did you mean reads_per_user?" in message


def test_an_empty_optional_input_is_none():
    assert parse("read_qps", "") is None


@pytest.mark.parametrize("line", ["avg_write = 5 KB/req", "avg_write = 5 KB", "avg_write = 2 KB + 3 KB"])
def test_a_field_may_read_a_line(line):
    texts = {"object_size": "avg_write", "lines": line}

    result = estimate(texts).results["storage_per_day"]

    # 1M users × 1 write/user/day (the defaults) × 5 KB = 5 GB a day
    assert result.value == approx(1e6 * 5e3)
    assert result.work == "11.6 req/s × 24 h ÷ 1 day × 5 KB = 5 GB/day"


def test_a_field_may_read_a_line_that_reads_other_fields():
    results = estimate({"dau": "mau × 50%", "lines": "mau = 300M users"}).results

    assert results["read_qps"].value == approx(1.5e8 * 10 / 86400)  # 150M users × 10 reads/day (the default)
    assert results["read_qps"].work.startswith("150M users × 10 req/user/day")


def test_the_api_reports_the_value_of_a_field_computed_from_a_line():
    inputs = estimate_body(estimate({"dau": "mau × 50%", "lines": "mau = 300M users"}))["inputs"]

    assert inputs["dau"]["value"] == approx(1.5e8)


def test_a_line_of_the_wrong_dimension_is_refused_at_the_field():
    result = estimate({"object_size": "avg_write", "lines": "avg_write = 5 s"})

    assert "is a duration (s); object_size needs a size" in result.errors["object_size"]
    assert result.results["storage_per_day"].value is None
    assert result.results["egress"].available  # what does not read object_size still computes


def test_a_line_out_of_the_fields_bounds_is_refused_at_the_field():
    result = estimate({"peak_factor": "x", "lines": "x = 0.5"})

    assert "peak_factor must be at least 1" in result.errors["peak_factor"]


def test_a_cycle_through_a_field_is_refused_naming_every_member():
    result = estimate({"dau": "a", "lines": "a = b\nb = dau"})

    for key in ("dau", "lines:1", "lines:2"):
        _, _, path = result.errors[key].partition("a cycle: ")
        assert set(path.split(" → ")) == {"dau", "a", "b"}
    assert result.results["read_qps"].value is None
    assert result.results["downtime_per_year"].available


def test_a_result_in_a_cycle_through_a_field_is_unavailable_not_missing():
    result = estimate({"dau": "read_qps"})

    assert "a cycle" in result.errors["dau"]
    assert set(result.results) >= set(result.calculator.result_order)
    assert result.results["read_qps"].value is None


UNDEFINED = ["0/0", "log(0)", "sqrt(-1)", "0^-1", "log(1, 1)"]


@pytest.mark.parametrize("text", UNDEFINED)
def test_undefined_arithmetic_in_a_field_is_refused(text):
    result = estimate({"peak_factor": text})

    assert "peak_factor" in result.errors


HOSTILE = ["9**9**9", "10**10**10", "9^9^9", "9" * 100_000, "(" * 1000 + "1" + ")" * 1000, "(" * 90 + "1" + ")" * 90,
           "1e999", "nan", "inf KB", "1\x00", "😀", "1,5", "lambda", "<script>alert(1)</script>",
           "1; DROP TABLE web_scenario", "1e-999", "__import__('os')", "1" + "0" * 400, "0x10", "1_000"]


def refused(name: str, text: str) -> bool:
    errors = estimate({name: text}).errors
    return name in errors or any(key.startswith(f"{name}:") for key in errors)


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
@pytest.mark.parametrize("name", [spec.name for spec in INPUTS])
def test_hostile_strings_are_refused_with_bounded_work_in_every_field(name, text):
    with at_most(HOSTILE_CALLS):  # a whole estimate, refused, not hung
        assert refused(name, text)


# Text that looks like input: digits, units, suffixes, separators, in any order.
INPUTISH = st.lists(
    st.sampled_from(list("0123456789.,%/ -+eEkKMBTbnsmhdywqiGPuµ×x()^") + [
        "KB", "MiB", " per ", " nines", "day", "hour", "req", "user", "s", "dau", "lines"]),
    max_size=20,
).map(lambda parts: "".join(parts)[:MAX_LENGTH])


@pytest.mark.parametrize("spec", [spec for spec in INPUTS if spec.kind.expression], ids=lambda spec: spec.name)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=MAX_LENGTH + 5), INPUTISH))
@example(text="0/0")
def test_any_text_is_a_finite_value_within_the_fields_bounds_or_is_refused(spec, text):
    result = estimate({spec.name: text})
    if spec.name in result.errors:
        assert result.errors[spec.name]
        return
    parsed = result.inputs[spec.name]
    if parsed is None:
        assert spec.optional and not text.strip()
        return
    if parsed.value is None:
        return  # it reads a name (another input or a result): the engine checked it in the field's terms
    shown = spec.kind.api_value(parsed.value)
    assert math.isfinite(shown)
    if spec.minimum is not None:
        assert shown >= spec.minimum
    if spec.maximum is not None:
        assert shown <= spec.maximum


@pytest.mark.parametrize(("text", "per_day"), [("2 tweets/day", 2), ("20 lookups/day", 20), ("3 clicks per hour", 72),
                                                ("5 orders/user/day", 5)])
def test_any_plain_noun_counted_per_period_is_a_rate(text, per_day):
    spec = BY_NAME["reads_per_user"]

    assert spec.kind.api_value(spec.parse(text).value) == approx(per_day)


def test_a_number_written_with_spaces_gets_the_number_suggested():
    with pytest.raises(InputError) as error:
        BY_NAME["dau"].parse("1 000 000")

    assert "did you mean 1,000,000?" in str(error.value)
    assert "'0 0 0" not in str(error.value)


def test_a_lower_case_m_on_a_count_suggests_millions():
    with pytest.raises(InputError, match="did you mean 100M?"):
        BY_NAME["dau"].parse("100m")


def test_one_copy_is_singular():
    assert BY_NAME["replication_factor"].parse("1").figure == "1 copy"
    assert BY_NAME["replication_factor"].parse("3").figure == "3 copies"


def test_a_billion_a_day_written_with_b_is_asked_about_in_a_rate_field():
    # B after a number is a byte outside count fields: 1B/day in a rate is a bandwidth.
    result = estimate({"write_qps": "1B/day"})

    assert "did you mean 1bn/day?" in result.errors["write_qps"]


def test_a_field_given_a_lines_name_says_which_line_in_its_work():
    # 1bn a day ÷ 86,400 s = 11,574 req/s, read from the line.
    result = estimate({"lines": "updates = 1bn/day", "write_qps": "updates"})

    assert result.results["write_qps"].work == "given: updates = 11.6k req/s"


@pytest.mark.parametrize("name, text, figure", [
    ("request_latency", "50 to 200 ms", "50 to 200 ms"),
    ("dau", "(50M to 200M) * 2", "100M to 400M users"),
    ("price_app_server", "$100 to $200", "$100 to $200/month"),
    # 1.5 h and 2.5 h: a duration of several parts shares no unit (it read '1 to 2h 30m')
    ("request_latency", "1 to 2 h + 30 min", "1h 30m to 2h 30m"),
])
def test_a_field_holding_a_range_shows_its_ends_with_a_shared_unit_once(name, text, figure):
    parsed = BY_NAME[name].parse(text)

    assert parsed.figure == figure
