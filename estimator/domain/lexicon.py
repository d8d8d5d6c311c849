"""The words of the formula language: scales, units and nouns, each looked up in a table of
our own. pint computes each unit's conversion factor and dimensionality once (from our unit
names, never from request text); everything after that is a dictionary look-up.

A unit word means the same in a field and in a line (`500 KB`, `2 req/user/day`, `10 Gbps`,
`$0.02/GB/month`); only `B` directly after a number differs: a count field reads `100B` as
100 billion, everywhere else it is 100 bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pint.util import UnitsContainer

from .units import Q, ureg

Dims = UnitsContainer
DIMENSIONLESS = UnitsContainer()

SCALES = {
    "k": 1e3, "K": 1e3, "thousand": 1e3,
    "M": 1e6, "million": 1e6, "mn": 1e6,
    "bn": 1e9, "billion": 1e9,
    "T": 1e12, "trillion": 1e12, "tn": 1e12,
}
COUNT_SCALES = {**SCALES, "B": 1e9}  # on count fields only: 3B users is 3 billion

PERIODS = {  # accepted spelling → unit name in units.txt
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "second"),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), "minute"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "hour"),
    **dict.fromkeys(("d", "day", "days"), "day"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "week"),
    **dict.fromkeys(("mo", "mos", "month", "months"), "month"),
    **dict.fromkeys(("qtr", "quarter", "quarters"), "quarter"),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), "year"),
}
SUBSECOND = {
    **dict.fromkeys(("ns", "nanosecond", "nanoseconds"), "nanosecond"),
    **dict.fromkeys(("µs", "us", "microsecond", "microseconds"), "microsecond"),
    **dict.fromkeys(("ms", "millisecond", "milliseconds", "msec"), "millisecond"),
}
DURATIONS = {**PERIODS, **SUBSECOND}
DURATION_SYMBOLS = {
    "nanosecond": "ns", "microsecond": "µs", "millisecond": "ms", "second": "s",
    "minute": "min", "hour": "h", "day": "day", "week": "week", "month": "month",
    "quarter": "quarter", "year": "year",
}
# Periods written after a number read best in the plural: "5 years", "90 days".
PLURAL = {"day": "days", "week": "weeks", "month": "months", "quarter": "quarters", "year": "years"}
PERIOD_SYMBOLS = {"second": "s", "minute": "min", "hour": "hour", "day": "day", "week": "week",
                  "month": "month", "quarter": "quarter", "year": "yr"}

_BYTE_PREFIXES = {"K": "kilo", "k": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "E": "exa"}
_BINARY_PREFIXES = {"Ki": "kibi", "Mi": "mebi", "Gi": "gibi", "Ti": "tebi", "Pi": "pebi", "Ei": "exbi"}
SIZES: dict[str, tuple[str, str]] = {  # accepted spelling → (unit name, symbol shown)
    **dict.fromkeys(("B", "byte", "bytes"), ("byte", "B")),
    **dict.fromkeys(("b", "bit", "bits"), ("bit", "bit")),
}
for _p, _name in _BYTE_PREFIXES.items():
    _symbol = ("K" if _p == "k" else _p) + "B"
    SIZES[_p + "B"] = (_name + "byte", _symbol)
    SIZES[_name + "byte"] = SIZES[_name + "bytes"] = (_name + "byte", _symbol)
    SIZES[_p + "bit"] = SIZES[_name + "bit"] = SIZES[_name + "bits"] = (_name + "bit", _p + "bit")
for _p, _name in _BINARY_PREFIXES.items():
    SIZES[_p + "B"] = SIZES[_name + "byte"] = SIZES[_name + "bytes"] = (_name + "byte", _p + "B")
    SIZES[_p + "b"] = SIZES[_p + "bit"] = (_name + "bit", _p + "bit")

BANDWIDTHS = {"bps": ("bit/second", "bps"), "kbps": ("kilobit/second", "kbps"), "Kbps": ("kilobit/second", "kbps"),
              "Mbps": ("megabit/second", "Mbps"), "Gbps": ("gigabit/second", "Gbps"),
              "Tbps": ("terabit/second", "Tbps")}

REQUEST_NOUNS = frozenset(
    "req reqs request requests read reads write writes op ops operation operations query queries "
    "call calls hit hits upload uploads download downloads redirect redirects transaction "
    "transactions message messages event events view views post posts photo photos tweet tweets "
    "click clicks order orders lookup lookups visit visits search searches".split()
)
USER_NOUNS = frozenset(("user", "users", "dau", "DAU", "people"))
PER_SECOND_UNITS = frozenset(("rps", "qps", "tps"))  # requests, queries, transactions per second
MONEY = frozenset(("USD", "usd", "dollar", "dollars"))
PLAIN_NOUNS = frozenset(("x", "times", "copies", "copy", "replicas", "replica"))  # a plain number
PERCENT = frozenset(("percent", "pct"))
NINES = frozenset(("nines", "nine"))
PER_WORDS = frozenset(("per", "a", "an", "each", "every"))
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

# Units of other dimensions that people type by mistake, to say what they are.
FOREIGN = {
    **dict.fromkeys(("m", "km", "cm", "mm", "ft", "in", "mi"), "a length"),
    **dict.fromkeys(("g", "kg", "lb"), "a mass"),
}

# Unit words that may stand alone as a name in an expression (`x / day`, `5 GB / req`).
STANDALONE = frozenset(
    [w for w in SIZES if w not in ("b",)] + [w for w in DURATIONS if w not in ("d", "w", "y", "h")]
    + ["req", "user", "users", "USD"] + list(BANDWIDTHS)
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit word: the unit name pint knows it by, how the work shows it, and its kind."""

    name: str  # a unit expression in units.txt's names, e.g. "kilobyte", "request/second"
    symbol: str  # as shown: "KB", "req/s", "users", "ms"
    kind: str  # size, time, request, user, money, bandwidth, rate, plain

    @property
    def factor(self) -> float:
        return to_canonical(self.name)

    @property
    def dims(self) -> Dims:
        return dimensionality(self.name)


