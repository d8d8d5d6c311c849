"""The one unit registry of the process, built once at import from units.txt.

Request text never reaches this registry: parsing.py splits the number from the unit,
looks the unit up in the field's own table, and only then uses these helpers.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pint

DEFINITIONS = Path(__file__).with_name("units.txt")

ureg = pint.UnitRegistry(str(DEFINITIONS))
Q = ureg.Quantity


@lru_cache(maxsize=None)
def factor(unit: str, canonical: str) -> float:
    """How many `canonical` one `unit` is (pint does the conversion, once per pair).

    Raises pint's DimensionalityError if the two are not of one dimension.
    """
    return float(Q(1.0, unit).to(canonical).magnitude)


@lru_cache(maxsize=None)
def dimensionality(unit: str) -> str:
    """The unit's dimensionality as text, e.g. '[information]' or '[request] / [time]'."""
    return str(ureg.Unit(unit).dimensionality)


def seconds(unit: str) -> float:
    """Seconds in one `unit` of time (day, week, month, quarter, year, ...)."""
    return factor(unit, "second")


# The conventions, in seconds, read from the definitions rather than written twice.
SECOND = seconds("second")
MINUTE = seconds("minute")
HOUR = seconds("hour")
DAY = seconds("day")
WEEK = seconds("week")
MONTH = seconds("month")
QUARTER = seconds("quarter")
YEAR = seconds("year")

CONVENTIONS = (
    "1 day = 86,400 s; week = 7 days; month = 30 days; quarter = 365/4 = 91.25 days; "
    "year = 365 days.",
    "Sizes are decimal: 1 KB = 1,000 B, 1 MB = 10^6 B, … EB; KiB, MiB, GiB, TiB, PiB, EiB "
    "are binary (1,024-based) when typed or when binary display is chosen.",
    "B is a byte; b and bit are bits; bps, kbps, Mbps, Gbps are bits per second.",
    "Results show 3 significant figures; counts scale as k = thousand, M = million, "
    "B = billion, T = trillion.",
)
