"""Cache memory and nodes, declared once each in the formula language. A cache never holds
more than the data there is: the hot share of a day's reads, capped at everything stored
(one copy)."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    Formula("cache_memory", "Cache memory", "Capacity",
            "min(read_qps × 1 day × response_size × cache_hot_fraction, storage_per_day × retention ÷ 1 day)", "B"),
    Formula("cache_nodes", "Cache nodes", "Capacity", "ceil(cache_memory ÷ (cache_node_memory × utilization))", "",
            display="integer"),
)
