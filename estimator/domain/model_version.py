"""The version of the rules the results are computed with, what changed at each version, and a
saved estimate's figures kept beside it (a snapshot) so a later change of rule is told, never
applied silently.

A change of rule that can move a saved figure (a formula, a default of a component, a floor)
adds a line to CHANGELOG; MODEL_VERSION is the last line's number. A change of display
alone does not: the snapshot compares values, not text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Estimate

# (version, what changed): the rules as they are since that version.
CHANGELOG: tuple[tuple[int, str], ...] = (
    (1, "the first model: one shape of system (app servers, a cache, a sharded database, object storage, egress)"),
    (2, "app servers at least 2 for redundancy; the architecture as components (app, cache, db, objects, net), "
        "the totals summed over every component"),
    (3, "caches also bound by the reads they answer (100k a second a node); each tier's latency and availability; "
        "active_hours: a day's requests arrive within it"),
    (4, "storage_per_day and storage_per_year are rates (B/day, B/year), no longer sizes: storage_per_day × 30 days "
        "is 30 days' data; a line that multiplied either by a plain number (× 30) is now a rate that many times "
        "as large, and a line or field that needs a size of it is refused, saying how to write it"),
    (5, "the timeline re-sizes every component each year: a component's parameters and the lines they read are "
        "computed again from each year's users and data held (they kept today's figures), and it shows nodes in all"),
    (6, "a component name declared twice is refused at its second line (both were counted in the totals, each "
        "showing the second's figures); over ranges, what reads a parameter some of whose samples cannot be "
        "computed is unavailable (it showed the figure at the range's median)"),
)
MODEL_VERSION: int = CHANGELOG[-1][0]

# Two values closer than this (relative) are the same figure: float noise is not a change of rule.
_SAME = 1e-9


def snapshot(estimate: Estimate) -> dict[str, list]:
    """Every result of `estimate` as [value, display, unit] by name: what a revision keeps of
    the figures it was saved with (a value is None when it was unavailable; the unit is the
    engine's canonical one, "B", "req/s", "USD/month")."""
    return {name: [_plain(result.value), result.display, result.unit] for name, result in estimate.results.items()}


def _plain(value):
    if isinstance(value, bool) or value is None:
        return value
    value = float(value)
    return value if math.isfinite(value) else None


def same(then, now) -> bool:
    """Whether two kept values are one figure (checks equal; numbers within float noise)."""
    if then is None or now is None or isinstance(then, bool) or isinstance(now, bool):
        return then is now or then == now and type(then) is type(now)
    return math.isclose(then, now, rel_tol=_SAME, abs_tol=1e-12)


@dataclass(frozen=True)
class Change:
    """A result whose figure today differs from the one a revision was saved with."""

    name: str
    label: str  # its group and label: "Cost: App servers"
    then: str  # the display saved
    now: str  # today's display ("no longer computed" when the result is gone)


@dataclass(frozen=True)
class Drift:
    """What differs between a revision's saved figures and today's for the same inputs: each
    changed result and the rules changed since its model version."""

    saved_version: int
    changes: tuple[Change, ...]
    rules: tuple[tuple[int, str], ...]  # the CHANGELOG lines after saved_version

    @property
    def same_version(self) -> bool:
        return self.saved_version == MODEL_VERSION


GONE = "no longer computed"


def drift(saved: dict[str, list] | None, saved_version: int | None, estimate: Estimate) -> Drift | None:
    """The changes from `saved` (a snapshot, computed with model `saved_version`) to today's
    `estimate` of the same inputs, or None when nothing differs or nothing was saved to compare
    with (a revision saved before snapshots were kept: its figures are unknown, so nothing is
    claimed). Results new since then are not changes of a figure the reader saw."""
    if not saved or saved_version is None:
        return None
    changes = []
    for name, kept in saved.items():
        value, display = kept[0], kept[1]
        unit = kept[2] if len(kept) > 2 else None  # the first snapshots kept no unit
        result = estimate.results.get(name)
        if result is None:
            changes.append(Change(name, name, display, GONE))
            continue
        label = f"{result.group}: {result.label}"  # two results share a label (App servers, their cost)
        if unit is not None and unit != result.unit:
            # Counted in another unit now (a size per day that became a rate): the value is
            # another number for the same figure, so the figure as shown decides.
            if display != result.display:
                changes.append(Change(name, label, display, result.display))
        elif not same(value, _plain(result.value)):
            changes.append(Change(name, label, display, result.display))
    if not changes:
        return None
    rules = tuple((version, text) for version, text in CHANGELOG if version > saved_version)
    return Drift(saved_version, tuple(changes), rules)
