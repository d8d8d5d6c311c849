"""The one declaration of every input: name, label, kind, default, help, bounds.

The engine, the form, the API, the CLI, the markdown export and the docs all derive from
INPUTS; nothing else lists the inputs. Their names are the contract every edge shares: the
form field, the query parameter, the JSON key, the CLI argument and the markdown row (README,
Inputs).

Every field holds an expression of the formula language (lang/) read in the
field's own terms: its kind says what a bare number means (`100M` in daily users is 100M
users, `5` in reads per user is 5 req/user/day), which counted nouns may be left out
(`1k/s` is 1k req/s) and whether `B` after a number is a billion (count fields) or a byte.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from . import formatting, lexicon, ranges
from .errors import InputError
from .formatting import Figure
from .lang.compile import compile_samples, compile_tree
from .lang.dims import infer
from .lang.errors import EvaluationError, ExpressionError, UnknownUnit
from .lang.limits import MAX_LENGTH, MAX_NINES
from .lang.nodes import CHECK, Literal, Node, Range, names_in, ranges_in
from .lang.parse import parse
from .lexicon import DIMENSIONLESS, Dims

MEMO_SIZE = 512  # texts kept per input: a few hundred KB in all
MAX_LINES = 50  # the user's lines: rows that define a name (lines.py reads them within these)
MAX_LINES_CHARACTERS = 4000  # the user's lines: characters in all


@dataclass(frozen=True, slots=True)
class Parsed:
    """One input read. `value` is in canonical units (B, s, req, user), or None while it waits
    for names it reads (`avg_write`), which the engine computes; `figure` is how the work
    shows it ('100M users', '2 req/user/hour', '500 KB')."""

    text: str
    value: float | None
    figure: str
    tree: Node | None = None
    names: frozenset[str] = frozenset()
    scale: float = 1.0  # what the tree's value is multiplied by: a bare number's unit
    detail: object = None  # kinds with structure keep it here (the workbench's system tree)
    complement: float | None = None  # the workbench's system: 1 − availability, computed exactly
    ranged: bool = False  # it holds a range (`50M to 200M`): Input.samples draws it


class Kind:
    """How one kind of field is read, shown and reported. `expected` names it in messages."""

    expected = "a value"
    unit = ""  # the unit the API reports the value in ("" for none)
    dims: Dims = DIMENSIONLESS
    expression = True  # an expression of the formula language (not a choice, not lines)
    valued = True  # its value is a number formulas may read
    max_length = MAX_LENGTH  # characters the field accepts
    widget = "text"  # how a form shows it: "text" (one line), "area" (a text area), "select", "lines"
    tabled = True  # a row of the inputs' table (the lines have a table of their own)
    display = ""  # how a result holding its value is shown: a style of engine/display.py's shower ("" by family)
    money = False  # an amount of money (a price)

    def want(self, example: str) -> str:
        return f"{self.expected} such as {example}"

    def read(self, name: str, text: str, example: str) -> Parsed:  # pragma: no cover - abstract
        raise NotImplementedError

    def api_value(self, value: float) -> float:
        return value

    def reported(self, parsed: Parsed | None, value: float | None) -> float | str | None:
        """The input's value as the JSON API reports it: the number in the API's unit, or None
        when it has none (blank, waiting on an error, or not a number)."""
        return self.api_value(value) if self.expression and value is not None else None


@dataclass(frozen=True)
class Quantity(Kind):
    """A field holding an expression of one dimension."""

    expected: str = "a value"
    unit: str = ""  # as the API reports it: "user", "req/user/day", "req/s", "B", "s", ""
    dimension: str = ""  # the engine's unit (units.txt names): "byte/request" for bytes per write
    bare: str | None = None  # what a bare number is in; None: a unit is required
    fillers: tuple[str, ...] = ()  # what a typed value may leave out: "request", "1/user", "1/month"
    noun: str = ""  # shown after a bare count: "users"
    counts: bool = False  # B after a number is a billion
    whole: bool = False
    whole_unit: str = ""  # whole in this unit: a horizon of whole years
    fraction: bool = False
    rate: str = ""  # "per_user" or "total": how the figure names its period
    suggestion: str = ""  # for a bare number where a unit is required

    @property
    def dims(self) -> Dims:  # type: ignore[override]
        return lexicon.dimensionality(self.dimension)

    @property
    def money(self) -> bool:  # type: ignore[override]
        """An amount of money (a price: per month, per GB, per GB a month), shown as quoted: $150/month."""
        return self.dims.get("[money]", 0) == 1

    @property
    def display(self) -> str:  # type: ignore[override]
        """A fraction shows as a percentage (99.9%), else its family scales it."""
        return "percent" if self.fraction else ""

    def api_value(self, value: float) -> float:
        """The value in the API's unit: a per-user rate per day, bytes per write as B."""
        return value / lexicon.to_canonical(self.unit) if self.unit else value

    def read(self, name: str, text: str, example: str) -> Parsed:
        folded = " ".join(text.split())
        try:
            tree = parse(folded, counts=self.counts)
        except UnknownUnit as error:
            raise self._unknown_unit(name, folded, example, error) from None
        except ExpressionError as error:
            raise InputError(f"{name}: {error}; it needs {self.want(example)}") from None
        names = names_in(tree)
        if names:  # the engine checks its dimension once the names' are known
            return Parsed(folded, None, "", tree, names)
        dims = infer(tree, {})
        scale = self.scale_for(name, folded, example, dims)
        try:
            value = compile_tree(tree)({}) * scale
        except EvaluationError as error:
            raise InputError(f"{name}: {error}; it needs {self.want(example)}, got '{folded}'") from None
        if not math.isfinite(value):
            raise InputError(f"{name} must be a finite number, got '{folded}'")
        return Parsed(folded, value, str(self.figure(tree, value)), tree, names, scale)

    def scale_for(self, name: str, text: str, example: str, dims) -> float:
        """What a value of `dims` is multiplied by to be this field's: 1, a bare number's unit,
        or InputError naming what was given and what was expected."""
        scale = _scales(self, dims)
        if scale is not None:
            return scale
        return self._refuse_dims(name, text, example, dims)

    def _refuse_dims(self, name: str, text: str, example: str, dims) -> float:
        """InputError saying what `dims` is and what the field needs (no scale fits)."""
        want = self.want(example)
        if dims is CHECK:
            raise InputError(f"'{text}' is a check (yes or no); {name} needs {want}")
        if dims == DIMENSIONLESS:
            raise InputError(f"a {self.expected[2:]} needs a unit; {name} needs {want}, got '{text}'"
                             + (f"; did you mean {text} {self.suggestion}?" if self.suggestion else ""))
        if self.rate and dims.get("[information]", 0) == 1 and dims.get("[time]", 0) == -1:
            # B after a number is a byte outside count fields: 1B/day is a billion a day, written 1bn/day.
            hint = re.sub(r"(?<=\d)\s*B(?=\s*/)", "bn", text, count=1)
            if hint != text:
                raise InputError(f"'{text}' is {lexicon.describe(dims)}, a bandwidth; {name} needs {want}: "
                                 f"did you mean {hint}?")
        if self.rate == "total" and dims.get("[user]", 0) < 0:
            raise InputError(f"{name} is a total rate; a rate per user belongs in the per-user inputs "
                             f"(reads_per_user, writes_per_user), got '{text}'")
        raise InputError(f"'{text}' is {lexicon.describe(dims)}; {name} needs {want}")

    def figure(self, tree: Node, value: float) -> Figure:
        """The value as the work shows it, in parts: the literal as typed with what it left
        out, or for a computed value, the value in this field's terms."""
        if isinstance(tree, Literal) and not self.fraction and not self.money and not self.whole_unit:
            if self.rate:
                period = next((s for s in tree.denominator if s != "user"), None)
                if "req/s" in tree.numerator:
                    period = "s"
                if period is None:
                    period = "day" if self.rate == "per_user" else "s"
                middle = "req/user/" if self.rate == "per_user" else "req/"
                return Figure(formatting.compact(tree.number), f" {middle}{period}")
            if self.noun and not tree.numerator:
                return Figure(formatting.compact(tree.number), " " + self.noun_for(tree.number))
            if self.dims == DIMENSIONLESS:
                return Figure(formatting.number(tree.number))
            return tree.figure
        return self.figure_of(value)

    def show(self, value: float) -> str:
        """A computed value in this field's terms: '150M users', '2 req/user/day', '99.99%'."""
        return str(self.figure_of(value))

    def figure_of(self, value: float) -> Figure:
        """A computed value in this field's terms, in parts: ('150M', ' users'), ('99.99', '%')."""
        if self.fraction:
            return formatting.percent_figure(value)
        if self.money:
            return Figure("$" + formatting.figure3(self.api_value(value)), self.unit[3:])
        if self.whole_unit:
            count = value / lexicon.to_canonical(self.whole_unit)
            return Figure(formatting.number(count), f" {self.whole_unit}{'' if count == 1 else 's'}")
        if self.rate == "per_user":
            return Figure(formatting.compact(round(value * DAY, 6)), " req/user/day")
        if self.rate == "total":
            return formatting.count_figure(value, "req/s")
        if self.noun:
            return Figure(formatting.count(value), " " + self.noun_for(value))
        family = lexicon.family(self.dims)
        if family == "size" or self.unit == "B":
            return formatting.size_figure(value)
        if family == "bandwidth":  # a CDN's egress read from peak_egress: 2.31 MB/s, not 2.31M
            return formatting.size_figure(value, per="/s")
        if family == "duration":
            return formatting.duration_figure(value)
        return Figure(formatting.count(value))

    def noun_for(self, count: float) -> str:
        """The noun for `count` of it: 1 copy, 3 copies; 1 user, 100M users."""
        if count == 1:
            return {"copies": "copy", "users": "user"}.get(self.noun, self.noun)
        return self.noun

    def _unknown_unit(self, name: str, text: str, example: str, error: UnknownUnit) -> InputError:
        want = self.want(example)
        word = error.word
        if self.counts and word in ("m", "t", "mil"):  # 100m users: the scale, in capitals
            scale = {"m": "M", "t": "T", "mil": "M"}[word]
            return InputError(f"'{error.number} {word}' is not a count; {name} needs {want}, got '{text}'; "
                              f"did you mean {error.number}{scale}?")
        if word in ("m", "M") and self.dims == lexicon.dimensionality("second"):
            return InputError(f"'{error.number} {word}' is ambiguous; {name} needs {want}, got '{text}'; "
                              f"did you mean {error.number} min or {error.number} months?")
        what = lexicon.FOREIGN.get(word) or ("a length" if word in ("m", "M") else None)
        if what:
            return InputError(f"'{error.number} {word}' is {what}; {name} needs {want}")
        if self.counts and self.dims in (DIMENSIONLESS, lexicon.dimensionality("user"),
                                         lexicon.dimensionality("request")) and not error.suggestion:
            return InputError(f"'{word}' is not a count suffix (k, M, B, bn, T); {name} needs {want}, got '{text}'")
        return InputError(f"{error.reason}; {name} needs {want}, got '{text}'")


