"""The problem library: core distributed systems."""

from __future__ import annotations

from .problem import GROUPS, PEAK_QPS, PRIMER, STORAGE, XU1, XU2, Problem, ask, lines

PROBLEMS: tuple[Problem, ...] = (
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
)
