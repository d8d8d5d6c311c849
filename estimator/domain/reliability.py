"""Reliability: the availability of N copies of which at least k must be up (the workbench's
`k of N x A`, and the availability of the architecture's components).

Failures are independent and each copy is up with probability a (down with u = 1 − a). The
number up is binomial, so

    available(k of N)   = Σ_{i=k..N}   C(N, i) aⁱ uᴺ⁻ⁱ,
    unavailable(k of N) = Σ_{i=0..k−1} C(N, i) aⁱ uᴺ⁻ⁱ.

Both sums are computed directly, each from its own terms, never one as 1 minus the other: a
six-nines quorum's unavailability is a sum of failing terms of order u^{N−k+1}, which
1 − Σ(up terms) would leave as rounding error. Each sum starts at its largest term (the
binomial's mode, or the end of the range nearest to it), taken in logs (math.lgamma, log1p),
and walks outward by the ratio of neighbouring terms until they are negligible, so N in the
thousands (or millions) neither overflows nor costs more than a few hundred terms. The
largest term's logarithm, from lgamma, carries an absolute error of about 1e-16 × N ln N:
relative errors of 1e-15 for a handful of copies, 1e-11 at N = 5,000, 1e-9 at a million.

Stateless tiers (`servers`, `connections`, `workers`) serve while k of their N nodes are up;
a replicated store's shard serves while a majority of its r copies are, ⌊r/2⌋ + 1 of r.
The availability workbench's `k of N x A` (system.py) is this same function.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Reliability", "k_of_n", "majority", "majority_needed"]

# A walk stops once a term falls below this share of the largest: 2⁻⁷⁰ ≈ 8.5e-22, far below a
# float's 1.1e-16, so the terms left out cannot show in the sum.
_NEGLIGIBLE = 2.0**-70


@dataclass(frozen=True, slots=True)
class Reliability:
    """The share of time a group serves (`availability`) and the share it does not
    (`unavailability`), each computed on its own so that neither loses the other's digits."""

    availability: float
    unavailability: float


def _node_odds(availability: float | None, unavailability: float | None) -> tuple[float, float]:
    if (availability is None) == (unavailability is None):
        raise TypeError("give exactly one of node_availability and node_unavailability")
    down = 1 - availability if unavailability is None else unavailability
    up = 1 - down if availability is None else availability
    if not (0 <= up <= 1 and 0 <= down <= 1):
        raise ValueError(f"a node's availability must be from 0 to 1, not {up!r}")
    return up, down


def _log_share(share: float, rest: float) -> float:
    """ln(share) where share = 1 − rest, from whichever of the two carries the digits: a share
    near 1 is known to its last digit only through its small complement (log1p)."""
    return math.log1p(-rest) if rest < 0.5 else math.log(share)


def _binomial_sum(low: int, high: int, n: int, up: float, down: float) -> float:
    """Σ_{i=low..high} C(n, i) upⁱ downⁿ⁻ⁱ for 0 < up, down < 1 and 0 ≤ low ≤ high ≤ n.

    The terms rise to the mode ⌊(n + 1)·up⌋ and fall after it, so the largest in the range is
    at the mode clamped into it; from there each walk (term(i − 1) = term(i) · i/(n − i + 1) ·
    down/up going down, term(i + 1) = term(i) · (n − i)/(i + 1) · up/down going up) only
    shrinks, and stops at a negligible term."""
    top = min(max(math.floor((n + 1) * up), low), high)
    log_top = (math.lgamma(n + 1) - math.lgamma(top + 1) - math.lgamma(n - top + 1)
               + top * _log_share(up, down) + (n - top) * _log_share(down, up))
    odds = up / down
    total = 1.0
    term, i = 1.0, top
    while i > low and term > _NEGLIGIBLE:
        term *= i / (n - i + 1) / odds
        i -= 1
        total += term
    term, i = 1.0, top
    while i < high and term > _NEGLIGIBLE:
        term *= (n - i) / (i + 1) * odds
        i += 1
        total += term
    return math.exp(log_top) * total


