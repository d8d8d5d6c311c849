"""Servers, shards and replicas, declared once each in the formula language. Ceilings forgive
binary floating-point noise (expressions.whole_ceiling): 3.0000000001 servers is 3."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    # Little's law: requests in flight = arrival rate × time in the system. A count of
    # requests, reported as a plain number.
    Formula("concurrency", "Requests in flight at peak", "Capacity", "peak_qps × request_latency", "",
            dimension="request"),
    Formula("app_servers", "App servers", "Capacity", "ceil(peak_qps ÷ (server_qps × utilization))", "",
            display="integer"),
    Formula("db_shards", "Database shards", "Capacity",
            "max(1, ceil(storage_total ÷ replication_factor ÷ (node_storage × utilization)), "
            "ceil(peak_write_qps ÷ (node_write_qps × utilization)))", "", display="integer"),
    Formula("db_nodes", "Database nodes (shards × copies)", "Capacity", "db_shards × replication_factor", "",
            display="integer"),
    Formula("read_replicas", "Read replicas", "Capacity",
            "ceil(peak_read_qps × (1 − cache_hit_rate) ÷ (replica_read_qps × utilization))", "", display="integer"),
)
