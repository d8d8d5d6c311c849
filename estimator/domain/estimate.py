"""The estimate: every result of shared/spec/estimate.md from the inputs as typed.

Each result is declared once below with its label, group, canonical unit and display
family, and computed by a small function that calls the topic module's formula and writes
the work with the user's own figures (engine.py runs them).
"""

from __future__ import annotations

from collections.abc import Mapping

from . import availability, bandwidth, cache, capacity, formatting, storage, traffic
from .engine import Calculator, Context, Estimate, Result, ResultSpec
from .inputs import INPUTS
from .units import DAY, MONTH, seconds

__all__ = ["ESTIMATE", "RESULT_GROUPS", "RESULT_SPECS", "Estimate", "Result", "estimate"]

RESULT_GROUPS = ("Traffic", "Data", "Availability", "Capacity")


ESTIMATE = Calculator(INPUTS, RESULT_GROUPS)
_result = ESTIMATE.result


def _per_period(c: Context, name: str) -> str:
    """' ÷ 86,400 s/day' for a rate the user wrote per day (or per hour, week, ...)."""
    period = c.input(name).period or "day"
    return f" ÷ {formatting.number(seconds(period))} s/{period}"


SECONDS_PER_DAY = f"{formatting.number(DAY)} s/day"
SECONDS_PER_MONTH = f"{formatting.number(MONTH)} s/month"


def _from_users(c: Context, given: str, per_user: str) -> tuple[float, str]:
    override = c.input(given)
    if override is not None:
        return override.value, f"given: {override.figure}"
    value = traffic.qps_from_users(users=c.v("dau"), per_user_per_day=c.v(per_user))
    return value, f"{c.fig('dau')} × {c.fig(per_user)}{_per_period(c, per_user)}"


# Traffic -----------------------------------------------------------------------------------

@_result("read_qps", "Reads per second", "Traffic", "req/s", "rate")
def _read_qps(c: Context):
    return _from_users(c, "read_qps", "reads_per_user")


@_result("write_qps", "Writes per second", "Traffic", "req/s", "rate")
def _write_qps(c: Context):
    return _from_users(c, "write_qps", "writes_per_user")


@_result("total_qps", "Requests per second", "Traffic", "req/s", "rate")
def _total_qps(c: Context):
    value = traffic.total_qps(read_qps=c.r("read_qps"), write_qps=c.r("write_qps"))
    return value, f"{c.s('read_qps')} + {c.s('write_qps')}"


def _peak_of(average: str):
    def compute(c: Context):
        value = traffic.peak(average=c.r(average), peak_factor=c.v("peak_factor"))
        return value, f"{c.s(average)} × peak factor {formatting.number(c.v('peak_factor'))}"

    return compute


_result("peak_read_qps", "Peak reads per second", "Traffic", "req/s", "rate")(_peak_of("read_qps"))
_result("peak_write_qps", "Peak writes per second", "Traffic", "req/s", "rate")(_peak_of("write_qps"))
_result("peak_qps", "Peak requests per second", "Traffic", "req/s", "rate")(_peak_of("total_qps"))


@_result("requests_per_month", "Requests per month", "Traffic", "req", "requests", "/month")
def _requests_per_month(c: Context):
    value = traffic.requests_per_month(total_qps=c.r("total_qps"))
    return value, f"{c.s('total_qps')} × {SECONDS_PER_MONTH}"


# Data --------------------------------------------------------------------------------------

@_result("storage_per_day", "New data per day (one copy)", "Data", "B", "size", "/day")
def _storage_per_day(c: Context):
    value = storage.storage_per_day(write_qps=c.r("write_qps"), object_size=c.v("object_size"))
    return value, f"{c.s('write_qps')} × {SECONDS_PER_DAY} × {c.fig('object_size')}"


@_result("storage_per_year", "New data per year (one copy)", "Data", "B", "size", "/yr")
def _storage_per_year(c: Context):
    value = storage.storage_per_year(storage_per_day=c.r("storage_per_day"))
    return value, f"{c.s('storage_per_day')} × {storage.DAYS_PER_YEAR} days"


@_result("storage_total", "Total storage (retention × copies)", "Data", "B", "size")
def _storage_total(c: Context):
    retention = c.v("retention")
    replication_factor = c.v("replication_factor")
    value = storage.storage_total(storage_per_day=c.r("storage_per_day"), retention=retention,
                                  replication_factor=replication_factor)
    days = f"{formatting.number(retention / DAY)} days"
    as_typed = c.fig("retention")
    kept = days if as_typed == days else f"{days} ({as_typed})"
    return value, f"{c.s('storage_per_day')} × {kept} × {c.fig('replication_factor')}"


def _throughput(qps: str, size: str):
    def compute(c: Context):
        value = bandwidth.throughput(qps=c.r(qps), size=c.v(size))
        return value, f"{c.s(qps)} × {c.fig(size)}"

    return compute


_result("ingress", "Ingress (writes in)", "Data", "B/s", "bandwidth")(_throughput("write_qps", "object_size"))
_result("egress", "Egress (reads out)", "Data", "B/s", "bandwidth")(_throughput("read_qps", "response_size"))
_result("peak_ingress", "Peak ingress", "Data", "B/s", "bandwidth")(_peak_of("ingress"))
_result("peak_egress", "Peak egress", "Data", "B/s", "bandwidth")(_peak_of("egress"))


