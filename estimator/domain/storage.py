"""Bytes stored, declared once each in the formula language (the engine runs them).

Payloads above `object_store_above` live in object storage, one logical copy (object stores
keep their own redundancy and bill per logical byte), with a `metadata_size` row in the
database; smaller payloads live in the database row itself. Database rows are stored
`replication_factor` times (the primary and its replicas).
"""

from __future__ import annotations

from .engine import Formula

IN_OBJECT_STORAGE = "object_size > object_store_above"

# Told at a line or field that reads them and no longer checks: model 4 made them rates, and a
# line saved before may still multiply them by a plain number (× 30 for a month's data).
PER_DAY_SINCE = ("storage_per_day is a rate since model 4 (B/day), not a size: multiply it by a duration for "
                 "a period's data (storage_per_day × 30 days -> TB)")
PER_YEAR_SINCE = ("storage_per_year is a rate since model 4 (B/year), not a size: multiply it by a duration "
                  "for a period's data (storage_per_year × 5 years -> PB)")

FORMULAS = (
    # Rates (B/s inside, reported per day and per year): a day's writes arrive within its
    # active hours, and `storage_per_day × 30 days` is thirty days' data.
    Formula("storage_per_day", "New data per day (one copy)", "Data", "write_qps × active_hours ÷ 1 day × object_size",
            "B/day", per="day", retyped=("B", PER_DAY_SINCE)),
    Formula("storage_per_year", "New data per year (one copy)", "Data", "storage_per_day × 365 days ÷ 1 year",
            "B/year", per="year", retyped=("B", PER_YEAR_SINCE)),
    Formula("object_storage_total", "Object storage (one logical copy)", "Data",
            f"if({IN_OBJECT_STORAGE}, storage_per_day × retention, 0 B)", "B"),
)
