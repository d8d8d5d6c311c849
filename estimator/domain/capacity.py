"""Servers, shards and replicas, declared once each in the formula language. Ceilings forgive
binary floating-point noise (lang.functions.whole_ceiling): 3.0000000001 servers is 3.

- App servers are bound by throughput and by concurrency: a 500 ms request holds a slot 100×
  longer than a 5 ms one (Little's law: in flight = rate × time).
- Database shards are bound by the data one node holds (per copy) and by the writes one
  primary takes.
- Read replicas are counted per shard: the copies beyond the primary already serve reads, and
  more are added only when the reads the cache misses need them.
"""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    # Little's law: requests in flight = arrival rate × time in the system. A count of
    # requests, reported as a plain number.
    Formula("concurrency", "Requests in flight at peak", "Capacity", "peak_qps × request_latency", "",
            dimension="request"),
    Formula("app_servers", "App servers", "Capacity",
            "max(ceil(peak_qps ÷ (server_qps × utilization)), ceil(concurrency ÷ (server_concurrency × utilization)))",
            "", display="integer"),
    Formula("db_shards", "Database shards", "Capacity",
            "max(1, ceil(db_storage_total ÷ replication_factor ÷ (node_storage × utilization)), "
            "ceil(peak_write_qps ÷ (node_write_qps × utilization)))", "", display="integer"),
    Formula("read_replicas", "Read replicas per shard", "Capacity",
            "max(replication_factor − 1, "
            "ceil(peak_read_qps × (1 − cache_hit_rate) ÷ db_shards ÷ (replica_read_qps × utilization)))", "",
            display="integer"),
    Formula("db_nodes", "Database nodes (shards × (1 + replicas))", "Capacity", "db_shards × (1 + read_replicas)", "",
            display="integer"),
)
