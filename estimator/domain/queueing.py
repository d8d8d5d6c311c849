"""Queueing: the response time of a tier of c identical servers (the latency of the
architecture's components).

The model is M/M/c: requests arrive as a Poisson process of rate λ, each is served by one of
c independent servers in an exponential time of mean S (rate μ = 1/S), and a request that
finds every server busy waits in one first-come-first-served queue. With the offered load
a = λS (Erlangs) and the utilization ρ = a/c < 1:

- Erlang C, the probability that a request waits:
      C(c, a) = (aᶜ/c! · c/(c − a)) / (Σₖ₌₀^{c−1} aᵏ/k! + aᶜ/c! · c/(c − a)),
  computed as Poisson probabilities: the sum is the regularized incomplete gamma function
  Q(c, a) (scipy.special.gammaincc) and the last term is taken in logs with Stirling's series,
  so that c and a in the thousands or millions neither overflow nor lose their digits.
- The wait W is 0 with probability 1 − C, else exponential with rate θ = cμ − λ; the response
  time T = W + service, and
      P(T > t) = (1 − C)e^{−μt} + C(μe^{−θt} − θe^{−μt})/(μ − θ),
  which is C(1 + μt)e^{−μt} in its second term when θ = μ. The q-percentile solves
  P(T > t) = 1 − q by Newton's steps kept inside bounds that always hold it (bisection
  whenever a step would leave them).
- At λ ≥ cμ the queue grows without bound: there is no steady state and no percentile
  (`Saturated`).

Units are the caller's, consistently: an arrival rate per second with a service time in
seconds gives percentiles in seconds.

Every function takes plain floats (the exact run); `erlang_c`, `utilization`,
`mmc_percentile` and `mmc_percentiles` also take numpy arrays of samples (the run on ranges),
vectorized: the same formula and search as the floats, all samples in step, with NaN where a
sample is saturated or undefined, as the engine's sample pass expects.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaincc, gammaln

from .errors import EstimateError

__all__ = [
    "MMc", "Saturated", "Unreachable",
    "erlang_c", "utilization", "mmc", "mmc_percentile", "mmc_percentiles", "response_time_tail",
    "fewest_servers_for_p99",
]

# The percentile's search stops at a relative step (or bracket) of 1e-14; Newton's steps get
# there in 2 to 3 tail evaluations (at most 6 over tiers from c = 1 to 5,000), bisection on
# log t alone in under 60.
_RELATIVE_WIDTH = 1e-14
_MAX_STEPS = 200
# fewest_servers_for_p99 stops looking past this many servers (and says so).
MAX_SERVERS = 10**7


class Saturated(EstimateError):
    """λ ≥ cμ: the queue grows without bound, so the tier has no response-time percentile."""

    def __init__(self, *, arrival_rate: float, servers: int, service_time: float):
        capacity = servers / service_time
        self.arrival_rate = arrival_rate
        self.servers = servers
        self.service_time = service_time
        self.utilization = arrival_rate * service_time / servers
        super().__init__(
            f"saturated: {arrival_rate:.4g} requests per unit of time arrive and {servers:,} servers finish at "
            f"most {capacity:.4g} (utilization {self.utilization:.1%}); the queue grows without bound, so "
            f"no percentile exists: add servers or shorten the service time"
        )


class Unreachable(EstimateError):
    """A response-time target that no number of servers can meet."""


def _whole_servers(servers) -> int:
    if isinstance(servers, bool) or not float(servers).is_integer() or servers < 1:
        raise ValueError(f"servers must be a whole number ≥ 1, not {servers!r}")
    return int(servers)


_LOG_TWO_PI = math.log(2 * math.pi)


_SERIES_FROM = 15


def _stirling_series(n):
    """Stirling's series for ln(n!) − [(n + ½) ln n − n + ½ ln 2π] to n⁻⁹, for n ≥ 15 (its
    terms past that are below 1e-17 of the whole there); a float or an array alike."""
    r = 1 / n
    r2 = r * r
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))))


def _stirling_error(n: np.ndarray) -> np.ndarray:
    """ln(n!) − [(n + ½) ln n − n + ½ ln 2π]: the series from n = 15 on, ln n! itself (small,
    no cancellation) below."""
    small = n < _SERIES_FROM
    below, above = np.where(small, n, float(_SERIES_FROM)), np.where(small, float(_SERIES_FROM), n)
    direct = gammaln(below + 1) - (below + 0.5) * np.log(below) + below - 0.5 * _LOG_TWO_PI
    return np.where(small, direct, _stirling_series(above))


def _erlang_c_of(c: np.ndarray, a: np.ndarray) -> np.ndarray:
    """C = X / (H + X) for 0 < a < c, with both sides scaled by e^{−a} so that each is a
    Poisson probability of mean a:

        e^{−a}H = Σₖ₌₀^{c−1} e^{−a}aᵏ/k! = Q(c, a), the regularized upper incomplete gamma
                  function (scipy.special.gammaincc), about ½ or more while a < c;
        e^{−a}X = e^{−a}aᶜ/c! · c/(c − a), the Poisson term at c, taken in logs as
                  −c(x − ln(1 + x)) − ½ ln(2πc) − stirling_error(c) with x = (a − c)/c, a form
                  without the cancellation of c ln a − a − ln c! (each of order c ln c), so c
                  and a in the millions keep their digits.

    Floats or numpy arrays, elementwise."""
    x = (a - c) / c
    with np.errstate(divide="ignore"):  # a ≪ c: x rounds to −1, the term to e^−∞ = 0, and C to 0
        log_term = -c * (x - np.log1p(x))
    log_term = log_term - 0.5 * np.log(2 * math.pi * c) - _stirling_error(c)
    top = np.exp(log_term) * c / (c - a)
    return top / (gammaincc(c, a) + top)


@functools.lru_cache(maxsize=1024)  # a tier's p50, p99 and p999 each ask for the same C
def _probability_of_waiting(c: int, a: float) -> float:
    if a <= 0:
        return 0.0
    if a >= c:
        return 1.0
    # _erlang_c_of's arithmetic on one float, with math's functions (numpy's on a scalar cost 10× more)
    x = (a - c) / c
    if x <= -1:  # a ≪ c: the term underflows, and C is 0
        return 0.0
    if c < _SERIES_FROM:
        stirling = math.lgamma(c + 1) - (c + 0.5) * math.log(c) + c - 0.5 * _LOG_TWO_PI
    else:
        stirling = _stirling_series(c)
    top = math.exp(-c * (x - math.log1p(x)) - 0.5 * math.log(2 * math.pi * c) - stirling) * c / (c - a)
    return top / (float(gammaincc(c, a)) + top)


def erlang_c(c, offered_load):
    """Erlang C: the probability that a request waits in an M/M/c queue of `c` servers with
    offered load a = λS (`offered_load`, in Erlangs):

        C(c, a) = (aᶜ/c! · c/(c − a)) / (Σₖ₌₀^{c−1} aᵏ/k! + aᶜ/c! · c/(c − a)),

    computed in log space, sound for c in the millions. 0 when a = 0; 1 when a ≥ c (the
    queue is saturated: every request waits, without bound). Takes floats, or numpy arrays
    (vectorized; NaN where c is not a whole number ≥ 1 or the load is negative)."""
    if np.ndim(c) or np.ndim(offered_load):
        return _erlang_c_samples(*np.broadcast_arrays(np.asarray(c, dtype=float),
                                                      np.asarray(offered_load, dtype=float)))
    if offered_load < 0:
        raise ValueError(f"offered load must be ≥ 0, not {offered_load!r}")
    return _probability_of_waiting(_whole_servers(c), float(offered_load))


def utilization(*, arrival_rate, servers, service_time):
    """ρ = λS ÷ c: the share of the c servers' time spent serving (≥ 1 means saturated).
    Floats or numpy arrays alike."""
    return arrival_rate * service_time / servers


def _tail_and_density(t: float, waiting: float, service_rate: float, drain_rate: float) -> tuple[float, float]:
    """P(T > t) = (1 − C)e^{−μt} + C·h(t), and the density of T at t.

    h, the tail of the sum of two exponentials of rates θ (the wait) and μ (the service), is
    symmetric in its two rates; written with the slower s and the faster f as
    e^{−st}(1 + s·d(t)), d(t) = (1 − e^{−(f−s)t})/(f − s), it has no cancellation when they are
    close and is (1 + st)e^{−st} when they are equal. The density of that sum is μθe^{−st}d(t)."""
    slow, fast = min(service_rate, drain_rate), max(service_rate, drain_rate)
    gap = fast - slow
    spread = t if gap == 0 else -math.expm1(-gap * t) / gap
    decay, served = math.exp(-slow * t), math.exp(-service_rate * t)
    tail = (1 - waiting) * served + waiting * decay * (1 + slow * spread)
    density = (1 - waiting) * service_rate * served + waiting * service_rate * drain_rate * decay * spread
    return tail, density


def _percentile(q: float, *, waiting: float, service_rate: float, drain_rate: float) -> float:
    """The t with P(T > t) = 1 − q, held between two bounds that always hold it:
    - below, the service time's own percentile ln(1/(1 − q)) ÷ μ (T ≥ the service);
    - above, 2 ln(2/(1 − q)) ÷ min(θ, μ), since P(T > t) ≤ P(W > t/2) + P(S > t/2)
      ≤ 2e^{−min(θ, μ)t/2}.
    Newton's steps on ln P(T > t) (nearly straight: the tail is a blend of exponentials), each
    kept inside the bracket that the signs so far leave, else replaced by bisection on log t;
    at most _MAX_STEPS steps, done at a relative step or bracket of _RELATIVE_WIDTH."""
    if not 0 < q < 1:
        raise ValueError(f"a percentile needs 0 < q < 1, not {q!r}")
    beyond = 1 - q
    low = math.log(1 / beyond) / service_rate
    high = 2 * math.log(2 / beyond) / min(service_rate, drain_rate)
    if waiting == 0:
        return low
    aim = math.log(beyond)
    t = low
    for _ in range(_MAX_STEPS):
        tail, density = _tail_and_density(t, waiting, service_rate, drain_rate)
        if tail <= 0:  # underflow, far past the percentile
            high = t
        else:
            excess = math.log(tail) - aim
            if excess > 0:
                low = t
            else:
                high = t
            if density > 0:
                following = t + excess * tail / density
                if abs(following - t) <= _RELATIVE_WIDTH * t:
                    return following
                if low < following < high:
                    t = following
                    continue
        if high <= low * (1 + _RELATIVE_WIDTH):
            break
        t = math.sqrt(low * high)
    return t


@dataclass(frozen=True, slots=True)
class MMc:
    """One stable M/M/c tier: its figures and its response-time distribution.

    arrival_rate λ, servers c, service_time S (μ = 1/S), offered_load a = λS,
    utilization ρ = a/c < 1, waiting_probability C (Erlang C), drain_rate θ = cμ − λ."""

    arrival_rate: float
    servers: int
    service_time: float
    offered_load: float
    utilization: float
    waiting_probability: float
    drain_rate: float

    @property
    def service_rate(self) -> float:
        return 1 / self.service_time

    @property
    def mean_wait(self) -> float:
        """E[W] = C ÷ (cμ − λ)."""
        return self.waiting_probability / self.drain_rate

    @property
    def mean_response(self) -> float:
        """E[T] = C ÷ (cμ − λ) + S."""
        return self.mean_wait + self.service_time

    def wait_tail(self, t: float) -> float:
        """P(W > t) = C·e^{−θt}: 1 − this is a call centre's service level within t."""
        return self.waiting_probability * math.exp(-self.drain_rate * t)

    def tail(self, t: float) -> float:
        """P(T > t) = (1 − C)e^{−μt} + C(μe^{−θt} − θe^{−μt})/(μ − θ), θ = cμ − λ."""
        return _tail_and_density(t, self.waiting_probability, self.service_rate, self.drain_rate)[0]

    def percentile(self, q: float) -> float:
        """The response time t with P(T ≤ t) = q (0 < q < 1); see _percentile."""
        return _percentile(q, waiting=self.waiting_probability, service_rate=self.service_rate,
                           drain_rate=self.drain_rate)


