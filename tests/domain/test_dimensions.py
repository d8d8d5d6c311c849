"""The engine computes on floats in canonical units for speed. Here the same formula
functions run on pint Quantities built from each preset's parsed inputs: every result must
convert to its declared canonical unit (else a formula mixes dimensions) and agree with the
engine's float to 1e-9."""

import pint
import pytest
from pytest import approx

from estimator.domain import availability, bandwidth, cache, capacity, storage, traffic
from estimator.domain.estimate import RESULT_SPECS, estimate
from estimator.domain.presets import PRESETS
from estimator.domain.units import Q


def quantities(parsed):
    """The parsed inputs as Quantities (per-user rates as a day's count per user)."""
    def q(name, unit):
        return Q(parsed[name].value, unit)

    return {
        "dau": q("dau", "user"),
        "reads_per_user": q("reads_per_user", "req/user"),
        "writes_per_user": q("writes_per_user", "req/user"),
        "read_qps": q("read_qps", "req/s") if parsed["read_qps"] else None,
        "write_qps": q("write_qps", "req/s") if parsed["write_qps"] else None,
        "peak_factor": q("peak_factor", ""),
        "object_size": q("object_size", "B/req"),  # bytes stored by one write
        "response_size": q("response_size", "B/req"),  # bytes returned by one read
        "retention": q("retention", "s"),
        "replication_factor": q("replication_factor", ""),
        "request_latency": q("request_latency", "s"),
        "server_qps": q("server_qps", "req/s"),
        "node_storage": q("node_storage", "B"),
        "node_write_qps": q("node_write_qps", "req/s"),
        "replica_read_qps": q("replica_read_qps", "req/s"),
        "cache_hot_fraction": q("cache_hot_fraction", ""),
        "cache_hit_rate": q("cache_hit_rate", ""),
        "utilization": q("utilization", ""),
        "unavailability": Q(parsed["availability"].complement, ""),
    }


def with_quantities(i):
    day, month = Q(1, "day"), Q(1, "month")
    r = {}
    r["read_qps"] = i["read_qps"] or traffic.qps_from_users(users=i["dau"], per_user_per_day=i["reads_per_user"], day=day)
    r["write_qps"] = i["write_qps"] or traffic.qps_from_users(users=i["dau"], per_user_per_day=i["writes_per_user"], day=day)
    r["total_qps"] = traffic.total_qps(read_qps=r["read_qps"], write_qps=r["write_qps"])
    for name, average in (("peak_read_qps", "read_qps"), ("peak_write_qps", "write_qps"), ("peak_qps", "total_qps")):
        r[name] = traffic.peak(average=r[average], peak_factor=i["peak_factor"])
    r["requests_per_month"] = traffic.requests_per_month(total_qps=r["total_qps"], month=month)
    r["storage_per_day"] = storage.storage_per_day(write_qps=r["write_qps"], object_size=i["object_size"], day=day)
    r["storage_per_year"] = storage.storage_per_year(storage_per_day=r["storage_per_day"])
    r["storage_total"] = storage.storage_total(storage_per_day=r["storage_per_day"], retention=i["retention"],
                                               replication_factor=i["replication_factor"], day=day)
    r["ingress"] = bandwidth.throughput(qps=r["write_qps"], size=i["object_size"])
    r["egress"] = bandwidth.throughput(qps=r["read_qps"], size=i["response_size"])
    r["peak_ingress"] = traffic.peak(average=r["ingress"], peak_factor=i["peak_factor"])
    r["peak_egress"] = traffic.peak(average=r["egress"], peak_factor=i["peak_factor"])
    r["egress_per_month"] = bandwidth.per_month(rate=r["egress"], month=month)
    r["nines"] = availability.nines(unavailability=float(i["unavailability"]))
    for name in ("day", "week", "month", "quarter", "year"):
        r[f"downtime_per_{name}"] = availability.downtime(unavailability=i["unavailability"], period=Q(1, name))
    r["concurrency"] = capacity.concurrency(peak_qps=r["peak_qps"], request_latency=i["request_latency"])
    r["app_servers"] = capacity.app_servers(peak_qps=r["peak_qps"], server_qps=i["server_qps"],
                                            utilization=i["utilization"])
    r["cache_memory"] = cache.cache_memory(read_qps=r["read_qps"], response_size=i["response_size"],
                                           cache_hot_fraction=i["cache_hot_fraction"], day=day)
    r["db_shards"] = capacity.db_shards(
        storage_total=r["storage_total"], replication_factor=i["replication_factor"], node_storage=i["node_storage"],
        peak_write_qps=r["peak_write_qps"], node_write_qps=i["node_write_qps"], utilization=i["utilization"]).count
    r["db_nodes"] = capacity.db_nodes(db_shards=r["db_shards"], replication_factor=i["replication_factor"])
    r["read_replicas"] = capacity.read_replicas(peak_read_qps=r["peak_read_qps"], cache_hit_rate=i["cache_hit_rate"],
                                                replica_read_qps=i["replica_read_qps"], utilization=i["utilization"])
    return r


# The spec writes concurrency as a plain number; its dimension is requests (in flight).
PINT_UNIT = {"concurrency": "req"}


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.slug)
def test_every_formula_is_dimensionally_sound_and_matches_the_engine(preset):
    engine = estimate(preset.inputs)

    checked = with_quantities(quantities(engine.inputs))

    assert set(checked) == set(RESULT_SPECS)
    for name, quantity in checked.items():
        unit = PINT_UNIT.get(name, RESULT_SPECS[name].unit)
        magnitude = quantity.to(unit or "").magnitude if isinstance(quantity, pint.Quantity) else quantity
        assert magnitude == approx(engine.results[name].value, rel=1e-9), name


def test_adding_bytes_to_a_number_is_an_error():
    with pytest.raises(pint.DimensionalityError):
        Q(1, "KB") + 5


def test_adding_requests_to_users_is_an_error():
    with pytest.raises(pint.DimensionalityError):
        Q(1, "req/s") + Q(1, "user/s")


def test_the_registry_keeps_the_projects_conventions():
    assert Q(1, "year").to("day").magnitude == 365
    assert Q(1, "month").to("day").magnitude == 30
    assert Q(1, "quarter").to("day").magnitude == 91.25
    assert Q(1, "KB").to("B").magnitude == 1000
    assert Q(1, "KiB").to("B").magnitude == 1024
    assert Q(1, "Mbps").to("B/s").magnitude == 125000
    assert Q(8, "b").to("B").magnitude == 1
