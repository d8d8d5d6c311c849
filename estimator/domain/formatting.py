"""Numbers for people: 3 significant figures, scaled within a unit family.

Display conventions (README, Results and Conventions): 5,787 req/s → "5.79k req/s";
1.825e15 B → "1.83 PB"; 31,536 s → "8h 45m 36s".
"""

from __future__ import annotations

import math
from typing import NamedTuple

from . import lexicon

COUNT_STEPS = ("", "k", "M", "bn", "T")  # bn, not B: in a formula B after a number is a byte
DECIMAL_BYTES = ("B", "KB", "MB", "GB", "TB", "PB", "EB")
BINARY_BYTES = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")
HALF_UP = 1 + 1e-12  # nudges a half that binary floating point stored a hair low


class Figure(NamedTuple):
    """A value as shown, in the two parts a renderer may set apart: its number ('25.3k',
    '$4.5M', '15', '8h 45m 36s') and the unit written after it (' req/s', '/month', 'h');
    the unit is empty where the figure has none another could share (a plain count, a
    duration of several parts, 'forever')."""

    number: str
    unit: str = ""

    def __str__(self) -> str:
        return self.number + self.unit

    def per(self, suffix: str) -> Figure:
        """The figure of a value per something: 5 KB → 5 KB/req."""
        return Figure(self.number, self.unit + suffix)


def sig3(x: float) -> str:
    """`x` to 3 significant figures, trailing zeros dropped: 5.787 → '5.79', 100.4 → '100'."""
    if x == 0:
        return "0"
    # Round half up as people do (1.825 → 1.83), not as binary floats fall (1.8249999…).
    text = f"{x * HALF_UP:.3g}"
    if "e" not in text:  # already as it is shown: 3 significant figures or fewer, no zeros trailing
        return text
    rounded = float(text)
    if rounded.is_integer() and abs(rounded) < 1e15:
        return f"{int(rounded)}"
    return f"{rounded:g}"


def scaled(x: float, base: float, symbols: tuple[str, ...]) -> tuple[str, str]:
    """(mantissa to 3 significant figures, symbol) with the mantissa below 1,000; past the
    largest symbol, the figure itself in powers of ten with the first symbol.

    The step is taken on the rounded mantissa, so 999.7 reads '1k', not '1e+03'.
    """
    magnitude = abs(x)
    step = 0
    last = len(symbols) - 1
    while magnitude * HALF_UP >= 999.5 and step < last:  # 999.5 is the least that rounds to 1,000
        magnitude /= base
        step += 1
    if magnitude * HALF_UP >= 999.5:  # past the largest symbol: the whole figure in powers of ten
        return sig3(x), symbols[0]  # 2^64 → '1.84e+19', not '18400000T'; 1e21 B → '1e+21 B', not '1000 EB'
    text = sig3(magnitude)
    if x < 0:
        text = "-" + text
    return text, symbols[step]


def count(x: float, unit: str = "") -> str:
    """A count or a rate of counts: 5787.04 → '5.79k' (+ ' ' + unit)."""
    mantissa, symbol = scaled(x, 1000, COUNT_STEPS)
    return f"{mantissa}{symbol} {unit}".rstrip()


def count_figure(x: float, unit: str = "") -> Figure:
    """A count in parts: 5787.04, 'req/s' → ('5.79k', ' req/s'); no unit → ('5.79k', '')."""
    mantissa, symbol = scaled(x, 1000, COUNT_STEPS)
    return Figure(mantissa + symbol, f" {unit}" if unit else "")


def size(x: float, *, binary: bool = False, per: str = "") -> str:
    """Bytes: 1.825e15 → '1.83 PB'; binary=True → '1.62 PiB'; per='/s' → '1.16 GB/s'."""
    mantissa, symbol = scaled(x, 1024, BINARY_BYTES) if binary else scaled(x, 1000, DECIMAL_BYTES)
    return f"{mantissa} {symbol}{per}"


def size_figure(x: float, *, binary: bool = False, per: str = "") -> Figure:
    """Bytes in parts: 1.825e15 → ('1.83', ' PB')."""
    mantissa, symbol = scaled(x, 1024, BINARY_BYTES) if binary else scaled(x, 1000, DECIMAL_BYTES)
    return Figure(mantissa, f" {symbol}{per}")


# A duration's parts, from the one table of units (a year is 365 days): in hundredths of a second.
_UNITS = tuple((symbol, round(lexicon.to_canonical(unit) * 100))
               for symbol, unit in (("y", "year"), ("d", "day"), ("h", "hour"), ("m", "minute")))