@lru_cache(maxsize=256)
def _scales(kind: Quantity, dims) -> float | None:
    """The multiplier for a value of `dims` in `kind`'s field, or None when it does not fit:
    once per kind and dimensionality (pint's comparisons are not free)."""
    if dims is CHECK:
        return None
    if dims == kind.dims:
        return 1.0
    if dims == DIMENSIONLESS:
        return lexicon.to_canonical(kind.bare) if kind.bare is not None else None
    for filler in kind.fillers:  # what a typed value may leave out: req, /user, or /month ($150 is $150/month)
        if dims * lexicon.dimensionality(filler) == kind.dims:
            return lexicon.to_canonical(filler)
    return None


class Choice(Kind):
    """One of a fixed list of words."""

    expected = "one of"
    expression = False
    valued = False
    widget = "select"

    def __init__(self, options: tuple[str, ...]):
        self.options = options

    def want(self, example: str) -> str:
        return "one of " + ", ".join(self.options)

    def reported(self, parsed: Parsed | None, value: float | None) -> str | None:
        """The word chosen."""
        return parsed.figure if parsed is not None else None

    def read(self, name: str, text: str, example: str) -> Parsed:
        lowered = " ".join(text.split()).lower()
        if lowered not in self.options:
            shown = f"'{text[:40]}'" if text else "nothing"
            raise InputError(f"{name} needs {self.want(example)}, got {shown}")
        return Parsed(lowered, 0.0, lowered)


