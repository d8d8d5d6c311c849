"""The systems the project was designed from (README, What the page does: Presets).

Each exists as a saved scenario on a fresh install, and tells its system's whole story: the
inputs the seed gives, the values chosen where it gives none (named in the description), and
lines that answer the system's own questions, with its requirements written as checks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    slug: str
    name: str
    description: str
    inputs: dict[str, str]


def lines(*rows: str) -> str:
    return "\n".join(rows)


PRESETS: tuple[Preset, ...] = (
    Preset(
        "photo-sharing-100m-dau",
        "Photo sharing app, 100M DAU",
        "Given: 100M daily users, 5 reads per user per day, 10M photos a day (0.1 writes per user "
        "per day) of 500 KB, 200 KB per read, 3 copies.\n\n"
        "Chosen here: photos kept 10 years, peak 2× average, 99.9% availability; photos (above "
        "100 KB) go to object storage with a 1 KB metadata row in the database; reads are served "
        "through a CDN at list price; users grow 30% a year, shown over 5 years; capacity inputs and prices are "
        "the calculator's defaults.",
        {"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
         "response_size": "200 KB", "replication_factor": "3", "retention": "10 years",
         "growth": "30%", "horizon": "5 years",
         "lines": lines(
             "# Where the bytes go: photos in object storage, a metadata row each in the database",
             "photos_per_day = dau × writes_per_user -> req/day",
             "photo_bytes_per_day = photos_per_day × object_size -> TB/day",
             "photo_share = object_storage_total ÷ storage_total -> %",
             "metadata_share = db_storage_total ÷ storage_total -> %",
             "# The egress a CDN would carry, and its bill at list price",
             "cdn_egress_per_month = egress_per_month -> PB",
             "cdn_peak = peak_egress -> Gbps",
             "cdn_bill = egress × ref.price_cdn_egress",
         )},
    ),
    Preset(
        "todo-app-100k-users",
        "Todo app, 100k users",
        "Given: 100k users; tasks are short text; every task operation within 1,000 ms.\n\n"
        "Chosen here: all 100k users active daily, 20 reads and 5 writes each a day, a task of "
        "200 B, a read returning a 2 KB task list, kept 5 years, peak 3× average; 50 ms in the "
        "server per request; an operation is a round trip from a phone on another continent, a "
        "proxy, two database queries and the server's time (reference numbers); users grow 50% a year, "
        "shown over 3 years.",
        {"dau": "100k", "reads_per_user": "20", "writes_per_user": "5", "object_size": "200 B",
         "response_size": "2 KB", "retention": "5 years", "request_latency": "50 ms", "peak_factor": "3",
         "growth": "50%", "horizon": "3 years",
         "lines": lines(
             "# Storage per user",
             "tasks_per_user = writes_per_user × retention -> req/user",
             "storage_per_user = storage_total ÷ dau -> MB/user",
             "# Every task operation within its 1,000 ms budget",
             "operation_time = ref.intercontinental_round_trip + ref.proxy_hop + 2 × ref.db_query + request_latency",
             "operation_ok = operation_time <= 1000 ms",
         )},
    ),
    Preset(
        "url-shortener-1m-rps",
        "URL shortener, 1M redirects/s",
        "Given: 1M redirects per second; long URLs at most 3 KB, short URLs at most 0.3 KB; "
        "each redirect within 500 ms.\n\n"
        "Chosen here: 1M/s is the average read rate, with 1 new short URL per 100 redirects "
        "(10k writes/s); a stored record is the long plus the short URL (3.3 KB); a redirect "
        "response carries the long URL (3 KB); kept 10 years; 5 ms in the server per redirect and "
        "10k redirects per second per server; 90% of redirects answered by the cache, whose hot "
        "set is 1% of a day's reads (popular links repeat); a redirect crosses a continent, a "
        "proxy and one cache or database query (reference numbers); traffic grows 20% a year, shown over "
        "5 years.",
        {"read_qps": "1M/s", "write_qps": "10k/s", "object_size": "3.3 KB", "response_size": "3 KB",
         "retention": "10 years", "request_latency": "5 ms", "server_qps": "10k", "cache_hit_rate": "90%",
         "cache_hot_fraction": "1%", "growth": "20%", "horizon": "5 years",
         "lines": lines(
             "# URLs stored over the retention",
             "new_urls_per_day = write_qps -> req/day",
             "urls_stored = write_qps × retention",
             "# The base62 key length they need",
             "key_length = ceil(log(urls_stored, 62))",
             "# Each redirect within 500 ms",
             "redirect_time = ref.us_east_west_round_trip + ref.proxy_hop + ref.db_query + request_latency",
             "redirect_ok = redirect_time <= 500 ms",
         )},
    ),
    Preset(
        "mobile-banking-four-nines",
        "Mobile banking, four nines",
        "Given: 99.99% availability; transactions are never lost (replicated, kept for years).\n\n"
        "Chosen here: 10M daily users, 10 reads and 2 transactions each a day, 1 KB per "
        "transaction, 5 KB per read, 5 copies, kept 10 years, peak 3× average (paydays); an audit "
        "entry of 500 B per transaction in every copy; a full backup every day, 30 kept; users grow 10% a "
        "year, shown over 5 years.",
        {"dau": "10M", "reads_per_user": "10", "writes_per_user": "2", "object_size": "1 KB",
         "response_size": "5 KB", "availability": "99.99%", "replication_factor": "5",
         "retention": "10 years", "peak_factor": "3", "growth": "10%", "horizon": "5 years",
         "lines": lines(
             "# Transactions per second at peak",
             "peak_transactions = peak_write_qps -> req/s",
             "# The audit log and daily backups",
             "audit_log = write_qps × 500 B/req × retention × replication_factor -> TB",
             "backup_per_day = db_storage_total ÷ replication_factor -> TB",
             "backups_held = backup_per_day × 30 -> PB",
             "# Requirements",
             "four_nines = availability >= 4 nines",
             "never_lost = replication_factor >= 3",
         )},
    ),
    Preset(
        "video-upload-1k-users",
        "Video upload service, 1,000 users",
        "Given: 1,000 users; 1 upload per user per day; files up to 4 GB.\n\n"
        "Chosen here: every upload is the full 4 GB (a worst case) of a 10-minute video, each "
        "user watches 5 videos a day streamed in HD (400 MB), kept 1 year, 3 copies; every "
        "upload gets a 4K rendition at 20 Mbps, an HD one at 5 Mbps, a 128 kbps audio track and "
        "10 thumbnails of 50 KB; one transcode takes 30 minutes of a worker; users double every year, "
        "shown over 3 years.",
        {"dau": "1000", "writes_per_user": "1", "object_size": "4 GB", "reads_per_user": "5",
         "response_size": "400 MB", "retention": "1 year", "replication_factor": "3",
         "growth": "100%", "horizon": "3 years",
         "lines": lines(
             "# Renditions of one upload: 4K and HD, a separate audio track, thumbnails",
             "video_length = 10 min",
             "rendition_4k = 20 Mbps × video_length / req -> GB/req",
             "rendition_hd = 5 Mbps × video_length / req -> MB/req",
             "audio_track = 128 kbps × video_length / req -> MB/req",
             "thumbnails = 10 × 50 KB/req -> KB/req",
             "renditions_per_day = write_qps × 1 day × (rendition_4k + rendition_hd + audio_track + thumbnails) -> TB",
             "renditions_held = renditions_per_day × retention ÷ 1 day -> TB",
             "# Upload bandwidth",
             "upload_bandwidth = peak_ingress -> Mbps",
             "# Transcoding workers (Little's law: in flight = rate × time)",
             "transcode_time = 30 min",
             "transcodes_in_flight = peak_write_qps × transcode_time",
             "transcoding_workers = ceil(transcodes_in_flight ÷ (1 req × utilization))",
             "# Requirements",
             "upload_fits = object_size <= 4 GB/req",
         )},
    ),
)

BY_SLUG = {preset.slug: preset for preset in PRESETS}
