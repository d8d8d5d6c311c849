"""`kv_store`: a leaderless wide-column or key-value store (Cassandra-, DynamoDB-like).

Every write lands on `replication` nodes; reads are served by one. ~10k replica writes a
second a node: Netflix's "Benchmarking Cassandra Scalability on AWS" (2011) reached ~1.1M
client writes/s on 288 nodes at replication 3, about 11k replica writes/s a node. 2 TB a
node keeps compaction and repair times sane (a common operator guideline).
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, latency_outputs, node_availability,
                   parameter, peak_limit, price_params, quorum_availability, serving, store_cost)

KIND = Kind(
    name="kv_store",
    summary="leaderless key-value / wide-column (Cassandra-, DynamoDB-like)",
    params=(
        parameter("writes", "rate", None, "Writes per second (average).", "write_qps"),
        parameter("reads", "rate", "0 req/s", "Reads per second (average)."),
        parameter("data", "size", None, "Bytes held, one copy.", "10 TB"),
        parameter("replication", "copies", "3", "Copies of each row.", minimum=1, maximum=100),
        parameter("node_storage", "size", "2 TB", "Storage one node holds.", minimum=0, exclusive_minimum=True),
        parameter("node_writes", "rate", "10k req/s", "Replica writes per second one node takes.", minimum=0,
                  exclusive_minimum=True),
        parameter("node_reads", "rate", "10k req/s", "Reads per second one node serves.", minimum=0,
                  exclusive_minimum=True),
        *serving("ref.db_query", "node_reads × latency", "Time one read or replica write takes.",
                 "Operations one node serves at once."),
        node_availability(),
        *price_params(),
    ),
    counts=(Count("nodes", "Nodes", (
        Limit(FLOOR_REDUNDANCY, "replication", floor=True),
        held_limit("storage", "data × replication", "node_storage"),
        Limit("writes", "ceil(writes × peak_factor × replication ÷ (node_writes × utilization))",
              per="node_writes"),
        peak_limit("reads", "reads", "node_reads"),
    )),),
    outputs=(Output("storage", "Storage (all copies)", "data × replication", "B"), store_cost(),
             *latency_outputs("(reads + writes × replication) × peak_factor"), quorum_availability("replication")),
    example="feed = kv_store(writes: write_qps × 100, data: dau × 500 × 8 B/user)",
    rules="nodes = max(replication, ⌈data × replication ÷ (node_storage × utilization)⌉, "
          "⌈writes × peak_factor × replication ÷ (node_writes × utilization)⌉, ⌈reads × peak_factor ÷ (node_reads × utilization)⌉). "
          "Reads and replica writes are each held to their own limit; a node serves both, so its utilization (and "
          "its p99) counts both, and passes the planned utilization when the two are within a few times of each other: "
          "lower node_reads and node_writes to what a node serves while doing both.",
)
