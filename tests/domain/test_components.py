"""Components sized by hand: every kind, each of its bounds hit once, against figures worked
out in the comments with the default inputs (peak_factor 2, utilization 70%, server_qps 1k,
request_latency 100 ms, server_concurrency 100, node_storage 10 TB, node_write_qps 5k,
replica_read_qps 10k, cache_node_memory 64 GB, replication_factor 3, price_app_server
$150/month, price_db_node $500/month, price_db_storage $0.10/GB/month, price_cache_gb
$5/GB/month, price_object_storage $0.02/GB/month, price_egress $0.05/GB). A month is 30 days.
"""

import pytest

from estimator.domain.components import KINDS
from estimator.domain.estimate import estimate

MONTH = 30 * 86400


def run(*lines: str, **inputs: str):
    return estimate({"lines": "\n".join(lines), **inputs})


def value(result_set, name):
    result = result_set.results[name]
    assert result.available, f"{name}: {result.work}"
    return result.value


def component(result_set, name):
    return next(c for c in result_set.components if c.name == name)


# servers -------------------------------------------------------------------------------------

def test_servers_are_bound_by_peak_requests():
    # 10k/s × 2 = 20k/s at peak ÷ (1k/s × 70%) = 28.6 → 29; in flight 20k/s × 10 ms = 200 ÷ 70 → 3.
    result = run("api = servers(rate: 10k/s, latency: 10 ms)")

    assert value(result, "api.nodes") == 29
    assert component(result, "api").bound == "peak requests"
    assert value(result, "api.cost") == pytest.approx(29 * 150)


def test_servers_are_bound_by_requests_in_flight_when_requests_are_slow():
    # In flight: 20k/s × 500 ms = 10,000 ÷ (100 × 70%) = 142.9 → 143, above 29 for throughput.
    result = run("api = servers(rate: 10k/s, latency: 500 ms)")

    assert value(result, "api.nodes") == 143
    assert component(result, "api").bound == "concurrency"


def test_servers_are_never_fewer_than_two():
    result = run("api = servers(rate: 1/s)")

    assert value(result, "api.nodes") == 2
    assert component(result, "api").bound == "minimum for redundancy"


# connections ---------------------------------------------------------------------------------

def test_connection_servers_are_bound_by_open_connections_and_hold_their_memory():
    # 5M ÷ (100k × 70%) = 71.4 → 72; memory 5M × 10 KB = 50 GB.
    result = run("ws = connections(concurrent: 5M)")

    assert value(result, "ws.nodes") == 72
    assert component(result, "ws").bound == "connections"
    assert value(result, "ws.memory") == pytest.approx(50e9)


def test_connection_servers_are_bound_by_messages_pushed():
    # 100k/s × 2 = 200k/s ÷ (50k/s × 70%) = 5.7 → 6.
    result = run("ws = connections(concurrent: 1000, messages: 100k/s)")

    assert value(result, "ws.nodes") == 6
    assert component(result, "ws").bound == "messages"


def test_users_may_stand_for_connections():
    # 50M users × 10% = 5M connections: 72 nodes as above.
    result = run("ws = connections(concurrent: dau × 10%)", dau="50M")

    assert value(result, "ws.nodes") == 72


# workers and queue ---------------------------------------------------------------------------

def test_workers_follow_littles_law():
    # 10k/s × 2 × 5 ms = 100 in progress ÷ (1 × 70%) = 142.9 → 143.
    result = run("push = workers(rate: 10k/s, work: 5 ms)")

    assert value(result, "push.nodes") == 143
    assert component(result, "push").bound == "peak items"


def test_a_queue_is_bound_by_what_it_keeps():
    # storage 100k/s × 1 KB × 7 days × 3 = 181.44 TB ÷ (10 TB × 70%) = 25.9 → 26 brokers;
    # throughput 100k/s × 2 × 1 KB × 3 = 600 MB/s ÷ 35 MB/s = 17.1 → 18.
    # cost 26 × $500 + 181,440 GB × $0.10 = $31,144 a month.
    result = run("fan = queue(rate: 100k/s, size: 1 KB)")

    assert value(result, "fan.storage") == pytest.approx(181.44e12)
    assert value(result, "fan.nodes") == 26
    assert component(result, "fan").bound == "storage"
    assert value(result, "fan.cost") == pytest.approx(31_144)


