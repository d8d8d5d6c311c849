"""Bytes stored, declared once each in the formula language (engine.py runs them)."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    Formula("storage_per_day", "New data per day (one copy)", "Data", "write_qps × 1 day × object_size", "B",
            per="day"),
    Formula("storage_per_year", "New data per year (one copy)", "Data", "storage_per_day × 365", "B", per="year"),
    Formula("storage_total", "Total storage (retention × copies)", "Data",
            "storage_per_day × (retention ÷ 1 day) × replication_factor", "B"),
)
