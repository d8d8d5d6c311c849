"""Servers, shards and replicas. Floats in canonical units or pint Quantities alike
(a ratio of Quantities must be dimensionless for float() to accept it)."""

from __future__ import annotations

import math
from dataclasses import dataclass


def whole_ceiling(x) -> int:
    """⌈x⌉, forgiving binary floating-point noise: 3.0000000000004 counts as 3, not 4."""
    x = float(x)
    nearest = round(x)
    if abs(x - nearest) <= 1e-9 * max(1.0, abs(x)):
        return int(nearest)
    return math.ceil(x)


def concurrency(*, peak_qps, request_latency):
    """Requests in flight at peak (Little's law): peak_qps × request_latency."""
    return peak_qps * request_latency


def nodes_needed(*, load, per_node, utilization) -> int:
    """Nodes to carry `load` when each carries `per_node` at most `utilization` of the time:
    ⌈load ÷ (per_node × utilization)⌉."""
    return whole_ceiling(load / (per_node * utilization))


def app_servers(*, peak_qps, server_qps, utilization) -> int:
    """⌈peak_qps ÷ (server_qps × utilization)⌉."""
    return nodes_needed(load=peak_qps, per_node=server_qps, utilization=utilization)


@dataclass(frozen=True)
class Shards:
    for_storage: int
    for_writes: int

    @property
    def count(self) -> int:
        return max(1, self.for_storage, self.for_writes)


def db_shards(*, storage_total, replication_factor, node_storage, peak_write_qps, node_write_qps,
              utilization) -> Shards:
    """Shards: max(1, ⌈storage_total ÷ replication_factor ÷ (node_storage × utilization)⌉,
    ⌈peak_write_qps ÷ (node_write_qps × utilization)⌉)."""
    return Shards(
        for_storage=nodes_needed(load=storage_total / replication_factor, per_node=node_storage,
                                 utilization=utilization),
        for_writes=nodes_needed(load=peak_write_qps, per_node=node_write_qps, utilization=utilization),
    )


def db_nodes(*, db_shards: int, replication_factor) -> int:
    """Database nodes: db_shards × replication_factor."""
    return db_shards * whole_ceiling(replication_factor)


def read_replicas(*, peak_read_qps, cache_hit_rate, replica_read_qps, utilization) -> int:
    """Replicas for the reads the cache misses:
    ⌈peak_read_qps × (1 − cache_hit_rate) ÷ (replica_read_qps × utilization)⌉."""
    return nodes_needed(load=peak_read_qps * (1 - cache_hit_rate), per_node=replica_read_qps,
                        utilization=utilization)