# A duration's hundredths of a second are whole in a float only up to 2^53 (~2.9M years): past
# it, a duration shows its years to 3 figures (1e30 s is 3.17e+22y, not 31,709,791,983,764,588,205,911y
# 147d 13h 5m 34.72s, whose last 7 digits and every smaller part are the float's noise).
_EXACT_HUNDREDTHS = 2 ** 53


def duration(seconds: float, *, rough: bool = False) -> str:
    """A duration broken into y d h m s (seconds to 2 decimals), or ms/µs below a second;
    `rough`: rounded to its two leading parts ('3d 1h', not '3d 1h 1m 26.98s').

    31,536 → '8h 45m 36s'; 3,153.6 → '52m 33.6s'; 0.0864 → '86.4 ms'. A year is 365 days.
    """
    return " ".join(map("".join, duration_parts(seconds, rough=rough)))


def duration_figure(seconds: float, *, rough: bool = False) -> Figure:
    """A duration in parts: 0.0864 → ('86.4', ' ms'), 36 → ('36', 's'); a duration of several
    parts has no unit another could share: 31,536 → ('8h 45m 36s', '')."""
    parts = duration_parts(seconds, rough=rough)
    if len(parts) == 1:
        return Figure(*parts[0])
    return Figure(" ".join(map("".join, parts)))


def duration_parts(seconds: float, *, rough: bool = False) -> list[tuple[str, str]]:
    """A duration as (figure, unit) parts: 31,536 → [('8', 'h'), ('45', 'm'), ('36', 's')];
    0.0864 → [('86.4', ' ms')]; 0 → [('0', 's')]; ∞ → [('forever', '')]."""
    if seconds == 0:
        return [("0", "s")]
    if math.isinf(seconds):
        return [("forever", "")]
    if seconds < 1e-3:
        return [(sig3(seconds * 1e6), " µs")]
    if seconds < 1:
        return [(sig3(seconds * 1e3), " ms")]
    if seconds * 100 >= _EXACT_HUNDREDTHS:  # 2.9M years and more: the float's days, hours... are noise
        years = sig3(seconds * 100 / _UNITS[0][1])
        return [(years if "e" in years else f"{int(years):,}", "y")]
    hundredths = round(seconds * 100)
    if rough and hundredths >= 6000:
        sizes = [size for _, size in _UNITS] + [100]
        leading = next(i for i, size in enumerate(sizes) if hundredths >= size)
        step = sizes[leading + 1]
        hundredths = round(hundredths / step) * step
    parts = []
    for symbol, size_in_hundredths in _UNITS:
        whole, hundredths = divmod(hundredths, size_in_hundredths)
        if whole:
            parts.append((f"{whole:,}", symbol))
    if hundredths:
        secs = hundredths / 100
        parts.append((f"{int(secs)}" if secs.is_integer() else f"{secs:g}", "s"))
    return parts


def number(x: float) -> str:
    """A plain figure for work lines: up to 6 significant figures, thousands grouped.

    86400 → '86,400'; 0.1 → '0.1'; 5787.037 → '5,787.04'.
    """
    if x == 0:
        return "0"
    if not math.isfinite(x):
        return str(x)
    if abs(x) >= 1e15 or abs(x) < 1e-4:
        return f"{x:.6g}"
    rounded = float(f"{x:.6g}")
    if rounded.is_integer():
        return f"{int(rounded):,}"
    if abs(rounded) >= 1e5:
        return f"{rounded:,.0f}"
    return f"{rounded:,.6g}"


EXACT_BELOW = 1_000_000  # a whole number below a million shows exactly: 4,096, not 4.1k


def exact(x: float) -> str | None:
    """A whole number below EXACT_BELOW, thousands grouped ('4,096', '-1,024'), else None."""
    if abs(x) < EXACT_BELOW and float(x).is_integer():
        return f"{int(x):,}"
    return None


def plain(x: float) -> str:
    """A plain number as a result shows it: exactly when whole and below a million (4,096),
    else to 3 significant figures, scaled (5.79k, 1.5M)."""
    text = exact(x)
    if text is not None:
        return text
    mantissa, symbol = scaled(x, 1000, COUNT_STEPS)
    return mantissa + symbol


def written(x: float) -> str:
    """A plain number (no unit) as the work writes it: exactly when whole and below a
    million (4096 → '4,096'), else as `compact` writes a count (1.5e6 → '1.5M')."""
    text = exact(x)
    return text if text is not None else compact(x)


def written_parts(x: float) -> tuple[str, str]:
    """`written` in parts: (the figure, the count scale it ends with): 1.5e6 → ('1.5M', 'M')."""
    text = exact(x)
    return (text, "") if text is not None else compact_parts(x)


