"""The work (lang/show.py): names written as their figures, and the round trip between an
expression and its work.

Expected values are worked by hand from the conventions (day = 86,400 s, month = 30 days,
KB = 1,000 B, a bit is 1/8 byte); dimensions are named with pint unit names, never taken
from the code under test."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain.errors import InputError
from estimator.domain.lang.compile import compile_tree
from estimator.domain.lang.dims import infer
from estimator.domain.lang.errors import EvaluationError
from estimator.domain.lang.nodes import names_in
from estimator.domain.lang.parse import parse
from estimator.domain.lang.show import describe
from tests.domain.lang.reading import value


def test_the_names_a_tree_reads():
    tree = parse("ceil(read_qps × peak_factor ÷ day) + object_size ÷ 1 KB")

    assert names_in(tree) == {"read_qps", "peak_factor", "object_size"}


def test_work_writes_names_as_their_figures_and_operators_as_people_do():
    tree = parse("ceil(write_qps × 1 day * object_size / 2 - 1 KB)")

    work = describe(tree, {"write_qps": "116 req/s", "object_size": "500 KB"})

    assert work == "⌈116 req/s × 1 day × 500 KB ÷ 2 − 1 KB⌉"


# The round trip: the work of an expression without names, read back, gives its value ------

def test_a_billion_in_the_work_reads_back_as_a_billion():
    work = describe(parse("3 billion × 2"), {})

    assert value(work) == 6e9


MANTISSAS = st.one_of(
    st.integers(0, 9999).map(float),
    st.tuples(st.integers(0, 999), st.integers(1, 99)).map(lambda t: float(f"{t[0]}.{t[1]}")),
)
SCALES = st.sampled_from([("", 1), ("k", 1e3), ("M", 1e6), (" thousand", 1e3), (" million", 1e6), ("bn", 1e9),
                          (" billion", 1e9), ("T", 1e12)])
UNITS = st.sampled_from(["", " KB", " MiB", " B", " bit", " ms", " s", " days", " years", " req", " users", "%",
                         "/day", " per hour", " req/user/day", " MB/req", " Gbps", " x", " copies", " tweets",
                         "/GB/month"])


@st.composite
def quantities(draw):
    mantissa, (scale, _), unit = draw(MANTISSAS), draw(SCALES), draw(UNITS)
    money = "$" if draw(st.booleans()) else ""
    return f"{money}{mantissa:g}{scale}{unit}"


def _combine(children):
    return st.one_of(
        st.tuples(children, st.sampled_from([" + ", " - ", " × ", " ÷ ", " * ", " / ", " per "]), children)
        .map("".join),
        children.map(lambda c: f"({c})"),
        children.map(lambda c: f"-({c})"),
        st.tuples(children, st.integers(-4, 4)).map(lambda t: f"({t[0]})^{t[1]}"),
        st.tuples(st.sampled_from(["ceil", "floor", "round", "abs", "sqrt", "log2", "log10"]), children)
        .map(lambda t: f"{t[0]}({t[1]})"),
        st.tuples(st.sampled_from(["min", "max", "log"]), children, children).map(lambda t: f"{t[0]}({t[1]}, {t[2]})"),
        st.tuples(children, st.sampled_from([" <= ", " < ", " >= ", " > "]), children).map("".join),
    )


NAMELESS = st.recursive(st.one_of(quantities(), st.sampled_from(["day", "KB", "req", "month"])), _combine,
                        max_leaves=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(text=NAMELESS)
def test_the_work_of_an_expression_read_back_gives_its_value(text):
    try:
        tree = parse(text)
        infer(tree, {})
        original = compile_tree(tree)({})
    except (InputError, EvaluationError):
        return  # refused, or undefined (log of 0): nothing to read back
    if not isinstance(original, bool) and not math.isfinite(original):
        return

    work = describe(tree, {})
    # ⌈x⌉ and ⌊x⌋ are how the work writes ceil(x) and floor(x); the grammar spells them out.
    spelled = work.replace("⌈", "ceil(").replace("⌉", ")").replace("⌊", "floor(").replace("⌋", ")")
    back = compile_tree(parse(spelled))({})

    if isinstance(original, bool):
        assert back is original, work
    else:
        # Literals here have at most 6 significant figures, which the work keeps exactly.
        assert back == approx(original, rel=1e-9, abs=1e-300), work
