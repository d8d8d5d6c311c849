"""`connections`: servers holding long-lived connections (WebSocket, MQTT, server-sent events).

Sized by the connections open at the busiest moment (not multiplied by the peak factor: it
is already the peak) and by the messages they push. 100k connections a node is conservative
(an Erlang chat service reported ~2M on one server in 2012; WhatsApp engineering blog);
~10 KB of memory per idle connection is the estimation rule of Xu, System Design Interview
vol. 1, ch. 12 (1M connections in ~10 GB).
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, latency_outputs, node_availability,
                   node_cost, p99_target, parameter, peak_limit, price_params, serving, stateless_availability)

_TARGET, _TARGET_LIMIT = p99_target()

KIND = Kind(
    name="connections",
    summary="long-lived connections (WebSocket, MQTT, SSE)",
    params=(
        parameter("concurrent", "count", None, "Connections open at the busiest moment (users or a plain count).",
                  "dau × 10%"),
        parameter("per_node", "count", "100k", "Connections one node holds.", minimum=0, exclusive_minimum=True),
        parameter("memory_each", "size", "10 KB", "Memory one open connection takes."),
        parameter("messages", "rate", "0 req/s", "Messages pushed per second (average)."),
        parameter("messages_per_node", "rate", "50k req/s", "Messages one node pushes per second.",
                  minimum=0, exclusive_minimum=True),
        parameter("min", "nodes", "2", "The fewest nodes, for redundancy.", maximum=1e6),
        *serving("1 ms", "messages_per_node × latency", "Time to push one message (an assumption: measure yours).",
                 "Messages one node pushes at once."),
        _TARGET,
        node_availability(),
        *price_params("price_app_server", None),
    ),
    counts=(Count("nodes", "Nodes", (
        Limit(FLOOR_REDUNDANCY, "min", floor=True),
        held_limit("connections", "concurrent", "per_node"),
        peak_limit("messages", "messages", "messages_per_node"),
        _TARGET_LIMIT,
    )),),
    outputs=(Output("memory", "Memory for connections", "concurrent × memory_each", "B"), node_cost(),
             *latency_outputs("messages × peak_factor"),
             *stateless_availability("ceil(concurrent ÷ per_node), ceil(load ÷ messages_per_node)")),
    example="ws = connections(concurrent: dau × 10%, messages: write_qps)",
    rules="nodes = max(min, ⌈concurrent ÷ (per_node × utilization)⌉, "
          "⌈messages × peak_factor ÷ (messages_per_node × utilization)⌉); memory = concurrent × memory_each.",
    service=True,
    entry=True,
    holds_open="concurrent",
)
