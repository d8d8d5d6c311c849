"""The conventions every export states (the page, the markdown, a comparison): how time,
sizes and units are read, how results are shown, what the prices default to and how ranges
run. A figure the code declares elsewhere (a price's default, the samples a range draws) is
read from its declaration here, never restated."""

from __future__ import annotations

from .inputs import BY_NAME
from .ranges import SAMPLES

# How the prices' sentence names each price input; its default is the input's own.
PRICE_PHRASES = (
    ("price_app_server", "an app server {}"),
    ("price_db_node", "a database node {}"),
    ("price_cache_gb", "cache {}"),
    ("price_db_storage", "database storage {} per copy"),
    ("price_object_storage", "object storage {}"),
    ("price_egress", "egress {}"),
)


def _prices() -> str:
    """'an app server $150/month, a database node $500/month, …' from the inputs' defaults."""
    return ", ".join(phrase.format(BY_NAME[name].default) for name, phrase in PRICE_PHRASES)


_DAYS = ("1 day = 86,400 s; week = 7 days; month = 30 days; quarter = 365/4 = 91.25 days; "
         "year = 365 days.")
_SIZES = ("Sizes are decimal: 1 KB = 1,000 B, 1 MB = 10^6 B, … EB; KiB, MiB, GiB, TiB, PiB, EiB "
          "are binary (1,024-based) when typed or when binary display is chosen.")
_UNITS = ("B is a byte; b and bit are bits; bps, kbps, Mbps, Gbps are bits per second. Bytes, requests, users "
          "and dollars are dimensions of their own: 1 KB + 5 is an error.")
_FIGURES = ("Results show 3 significant figures; counts scale as k = thousand, M = million, "
            "bn = billion, T = trillion, and past a thousand trillion (or exabytes) in powers of ten: 1.84e+19.")
_COSTS = (f"Costs use the price inputs, whose defaults are list prices, 2026 ({_prices()}): change them to yours. "
          "A month is 30 days.")
_RANGES = ("A range, low to high (50M to 200M, 200 KB to 1 MB), is a 90% interval: lognormal when both ends are "
           "positive (its median the geometric mean of the ends), normal otherwise; an availability or a hit rate "
           f"is lognormal in what it leaves out (downtime, misses). An estimate with ranges runs on {SAMPLES:,} "
           "samples seeded from the link, so the same link shows the same figures. A result a range reaches shows "
           "its median and, in parentheses, its 5th and 95th percentiles, and names the range that drives it "
           "(Spearman's rank correlation); a check says how often it passes. Samples stay within a field's "
           "bounds; servers, shards and nodes are ceilings per sample; the timeline runs on each range's median.")
_COMPONENTS = ("Components: rates are averages, and every tier is sized for the peak (rate × peak_factor) at the "
               "planned utilization; a count of nodes is a ceiling, never below the kind's floor (two servers, a "
               "replica set, a stripe), and the word beside it is the limit that set it. A store is billed for its "
               "nodes and, apart, for the bytes it holds (every copy).")
_LATENCY = ("Latency: each tier that serves requests is an M/M/c queue at its peak load: Poisson arrivals, "
            "exponential service times with mean `latency`, c = nodes × concurrency slots (Erlang C for the wait). "
            "Exponential service is pessimistic in the tail (a p99 of about 4.6 × the mean service time on an idle "
            "tier); a saturated tier (utilization ≥ 100%) has no percentile. A path's p99 written as a sum of "
            "tiers' p99s over-states the path's p99.")
_AVAILABILITY = ("Availability: nodes fail independently; a stateless tier is up while the nodes the peak needs at "
                 "100% utilization are (k of N); a store's shard while a majority of its copies are (a request "
                 "touches one shard); a rented service is as available as its SLA. architecture_availability "
                 "multiplies the tiers a request passes, caches aside (a miss falls back to its store: it costs "
                 "latency, not requests) and rented services aside.")
_WORKBENCH_AVAILABILITY = ("Availability: components fail independently; a chain (->) is up while every part is, "
                           "N redundant copies (N x A) while any one is, k of N (k of N x A) while at least k are, "
                           "and a fallback (A | B) while either is.")

# What each calculator's page and markdown state (a calculator declares its own: calculator.conventions)
CONVENTIONS: tuple[str, ...] = (_DAYS, _SIZES, _UNITS, _FIGURES, _COSTS, _RANGES, _COMPONENTS, _LATENCY,
                                _AVAILABILITY)
WORKBENCH_CONVENTIONS: tuple[str, ...] = (_DAYS, _UNITS, _FIGURES, _RANGES, _WORKBENCH_AVAILABILITY)