def mmc(*, arrival_rate: float, servers: int, service_time: float) -> MMc:
    """The M/M/c tier with Poisson arrivals of rate λ (`arrival_rate`), `servers` independent
    servers and exponential service of mean S (`service_time`); Saturated when λ ≥ c/S.
    Floats only (see mmc_percentile for arrays)."""
    c = _whole_servers(servers)
    if arrival_rate < 0 or not service_time > 0:
        raise ValueError(f"need arrival_rate ≥ 0 and service_time > 0, not {arrival_rate!r} and {service_time!r}")
    load = arrival_rate * service_time
    if load >= c:
        raise Saturated(arrival_rate=arrival_rate, servers=c, service_time=service_time)
    return MMc(arrival_rate, c, service_time, load, load / c, _probability_of_waiting(c, load),
               c / service_time - arrival_rate)


def response_time_tail(t, *, arrival_rate, servers, service_time):
    """P(T > t) for the M/M/c tier (see MMc.tail); Saturated when λ ≥ c/S. Floats only."""
    return mmc(arrival_rate=arrival_rate, servers=servers, service_time=service_time).tail(t)


def mmc_percentile(q, *, arrival_rate, servers, service_time):
    """The q-percentile of the response time (wait + service) of an M/M/c tier (0 < q < 1:
    0.99 for p99), in the unit of `service_time`:

        solve (1 − C)e^{−μt} + C(μe^{−θt} − θe^{−μt})/(μ − θ) = 1 − q,  μ = 1/S, θ = cμ − λ.

    For c = 1 this is ln(1/(1 − q)) · S ÷ (1 − ρ): the M/M/1 response time is exponential with
    rate μ − λ. Floats: Saturated when λ ≥ c/S. Numpy arrays (any argument but q):
    vectorized, NaN where a sample is saturated."""
    if np.ndim(arrival_rate) or np.ndim(servers) or np.ndim(service_time):
        return mmc_percentiles((q,), arrival_rate=arrival_rate, servers=servers, service_time=service_time)[0]
    return mmc(arrival_rate=arrival_rate, servers=servers, service_time=service_time).percentile(q)