def unit_of(word: str, *, after_number: bool) -> Unit | None:
    """The unit a word names, or None. Nouns (reads, users, copies) count as units only right
    after a number: standing alone, `dau` is the input, not a user."""
    if word in SIZES:
        name, symbol = SIZES[word]
        return Unit(name, symbol, "size")
    key = word if word in DURATIONS else word.lower() if word.lower() in DURATIONS and len(word) > 2 else None
    if key is not None:
        name = DURATIONS[key]
        return Unit(name, DURATION_SYMBOLS[name], "time")
    if word in BANDWIDTHS:
        name, symbol = BANDWIDTHS[word]
        return Unit(name, symbol, "bandwidth")
    if word in MONEY:
        return Unit("USD", "$", "money")
    if word in ("req", "request", "requests") or (after_number and word.lower() in REQUEST_NOUNS):
        return Unit("request", "req", "request")
    if word in ("user", "users") or (after_number and word in USER_NOUNS):
        return Unit("user", "users", "user")
    if after_number and word.lower() in PER_SECOND_UNITS:
        return Unit("request/second", "req/s", "rate")
    return None


def period_of(word: str) -> Unit | None:
    """A unit that may follow `per` or `/`: a period, a size, a request or a user."""
    unit = unit_of(word, after_number=True)
    if unit is None or unit.kind in ("rate", "bandwidth", "money"):
        return None
    return unit


BASE = (("[information]", "byte", "B"), ("[time]", "second", "s"), ("[request]", "request", "req"),
        ("[user]", "user", "user"), ("[money]", "USD", "USD"))


@lru_cache(maxsize=None)
def dimensionality(unit: str) -> Dims:
    """The dimensionality of one of our unit expressions (pint, once per unit)."""
    return ureg.get_dimensionality(unit) if unit else DIMENSIONLESS


@lru_cache(maxsize=None)
def canonical(dims: Dims) -> str:
    """The canonical unit of a dimensionality, from B, s, req, user and USD: 'B/s', 'req/user/s'."""
    numerator, denominator = [], []
    for dimension, _, symbol in BASE:
        power = dims.get(dimension, 0)
        if power:
            shown = symbol if abs(power) == 1 else f"{symbol}^{abs(int(power))}"
            (numerator if power > 0 else denominator).append(shown)
    text = "·".join(numerator)
    if denominator:
        text = (text or "1") + "/" + "/".join(denominator)
    return text


@lru_cache(maxsize=None)
def _pint_canonical(dims: Dims) -> str:
    parts = []
    for dimension, name, _ in BASE:
        power = dims.get(dimension, 0)
        if power:
            parts.append(f"{name}**{int(power)}")
    return " * ".join(parts) or ""


@lru_cache(maxsize=None)
def to_canonical(unit: str) -> float:
    """How many canonical units (B, s, req, user, USD and their products) one `unit` is."""
    if not unit:
        return 1.0
    dims = dimensionality(unit)
    target = _pint_canonical(dims)
    quantity = Q(1.0, unit)
    return float(quantity.to(target).magnitude) if target else float(quantity.to("").magnitude)


def family(dims: Dims) -> str:
    """How a value of these dimensions is shown: size, bandwidth, rate, requests, users,
    duration, money, money_rate, number, or other."""
    return _FAMILIES.get(dims, "other")


_FAMILIES = {
    dimensionality("byte"): "size",
    dimensionality("byte/second"): "bandwidth",
    dimensionality("request/second"): "rate",
    dimensionality("request"): "requests",
    dimensionality("user"): "users",
    dimensionality("second"): "duration",
    dimensionality("USD"): "money",
    dimensionality("USD/second"): "money_rate",
    DIMENSIONLESS: "number",
}

KIND_NAMES = {
    "size": "a size", "bandwidth": "a bandwidth", "rate": "a rate of requests", "requests": "a number of requests",
    "users": "a number of users", "duration": "a duration", "money": "an amount of money",
    "money_rate": "money per period", "number": "a plain number",
}


def describe(dims: Dims) -> str:
    """Dimensions for a message: 'a size (B)', 'a plain number', 'B·req/s'."""
    kind = KIND_NAMES.get(family(dims))
    unit = canonical(dims)
    if kind and unit:
        return f"{kind} ({unit})"
    return kind or unit