@_result("egress_per_month", "Egress per month", "Data", "B", "size", "/month")
def _egress_per_month(c: Context):
    value = bandwidth.per_month(rate=c.r("egress"))
    return value, f"{c.s('egress')} × {SECONDS_PER_MONTH}"


# Availability ------------------------------------------------------------------------------

@_result("nines", "Nines", "Availability", "", "number")
def _nines(c: Context):
    target = c.input("availability")
    value = availability.nines(unavailability=target.complement)
    return value, f"−log10(1 − {target.figure}) = −log10({formatting.number(target.complement)})"


def _downtime(period_name: str, period: float):
    def compute(c: Context):
        target = c.input("availability")
        value = availability.downtime(unavailability=target.complement, period=period)
        return value, f"(1 − {target.figure}) × {formatting.number(period)} s/{period_name}"

    return compute


for _name, _period in availability.PERIODS:
    _result(f"downtime_per_{_name}", f"Downtime allowed per {_name}", "Availability", "s", "duration")(
        _downtime(_name, _period)
    )


# Capacity ----------------------------------------------------------------------------------

@_result("concurrency", "Requests in flight at peak", "Capacity", "", "number")
def _concurrency(c: Context):
    value = capacity.concurrency(peak_qps=c.r("peak_qps"), request_latency=c.v("request_latency"))
    return value, f"{c.s('peak_qps')} × {c.fig('request_latency')} (Little's law)"


def _ceiling_work(load: str, per_node: str, ratio: float) -> str:
    return f"⌈{load} ÷ {per_node}⌉ = ⌈{formatting.number(ratio)}⌉"


@_result("app_servers", "App servers", "Capacity", "", "integer")
def _app_servers(c: Context):
    peak_qps, server_qps, utilization = c.r("peak_qps"), c.v("server_qps"), c.v("utilization")
    value = capacity.app_servers(peak_qps=peak_qps, server_qps=server_qps, utilization=utilization)
    per_node = f"({c.fig('server_qps')} × {c.fig('utilization')})"
    return value, _ceiling_work(c.s("peak_qps"), per_node, peak_qps / (server_qps * utilization))


@_result("cache_memory", "Cache memory", "Capacity", "B", "size")
def _cache_memory(c: Context):
    value = cache.cache_memory(read_qps=c.r("read_qps"), response_size=c.v("response_size"),
                               cache_hot_fraction=c.v("cache_hot_fraction"))
    return value, (f"{c.s('read_qps')} × {SECONDS_PER_DAY} × {c.fig('response_size')} × "
                   f"{c.fig('cache_hot_fraction')}")


@_result("db_shards", "Database shards", "Capacity", "", "integer")
def _db_shards(c: Context):
    total, copies = c.r("storage_total"), c.v("replication_factor")
    node_storage, write_qps = c.v("node_storage"), c.r("peak_write_qps")
    node_write_qps, utilization = c.v("node_write_qps"), c.v("utilization")
    shards = capacity.db_shards(storage_total=total, replication_factor=copies, node_storage=node_storage,
                                peak_write_qps=write_qps, node_write_qps=node_write_qps, utilization=utilization)
    util = c.fig("utilization")
    for_storage = (f"⌈{c.s('storage_total')} ÷ {formatting.number(copies)} copies ÷ "
                   f"({c.fig('node_storage')} × {util})⌉ = {formatting.integer(shards.for_storage)} for storage")
    for_writes = (f"⌈{c.s('peak_write_qps')} ÷ ({c.fig('node_write_qps')} × {util})⌉ = "
                  f"{formatting.integer(shards.for_writes)} for writes")
    return shards.count, f"max(1, {for_storage}, {for_writes})"


@_result("db_nodes", "Database nodes (shards × copies)", "Capacity", "", "integer")
def _db_nodes(c: Context):
    copies = c.v("replication_factor")
    value = capacity.db_nodes(db_shards=int(c.r("db_shards")), replication_factor=copies)
    return value, f"{c.s('db_shards')} shards × {c.fig('replication_factor')}"


@_result("read_replicas", "Read replicas", "Capacity", "", "integer")
def _read_replicas(c: Context):
    peak_read_qps, hit_rate = c.r("peak_read_qps"), c.v("cache_hit_rate")
    per_replica, utilization = c.v("replica_read_qps"), c.v("utilization")
    value = capacity.read_replicas(peak_read_qps=peak_read_qps, cache_hit_rate=hit_rate,
                                   replica_read_qps=per_replica, utilization=utilization)
    load = f"{c.s('peak_read_qps')} × (1 − {c.fig('cache_hit_rate')})"
    per_node = f"({c.fig('replica_read_qps')} × {c.fig('utilization')})"
    return value, _ceiling_work(load, per_node, peak_read_qps * (1 - hit_rate) / (per_replica * utilization))


RESULT_SPECS: Mapping[str, ResultSpec] = {spec.name: spec for spec in ESTIMATE.results}


def estimate(texts: Mapping[str, str]) -> Estimate:
    """Every result of the spec from `texts` (input name → text as typed; a missing name takes
    its default). Never raises for bad input: bad inputs land in `errors`, and the results
    that need them are unavailable."""
    return ESTIMATE(texts)
