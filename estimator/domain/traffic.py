"""Requests per second, declared once each in the formula language (the engine runs them)."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    Formula("read_qps", "Reads per second", "Traffic", "dau × reads_per_user × 1 day ÷ active_hours", "req/s",
            given_by="read_qps"),
    Formula("write_qps", "Writes per second", "Traffic", "dau × writes_per_user × 1 day ÷ active_hours", "req/s",
            given_by="write_qps"),
    Formula("total_qps", "Requests per second", "Traffic", "read_qps + write_qps", "req/s"),
    Formula("peak_read_qps", "Peak reads per second", "Traffic", "read_qps × peak_factor", "req/s"),
    Formula("peak_write_qps", "Peak writes per second", "Traffic", "write_qps × peak_factor", "req/s"),
    Formula("peak_qps", "Peak requests per second", "Traffic", "total_qps × peak_factor", "req/s"),
    Formula("requests_per_month", "Requests per month", "Traffic", "total_qps × active_hours × 30", "req", per="month"),
)