def test_a_queue_is_bound_by_throughput_when_it_keeps_little():
    # one day: 25.92 TB ÷ 7 TB → 4; throughput → 18.
    result = run("fan = queue(rate: 100k/s, size: 1 KB, retention: 1 day)")

    assert value(result, "fan.nodes") == 18
    assert component(result, "fan").bound == "throughput"


def test_a_queue_keeps_three_brokers_at_least():
    result = run("fan = queue(rate: 10/s, size: 100 B)")

    assert value(result, "fan.nodes") == 3
    assert component(result, "fan").bound == "minimum for redundancy"


def test_one_component_feeds_another():
    result = run("fan = queue(rate: write_qps × 300, size: 200 B)", "push = workers(rate: fan.rate, work: 5 ms)",
                 write_qps="1k/s")

    assert value(result, "push.rate") == pytest.approx(300_000)
    # 300k/s × 2 × 5 ms = 3,000 ÷ 70% = 4,285.7 → 4,286
    assert value(result, "push.nodes") == 4286


# stores --------------------------------------------------------------------------------------

def test_a_database_is_sharded_by_storage():
    # shards: 50 TB ÷ 7 TB = 7.1 → 8 (writes: 20k ÷ 3.5k = 5.7 → 6); replicas 3 − 1 = 2;
    # nodes 8 × 3 = 24; storage 150 TB.
    result = run("orders = database(writes: 10k/s, data: 50 TB)")

    assert value(result, "orders.shards") == 8
    assert value(result, "orders.replicas") == 2
    assert value(result, "orders.nodes") == 24
    assert value(result, "orders.storage") == pytest.approx(150e12)
    assert component(result, "orders").bound == "storage"
    # 24 × $500 + 150,000 GB × $0.10 = $27,000
    assert value(result, "orders.cost") == pytest.approx(27_000)


def test_a_database_is_sharded_by_writes():
    # writes 50k × 2 = 100k ÷ 3.5k = 28.6 → 29 shards; data 1 TB → 1.
    result = run("orders = database(writes: 50k/s, data: 1 TB)")

    assert value(result, "orders.shards") == 29
    assert component(result, "orders").bound == "writes"


def test_a_database_adds_replicas_for_reads():
    # one shard; replicas max(2, 100k × 2 ÷ 1 ÷ 7k = 28.6 → 29) = 29; nodes 30.
    result = run("orders = database(writes: 100/s, reads: 100k/s, data: 1 TB)")

    assert value(result, "orders.replicas") == 29
    assert value(result, "orders.nodes") == 30
    assert component(result, "orders").bound == "reads"


def test_a_kv_store_counts_every_replica_write():
    # storage 10 TB × 3 ÷ (2 TB × 70%) = 21.4 → 22; writes 100k × 2 × 3 ÷ 7k = 85.7 → 86.
    result = run("feed = kv_store(writes: 100k/s, data: 10 TB)")

    assert value(result, "feed.nodes") == 86
    assert component(result, "feed").bound == "writes"


def test_a_kv_store_is_bound_by_storage_and_by_reads():
    # 100 TB × 3 ÷ 1.4 TB = 214.3 → 215; reads 1M × 2 ÷ 7k = 285.7 → 286.
    by_storage = run("feed = kv_store(writes: 1/s, data: 100 TB)")
    by_reads = run("feed = kv_store(writes: 1/s, reads: 1M/s, data: 1 GB)")

    assert value(by_storage, "feed.nodes") == 215
    assert component(by_storage, "feed").bound == "storage"
    assert value(by_reads, "feed.nodes") == 286
    assert component(by_reads, "feed").bound == "reads"


def test_a_small_kv_store_keeps_one_node_per_copy():
    result = run("feed = kv_store(writes: 1/s, data: 1 GB)")

    assert value(result, "feed.nodes") == 3
    assert component(result, "feed").bound == "minimum for redundancy"


def test_a_time_series_store_holds_compressed_points():
    # storage 10M/s × 365 days × 1.37 B × 2 = 864.09 TB ÷ 7 TB = 123.4 → 124;
    # ingest 10M × 2 × 2 ÷ (1M × 70%) = 57.1 → 58.
    result = run("metrics = time_series(points: 10M/s, retention: 1 year)")

    assert value(result, "metrics.storage") == pytest.approx(10e6 * 365 * 86400 * 1.37 * 2)
    assert value(result, "metrics.nodes") == 124
    assert component(result, "metrics").bound == "storage"


def test_a_time_series_store_is_bound_by_ingest_when_it_keeps_little():
    result = run("metrics = time_series(points: 10M/s, retention: 1 day)")

    assert value(result, "metrics.nodes") == 58
    assert component(result, "metrics").bound == "writes"