class Lines(Kind):
    """The user's own formula lines (lines.py reads them; this kind only carries the text)."""

    expected = "formula lines"
    expression = False
    valued = False
    max_length = MAX_LINES_CHARACTERS
    max_lines = MAX_LINES
    widget = "lines"
    tabled = False

    def want(self, example: str) -> str:
        return f"lines such as {example}"

    def read(self, name: str, text: str, example: str) -> Parsed:
        return Parsed(text, 0.0, "")


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    group: str
    kind: Kind
    default: str  # "" for an optional input
    help: str
    example: str
    minimum: float | None = None  # bounds in the API's unit (kind.unit)
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    show: Callable[[float], str] = formatting.number  # bounds in messages, in the field's terms
    _memo: Callable = field(init=False, repr=False, compare=False)

    @property
    def optional(self) -> bool:
        return self.default == ""

    @property
    def unit(self) -> str:
        return self.kind.unit

    def parse(self, text: str) -> Parsed | None:
        """The input read from `text` (None for a blank optional input), or InputError.

        Memoized per input: reading is a pure function of the text, and while someone types
        every field but one repeats its text. Refusals are not memoized (an exception is
        never cached), so hostile text cannot fill the memo; MEMO_SIZE bounds it otherwise."""
        return self._memo(text)

    def __post_init__(self):
        object.__setattr__(self, "_memo", lru_cache(maxsize=MEMO_SIZE)(self._parse))

    def _parse(self, text: str) -> Parsed | None:
        limit = self.kind.max_length
        if len(text) > limit:
            raise InputError(f"{self.name} is {len(text):,} characters long; at most {limit:,} are accepted "
                             f"({self.kind.want(self.example)})")
        if not text.strip():
            if self.optional:
                return None
            raise InputError(f"{self.name} is required: {self.kind.want(self.example)}")
        parsed = self.kind.read(self.name, text, self.example)
        if self.kind.expression and parsed.tree is not None and ranges_in(parsed.tree):
            return self._ranged(parsed)
        if parsed.value is not None and self.kind.expression:
            self.check_bounds(parsed.value, parsed.text)
        return parsed

    def _ranged(self, parsed: Parsed) -> Parsed:
        """A field holding a range: its ends checked against the bounds, shown as a range, and
        (unless it reads names, which the engine computes) its samples drawn once to be sure
        each can be computed; Input.samples draws them for an estimate."""
        kind = self.kind
        if isinstance(kind, Quantity) and kind.whole_unit:
            raise InputError(f"{self.name} takes a whole number of {kind.whole_unit}s, not a range; got '{parsed.text}'")
        if parsed.value is None:
            return Parsed(parsed.text, None, parsed.figure, parsed.tree, parsed.names, parsed.scale, ranged=True)
        tree = parsed.tree
        value = parsed.value
        low, high = self.evaluate(tree, {}, parsed.scale, ranges.ends(ranges_in(tree)))
        for end in (low, high):
            self.check_bounds(end, parsed.text)
        if isinstance(tree, Range):
            figure = formatting.span(kind.figure(tree.low, tree.low.value * parsed.scale),
                                      kind.figure(tree.high, tree.high.value * parsed.scale))
        else:
            figure = formatting.span(kind.figure_of(min(low, high)), kind.figure_of(max(low, high)))
        _drawn(self, parsed.text, tree, parsed.scale)  # kept for the estimate, which draws the same
        return Parsed(parsed.text, value, figure, tree, parsed.names, parsed.scale, ranged=True)

    def samples(self, text: str) -> np.ndarray:
        """The samples of a field holding a range and no names, from its text (memoized apart
        from the parse, in a smaller memo: each is SAMPLES floats)."""
        parsed = self.parse(text)
        return _drawn(self, text, parsed.tree, parsed.scale)

    @staticmethod
    def evaluate(tree: Node, env, scale: float, draws) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(compile_samples(tree)(env, draws), dtype=float) * scale

    def sample(self, tree: Node, env, scale: float, text: str) -> np.ndarray:
        """The field's samples (canonical units) for its tree and the names' values in `env`
        (floats or arrays): drawn with a seed from the field's name and text, clipped to the
        field's bounds (a hit rate never passes 100%), whole where the field is whole.
        InputError when some cannot be computed."""
        values = self.evaluate(tree, env, scale, ranges.draw(ranges_in(tree), f"{self.name}\0{text}"))
        values = np.broadcast_to(values, (ranges.SAMPLES,)).copy()
        if np.isnan(values).any():
            raise InputError(f"{self.name} cannot be computed for {np.isnan(values).mean():.0%} of the range's "
                             f"samples; got '{text}'")
        per = 1 / self.kind.api_value(1.0)  # a bound in the API's unit, in canonical units
        if self.minimum is not None:
            low = self.minimum * per
            np.maximum(values, np.nextafter(low, np.inf) if self.exclusive_minimum else low, out=values)
        if self.maximum is not None:
            high = self.maximum * per
            np.minimum(values, self._below(high) if self.exclusive_maximum else high, out=values)
        if isinstance(self.kind, Quantity) and self.kind.whole:
            np.rint(values, out=values)
        values.setflags(write=False)
        return values

    @staticmethod
    def _below(high: float) -> float:
        """The largest value a field can hold below an exclusive `high`: 15 nines below 100%
        (what the field itself accepts: the next float below 1 would be 15.95 nines), else the
        next float below."""
        if high == 1.0:
            return 1.0 - 10.0 ** -MAX_NINES
        return float(np.nextafter(high, -np.inf))

    def check_bounds(self, value: float, text: str) -> None:
        """InputError when the value (canonical units) is out of the field's bounds."""
        shown = self.kind.api_value(value)
        low, high = self.minimum, self.maximum
        if not (shown == shown) or shown in (float("inf"), float("-inf")):
            raise InputError(f"{self.name} must be a finite number, got '{text}'")
        if low is not None and (shown < low or (self.exclusive_minimum and shown == low)):
            word = "above" if self.exclusive_minimum else "at least"
            lead = "it is negative; " if shown < 0 <= low else ""
            raise InputError(f"{lead}{self.name} must be {word} {self.show(low)}, got '{text}'")
        if high is not None and (shown > high or (self.exclusive_maximum and shown == high)):
            word = "below" if self.exclusive_maximum else "at most"
            hint = ""
            kind = self.kind
            if isinstance(kind, Quantity) and kind.fraction and 1 < shown <= 100 and "%" not in text:
                hint = f"; a plain number must be between 0 and 1: did you mean {text}%?"
            raise InputError(f"{self.name} must be {word} {self.show(high)}, got '{text}'{hint}")
        kind = self.kind
        if isinstance(kind, Quantity) and kind.whole and not float(shown).is_integer():
            raise InputError(f"it must be a whole number; {self.name} needs {kind.want(self.example)}, got '{text}'")
        if isinstance(kind, Quantity) and kind.whole_unit:
            count = value / lexicon.to_canonical(kind.whole_unit)
            if abs(count - round(count)) > 1e-9 * max(1.0, abs(count)):
                raise InputError(f"{self.name} must be a whole number of {kind.whole_unit}s, got '{text}' "
                                 f"({formatting.number(count)} {kind.whole_unit}s)")


