"""`time_series`: a metrics store taking points in batches.

About 1.37 bytes a point with delta-of-delta timestamps and XOR-compressed floats: Pelkonen et
al., "Gorilla: A Fast, Scalable, In-Memory Time Series Database", VLDB 2015. One node ingesting
1M points a second is the conservative end of what current stores report (an assumption:
measure yours).
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, node_availability, parameter,
                   price_params, quorum_availability, store_cost)

KIND = Kind(
    name="time_series",
    summary="metrics store (compressed points)",
    params=(
        parameter("points", "rate", None, "Points per second (average).", "10M/s"),
        parameter("retention", "duration", None, "How long points are kept.", "1 year"),
        parameter("bytes_per_point", "size_per_item", "1.37 B", "Bytes one point takes once compressed."),
        parameter("replication", "copies", "2", "Copies of each point.", minimum=1, maximum=100),
        parameter("node_points", "rate", "1M req/s", "Points per second one node ingests.", minimum=0,
                  exclusive_minimum=True),
        parameter("node_storage", "size", "node_storage", "Storage one node holds.", minimum=0,
                  exclusive_minimum=True),
        node_availability(),
        *price_params(),
    ),
    counts=(Count("nodes", "Nodes", (
        Limit(FLOOR_REDUNDANCY, "replication", floor=True),
        Limit("writes", "ceil(points × peak_factor × replication ÷ (node_points × utilization))",
              per="node_points"),
        held_limit("storage", "storage", "node_storage"),
    )),),
    outputs=(Output("storage", "Storage (all copies)", "points × retention × bytes_per_point × replication", "B"),
             store_cost(), quorum_availability("replication")),
    example="metrics = time_series(points: 10M/s, retention: 1 year)",
    rules="storage = points × retention × bytes_per_point × replication; nodes = max(replication, "
          "⌈points × peak_factor × replication ÷ (node_points × utilization)⌉, ⌈storage ÷ (node_storage × utilization)⌉).",
)