# --- The same arithmetic on numpy arrays of samples (the engine's run on ranges) -------------------
# Every sample walks and bisects in step with the others, each stopping where its scalar twin
# above would: the same operations in the same order, masked, so a sample's figure is the
# float's. Invalid or saturated samples are NaN.

def _erlang_c_samples(c: np.ndarray, a: np.ndarray) -> np.ndarray:
    out = np.full(c.shape, np.nan)
    with np.errstate(invalid="ignore"):
        valid = np.isfinite(a) & (a >= 0) & np.isfinite(c) & (c >= 1) & (c == np.floor(c))
    out[valid & (a == 0)] = 0.0
    out[valid & (a >= c)] = 1.0
    live = valid & (a > 0) & (a < c)
    out[live] = _erlang_c_of(c[live], a[live])
    return out


def _tail_and_density_samples(t, waiting, service_rate, drain_rate):
    slow, fast = np.minimum(service_rate, drain_rate), np.maximum(service_rate, drain_rate)
    gap = fast - slow
    spread = np.where(gap == 0, t, -np.expm1(-gap * t) / np.where(gap == 0, 1, gap))
    decay, served = np.exp(-slow * t), np.exp(-service_rate * t)
    tail = (1 - waiting) * served + waiting * decay * (1 + slow * spread)
    density = (1 - waiting) * service_rate * served + waiting * service_rate * drain_rate * decay * spread
    return tail, density


