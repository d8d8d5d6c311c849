"""Cache memory. Floats in canonical units or pint Quantities alike."""

from __future__ import annotations

from .units import DAY


def cache_memory(*, read_qps, response_size, cache_hot_fraction, day=DAY):
    """Bytes of cache for the hot share of a day's reads:
    read_qps × 1 day × response_size × cache_hot_fraction."""
    return read_qps * day * response_size * cache_hot_fraction
