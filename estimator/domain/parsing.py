"""Reading what people type: the project's own small grammar for each kind of input.

The number and the unit are split here, the unit is looked up in the field's own table of
accepted units, and the value is built from a float and a unit whose conversion factor pint
computed once (units.factor). Request text never reaches pint's parser, which hangs on
`9**9**9`, recurses on deep parentheses and silently accepts junk
(shared/guides/pint-and-inputs.md). Every refusal is an InputError whose message says what
was expected, what was given, and a suggestion where one fits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from . import formatting
from .errors import InputError
from .units import DAY, factor

MAX_INPUT_LENGTH = 64  # characters: "1.5 billion requests per user per day" fits with room
MAX_DIGITS = 30  # digits in one number; more is a typo or an attack (pint's regex is quadratic)
MAX_EXPONENT = 30  # 1e30 is beyond every bound of every field

_ALLOWED = re.compile(r"[A-Za-z0-9 .,%/+\-×µ−]*")
_NUMBER = re.compile(
    r"(?P<sign>[-+−]?)\s*(?P<int>\d[\d,]*)?(?P<frac>\.\d*)?(?:[eE](?P<exp>[-+]?\d+)(?![A-Za-z]))?"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_TOKEN = re.compile(r"[A-Za-zµ×]+|%|/|\S")

SCALES = {
    "k": 1e3, "K": 1e3, "thousand": 1e3,
    "M": 1e6, "million": 1e6, "mn": 1e6,
    "B": 1e9, "bn": 1e9, "billion": 1e9,
    "T": 1e12, "trillion": 1e12, "tn": 1e12,
}

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
    "minute": "min", "hour": "h", "day": "days", "week": "weeks", "month": "months",
    "quarter": "quarters", "year": "years",
}

_BYTE_PREFIXES = {"K": "kilo", "k": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "E": "exa"}
_BINARY_PREFIXES = {"Ki": "kibi", "Mi": "mebi", "Gi": "gibi", "Ti": "tebi", "Pi": "pebi", "Ei": "exbi"}
SIZES: dict[str, tuple[str, str]] = {  # accepted spelling → (unit name, symbol shown)
    **dict.fromkeys(("B", "byte", "bytes"), ("byte", "B")),
    **dict.fromkeys(("b", "bit", "bits"), ("bit", "bit")),
}
for _p, _name in _BYTE_PREFIXES.items():
    _symbol = ("K" if _p == "k" else _p) + "B"
    SIZES[_p + "B"] = (_name + "byte", _p + "B")
    SIZES[_name + "byte"] = SIZES[_name + "bytes"] = (_name + "byte", _symbol)
    SIZES[_p + "bit"] = SIZES[_name + "bit"] = SIZES[_name + "bits"] = (_name + "bit", _p + "bit")
for _p, _name in _BINARY_PREFIXES.items():
    SIZES[_p + "B"] = SIZES[_name + "byte"] = SIZES[_name + "bytes"] = (_name + "byte", _p + "B")
    SIZES[_p + "b"] = SIZES[_p + "bit"] = (_name + "bit", _p + "bit")

# Units of other dimensions that people type by mistake, to say what they are.
FOREIGN = {
    **dict.fromkeys(("m", "km", "cm", "mm", "ft", "in", "mi"), "a length"),
    **dict.fromkeys(("g", "kg", "lb"), "a mass"),
    **dict.fromkeys(("%", "percent", "nines"), "a fraction"),
    **dict.fromkeys(("rps", "qps", "tps", "req", "reqs", "request", "requests"), "a rate of requests"),
    **dict.fromkeys(("bps", "kbps", "Kbps", "Mbps", "Gbps", "Tbps"), "a bandwidth"),
    **dict.fromkeys(DURATIONS, "a duration"),
    **dict.fromkeys(("user", "users"), "a number of users"),
}

REQUEST_NOUNS = frozenset(
    "req reqs request requests read reads write writes op ops operation operations query queries "
    "call calls hit hits upload uploads download downloads redirect redirects transaction "
    "transactions message messages event events view views post posts photo photos".split()
)
PER_SECOND_UNITS = frozenset(("rps", "qps", "tps"))  # requests, queries, transactions per second
PER = frozenset(("/", "per", "a", "an", "each", "every"))
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}


@dataclass(frozen=True, slots=True)
class Parsed:
    """One input read: its value in the field's canonical unit, and how to show the user's
    own figure in the work (`figure`, e.g. '100M users', '2 req/user/hour', '500 KB')."""

    text: str
    value: float
    unit: str
    figure: str
    complement: float | None = None  # fractions: 1 − value, computed exactly in decimal
    period: str | None = None  # rates: the period the user wrote the rate per ("day", "hour")
    detail: object = None  # kinds with structure keep it here (the workbench's system tree)


@dataclass(frozen=True, slots=True)
class _Number:
    value: float
    literal: str  # the number as a plain decimal literal, for exact arithmetic where it matters
    rest: str

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.literal)


def _refuse(name: str, text: str, expected: str, *, why: str = "", suggestion: str = "") -> InputError:
    given = f"'{text}'" if text else "nothing"
    message = f"{why}; " if why else ""
    message += f"{name} needs {expected}, got {given}"
    if suggestion:
        message += f"; did you mean {suggestion}?"
    return InputError(message)


def check_text(name: str, text: str, expected: str) -> str:
    """The text stripped and whitespace folded, or an InputError if it is too long or holds a
    character no input uses."""
    if len(text) > MAX_INPUT_LENGTH:
        raise InputError(
            f"{name} is {len(text):,} characters long; at most {MAX_INPUT_LENGTH} are accepted "
            f"({expected})"
        )
    if not _ALLOWED.fullmatch(text):
        bad = next(ch for ch in text if not _ALLOWED.fullmatch(ch))
        shown = repr(bad) if bad.isprintable() else f"U+{ord(bad):04X}"
        raise InputError(
            f"{name} cannot contain the character {shown} (position {text.index(bad) + 1}); "
            f"it needs {expected}"
        )
    return " ".join(text.replace("−", "-").split())


_PLAIN = re.compile(r"(\d{1,15}(?:\.\d{1,14})?)(?![\d.,eE])\s*")


def read_number(name: str, text: str, expected: str) -> _Number:
    """The leading number of `text` (digits, one point, thousands commas, an exponent)."""
    plain = _PLAIN.match(text)
    if plain:  # the common case, "100", "0.1", "500 KB": nothing the full grammar must judge
        literal = plain.group(1)
        return _Number(float(literal), literal, text[plain.end():])
    match = _NUMBER.match(text)
    if not match or not (match.group("int") or (match.group("frac") or "").strip(".")):
        raise _refuse(name, text, expected, why="it does not start with a number")
    whole = match.group("int") or ""
    if "," in whole and not _THOUSANDS.fullmatch(whole):
        shown = text[match.start("int"): match.end("frac") if match.group("frac") else match.end("int")]
        raise _refuse(
            name, text, expected,
            why=f"'{shown}' is not a number: use a point for decimals (1.5) and commas only "
                f"between thousands (1,500)",
        )
    frac = match.group("frac") or ""
    exponent = match.group("exp")
    if len(whole) + len(frac) > MAX_DIGITS + 10:
        raise _refuse(name, text[:20] + "…", expected, why=f"the number has more than {MAX_DIGITS} digits")
    if exponent is not None and (len(exponent.lstrip("+-")) > 3 or abs(int(exponent)) > MAX_EXPONENT):
        raise _refuse(name, text, expected, why=f"the exponent is beyond ±{MAX_EXPONENT}")
    digits = whole.replace(",", "") if whole else ""
    if len(digits.lstrip("0")) + len(frac) > MAX_DIGITS:
        raise _refuse(name, text[:20] + "…", expected, why=f"the number has more than {MAX_DIGITS} digits")
    literal = (digits or "0") + (frac if frac != "." else "") + (f"e{exponent}" if exponent else "")
    if match.group("sign") == "-":
        raise _refuse(name, text, expected, why="it is negative")
    value = float(literal)
    if not math.isfinite(value):  # unreachable with the limits above; kept as the last guard
        raise _refuse(name, text, expected, why="the number is not finite")
    return _Number(value, literal, text[match.end():].strip())


def tokens(rest: str) -> list[str]:
    return _TOKEN.findall(rest)


def _take_scale(words: list[str]) -> float:
    if words and words[0] in SCALES:
        return SCALES[words.pop(0)]
    return 1.0


class Kind:
    """How one kind of input is read. `expected` names it in messages."""

    expected = "a value"
    canonical = ""

    def clean(self, name: str, text: str, want: str) -> str:
        """The text ready to parse: length and characters checked, white space folded."""
        return check_text(name, text, want)

    def parse(self, name: str, text: str, example: str) -> Parsed:  # pragma: no cover - abstract
        raise NotImplementedError

    def want(self, example: str) -> str:
        return f"{self.expected} such as {example}"


class Count(Kind):
    """A number of things, with k/M/B/bn/T or word suffixes and optional nouns: '100M users'."""

    expected = "a count"

    def __init__(self, *, unit: str = "", nouns: tuple[str, ...] = (), noun: str = "", whole: bool = False):
        self.canonical = unit
        self.nouns = frozenset(n.lower() for n in nouns)
        self.noun = noun
        self.whole = whole

    def parse(self, name: str, text: str, example: str) -> Parsed:
        want = self.want(example)
        number = read_number(name, text, want)
        words = tokens(number.rest)
        scale = _take_scale(words)
        if words and words[0].lower() in self.nouns and len(words) == 1:
            words.pop()
        if words:
            unit = " ".join(words)
            what = FOREIGN.get(words[0]) or FOREIGN.get(unit)
            suggestion = None
            if words[0].lower() in {"b", "bn"} | {s.lower() for s in SCALES if len(s) > 2}:
                suggestion = formatting.compact(number.value * SCALES.get(words[0], 1e9))
            raise _refuse(
                name, text, want,
                why=f"'{unit}' is {what}" if what else f"'{unit}' is not a count suffix (k, M, B, bn, T)",
                suggestion=suggestion or "",
            )
        value = number.value * scale
        if self.whole and not float(value).is_integer():
            raise _refuse(name, text, want, why="it must be a whole number")
        figure = formatting.compact(value)
        return Parsed(text, value, self.canonical, f"{figure} {self.noun}".rstrip())


class Ratio(Kind):
    """A plain multiplier: '2', '2x', '2.5×', '3 times'."""

    expected = "a multiplier"

    def parse(self, name: str, text: str, example: str) -> Parsed:
        want = self.want(example)
        number = read_number(name, text, want)
        words = tokens(number.rest)
        if words and words[0].lower() in {"x", "×", "times"} and len(words) == 1:
            words = []
        if words:
            raise _refuse(name, text, want, why=f"'{' '.join(words)}' is not a multiplier (write 2 or 2x)")
        return Parsed(text, number.value, "", f"{formatting.number(number.value)}×")


class Rate(Kind):
    """Events per period: '5', '5/day', '2 per hour', '1k/s', '1M req/s', '10k qps',
    '5 reads per user per day'. A bare number is per `default_period`."""

    expected = "a rate"

    def __init__(self, *, default_period: str, per_user: bool = False):
        self.default_period = default_period
        self.per_user = per_user
        self.canonical = "req/user/day" if per_user else "req/s"
        self._canonical_period_seconds = DAY if per_user else 1.0

    def want(self, example: str) -> str:
        unit = f"per user per {self.default_period}" if self.per_user else "per second"
        return f"{self.expected} ({unit} unless you write another period) such as {example}"

    def parse(self, name: str, text: str, example: str) -> Parsed:
        want = self.want(example)
        number = read_number(name, text, want)
        words = tokens(number.rest)
        scale = _take_scale(words)
        period = None
        per_user = False
        if words and words[0].lower() in REQUEST_NOUNS:
            words.pop(0)
        if words and words[0].lower() in PER_SECOND_UNITS:
            words.pop(0)
            period = "second"
        while words:
            if words[0].lower() not in PER or len(words) < 2:
                raise self._bad_unit(name, text, want, words)
            words.pop(0)
            word = words.pop(0)
            lowered = word.lower()
            if lowered in ("user", "users", "dau") and not per_user:
                if not self.per_user:
                    raise _refuse(
                        name, text, want,
                        why=f"{name} is a total rate; a rate per user belongs in the per-user inputs",
                    )
                per_user = True
            elif word in PERIODS and period is None:
                period = PERIODS[word]
            elif lowered in PERIODS and period is None:
                period = PERIODS[lowered]
            elif word == "m":
                raise _refuse(name, text, want, why="'/m' is ambiguous", suggestion=f"{text[:-1]}min or {text[:-1]}mo")
            else:
                raise self._bad_unit(name, text, want, [word])
        period = period or self.default_period
        count = number.value * scale
        seconds = factor(period, "second")
        value = count * self._canonical_period_seconds / seconds
        per_unit = "s" if period == "second" else period
        middle = "req/user/" if self.per_user else "req/"
        return Parsed(text, value, self.canonical, f"{formatting.compact(count)} {middle}{per_unit}", period=period)

    def _bad_unit(self, name: str, text: str, want: str, words: list[str]) -> InputError:
        unit = " ".join(words)
        what = FOREIGN.get(words[0]) if words else None
        if what in (None, "a rate of requests", "a duration"):
            return _refuse(name, text, want, why=f"'{unit}' is not a rate unit (write 5/day, 2 per hour, 1k/s)")
        return _refuse(name, text, want, why=f"'{unit}' is {what}")


class Size(Kind):
    """An amount of data: '500 KB', '2 MiB', '280 B', '1.5 GB', '8 Mbit'. Decimal unless
    a binary unit is typed; a unit is required."""

    expected = "a size"
    canonical = "B"

    def parse(self, name: str, text: str, example: str) -> Parsed:
        want = self.want(example)
        number = read_number(name, text, want)
        unit = number.rest.replace(" ", "")
        if not unit:
            raise _refuse(name, text, want, why="a size needs a unit", suggestion=f"{text} B or {text} KB")
        if unit in SIZES:
            unit_name, symbol = SIZES[unit]
            value = number.value * factor(unit_name, "byte")
            return Parsed(text, value, "B", f"{formatting.number(number.value)} {symbol}")
        shown = f"{formatting.number(number.value)} {unit}"
        if len(unit) == 2 and unit[1] == "b" and unit[0] in "kKmMgGtTpPeE":
            prefix = unit[0].upper()
            bits = {"K": "kilobits", "M": "megabits", "G": "gigabits", "T": "terabits", "P": "petabits", "E": "exabits"}
            raise InputError(
                f"'{shown}' is {bits[prefix]}; did you mean {formatting.number(number.value)} {prefix}B? "
                f"(write {unit[0].lower() if prefix == 'K' else prefix}bit for bits)"
            )
        # Bytes win over bits when only the case differs: 'mib' suggests MiB, not Mib.
        folded = {key.lower(): key for key in sorted(SIZES, key=lambda k: k.endswith("B")) if len(key) <= 3}
        if unit.lower() in folded:
            raise _refuse(name, text, want, why=f"'{unit}' is not a size unit",
                          suggestion=f"{formatting.number(number.value)} {folded[unit.lower()]}")
        what = FOREIGN.get(unit) or FOREIGN.get(unit.lower())
        if what:
            raise InputError(f"'{shown}' is {what}; {name} needs {want}")
        raise _refuse(name, text, want, why=f"'{unit}' is not a size unit (B, KB, MB, GB, TB, PB, KiB, MiB, …)")


class Duration(Kind):
    """A span of time: '5 years', '90 days', '36 months', '500 ms', '1.5 s'. A unit is required."""

    expected = "a duration"
    canonical = "s"

    def parse(self, name: str, text: str, example: str) -> Parsed:
        want = self.want(example)
        number = read_number(name, text, want)
        unit = number.rest
        if not unit:
            raise _refuse(name, text, want, why="a duration needs a unit",
                          suggestion=f"{text} ms, {text} s or {text} days")
        key = unit if unit in DURATIONS else unit.lower()
        if key not in DURATIONS:
            if unit in ("m", "M"):
                raise _refuse(name, text, want, why=f"'{unit}' is ambiguous",
                              suggestion=f"{formatting.number(number.value)} min or {formatting.number(number.value)} months")
            what = FOREIGN.get(unit)
            shown = f"{formatting.number(number.value)} {unit}"
            if what and what != "a duration":
                raise InputError(f"'{shown}' is {what}; {name} needs {want}")
            raise _refuse(name, text, want, why=f"'{unit}' is not a unit of time (ms, s, min, h, days, weeks, months, years)")
        unit_name = DURATIONS[key]
        value = number.value * factor(unit_name, "second")
        symbol = DURATION_SYMBOLS[unit_name]
        if number.value == 1 and symbol.endswith("s") and len(symbol) > 2:
            symbol = symbol[:-1]
        return Parsed(text, value, "s", f"{formatting.number(number.value)} {symbol}")


class Fraction(Kind):
    """A share of a whole: '99.99%', '0.9999', '4 nines', 'four nines', '20%', '20 percent'."""

    expected = "a fraction"
    canonical = ""

    def parse(self, name: str, text: str, example: str) -> Parsed:
        want = self.want(example)
        words = text.lower().split()
        if len(words) == 2 and words[0] in NUMBER_WORDS and words[1] in ("nines", "nine"):
            return self._nines(text, Decimal(NUMBER_WORDS[words[0]]))
        number = read_number(name, text, want)
        unit = number.rest.lower()
        if unit in ("%", "percent", "pct"):
            fraction = number.decimal / 100
        elif unit in ("nines", "nine", "9s"):
            if number.decimal > 15:
                raise _refuse(name, text, want, why="more than 15 nines is beyond what a float can tell from 100%")
            return self._nines(text, number.decimal)
        elif unit == "":
            fraction = number.decimal
            if fraction > 1:
                suggestion = f"{text}%" if fraction <= 100 else ""
                raise _refuse(name, text, want, why="a plain number must be between 0 and 1", suggestion=suggestion)
        else:
            raise _refuse(name, text, want, why=f"'{number.rest}' is not a fraction unit (write %, a number from 0 to 1, or N nines)")
        if fraction > 1:
            raise _refuse(name, text, want, why="a fraction cannot exceed 100%")
        value = float(fraction)
        return Parsed(text, value, "", formatting.percent(value), complement=float(1 - fraction))

    @staticmethod
    def _nines(text: str, nines: Decimal) -> Parsed:
        complement = 10.0 ** -float(nines)
        value = float(1 - Decimal(10) ** -nines)
        return Parsed(text, value, "", formatting.percent(value), complement=complement)


class Choice(Kind):
    """One of a fixed list of words."""

    expected = "one of"
    canonical = "choice"

    def __init__(self, options: tuple[str, ...]):
        self.options = options

    def want(self, example: str) -> str:
        return "one of " + ", ".join(self.options)

    def parse(self, name: str, text: str, example: str) -> Parsed:
        lowered = text.lower()
        if lowered not in self.options:
            raise _refuse(name, text, self.want(example))
        return Parsed(text, 0.0, "", lowered)
