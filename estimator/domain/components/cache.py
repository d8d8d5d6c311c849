"""`cache`: a look-aside cache (Memcached, Redis as a cache). A miss falls back to its store,
so it is sized by the hot set it holds and billed for its memory; its hit rate is what the
store behind it is spared.
"""

from .kind import Count, Kind, Output, held_limit, parameter

KIND = Kind(
    name="cache",
    summary="look-aside cache",
    params=(
        parameter("data", "size", None, "The hot set it holds.", "100 GB"),
        parameter("hit_rate", "fraction", "cache_hit_rate", "Share of reads it answers.", maximum=1),
        parameter("node_memory", "size", "cache_node_memory", "Memory one node holds.", minimum=0,
                  exclusive_minimum=True),
        parameter("price", "per_gb_month", "price_cache_gb", "What a byte of memory costs a month."),
    ),
    counts=(Count("nodes", "Nodes", (held_limit("memory", "data", "node_memory"),)),),
    outputs=(
        Output("memory", "Memory", "data", "B"),
        Output("cost", "Cost a month (memory)", "memory × price", "USD/month"),
    ),
    example="hot = cache(data: 100 GB)",
    rules="memory = data; nodes = ⌈data ÷ (node_memory × utilization)⌉ (0 when data is 0); cost = memory × price.",
)
