"""`memory_store`: data kept in memory as the system of record for its purpose (Redis sorted
sets, sessions, a matching engine's order book).

~100k simple operations a second on one core: the redis.io benchmarks page (redis-benchmark
reports ~110k SET and ~81k GET a second). Each shard keeps `replication` copies (a primary
and a replica by default) and is billed for its memory.
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, latency_outputs, node_availability,
                   parameter, peak_limit, quorum_availability, serving)

KIND = Kind(
    name="memory_store",
    summary="in-memory data (Redis sorted sets, sessions, an order book)",
    params=(
        parameter("data", "size", None, "Bytes held, one copy.", "50 GB"),
        parameter("ops", "rate", "0 req/s", "Operations per second (average)."),
        parameter("replication", "copies", "2", "Copies of each shard (primary and replicas).", minimum=1,
                  maximum=100),
        parameter("node_memory", "size", "cache_node_memory", "Memory one node holds.", minimum=0,
                  exclusive_minimum=True),
        parameter("node_ops", "rate", "100k req/s", "Operations per second one node serves.", minimum=0,
                  exclusive_minimum=True),
        *serving("ref.db_query", "node_ops × latency", "Time one operation takes, network included.",
                 "Operations one node serves at once."),
        node_availability(),
        parameter("price", "per_gb_month", "price_cache_gb", "What a byte of memory costs a month."),
    ),
    counts=(Count("shards", "Shards", (
        Limit(FLOOR_REDUNDANCY, "1", floor=True),
        held_limit("memory", "data", "node_memory"),
        peak_limit("operations", "ops", "node_ops"),
    )),),
    outputs=(
        Output("nodes", "Nodes (shards × replication)", "shards × replication", "", "integer"),
        Output("memory", "Memory (all copies)", "data × replication", "B"),
        Output("cost", "Cost a month (memory)", "memory × price", "USD/month"),
        *latency_outputs("ops × peak_factor", "shards × concurrency"),
        quorum_availability("replication"),
    ),
    example="board = memory_store(data: dau × 100 B/user, ops: total_qps)",
    rules="shards = max(1, ⌈data ÷ (node_memory × utilization)⌉, ⌈ops × peak_factor ÷ (node_ops × utilization)⌉); "
          "nodes = shards × replication; memory = data × replication; cost = memory × price.",
)