@lru_cache(maxsize=64)
def _drawn(spec: Input, text: str, tree: Node, scale: float) -> np.ndarray:
    """The samples of `spec`'s field holding `text` (read as `tree` × `scale`): drawn once
    when the text is first read, to be sure each can be computed, and kept for the estimate
    (a range new to the server was drawn twice, ~40% of reading it)."""
    return spec.sample(tree, {}, scale, text)


def _size(x: float) -> str:
    return formatting.size(x)


def _rate(x: float) -> str:
    return formatting.count(x, "req/s")


def _money(x: float) -> str:
    return "$" + formatting.number(x)


USERS = Quantity("a count", "user", "user", bare="user", noun="users", counts=True)
PER_USER_PER_DAY = Quantity("a rate (per user per day unless you write another period)", "req/user/day",
                            "request/user/day", bare="request/user/day",
                            fillers=("request/user", "request", "1/user"), rate="per_user")
PER_SECOND = Quantity("a rate (per second unless you write another period)", "req/s", "request/second",
                      bare="request/second", fillers=("request",), rate="total")
SIZE_PER_REQUEST = Quantity("a size", "B", "byte/request", fillers=("1/request",), suggestion="B or KB")
SIZE = Quantity("a size", "B", "byte", suggestion="B or KB")
DURATION = Quantity("a duration", "s", "second", suggestion="ms, s or days")
FRACTION = Quantity("a fraction", "", "", bare="", fraction=True)
RATIO = Quantity("a multiplier", "", "", bare="")
COPIES = Quantity("a count", "", "", bare="", noun="copies", counts=True, whole=True)
REQUESTS = Quantity("a count", "req", "request", bare="request", noun="req", counts=True)
PER_MONTH = Quantity("money per month", "USD/month", "USD/month", bare="USD/month", fillers=("1/month",))
PER_GB_MONTH = Quantity("money per GB per month", "USD/GB/month", "USD/byte/month", bare="USD/GB/month",
                        fillers=("1/month",))
