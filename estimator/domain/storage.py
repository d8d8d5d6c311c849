"""Bytes stored. Floats in canonical units (B, req/s, s) or pint Quantities alike."""

from __future__ import annotations

from .units import DAY

DAYS_PER_YEAR = 365


def storage_per_day(*, write_qps, object_size, day=DAY):
    """Bytes written in a day, one copy: write_qps × 1 day × object_size."""
    return write_qps * day * object_size


def storage_per_year(*, storage_per_day):
    """Bytes written in a 365-day year, one copy: storage_per_day × 365."""
    return storage_per_day * DAYS_PER_YEAR


def storage_total(*, storage_per_day, retention, replication_factor, day=DAY):
    """Bytes held at steady state, all copies: storage_per_day × retention (in days) ×
    replication_factor."""
    return storage_per_day * (retention / day) * replication_factor
