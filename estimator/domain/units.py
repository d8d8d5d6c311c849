"""The one unit registry of the process, built once at import from units.txt.

Request text never reaches this registry: the language (lang/parse.py) reads numbers and unit
words with the project's own grammar and looks each word up in lexicon.py, which asks pint for that
unit's factor and dimensionality once.
"""

from __future__ import annotations

from pathlib import Path

import pint

DEFINITIONS = Path(__file__).with_name("units.txt")

ureg = pint.UnitRegistry(str(DEFINITIONS))
Q = ureg.Quantity


CONVENTIONS = (
    "1 day = 86,400 s; week = 7 days; month = 30 days; quarter = 365/4 = 91.25 days; "
    "year = 365 days.",
    "Sizes are decimal: 1 KB = 1,000 B, 1 MB = 10^6 B, … EB; KiB, MiB, GiB, TiB, PiB, EiB "
    "are binary (1,024-based) when typed or when binary display is chosen.",
    "B is a byte; b and bit are bits; bps, kbps, Mbps, Gbps are bits per second. Bytes, requests, users "
    "and dollars are dimensions of their own: 1 KB + 5 is an error.",
    "Results show 3 significant figures; counts scale as k = thousand, M = million, "
    "bn = billion, T = trillion.",
    "Costs use the price inputs, whose defaults are list prices, 2026 (an app server $150/month, a database "
    "node $500/month, cache $5/GB/month, database storage $0.10/GB/month per copy, object storage "
    "$0.02/GB/month, egress $0.05/GB): change them to yours. A month is 30 days.",
    "A range, low to high (50M to 200M, 200 KB to 1 MB), is a 90% interval: lognormal when both ends are "
    "positive (its median the geometric mean of the ends), normal otherwise; an availability or a hit rate "
    "is lognormal in what it leaves out (downtime, misses). An estimate with ranges runs on 2,000 samples "
    "seeded from the link, so the same link shows the same figures. A result a range reaches shows its "
    "median and, in parentheses, its 5th and 95th percentiles, and names the range that drives it "
    "(Spearman's rank correlation); a check says how often it passes. Samples stay within a field's "
    "bounds; servers, shards and nodes are ceilings per sample; the timeline runs on each range's median.",
)
