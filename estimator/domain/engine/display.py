"""How a value is shown: a family's scale (5.79k req/s, 1.83 PB/yr, 8h 45m 36s), a style a
declaration chose, or the unit a line chose with `-> unit`; and the unit the API names it in."""

from __future__ import annotations

import math
from collections.abc import Callable

from .. import expressions, formatting, lexicon
from ..expressions import CHECK

Shower = Callable[[float, bool], str]


def shower(dims, *, style: str = "", per: str = "") -> Shower:
    """How a value of `dims` is shown: scaled within its family (5.79k req/s, 1.83 PB/yr,
    8h 45m 36s), or as the declaration's `style` says."""
    suffix = f"/{lexicon.PERIOD_SYMBOLS.get(lexicon.PERIODS.get(per, ''), per)}" if per else ""
    if dims is CHECK or style == "check":
        return lambda v, binary: "yes" if v else "no"
    if style == "integer":
        return lambda v, binary: formatting.integer(int(v)) if math.isfinite(v) else "∞"
    if style == "percent":
        return lambda v, binary: formatting.availability(v)
    if style == "nines":
        return lambda v, binary: formatting.nines(v)
    kind = lexicon.family(dims)
    if kind == "size":
        return lambda v, binary: formatting.size(v, binary=binary, per=suffix)
    if kind == "bandwidth":
        return lambda v, binary: formatting.size(v, binary=binary, per="/s")
    if kind == "rate":
        return lambda v, binary: formatting.count(v, "req/s")
    if kind == "requests":
        return lambda v, binary: formatting.count(v, "req") + suffix
    if kind == "users":
        return lambda v, binary: formatting.count(v, "users")
    if kind == "duration":
        return lambda v, binary: formatting.duration(v)
    if kind == "money":
        return lambda v, binary: formatting.money(v)
    if kind == "money_rate":
        month = lexicon.to_canonical("month")
        return lambda v, binary: formatting.money(v * month) + "/month"
    if kind == "number":
        return lambda v, binary: formatting.count(v) if math.isfinite(v) else "∞"
    if dims == _PER_USER_RATE:
        day = lexicon.to_canonical("day")
        return lambda v, binary: formatting.count(v * day, "req/user/day")
    if dims in _PRICES:  # prices read as they are quoted: $0.02/GB/month, $0.05/GB, $0.4/1M req
        scale, unit = _PRICES[dims]
        return lambda v, binary: f"${formatting.sig3(v * scale)}{unit}" if math.isfinite(v) else f"undefined{unit}"
    if dims.get("[request]", 0) == -1:  # per request: 5 KB/req, 20 ms/req
        whole = shower(dims * lexicon.dimensionality("request"))
        return lambda v, binary: whole(v, binary) + "/req"
    unit = lexicon.canonical(dims)
    return lambda v, binary: formatting.count(v, unit)


_PER_USER_RATE = lexicon.dimensionality("request/user/second")
_PRICES = {
    lexicon.dimensionality("USD/byte/second"): (lexicon.to_canonical("month") * 1e9, "/GB/month"),
    lexicon.dimensionality("USD/byte"): (1e9, "/GB"),
    lexicon.dimensionality("USD/request"): (1e6, "/1M req"),
    lexicon.dimensionality("USD/user/second"): (lexicon.to_canonical("month"), "/user/month"),
}


def converted(unit: expressions.Literal, unit_text: str) -> Shower:
    """A value shown in the unit a line chose with `-> unit`."""
    per_one = unit.value
    if unit.percent:
        return lambda v, binary: formatting.figure3(v * 100) + "%"
    if all(symbol in ("req", "users", "req/s") for symbol in unit.numerator):  # counts scale: 300M req/day
        return lambda v, binary: f"{formatting.count(v / per_one)} {unit_text}"
    return lambda v, binary: f"{formatting.figure3(v / per_one)} {unit_text}"


def api_unit(dims) -> tuple[str, float]:
    """(unit the API names a line's value in, what the canonical value is divided by)."""
    if dims is CHECK:
        return "", 1.0
    if lexicon.family(dims) == "money_rate":
        return "USD/month", lexicon.to_canonical("month")
    return lexicon.canonical(dims), 1.0
