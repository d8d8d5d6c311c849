"""`search_index`: an inverted index (Elasticsearch-, OpenSearch-like), sharded and copied.

Shards are bound by the index one node holds, copies by the queries. Assumptions, change them
to yours: the index is about the size of its source (index_ratio 1: postings plus stored
fields); 500 GB of index a node (Elastic's "Size your shards" guidance is 10–50 GB a shard, a
node holding tens of them); 500 queries a second a node.
"""

from .kind import (FLOOR_REDUNDANCY, Count, Kind, Limit, Output, held_limit, latency_outputs, node_availability,
                   parameter, price_params, quorum_availability, serving, store_cost)

KIND = Kind(
    name="search_index",
    summary="inverted index (Elasticsearch-like)",
    params=(
        parameter("docs", "count", None, "Documents indexed.", "1B"),
        parameter("doc_size", "size", None, "Bytes of one document's indexed text.", "1 KB"),
        parameter("queries", "rate", "0 req/s", "Queries per second (average)."),
        parameter("index_ratio", "ratio", "1", "Index bytes per source byte."),
        parameter("replication", "copies", "2", "Copies of each shard.", minimum=1, maximum=100),
        parameter("node_storage", "size", "500 GB", "Index one node holds.", minimum=0, exclusive_minimum=True),
        parameter("node_queries", "rate", "500 req/s", "Queries per second one copy of a shard serves.", minimum=0,
                  exclusive_minimum=True),
        *serving("20 ms", "node_queries × latency", "Time one query takes on one copy (an assumption: measure yours).",
                 "Queries one copy serves at once."),
        node_availability(),
        *price_params(),
    ),
    counts=(
        Count("shards", "Shards", (Limit("one shard", "1", floor=True), held_limit("storage", "index", "node_storage"))),
        Count("copies", "Copies of each shard", (
            Limit(FLOOR_REDUNDANCY, "replication", floor=True),
            Limit("queries", "ceil(queries × peak_factor ÷ (node_queries × utilization))", per="node_queries"),
        )),
    ),
    outputs=(
        Output("index", "Index (one copy)", "docs × doc_size × index_ratio", "B"),
        Output("nodes", "Nodes (shards × copies)", "shards × copies", "", "integer"),
        Output("storage", "Storage (all copies)", "index × copies", "B"),
        store_cost(),
        *latency_outputs("queries × peak_factor", "copies × concurrency"),
        quorum_availability("copies"),
    ),
    example="search = search_index(docs: 1B, doc_size: 1 KB, queries: read_qps)",
    rules="index = docs × doc_size × index_ratio; shards = max(1, ⌈index ÷ (node_storage × utilization)⌉); "
          "copies = max(replication, ⌈queries × peak_factor ÷ (node_queries × utilization)⌉); nodes = shards × copies.",
)
