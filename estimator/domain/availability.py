"""Availability: nines and downtime per period, declared once each in the formula language;
and the arithmetic of composite systems (system.py's tree), which is not an expression."""

from __future__ import annotations

from .engine import Formula

PERIOD_NAMES = ("day", "week", "month", "quarter", "year")


def downtime_formulas(group: str, label: str) -> tuple[Formula, ...]:
    """downtime_per_<period> = (1 − availability) × 1 <period>, for every period."""
    return tuple(Formula(f"downtime_per_{period}", f"{label} {period}", group, f"(1 − availability) × 1 {period}", "s")
                 for period in PERIOD_NAMES)


# Shown truncated, never rounded up: 99.98997% has 3.99 nines, not 4.
NINES = Formula("nines", "Nines", "Availability", "−log10(1 − availability)", "", display="nines",
                workbench=True)
FORMULAS = (NINES, *downtime_formulas("Availability", "Downtime allowed per"))


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
