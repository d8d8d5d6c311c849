"""`workers`: consumers of a queue and batch jobs.

Little's law: items in progress = arrival rate × time one item takes, so the nodes needed at
the peak are rate × peak_factor × work ÷ (items one node works on at once × utilization).
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, latency_outputs, node_availability, node_cost, p99_target,
                   parameter, price_params, stateless_availability)

_TARGET, _TARGET_LIMIT = p99_target()

KIND = Kind(
    name="workers",
    summary="queue consumers and batch jobs",
    params=(
        parameter("rate", "rate", None, "Items per second to process (average).", "write_qps"),
        parameter("work", "duration", None, "Time one item takes.", "5 ms"),
        parameter("concurrency", "requests", "1", "Items one node works on at once.",
                  minimum=0, exclusive_minimum=True),
        parameter("min", "nodes", "2", "The fewest nodes, for redundancy.", maximum=1e6),
        parameter("latency", "duration", "work", "Service time of one item (its work, unless waits add to it).",
                  minimum=0, exclusive_minimum=True),
        _TARGET,
        node_availability(),
        *price_params("price_app_server", None),
    ),
    counts=(Count("nodes", "Nodes", (
        Limit(FLOOR_REDUNDANCY, "min", floor=True),
        Limit("peak items", "ceil(rate × peak_factor × work ÷ (concurrency × utilization))", per="concurrency"),
        _TARGET_LIMIT,
    )),),
    outputs=(node_cost(), *latency_outputs("rate × peak_factor"),
             *stateless_availability("ceil(load × work ÷ concurrency)")),
    example="jobs = workers(rate: write_qps, work: 50 ms)",
    rules="nodes = max(min, ⌈rate × peak_factor × work ÷ (concurrency × utilization)⌉) (Little's law).",
    service=True,
)
