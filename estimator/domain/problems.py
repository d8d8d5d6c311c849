"""The problem library: the classic systems that design courses, books and interviews ask
about, each a saved scenario on every install (README, Problems).

A problem tells its system's story like a preset (presets.py): the inputs its statement gives,
the values chosen where it gives none (named in its description, with why), the components the
system needs as lines, its own questions as lines and its requirements as checks. Where a book
or primer publishes an estimate, the problem carries the figures (never the text) and names the
source; the lines compute the exact arithmetic beside the published figure, and a comment says
how far the published figure rounds it. `asks` are the key figures practice mode asks for
(practice.py grades them).
"""

from __future__ import annotations

from dataclasses import dataclass

GROUPS: tuple[str, ...] = (
    "Core distributed systems",
    "Social and content",
    "Search and query",
    "E-commerce and transactions",
    "Infrastructure",
    "The big-tech classics",
)

XU1 = "Alex Xu, System Design Interview – An Insider's Guide (vol. 1)"
XU2 = "Alex Xu and Sahn Lam, System Design Interview – An Insider's Guide (vol. 2)"
KLEPPMANN = "Martin Kleppmann, Designing Data-Intensive Applications"
PRIMER = "Donne Martin, The System Design Primer"


@dataclass(frozen=True)
class Ask:
    """A key figure practice asks for: a result of the problem's estimate and how it is named."""

    name: str
    label: str


@dataclass(frozen=True, eq=False)  # hashed by identity: a problem is a constant (practice memoizes)
class Problem:
    slug: str
    name: str
    group: str
    statement: str  # one line: what is asked, with what is given
    description: str  # given, chosen (and why), published figures
    inputs: dict[str, str]
    asks: tuple[Ask, ...]
    source: str = ""  # author, title, chapter; "" when every value is chosen here

    @property
    def headline(self) -> tuple[str, ...]:
        """The results the library shows for it: cost and nodes."""
        return ("cost_per_month", "nodes_total")


def lines(*rows: str) -> str:
    return "\n".join(rows)


def ask(name: str, label: str) -> Ask:
    return Ask(name, label)


PEAK_QPS = ask("peak_qps", "Peak requests per second")
STORAGE = ask("storage_total", "Storage held (all copies)")
COST = ask("cost_per_month", "Cost a month")

