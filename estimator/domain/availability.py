"""Availability: nines, downtime, composite systems, error budgets.

Functions take the unavailability (1 − availability) where precision matters: the parser
computes it exactly in decimal, so 99.99% gives 52m 33.6s a year, not 52m 33.5999…s."""

from __future__ import annotations

import math

from .units import DAY, MONTH, QUARTER, WEEK, YEAR

PERIODS = (("day", DAY), ("week", WEEK), ("month", MONTH), ("quarter", QUARTER), ("year", YEAR))


def nines(*, unavailability: float) -> float:
    """−log10(1 − availability): 99.9% → 3."""
    if unavailability <= 0:
        return math.inf
    return -math.log10(unavailability)


def downtime(*, unavailability, period):
    """Downtime allowed in `period`: (1 − availability) × period."""
    return unavailability * period


def availability_allowing(*, downtime, window) -> float:
    """The availability that allows exactly `downtime` per `window`: 1 − downtime ÷ window."""
    return 1 - downtime / window


def series(unavailabilities: list[float]) -> float:
    """Unavailability of components that must all be up: 1 − Π(1 − uᵢ)."""
    up = 1.0
    for u in unavailabilities:
        up *= 1 - u
    return 1 - up


def parallel(unavailabilities: list[float]) -> float:
    """Unavailability of components of which any one suffices: Π uᵢ (1 − availability = Π(1 − aᵢ))."""
    down = 1.0
    for u in unavailabilities:
        down *= u
    return down


def redundant(*, copies: int, unavailability: float) -> float:
    """Unavailability of N redundant copies: (1 − A)^N."""
    return unavailability ** copies


def error_budget(*, unavailability, window):
    """Downtime the target allows in the window: (1 − target) × window."""
    return unavailability * window


def error_budget_requests(*, unavailability, requests):
    """Failed requests the target allows: (1 − target) × requests."""
    return unavailability * requests


def burn_rate(*, error_rate, unavailability) -> float:
    """How many times faster than sustainable the budget burns: error_rate ÷ (1 − target)."""
    return error_rate / unavailability


def budget_exhausted_in(*, window, burn_rate):
    """Time until the window's budget is gone at this burn rate: window ÷ burn_rate."""
    if burn_rate == 0:
        return math.inf
    return window / burn_rate
