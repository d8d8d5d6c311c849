"""Bytes stored, declared once each in the formula language (the engine runs them).

Payloads above `object_store_above` live in object storage, one logical copy (object stores
keep their own redundancy and bill per logical byte), with a `metadata_size` row in the
database; smaller payloads live in the database row itself. Database rows are stored
`replication_factor` times (the primary and its replicas).
"""

from __future__ import annotations

from .engine import Formula

IN_OBJECT_STORAGE = "object_size > object_store_above"

FORMULAS = (
    Formula("storage_per_day", "New data per day (one copy)", "Data", "write_qps × active_hours × object_size", "B",
            per="day"),
    Formula("storage_per_year", "New data per year (one copy)", "Data", "storage_per_day × 365", "B", per="year"),
    Formula("object_storage_total", "Object storage (one logical copy)", "Data",
            f"if({IN_OBJECT_STORAGE}, storage_per_day × retention ÷ 1 day, 0 B)", "B"),
)