def k_of_n(*, needed: int, nodes: int, node_availability: float | None = None,
           node_unavailability: float | None = None) -> Reliability:
    """At least `needed` (k) of `nodes` (N) up, each independently up with probability
    `node_availability` (or down with `node_unavailability`, which keeps the digits of a
    tiny figure such as 10⁻⁶ exactly; give one of the two):

        availability   = Σ_{i=k..N}   C(N, i) aⁱ (1 − a)ᴺ⁻ⁱ,
        unavailability = Σ_{i=0..k−1} C(N, i) aⁱ (1 − a)ᴺ⁻ⁱ.

    k ≤ 0 is always available, k > N never. Floats, or numpy arrays of samples (any of the
    three, vectorized: the same walks, all samples in step, NaN where a sample is not a k of
    N, as the engine's sample pass expects)."""
    if any(np.ndim(x) for x in (needed, nodes, node_availability, node_unavailability)):
        return _k_of_n_samples(needed, nodes, node_availability, node_unavailability)
    up, down = _node_odds(node_availability, node_unavailability)
    if isinstance(needed, bool) or isinstance(nodes, bool) or nodes < 0 or needed != int(needed) \
            or nodes != int(nodes):
        raise ValueError(f"k of N needs whole numbers with N ≥ 0, not {needed!r} of {nodes!r}")
    needed, nodes = int(needed), int(nodes)
    if needed <= 0:
        return Reliability(1.0, 0.0)
    if needed > nodes:
        return Reliability(0.0, 1.0)
    if down == 0:
        return Reliability(1.0, 0.0)
    if up == 0:
        return Reliability(0.0, 1.0)
    return Reliability(_binomial_sum(needed, nodes, nodes, up, down), _binomial_sum(0, needed - 1, nodes, up, down))


def majority_needed(copies):
    """⌊r/2⌋ + 1: the copies a quorum of r needs up (2 of 3, 3 of 5, 3 of 4); floats or arrays."""
    return copies // 2 + 1


def majority(*, copies: int, node_availability: float | None = None,
             node_unavailability: float | None = None) -> Reliability:
    """A replicated shard that serves while a majority of its r `copies` are up: k of N with
    k = ⌊r/2⌋ + 1 and N = r (see k_of_n; floats or arrays)."""
    return k_of_n(needed=majority_needed(copies), nodes=copies, node_availability=node_availability,
                  node_unavailability=node_unavailability)


# --- The same sums on numpy arrays of samples ----------------------------------------------------

_lgamma = np.vectorize(math.lgamma, otypes=[float])


def _binomial_sum_samples(low, high, n, up, down):
    """_binomial_sum for arrays (low ≤ high everywhere), every sample's walks in step."""
    top = np.minimum(np.maximum(np.floor((n + 1) * up), low), high)
    log_up = np.where(down < 0.5, np.log1p(-down), np.log(up))
    log_down = np.where(up < 0.5, np.log1p(-up), np.log(down))
    log_top = _lgamma(n + 1) - _lgamma(top + 1) - _lgamma(n - top + 1) + top * log_up + (n - top) * log_down
    odds = up / down
    total = np.ones_like(up)
    term, i = np.ones_like(up), top.copy()
    walking = (i > low) & (term > _NEGLIGIBLE)
    while walking.any():
        term = np.where(walking, term * i / (n - i + 1) / odds, term)
        i = np.where(walking, i - 1, i)
        total = np.where(walking, total + term, total)
        walking &= (i > low) & (term > _NEGLIGIBLE)
    term, i = np.ones_like(up), top.copy()
    walking = (i < high) & (term > _NEGLIGIBLE)
    while walking.any():
        term = np.where(walking, term * (n - i) / (i + 1) * odds, term)
        i = np.where(walking, i + 1, i)
        total = np.where(walking, total + term, total)
        walking &= (i < high) & (term > _NEGLIGIBLE)
    return np.exp(log_top) * total


def _k_of_n_samples(needed, nodes, availability, unavailability) -> Reliability:
    if (availability is None) == (unavailability is None):
        raise TypeError("give exactly one of node_availability and node_unavailability")
    given = np.asarray(availability if unavailability is None else unavailability, dtype=float)
    needed, nodes, given = np.broadcast_arrays(np.asarray(needed, dtype=float), np.asarray(nodes, dtype=float), given)
    down = 1 - given if unavailability is None else given
    up = given if unavailability is None else 1 - given
    available, unavailable = np.full(needed.shape, np.nan), np.full(needed.shape, np.nan)
    with np.errstate(invalid="ignore"):
        valid = (np.isfinite(needed) & (needed == np.floor(needed)) & np.isfinite(nodes) & (nodes >= 0)
                 & (nodes == np.floor(nodes)) & (up >= 0) & (up <= 1) & (down >= 0) & (down <= 1))
    always = valid & ((needed <= 0) | ((down == 0) & (needed <= nodes)))
    never = valid & ~always & ((needed > nodes) | (up == 0))
    available[always], unavailable[always] = 1.0, 0.0
    available[never], unavailable[never] = 0.0, 1.0
    live = valid & ~always & ~never
    k, n, a, u = needed[live], nodes[live], up[live], down[live]
    available[live] = _binomial_sum_samples(k, n, n, a, u)
    unavailable[live] = _binomial_sum_samples(np.zeros_like(k), k - 1, n, a, u)
    return Reliability(available, unavailable)