def _percentiles_samples(qs, arrival_rate: np.ndarray, servers: np.ndarray,
                         service_time: np.ndarray) -> tuple[np.ndarray, ...]:
    for q in qs:
        if not 0 < q < 1:
            raise ValueError(f"a percentile needs 0 < q < 1, not {q!r}")
    with np.errstate(invalid="ignore"):
        live = (np.isfinite(arrival_rate) & (arrival_rate >= 0) & np.isfinite(service_time) & (service_time > 0)
                & np.isfinite(servers) & (servers >= 1) & (servers == np.floor(servers))
                & (arrival_rate * service_time < servers))
    rate, c, time = arrival_rate[live], servers[live], service_time[live]
    waiting = _erlang_c_samples(c, rate * time)
    mu = 1 / time
    theta = c / time - rate
    results = []
    for q in qs:
        out = np.full(arrival_rate.shape, np.nan)
        out[live] = _solve_samples(q, waiting, mu, theta)
        results.append(out)
    return tuple(results)


def _solve_samples(q: float, waiting: np.ndarray, mu: np.ndarray, theta: np.ndarray) -> np.ndarray:
    beyond = 1 - q
    low = math.log(1 / beyond) / mu
    high = 2 * math.log(2 / beyond) / np.minimum(mu, theta)
    aim = math.log(beyond)
    answer = low.copy()
    searching = waiting > 0
    t = low.copy()
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(_MAX_STEPS):
            if not searching.any():
                break
            tail, density = _tail_and_density_samples(t, waiting, mu, theta)
            counted = tail > 0
            excess = np.where(counted, np.log(np.where(counted, tail, 1)) - aim, -np.inf)
            above = searching & (excess > 0)
            low = np.where(above, t, low)
            high = np.where(searching & ~above, t, high)
            stepping = searching & counted & (density > 0)
            following = np.where(stepping, t + np.where(stepping, excess, 0) * tail / np.where(stepping, density, 1), t)
            settled = stepping & (np.abs(following - t) <= _RELATIVE_WIDTH * t)
            answer = np.where(settled, following, answer)
            searching &= ~settled
            inside = searching & stepping & (low < following) & (following < high)
            narrow = searching & ~inside & (high <= low * (1 + _RELATIVE_WIDTH))
            answer = np.where(narrow, t, answer)
            searching &= ~narrow
            t = np.where(inside, following, np.sqrt(low * high))
    return np.where(searching, t, answer)


