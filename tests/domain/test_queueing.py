import math
import statistics
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from estimator.domain import queueing
from estimator.domain.errors import EstimateError
from estimator.domain.queueing import Saturated, Unreachable


def erlang_c_by_hand(c: int, load: Fraction) -> Fraction:
    """The textbook formula term by term in exact rationals: (aᶜ/c! · c/(c − a)) / (Σ aᵏ/k! + that)."""
    waiting = load**c / math.factorial(c) * c / (c - load)
    return waiting / (sum(load**k / math.factorial(k) for k in range(c)) + waiting)


def erlang_c_by_erlang_b(c: int, load: float) -> float:
    """Another route, in floats: Erlang B's recurrence B(k) = aB(k−1) ÷ (k + aB(k−1)) from B(0) = 1,
    then C = cB ÷ (c − a(1 − B)). Every step stays within [0, 1], so it never overflows."""
    blocking = 1.0
    for k in range(1, c + 1):
        blocking = load * blocking / (k + load * blocking)
    return c * blocking / (c - load * (1 - blocking))


# --- Erlang C ---------------------------------------------------------------------------------

def test_three_servers_offered_two_erlangs_make_four_in_nine_requests_wait():
    # Σ_{k<3} 2ᵏ/k! = 1 + 2 + 2 = 5; 2³/3! × 3/(3 − 2) = 4; C = 4 ÷ (5 + 4)
    assert queueing.erlang_c(3, 2) == approx(4 / 9, rel=1e-14)


def test_the_westbay_call_centre_example_waits_23_9_percent_and_answers_84_6_percent_within_15_s():
    # Westbay Engineers, "The Erlang-C formula": 360 calls per half hour, 4-minute calls,
    # 55 agents, a 15-second answer target. Published: traffic intensity 48 Erlangs,
    # occupancy 87.3%, probability of waiting 23.9%, average speed of answer 8.2 s, service
    # level 84.6%. Recomputed here by hand in exact rationals.
    arrival_rate = 360 / 1800  # calls a second
    handle_time = 240  # seconds
    load = Fraction(360, 1800) * handle_time  # 48 Erlangs
    waiting = erlang_c_by_hand(55, load)
    service_level = 1 - float(waiting) * math.exp(-(55 - 48) * 15 / 240)

    tier = queueing.mmc(arrival_rate=arrival_rate, servers=55, service_time=handle_time)

    assert load == 48
    assert tier.utilization == approx(48 / 55) and round(tier.utilization, 3) == 0.873
    assert tier.waiting_probability == approx(float(waiting), rel=1e-12)
    assert round(tier.waiting_probability, 3) == 0.239
    assert tier.mean_wait == approx(float(waiting) * 240 / (55 - 48), rel=1e-12)
    assert round(tier.mean_wait, 1) == 8.2
    assert 1 - tier.wait_tail(15) == approx(service_level, rel=1e-12)
    assert round(1 - tier.wait_tail(15), 3) == 0.846


@pytest.mark.parametrize(("servers", "load"), [(1, Fraction(1, 2)), (2, Fraction(1)), (10, Fraction(7)),
                                               (50, Fraction(95, 2)), (100, Fraction(60)), (300, Fraction(290)),
                                               (5, Fraction(1, 100)), (400, Fraction(100))])
def test_erlang_c_agrees_with_the_formula_in_exact_rationals(servers, load):
    assert queueing.erlang_c(servers, float(load)) == approx(float(erlang_c_by_hand(servers, load)), rel=1e-12)


def test_one_server_waits_with_the_probability_of_its_utilization():
    # M/M/1: C(1, ρ) = ρ/1! · 1/(1 − ρ) ÷ (1 + ρ/(1 − ρ)) = ρ
    assert queueing.erlang_c(1, 0.7) == approx(0.7, rel=1e-15)


def test_no_load_never_waits_and_a_saturated_queue_always_does():
    assert queueing.erlang_c(4, 0) == 0
    assert queueing.erlang_c(4, 4) == 1
    assert queueing.erlang_c(4, 9.5) == 1