def test_a_memory_store_is_bound_by_operations_and_billed_for_memory():
    # shards: 100 GB ÷ 44.8 GB = 2.2 → 3; ops 500k × 2 ÷ 70k = 14.3 → 15; nodes 15 × 2 = 30;
    # memory 200 GB × $5 = $1,000 a month.
    result = run("board = memory_store(data: 100 GB, ops: 500k/s)")

    assert value(result, "board.shards") == 15
    assert value(result, "board.nodes") == 30
    assert component(result, "board").bound == "operations"
    assert value(result, "board.memory") == pytest.approx(200e9)
    assert value(result, "board.cost") == pytest.approx(1_000)


def test_a_memory_store_is_bound_by_memory():
    # 1 TB ÷ 44.8 GB = 22.3 → 23 shards, 46 nodes.
    result = run("book = memory_store(data: 1 TB)")

    assert value(result, "book.nodes") == 46
    assert component(result, "book").bound == "memory"


def test_a_cache_is_sized_by_its_hot_set():
    # 100 GB ÷ 44.8 GB = 2.2 → 3; $5 × 100 GB = $500.
    result = run("hot = cache(data: 100 GB)")

    assert value(result, "hot.nodes") == 3
    assert component(result, "hot").bound == "memory"
    assert value(result, "hot.cost") == pytest.approx(500)


def test_a_parameter_shows_in_its_kinds_style_whether_built_in_or_on_a_line():
    # The default cache's hit rate (a built-in formula) and a line's (a result of the run) both
    # read the fraction kind's one style: a percentage, 99.95%.
    result = run("hot = cache(data: 100 GB, hit_rate: 99.95%)", cache_hit_rate="99.95%")

    assert result.results["cache.hit_rate"].display == "99.95%"
    assert result.results["hot.hit_rate"].display == "99.95%"


def test_object_storage_is_rented():
    # 500,000 GB × $0.02 = $10,000.
    result = run("media = object_store(data: 500 TB)")

    assert value(result, "media.nodes") == 0
    assert component(result, "media").bound == "rented"
    assert value(result, "media.cost") == pytest.approx(10_000)


def test_a_blob_cluster_stores_parity_and_needs_a_stripe_of_nodes():
    # 10 PB × 12 ÷ 8 = 15 PB ÷ (100 TB × 70%) = 214.3 → 215 nodes, $500 each.
    big = run("blobs = blob_cluster(data: 10 PB)")
    small = run("blobs = blob_cluster(data: 100 TB)")

    assert value(big, "blobs.storage") == pytest.approx(15e15)
    assert value(big, "blobs.nodes") == 215
    assert component(big, "blobs").bound == "storage"
    assert value(big, "blobs.cost") == pytest.approx(215 * 500)
    assert value(small, "blobs.nodes") == 12
    assert component(small, "blobs").bound == "stripe width"


def test_a_search_index_is_sharded_by_size_and_copied_for_queries():
    # index 1B × 1 KB = 1 TB; shards 1 TB ÷ 350 GB = 2.9 → 3; copies 10k × 2 ÷ 350 = 57.1 → 58;
    # nodes 174: the queries multiply it most.
    result = run("search = search_index(docs: 1B, doc_size: 1 KB, queries: 10k/s)")

    assert value(result, "search.index") == pytest.approx(1e12)
    assert value(result, "search.shards") == 3
    assert value(result, "search.copies") == 58
    assert value(result, "search.nodes") == 174
    assert component(result, "search").bound == "queries"


def test_a_cdn_bills_hits_at_its_price_and_misses_at_the_origins():
    # 1 GB/s × 30 days = 2,592,000 GB × (90% × $0.05 + 10% × $0.10) = $142,560.
    result = run("edge = cdn(egress: 1 GB/s, origin_price: $0.1/GB)")

    assert value(result, "edge.cost") == pytest.approx(142_560)
    assert value(result, "edge.nodes") == 0


def test_transfer_bills_bytes_sent_out():
    # 100 MB/s × 30 days = 259,200 GB × $0.05 = $12,960.
    result = run("out = transfer(out: 100 MB/s)")

    assert value(result, "out.cost") == pytest.approx(12_960)


def test_fees_bill_each_item_and_a_price_alone_is_per_item():
    # 1M a day × 30 days × $0.0079 = $237,000.
    result = run("sms = fees(rate: 1M/day, price: $0.0079)")

    assert value(result, "sms.cost") == pytest.approx(237_000)


