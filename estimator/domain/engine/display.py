"""How a value is shown, kept in parts until a renderer formats it (one module for every
family): a figure is its number and the unit written after it; a result's display is its
figure (the median when ranged), its family, the 90% interval's ends and a check's verdict.
A value's family scales it (5.79k req/s, 1.83 PB/yr, 8h 45m 36s), a declaration may choose a
style (integer, percent, nines), a line its unit with `-> unit`; and the API names its unit."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .. import formatting, lexicon
from ..formatting import Figure
from ..lang.nodes import CHECK, Literal


@dataclass(frozen=True, slots=True)
class Display:
    """A result as shown: its figure (the median when ranged), its family ('size', 'rate',
    'duration', 'check', …), the 90% interval's ends when the figures tell them apart, the
    interval itself (p5, p50, p95 in canonical units), and for a check its verdict or, over
    ranges, the share of cases in which it passes."""

    figure: Figure
    family: str = ""
    low: Figure | None = None
    high: Figure | None = None
    interval: tuple[float, float, float] | None = None
    verdict: bool | None = None
    share: float | None = None

    @property
    def ends(self) -> tuple[str, str] | None:
        """The interval's ends as written after the median, a unit the three share written
        once: ('12.8k', '49.8k') beside '25.3k req/s'; ('600 TB', '2.4 PB') beside '1.2 PB'."""
        low, high = self.low, self.high
        if low is None or high is None:
            return None
        unit = self.figure.unit
        if unit and low.unit == unit and high.unit == unit and all(map(math.isfinite, self.interval or ())):
            return low.number, high.number
        return str(low), str(high)

    @property
    def text(self) -> str:
        """The display as plain text: '25.3k req/s (12.8k – 49.8k)', 'passes in 83% of cases'."""
        if self.share is not None:
            return formatting.passes(self.share)
        ends = self.ends
        return f"{self.figure} ({ends[0]} – {ends[1]})" if ends else str(self.figure)

    def __str__(self) -> str:
        return self.text


class Show:
    """How the values of one family are shown: `figure(value, binary)` gives its Figure,
    calling it the text; a duration's `rough` gives its two leading parts, for an interval."""

    __slots__ = ("figure", "family", "rough")

    def __init__(self, figure: Callable[[float, bool], Figure], family: str,
                 rough: Callable[[float, bool], Figure] | None = None):
        self.figure = figure
        self.family = family
        self.rough = rough

    def __call__(self, value: float, binary: bool = False) -> str:
        return str(self.figure(value, binary))

    def ranged(self, p5: float, p50: float, p95: float, binary: bool) -> tuple[Figure, Figure | None, Figure | None]:
        """(median, low, high) of a ranged value as shown; no ends when they read the same; a
        duration of whole seconds and more rounded to its two leading parts."""
        figure = self.figure
        median, low, high = figure(p50, binary), figure(p5, binary), figure(p95, binary)
        if str(low) == str(high):
            return median, None, None
        if self.rough is not None and all(v == 0 or 1 <= v < math.inf for v in (p5, p50, p95)):
            median, low, high = (self.rough(v, binary) for v in (p50, p5, p95))
        return median, low, high


Shower = Show  # the name importers know

# A figure built without NamedTuple's generated __new__ (a Python call per figure, ~40 a run):
# _new(Figure, (number, unit)).
_new = tuple.__new__


def _counts(unit: str) -> Callable[[float, bool], Figure]:
    """Counts scaled by thousands, followed by `unit`: 5,787 req/s → 5.79k req/s."""
    scaled, steps = formatting.scaled, formatting.COUNT_STEPS

    def figure(value: float, binary: bool) -> Figure:
        mantissa, symbol = scaled(value, 1000, steps)
        return _new(Figure, (mantissa + symbol, unit))

    return figure


def _duration(value: float, rough: bool) -> Figure:
    return formatting.duration_figure(value, rough=rough)


def _sizes(per: str) -> Callable[[float, bool], Figure]:
    """Bytes scaled by thousands (or 1,024 when binary), followed by `per`: 1.83 PB, 5 TB/day."""
    scaled, decimal, binary_bytes = formatting.scaled, formatting.DECIMAL_BYTES, formatting.BINARY_BYTES

    def figure(value: float, binary: bool) -> Figure:
        mantissa, symbol = scaled(value, 1024, binary_bytes) if binary else scaled(value, 1000, decimal)
        return _new(Figure, (mantissa, f" {symbol}{per}"))

    return figure


def _period(per: str) -> str:
    """The symbol written after a total over a period: 'day' → '/day'."""
    return f"/{lexicon.PERIOD_SYMBOLS.get(lexicon.PERIODS.get(per, ''), per)}" if per else ""