def test_five_thousand_servers_at_95_percent_load_stay_finite():
    tier = queueing.mmc(arrival_rate=4750, servers=5000, service_time=1.0)

    p99 = tier.percentile(0.99)

    assert tier.waiting_probability == approx(erlang_c_by_erlang_b(5000, 4750), rel=1e-12)
    assert 0 < tier.waiting_probability < 1e-3
    assert math.isfinite(p99) and math.log(100) < p99 < 1.01 * math.log(100)


def test_a_million_servers_close_to_saturation_stay_finite():
    assert queueing.erlang_c(10**6, 999_000) == approx(erlang_c_by_erlang_b(10**6, 999_000), rel=1e-9)


@pytest.mark.parametrize("servers", [1, 2, 3, 7])
def test_servers_must_be_whole_numbers_of_at_least_one(servers):
    with pytest.raises(ValueError, match="whole number"):
        queueing.erlang_c(servers - 0.5, 0.1)


# --- Percentiles ------------------------------------------------------------------------------

@pytest.mark.parametrize("load", [0.1, 0.5, 0.7, 0.9, 0.95, 0.99])
def test_one_server_answers_its_p99_in_ln_100_service_times_over_one_minus_rho(load):
    # M/M/1: the response time is exponential with rate μ − λ, so P(T > t) = e^{−(μ−λ)t} = 1%
    # at t = ln(100) ÷ (μ − λ) = ln(100) · S ÷ (1 − ρ).
    service_time = 0.020  # 20 ms
    arrival_rate = load / service_time

    p99 = queueing.mmc_percentile(0.99, arrival_rate=arrival_rate, servers=1, service_time=service_time)
    p50 = queueing.mmc_percentile(0.5, arrival_rate=arrival_rate, servers=1, service_time=service_time)

    assert p99 == approx(math.log(100) * service_time / (1 - load), rel=1e-12)
    assert p50 == approx(math.log(2) * service_time / (1 - load), rel=1e-12)


def test_an_idle_tier_answers_in_its_service_times_own_percentile():
    # No queue: T is the exponential service, p99 = ln(100) · S = 4.605 × 10 ms
    assert queueing.mmc_percentile(0.99, arrival_rate=0, servers=3, service_time=0.010) == approx(
        0.046051701859880914, rel=1e-12)


def test_the_percentile_solves_the_published_tail_when_the_two_rates_differ():
    # 4 servers, μ = 1, λ = 2.8: θ = cμ − λ = 1.2; C from the rationals
    waiting = float(erlang_c_by_hand(4, Fraction(28, 10)))
    mu, theta = 1.0, 1.2

    def tail(t):
        return (1 - waiting) * math.exp(-mu * t) + waiting * (mu * math.exp(-theta * t) - theta * math.exp(-mu * t)) / (
            mu - theta)

    for q in (0.5, 0.9, 0.99, 0.999):
        t = queueing.mmc_percentile(q, arrival_rate=2.8, servers=4, service_time=1.0)
        assert tail(t) == approx(1 - q, rel=1e-10)


def test_the_percentile_solves_the_published_tail_when_the_two_rates_are_equal():
    # 2 servers, μ = 1, λ = 1: θ = 2 − 1 = μ, the tail is (1 − C)e^{−t} + C(1 + t)e^{−t}, C = 1/3
    waiting = float(erlang_c_by_hand(2, Fraction(1)))
    assert waiting == approx(1 / 3)

    for q in (0.5, 0.99):
        t = queueing.mmc_percentile(q, arrival_rate=1.0, servers=2, service_time=1.0)
        assert (1 - waiting) * math.exp(-t) + waiting * (1 + t) * math.exp(-t) == approx(1 - q, rel=1e-10)


