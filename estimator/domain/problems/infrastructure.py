"""The problem library: infrastructure."""

from __future__ import annotations

from .problem import COST, GROUPS, PEAK_QPS, XU2, Problem, ask, lines

PROBLEMS: tuple[Problem, ...] = (
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
)
