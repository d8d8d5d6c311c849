"""Bytes per second over the network. Floats in canonical units or pint Quantities alike."""

from __future__ import annotations

from .units import MONTH


def throughput(*, qps, size):
    """Bytes per second moved by `qps` requests of `size` bytes each: qps × size.
    Ingress is write_qps × object_size; egress is read_qps × response_size."""
    return qps * size


def per_month(*, rate, month=MONTH):
    """A per-second rate accumulated over a 30-day month: rate × 1 month."""
    return rate * month
