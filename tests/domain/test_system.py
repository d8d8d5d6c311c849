import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain import system
from estimator.domain.errors import InputError, SystemSyntaxError


def availability_of(text: str) -> float:
    return 1 - system.unavailability(system.parse(text))


def test_two_three_nines_in_series_give_99_8001_percent():
    assert availability_of("99.9% -> 99.9%") == approx(0.998001, abs=1e-12)


def test_two_three_nines_in_parallel_give_six_nines():
    assert availability_of("99.9% | 99.9%") == approx(0.999999, abs=1e-12)


def test_99_95_then_99_99_in_series_give_99_940005_percent():
    assert availability_of("99.95% -> 99.99%") == approx(0.99940005, abs=1e-12)


def test_n_copies_raise_the_unavailability_to_the_nth_power():
    assert availability_of("3 x app 99%") == approx(1 - 0.01**3)
    assert availability_of("3 × 99%") == approx(1 - 0.01**3)


def test_the_specs_example_system():
    expected = 0.9999 * (1 - 0.001**3) * (1 - 0.0005**2)

    assert availability_of("lb 99.99% -> 3 x app 99.9% -> (db 99.95% | db 99.95%)") == approx(expected, abs=1e-12)


def test_parallel_binds_tighter_than_series():
    assert availability_of("a 90% -> b 90% | c 90%") == approx(0.9 * (1 - 0.01))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.999", 0.999), ("db 3 nines", 0.999), ("((a 99%))", 0.99), ("a-1 99% -> b_2 99%", 0.9801)],
)
def test_valid_forms(text, expected):
    assert availability_of(text) == approx(expected)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("a 99% ->", "expected a component after '->'", 9),
        ("lb 99.99% -> -> db 99%", "expected a component after '->'", 14),
        ("a 99% |", "expected a component after '|'", 8),
        ("(a 99%", "expected ')' to close the '(' of column 1", 7),
        ("a 99%)", "unexpected ')' with no '(' to close", 6),
        ("()", "expected a component inside '( )'", 2),
        ("3 x", "expected a component after '3 x'", 4),
        ("0 x a 99%", "needs a whole number of copies from 1 to 100", 1),
        ("2.5 x a 99%", "needs a whole number of copies", 1),
        ("lb", "expected an availability such as 99.9% after 'lb'", 3),
        ("lb 150", "'150' is not a fraction", 4),
        ("a 99% b 99%", "expected '->', '|' or the end, found 'b'", 7),
        ("a 99% ; rm -rf", "unexpected character ';'", 7),
        ("", "expected a component", 1),
    ],
)
def test_malformed_systems_are_refused_with_a_positioned_message(text, message, column):
    with pytest.raises(SystemSyntaxError) as error:
        system.parse(text)

    assert message in str(error.value)
    assert error.value.column == column
    assert str(error.value).endswith(f"at column {column}")


def test_deep_nesting_and_long_input_are_refused_fast():
    deep = "(" * 5000 + "a 99%" + ")" * 5000
    long = " -> ".join(["a 99%"] * 200)
    start = time.perf_counter()

    for text in (deep, long, "a 99% " * 1000, "2 x " * 120 + "a 99%"):
        with pytest.raises(InputError):
            system.parse(text)

    assert time.perf_counter() - start < 0.05


def test_the_tree_is_written_back_normalized():
    tree = system.parse("lb 99.99%->3x app 99.9%->(db 99.95%|db 99.95%)")

    assert system.text_of(tree) == "lb 99.99% -> 3 x app 99.9% -> (db 99.95% | db 99.95%)"


def test_work_shows_each_composite_with_its_figures():
    lines = system.work(system.parse("a 99.9% -> (b 99.9% | c 99.9%)"))

    assert lines == [
        "b 99.9% | c 99.9%: 1 − (1 − 99.9%) × (1 − 99.9%) = 99.9999%",
        "a 99.9% -> (b 99.9% | c 99.9%): 99.9% × 99.9999% = 99.8999001%",
    ]


SYSTEMISH = st.lists(st.sampled_from(["a", "db", " ", "99.9%", "0.5", "->", "|", "(", ")", "3", "x", "nines", "%",
                                      "1", "."]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(max_size=system.MAX_LENGTH), SYSTEMISH))
def test_any_text_is_a_system_with_an_availability_between_0_and_1_or_is_refused(text):
    try:
        tree = system.parse(text)
    except InputError as error:
        assert str(error)
        return
    assert 0 <= 1 - system.unavailability(tree) <= 1
