"""The problem library: search and query."""

from __future__ import annotations

from .problem import COST, GROUPS, PEAK_QPS, XU1, XU2, Problem, ask, lines

PROBLEMS: tuple[Problem, ...] = (
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
)