# the default architecture, replacing and removing it, aggregates -----------------------------

def test_the_default_architecture_is_five_components():
    result = estimate({})

    assert [(c.name, c.kind.name) for c in result.components] == [
        ("app", "servers"), ("cache", "cache"), ("db", "database"), ("objects", "object_store"), ("net", "transfer")]
    assert value(result, "app_servers") == value(result, "app.nodes")
    assert value(result, "db_nodes") == value(result, "db.nodes")
    assert value(result, "cost_db_nodes") + value(result, "cost_db_storage") == pytest.approx(value(result, "db.cost"))


def test_app_servers_are_at_least_two_by_default():
    # 1M users × 11 req/day = 127 req/s × 2 = 255 ÷ 700 → 1 by throughput; the floor makes it 2.
    result = estimate({})

    assert value(result, "app_servers") == 2
    assert component(result, "app").bound == "minimum for redundancy"


def test_cost_per_month_sums_every_component():
    plain = estimate({})
    with_sms = run("sms = fees(rate: 1M/day, price: $0.0079)")

    assert value(with_sms, "cost_per_month") == pytest.approx(value(plain, "cost_per_month") + 237_000)
    parts = sum(value(plain, f"{c}.cost") for c in ("app", "cache", "db", "objects", "net"))
    assert value(plain, "cost_per_month") == pytest.approx(parts)


def test_aggregates_count_nodes_storage_and_memory_of_every_component():
    result = run("ws = connections(concurrent: 5M)", "feed = kv_store(writes: 100k/s, data: 10 TB)")

    nodes = sum(value(result, f"{c}.nodes") for c in ("app", "cache", "db", "ws", "feed"))
    assert value(result, "nodes_total") == nodes
    assert value(result, "storage_total") == pytest.approx(
        value(result, "db.storage") + value(result, "objects.storage") + 30e12)
    assert value(result, "memory_total") == pytest.approx(value(result, "cache.memory") + 50e9)


def test_a_line_with_a_defaults_name_replaces_it():
    result = run("db = kv_store(writes: write_qps, data: 1 TB)")

    assert component(result, "db").kind.name == "kv_store"
    assert value(result, "db.nodes") == 3  # 1 TB × 3 ÷ 1.4 TB → 3, the replication floor
    assert not result.results["db_shards"].available
    assert "db is a kv_store: see db.nodes" in result.results["db_shards"].work
    # each replaced figure points to its nearest in the new kind: a cost to its cost, a storage to its storage
    assert result.results["cost_db_nodes"].work == "db is a kv_store: see db.cost"
    assert result.results["db_storage_total"].work == "db is a kv_store: see db.storage"
    assert value(result, "cost_per_month") == pytest.approx(
        sum(value(result, f"{c}.cost") for c in ("app", "cache", "db", "objects", "net")))


def test_a_replaced_default_points_each_of_its_figures_to_the_nearest_one_of_the_new_kind():
    result = run("net = cdn(egress: peak_egress)\ncache = memory_store(data: 1 GB)")

    assert result.results["cost_egress"].work == "net is a cdn: see net.cost"  # a cdn has no out: its cost
    assert result.results["cache_memory"].work == "cache is a memory_store: see cache.memory"  # the same result
    assert result.results["cache_nodes"].work == "cache is a memory_store: see cache.nodes"


def test_removing_the_cache_sends_every_read_to_the_database():
    # The database then takes every read: read_qps, not read_qps × (1 − 80%).
    result = run("cache = none", dau="100M", reads_per_user="100")

    assert "cache" not in [c.name for c in result.components]
    assert value(result, "db.reads") == pytest.approx(value(result, "read_qps"))
    assert not result.results["cache_nodes"].available
    assert "cache was removed" in result.results["cache_nodes"].work


# bad component lines ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, says", [
    ("x = sever(rate: 1k/s)", "did you mean servers?"),
    ("x = servers(rat: 1k/s)", "did you mean rate?"),
    ("x = servers(per_node: 1k/s)", "servers needs rate"),
    ("x = servers(rate: 5 GB)", "x.rate"),
    ("x = workers(rate: 1k/s, work: 5)", "x.work"),
    ("x = servers(rate: 1k/s, rate: 2k/s)", "given twice"),
    ("x = none", "not one"),
])
def test_a_bad_component_is_refused_at_its_line_and_the_rest_still_computes(line, says):
    result = run(line)

    assert says in result.errors["lines:1"]
    assert value(result, "peak_qps") > 0
    assert value(result, "app.nodes") == 2


