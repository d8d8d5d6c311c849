"""`database`: a relational database, sharded, each shard a primary and read replicas.

Shards are bound by the data one node holds (one copy, at planned fill) and by the writes one
primary takes (a few thousand a second is the usual planning figure: published benchmarks
vary widely); replicas per shard by the reads that reach the database, and never fewer than
the copies the replication factor asks for.
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, latency_outputs, node_availability,
                   parameter, price_params, quorum_availability, serving, store_cost)

KIND = Kind(
    name="database",
    summary="relational, a primary and read replicas per shard",
    params=(
        parameter("writes", "rate", None, "Writes per second (average).", "write_qps"),
        parameter("reads", "rate", "0 req/s", "Reads per second that reach the database (after any cache)."),
        parameter("data", "size", None, "Bytes held, one copy.", "10 TB"),
        parameter("replication", "copies", "replication_factor", "Copies of each row (primary included).",
                  minimum=1, maximum=100),
        parameter("node_storage", "size", "node_storage", "Storage one node holds.", minimum=0,
                  exclusive_minimum=True),
        parameter("node_writes", "rate", "node_write_qps", "Writes per second one primary takes.", minimum=0,
                  exclusive_minimum=True),
        parameter("node_reads", "rate", "replica_read_qps", "Reads per second one replica serves.", minimum=0,
                  exclusive_minimum=True),
        *serving("ref.db_query", "node_reads × latency", "Time one query takes (a simple query: reference numbers).",
                 "Queries one node serves at once."),
        node_availability(),
        *price_params(),
    ),
    counts=(
        Count("shards", "Shards", (
            Limit("one shard", "1", floor=True),
            held_limit("storage", "data", "node_storage"),
            Limit("writes", "ceil(writes × peak_factor ÷ (node_writes × utilization))", per="node_writes"),
        )),
        Count("replicas", "Read replicas per shard", (
            Limit(FLOOR_REDUNDANCY, "replication − 1", floor=True),
            Limit("reads", "ceil(reads × peak_factor ÷ shards ÷ (node_reads × utilization))", per="node_reads"),
        )),
    ),
    outputs=(
        Output("nodes", "Nodes (shards × (1 + replicas))", "shards × (1 + replicas)", "", "integer"),
        Output("storage", "Storage (all copies)", "data × replication", "B"),
        store_cost(),
        *latency_outputs("(reads + writes) × peak_factor"),
        quorum_availability("1 + replicas"),
    ),
    example="orders = database(writes: write_qps, reads: read_qps, data: 5 TB)",
    rules="shards = max(1, ⌈data ÷ (node_storage × utilization)⌉, ⌈writes × peak_factor ÷ (node_writes × utilization)⌉); "
          "replicas = max(replication − 1, ⌈reads × peak_factor ÷ shards ÷ (node_reads × utilization)⌉); "
          "nodes = shards × (1 + replicas); storage = data × replication.",
)
