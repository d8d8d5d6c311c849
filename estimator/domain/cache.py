"""Cache memory, declared once in the formula language."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    Formula("cache_memory", "Cache memory", "Capacity",
            "read_qps × 1 day × response_size × cache_hot_fraction", "B"),
)
