"""The one declaration of every input: name, label, kind, default, help, bounds.

The engine, the form, the API, the CLI, the markdown export and the docs all derive from
INPUTS; nothing else lists the inputs. Names are the contract of shared/spec/estimate.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from . import formatting
from .errors import InputError
from .parsing import Choice, Count, Duration, Fraction, Kind, Parsed, Ratio, Rate, Size
from .units import YEAR

GROUPS = ("Traffic", "Data", "Availability", "Capacity", "Display")
MEMO_SIZE = 512  # parsed texts kept per input: a few hundred KB in all


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    group: str
    kind: Kind
    default: str  # "" for an optional input
    help: str
    example: str
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    show: Callable[[float], str] = formatting.number  # bounds in messages, in the field's terms

    @property
    def optional(self) -> bool:
        return self.default == ""

    @property
    def unit(self) -> str:
        return self.kind.canonical

    def parse(self, text: str) -> Parsed | None:
        """The input read from `text` (None for a blank optional input), or InputError.

        Memoized per input: parsing is a pure function of the text, and while someone types
        every field but one repeats its text. Refusals are not memoized (an exception is
        never cached), so hostile text cannot fill the memo; MEMO_SIZE bounds it otherwise."""
        return self._memo(text)

    def __post_init__(self):
        object.__setattr__(self, "_memo", lru_cache(maxsize=MEMO_SIZE)(self._parse))
        object.__setattr__(self, "_want", self.kind.want(self.example))

    def _parse(self, text: str) -> Parsed | None:
        folded = self.kind.clean(self.name, text, self._want)
        if not folded:
            if self.optional:
                return None
            raise InputError(f"{self.name} is required: {self._want}")
        parsed = self.kind.parse(self.name, folded, self.example)
        self._check_bounds(parsed)
        return parsed

    def _check_bounds(self, parsed: Parsed) -> None:
        value = parsed.value
        low, high = self.minimum, self.maximum
        if low is not None and (value < low or (self.exclusive_minimum and value == low)):
            word = "above" if self.exclusive_minimum else "at least"
            raise InputError(f"{self.name} must be {word} {self.show(low)}, got '{parsed.text}'")
        if high is not None and (value > high or (self.exclusive_maximum and value == high)):
            word = "below" if self.exclusive_maximum else "at most"
            raise InputError(f"{self.name} must be {word} {self.show(high)}, got '{parsed.text}'")


def _size(x: float) -> str:
    return formatting.size(x)


def _rate(x: float) -> str:
    return formatting.count(x, "req/s")


USERS = Count(unit="user", nouns=("user", "users", "dau", "people"), noun="users")
PER_USER_PER_DAY = Rate(default_period="day", per_user=True)
PER_SECOND = Rate(default_period="second")
SIZE = Size()
DURATION = Duration()
FRACTION = Fraction()

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
    Input("peak_factor", "Peak factor", "Traffic", Ratio(), "2",
          "Peak traffic over average traffic (2 to 3 for most consumer apps).", "3",
          minimum=1, maximum=1000),
    # Data
    Input("object_size", "Size of one write", "Data", SIZE, "1 KB",
          "Bytes stored by one write (a photo, a row, a message).", "500 KB",
          minimum=0, maximum=1e18, show=_size),
    Input("response_size", "Size of one read", "Data", SIZE, "10 KB",
          "Bytes returned by one read.", "200 KB",
          minimum=0, maximum=1e18, show=_size),
    Input("retention", "Retention", "Data", DURATION, "5 years",
          "How long written data is kept.", "5 years",
          minimum=0, maximum=1000 * YEAR, exclusive_minimum=True, show=formatting.duration),
    Input("replication_factor", "Replication factor", "Data",
          Count(nouns=("x", "×", "copies", "copy", "replicas"), noun="copies", whole=True), "3",
          "Stored copies of every object.", "3",
          minimum=1, maximum=100),
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
    Input("node_storage", "Storage per database node", "Capacity", SIZE, "10 TB",
          "Usable storage of one database node.", "10 TB",
          minimum=0, maximum=1e21, exclusive_minimum=True, show=_size),
    Input("node_write_qps", "Writes per second per database primary", "Capacity", PER_SECOND, "5k",
          "Writes per second one database primary sustains.", "5k",
          minimum=0, maximum=1e9, exclusive_minimum=True, show=_rate),
    Input("replica_read_qps", "Reads per second per read replica", "Capacity", PER_SECOND, "10k",
          "Reads per second one database replica sustains.", "10k",
          minimum=0, maximum=1e9, exclusive_minimum=True, show=_rate),
    Input("cache_hot_fraction", "Hot share of a day's reads", "Capacity", FRACTION, "20%",
          "Share of a day's read data worth keeping in cache (the 80/20 rule says 20%).", "20%",
          minimum=0, maximum=1, show=formatting.percent),
    Input("cache_hit_rate", "Cache hit rate", "Capacity", FRACTION, "80%",
          "Share of reads the cache answers; the rest reach database replicas.", "90%",
          minimum=0, maximum=1, show=formatting.percent),
    Input("utilization", "Planned utilization", "Capacity", FRACTION, "70%",
          "Highest planned load of any node as a share of its capacity (headroom for spikes).", "70%",
          minimum=0, maximum=1, exclusive_minimum=True, show=formatting.percent),
    # Display
    Input("size_units", "Size units", "Display", Choice(("decimal", "binary")), "decimal",
          "Show sizes in decimal units (KB = 1,000 B) or binary units (KiB = 1,024 B).", "binary"),
)

BY_NAME: Mapping[str, Input] = {spec.name: spec for spec in INPUTS}
DEFAULTS: Mapping[str, str] = {spec.name: spec.default for spec in INPUTS}