def test_rates_a_hair_apart_give_the_equal_rate_answer():
    at = queueing.mmc_percentile(0.99, arrival_rate=1.0, servers=2, service_time=1.0)
    near = queueing.mmc_percentile(0.99, arrival_rate=1.0 + 1e-9, servers=2, service_time=1.0)

    assert near == approx(at, rel=1e-7)


def test_the_mean_response_is_the_mean_wait_plus_the_service():
    # E[T] = C ÷ (cμ − λ) + S with C = 4/9 (3 servers, 2 Erlangs), cμ − λ = 3 − 2 = 1
    tier = queueing.mmc(arrival_rate=2, servers=3, service_time=1)

    assert tier.mean_response == approx(4 / 9 + 1)


@settings(max_examples=60, deadline=None)
@given(servers=st.integers(1, 400), load=st.floats(0.01, 0.99), q=st.sampled_from([0.5, 0.9, 0.99, 0.999]))
def test_more_servers_never_answer_slower(servers, load, q):
    arrival_rate = load * servers

    fewer = queueing.mmc_percentile(q, arrival_rate=arrival_rate, servers=servers, service_time=1.0)
    more = queueing.mmc_percentile(q, arrival_rate=arrival_rate, servers=servers + 1, service_time=1.0)

    assert math.log(1 / (1 - q)) <= more <= fewer * (1 + 1e-12)


@settings(max_examples=200, deadline=None)
@given(servers=st.sampled_from([1, 2, 3, 8, 30, 200, 5000]), load=st.floats(0.0, 0.9999),
       q=st.sampled_from([0.5, 0.9, 0.99, 0.999, 0.9999]))
def test_every_percentile_solves_its_tail_equation(servers, load, q):
    tier = queueing.mmc(arrival_rate=load * servers, servers=servers, service_time=1.0)

    t = tier.percentile(q)

    assert tier.tail(t) == approx(1 - q, rel=1e-9)


def test_several_percentiles_share_one_waiting_probability():
    rates = np.array([500.0, 900.0, 1400.0, 1600.0])

    floats = queueing.mmc_percentiles((0.5, 0.99, 0.999), arrival_rate=900.0, servers=30, service_time=0.020)
    arrays = queueing.mmc_percentiles((0.5, 0.99, 0.999), arrival_rate=rates, servers=30, service_time=0.020)

    assert floats == tuple(queueing.mmc_percentile(q, arrival_rate=900.0, servers=30, service_time=0.020)
                           for q in (0.5, 0.99, 0.999))
    assert floats[0] < floats[1] < floats[2]
    for q, samples in zip((0.5, 0.99, 0.999), arrays, strict=True):
        assert samples[:3] == approx([queueing.mmc_percentile(q, arrival_rate=r, servers=30, service_time=0.020)
                                      for r in rates[:3]], rel=1e-13)
        assert np.isnan(samples[3])


@pytest.mark.parametrize(("arrival_rate", "servers"), [(100, 2), (250, 2), (50, 1)])
def test_a_saturated_tier_says_so(arrival_rate, servers):
    # 2 servers of 20 ms finish at most 100 requests a second
    with pytest.raises(Saturated, match="saturated") as raised:
        queueing.mmc_percentile(0.99, arrival_rate=arrival_rate, servers=servers, service_time=0.020)

    assert isinstance(raised.value, EstimateError)
    assert raised.value.utilization == approx(arrival_rate * 0.020 / servers)


def test_utilization_is_the_load_over_the_servers():
    assert queueing.utilization(arrival_rate=1000, servers=25, service_time=0.020) == approx(0.8)


def test_arrays_of_samples_give_each_samples_percentile_and_nan_when_saturated():
    rates = np.array([10.0, 50.0, 99.0, 100.0, 150.0])

    p99 = queueing.mmc_percentile(0.99, arrival_rate=rates, servers=np.array([2, 2, 2, 2, 1]), service_time=0.020)

    expected = [queueing.mmc_percentile(0.99, arrival_rate=r, servers=2, service_time=0.020) for r in rates[:3]]
    assert p99[:3] == approx(expected, rel=1e-13)
    assert np.isnan(p99[3:]).all()
    assert queueing.erlang_c(np.array([3, 3]), np.array([2.0, 4.0])) == approx([4 / 9, 1.0])


