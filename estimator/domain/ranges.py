"""Ranges on samples (README, Ranges).

A range `low to high` is a 90% interval: lognormal when both ends are positive (its median
the geometric mean of the ends), normal otherwise; percentages both above 50% are lognormal in
what they leave out (lang.nodes.Range). When an estimate holds any, every range is
drawn SAMPLES times with numpy's default generator, seeded from the name that holds the range
and its text (so the same link shows the same figures, and editing one field never reshuffles
another's samples), and the engine evaluates the same trees on those arrays.

A result that depends on a range is summarized here: its 5th, 50th and 95th percentiles, and
its driver: the source (an input or line holding a range) it depends on, or of several, the
one with the largest Spearman rank correlation with it in absolute value (ties take their
average rank; over the first DRIVER_SAMPLES samples). A check's summary is
the share of samples in which it holds.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .lang.nodes import Range


SAMPLES = 2000
PERCENTILES = (0.05, 0.50, 0.95)
BINS = 24  # bars of a distribution sketch


def seed(key: str) -> int:
    """A stable 64-bit seed from text (Python's hash() differs between processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")


def draw(ranges: Sequence[Range], key: str) -> list[np.ndarray]:
    """SAMPLES draws of each range, in order, from a generator seeded by `key`."""
    if not ranges:
        return []
    normal = np.random.default_rng(seed(key)).standard_normal((len(ranges), SAMPLES))
    drawn = []
    for bounds, z in zip(ranges, normal):
        values = bounds.center + bounds.sigma * z
        if bounds.mirrored:
            drawn.append(1 - np.exp(values))
        else:
            drawn.append(np.exp(values) if bounds.lognormal else values)
    return drawn


def ends(ranges: Sequence[Range]) -> list[np.ndarray]:
    """Each range as its two ends: evaluated with these, a tree gives its value at all low
    ends and at all high ends (a field's bounds are checked there)."""
    return [np.array([bounds.low.value, bounds.high.value]) for bounds in ranges]


@dataclass(frozen=True, slots=True)
class Spread:
    """A ranged value summarized: percentiles in canonical units, what drives it, and for a
    check the share of samples in which it holds."""

    p5: float
    p50: float
    p95: float
    driver: str | None
    share: float | None = None  # a check: the share of samples that pass
    scale: float = 1.0  # what a canonical value is multiplied by in the API (USD/s → USD/month)
    samples: np.ndarray = field(default=None, repr=False, compare=False)

    @property
    def wide(self) -> bool:
        """Whether the interval has any width (a ceiling can be 3 in every sample)."""
        return self.p5 != self.p95

    @property
    def varies(self) -> bool:
        """Whether the samples tell cases apart: an interval with width, or a check that passes
        in some cases only (shown with its driver, a sketch, ⚠)."""
        return 0 < self.share < 1 if self.share is not None else self.wide

    def bins(self, count: int = BINS) -> tuple[np.ndarray, np.ndarray]:
        """(edges, counts) of a histogram from the 1st to the 99th percentile, on a log scale
        when the values are positive and span more than a factor of ten."""
        samples = np.asarray(self.samples, dtype=float)
        n = len(samples)
        at = [n // 100, n - 1 - n // 100]
        low, high = (float(v) for v in np.partition(samples, at)[at])
        if not (math.isfinite(low) and math.isfinite(high)) or low == high:
            return np.array([low, high]), np.array([n])
        logarithmic = low > 0 and high / low > 10
        if logarithmic:
            edges = np.exp(np.linspace(math.log(low), math.log(high), count + 1))  # geomspace costs 5× as much
            with np.errstate(divide="ignore", invalid="ignore"):  # a sample of 0 falls outside, as -inf
                position = (np.log(samples) - math.log(low)) / (math.log(high) - math.log(low))
        else:
            edges = np.linspace(low, high, count + 1)
            position = (samples - low) / (high - low)
        inside = (position >= 0) & (position <= 1)
        index = np.minimum((position[inside] * count).astype(int), count - 1)
        return edges, np.bincount(index, minlength=count)


def summarize(arrays: Mapping[str, np.ndarray], sources_of: Mapping[str, frozenset[str]],
              own: Mapping[str, np.ndarray], scales: Mapping[str, float] = {}) -> dict[str, Spread]:
    """A Spread for each of `arrays` (name → SAMPLES values, or booleans for a check):
    `sources_of` names the sources each depends on, `own` holds each source's own variation,
    `scales` what a value is multiplied by in the API.

    Percentiles come from a partial sort of each row; the driver is the one source when there
    is one, else the source with the largest |Spearman ρ| over the first DRIVER_SAMPLES."""
    ranked: dict[str, np.ndarray] = {}

    def ranks_of(values: np.ndarray) -> np.ndarray:
        return _ranks(np.asarray(values[:DRIVER_SAMPLES], dtype=float))

    spreads = {}
    for name, values in arrays.items():
        candidates = sorted(s for s in sources_of.get(name, ()) if s in own)
        check = values.dtype == bool
        if check:
            share = float(values.mean())
            p5 = p50 = p95 = float(share >= 0.5)
            wide = 0 < share < 1
        else:
            share = None
            parted = np.partition(values, KTH)
            p5, p50, p95 = (_percentile(parted, p) for p in PERCENTILES)
            wide = p5 != p95
        driver = None
        if wide and len(candidates) == 1:
            driver = candidates[0]
        elif wide and candidates:
            mine = _centred(ranks_of(values))
            best = 0.0
            for source in candidates:
                if source not in ranked:
                    ranked[source] = _centred(ranks_of(own[source]))
                rho = abs(float(mine @ ranked[source]))
                if rho > best:
                    best, driver = rho, source
        spreads[name] = Spread(p5, p50, p95, driver, share, scales.get(name, 1.0), values)
    return spreads


DRIVER_SAMPLES = 1000
_POSITIONS = [p * (SAMPLES - 1) for p in PERCENTILES]
KTH = sorted({i for at in _POSITIONS for i in (int(at), min(int(at) + 1, SAMPLES - 1))})


def _percentile(parted: np.ndarray, p: float) -> float:
    """numpy's default (linear) percentile, from values partitioned at KTH."""
    at = p * (SAMPLES - 1)
    below = int(at)
    weight = at - below
    if weight == 0 or below == SAMPLES - 1:
        return float(parted[below])
    low, high = float(parted[below]), float(parted[below + 1])
    return low + (high - low) * weight if math.isfinite(low) and math.isfinite(high) else (low if weight < 0.5 else high)


def _centred(ranks: np.ndarray) -> np.ndarray:
    """Ranks centred and scaled to unit length: Spearman's ρ of two is then their dot product."""
    centred = ranks - ranks.mean()
    norm = math.sqrt(float(centred @ centred))
    return centred / norm if norm else centred


def _ranks(values: np.ndarray) -> np.ndarray:
    """Each value's rank, ties given their average rank."""
    n = len(values)
    order = np.argsort(values)
    ordered = values[order]
    first = np.ones(n, dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    index = np.arange(n)
    start = np.maximum.accumulate(np.where(first, index, 0))
    last = np.ones(n, dtype=bool)
    last[:-1] = first[1:]
    end = np.minimum.accumulate(np.where(last, index, n)[::-1])[::-1]
    ranks = np.empty(n)
    ranks[order] = (start + end) / 2
    return ranks
