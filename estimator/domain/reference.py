"""Reference numbers: figures engineers estimate with, each usable in every field and line as
`ref.<name>` (README, What the page does: Reference numbers).

Each value is written in the formula language and compiled at import like a built-in, so
its unit is checked and shown the same way. Latencies and throughputs are orders of
magnitude, not benchmarks of your hardware: replace one with a line of your own when you
know better.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lang.compile import compile_tree
from .lang.dims import infer
from .lang.nodes import Node
from .lang.parse import parse


NAPKIN_COMMIT = "f1edabbb517a6574a44cff2c72384f031f78b03a"
SOURCES = {
    "dean": ("Latency numbers every programmer should know (Jeff Dean; Peter Norvig, 2012 figures)",
             "https://gist.github.com/jboner/2841832"),
    "napkin": (f"napkin-math by Simon Eskildsen, README at commit {NAPKIN_COMMIT[:7]}",
               f"https://github.com/sirupsen/napkin-math/blob/{NAPKIN_COMMIT}/README.md"),
    "napkin-cost": (f"napkin-math cost table, README at commit {NAPKIN_COMMIT[:7]}",
                    f"https://github.com/sirupsen/napkin-math/blob/{NAPKIN_COMMIT}/README.md#cost-numbers"),
}
KINDS = ("latency", "throughput", "price", "ratio")


@dataclass(frozen=True)
class Reference:
    name: str  # used as ref.<name>
    value: str  # an expression: "500 µs", "10 GiB/s", "$0.02/GB/month"
    description: str
    source: str  # a key of SOURCES
    kind: str  # one of KINDS
    tree: Node = field(init=False, repr=False, compare=False)
    number: float = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        tree = parse(self.value)  # a typo fails at import and in a test
        object.__setattr__(self, "tree", tree)
        object.__setattr__(self, "number", compile_tree(tree)({}))

    @property
    def key(self) -> str:
        return f"ref.{self.name}"

    @property
    def dims(self):
        return infer(self.tree, {})


def _r(name: str, value: str, description: str, source: str, kind: str) -> Reference:
    return Reference(name, value, description, source, kind)


REFERENCES: tuple[Reference, ...] = (
    # Latency: the classic table
    _r("l1_cache", "0.5 ns", "L1 cache reference", "dean", "latency"),
    _r("branch_mispredict", "5 ns", "Branch mispredict", "dean", "latency"),
    _r("l2_cache", "7 ns", "L2 cache reference", "dean", "latency"),
    _r("mutex", "25 ns", "Mutex lock/unlock", "dean", "latency"),
    _r("memory_reference", "100 ns", "Main memory reference", "dean", "latency"),
    _r("compress_1kb", "3 µs", "Compress 1 KB with a fast compressor (Snappy)", "dean", "latency"),
    _r("send_1kb_1gbps", "10 µs", "Send 1 KB over a 1 Gbps network", "dean", "latency"),
    _r("ssd_random_read_4kb", "150 µs", "Read 4 KB at random from an SSD", "dean", "latency"),
    _r("memory_read_1mb", "250 µs", "Read 1 MB sequentially from memory", "dean", "latency"),
    _r("dc_round_trip", "500 µs", "Round trip within the same datacenter", "dean", "latency"),
    _r("ssd_read_1mb", "1 ms", "Read 1 MB sequentially from an SSD", "dean", "latency"),
    _r("disk_seek", "10 ms", "Disk seek", "dean", "latency"),
    _r("disk_read_1mb", "20 ms", "Read 1 MB sequentially from a spinning disk", "dean", "latency"),
    _r("intercontinental_round_trip", "150 ms", "Send a packet California → Netherlands → California", "dean",
       "latency"),
    # Latency: napkin-math
    _r("memory_random_read", "50 ns", "Random memory read or write (64 bytes)", "napkin", "latency"),
    _r("fast_hash", "25 ns", "Hashing, not crypto-safe (64 bytes)", "napkin", "latency"),
    _r("crypto_hash", "100 ns", "Hashing, crypto-safe (64 bytes)", "napkin", "latency"),
    _r("system_call", "500 ns", "System call", "napkin", "latency"),
    _r("context_switch", "10 µs", "Context switch", "napkin", "latency"),
    _r("ssd_random_read", "100 µs", "Random SSD read (8 KiB)", "napkin", "latency"),
    _r("ssd_write_fsync", "1 ms", "Sequential SSD write with fsync (8 KiB)", "napkin", "latency"),
    _r("hdd_random_read", "10 ms", "Random HDD read (8 KiB)", "napkin", "latency"),
    _r("proxy_hop", "50 µs", "A proxy in the path (Envoy, ProxySQL, Nginx, HAProxy)", "napkin", "latency"),
    _r("region_round_trip", "250 µs", "Network round trip within the same region (a modern measurement; the 2012 "
       "table's datacenter round trip, ref.dc_round_trip, is 500 µs)", "napkin", "latency"),
    _r("db_query", "500 µs", "A simple query to MySQL, Memcached or Redis", "napkin", "latency"),
    _r("blob_get", "50 ms", "Blob storage GET (S3, GCS), first byte, one connection", "napkin", "latency"),
    _r("blob_put", "50 ms", "Blob storage PUT, one connection", "napkin", "latency"),
    _r("us_central_east_round_trip", "25 ms", "Network round trip, North America central ↔ east", "napkin",
       "latency"),
    _r("us_east_west_round_trip", "60 ms", "Network round trip, North America east ↔ west", "napkin", "latency"),
    _r("eu_us_east_round_trip", "80 ms", "Network round trip, EU west ↔ North America east", "napkin", "latency"),
    _r("us_west_singapore_round_trip", "180 ms", "Network round trip, North America west ↔ Singapore", "napkin",
       "latency"),
    # Throughput
    _r("memory_throughput", "10 GiB/s", "Sequential memory read, one thread, no SIMD", "napkin", "throughput"),
    _r("fast_hash_throughput", "2 GiB/s", "Hashing, not crypto-safe", "napkin", "throughput"),
    _r("crypto_hash_throughput", "1 GiB/s", "Hashing, crypto-safe", "napkin", "throughput"),
    _r("ssd_read_throughput", "4 GiB/s", "Sequential SSD read", "napkin", "throughput"),
    _r("ssd_write_throughput", "1 GiB/s", "Sequential SSD write, no fsync", "napkin", "throughput"),
    _r("hdd_read_throughput", "250 MiB/s", "Sequential HDD read", "napkin", "throughput"),
    _r("zone_network_throughput", "10 GiB/s", "Network within a zone", "napkin", "throughput"),
    _r("region_network_throughput", "2 GiB/s", "Network within a region", "napkin", "throughput"),
    _r("cross_region_throughput", "25 MiB/s", "Network between regions, one connection", "napkin", "throughput"),
    _r("blob_get_throughput", "500 MiB/s", "Blob storage GET, one connection", "napkin", "throughput"),
    _r("compression_throughput", "500 MiB/s", "Compression (fast algorithms)", "napkin", "throughput"),
    _r("decompression_throughput", "1 GiB/s", "Decompression (fast algorithms)", "napkin", "throughput"),
    _r("serialization_throughput", "100 MiB/s", "Serialization such as JSON", "napkin", "throughput"),
    # Prices
    _r("price_cpu", "$15/month", "One vCPU, on demand", "napkin-cost", "price"),
    _r("price_memory", "$2/GB/month", "Memory", "napkin-cost", "price"),
    _r("price_blob_storage", "$0.02/GB/month", "Blob storage (S3, GCS)", "napkin-cost", "price"),
    _r("price_zonal_ssd", "$0.2/GB/month", "Zonal SSD", "napkin-cost", "price"),
    _r("price_zonal_hdd", "$0.05/GB/month", "Zonal HDD", "napkin-cost", "price"),
    _r("price_internet_egress", "$0.1/GB", "Data sent to the internet", "napkin-cost", "price"),
    _r("price_cdn_egress", "$0.05/GB", "CDN egress", "napkin-cost", "price"),
    _r("price_inter_zone", "$0.01/GB", "Data sent between zones", "napkin-cost", "price"),
    _r("price_blob_read", "$0.4 ÷ 1M req", "Blob storage read requests ($0.4 per million)", "napkin-cost", "price"),
    _r("price_blob_write", "$5 ÷ 1M req", "Blob storage write requests ($5 per million)", "napkin-cost", "price"),
    _r("price_logs", "$0.5/GB", "Logs and traces ingested", "napkin-cost", "price"),
    # Ratios
    _r("html_compression", "2.5", "Compression ratio of HTML (2–3×)", "napkin", "ratio"),
    _r("text_compression", "3", "Compression ratio of English text (2–4×)", "napkin", "ratio"),
    _r("rpc_compression", "7.5", "Compression ratio of RPC payloads (5–10×)", "napkin", "ratio"),
)

BY_KEY = {ref.key: ref for ref in REFERENCES}
VALUES = {ref.key: ref.number for ref in REFERENCES}
DIMS = {ref.key: ref.dims for ref in REFERENCES}
