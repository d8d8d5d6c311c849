"""Reading text (lang/parse.py): precedence, powers, quantities as the fields read them, the
limits checked while reading, and hostile text refused with bounded work.

Expected values are worked by hand from the conventions (day = 86,400 s, month = 30 days,
KB = 1,000 B, a bit is 1/8 byte); dimensions are named with pint unit names, never taken
from the code under test."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain.errors import InputError
from estimator.domain.estimate import ESTIMATE
from estimator.domain.lang.compile import compile_samples, compile_tree
from estimator.domain.lang.dims import infer
from estimator.domain.lang.errors import ExpressionError
from estimator.domain.lang.nodes import CHECK
from estimator.domain.lang.limits import MAX_LENGTH
from estimator.domain.lang.parse import parse
from estimator.domain.lang.show import describe
from tests.domain.lang.reading import DAY, MONTH, YEAR, dimension, dims, refusal, value
from tests.work import at_most

HOSTILE_CALLS = 20_000  # Python calls to refuse one text; ~500 cold, ~50 warm (tests/work.py)


# Grammar -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 + 3 × 4", 14),  # × before +
        ("(2 + 3) × 4", 20),
        ("2 × 3 ^ 2", 18),  # ^ before ×
        ("10 - 2 - 3", 5),  # left to right
        ("100 / 10 / 2", 5),
        ("100 ÷ 10 * 2", 20),
        ("8 per 2", 4),
        ("2 + 3 <= 5", True),  # a comparison binds loosest
    ],
)
def test_operators_follow_the_usual_precedence(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("−3 + 5", 2), ("-(2 + 3)", -5), ("2 - -3", 5), ("2 × −3", -6), ("+4", 4)],
)
def test_unary_minus_negates_the_atom_after_it(text, expected):
    assert value(text) == expected


def test_a_minus_sign_belongs_to_its_number_before_a_power():
    # The grammar reads `power := unary [^ INTEGER]`: −2^2 is (−2)², as in a spreadsheet.
    assert value("-2 ^ 2") == 4


@pytest.mark.parametrize(("text", "expected"), [("2 ^ 4", 16), ("2 ^ -2", 0.25), ("10 ^ 0", 1), ("(1 + 1)^3", 8)])
def test_powers_take_whole_exponents(text, expected):
    assert value(text) == approx(expected)


def test_a_power_of_a_unit_is_that_unit_to_the_power():
    assert dimension("(2 KB)^2") == dims("byte**2")
    assert value("(2 KB)^2") == approx(4e6)


def test_a_plain_number_takes_whole_exponents_up_to_64():
    # 2^10 = 1,024, so 2^40 = 1,024^4 = 1,099,511,627,776 and 2^41 twice that.
    assert value("2^41") == 2_199_023_255_552
    assert value("2^64") == 18_446_744_073_709_551_616  # 1,024^6 × 2^4 = 1.8e19, within 1e30
    assert value("2^-64") == approx(1 / 18_446_744_073_709_551_616)
    assert value("10^30") == approx(1e30)
    assert dimension("2^41") == dims("dimensionless")


def test_a_plain_name_takes_a_large_exponent_and_so_does_a_grouped_sum():
    # 1.1² = 1.21, 1.1⁴ = 1.4641, 1.1⁸ = 2.14358881, 1.1¹⁰ = 2.14358881 × 1.21 = 2.5937424601
    assert value("(1 + growth)^10", growth=0.1) == approx(2.5937424601)
    assert value("base^7", base=62) == 3_521_614_606_208  # 62³ = 238,328; 62⁶ = 56,800,235,584; × 62
    assert dimension("base^7", {"base": dims("dimensionless")}) == dims("dimensionless")


def test_a_line_may_count_with_a_large_power_but_not_raise_a_size_to_the_fifth():
    result = ESTIMATE({"lines": "ids = 2^41\nshort_urls = 62^7"})

    assert result.results["ids"].value == 2_199_023_255_552
    assert result.results["short_urls"].value == 3_521_614_606_208
    assert "limited to ±4" in ESTIMATE({"lines": "x = (1 KB)^5"}).errors["lines:1"]


def test_a_large_exponent_on_samples_is_the_same_power():
    samples = compile_samples(parse("x^41"))({"x": np.array([2.0, 1.0, 0.5])}, [])

    assert samples.tolist() == [2_199_023_255_552, 1, 1 / 2_199_023_255_552]


def test_a_large_exponent_of_a_range_reads_each_end():
    # 2 to 4: median √(2 × 4) = √8; its 20th power is 8^10 = 1,073,741,824
    assert value("(2 to 4)^20") == approx(1_073_741_824)


def test_a_power_of_a_quantity_with_a_unit_stays_within_4():
    assert value("(2 KB)^4") == approx(16e12)  # (2,000 B)^4 = 1.6e13 B⁴

    assert "a power of a size (B) is limited to ±4, got 5 (±64 is for plain numbers)" in str(refusal("(2 KB)^5"))
    assert "limited to ±4, got -5" in str(refusal("size^-5", {"size": dims("byte")}))
    assert "limited to ±4" in str(refusal("(3 req/s)^8"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2 ^ 65", "powers are limited to ±64, got 65"),
        ("2 ^ -65", "powers are limited to ±64, got -65"),
        ("10^31", "10^31 is beyond what any estimate needs (1e±30)"),  # as 1e31 is
        ("10^-31", "10^-31 is beyond what any estimate needs (1e±30)"),
        ("(-10)^31", "is beyond what any estimate needs"),
        ("(2 to 4)^64", "4^64 is beyond what any estimate needs"),  # 4^64 = 2^128 = 3.4e38
        ("(1e20)^2", "is beyond what any estimate needs"),  # 1e40
        ("2 ^ 1.5", "a power needs a whole number from −64 to 64"),
        ("2 ^ x", "a power needs a whole number"),
        ("2^3^2", "one power at a time"),
        ("2 ** 3", "write powers with ^"),
    ],
)
def test_other_powers_are_refused(text, message):
    assert message in str(refusal(text))


@pytest.mark.parametrize(("typed", "work", "expected"),
                         [("day × 5 x", "day × 5", 5 * DAY), ("(2 KB × 3 x)", "(2 KB × 3)", 6000),
                          ("day × 5×", "day × 5", 5 * DAY)])
def test_a_multipliers_suffix_reads_back_after_a_product(typed, work, expected):
    assert value(typed) == approx(expected)
    assert describe(parse(typed), {}) == work
    assert value(work) == approx(expected)


# Quantities ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "canonical", "unit"),
    [
        ("500 KB", 500_000, "byte"),
        ("2 MiB", 2 * 1024**2, "byte"),
        ("8 bit", 1, "byte"),
        ("10 Gbps", 10e9 / 8, "byte/second"),
        ("2 req/user/day", 2 / DAY, "request/user/second"),
        ("1 MB/req", 1e6, "byte/request"),
        ("$0.02/GB/month", 0.02 / 1e9 / MONTH, "USD/byte/second"),
        ("$150/month", 150 / MONTH, "USD/second"),
        ("$0.05/GB", 0.05 / 1e9, "USD/byte"),
        ("99.9%", 0.999, ""),
        ("4 nines", 0.9999, ""),
        ("four nines", 0.9999, ""),
        ("100M", 1e8, ""),
        ("3bn", 3e9, ""),
        ("1.5k users", 1500, "user"),
        ("10k qps", 1e4, "request/second"),
        ("5/day", 5 / DAY, "1/second"),
        ("100M req per day", 1e8 / DAY, "request/second"),
        ("1 KB per req", 1000, "byte/request"),
        ("30 days", 30 * DAY, "second"),
        ("2 quarters", 182.5 * DAY, "second"),
        ("10 years", 10 * YEAR, "second"),
        ("250 µs", 250e-6, "second"),
        ("3 copies", 3, ""),
    ],
)
def test_quantities_read_as_the_fields_read_them(text, canonical, unit):
    assert value(text) == approx(canonical, rel=1e-12)
    assert dimension(text) == dims(unit)


@pytest.mark.parametrize(
    ("text", "canonical", "unit"),
    [("day", DAY, "second"), ("KB", 1000, "byte"), ("req", 1, "request"), ("month", MONTH, "second")],
)
def test_a_unit_may_stand_alone(text, canonical, unit):
    assert value(text) == canonical
    assert dimension(text) == dims(unit)


def test_a_name_divided_by_a_unit_standing_alone():
    requests_a_day = {"x": dims("request")}

    assert dimension("x / day", requests_a_day) == dims("request/second")
    assert value("x / day", x=86_400) == approx(1)  # 86,400 requests a day are 1 a second


def test_b_after_a_number_is_a_byte_unless_the_field_counts():
    assert value("100B") == 100
    assert dimension("100B") == dims("byte")
    assert compile_tree(parse("100B", counts=True))({}) == 1e11


# Limits --------------------------------------------------------------------------------------

def test_200_characters_are_accepted_and_201_refused():
    longest = "10+" + "+".join(["1"] * 98) + "+1"  # 200 characters: 10 + 99 ones = 109

    assert len(longest) == 200
    assert value(longest) == 109
    with pytest.raises(ExpressionError, match="201 characters long; at most 200"):
        parse(longest + "1")


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("(", ")"), ("ceil(", ")"), ("max(1, ", ")")],
)
def test_12_levels_of_nesting_are_accepted_and_13_refused(opening, closing):
    assert value(opening * 12 + "1" + closing * 12) == 1
    with pytest.raises(ExpressionError, match="nested more than 12 levels deep"):
        parse(opening * 13 + "1" + closing * 13)


@pytest.mark.parametrize("text", ["1e30", "1e-30", "0.1e-29", "1000T", "1e27 k"])
def test_magnitudes_within_1e30_either_way_are_accepted(text):
    assert 1e-30 <= value(text) <= 1e30 * (1 + 1e-12)


@pytest.mark.parametrize("text", ["1e31", "1e-31", "1e28 k", "1e25 T", "0.01e-29", "1" + "0" * 31, "9" * 40])
def test_magnitudes_beyond_1e30_either_way_are_refused(text):
    with pytest.raises(ExpressionError):
        parse(text)


# Hostile text --------------------------------------------------------------------------------

HOSTILE = [
    "9^9^9", "9**9**9", "10^10^10", "(" * 300 + "1" + ")" * 300, "(" * 99 + "1" + ")" * 99, "9" * 5000, "9" * 150,
    "1" + "0" * 400, "__import__('os')", "().__class__", "1\x00", "\x00", "😀", "1 😀 2", "<script>alert(1)</script>",
    "1; DROP TABLE web_scenario", "1' OR '1'='1", "1 -- comment", "1e999", "1e-999", "nan", "inf", "inf KB",
    "lambda", "0x10", "1_000", "-" * 150 + "1", "ceil(" * 40 + "1" + ")" * 40, "a" * 5000, "2^4^4", "", "   ",
    "1 +", "$", "→", "1,5", "ref.", "=1",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:24]))
def test_hostile_text_is_refused_with_bounded_work(text):
    with at_most(HOSTILE_CALLS), pytest.raises(InputError):
        infer(parse(text), {})


def test_an_expression_error_is_an_input_error():
    assert issubclass(ExpressionError, InputError)


# Text that looks like an expression: numbers, units, operators, functions, names.
EXPRESSIONISH = st.lists(
    st.sampled_from(list("0123456789.,%/ -+eEkKMBTbnsmhdyx()^<>=$≤≥−×÷*") + [
        "KB", "MiB", " per ", " nines", "day", "hour", "req", "user", "ceil(", "log(", "sqrt(", "min(", ", ",
        "dau", "read_qps", "object_size", "->", "Gbps", "four",
    ]),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=MAX_LENGTH + 5), EXPRESSIONISH))
def test_any_text_is_an_expression_of_some_dimension_or_is_refused(text):
    try:
        inferred = infer(parse(text), ESTIMATE.dims)
    except InputError as error:
        assert str(error)
        return

    assert inferred is CHECK or isinstance(inferred, type(dims("")))
