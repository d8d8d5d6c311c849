import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain import reliability, system
from estimator.domain.workbench import workbench


def k_of_n_by_hand(needed: int, nodes: int, up: Fraction) -> Fraction:
    """Σ_{i=k..N} C(N, i) aⁱ (1 − a)ᴺ⁻ⁱ in exact rationals."""
    return sum(math.comb(nodes, i) * up**i * (1 - up) ** (nodes - i) for i in range(needed, nodes + 1))


def test_two_of_three_three_nines_copies_are_up_99_9997002_percent_of_the_time():
    # 3a²(1 − a) + a³ with a = 0.999: 0.002994003 + 0.997002999; down: 3u² − 2u³ = 3e-6 − 2e-9
    group = reliability.k_of_n(needed=2, nodes=3, node_availability=0.999)

    assert group.availability == approx(0.999997002, abs=1e-15)
    assert group.unavailability == approx(2.998e-6, rel=1e-12)


def test_a_six_nines_quorum_keeps_every_digit_of_its_unavailability():
    # u³ + 3(1 − u)u² = 3u² − 2u³ with u = 10⁻⁶; 1 − Σ(up terms) would keep about 4 digits
    group = reliability.k_of_n(needed=2, nodes=3, node_unavailability=1e-6)

    assert group.unavailability == approx(3e-12 - 2e-18, rel=1e-13)


def test_three_of_five_ninety_percent_copies_are_up_99_144_percent_of_the_time():
    # C(5,3) 0.9³ 0.1² + C(5,4) 0.9⁴ 0.1 + 0.9⁵ = 0.0729 + 0.32805 + 0.59049
    assert reliability.k_of_n(needed=3, nodes=5, node_availability=0.9).availability == approx(0.99144, abs=1e-15)


@settings(max_examples=150, deadline=None)
@given(nodes=st.integers(1, 40), data=st.data(),
       up=st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(999_999, 1_000_000), max_denominator=10**6))
def test_k_of_n_agrees_with_the_sum_in_exact_rationals(nodes, data, up):
    needed = data.draw(st.integers(1, nodes))
    exact = k_of_n_by_hand(needed, nodes, up)

    # a node is given by the smaller of its two odds, whose float keeps the digits (the float
    # of 1 − 10⁻⁶ knows 10⁻⁶ only to 10 digits)
    node = {"node_availability": float(up)} if up < Fraction(1, 2) else {"node_unavailability": float(1 - up)}
    group = reliability.k_of_n(needed=needed, nodes=nodes, **node)

    assert group.availability == approx(float(exact), rel=1e-12)
    assert group.unavailability == approx(float(1 - exact), rel=1e-12, abs=1e-300)


def test_a_fleet_of_five_thousand_keeps_both_sides_finite_and_exact():
    # 4,990 of 5,000 at 99.9%: 5 nodes are down on average; the 11 ways to have ≤ 10 down, in
    # exact integers over 1000⁵⁰⁰⁰
    up_exact = Fraction(sum(math.comb(5000, i) * 999**i for i in range(4990, 5001)), 1000**5000)

    group = reliability.k_of_n(needed=4990, nodes=5000, node_availability=0.999)

    assert group.availability == approx(float(up_exact), rel=1e-10)
    assert group.unavailability == approx(float(1 - up_exact), rel=1e-8)


def test_a_million_nodes_need_only_a_few_hundred_terms_and_stay_finite():
    group = reliability.k_of_n(needed=999_000, nodes=1_000_000, node_availability=0.999)

    assert 0.45 < group.availability < 0.55  # k is the mean: about half the time
    # each side starts from its largest term in logs (lgamma of about 1.3e7): ~1e-9 relative
    assert group.availability + group.unavailability == approx(1, abs=1e-8)


@pytest.mark.parametrize(("copies", "needed"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (7, 4)])
def test_a_majority_of_r_copies_is_half_of_r_rounded_down_plus_one(copies, needed):
    assert reliability.majority_needed(copies) == needed
    assert reliability.majority(copies=copies, node_availability=0.99) == reliability.k_of_n(
        needed=needed, nodes=copies, node_availability=0.99)


