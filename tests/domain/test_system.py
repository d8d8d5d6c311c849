
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain import system
from estimator.domain.errors import InputError, SystemSyntaxError
from tests.work import at_most

DEEP_CALLS = 20_000  # Python calls to refuse all six; ~900 (tests/work.py)


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


def test_two_of_three_three_nines_copies_give_99_9997002_percent():
    # 3a²(1 − a) + a³ with a = 0.999: 3 × 0.998001 × 0.001 + 0.997002999 = 0.002994003 + 0.997002999
    assert availability_of("2 of 3 x db 99.9%") == approx(0.999997002, abs=1e-15)


def test_three_of_five_ninety_percent_copies_give_99_144_percent():
    # C(5,3) 0.9³ 0.1² + C(5,4) 0.9⁴ 0.1 + 0.9⁵ = 0.0729 + 0.32805 + 0.59049
    assert availability_of("3 of 5 x 90%") == approx(0.99144, abs=1e-15)


def test_one_of_n_is_n_redundant_copies_and_n_of_n_is_a_series():
    assert availability_of("1 of 3 x a 99%") == approx(availability_of("3 x a 99%"), abs=1e-15)
    assert availability_of("3 of 3 x a 99%") == approx(0.99**3, abs=1e-15)  # 0.970299


def test_a_six_nines_quorum_keeps_the_digits_of_its_unavailability():
    # Fails when fewer than 2 of 3 are up: u³ + 3(1 − u)u² = 3u² − 2u³ with u = 10⁻⁶
    down = system.unavailability(system.parse("2 of 3 x 99.9999%"))

    assert down == approx(3e-12 - 2e-18, rel=1e-9)  # 1 − Σ(up terms) would keep ~4 digits of it


def test_a_quorum_of_a_group_takes_the_groups_availability():
    # a = 0.99 × 0.99 = 0.9801; 2 of 2 → a² = 0.96059601
    assert availability_of("2 of 2 x (a 99% -> b 99%)") == approx(0.96059601, abs=1e-15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.999", 0.999), ("db 3 nines", 0.999), ("((a 99%))", 0.99), ("a-1 99% -> b_2 99%", 0.9801),
     ("api gateway 99.95% -> auth-service 99.9%", 0.9995 * 0.999), ("box of x-rays 99%", 0.99),
     ("2 OF 3 X a 90%", 0.972), ("2 of 3 × 90%", 0.972), ("us-east-1 db 3 nines", 0.999)],
)
def test_valid_forms(text, expected):
    assert availability_of(text) == approx(expected)


def test_a_name_is_the_words_before_the_figure():
    tree = system.parse("api  gateway 99.95% -> 3 x auth-service 99.9% -> (x 99% | of 99%)")

    assert tree.parts[0].name == "api gateway"
    assert tree.parts[1].part.name == "auth-service"
    assert [part.name for part in tree.parts[2].parts] == ["x", "of"]


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
        ("0 x a 99%", "needs a whole number of copies from 1 to 1,000,000", 1),
        ("2.5 x a 99%", "needs a whole number of copies", 1),
        ("lb", "expected an availability such as 99.9% after 'lb'", 3),
        ("lb 150", "'150' is not a fraction", 4),
        ("a 99% b 99%", "expected '->', '|' or the end, found 'b'", 7),
        ("a 99% ; rm -rf", "unexpected character ';'", 7),
        ("", "expected a component", 1),
        ("api gateway", "expected an availability such as 99.9% after 'api gateway', found the end", 12),
        ("a 99% -> api gateway -> b 99%", "expected an availability such as 99.9% after 'api gateway'", 22),
        ("a very long name that goes on and on and on 99%", "a component name is at most 40 characters", 1),
        ("2 of", "expected a number of copies after '2 of', found the end", 5),
        ("2 of db 99%", "expected a number of copies after '2 of', found 'db'", 6),
        ("2 of 3 db 99%", "expected 'x' after '2 of 3', found 'db'", 8),
        ("2 of 3 x", "expected a component after '2 of 3 x'", 9),
        ("a 99% -> 2 of 3 x -> b 99%", "expected a component after '2 of 3 x'", 19),
        ("4 of 3 x a 99%", "'4 of 3 x' needs from 1 to 3 copies up, a whole number", 1),
        ("0 of 3 x a 99%", "'0 of 3 x' needs from 1 to 3 copies up", 1),
        ("a 99% | 1.5 of 3 x a 99%", "'1.5 of 3 x' needs from 1 to 3 copies up", 9),
        ("2 of 1000001 x a 99%", "'1000001 x' needs a whole number of copies from 1 to 1,000,000", 6),
        ("2 of 0 x a 99%", "'0 x' needs a whole number of copies from 1 to 1,000,000", 6),
    ],
)
def test_malformed_systems_are_refused_with_a_positioned_message(text, message, column):
    with pytest.raises(SystemSyntaxError) as error:
        system.parse(text)

    assert message in str(error.value)
    assert error.value.column == column
    assert str(error.value).endswith(f"at column {column}")