def mmc_percentiles(qs, *, arrival_rate, servers, service_time) -> tuple:
    """mmc_percentile for each q in `qs` (such as (0.5, 0.99, 0.999)), the waiting probability
    computed once: a tuple of floats (Saturated when λ ≥ c/S) or of numpy arrays (NaN where a
    sample is saturated)."""
    if np.ndim(arrival_rate) or np.ndim(servers) or np.ndim(service_time):
        return _percentiles_samples(tuple(qs), *np.broadcast_arrays(np.asarray(arrival_rate, dtype=float),
                                                                    np.asarray(servers, dtype=float),
                                                                    np.asarray(service_time, dtype=float)))
    tier = mmc(arrival_rate=arrival_rate, servers=servers, service_time=service_time)
    return tuple(tier.percentile(q) for q in qs)


def fewest_servers_for_p99(target, *, arrival_rate, service_time, concurrency=1, q: float = 0.99):
    """The fewest nodes, each serving `concurrency` requests at once, whose M/M/c tier
    (c = nodes × concurrency) keeps its q-percentile response time (p99 by default) within
    `target`: ⌈c ÷ concurrency⌉ for the fewest such c.

    The percentile falls as c grows (more servers never make a request wait longer) toward
    the service time's own, ln(1/(1 − q)) · S, which it never reaches while λ > 0: a target
    at or below that is Unreachable at any size, and so is one that needs more than
    MAX_SERVERS servers. Otherwise the search starts from the fewest stable c (⌊λS⌋ + 1) and
    doubles its margin over ⌊λS⌋ until the target is met (the c that meets it lies some √(λS)
    past λS, so the margin doubles a few times, not log₂ c times), then bisects: about
    2 log₂(margin) percentile evaluations.

    Floats: an int, or Unreachable saying why. Numpy arrays of samples (target, arrival_rate,
    service_time, concurrency): every sample's search in step, a float array of nodes with NaN
    where a sample cannot be met (or is not a tier)."""
    if any(np.ndim(x) for x in (target, arrival_rate, service_time, concurrency)):
        return _fewest_servers_samples(q, *np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (
            target, arrival_rate, service_time, concurrency))))
    if not target > 0 or not service_time > 0 or arrival_rate < 0:
        raise ValueError("need target > 0, service_time > 0 and arrival_rate ≥ 0")
    slots = _whole_servers(concurrency)
    floor = math.log(1 / (1 - q)) * service_time
    if target <= floor:
        raise Unreachable(
            f"the p{_percent(q)} target {target:.4g} is at or below the service time's own p{_percent(q)}, "
            f"ln(1/(1 − {q:g})) × {service_time:.4g} = {floor:.4g}: no number of servers can meet it; "
            f"shorten the service time or relax the target"
        )

    def meets(c: int) -> bool:
        return mmc(arrival_rate=arrival_rate, servers=c, service_time=service_time).percentile(q) <= target

    busy = math.floor(arrival_rate * service_time)  # unstable (or, at λ = 0, no servers): fails
    low, high = busy, busy + 1
    while high > MAX_SERVERS or not meets(high):
        if high >= MAX_SERVERS:
            raise Unreachable(
                f"the p{_percent(q)} target {target:.4g} needs more than {MAX_SERVERS:,} servers "
                f"(offered load {arrival_rate * service_time:.4g} Erlangs)"
            )
        low, high = high, min(busy + 2 * (high - busy), MAX_SERVERS)
    while high - low > 1:  # low fails (or is 0), high meets
        middle = (low + high) // 2
        if meets(middle):
            high = middle
        else:
            low = middle
    return -(-high // slots)


def _fewest_servers_samples(q, target, arrival_rate, service_time, concurrency) -> np.ndarray:
    """fewest_servers_for_p99's search on every sample at once: each step evaluates the
    percentile of the samples still searching, at their own c."""
    out = np.full(target.shape, np.nan)
    with np.errstate(invalid="ignore"):
        searching = (np.isfinite(target) & np.isfinite(arrival_rate) & (arrival_rate >= 0)
                     & np.isfinite(service_time) & (service_time > 0) & np.isfinite(concurrency)
                     & (concurrency >= 1) & (concurrency == np.floor(concurrency))
                     & (target > math.log(1 / (1 - q)) * service_time))
    busy = np.where(searching, np.floor(arrival_rate * service_time), 0)
    low, high = busy.copy(), busy + 1
    searching &= high <= MAX_SERVERS

    def meets(which, c):
        return _percentiles_samples((q,), arrival_rate[which], c[which], service_time[which])[0] <= target[which]

    growing = searching.copy()
    while growing.any():
        met = np.zeros_like(growing)
        met[growing] = meets(growing, high)
        growing &= ~met
        stuck = growing & (high >= MAX_SERVERS)
        searching &= ~stuck
        growing &= ~stuck
        low = np.where(growing, high, low)
        high = np.where(growing, np.minimum(busy + 2 * (high - busy), MAX_SERVERS), high)
    bisecting = searching & (high - low > 1)
    while bisecting.any():
        middle = np.floor((low + high) / 2)
        met = np.zeros_like(bisecting)
        met[bisecting] = meets(bisecting, middle)
        high = np.where(bisecting & met, middle, high)
        low = np.where(bisecting & ~met, middle, low)
        bisecting &= high - low > 1
    out[searching] = np.ceil(high[searching] / concurrency[searching])
    return out


def _percent(q: float) -> str:
    return f"{q * 100:g}".replace(".", "")
