"""The systems the project was designed from (shared/spec/estimate.md, Presets).

Each exists as a saved scenario on a fresh install. Where the source gives no figure, the
value chosen is named in the description."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    slug: str
    name: str
    description: str
    inputs: dict[str, str]


PRESETS: tuple[Preset, ...] = (
    Preset(
        "photo-sharing-100m-dau",
        "Photo sharing app, 100M DAU",
        "Given: 100M daily users, 5 reads per user per day, 10M photos a day (0.1 writes per user "
        "per day) of 500 KB, 200 KB per read, 3 copies.\n\n"
        "Chosen here: photos kept 10 years, peak 2× average, 99.9% availability; capacity inputs "
        "are the calculator's defaults.",
        {"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
         "response_size": "200 KB", "replication_factor": "3", "retention": "10 years"},
    ),
    Preset(
        "todo-app-100k-users",
        "Todo app, 100k users",
        "Given: 100k users; tasks are short text; every task operation within 1,000 ms.\n\n"
        "Chosen here: all 100k users active daily, 20 reads and 5 writes each a day, a task of "
        "200 B, a read returning a 2 KB task list, kept 5 years, 1,000 ms in the server per "
        "request (the whole budget, a worst case), peak 3× average.",
        {"dau": "100k", "reads_per_user": "20", "writes_per_user": "5", "object_size": "200 B",
         "response_size": "2 KB", "retention": "5 years", "request_latency": "1000 ms",
         "peak_factor": "3"},
    ),
    Preset(
        "url-shortener-1m-rps",
        "URL shortener, 1M redirects/s",
        "Given: 1M redirects per second; long URLs at most 3 KB, short URLs at most 0.3 KB; "
        "each redirect within 500 ms.\n\n"
        "Chosen here: 1M/s is the average read rate, with 1 new short URL per 100 redirects "
        "(10k writes/s); a stored record is the long plus the short URL (3.3 KB); a redirect "
        "response carries the long URL (3 KB); kept 10 years; 500 ms in the server per request "
        "(the budget, a worst case); 90% of redirects answered by the cache.",
        {"read_qps": "1M/s", "write_qps": "10k/s", "object_size": "3.3 KB", "response_size": "3 KB",
         "retention": "10 years", "request_latency": "500 ms", "cache_hit_rate": "90%"},
    ),
    Preset(
        "mobile-banking-four-nines",
        "Mobile banking, four nines",
        "Given: 99.99% availability; transactions are never lost (replicated, kept for years).\n\n"
        "Chosen here: 10M daily users, 10 reads and 2 transactions each a day, 1 KB per "
        "transaction, 5 KB per read, 5 copies, kept 10 years, peak 3× average (paydays).",
        {"dau": "10M", "reads_per_user": "10", "writes_per_user": "2", "object_size": "1 KB",
         "response_size": "5 KB", "availability": "99.99%", "replication_factor": "5",
         "retention": "10 years", "peak_factor": "3"},
    ),
    Preset(
        "video-upload-1k-users",
        "Video upload service, 1,000 users",
        "Given: 1,000 users; 1 upload per user per day; files up to 4 GB.\n\n"
        "Chosen here: every upload is the full 4 GB (a worst case), each user watches 5 videos "
        "a day streamed in full, kept 1 year, 3 copies.",
        {"dau": "1000", "writes_per_user": "1", "object_size": "4 GB", "reads_per_user": "5",
         "response_size": "4 GB", "retention": "1 year", "replication_factor": "3"},
    ),
)

BY_SLUG = {preset.slug: preset for preset in PRESETS}