@lru_cache(maxsize=512)
def shower(dims, *, style: str = "", per: str = "") -> Show:
    """How a value of `dims` is shown: scaled within its family (5.79k req/s, 1.83 PB/yr,
    8h 45m 36s), or as the declaration's `style` says."""
    suffix = _period(per)
    if dims is CHECK or style == "check":
        return Show(lambda v, binary: _new(Figure, ("yes" if v else "no", "")), "check")
    if style == "integer":
        return Show(lambda v, binary: _new(Figure, (formatting.integer(int(v)) if math.isfinite(v) else "∞", "")),
                    "integer")
    if style == "percent":
        return Show(lambda v, binary: _new(Figure, (formatting.availability_figure(v), "%")), "percent")
    if style == "share":  # a load or a share of capacity: three figures (69.4%, 1.41%)
        return Show(lambda v, binary: _new(Figure, (formatting.figure3(v * 100), "%")), "share")
    if style == "nines":
        return Show(lambda v, binary: _new(Figure, (formatting.nines(v), "")), "nines")
    kind = lexicon.family(dims)
    if kind == "size":
        return Show(_sizes(suffix), kind)
    if kind == "bandwidth":
        if per:  # a rate declared per a period shows the bytes of that period: 5 TB/day, 1.83 PB/yr
            seconds, sizes = lexicon.to_canonical(lexicon.PERIODS.get(per, per)), _sizes(suffix)
            return Show(lambda v, binary: sizes(v * seconds, binary), kind)
        return Show(_sizes("/s"), kind)
    if kind == "rate":
        return Show(_counts(" req/s"), kind)
    if kind == "requests":
        return Show(_counts(" req" + suffix), kind)
    if kind == "users":
        return Show(_counts(" users"), kind)
    if kind == "duration":
        return Show(lambda v, binary: _duration(v, False), kind, rough=lambda v, binary: _duration(v, True))
    if kind == "money":
        return Show(lambda v, binary: _new(Figure, (formatting.money(v), "")), kind)
    if kind == "money_rate":
        month = lexicon.to_canonical("month")
        return Show(lambda v, binary: _new(Figure, (formatting.money(v * month), "/month")), kind)
    if kind == "number":
        plain = formatting.plain
        return Show(lambda v, binary: _new(Figure, (plain(v) if math.isfinite(v) else "∞", "")), kind)
    if dims == _PER_USER_RATE:
        day = lexicon.to_canonical("day")
        per_day = _counts(" req/user/day")
        return Show(lambda v, binary: per_day(v * day, binary), "per_user_rate")
    if dims in _PRICES:  # prices read as they are quoted: $0.02/GB/month, $0.05/GB, $0.4/1M req
        scale, unit = _PRICES[dims]
        return Show(lambda v, binary: _new(Figure, (f"${formatting.sig3(v * scale)}", unit)) if math.isfinite(v)
                    else _new(Figure, (f"undefined{unit}", "")), "price")
    if dims.get("[request]", 0) == -1:  # per request: 5 KB/req, 20 ms/req
        whole = shower(dims * lexicon.dimensionality("request")).figure
        return Show(lambda v, binary: whole(v, binary).per("/req"), "per_request")
    return Show(_counts(" " + lexicon.canonical(dims)), kind)


_PER_USER_RATE = lexicon.dimensionality("request/user/second")
_PRICES = {
    lexicon.dimensionality("USD/byte/second"): (lexicon.to_canonical("month") * 1e9, "/GB/month"),
    lexicon.dimensionality("USD/byte"): (1e9, "/GB"),
    lexicon.dimensionality("USD/request"): (1e6, "/1M req"),
    lexicon.dimensionality("USD/user/second"): (lexicon.to_canonical("month"), "/user/month"),
}


@lru_cache(maxsize=512)
def converted(unit: Literal, unit_text: str) -> Show:
    """A value shown in the unit a line chose with `-> unit`."""
    per_one = unit.value
    if unit.percent:
        return Show(lambda v, binary: _new(Figure, (formatting.figure3(v * 100), "%")), "converted")
    written = " " + unit_text
    if all(symbol in ("req", "users", "req/s") for symbol in unit.numerator):  # counts scale: 300M req/day
        count = _counts(written)
        return Show(lambda v, binary: count(v / per_one, binary), "converted")
    return Show(lambda v, binary: _new(Figure, (formatting.figure3(v / per_one), written)), "converted")


def api_unit(dims) -> tuple[str, float]:
    """(unit the API names a line's value in, what the canonical value is divided by)."""
    if dims is CHECK:
        return "", 1.0
    if lexicon.family(dims) == "money_rate":
        return "USD/month", lexicon.to_canonical("month")
    return lexicon.canonical(dims), 1.0
