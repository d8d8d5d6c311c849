"""Capacity that is no component's own: requests in flight at the peak (Little's law: in
flight = arrival rate × time in the system; a 500 ms request holds a slot 100× longer than a
5 ms one). The tiers themselves are components (components/, architecture.py)."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    # A count of requests, reported as a plain number.
    Formula("concurrency", "Requests in flight at peak", "Capacity", "peak_qps × request_latency", "",
            dimension="request"),
)
