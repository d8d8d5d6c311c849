"""The problem library: the big-tech classics."""

from __future__ import annotations

from .problem import COST, GROUPS, KLEPPMANN, PEAK_QPS, Problem, ask, lines

PROBLEMS: tuple[Problem, ...] = (
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
