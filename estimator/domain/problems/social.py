"""The problem library: social and content."""

from __future__ import annotations

from .problem import COST, GROUPS, PEAK_QPS, XU1, Problem, ask, lines

PROBLEMS: tuple[Problem, ...] = (
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
)
