"""The problem library: e-commerce and transactions."""

from __future__ import annotations

from .problem import COST, GROUPS, PEAK_QPS, XU2, Problem, ask, lines

PROBLEMS: tuple[Problem, ...] = (
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
)
