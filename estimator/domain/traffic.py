"""Requests per second. Every function works on floats in canonical units (req/s, users,
seconds) and equally on pint Quantities, which is how the tests check the dimensions."""

from __future__ import annotations

from .units import DAY, MONTH


def qps_from_users(*, users, per_user_per_day, day=DAY):
    """Average requests per second: users × requests per user per day ÷ 1 day."""
    return users * per_user_per_day / day


def total_qps(*, read_qps, write_qps):
    """All requests per second: read_qps + write_qps."""
    return read_qps + write_qps


def peak(*, average, peak_factor):
    """The peak of an average rate: average × peak_factor."""
    return average * peak_factor


def requests_per_month(*, total_qps, month=MONTH):
    """Requests in a 30-day month: total_qps × 1 month."""
    return total_qps * month
