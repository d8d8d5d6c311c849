"""Reliability: the availability of N copies of which at least k must be up (the workbench's
`k of N x A`, and the availability of the architecture's components).

Failures are independent and each copy is up with probability a (down with u = 1 − a). The
number up is binomial, so

    available(k of N)   = Σ_{i=k..N}   C(N, i) aⁱ uᴺ⁻ⁱ,
    unavailable(k of N) = Σ_{i=0..k−1} C(N, i) aⁱ uᴺ⁻ⁱ.

Both sums are computed directly, each on its own side, never one as 1 minus the other: a
six-nines quorum's unavailability is a sum of failing terms of order u^{N−k+1}, which
1 − Σ(up terms) would leave as rounding error. Fewer than k up is at least N − k + 1 down, a
binomial tail that is the regularized incomplete beta function I_u(N − k + 1, k)
(scipy.special.betainc; the other side betaincc), taken from u itself so that a tiny u keeps
its digits, for N from 1 to the millions.

Stateless tiers (`servers`, `connections`, `workers`) serve while k of their N nodes are up;
a replicated store's shard serves while a majority of its r copies are, ⌊r/2⌋ + 1 of r.
The availability workbench's `k of N x A` (system.py) is this same function.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import betainc, betaincc

__all__ = ["Reliability", "k_of_n", "majority", "majority_needed"]



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


def _binomial_tails(needed, nodes, down) -> tuple:
    """(P(at least k of N up), P(fewer than k up)) for 1 ≤ k ≤ N and 0 < down < 1: the number
    down is binomial, and fewer than k are up exactly when at least N − k + 1 are down, whose
    probability is the regularized incomplete beta function I_u(N − k + 1, k)
    (scipy.special.betainc, its complement betaincc), each computed from its own side."""
    if np.ndim(down) and down.size > 1 and np.all(down == down.flat[0]):
        # samples of one node availability: the pairs (k, N) repeat (whole numbers), so each
        # distinct pair is computed once
        pairs, where = np.unique(nodes * (np.max(needed) + 1) + needed, return_index=True, return_inverse=True)[1:]
        k, n, u = needed[pairs], nodes[pairs], down[pairs]
        return betaincc(n - k + 1, k, u)[where], betainc(n - k + 1, k, u)[where]
    return betaincc(nodes - needed + 1, needed, down), betainc(nodes - needed + 1, needed, down)


def k_of_n(*, needed: int, nodes: int, node_availability: float | None = None,
           node_unavailability: float | None = None) -> Reliability:
    """At least `needed` (k) of `nodes` (N) up, each independently up with probability
    `node_availability` (or down with `node_unavailability`, which keeps the digits of a
    tiny figure such as 10⁻⁶ exactly; give one of the two):

        availability   = Σ_{i=k..N}   C(N, i) aⁱ (1 − a)ᴺ⁻ⁱ,
        unavailability = Σ_{i=0..k−1} C(N, i) aⁱ (1 − a)ᴺ⁻ⁱ.

    k ≤ 0 is always available, k > N never. Floats, or numpy arrays of samples (any of the
    three, vectorized: the same formula on every sample, NaN where a sample is not a k of
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
    available, unavailable = _binomial_tails(needed, nodes, down)
    return Reliability(float(available), float(unavailable))


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
    k, n, u = needed[live], nodes[live], down[live]
    available[live], unavailable[live] = _binomial_tails(k, n, u)
    return Reliability(available, unavailable)
