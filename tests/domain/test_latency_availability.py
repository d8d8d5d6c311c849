"""Each component's response-time percentiles (M/M/c at the peak load that reaches it) and its
availability (k of N, a majority of copies, a provider's SLA), worked by hand in the comments.
The queueing and reliability formulas themselves are tested against published examples and a
simulation in test_queueing.py and test_reliability.py; here: that components feed them the
right load, slots, service time and node counts."""

import math

from pytest import approx

from estimator.domain.estimate import estimate
from estimator.domain.workbench import workbench


def run(*lines, **inputs):
    return estimate({"lines": "\n".join(lines), **inputs})


def value(result_set, name):
    result = result_set.results[name]
    assert result.available, f"{name}: {result.work}"
    return result.value


def test_one_node_answers_like_m_m_1_whose_p99_is_ln_100_service_over_one_minus_load():
    # peak 150/s × 2 = 300/s; nodes: max(1, ⌈300 ÷ 700⌉ = 1, ⌈300 × 2 ms ÷ (1 × 70%)⌉ = ⌈0.86⌉ = 1) = 1;
    # ρ = 300 × 2 ms = 60%; p99 = ln(100) × 2 ms ÷ (1 − 0.6) = 23.03 ms; p50 = ln(2) × 5 ms = 3.47 ms
    result = run("api = servers(rate: 150/s, per_node: 1k/s, latency: 2 ms, concurrency: 1, min: 1)")

    assert value(result, "api.nodes") == 1
    assert value(result, "api.utilization") == approx(0.6)
    assert value(result, "api.p99") == approx(math.log(100) * 0.002 / 0.4, rel=1e-9)
    assert value(result, "api.p50") == approx(math.log(2) * 0.002 / 0.4, rel=1e-9)


def test_a_p99_target_adds_the_nodes_that_keep_it():
    # One node gives 23 ms at p99 (above). Two: λ = 300/s, μ = 500/s, a = 0.6, c = 2;
    # Erlang C = (a²/2 × 2/(2 − a)) ÷ (1 + a + a²/2 × 2/(2 − a)) = 0.257143 ÷ 1.857143 = 0.138462;
    # θ = cμ − λ = 700/s; P(T > 15 ms) = (1 − C)e^(−7.5) + C(500e^(−10.5) − 700e^(−7.5)) ÷ (500 − 700)
    # = 0.86154 × 5.531e-4 + 0.138462 × 1.867e-3 = 7.35e-4 < 1%: two nodes meet 15 ms.
    result = run("api = servers(rate: 150/s, per_node: 1k/s, latency: 2 ms, concurrency: 1, min: 1, p99: 15 ms)")

    assert value(result, "api.nodes") == 2
    assert next(c for c in result.components if c.name == "api").bound == "p99 target"
    assert value(result, "api.p99") <= 0.015
    assert value(result, "api.p99_target") == approx(0.015)


def test_a_p99_target_below_the_service_times_own_is_refused_at_the_line_with_why():
    # ln(100) × 100 ms = 461 ms is the p99 of the service time alone: no fleet answers within 150 ms.
    result = run("api = servers(rate: 10k/s, p99: 150 ms)")

    assert "no number of nodes meets a p99 of 150 ms" in result.errors["lines:1"]
    assert "461 ms" in result.errors["lines:1"]
    assert value(result, "app.nodes") == 2  # the rest still computes


def test_a_saturated_tier_has_no_percentile_and_says_so():
    # 100k/s × 2 = 200k/s, each lookup 500 µs: 100 Erlangs offered to 3 nodes × 10 slots = 30.
    result = run("hot = cache(data: 1 GB, reads: 100k/s, concurrency: 10)")

    assert value(result, "hot.nodes") == 3
    assert value(result, "hot.utilization") == approx(100 / 30)
    assert not result.results["hot.p99"].available
    assert "saturated" in result.results["hot.p99"].work


def test_thousands_of_slots_stay_finite():
    # 50M connections ÷ 70k = 714.3 → 715 nodes × 50 slots = 35,750; 10M/s × 1 ms = 10,000 Erlangs.
    result = run("ws = connections(concurrent: 50M, messages: 5M/s)")

    assert value(result, "ws.nodes") == 715
    assert 0.001 < value(result, "ws.p99") < 0.01  # a little over the 1 ms service's own p99, 4.6 ms