PER_GB = Quantity("money per GB", "USD/GB", "USD/byte", bare="USD/GB")
GROWTH = Quantity("a growth per year", "", "", bare="", fraction=True, fillers=("year",))
YEARS = Quantity("a whole number of years", "s", "second", bare="year", whole_unit="year")
DAY = lexicon.to_canonical("day")  # seconds
YEAR = lexicon.to_canonical("year")

INPUTS: tuple[Input, ...] = (
    # Traffic
    Input("dau", "Daily active users", "Traffic", USERS, "1M",
          "People who use the system on a typical day.", "100M",
          minimum=0, maximum=1e12, show=formatting.compact),
    Input("reads_per_user", "Reads per user per day", "Traffic", PER_USER_PER_DAY, "10",
          "Read requests one user makes in a day (feed loads, page views, lookups).", "5",
          minimum=0, maximum=1e9),
    Input("writes_per_user", "Writes per user per day", "Traffic", PER_USER_PER_DAY, "1",
          "Write requests one user makes in a day; each stores one object.", "0.1",
          minimum=0, maximum=1e9),
    Input("read_qps", "Read QPS (optional)", "Traffic", PER_SECOND, "",
          "Average reads per second, if you know it: overrides users × reads per user.", "1M/s",
          minimum=0, maximum=1e12, show=_rate),
    Input("write_qps", "Write QPS (optional)", "Traffic", PER_SECOND, "",
          "Average writes per second, if you know it: overrides users × writes per user.", "10k/s",
          minimum=0, maximum=1e12, show=_rate),
    Input("peak_factor", "Peak factor", "Traffic", RATIO, "2",
          "Peak traffic over average traffic (2 to 3 for most consumer apps).", "3",
          minimum=1, maximum=1000),
    Input("active_hours", "Active hours a day", "Traffic", DURATION, "24 h",
          "The hours of a day in which its requests arrive: 24 h for a service used around the clock, "
          "6.5 h for a stock exchange's trading session. A per-day count becomes a rate over these hours.", "6.5 h",
          minimum=0, maximum=86400, exclusive_minimum=True),
    # Data
    Input("object_size", "Size of one write", "Data", SIZE_PER_REQUEST, "1 KB",
          "Bytes stored by one write (a photo, a row, a message).", "500 KB",
          minimum=0, maximum=1e18, show=_size),
    Input("response_size", "Size of one read", "Data", SIZE_PER_REQUEST, "10 KB",
          "Bytes returned by one read.", "200 KB",
          minimum=0, maximum=1e18, show=_size),
    Input("retention", "Retention", "Data", DURATION, "5 years",
          "How long written data is kept.", "5 years",
          minimum=0, maximum=1000 * YEAR, exclusive_minimum=True, show=formatting.duration),
    Input("replication_factor", "Replication factor", "Data", COPIES, "3",
          "Stored copies of every database row (the primary and its replicas).", "3",
          minimum=1, maximum=100),
    Input("object_store_above", "Object storage above", "Data", SIZE_PER_REQUEST, "100 KB",
          "Payloads larger than this go to object storage (S3 and kin); smaller ones stay in the database row.",
          "100 KB", minimum=0, maximum=1e18, show=_size),
    Input("metadata_size", "Metadata per stored object", "Data", SIZE_PER_REQUEST, "1 KB",
          "The database row kept for one write whose payload went to object storage.", "1 KB",
          minimum=0, maximum=1e18, show=_size),
    # Availability
    Input("availability", "Availability target", "Availability", FRACTION, "99.9%",
          "Share of time the system must be up.", "99.99% or 4 nines",
          minimum=0, maximum=1, exclusive_minimum=True, exclusive_maximum=True, show=formatting.percent),
    # Capacity
    Input("request_latency", "Time in server per request", "Capacity", DURATION, "100 ms",
          "Time one request spends in the server; gives concurrency by Little's law.", "200 ms",
          minimum=0, maximum=86400, show=formatting.duration),
    Input("server_qps", "Requests per second per app server", "Capacity", PER_SECOND, "1k",
          "Requests per second one application server sustains.", "2k",
          minimum=0, maximum=1e9, exclusive_minimum=True, show=_rate),
    Input("server_concurrency", "Requests in flight per app server", "Capacity", REQUESTS, "100",
          "Requests one app server holds at once (threads, connections); long requests need more servers.",
          "200", minimum=1, maximum=1e7, show=formatting.compact),
    Input("node_storage", "Storage per database node", "Capacity", SIZE, "10 TB",
          "Usable storage of one database node.", "10 TB",
          minimum=0, maximum=1e21, exclusive_minimum=True, show=_size),
    Input("node_write_qps", "Writes per second per database primary", "Capacity", PER_SECOND, "5k",
          "Writes per second one database primary sustains.", "5k",
          minimum=0, maximum=1e9, exclusive_minimum=True, show=_rate),
    Input("replica_read_qps", "Reads per second per read replica", "Capacity", PER_SECOND, "10k",
          "Reads per second one database replica sustains.", "10k",
          minimum=0, maximum=1e9, exclusive_minimum=True, show=_rate),
    Input("cache_node_memory", "Memory per cache node", "Capacity", SIZE, "64 GB",
          "Usable memory of one cache node (Redis, Memcached).", "64 GB",
          minimum=0, maximum=1e15, exclusive_minimum=True, show=_size),
    Input("cache_hot_fraction", "Hot share of a day's reads", "Capacity", FRACTION, "20%",
          "Share of a day's read data worth keeping in cache (the 80/20 rule says 20%).", "20%",
          minimum=0, maximum=1, show=formatting.percent),
    Input("cache_hit_rate", "Cache hit rate", "Capacity", FRACTION, "80%",
          "Share of reads the cache answers; the rest reach database replicas.", "90%",
          minimum=0, maximum=1, show=formatting.percent),
    Input("utilization", "Planned utilization", "Capacity", FRACTION, "70%",
          "Highest planned load of any node as a share of its capacity (headroom for spikes).", "70%",
          minimum=0, maximum=1, exclusive_minimum=True, show=formatting.percent),
    # Cost and growth: list prices, 2026 (README, Conventions); change them to yours
    Input("price_app_server", "Price of an app server", "Cost", PER_MONTH, "$150/month",
          "One application server, per month.", "$150/month", minimum=0, maximum=1e9, show=_money),
    Input("price_db_node", "Price of a database node", "Cost", PER_MONTH, "$500/month",
          "One database node (primary or replica), per month.", "$500/month", minimum=0, maximum=1e9, show=_money),
    Input("price_cache_gb", "Price of cache memory", "Cost", PER_GB_MONTH, "$5/GB/month",
          "Cache memory, per GB per month.", "$5/GB/month", minimum=0, maximum=1e6, show=_money),
    Input("price_db_storage", "Price of database storage", "Cost", PER_GB_MONTH, "$0.10/GB/month",
          "Database storage, per stored copy, per GB per month.", "$0.10/GB/month", minimum=0, maximum=1e6,
          show=_money),
    Input("price_object_storage", "Price of object storage", "Cost", PER_GB_MONTH, "$0.02/GB/month",
          "Object storage, per logical GB per month.", "$0.02/GB/month", minimum=0, maximum=1e6, show=_money),
    Input("price_egress", "Price of egress", "Cost", PER_GB, "$0.05/GB",
          "Data sent out (CDN or internet egress), per GB.", "$0.05/GB", minimum=0, maximum=1e6, show=_money),
    Input("growth", "Growth of daily users per year", "Cost", GROWTH, "0%",
          "Compounded each year; 100% doubles the users every year.", "50%",
          minimum=-0.9, maximum=100, show=formatting.percent),
    Input("horizon", "Timeline horizon", "Cost", YEARS, "5 years",
          "How many years the timeline looks ahead (whole years).", "5 years",
          minimum=0, maximum=50 * YEAR, show=formatting.duration),
    # Display
    Input("size_units", "Size units", "Display", Choice(("decimal", "binary")), "decimal",
          "Show sizes in decimal units (KB = 1,000 B) or binary units (KiB = 1,024 B).", "binary"),
    # Your own lines
    Input("lines", "Your lines", "Lines", Lines(), "",
          "Your own quantities, one per row: name = expression, optionally -> unit; # starts a comment.",
          "key_length = ceil(log(urls, 62))"),
)

BY_NAME: Mapping[str, Input] = {spec.name: spec for spec in INPUTS}
DEFAULTS: Mapping[str, str] = {spec.name: spec.default for spec in INPUTS}