def test_a_cycle_through_components_is_refused_at_its_lines():
    result = run("a = workers(rate: b.rate, work: 1 ms)", "b = workers(rate: a.rate, work: 1 ms)")

    assert "cycle" in result.errors["lines:1"]
    assert "cycle" in result.errors["lines:2"]
    assert value(result, "app.nodes") == 2


def test_too_many_components_are_refused_past_the_limit():
    lines = [f"w{i} = workers(rate: 1/s, work: 1 ms)" for i in range(40)]

    result = run(*lines)

    refused = [key for key in result.errors if key.startswith("lines:")]
    assert refused and all("at most" in result.errors[key] for key in refused)
    assert value(result, "w0.nodes") == 2


def test_a_kind_declares_its_place_in_the_architecture():
    # The diagram and the availability of the whole read these; no module names a kind to decide.
    assert sorted(k.name for k in KINDS.values() if k.entry) == ["cdn", "connections", "servers"]
    assert [k.name for k in KINDS.values() if k.front] == ["servers"]
    assert sorted(k.name for k in KINDS.values() if k.service) == ["cdn", "connections", "queue", "servers", "workers"]
    assert sorted(k.name for k in KINDS.values() if not k.tier) == ["cache", "cdn", "fees", "object_store", "transfer"]
    assert {k.name: k.holds_open for k in KINDS.values() if k.holds_open} == {"connections": "concurrent"}
    # What one node takes is named by its limits, never guessed from a parameter's name: no arrow carries it.
    assert KINDS["servers"].capacities == {"per_node", "concurrency"}
    assert KINDS["database"].capacities == {"node_reads", "node_writes", "node_storage"}


# A name declared twice --------------------------------------------------------------------------

def test_a_component_declared_twice_is_refused_at_its_second_line_and_the_first_stands():
    # Both lines made a component named x, each showing the second's figures (6 nodes), and
    # nodes_total counted 12 of them. The first stands, as for lines: 1k/s × 2 ÷ (1k/s × 70%)
    # = 2.86 → 3 nodes; with the defaults' 2 + 1 + 3, nodes_total is 9.
    result = run("x = servers(rate: 1k/s)", "x = servers(rate: 2k/s)")

    assert result.errors == {"lines:2": "line 2: 'x' is already defined on line 1"}
    assert [c.name for c in result.components].count("x") == 1
    assert value(result, "x.nodes") == 3
    assert value(result, "nodes_total") == 9


def test_a_default_replaced_twice_keeps_its_first_replacement():
    # The second `app` silently replaced the first: 2k/s × 2 ÷ 700/s = 5.7 → 6 nodes; the first
    # stands now: 1k/s → 3 nodes.
    result = run("app = servers(rate: 1k/s)", "app = servers(rate: 2k/s)")
    removed = run("app = none", "app = servers(rate: 2k/s)")

    assert result.errors == {"lines:2": "line 2: 'app' is already defined on line 1"}
    assert value(result, "app.nodes") == 3
    assert removed.errors == {"lines:2": "line 2: 'app' is already defined on line 1"}
    assert "app" not in [c.name for c in removed.components]


def test_a_bad_field_is_refused_at_the_field_alone_not_at_every_component_line_waiting_for_it():
    from estimator.domain.presets import PRESETS

    photo = next(p for p in PRESETS if p.slug == "photo-sharing-100m-dau")  # its lines declare components
    result = estimate({**photo.inputs, "dau": "abc"})

    assert list(result.errors) == ["dau"]
    assert result.results["cache.nodes"].work == "needs a valid dau"  # the result still says what it waits for


def test_a_component_waiting_for_another_lines_refused_parameter_says_so_at_its_own_line():
    result = run("q = servers(rate: nope, per_node: 1k/s)", "z = servers(rate: q.rate)")

    assert "'nope' is not a number" in result.errors["lines:1"]
    assert result.errors["lines:2"] == "line 2: z.nodes needs a valid q.rate"


def test_a_bandwidth_parameter_read_from_a_result_shows_as_a_bandwidth_in_the_work():
    result = run("net = cdn(egress: peak_egress)")
    egress = result.results["net.egress"].display

    assert egress == result.results["peak_egress"].display and egress.endswith("B/s")
    assert result.results["net.cost"].work.startswith(f"{egress} × (")  # read '2.31M × (…)', its unit lost
