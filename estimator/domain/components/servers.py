"""`servers`: stateless request handlers (app servers, API gateways, web tiers).

Bound by throughput and by requests in flight (Little's law: in flight = rate × time in the
server, so a 500 ms request holds a slot 100× longer than a 5 ms one), and never fewer than
two: one node is a single point of failure, and a deploy takes a node out.
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, latency_outputs, node_availability, node_cost, p99_target,
                   parameter, peak_limit, price_params, stateless_availability)

_TARGET, _TARGET_LIMIT = p99_target()

KIND = Kind(
    name="servers",
    summary="stateless request handlers",
    params=(
        parameter("rate", "rate", None, "Requests per second reaching the tier (average).", "total_qps"),
        parameter("per_node", "rate", "server_qps", "Requests per second one node serves at full load.",
                  minimum=0, exclusive_minimum=True),
        parameter("latency", "duration", "request_latency", "Time one request spends in the server.",
                  minimum=0, exclusive_minimum=True),
        parameter("concurrency", "requests", "server_concurrency", "Requests one node holds in flight at once.",
                  minimum=0, exclusive_minimum=True),
        parameter("min", "nodes", "2", "The fewest nodes, for redundancy.", maximum=1e6),
        _TARGET,
        node_availability(),
        *price_params("price_app_server", None),
    ),
    counts=(Count("nodes", "Nodes", (
        Limit(FLOOR_REDUNDANCY, "min", floor=True),
        peak_limit("peak requests", "rate", "per_node"),
        Limit("concurrency", "ceil(rate × peak_factor × latency ÷ (concurrency × utilization))", per="concurrency"),
        _TARGET_LIMIT,
    )),),
    outputs=(node_cost(), *latency_outputs("rate × peak_factor"),
             *stateless_availability("ceil(rate × peak_factor ÷ per_node), ceil(load × latency ÷ concurrency)")),
    example="api = servers(rate: total_qps)",
    rules="nodes = max(min, ⌈rate × peak_factor ÷ (per_node × utilization)⌉, "
          "⌈rate × peak_factor × latency ÷ (concurrency × utilization)⌉) (Little's law for the second).",
    service=True,
    entry=True,
    front=True,
)
