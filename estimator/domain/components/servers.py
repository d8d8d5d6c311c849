"""`servers`: stateless request handlers (app servers, API gateways, web tiers).

Bound by throughput and by requests in flight (Little's law: in flight = rate × time in the
server, so a 500 ms request holds a slot 100× longer than a 5 ms one), and never fewer than
two: one node is a single point of failure, and a deploy takes a node out.
"""

from .kind import FLOOR_REDUNDANCY, Count, Kind, Limit, node_cost, parameter, peak_limit, price_params

KIND = Kind(
    name="servers",
    summary="stateless request handlers",
    params=(
        parameter("rate", "rate", None, "Requests per second reaching the tier (average).", "total_qps"),
        parameter("per_node", "rate", "server_qps", "Requests per second one node serves at full load."),
        parameter("latency", "duration", "request_latency", "Time one request spends in the server."),
        parameter("concurrency", "requests", "server_concurrency", "Requests one node holds in flight at once.",
                  minimum=0, exclusive_minimum=True),
        parameter("min", "nodes", "2", "The fewest nodes, for redundancy.", maximum=1e6),
        *price_params("price_app_server", None),
    ),
    counts=(Count("nodes", "Nodes", (
        Limit(FLOOR_REDUNDANCY, "min", floor=True),
        peak_limit("peak requests", "rate", "per_node"),
        Limit("concurrency", "ceil(rate × peak_factor × latency ÷ (concurrency × utilization))"),
    )),),
    outputs=(node_cost(),),
    example="api = servers(rate: total_qps)",
    rules="nodes = max(min, ⌈rate × peak_factor ÷ (per_node × utilization)⌉, "
          "⌈rate × peak_factor × latency ÷ (concurrency × utilization)⌉) (Little's law for the second).",
)
