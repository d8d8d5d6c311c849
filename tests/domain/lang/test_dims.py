"""Dimensions (lang/dims.py): a comparison is a check, and a mismatch names both dimensions,
the column and a suggestion where one fits.

Expected values are worked by hand from the conventions (day = 86,400 s, month = 30 days,
KB = 1,000 B, a bit is 1/8 byte); dimensions are named with pint unit names, never taken
from the code under test."""

import pytest

from estimator.domain.estimate import ESTIMATE
from estimator.domain.lang.dims import infer
from estimator.domain.lang.errors import ExpressionError
from estimator.domain.lang.nodes import CHECK
from estimator.domain.lang.parse import parse
from tests.domain.lang.reading import dimension, refusal, value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 ms + 0.5 ms + 10 ms <= 500 ms", True),
        ("600 ms <= 500 ms", False),
        ("2 KB >= 1 KB", True),
        ("1 > 2", False),
        ("5 ≥ 5", True),
        ("5 ≤ 4", False),
        ("1 < 1", False),
        ("99.9% >= 99.9%", True),
    ],
)
def test_a_comparison_is_a_check_that_is_yes_or_no(text, expected):
    assert dimension(text) is CHECK
    assert value(text) is expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("1 < 2 < 3", "one comparison at a time"), ("(1 < 2) + 1", "a check (yes or no) cannot be used with '+'"),
     ("-(1 < 2)", "a check (yes or no) cannot be used")],
)
def test_a_check_is_only_ever_a_result(text, message):
    assert message in str(refusal(text))


# Dimensions ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "left", "right", "column"),
    [
        ("1 KB + 5", "a size (B)", "a plain number", 6),
        ("read_qps + dau", "a rate of requests (req/s)", "a number of users (user)", 10),
        ("$5 + 5 GB", "an amount of money (USD)", "a size (B)", 4),
        ("50 ms <= 5 GB", "a duration (s)", "a size (B)", 7),
        ("1 req/s + 1 user/s", "a rate of requests (req/s)", "user/s", 9),
        ("storage_total - 1 s", "a size (B)", "a duration (s)", 15),
            ("storage_per_day - 1 s", "a bandwidth (B/s)", "a duration (s)", 17),
    ],
)
def test_a_dimension_error_names_both_dimensions_and_the_column(text, left, right, column):
    error = refusal(text, ESTIMATE.dims)

    message = str(error)
    assert left in message and right in message
    assert message.index(left) < message.index(right)
    assert error.column == column
    assert message.endswith(f"(column {column})")


def test_a_plain_number_added_to_a_size_is_told_to_take_a_unit():
    assert "give the plain number a unit, e.g. 5 B" in str(refusal("1 KB + 5"))


def test_a_size_times_requests_compared_with_a_size_suggests_a_size_per_request():
    assert "1 MB/req" in str(refusal("1 MB × 2 req <= 5 GB"))


def test_a_size_times_a_request_rate_compared_with_a_size_suggests_a_size_per_request():
    assert "/req" in str(refusal("1 MB × 2 req/day <= 5 GB"))


def test_a_trailing_times_after_a_number_is_a_multipliers_suffix():
    assert value("2.5×") == 2.5
    assert value("2.5× + 1") == 3.5


@pytest.mark.parametrize("text", ["read_qps ×", "(1 + 2) ×", "ceil(1.5) ×"])
def test_an_unfinished_product_is_refused(text):
    with pytest.raises(ExpressionError):
        infer(parse(text), ESTIMATE.dims)


def test_an_unknown_name_suggests_the_nearest_one():
    message = str(refusal("reads_per_usr × 2", ESTIMATE.dims))

    assert "'reads_per_usr' is not an input, a result or a line; did you mean reads_per_user?" in message


def test_names_are_lower_case():
    assert "names are lower case" in str(refusal("Dau"))