@pytest.mark.parametrize(("low", "high", "servers"), [(0.05, 0.99, 1), (10, 90, 100), (4000, 4999, 5000)])
def test_samples_get_the_figures_their_floats_get(low, high, servers):
    rates = np.random.default_rng(21).uniform(low, high, 400)
    counts = np.full(400, servers)

    waiting = queueing.erlang_c(counts, rates)
    p999 = queueing.mmc_percentile(0.999, arrival_rate=rates, servers=counts, service_time=1.0)

    assert waiting == approx([queueing.erlang_c(servers, r) for r in rates], rel=1e-13)
    assert p999 == approx([queueing.mmc_percentile(0.999, arrival_rate=r, servers=servers, service_time=1.0)
                           for r in rates], rel=1e-13)


def test_samples_that_are_not_a_queue_are_nan():
    p50 = queueing.mmc_percentile(0.5, arrival_rate=np.array([1.0, np.nan, -1.0, 1.0, 1.0]),
                                  servers=np.array([2, 2, 2, 2.5, 0]), service_time=1.0)

    assert p50[0] > 0 and np.isnan(p50[1:]).all()


def test_a_tiny_waiting_probability_underflows_to_zero_instead_of_overflowing():
    # 24 Erlangs on 385 servers: C ≈ 24³⁸⁵/385! ≈ 1e-309, past the largest float's reciprocal
    assert 0 <= queueing.erlang_c(385, 24.0) < 1e-300
    assert queueing.erlang_c(np.array([385.0]), np.array([24.0]))[0] < 1e-300


# --- The fewest servers for a p99 target ------------------------------------------------------

def test_one_server_meets_a_p99_target_once_its_load_is_light_enough():
    # M/M/1 p99 = ln(100) · S ÷ (1 − ρ): with S = 10 ms and λ = 20/s (ρ = 0.2), 57.6 ms. A
    # 60 ms target is met by one server; a 50 ms one needs a second.
    one = queueing.mmc_percentile(0.99, arrival_rate=20, servers=1, service_time=0.010)
    assert one == approx(math.log(100) * 0.010 / 0.8)

    assert queueing.fewest_servers_for_p99(0.060, arrival_rate=20, service_time=0.010) == 1
    assert queueing.fewest_servers_for_p99(0.050, arrival_rate=20, service_time=0.010) == 2


@pytest.mark.parametrize(("target", "arrival_rate", "service_time"),
                         [(0.200, 1000, 0.020), (0.100, 1000, 0.020), (0.0925, 1000, 0.020), (0.5, 40_000, 0.1),
                          (0.050, 5, 0.001)])
def test_the_fewest_servers_meet_the_target_and_one_fewer_does_not(target, arrival_rate, service_time):
    servers = queueing.fewest_servers_for_p99(target, arrival_rate=arrival_rate, service_time=service_time)

    def p99(c):
        return queueing.mmc_percentile(0.99, arrival_rate=arrival_rate, servers=c, service_time=service_time)

    assert p99(servers) <= target
    assert servers == 1 or servers - 1 <= arrival_rate * service_time or p99(servers - 1) > target


