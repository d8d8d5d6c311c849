"""`queue`: a replicated log (Kafka-like).

Brokers are bound by the bytes they take in (every message written `replication` times) and
by the bytes they keep for the retention. Tens to hundreds of MB/s a broker: Kreps,
"Benchmarking Apache Kafka: 2 Million Writes Per Second (On Three Cheap Machines)", LinkedIn
engineering, 2014; 50 MB/s is the conservative end. Three brokers at least, so a replication
of 3 survives one down.
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, node_availability, parameter,
                   price_params, quorum_availability, store_cost)

KIND = Kind(
    name="queue",
    summary="a replicated log (Kafka-like)",
    params=(
        parameter("rate", "rate", None, "Messages per second (average).", "write_qps"),
        parameter("size", "size_per_item", None, "Bytes in one message.", "1 KB"),
        parameter("retention", "duration", "7 days", "How long messages are kept."),
        parameter("replication", "copies", "3", "Copies of each message.", minimum=1, maximum=100),
        parameter("per_node", "bandwidth", "50 MB/s", "Bytes per second one broker takes in.",
                  minimum=0, exclusive_minimum=True),
        parameter("node_storage", "size", "node_storage", "Disk on one broker.", minimum=0, exclusive_minimum=True),
        parameter("min", "nodes", "3", "The fewest brokers.", maximum=1e6),
        node_availability(),
        *price_params(),
    ),
    counts=(Count("nodes", "Brokers", (
        Limit(FLOOR_REDUNDANCY, "min", floor=True),
        Limit("throughput", "ceil(rate × peak_factor × size × replication ÷ (per_node × utilization))",
              per="per_node"),
        held_limit("storage", "storage", "node_storage"),
    )),),
    outputs=(Output("storage", "Storage (all copies)", "rate × size × retention × replication", "B"), store_cost(),
             quorum_availability("replication")),
    example="events = queue(rate: write_qps, size: 1 KB)",
    rules="storage = rate × size × retention × replication; nodes = max(min, "
          "⌈rate × peak_factor × size × replication ÷ (per_node × utilization)⌉, ⌈storage ÷ (node_storage × utilization)⌉).",
    service=True,
)
