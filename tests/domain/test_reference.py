from pytest import approx

from estimator.domain import lexicon
from estimator.domain.estimate import estimate
from estimator.domain.reference import BY_KEY, REFERENCES, SOURCES


def test_there_are_at_least_thirty_reference_numbers_each_with_a_known_source():
    assert len(REFERENCES) >= 30
    assert {ref.source for ref in REFERENCES} <= set(SOURCES)
    assert len({ref.name for ref in REFERENCES}) == len(REFERENCES)


def test_latencies_are_durations_throughputs_bandwidths_and_prices_money():
    for ref in REFERENCES:
        family = lexicon.family(ref.dims)
        if ref.kind == "latency":
            assert family == "duration", ref.name
        elif ref.kind == "throughput":
            assert family == "bandwidth", ref.name
        elif ref.kind == "price":
            assert ref.dims.get("[money]") == 1, ref.name


def test_the_classic_figures_have_their_published_values():
    assert BY_KEY["ref.dc_round_trip"].number == approx(500e-6)  # 500 µs
    assert BY_KEY["ref.disk_seek"].number == approx(10e-3)
    assert BY_KEY["ref.memory_throughput"].number == approx(10 * 2**30)  # 10 GiB/s in B/s
    # $0.02 per GB per 30-day month, in USD per byte per second
    assert BY_KEY["ref.price_blob_storage"].number == approx(0.02 / 1e9 / (30 * 86400))


def test_a_line_reads_a_reference_number_and_shows_it_as_written_in_the_work():
    result = estimate({"lines": "redirect = 1 ms + ref.dc_round_trip + 10 ms\nok = redirect <= 500 ms"})

    assert result.results["redirect"].value == approx(0.0115)
    assert result.results["redirect"].work == "1 ms + 500 µs + 10 ms = 11.5 ms"
    assert result.results["ok"].value is True


def test_napkin_maths_logging_problem_costs_what_it_published():
    # 100k writes/s of 1 KB kept 30 days at $0.01/GB-month: 2.592e14 B = 259,200 GB × $0.01 = $2,592/month
    result = estimate({"lines": "logs = 100k req/s × 1 KB/req × 30 days × $0.01/GB/month"})

    assert result.results["logs"].value == approx(2592)
    assert result.results["logs"].unit == "USD/month"


def test_a_misspelt_reference_gets_a_suggestion():
    result = estimate({"lines": "x = ref.dc_rond_trip"})

    assert "did you mean ref.dc_round_trip?" in result.errors["lines:1"]