def test_none_needed_is_always_up_more_than_there_are_is_never_up_and_perfect_nodes_never_fail():
    assert reliability.k_of_n(needed=0, nodes=3, node_availability=0.5) == reliability.Reliability(1.0, 0.0)
    assert reliability.k_of_n(needed=4, nodes=3, node_availability=0.999) == reliability.Reliability(0.0, 1.0)
    assert reliability.k_of_n(needed=3, nodes=3, node_availability=1.0) == reliability.Reliability(1.0, 0.0)
    assert reliability.k_of_n(needed=1, nodes=3, node_availability=0.0) == reliability.Reliability(0.0, 1.0)


def test_a_node_is_given_by_one_figure_of_its_odds():
    with pytest.raises(TypeError, match="exactly one"):
        reliability.k_of_n(needed=1, nodes=2)
    with pytest.raises(ValueError, match="from 0 to 1"):
        reliability.k_of_n(needed=1, nodes=2, node_availability=1.5)


# --- One formula with the availability workbench ------------------------------------------------

@pytest.mark.parametrize(("text", "copies"), [("2 of 3 x db 99.9%", 3), ("3 of 5 x db 99.95%", 5)])
def test_the_workbench_gives_a_replicated_stores_majority_the_same_availability(text, copies):
    node = system.parse(text).part.availability

    expected = reliability.majority(copies=copies, node_availability=node).availability

    assert workbench({"system": text}).results["availability"].value == approx(expected, rel=1e-15)


@pytest.mark.parametrize(("needed", "nodes"), [(8, 10), (40, 48), (97, 100)])
def test_the_workbench_gives_a_stateless_tiers_k_of_n_the_same_availability(needed, nodes):
    text = f"{needed} of {nodes} x app 99.9%"

    expected = reliability.k_of_n(needed=needed, nodes=nodes, node_availability=0.999)

    assert workbench({"system": text}).results["availability"].value == approx(expected.availability, rel=1e-15)
    assert system.unavailability(system.parse(text)) == approx(expected.unavailability, rel=1e-15)


def test_samples_get_the_figures_their_floats_get():
    rng = np.random.default_rng(3)
    nodes = rng.integers(1, 200, 500).astype(float)
    needed = np.ceil(nodes * rng.uniform(0, 1, 500))
    node = 1 - 10 ** -rng.uniform(0.5, 6, 500)

    group = reliability.k_of_n(needed=needed, nodes=nodes, node_availability=node)

    floats = [reliability.k_of_n(needed=k, nodes=n, node_availability=a) for k, n, a in zip(needed, nodes, node)]
    assert group.availability == approx([f.availability for f in floats], rel=1e-13)
    assert group.unavailability == approx([f.unavailability for f in floats], rel=1e-13, abs=1e-300)


def test_samples_at_the_edges_and_samples_that_are_not_a_k_of_n():
    group = reliability.k_of_n(needed=np.array([0, 4, 3, 1, 2.5, 2, 2]), nodes=np.array([3, 3, 3, 3, 3, -1, 3]),
                               node_availability=np.array([0.5, 0.9, 1.0, 0.0, 0.9, 0.9, 1.5]))

    assert group.availability[:4] == approx([1, 0, 1, 0])
    assert group.unavailability[:4] == approx([0, 1, 0, 1])
    assert np.isnan(group.availability[4:]).all() and np.isnan(group.unavailability[4:]).all()


def test_a_majority_of_sampled_copies():
    copies = np.array([1, 3, 5])

    group = reliability.majority(copies=copies, node_unavailability=0.001)

    assert group.availability == approx([0.999, 0.999997002, 1 - 10 * 0.001**3 * 0.999**2 - 5 * 0.001**4 * 0.999
                                         - 0.001**5], rel=1e-13)
