"""Quantities as the parser reads them: a number and its unit phrase become a Literal (its value
in canonical units, its dimensions, the text the work shows), two of them a Range the right
way round; and the refusals that need a quantity's words (an unknown unit, a range that is
not an estimate), each with its "did you mean".
"""

from __future__ import annotations

from functools import lru_cache

from .. import formatting, lexicon
from ..formatting import Figure
from ..lexicon import DIMENSIONLESS, Dims
from .errors import ExpressionError, UnknownUnit
from .limits import MAX_RANGE_RATIO
from .nodes import Literal, Range


def negated(end: Literal) -> Literal:
    figure = Figure("−" + end.figure.number, end.figure.unit)
    return Literal(-end.value, end.dims, figure, end.column, -end.number, end.numerator, end.denominator,
                   end.percent, end.scale)


def ranged(low: Literal, high: Literal, column: int, to_column: int) -> Range:
    """A range from two ends, the right way round, or ExpressionError for one that is not an
    estimate: ends of two dimensions, equal ends, or positive ends a million-fold apart."""
    if low.dims != high.dims:
        raise ExpressionError(f"the two ends of a range must be of one kind: {low.text} is "
                              f"{lexicon.describe(low.dims)}, {high.text} is {lexicon.describe(high.dims)}", to_column)
    if low.value > high.value:
        scale = low.scale
        if scale and not high.scale and high.value * lexicon.COUNT_SCALES.get(scale, 1) > low.value:
            raise ExpressionError(f"{low.text} to {high.text} runs from high to low; did you mean {low.text} to "
                                  f"{_scaled(high, scale)}?", to_column)  # 50M to 200: a scale left out
        low, high = high, low  # 200M to 50M is read the right way round
    if low.value == high.value:
        raise ExpressionError(f"the two ends of the range are equal ({low.text}); write {low.text} alone, "
                              f"or two different ends", to_column)
    if low.value > 0 and high.value / low.value > MAX_RANGE_RATIO:
        scale = high.scale
        scaled = low.value * lexicon.COUNT_SCALES.get(scale, 1)
        hint = (f"; did you mean {_scaled(low, scale)} to {high.text}?" if scale and not low.scale
                and scaled < high.value <= scaled * MAX_RANGE_RATIO and _scaled(low, scale) != high.text else "")
        ratio = high.value / low.value
        shown = f"{ratio:,.0f}" if ratio < 1e12 else f"{ratio:.3g}"
        raise ExpressionError(f"{low.text} to {high.text} spans a factor of {shown}; "
                              f"a range may span at most a factor of {formatting.compact(MAX_RANGE_RATIO)}{hint}",
                              to_column)
    return Range(low, high, formatting.span(low.figure, high.figure), column)


def _scaled(end: Literal, scale: str) -> str:
    """An end as it reads with a count scale after its number: 200 users, M → '200M users'."""
    return f"{end.figure.number}{scale}{end.figure.unit}"


def nines(nines: float, column: int) -> Literal:
    value = 1 - 10.0 ** -nines
    return Literal(value, DIMENSIONLESS, formatting.percent_figure(value), column, value, percent=True)


@lru_cache(maxsize=1024)
def unit_phrase(numerator: tuple, denominator: tuple) -> tuple[float, Dims]:
    """(factor to canonical units, dimensionality) of a unit phrase such as KB/req or
    req/user/day: pint's arithmetic once per phrase, not once per number typed."""
    factor = 1.0
    dims = DIMENSIONLESS
    for unit in numerator:
        factor *= unit.factor
        dims = dims * unit.dims
    for unit in denominator:
        factor /= unit.factor
        dims = dims / unit.dims
    return factor, dims


def literal(number: float, numerator: list, denominator: list, column: int) -> Literal:
    factor, dims = unit_phrase(tuple(numerator), tuple(denominator))
    value = number * factor
    counted = all(u.kind in ("request", "user", "rate", "money") for u in numerator)
    if not numerator and not denominator:  # a plain number: 4,096, not 4.096k
        shown, scale = formatting.written_parts(number)
    elif counted:
        shown, scale = formatting.compact_parts(number)
    else:
        shown, scale = formatting.number(number), ""
    top = [u.symbol for u in numerator if u.kind != "money"]
    if top and numerator[0].kind == "time" and not denominator and number != 1:
        top = [lexicon.PLURAL.get(top[0], top[0])]
    bottom = ["user" if u.kind == "user" else lexicon.PERIOD_SYMBOLS.get(_period_name(u), u.symbol)
              for u in denominator]
    unit = ""
    if top:
        unit += " " + " ".join(top)
    if bottom:
        unit += "/" + "/".join(bottom)
    if numerator and numerator[0].kind == "money":
        shown = "$" + shown
    return Literal(value, dims, Figure(shown, unit), column, number, tuple(top), tuple(bottom), scale=scale)


def _period_name(unit: lexicon.Unit) -> str:
    return unit.name if unit.kind == "time" else ""


def unknown_unit(number: str, word: str, column: int) -> UnknownUnit:
    shown = f"{number} {word}"
    if len(word) == 2 and word[1] == "b" and word[0] in "kKmMgGtTpPeE":
        prefix = word[0].upper()
        bits = {"K": "kilobits", "M": "megabits", "G": "gigabits", "T": "terabits", "P": "petabits", "E": "exabits"}
        return UnknownUnit(f"'{shown}' is {bits[prefix]}; did you mean {number} {prefix}B? "
                           f"(write {word[0].lower() if prefix == 'K' else prefix}bit for bits)",
                           column, number=number, word=word, suggestion=f"{number} {prefix}B")
    folded = {key.lower(): key for key in sorted(lexicon.SIZES, key=lambda k: k.endswith("B")) if len(key) <= 3}
    if word.lower() in folded:
        suggestion = f"{number} {folded[word.lower()]}"
        return UnknownUnit(f"'{word}' is not a unit; did you mean {suggestion}?", column, number=number, word=word,
                           suggestion=suggestion)
    what = lexicon.FOREIGN.get(word)
    if word in ("m", "M"):
        suggestion = f"{number} min or {number} months"
        return UnknownUnit(f"'{shown}' is ambiguous; did you mean {suggestion}?", column, number=number, word=word,
                           suggestion=suggestion)
    if what:
        return UnknownUnit(f"'{shown}' is {what}, which no estimate measures", column, number=number, word=word)
    if word.lower() in ("b", "bn") or word.lower() in ("billion", "thousand", "million", "trillion"):
        return UnknownUnit(f"'{word}' is not a unit here", column, number=number, word=word)
    return UnknownUnit(f"'{word}' is not a unit (B, KB, GB, ms, s, days, years, req, users, %, k, M, bn, …)",
                       column, number=number, word=word)