def test_deep_nesting_and_long_input_are_refused_with_bounded_work():
    deep = "(" * 5000 + "a 99%" + ")" * 5000
    long = " -> ".join(["a 99%"] * 200)

    with at_most(DEEP_CALLS):
        for text in (deep, long, "a 99% " * 1000, "2 x " * 120 + "a 99%", "1 of 2 x " * 50 + "a 99%",
                     "word " * 100 + "99%"):
            with pytest.raises(InputError):
                system.parse(text)


def test_the_tree_is_written_back_normalized():
    tree = system.parse("lb 99.99%->3x app 99.9%->(db 99.95%|db 99.95%)")

    assert system.text_of(tree) == "lb 99.99% -> 3 x app 99.9% -> (db 99.95% | db 99.95%)"


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("api   gateway 99.95%->2 OF 3 × auth-service 99.9%", "api gateway 99.95% -> 2 of 3 x auth-service 99.9%"),
        ("2 of 3 x (a 99% -> b 99%)", "2 of 3 x (a 99% -> b 99%)"),
        ("2 of 3 x 1 of 2 x a 99%", "2 of 3 x (1 of 2 x a 99%)"),
        ("(2 of 3 x db 99.9% | cache 99%) -> edge 99.99%", "(2 of 3 x db 99.9% | cache 99%) -> edge 99.99%"),
    ],
)
def test_quorums_and_names_are_written_back_and_read_again_the_same(text, normalized):
    tree = system.parse(text)

    assert system.text_of(tree) == normalized
    assert system.parse(normalized) == tree


def test_work_shows_each_composite_with_its_figures():
    lines = system.work(system.parse("a 99.9% -> (b 99.9% | c 99.9%)"))

    assert lines == [
        "b 99.9% | c 99.9%: 1 − (1 − 99.9%) × (1 − 99.9%) = 99.9999%",
        "a 99.9% -> (b 99.9% | c 99.9%): 99.9% × 99.9999% = 99.8999001%",
    ]


def test_the_work_of_a_quorum_writes_out_its_terms():
    lines = system.work(system.parse("2 of 3 x db 99.9%"))

    assert lines == ["2 of 3 x db 99.9%: 3 × 99.9%^2 × (1 − 99.9%) + 99.9%^3 = 99.9997002%"]


def test_the_work_of_a_quorum_with_many_terms_is_a_sum():
    lines = system.work(system.parse("2 of 10 x 90%"))

    assert lines[0].startswith("2 of 10 x 90%: Σ C(10, i) × 90%^i × (1 − 90%)^(10 − i) for i = 2…10 = ")


SYSTEMISH = st.lists(st.sampled_from(["a", "db", " ", "99.9%", "0.5", "->", "|", "(", ")", "3", "x", "nines", "%",
                                      "1", ".", "of", "2", "-", "api gateway"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(max_size=system.MAX_LENGTH), SYSTEMISH))
def test_any_text_is_a_system_with_an_availability_between_0_and_1_or_is_refused(text):
    try:
        tree = system.parse(text)
    except InputError as error:
        assert str(error)
        return
    assert 0 <= 1 - system.unavailability(tree) <= 1