def compact(x: float) -> str:
    """A count as people write it, exactly (up to 6 significant figures): 1e8 → '100M',
    1500 → '1.5k', 12345 → '12.345k', 0.1 → '0.1'."""
    return compact_parts(x)[0]


def compact_parts(x: float) -> tuple[str, str]:
    """`compact` in parts: (the figure, the count scale it ends with): 1e8 → ('100M', 'M'),
    0.1 → ('0.1', '')."""
    magnitude = abs(x)
    step = 0
    while magnitude >= 1000 and step < len(COUNT_STEPS) - 1:
        magnitude /= 1000
        step += 1
    text = f"{magnitude:.6g}"
    if "e" in text:
        return number(x), ""
    return ("-" if x < 0 else "") + text + COUNT_STEPS[step], COUNT_STEPS[step]


EXACT_INTEGERS = 10**15  # below it a float's whole number is exact to the unit (floats hold every integer to 2^53)


def integer(n: int) -> str:
    """A whole number of things, thousands grouped: 1234 → '1,234'; from 10^15 on, where a
    count computed in floats no longer holds its last digits, to 3 significant figures:
    ⌈2e29 ÷ 700⌉ → '2.86e+26', not the float's '285,714,285,714,285,718,082,158,592' (whose
    last 12 digits are not the count's)."""
    return f"{n:,}" if abs(n) < EXACT_INTEGERS else sig3(float(n))


def percent(fraction: float) -> str:
    """A fraction as a percentage with the digits it needs: 0.9999 → '99.99%'."""
    return f"{fraction * 100:.10g}%"


def percent_figure(fraction: float) -> Figure:
    """A percentage in parts: 0.9999 → ('99.99', '%')."""
    return Figure(f"{fraction * 100:.10g}", "%")


def availability(fraction: float) -> str:
    """An availability as a percentage: exact when it has a short decimal form
    (0.99940005 → '99.940005%', 0.998001 → '99.8001%'), else with the digits that show its
    unavailability to 4 significant figures (1 − 1/720 → '99.8611%')."""
    return availability_figure(fraction) + "%"


def availability_figure(fraction: float) -> str:
    """An availability's percentage without its sign: 0.999 → '99.9'."""
    unavailable = (1 - fraction) * 100
    if unavailable <= 0:
        return "100"
    exact = f"{fraction * 100:.12g}"
    if len(exact.replace(".", "")) < 12:
        return exact
    decimals = max(0, 3 - math.floor(math.log10(unavailable)))
    return f"{fraction * 100:.{decimals}f}".rstrip("0").rstrip(".")


def figure3(x: float) -> str:
    """3 significant figures with thousands grouped, no scaling: 1825.3 → '1,830'."""
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞" if x < 0 else "undefined"
    text = sig3(x)
    if "e" in text:
        return text
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + f"{int(whole.lstrip('-')):,}" + dot + fraction


def money(x: float) -> str:
    """Dollars: '$0.0031', '$150', '$2,592', '$45.3k', '$4.5M'."""
    if not math.isfinite(x):
        return "$∞"
    sign = "-" if x < 0 else ""
    magnitude = abs(x)
    if magnitude < 100:
        return f"{sign}${sig3(magnitude)}"
    if magnitude < 10_000:
        return f"{sign}${round(magnitude):,}"
    return sign + "$" + count(magnitude)


def nines(x: float) -> str:
    """Nines truncated to 2 decimals, never rounded up past a target: 3.99957 → '3.99',
    2.9999999999999996 (the float of −log10(1 − 0.999)) → '3'."""
    if not math.isfinite(x):
        return "∞"
    hundredths = math.floor(x * 100 + 1e-6)
    return f"{hundredths // 100}" if hundredths % 100 == 0 else f"{hundredths / 100:g}"


def span(low: Figure, high: Figure) -> str:
    """Two ends of a range, a unit they share written once: 50 ms, 200 ms → '50 to 200 ms';
    50M, 200M → '50M to 200M'; 500 KB, 2 MB → '500 KB to 2 MB'."""
    if low.unit and low.unit == high.unit:
        return f"{low.number} to {high}"
    return f"{low} to {high}"


def passes(share: float) -> str:
    """How often a check over ranges holds: 'passes in 83% of cases'."""
    if share >= 1:
        return "passes in every case"
    if share <= 0:
        return "fails in every case"
    return f"passes in {cases(share)} of cases"


def cases(share: float) -> str:
    """A share of samples as a percentage that never rounds to 0% or 100%: '83%', '99.6%'."""
    percent = share * 100
    for decimals in range(5):
        shown = f"{percent:.{decimals}f}"
        if 0 < float(shown) < 100 and (decimals or 1 <= percent <= 99):
            break
    return shown + "%"
