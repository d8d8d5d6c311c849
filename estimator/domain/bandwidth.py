"""Bytes per second over the network, declared once each in the formula language."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    Formula("ingress", "Ingress (writes in)", "Data", "write_qps × object_size", "B/s"),
    Formula("egress", "Egress (reads out)", "Data", "read_qps × response_size", "B/s"),
    Formula("peak_ingress", "Peak ingress", "Data", "ingress × peak_factor", "B/s"),
    Formula("peak_egress", "Peak egress", "Data", "egress × peak_factor", "B/s"),
    Formula("egress_per_month", "Egress per month", "Data", "egress × active_hours × 30", "B", per="month"),
)
