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
        "the calculator's defaults.\n\n"
        "As components (model 2): the CDN replaces plain egress (`net = cdn(…)`); the cache holds the hot "
        "share of a day's metadata reads (1 KB each: 100 GB on 3 nodes), not photos, which the CDN serves "
        "(caching 200 KB responses took 447 cache nodes); thumbnails are made by `workers` at 200 ms a photo "
        "(67 at the peak).",
        {"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 KB",
         "response_size": "200 KB", "replication_factor": "3", "retention": "10 years",
         "growth": "30%", "horizon": "5 years",
         "lines": lines(
             "# Where the bytes go: photos in object storage, a metadata row each in the database",
             "photos_per_day = dau × writes_per_user -> req/day",
             "photo_bytes_per_day = photos_per_day × object_size -> TB/day",
             "photo_share = object_storage_total ÷ storage_total -> %",
             "metadata_share = db_storage_total ÷ storage_total -> %",
             "# Reads through a CDN (it replaces plain egress); the cache holds metadata, not photos",
             "net = cdn(egress: egress)",
             "cache = cache(data: read_qps × 1 day × metadata_size × cache_hot_fraction)",
             "cdn_egress_per_month = egress_per_month -> PB",
             "cdn_peak = peak_egress -> Gbps",
             "# Thumbnails made as photos arrive",
             "thumbs = workers(rate: write_qps, work: 200 ms)",
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
        "shown over 3 years.\n\n"
        "As components (model 2): no cache (`cache = none`): at 87 requests a second at the peak the "
        "database's 3 nodes (a primary and 2 replicas, kept for redundancy) serve every read; app servers "
        "are at their floor of 2 for redundancy (1 before).",
        {"dau": "100k", "reads_per_user": "20", "writes_per_user": "5", "object_size": "200 B",
         "response_size": "2 KB", "retention": "5 years", "request_latency": "50 ms", "peak_factor": "3",
         "growth": "50%", "horizon": "3 years",
         "lines": lines(
             "# Small enough for no cache: the database serves every read",
             "cache = none",
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
        "5 years.\n\n"
        "As components (model 2): URLs live in a key-value store (`db = kv_store(…)`: a lookup by key, "
        "3 copies, no joins), behind the look-aside cache that answers 90% of redirects; the store is "
        "sized by the 31.2 PB it holds (4,461 nodes of 10 TB at 70%).",
        {"read_qps": "1M/s", "write_qps": "10k/s", "object_size": "3.3 KB", "response_size": "3 KB",
         "retention": "10 years", "request_latency": "5 ms", "server_qps": "10k", "cache_hit_rate": "90%",
         "cache_hot_fraction": "1%", "growth": "20%", "horizon": "5 years",
         "lines": lines(
             "# URLs stored over the retention",
             "new_urls_per_day = write_qps -> req/day",
             "urls_stored = write_qps × retention",
             "# A key-value store behind the cache: reads are the cache's misses",
             "db = kv_store(writes: write_qps, reads: read_qps × (1 − cache.hit_rate), data: urls_stored × object_size, node_storage: node_storage)",
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
        "entry of 500 B per transaction; a full backup every day, 30 kept; users grow 10% a "
        "year, shown over 5 years.\n\n"
        "As components (model 2): the audit log is a replicated `queue` (a week on 3 brokers) archived to "
        "object storage for the retention (36.5 TB, where a copy in each of the database's 5 copies was "
        "182 TB); the 30 daily backups (2.19 PB) are in object storage and now in the bill ($43.8k a month).",
        {"dau": "10M", "reads_per_user": "10", "writes_per_user": "2", "object_size": "1 KB",
         "response_size": "5 KB", "availability": "99.99%", "replication_factor": "5",
         "retention": "10 years", "peak_factor": "3", "growth": "10%", "horizon": "5 years",
         "lines": lines(
             "# Transactions per second at peak",
             "peak_transactions = peak_write_qps -> req/s",
             "# The audit log: every transaction on a replicated log, archived for the retention",
             "audit = queue(rate: write_qps, size: 500 B)",
             "audit_archive = object_store(data: audit.rate × audit.size × retention)",
             "# A full backup every day, 30 kept, in object storage",
             "backup_per_day = db_storage_total ÷ replication_factor -> TB",
             "backups = object_store(data: backup_per_day × 30)",
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
        "shown over 3 years.\n\n"
        "As components (model 2): transcoding is `workers` (60 at the peak, Little's law); the renditions "
        "(688 TB) are an object store of their own beside the originals, now in the bill; videos are "
        "streamed through a CDN (`net = cdn(…)`) with no cache (`cache = none`: a cache of 400 MB "
        "responses took 9 nodes for 5,000 views a day).",
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
             "renditions = object_store(data: renditions_held)",
             "# Transcoding workers (Little's law: in flight = rate × time)",
             "transcode = workers(rate: write_qps, work: 30 min)",
             "# Streamed through a CDN; no cache for whole videos",
             "net = cdn(egress: egress)",
             "cache = none",
             "# Requirements",
             "upload_fits = object_size <= 4 GB/req",
         )},
    ),
)

BY_SLUG = {preset.slug: preset for preset in PRESETS}