PROBLEMS: tuple[Problem, ...] = (
    # Core distributed systems ---------------------------------------------------------------
    Problem(
        "url-shortener-100m-a-day", "URL shortener, 100M new URLs a day", GROUPS[0],
        "Shorten 100M URLs a day and redirect ten times as many; keep them 10 years.",
        "Given (Xu, vol. 1, ch. 8): 100M new URLs a day, reads 10 times the writes, kept 10 years, "
        "a URL of 100 B on average, keys from [0-9a-zA-Z].\n\n"
        "Chosen here: a redirect answers 500 B (a 301 with the long URL) after 5 ms in the server "
        "(a lookup); 20% of a day's redirects are hot and cached; peak 2× average; capacity and "
        "prices are the defaults. Requirement: a redirect within 500 ms at the p99.\n\n"
        "Published: ~1,160 writes/s and ~11,600 redirects/s (exact: 1,157 and 11,574, rounded up "
        "to three figures), 365 billion records, 36.5 TB, 7 characters (62^7 ≈ 3.5 trillion).",
        {"write_qps": "100M/day", "read_qps": "1bn/day", "object_size": "100 B", "response_size": "500 B",
         "retention": "10 years", "request_latency": "5 ms",
         "lines": lines(
             "# Xu prints ~1,160 and ~11,600 req/s: 1,157 and 11,574 exactly (100M ÷ 86,400 s)",
             "writes_per_second = write_qps -> req/s",
             "redirects_per_second = read_qps -> req/s",
             "# 365 billion records and 36.5 TB, exactly as printed",
             "records = write_qps × retention",
             "record_storage = records × object_size -> TB",
             "# The shortest base62 key that covers them: 62^6 = 56.8 billion < 365 billion ≤ 62^7",
             "key_length = ceil(log(records, 62))",
             "# A redirect: across the US, a proxy, the app and the cache at their p99 (a sum of p99s over-states the path's)",
             "redirect_time = ref.us_east_west_round_trip + ref.proxy_hop + app.p99 + cache.p99",
             "redirect_ok = redirect_time <= 500 ms",
         )},
        (ask("redirects_per_second", "Redirects per second (average)"), ask("records", "Records over 10 years"),
         ask("record_storage", "Storage for the records (one copy)"), ask("key_length", "Key length (base62)"),
         PEAK_QPS),
        f"{XU1}, ch. 8 'Design a URL shortener'",
    ),
    Problem(
        "pastebin", "Pastebin, 10M pastes a month", GROUPS[0],
        "Store 10M pastes a month of 1 KB, read ten times as often, kept 3 years.",
        "Given (Martin, The System Design Primer, 'Design Pastebin.com (or Bit.ly)'): 10M paste "
        "writes and 100M reads a month, 1 KB a paste, 3 years.\n\n"
        "Chosen here: a read returns the 1 KB paste; 20% of a day's reads are hot; peak 2× "
        "average; capacity and prices are the defaults.\n\n"
        "Published: 10 GB a month, 360 GB in 3 years, ~4 writes/s and ~40 reads/s. The primer "
        "counts a month as 2.5 million seconds and 3 years as 36 months; here a month is 30 days "
        "(2.592M s: 3.86 and 38.6/s) and 3 years 1,095 days (365 GB).",
        {"write_qps": "10M/month", "read_qps": "100M/month", "object_size": "1 KB", "response_size": "1 KB",
         "retention": "3 years",
         "lines": lines(
             "# The primer prints 10 GB a month: exact",
             "pastes_per_month = write_qps × 1 month × object_size -> GB",
             "# 360 GB for 36 months of 30 days; 3 years of 365 days are 365 GB",
             "pastes_held = write_qps × retention × object_size -> GB",
             "# ~4 and ~40 per second with 2.5M s a month; 3.86 and 38.6 with 30 days",
             "writes_per_second = write_qps -> req/s",
             "reads_per_second = read_qps -> req/s",
         )},
        (ask("writes_per_second", "Pastes per second"), ask("reads_per_second", "Reads per second"),
         ask("pastes_per_month", "New data a month"), ask("pastes_held", "Data over 3 years (one copy)")),
        f"{PRIMER}, 'Design Pastebin.com (or Bit.ly)'",
    ),
    Problem(
        "rate-limiter", "Rate limiter, 1M requests/s", GROUPS[0],
        "Limit 10M clients' requests at a gateway taking 1M requests/s, adding at most 1 ms.",
        "Given: 1M requests/s through the gateway; 10M distinct clients; each check within 1 ms.\n\n"
        "Chosen here: a sliding window of two fixed-window counters per client, 32 B each with "
        "its key (64 B a client), in Redis-like memory nodes (100k ops/s each, 3 copies: a majority survives the loss of one); every "
        "request is one counter operation; the gateway spends 1 ms per request and serves 20k/s a "
        "node. No cache, database or object storage: counters live only in memory (losing a "
        "window on failover lets a client through, which a limiter accepts). Peak 2× average.",
        {"read_qps": "1M/s", "write_qps": "0/s", "request_latency": "1 ms", "server_qps": "20k",
         "response_size": "200 B",
         "lines": lines(
             "counters = memory_store(data: 10M × 64 B, ops: total_qps, replication: 3)",
             "cache = none",
             "db = none",
             "objects = none",
             "# A check is a round trip in the data centre and a counter update",
             "check_time = ref.dc_round_trip + ref.memory_reference -> ms",
             "check_ok = check_time <= 1 ms",
         )},
        (PEAK_QPS, ask("counters.memory", "Memory for the counters (all copies)"),
         ask("counters.nodes", "Counter nodes"), ask("app.nodes", "Gateway servers")),
    ),
    Problem(
        "notifications", "Notification system, 16M a day", GROUPS[0],
        "Send 10M push notifications, 1M SMS and 5M e-mails a day, and catch up after an hour's outage.",
        "Given (Xu, vol. 1, ch. 10): 10 million mobile push notifications, 1 million SMS and 5 "
        "million e-mails a day.\n\n"
        "Chosen here: 16M sends a day through one queue (1 KB a message, 7 days kept); a sender "
        "holds 50 calls in flight to a provider taking 100 ms each; SMS at $0.0079 (a US list "
        "price) and e-mail at $0.0001 (10¢ per thousand); push is free; a 1 KB log row per send "
        "kept 90 days; no cache (nothing is read twice); peak 2× average. Requirement: an hour's "
        "backlog drains within an hour.\n\n"
        "Published: the three daily counts above (no rate or fleet is printed).",
        {"write_qps": "16M/day", "read_qps": "0/s", "object_size": "1 KB", "retention": "90 days",
         "lines": lines(
             "fan = queue(rate: write_qps, size: 1 KB)",
             "senders = workers(rate: write_qps, work: 100 ms, concurrency: 50)",
             "sms = fees(rate: 1M/day, price: $0.0079)",
             "email = fees(rate: 5M/day, price: $0.0001)",
             "cache = none",
             "sends_per_second = write_qps -> req/s",
             "# After an hour's outage: the backlog, and the time the senders take to drain it",
             "backlog = write_qps × 1 hour",
             "drain_rate = senders.nodes × senders.concurrency ÷ senders.work -> req/s",
             "drain_time = backlog ÷ (drain_rate − write_qps) -> min",
             "drains_in_an_hour = drain_time <= 1 hour",
         )},
        (ask("sends_per_second", "Sends per second (average)"), ask("sms.cost", "SMS bill a month"),
         ask("senders.nodes", "Sender workers"), ask("backlog", "Backlog after an hour's outage")),
        f"{XU1}, ch. 10 'Design a notification system'",
    ),
    Problem(
        "metrics-monitoring", "Metrics monitoring, 10M metrics", GROUPS[0],
        "Collect 10M metrics from 100,000 machines and keep them a year, at three resolutions.",
        "Given (Xu and Lam, vol. 2, ch. 5): 1,000 server pools × 100 machines × 100 metrics = "
        "10M metrics; raw data kept 7 days, 1-minute roll-ups 30 days, 1-hour roll-ups 1 year.\n\n"
        "Chosen here: every metric sampled every 10 s (1M points/s); agents send a batch of 100 "
        "points per machine each 10 s (10k batches/s); dashboards and alert rules query 1k times "
        "a second, 10 KB an answer; points compressed Gorilla-style (1.37 B a point), 3 copies (a majority survives the loss of one). "
        "A time-series store replaces the database; no cache or object storage.\n\n"
        "Published: ~10 million metrics (1,000 × 100 × 100, exact).",
        {"write_qps": "10k/s", "read_qps": "1k/s", "object_size": "137 B", "response_size": "10 KB",
         "lines": lines(
             "# ~10 million metrics, exactly as printed",
             "metrics = 1000 × 100 × 100",
             "points_per_second = metrics × 1 req ÷ 10 s",
             "raw = time_series(points: points_per_second, retention: 7 days, replication: 3)",
             "minutes = time_series(points: metrics ÷ 1 min, retention: 30 days, replication: 3)",
             "hours = time_series(points: metrics ÷ 1 hour, retention: 1 year, replication: 3)",
             "db = none",
             "cache = none",
             "objects = none",
         )},
        (ask("points_per_second", "Points written per second"), ask("raw.storage", "Raw storage over 7 days"),
         ask("raw.nodes", "Raw time-series nodes"), STORAGE),
        f"{XU2}, ch. 5 'Metrics monitoring and alerting system'",
    ),
    Problem(
        "ad-click-aggregation", "Ad click aggregation, 1bn clicks a day", GROUPS[0],
        "Aggregate 1bn ad clicks a day over 2M ads, every minute, keeping the raw events.",
        "Given (Xu and Lam, vol. 2, ch. 6): 1 billion clicks a day, 2 million ads, peak 5× "
        "average, 0.1 KB a click event.\n\n"
        "Chosen here: raw events in a log (7 days) and a wide-column store for a year; the "
        "aggregator spends 100 µs of a core per event; 1k queries/s on the aggregates.\n\n"
        "Published: 10,000 clicks/s and 50,000 at peak (Xu counts a day as 10^5 s; exact 11,574 "
        "and 57,870), 100 GB a day and 3 TB a month (exact).",
        {"write_qps": "1bn/day", "read_qps": "1k/s", "peak_factor": "5", "object_size": "100 B",
         "response_size": "1 KB", "retention": "1 year",
         "lines": lines(
             "log = queue(rate: write_qps, size: object_size)",
             "aggregator = workers(rate: write_qps, work: 100 µs)",
             "db = kv_store(writes: write_qps, reads: read_qps, data: write_qps × retention × object_size)",
             "cache = none",
             "# Xu prints 10,000 and 50,000 (a day of 10^5 s): 11,574 and 57,870 exactly",
             "clicks_per_second = write_qps -> req/s",
             "peak_clicks = peak_write_qps -> req/s",
             "# 100 GB a day and 3 TB a month, exactly as printed",
             "raw_per_day = write_qps × 1 day × object_size -> GB",
             "raw_per_month = write_qps × 1 month × object_size -> TB",
         )},
        (ask("clicks_per_second", "Clicks per second (average)"), ask("peak_clicks", "Clicks per second at peak"),
         ask("raw_per_day", "Raw data a day"), ask("db.nodes", "Wide-column nodes")),
        f"{XU2}, ch. 6 'Ad click event aggregation'",
    ),
    Problem(
        "job-scheduler", "Job scheduler, 100M runs a day", GROUPS[0],
        "Run 100M scheduled jobs a day on time, each taking 2 s on average.",
        "Given: 100M job runs a day; a run takes 2 s of a worker on average.\n\n"
        "Chosen here: a worker runs 10 jobs at once; due runs go through a queue (500 B a "
        "message); every run writes a 500 B history row kept 90 days; users read job status 100M "
        "times a day (2 KB); peak 3× average (on-the-hour schedules cluster).",
        {"write_qps": "100M/day", "read_qps": "100M/day", "peak_factor": "3", "object_size": "500 B",
         "response_size": "2 KB", "retention": "90 days",
         "lines": lines(
             "due = queue(rate: write_qps, size: 500 B, retention: 1 day)",
             "runners = workers(rate: write_qps, work: 2 s, concurrency: 10)",
             "runs_per_second = write_qps -> req/s",
             "# Little's law: runs in flight at the peak",
             "in_flight = peak_write_qps × 2 s",
         )},
        (ask("runs_per_second", "Runs per second (average)"), ask("in_flight", "Runs in flight at peak"),
         ask("runners.nodes", "Worker nodes"), ask("db.nodes", "History database nodes")),
    ),
    Problem(
        "unique-id-generator", "Unique ID generator, 10k IDs/s", GROUPS[0],
        "Hand out 64-bit, time-ordered unique IDs, 10,000 a second, with no coordination.",
        "Given (Xu, vol. 1, ch. 7): 64-bit IDs ordered by time, 10,000 a second; the Snowflake "
        "layout: 41 bits of milliseconds, 5 bits of data centre, 5 of machine, 12 of sequence.\n\n"
        "Chosen here: an ID is made in memory in 100 µs of a request, a node serving 100k/s. "
        "No cache, database or object storage: each machine only needs its clock and its ID. "
        "Peak 2× average.\n\n"
        "Published: 41 bits of milliseconds last ~69 years (exact 69.7 years of 365 days); "
        "4,096 IDs a millisecond per machine; 1,024 machines.",
        {"read_qps": "10k/s", "write_qps": "0/s", "response_size": "8 B", "request_latency": "100 µs",
         "server_qps": "100k",
         "lines": lines(
             "cache = none",
             "db = none",
             "objects = none",
             "# Xu prints ~69 years: 2^41 ms is 69.7 years of 365 days",
             "timestamp_span = 2^41 × 1 ms -> years",
             "ids_per_ms = 2^12",
             "machines = 2^5 × 2^5",
             "sequence_ok = peak_qps <= ids_per_ms × 1 req ÷ 1 ms",
         )},
        (ask("timestamp_span", "How long 41 bits of ms last"), ask("ids_per_ms", "IDs a machine makes per ms"),
         ask("machines", "Machines the layout names"), ask("app.nodes", "ID servers")),
        f"{XU1}, ch. 7 'Design a unique ID generator in distributed systems'",
    ),
    Problem(
        "web-crawler", "Web crawler, 1bn pages a month", GROUPS[0],
        "Crawl 1bn pages a month and keep them 5 years.",
        "Given (Xu, vol. 1, ch. 9): 1 billion pages a month, peak 2× average, 500 KB a page, "
        "kept 5 years.\n\n"
        "Chosen here: a fetcher holds 100 pages in flight, 1 s each; a 1 KB metadata row per "
        "page in the database, pages in object storage; no app servers, cache or egress (a "
        "crawler serves nobody).\n\n"
        "Published: ~400 pages/s (exact 385.8 with a 30-day month), 800 at peak, 500 TB a month "
        "(exact), 30 PB in 5 years (60 months of 30 days; 1,825 days give 30.4 PB).",
        {"write_qps": "1bn/month", "read_qps": "0/s", "object_size": "500 KB", "retention": "5 years",
         "lines": lines(
             "fetchers = workers(rate: write_qps, work: 1 s, concurrency: 100)",
             "app = none",
             "cache = none",
             "net = none",
             "# Xu prints ~400 and 800 pages/s: 385.8 and 771.6 exactly",
             "pages_per_second = write_qps -> req/s",
             "peak_pages = peak_write_qps -> req/s",
             "# 500 TB a month, exactly as printed",
             "storage_per_month = write_qps × 1 month × object_size -> TB",
             "download = peak_ingress -> Gbps",
         )},
        (ask("pages_per_second", "Pages per second (average)"), ask("storage_per_month", "Storage a month"),
         ask("object_storage_total", "Pages held over 5 years"), ask("download", "Download bandwidth at peak")),
        f"{XU1}, ch. 9 'Design a web crawler'",
    ),
    Problem(
        "email-service", "E-mail service, 1bn users", GROUPS[0],
        "Send and keep e-mail for 1bn users: 10 sent and 40 received each a day.",
        "Given (Xu and Lam, vol. 2, ch. 8): 1 billion users, 10 e-mails sent and 40 received per "
        "user a day, 50 KB of metadata an e-mail, 20% with an attachment of 500 KB, a year kept.\n\n"
        "Chosen here: mail in a wide-column store of dense 50 TB nodes, 3 copies; attachments in "
        "object storage; a read returns 50 KB, 20 a user a day, from the store (no look-aside cache: a mailbox is read by its owner alone).\n\n"
        "Published: 100,000 sends/s (a day of 10^5 s; exact 115,741), 730 PB of metadata and "
        "1,460 PB of attachments a year (both exact).",
        {"dau": "1bn", "writes_per_user": "10", "reads_per_user": "20", "object_size": "50 KB",
         "response_size": "50 KB", "retention": "1 year",
         "lines": lines(
             "received = dau × 40 req/user ÷ 1 day -> req/s",
             "db = kv_store(writes: received, reads: read_qps, data: received × retention × object_size, node_storage: 50 TB)",
             "objects = object_store(data: received × retention × 20% × 500 KB/req)",
             "cache = none",
             "# Xu prints 100,000 sends/s: 115,741 exactly",
             "sends_per_second = write_qps -> req/s",
             "# 730 PB and 1,460 PB a year, exactly as printed",
             "metadata_per_year = received × 1 year × object_size -> PB",
             "attachments_per_year = received × 1 year × 20% × 500 KB/req -> PB",
         )},
        (ask("sends_per_second", "Sends per second"), ask("metadata_per_year", "Metadata a year"),
         ask("attachments_per_year", "Attachments a year"), ask("db.nodes", "Mail store nodes")),
        f"{XU2}, ch. 8 'Distributed email service'",
    ),
    # Social and content ---------------------------------------------------------------------
    Problem(
        "news-feed-10m-dau", "News feed, 10M DAU", GROUPS[1],
        "Publish posts and build each user's feed for 10M daily users with up to 5,000 friends.",
        "Given (Xu, vol. 1, ch. 11): 10M daily users, up to 5,000 friends, a feed of posts; no "
        "estimate is published.\n\n"
        "Chosen here: 1 post a user a day of 1 KB, kept 5 years; 10 feed reads a day of 10 KB; "
        "200 friends on average, so a post fans out to 200 feeds through a queue (100 B a "
        "message) and workers (1 ms each, 10 at once); each feed keeps 500 entries of 16 B (post "
        "and author IDs) in memory, 3 copies. Peak 2× average.",
        {"dau": "10M", "writes_per_user": "1", "reads_per_user": "10", "object_size": "1 KB",
         "response_size": "10 KB",
         "lines": lines(
             "fan = queue(rate: write_qps × 200, size: 100 B)",
             "fanout = workers(rate: fan.rate, work: 1 ms, concurrency: 10)",
             "feeds = memory_store(data: dau × 500 × 16 B/user, ops: fan.rate + read_qps, replication: 3)",
             "feed_writes = write_qps × 200 -> req/s",
             "celebrity_fanout = 5000 req × fanout.work ÷ fanout.concurrency -> s",
             "celebrity_ok = celebrity_fanout <= 5 s",
         )},
        (ask("feed_writes", "Feed writes per second (fan-out)"), ask("feeds.memory", "Feed memory (all copies)"),
         ask("fanout.nodes", "Fan-out workers"), PEAK_QPS),
        f"{XU1}, ch. 11 'Design a news feed system'",
    ),
    Problem(
        "chat-50m-dau", "Chat (WhatsApp-like), 50M DAU", GROUPS[1],
        "A chat service for 50M daily users: one-to-one and groups of up to 100.",
        "Given (Xu, vol. 1, ch. 12): 50M daily users, one-to-one and group chat (up to 100 "
        "members), messages kept forever, history in a key-value store.\n\n"
        "Chosen here: 40 messages sent per user a day of 100 B; 10% of users connected at the "
        "busiest moment (WebSockets, 10 KB each); a message is pushed to 2 devices on average; "
        "each user syncs 20 times a day, 4 KB; kept 5 years, 3 copies; no cache (history is "
        "read once per device). Peak 2× average. Requirement: delivered across a continent "
        "within 500 ms (an ocean, two proxies, the connection server and the store at their p99).\n\nPublished: the requirements above; no capacity estimate is printed.",
        {"dau": "50M", "writes_per_user": "40", "reads_per_user": "20", "object_size": "100 B",
         "response_size": "4 KB",
         "lines": lines(
             "ws = connections(concurrent: dau × 10%, messages: write_qps × 2)",
             "db = kv_store(writes: write_qps, reads: read_qps, data: write_qps × retention × object_size)",
             "cache = none",
             "messages_per_day = write_qps -> req/day",
             "delivery_time = ref.intercontinental_round_trip + 2 × ref.proxy_hop + ws.p99 + db.p99",
             "delivery_ok = delivery_time <= 500 ms",
         )},
        (ask("write_qps", "Messages per second (average)"), ask("ws.nodes", "Connection servers"),
         ask("ws.memory", "Memory for connections"), ask("db.storage", "History stored (all copies)")),
        f"{XU1}, ch. 12 'Design a chat system'",
    ),
    Problem(
        "comments", "Comments, 50M DAU", GROUPS[1],
        "Comments under articles for 50M daily readers, threads shown in under 200 ms.",
        "Given: 50M daily readers; threads shown within 200 ms.\n\n"
        "Chosen here: 5 thread reads a reader a day (20 KB a page of comments), 0.1 comment "
        "written a reader a day of 500 B, kept 10 years, 3 copies; 20% of a day's reads are hot "
        "and cached; a page is 20 ms in the server and a cache query, at their p99 across the US; peak 3× "
        "(breaking news). The default architecture fits.",
        {"dau": "50M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "500 B",
         "response_size": "20 KB", "retention": "10 years", "peak_factor": "3", "request_latency": "20 ms",
         "lines": lines(
             "comments_per_day = write_qps -> req/day",
             "page_time = ref.us_east_west_round_trip + ref.proxy_hop + app.p99 + cache.p99",
             "page_ok = page_time <= 200 ms",
         )},
        (ask("peak_read_qps", "Reads per second at peak"), ask("storage_total", "Storage (all copies)"),
         ask("cache.memory", "Cache memory"), ask("app.nodes", "App servers")),
    ),
    Problem(
        "youtube", "YouTube, 5M DAU", GROUPS[1],
        "Upload and stream video for 5M daily users who each watch 5 videos a day.",
        "Given (Xu, vol. 1, ch. 14): 5M daily users watching 5 videos a day; 10% upload 1 video "
        "a day; 300 MB a video; CDN at $0.02 per GB.\n\n"
        "Chosen here: every view streams the whole 300 MB, all from the CDN (as Xu counts); "
        "originals kept 5 years in object storage; transcoding takes 10 minutes of a core per "
        "upload, 16 cores a worker; no cache (the CDN serves every view). Peak 2× average.\n\n"
        "Published: 150 TB of new video a day and $150,000 a day of CDN (both exact).",
        {"dau": "5M", "reads_per_user": "5", "writes_per_user": "0.1", "object_size": "300 MB",
         "response_size": "300 MB",
         "lines": lines(
             "cdn = cdn(egress: egress, hit_rate: 100%, price: $0.02/GB)",
             "net = none",
             "transcoders = workers(rate: write_qps, work: 10 min, concurrency: 16)",
             "cache = none",
             "uploads_per_day = write_qps -> req/day",
             "# 150 TB a day and $150,000 a day, exactly as printed",
             "video_per_day = write_qps × 1 day × object_size -> TB",
             "cdn_per_day = egress × 1 day × $0.02/GB",
         )},
        (ask("video_per_day", "New video a day"), ask("cdn_per_day", "CDN bill a day"),
         ask("peak_egress", "Egress at peak"), ask("transcoders.nodes", "Transcoding workers")),
        f"{XU1}, ch. 14 'Design YouTube'",
    ),
    Problem(
        "google-drive", "Google Drive (Dropbox-like), 10M DAU", GROUPS[1],
        "Store and sync files for 50M users (10M daily), 10 GB free each.",
        "Given (Xu, vol. 1, ch. 15): 50M signed-up users, 10M daily, 10 GB free each, 2 uploads a "
        "user a day of 500 KB, reads equal to writes.\n\n"
        "Chosen here: files kept 5 years in object storage with a 1 KB metadata row; 10% of "
        "daily users hold a long-poll connection for sync notices; no look-aside cache (a file is read by its owner's devices, once each). Peak 2× average.\n\n"
        "Published: 500 PB allocated (exact), ~240 uploads/s and 480 at peak (exact 231.5 and 463).",
        {"dau": "10M", "writes_per_user": "2", "reads_per_user": "2", "object_size": "500 KB",
         "response_size": "500 KB",
         "lines": lines(
             "sync = connections(concurrent: dau × 10%)",
             "cache = none",
             "# 500 PB allocated, exactly as printed",
             "allocated = 50M × 10 GB -> PB",
             "# Xu prints ~240 and 480 uploads/s: 231.5 and 463 exactly",
             "uploads_per_second = write_qps -> req/s",
             "peak_uploads = peak_write_qps -> req/s",
             "used_share = object_storage_total ÷ allocated -> %",
         )},
        (ask("allocated", "Space allocated"), ask("uploads_per_second", "Uploads per second"),
         ask("object_storage_total", "Files held over 5 years"), COST),
        f"{XU1}, ch. 15 'Design Google Drive'",
    ),
    Problem(
        "instagram", "Instagram, 500M DAU", GROUPS[1],
        "Photo sharing at Instagram's scale: 500M daily users, 100M photos a day.",
        "Given: 500M daily users; 100M photos a day (0.2 a user).\n\n"
        "Chosen here: a photo and its renditions take 2 MB, kept 10 years in object storage with "
        "a 1 KB row; 20 feed views a user a day of 200 KB served by a CDN (95% hits); a feed of "
        "500 entries of 16 B per user in memory, 3 copies, in place of a look-aside cache. Peak 2× average.",
        {"dau": "500M", "writes_per_user": "0.2", "reads_per_user": "20", "object_size": "2 MB",
         "response_size": "200 KB", "retention": "10 years",
         "lines": lines(
             "cdn = cdn(egress: egress, hit_rate: 95%)",
             "net = none",
             "feeds = memory_store(data: dau × 500 × 16 B/user, ops: read_qps, replication: 3)",
             "cache = none",
             "photos_per_day = write_qps -> req/day",
             "photo_bytes_per_day = write_qps × 1 day × object_size -> TB",
         )},
        (ask("photo_bytes_per_day", "New photos a day"), PEAK_QPS, ask("object_storage_total", "Photos over 10 years"),
         ask("cdn.cost", "CDN bill a month")),
    ),
    # Search and query -------------------------------------------------------------------------
    Problem(
        "autocomplete", "Search autocomplete, 10M DAU", GROUPS[2],
        "Suggest the top 5 completions as 10M daily users type, within 100 ms.",
        "Given (Xu, vol. 1, ch. 13): 10M daily users, 10 searches each a day, 20 B a query, a "
        "request per character (20 a search), 20% of a day's queries new, results within "
        "100 ms.\n\n"
        "Chosen here: a trie of 100M queries at 200 B each (node and cached top 5) in memory, 3 "
        "copies, no separate cache or database (rebuilt weekly from logs in object storage, kept "
        "30 days); 2 ms in the server a request; a suggestion crosses the US, a proxy, the app "
        "and the trie at their p99. Peak 2× average.\n\n"
        "Published: ~24,000 requests/s (exact 23,148), 48,000 at peak (exact 46,296), 0.4 GB of "
        "new data a day (exact).",
        {"dau": "10M", "reads_per_user": "200", "writes_per_user": "10", "object_size": "20 B",
         "response_size": "200 B", "retention": "30 days", "request_latency": "2 ms",
         "lines": lines(
             "trie = memory_store(data: 100M × 200 B, ops: read_qps, replication: 3)",
             "cache = none",
             "db = none",
             "objects = object_store(data: write_qps × retention × object_size)",
             "# Xu prints ~24,000 and 48,000: 23,148 and 46,296 exactly",
             "suggest_qps = read_qps -> req/s",
             "peak_suggest_qps = peak_read_qps -> req/s",
             "# 0.4 GB a day, exactly as printed",
             "new_per_day = write_qps × 1 day × object_size × 20% -> GB",
             "suggest_time = ref.us_east_west_round_trip + ref.proxy_hop + app.p99 + trie.p99",
             "suggest_ok = suggest_time <= 100 ms",
         )},
        (ask("suggest_qps", "Requests per second (average)"), ask("peak_suggest_qps", "Requests per second at peak"),
         ask("new_per_day", "New query data a day"), ask("trie.nodes", "Trie nodes")),
        f"{XU1}, ch. 13 'Design a search autocomplete system'",
    ),
    Problem(
        "full-text-search", "Full-text search, 1bn documents", GROUPS[2],
        "Index 1bn documents of 10 KB and answer 10k queries/s.",
        "Given: 1bn documents of 10 KB; 10k queries a second.\n\n"
        "Chosen here: the index is as large as the text (ratio 1), 500 GB and 500 queries/s per "
        "search node, 2 copies; 1M document updates a day; documents kept in the database "
        "(their source of truth); a query returns 5 KB; peak 2× average.",
        {"read_qps": "10k/s", "write_qps": "1M/day", "object_size": "10 KB", "response_size": "5 KB",
         "lines": lines(
             "index = search_index(docs: 1bn, doc_size: 10 KB, queries: read_qps)",
             "db = database(writes: write_qps, data: 1bn × 10 KB)",
             "corpus = 1bn × 10 KB -> TB",
         )},
        (ask("corpus", "Text to index"), ask("index.nodes", "Search nodes"), PEAK_QPS, COST),
    ),
    Problem(
        "proximity-service", "Proximity service, 200M businesses", GROUPS[2],
        "Find businesses near a user: 100M daily users, 200M businesses.",
        "Given (Xu and Lam, vol. 2, ch. 1): 100M daily users, 5 searches each a day, 200M "
        "businesses.\n\n"
        "Chosen here: a business row of 1 KB in the database (one copy 200 GB); a geohash index "
        "of 32 B a business in memory, 3 copies; 0.01 edits a user a day; a search answers 5 KB; "
        "peak 2× average.\n\n"
        "Published: 5,000 searches/s (a day of 10^5 s; exact 5,787).",
        {"dau": "100M", "reads_per_user": "5", "writes_per_user": "0.01", "object_size": "1 KB",
         "response_size": "5 KB",
         "lines": lines(
             "geo = memory_store(data: 200M × 32 B, ops: read_qps, replication: 3)",
             "db = database(writes: write_qps, reads: read_qps × (1 − cache.hit_rate), data: 200M × 1 KB)",
             "# Xu prints 5,000: 5,787 exactly",
             "search_qps = read_qps -> req/s",
             "business_table = 200M × 1 KB -> GB",
         )},
        (ask("search_qps", "Searches per second"), ask("business_table", "Business table (one copy)"),
         ask("geo.memory", "Geo index memory"), ask("db.nodes", "Database nodes")),
        f"{XU2}, ch. 1 'Proximity service'",
    ),
    Problem(
        "leaderboard", "Game leaderboard, 5M DAU", GROUPS[2],
        "Rank 25M monthly players live as 5M daily players finish 10 games each.",
        "Given (Xu and Lam, vol. 2, ch. 10): 5M daily and 25M monthly users, 10 games a user a "
        "day, peak 5× average, 26 B a leaderboard entry (user ID and score) in a sorted set.\n\n"
        "Chosen here: the sorted set in memory, 3 copies (a majority survives the loss of one); game results as 100 B rows kept a "
        "year; 1 leaderboard read a user a day of 1 KB.\n\n"
        "Published: 500 score updates/s (a day of 10^5 s; exact 578.7), 2,500 at peak (exact "
        "2,894), 650 MB for 25M entries (exact).",
        {"dau": "5M", "writes_per_user": "10", "reads_per_user": "1", "peak_factor": "5",
         "object_size": "100 B", "response_size": "1 KB", "retention": "1 year",
         "lines": lines(
             "board = memory_store(data: 25M × 26 B, ops: total_qps, replication: 3)",
             "cache = none",
             "# Xu prints 500 and 2,500: 578.7 and 2,894 exactly; 650 MB exactly",
             "score_updates = write_qps -> req/s",
             "peak_updates = peak_write_qps -> req/s",
             "board_size = 25M × 26 B -> MB",
         )},
        (ask("score_updates", "Score updates per second"), ask("peak_updates", "Score updates at peak"),
         ask("board_size", "Leaderboard size (one copy)"), ask("board.nodes", "Sorted-set nodes")),
        f"{XU2}, ch. 10 'Real-time gaming leaderboard'",
    ),
    # E-commerce and transactions ---------------------------------------------------------------
    Problem(
        "ecommerce-backend", "E-commerce backend (Amazon-like), 50M DAU", GROUPS[3],
        "Browse, search and order for 50M daily shoppers over a 100M-item catalogue.",
        "Given: 50M daily shoppers; a catalogue of 100M items.\n\n"
        "Chosen here: 30 page views a shopper a day (50 KB through a CDN, 90% hits), 20% of them "
        "searches; 0.2 cart or order writes a shopper a day of 2 KB, kept 7 years (tax records); "
        "items of 5 KB in a search index; the cache holds 2% of a day's pages (a few best-sellers draw most views); peak 3× average (sales).",
        {"dau": "50M", "reads_per_user": "30", "writes_per_user": "0.2", "object_size": "2 KB",
         "response_size": "50 KB", "retention": "7 years", "peak_factor": "3", "cache_hot_fraction": "2%",
         "lines": lines(
             "catalog = search_index(docs: 100M, doc_size: 5 KB, queries: read_qps × 20%)",
             "cdn = cdn(egress: egress)",
             "net = none",
             "orders_per_day = write_qps -> req/day",
         )},
        (PEAK_QPS, ask("catalog.nodes", "Search nodes"), ask("db.nodes", "Database nodes"), COST),
    ),
    Problem(
        "payment-system", "Payment system, 1M transactions a day", GROUPS[3],
        "Take 1M payments a day through a card processor, never losing or doubling one.",
        "Given (Xu and Lam, vol. 2, ch. 11): 1 million transactions a day.\n\n"
        "Chosen here: a payment is 2 KB with a double-entry ledger (two rows), kept 7 years, 5 "
        "copies; the processor charges $0.30 a payment (its percentage is left out); 99.99% "
        "availability; 5 status reads a payment; peak 3× average.\n\n"
        "Published: 10 transactions/s (a day of 10^5 s; exact 11.6).",
        {"write_qps": "1M/day", "read_qps": "5M/day", "object_size": "6 KB", "response_size": "2 KB",
         "retention": "7 years", "replication_factor": "5", "availability": "99.99%", "peak_factor": "3",
         "lines": lines(
             "psp = fees(rate: write_qps, price: $0.30)",
             "# Xu prints 10 TPS: 11.6 exactly",
             "tps = write_qps -> req/s",
             "# Writes need no sharding: the peak fits one primary (the ledger's shards are for its 7 years)",
             "one_primary_takes_the_writes = peak_write_qps <= node_write_qps × utilization",
         )},
        (ask("tps", "Transactions per second"), ask("psp.cost", "Processor fees a month"),
         ask("db.storage", "Ledger storage (all copies)"), ask("db.nodes", "Database nodes")),
        f"{XU2}, ch. 11 'Payment system'",
    ),
    Problem(
        "recommendations", "Recommendations, 100M DAU", GROUPS[3],
        "Serve 100 precomputed recommendations per user to 100M daily users.",
        "Given: 100M daily users; 100 recommendations each.\n\n"
        "Chosen here: 10 recommendation reads a user a day (2 KB); lists rebuilt once a day per "
        "user by workers scoring 1,000 candidates in 50 ms; 100 entries of 16 B a user in a "
        "key-value store, 3 copies; no database or cache (the store is both). Peak 2× average.",
        {"dau": "100M", "reads_per_user": "10", "writes_per_user": "1", "object_size": "1.6 KB",
         "response_size": "2 KB",
         "lines": lines(
             "recs = kv_store(writes: write_qps, reads: read_qps, data: dau × 100 × 16 B/user)",
             "scorers = workers(rate: write_qps, work: 50 ms)",
             "db = none",
             "cache = none",
             "per_user = recs.data ÷ dau -> KB/user",
             "lists_rebuilt_per_second = write_qps -> req/s",
         )},
        (PEAK_QPS, ask("recs.storage", "Recommendation storage (all copies)"), ask("recs.nodes", "Key-value nodes"),
         ask("scorers.nodes", "Scoring workers")),
    ),
    Problem(
        "hotel-reservation", "Hotel reservations, 1M rooms", GROUPS[3],
        "Reserve rooms in 5,000 hotels (1M rooms) without double booking.",
        "Given (Xu and Lam, vol. 2, ch. 7): 5,000 hotels, 1M rooms, 70% occupied, stays of 3 "
        "days; 10% of visitors go on at each step (hotel page, booking page, reservation).\n\n"
        "Chosen here: 111 page views per reservation (100 hotel pages and 10 booking pages), "
        "20 KB each; a reservation of 1 KB kept 5 years; one relational database (transactions "
        "prevent double booking); peak 2× average.\n\n"
        "Published: ~240,000 reservations a day (exact 233,333), ~3 a second (a day of 10^5 s; "
        "exact 2.7), 300 and 30 views/s up the funnel.",
        {"write_qps": "1M × 70% ÷ 3 ÷ 1 day", "read_qps": "111 × 1M × 70% ÷ 3 ÷ 1 day",
         "object_size": "1 KB", "response_size": "20 KB",
         "lines": lines(
             "# Xu prints ~240,000 a day and ~3 a second: 233,333 and 2.7 exactly",
             "reservations_per_day = write_qps -> req/day",
             "reservations_per_second = write_qps -> req/s",
             "views_per_second = read_qps -> req/s",
             "one_primary = db.shards <= 1",
         )},
        (ask("reservations_per_day", "Reservations a day"), ask("reservations_per_second", "Reservations per second"),
         ask("views_per_second", "Page views per second"), ask("db.nodes", "Database nodes")),
        f"{XU2}, ch. 7 'Hotel reservation system'",
    ),
    Problem(
        "stock-exchange", "Stock exchange, 1bn orders a day", GROUPS[3],
        "Match 1bn orders a day on 100 symbols within a 6.5-hour session.",
        "Given (Xu and Lam, vol. 2, ch. 13): 100 symbols, 1 billion orders a day, trading 9:30 to "
        "16:00 (6.5 hours), peak 5× average.\n\n"
        "Chosen here: the matching engine keeps the order books in memory (100k resting orders "
        "per symbol at 100 B) on a primary and two hot standbys (a majority survives the loss of one), 1M orders/s a node; a sequenced "
        "log (100 B an order, 7 days, 3 copies); gateways at 50k orders/s a node, 1 ms each; no "
        "cache, database or object storage on the order path; market data left out.\n\n"
        "Published: ~43,000 orders/s (exact 42,735) and 215,000 at peak (exact 213,675).",
        {"write_qps": "1bn ÷ 6.5 hours", "read_qps": "0/s", "peak_factor": "5", "object_size": "100 B",
         "request_latency": "1 ms", "server_qps": "50k",
         "lines": lines(
             "engine = memory_store(data: 100 × 100k × 100 B, ops: write_qps, node_ops: 1M/s, replication: 3)",
             "log = queue(rate: write_qps, size: object_size)",
             "cache = none",
             "db = none",
             "objects = none",
             "net = none",
             "# Xu prints ~43,000 and 215,000: 42,735 and 213,675 exactly",
             "orders_per_second = write_qps -> req/s",
             "peak_orders = peak_write_qps -> req/s",
             "book_fits = engine.memory <= cache_node_memory",
         )},
        (ask("orders_per_second", "Orders per second (average)"), ask("peak_orders", "Orders per second at peak"),
         ask("engine.nodes", "Matching engine nodes"), ask("log.storage", "Order log (all copies)")),
        f"{XU2}, ch. 13 'Stock exchange'",
    ),
    # Infrastructure -----------------------------------------------------------------------------
    Problem(
        "distributed-cache", "Distributed cache, 1 TB hot set", GROUPS[4],
        "A memcached/Redis-like cache for 1.1M operations/s over a 1 TB hot set.",
        "Given: 1M reads and 100k writes a second; 1 TB of hot data.\n\n"
        "Chosen here: 1 KB values; memory nodes of 64 GB at 100k ops/s, 3 copies; clients hash "
        "keys to nodes themselves (no app servers, database or egress). Peak 2× average.",
        {"read_qps": "1M/s", "write_qps": "100k/s", "object_size": "1 KB", "response_size": "1 KB",
         "lines": lines(
             "store = memory_store(data: 1 TB, ops: total_qps, replication: 3)",
             "values_held = 1 TB ÷ object_size",
             "app = none",
             "cache = none",
             "db = none",
             "objects = none",
             "net = none",
         )},
        (PEAK_QPS, ask("store.memory", "Memory (all copies)"), ask("store.nodes", "Cache nodes"), COST),
    ),
    Problem(
        "load-balancer", "Load balancer, 1M requests/s", GROUPS[4],
        "Balance 1M HTTP requests/s of 10 KB answers over a backend fleet.",
        "Given: 1M requests a second, 10 KB an answer.\n\n"
        "Chosen here: a layer-7 balancer node forwards 50k requests/s and holds 10k in flight, "
        "1 ms each; backends are outside this problem; 10 Gbps network cards; peak 2× average.",
        {"read_qps": "1M/s", "write_qps": "0/s", "response_size": "10 KB", "server_qps": "50k",
         "request_latency": "1 ms", "server_concurrency": "10k",
         "lines": lines(
             "cache = none",
             "db = none",
             "objects = none",
             "per_node_bandwidth = peak_egress ÷ app.nodes -> Gbps",
             "nic_ok = per_node_bandwidth <= 10 Gbps × utilization",
         )},
        (PEAK_QPS, ask("peak_egress", "Bandwidth at peak"), ask("app.nodes", "Balancer nodes"),
         ask("per_node_bandwidth", "Bandwidth per node")),
    ),
    Problem(
        "key-value-store", "Key-value store, 100 TB", GROUPS[4],
        "A Dynamo-style key-value store: 100 TB, 100k writes and 1M reads a second.",
        "Given: 100 TB of values, 100k writes and 1M reads a second.\n\n"
        "Chosen here: 1 KB values; 3 copies on 2 TB nodes taking 10k replica writes and 10k "
        "reads a second; clients talk to the storage nodes (each coordinates requests), so no app servers and no cache in front; peak 2× average.",
        {"read_qps": "1M/s", "write_qps": "100k/s", "object_size": "1 KB", "response_size": "1 KB",
         "lines": lines(
             "db = kv_store(writes: write_qps, reads: read_qps, data: 100 TB)",
             "app = none",
             "cache = none",
             "objects = none",
             "keys_held = 100 TB ÷ object_size",
             "bound_by_reads = db.nodes > ceil(100 TB × 3 ÷ (2 TB × utilization))",
         )},
        (PEAK_QPS, ask("db.storage", "Storage (all copies)"), ask("db.nodes", "Nodes"), COST),
    ),
    Problem(
        "distributed-queue", "Distributed queue, 1M messages/s", GROUPS[4],
        "A Kafka-like log taking 1M messages/s of 1 KB, kept 7 days.",
        "Given: 1M messages a second, 1 KB each, kept 7 days.\n\n"
        "Chosen here: 3 copies; brokers of 10 TB writing 50 MB/s; producers and consumers talk "
        "to brokers directly (no app servers, cache, database or egress); peak 2× average.",
        {"write_qps": "1M/s", "read_qps": "0/s", "object_size": "1 KB",
         "lines": lines(
             "log = queue(rate: write_qps, size: object_size)",
             "app = none",
             "cache = none",
             "db = none",
             "objects = none",
             "net = none",
             "ingest_at_peak = peak_ingress -> GB/s",
         )},
        (ask("ingest_at_peak", "Ingest at peak"), ask("log.storage", "Storage (all copies)"),
         ask("log.nodes", "Brokers"), COST),
    ),
    Problem(
        "config-service", "Configuration service, 100k hosts", GROUPS[4],
        "Push configuration changes to 100k watching hosts within a second.",
        "Given: 100k hosts watch their configuration; a change reaches them within 1 s.\n\n"
        "Chosen here: 10 MB of configuration in a consensus store of 5 replicas (ZooKeeper- or "
        "etcd-like, in memory); one change a second, each read by 1% of hosts (1k reads/s of "
        "10 KB); watches held on connection servers, 10k a node; at least 4 API servers, so one may fail at the peak; peak 2× average.",
        {"write_qps": "1/s", "read_qps": "1k/s", "object_size": "10 KB", "response_size": "10 KB",
         "lines": lines(
             "watches = connections(concurrent: 100k, messages: write_qps × 1k, per_node: 10k)",
             "store = memory_store(data: 10 MB, ops: total_qps, replication: 5)",
             "app = servers(rate: total_qps, min: 4)",
             "cache = none",
             "db = none",
             "objects = none",
             "push_time = ref.dc_round_trip × 2 + ref.ssd_write_fsync",
             "push_ok = push_time <= 1 s",
         )},
        (ask("watches.nodes", "Watch servers"), ask("store.nodes", "Consensus replicas"),
         ask("push_time", "Time for a change to reach a host"), COST),
    ),
    Problem(
        "object-storage-100pb", "Object storage (S3-like), 100 PB", GROUPS[4],
        "Build S3-like storage for 100 PB with erasure coding.",
        "Given (Xu and Lam, vol. 2, ch. 9): 100 PB of data; 20% of objects small (median 0.5 "
        "MB), 60% medium (32 MB), 20% large (200 MB); storage 40% used; 1 KB of metadata an "
        "object.\n\n"
        "Chosen here: 8 data + 4 parity shards on 100 TB nodes; metadata in a relational "
        "database, 3 copies; 20 puts and 200 gets a second (chosen: the book gives no rates); "
        "a get returns the 59.3 MB mean object; no cache; peak 2× average.\n\n"
        "Published: 0.68 billion objects (exact 674.5M) and 0.68 TB of metadata (exact 0.6745 TB).",
        {"write_qps": "20/s", "read_qps": "200/s", "object_size": "59.3 MB", "response_size": "59.3 MB",
         "availability": "99.99%",
         "lines": lines(
             "mean_object = 20% × 0.5 MB + 60% × 32 MB + 20% × 200 MB",
             "# Xu prints 0.68 billion objects and 0.68 TB: 674.5M and 0.6745 TB exactly",
             "objects_held = 100 PB × 40% ÷ mean_object",
             "metadata = objects_held × 1 KB -> TB",
             "blobs = blob_cluster(data: 100 PB)",
             "db = database(writes: write_qps, reads: read_qps, data: metadata)",
             "objects = none",
             "cache = none",
         )},
        (ask("objects_held", "Objects held"), ask("metadata", "Metadata (one copy)"),
         ask("blobs.storage", "Raw storage with parity"), ask("blobs.nodes", "Data nodes")),
        f"{XU2}, ch. 9 'S3-like object storage'",
    ),
    # The big-tech classics -----------------------------------------------------------------------
    Problem(
        "twitter", "Twitter home timelines", GROUPS[5],
        "Deliver 4.6k tweets a second to the home timelines read 300k times a second.",
        "Given (Kleppmann, DDIA, ch. 1, 'Describing Load', 2012 figures): 4.6k tweets/s on "
        "average, 12k at peak, 300k home-timeline reads/s, 75 followers on average.\n\n"
        "Chosen here: peak 2.6× average (12k ÷ 4.6k); a tweet of 1 KB kept 5 years; a timeline "
        "read returns 20 tweets (20 KB); timelines cached in memory: 200M users × 800 entries of "
        "16 B, 3 copies, in place of a look-aside cache; fan-out through a queue (16 B a message).\n\n"
        "Published: 345k timeline writes/s (4.6k × 75, exact).",
        {"write_qps": "4.6k/s", "read_qps": "300k/s", "peak_factor": "2.6", "object_size": "1 KB",
         "response_size": "20 KB",
         "lines": lines(
             "fan = queue(rate: write_qps × 75, size: 16 B)",
             "timelines = memory_store(data: 200M × 800 × 16 B, ops: fan.rate + read_qps, replication: 3)",
             "cache = none",
             "# 345k a second, exactly as printed",
             "timeline_writes = write_qps × 75 -> req/s",
             "peak_tweets = peak_write_qps -> req/s",
         )},
        (ask("timeline_writes", "Timeline writes per second"), ask("timelines.memory", "Timeline memory (all copies)"),
         ask("timelines.nodes", "Timeline cache nodes"), PEAK_QPS),
        f"{KLEPPMANN}, ch. 1 'Reliable, Scalable, and Maintainable Applications'",
    ),
    Problem(
        "ride-hailing", "Ride hailing (Uber-like), 1M drivers", GROUPS[5],
        "Track 1M online drivers and match 20M trips a day.",
        "Given: 1M drivers online at the busiest moment; 20M trips a day.\n\n"
        "Chosen here: a driver reports its location every 4 s (100 B); drivers and 1M riders "
        "waiting hold connections; locations in memory (3 copies); a trip is 10 requests and a "
        "2 KB row kept 5 years; peak 2× average.",
        {"write_qps": "20M ÷ 1 day", "read_qps": "200M ÷ 1 day", "object_size": "2 KB", "response_size": "2 KB",
         "lines": lines(
             "location_updates = 1M × 1 req ÷ 4 s",
             "ws = connections(concurrent: 2M, messages: location_updates)",
             "locations = memory_store(data: 1M × 100 B, ops: location_updates, replication: 3)",
             "trips_per_second = write_qps -> req/s",
         )},
        (ask("location_updates", "Location updates per second"), ask("ws.nodes", "Connection servers"),
         ask("locations.nodes", "Location store nodes"), COST),
    ),
    Problem(
        "collaborative-docs", "Collaborative editing (Google Docs-like), 10M DAU", GROUPS[5],
        "Edit documents together live: 10M daily users, 1M editing at once.",
        "Given: 10M daily users; 1M editing at the busiest moment.\n\n"
        "Chosen here: an editor sends an operation every 2 s (100 B), echoed to 3 collaborators; "
        "operations kept 30 days in a key-value store, 3 copies (older ones are folded into "
        "snapshots); snapshots of 200 KB in object storage, kept a year, 10 a user a day; peak 2× average (an editing burst).",
        {"dau": "10M", "writes_per_user": "10", "reads_per_user": "10", "object_size": "200 KB",
         "response_size": "200 KB", "retention": "1 year",
         "lines": lines(
             "edits = 1M × 1 req ÷ 2 s",
             "ws = connections(concurrent: 1M, messages: edits × 3)",
             "oplog = kv_store(writes: edits, data: edits × 30 days × 100 B/req)",
         )},
        (ask("edits", "Operations per second"), ask("ws.nodes", "Connection servers"),
         ask("oplog.storage", "Operation log (all copies)"), COST),
    ),
    Problem(
        "netflix", "Netflix-like streaming, 100M DAU", GROUPS[5],
        "Stream an hour a day to 100M daily viewers from a 10k-title catalogue.",
        "Given: 100M daily viewers watching an hour each; 10k titles.\n\n"
        "Chosen here: 5 Mbps on average (2.25 GB an hour); a CDN of our own boxes in ISPs is out "
        "of scope, so a rented CDN at list price, 98% hits; titles of 1.5 hours in renditions "
        "totalling 20 Mbps in object storage; one stream start a viewer a day; peak 3× average "
        "(evenings).",
        {"dau": "100M", "reads_per_user": "1", "writes_per_user": "0", "response_size": "2.25 GB",
         "peak_factor": "3",
         "lines": lines(
             "cdn = cdn(egress: egress, hit_rate: 98%)",
             "net = none",
             "objects = object_store(data: 10k × 1.5 hours × 20 Mbps)",
             "peak_stream = peak_egress -> Tbps",
         )},
        (ask("peak_stream", "Streaming bandwidth at peak"), ask("objects.storage", "Catalogue storage"),
         ask("cdn.cost", "CDN bill a month"), COST),
    ),
)

BY_SLUG = {problem.slug: problem for problem in PROBLEMS}