def test_stateless_tiers_are_up_while_the_nodes_the_peak_needs_are():
    # app: 255 req/s needs 1 of its 2 nodes at 100% utilization: 1 − 0.001² = 99.9999%
    result = estimate({})

    assert value(result, "app.needed") == 1
    assert value(result, "app.availability") == approx(1 - 0.001 ** 2, abs=1e-15)


def test_a_store_shard_is_up_while_a_majority_of_its_copies_are_and_the_workbench_agrees():
    # db: 1 shard of 3 copies: 2 of 3 up = 3 × 0.999² × 0.001 + 0.999³ = 0.999997002
    result = estimate({})
    same = workbench({"system": "2 of 3 x db 99.9%"})

    assert value(result, "db.availability") == approx(0.999997002, abs=1e-15)
    assert value(result, "db.availability") == approx(same.results["availability"].value, abs=1e-15)


def test_a_k_of_n_tier_agrees_with_the_workbench():
    # 20k req/s × 2 ÷ 1k = 40 nodes needed at 100%; at 70%, ⌈57.1⌉ = 58 run: 40 of 58 up.
    result = run("api = servers(rate: 20k/s, latency: 1 ms, min: 1)")
    nodes = int(value(result, "api.nodes"))
    needed = int(value(result, "api.needed"))
    same = workbench({"system": f"{needed} of {nodes} x api 99.9%"})

    assert (needed, nodes) == (40, 58)
    assert value(result, "api.availability") == approx(same.results["availability"].value, abs=1e-15)


def test_the_architecture_is_the_product_of_its_tiers_caches_and_rented_services_aside():
    result = run("sms = fees(rate: 1M/day, price: $0.0079)", availability="99.9999%")

    app, db = value(result, "app.availability"), value(result, "db.availability")
    assert value(result, "architecture_availability") == approx(app * db, abs=1e-15)
    assert result.results["architecture_availability"].work.startswith("app 99.9999% × db 99.9997002%")
    assert result.results["availability_met"].value is False  # 99.99960% < 99.9999%


def test_rented_services_are_as_available_as_their_sla():
    result = run("media = object_store(data: 1 PB, sla: 99.99%)")

    assert value(result, "media.availability") == approx(0.9999)


def test_the_architecture_opens_in_the_workbench_with_the_same_availability():
    from estimator.domain.architecture import workbench_system

    result = run("feed = kv_store(writes: 1k/s, data: 1 TB)")
    system = workbench_system(result)
    same = workbench({"system": system})

    # app: 1 of its 2 nodes needed; db: 2 of 3 copies; feed: 2 of its 3 replicas
    assert system == "1 of 2 x app 99.9% -> 2 of 3 x db 99.9% -> 2 of 3 x feed 99.9%"
    assert same.results["availability"].value == approx(value(result, "architecture_availability"), abs=1e-15)


def test_a_tier_of_more_than_a_hundred_nodes_opens_in_the_workbench_with_the_same_availability():
    from estimator.domain.architecture import workbench_system

    # ⌈1M req/s × 2 ÷ (1k req/s × 70%)⌉ = 2,858 nodes, 2,000 of them needed at 100% (2M ÷ 1k):
    # the workbench took at most 100 copies, so the page's link opened on a refusal
    result = run("s = servers(rate: 1M/s)")
    system = workbench_system(result)
    same = workbench({"system": system})

    assert system.endswith(" -> 2000 of 2858 x s 99.9%")
    assert same.errors == {}
    assert same.results["availability"].value == approx(value(result, "architecture_availability"), abs=1e-15)


def test_every_preset_and_problem_opens_in_the_workbench():
    from estimator.domain.architecture import workbench_system
    from estimator.domain.estimate import estimate
    from estimator.domain.presets import PRESETS
    from estimator.domain.problems import PROBLEMS

    for story in (*PRESETS, *PROBLEMS):
        result = estimate(story.inputs)
        system = workbench_system(result)

        assert system, story.slug
        assert workbench({"system": system}).errors == {}, story.slug


def test_a_tier_the_workbench_cannot_write_as_k_of_n_gives_no_link_rather_than_a_refused_one():
    from estimator.domain.architecture import workbench_system

    assert workbench_system(run("s = servers(rate: 0/s, min: 0)")) == ""  # 0 nodes: no k of N