def test_nodes_with_several_slots_are_the_slots_needed_rounded_up():
    slots = queueing.fewest_servers_for_p99(0.100, arrival_rate=1000, service_time=0.020)

    nodes = queueing.fewest_servers_for_p99(0.100, arrival_rate=1000, service_time=0.020, concurrency=8)

    assert nodes == -(-slots // 8)


def test_samples_get_the_fewest_nodes_their_floats_get_and_nan_where_none_can():
    rng = np.random.default_rng(7)
    rates = rng.uniform(10, 20_000, 300)
    targets = rng.uniform(0.0925, 0.3, 300)
    targets[:5] = 0.090  # below ln(100) × 20 ms: no size meets it

    nodes = queueing.fewest_servers_for_p99(targets, arrival_rate=rates, service_time=0.020, concurrency=4)

    assert np.isnan(nodes[:5]).all()
    assert nodes[5:].tolist() == [queueing.fewest_servers_for_p99(t, arrival_rate=r, service_time=0.020, concurrency=4)
                         for t, r in zip(targets[5:], rates[5:])]


@pytest.mark.parametrize("target", [0.090, 0.0921034037, 0.010])
def test_a_target_at_or_below_the_service_times_own_p99_is_refused_with_why(target):
    # ln(100) × 20 ms = 92.1 ms: no queue can answer faster than its service
    with pytest.raises(Unreachable, match=r"no number of servers can meet it"):
        queueing.fewest_servers_for_p99(target, arrival_rate=1000, service_time=0.020)


def test_a_tier_past_ten_million_servers_is_refused_for_its_size():
    # 10⁹ requests a second of 20 ms each keep 2 × 10⁷ servers busy
    with pytest.raises(Unreachable, match="needs more than 10,000,000 servers"):
        queueing.fewest_servers_for_p99(0.5, arrival_rate=1e9, service_time=0.020)


# --- Against an independent simulation --------------------------------------------------------

# (label, servers, arrival rate with μ = 1, warm-up, measured time): light, 70% and 95% load.
# At 95% the queue forgets its start slowly, after about ρ/(1 − √ρ)² ≈ 1,500 arrivals whatever
# c is; 200 servers make that 7.8 time units, so a 25-unit warm-up and 10-unit batches cover it.
TIERS = [("light", 8, 2.4, 20, 2000), ("70%", 8, 5.6, 50, 1500), ("95%", 200, 190.0, 25, 100)]
BATCHES = 10
T_999_9 = 4.781  # Student's t, 99.9% two-sided, 9 degrees of freedom


def simulated_response_times(servers: int, arrival_rate: float, warm_up: float, measured: float, seed: int):
    """Response times (wait + service) from ciw of the requests arriving in each of BATCHES equal
    slices of [warm_up, warm_up + measured), with time after it for the last ones to finish."""
    import ciw  # a test-only dependency (pyproject: the test extras)
    network = ciw.create_network(arrival_distributions=[ciw.dists.Exponential(rate=arrival_rate)],
                                 service_distributions=[ciw.dists.Exponential(rate=1.0)],
                                 number_of_servers=[servers])
    ciw.seed(seed)
    simulation = ciw.Simulation(network)
    simulation.simulate_until_max_time(warm_up + measured + 15)
    batches = [[] for _ in range(BATCHES)]
    for record in simulation.get_all_records():
        if warm_up <= record.arrival_date < warm_up + measured:
            batch = int((record.arrival_date - warm_up) / measured * BATCHES)
            batches[batch].append(record.waiting_time + record.service_time)
    return batches


@pytest.mark.parametrize(("label", "servers", "arrival_rate", "warm_up", "measured"), TIERS,
                         ids=[tier[0] for tier in TIERS])
def test_the_share_of_simulated_requests_past_each_percentile_is_within_its_interval(
        label, servers, arrival_rate, warm_up, measured):
    # Batch means: each batch's share of requests slower than our p50, p90 and p99; the 99.9%
    # interval of their mean must hold 50%, 10% and 1%.
    batches = simulated_response_times(servers, arrival_rate, warm_up, measured, seed=2026)
    assert min(map(len, batches)) > 250

    for q in (0.5, 0.9, 0.99):
        percentile = queueing.mmc_percentile(q, arrival_rate=arrival_rate, servers=servers, service_time=1.0)
        shares = [sum(t > percentile for t in batch) / len(batch) for batch in batches]
        mean = statistics.mean(shares)
        half_width = T_999_9 * statistics.stdev(shares) / math.sqrt(BATCHES)
        assert abs(mean - (1 - q)) <= half_width, (label, q, mean, half_width)
