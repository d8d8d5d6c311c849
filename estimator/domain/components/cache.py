"""`cache`: a look-aside cache (Memcached, Redis as a cache). A miss falls back to its store,
so it is sized by the hot set it holds and billed for its memory; its hit rate is what the
store behind it is spared.
"""

from .kind import Count, Kind, Output, held_limit, latency_outputs, node_availability, parameter, peak_limit, serving

KIND = Kind(
    name="cache",
    summary="look-aside cache",
    params=(
        parameter("data", "size", None, "The hot set it holds.", "100 GB"),
        parameter("hit_rate", "fraction", "cache_hit_rate", "Share of reads it answers.", maximum=1),
        parameter("node_memory", "size", "cache_node_memory", "Memory one node holds.", minimum=0,
                  exclusive_minimum=True),
        parameter("reads", "rate", "0 req/s", "Reads per second it is asked (average)."),
        parameter("node_ops", "rate", "100k req/s", "Reads per second one node answers (redis.io benchmarks: ~100k).",
                  minimum=0, exclusive_minimum=True),
        *serving("ref.db_query", "node_ops × latency", "Time one lookup takes, network included.",
                 "Lookups one node serves at once."),
        node_availability(),
        parameter("price", "per_gb_month", "price_cache_gb", "What a byte of memory costs a month."),
    ),
    counts=(Count("nodes", "Nodes", (held_limit("memory", "data", "node_memory"),
                                     peak_limit("reads", "reads", "node_ops"))),),
    outputs=(
        Output("memory", "Memory", "data", "B"),
        Output("cost", "Cost a month (memory)", "memory × price", "USD/month"),
        *latency_outputs("reads × peak_factor", "max(1, nodes) × concurrency"),
        # A key lives on one node; a miss falls back to the store, so it costs latency, not requests.
        Output("availability", "Availability (the node holding a key up)", "node_availability", "", "percent"),
    ),
    example="hot = cache(data: 100 GB)",
    rules="memory = data; nodes = max(⌈data ÷ (node_memory × utilization)⌉, ⌈reads × peak_factor ÷ (node_ops × "
          "utilization)⌉) (0 when both are 0); cost = memory × price.",
    falls_back=True,
)
