"""`blob_cluster`: object storage we build: data nodes holding erasure-coded stripes.

Reed–Solomon 8 data + 4 parity shards stores 1.5× the data and survives any 4 of a stripe's 12
nodes down (Facebook's f4 runs RS(10,4) at 1.4×, OSDI 2014; Backblaze 17+3). A stripe needs
data + parity nodes at the least. 100 TB a node and the database node's price, disks included,
are assumptions (a dense hard-disk server): change them to yours.
"""

from .kind import Count, Kind, Limit, Output, held_limit, node_availability, node_cost, parameter

KIND = Kind(
    name="blob_cluster",
    summary="built object storage (erasure-coded data nodes)",
    params=(
        parameter("data", "size", None, "Bytes stored, one logical copy.", "10 PB"),
        parameter("data_shards", "copies", "8", "Data shards in a stripe.", minimum=1, maximum=1000),
        parameter("parity_shards", "copies", "4", "Parity shards in a stripe.", maximum=1000),
        parameter("node_storage", "size", "100 TB", "Disk on one data node.", minimum=0, exclusive_minimum=True),
        node_availability(),
        parameter("price", "per_month", "price_db_node", "What one data node costs a month, disks included."),
    ),
    counts=(Count("nodes", "Data nodes", (
        Limit("stripe width", "data_shards + parity_shards", floor=True),
        held_limit("storage", "storage", "node_storage"),
    )),),
    outputs=(Output("storage", "Storage (with parity)", "data × (data_shards + parity_shards) ÷ data_shards", "B"),
             node_cost(),
             # A stripe reads back while any data_shards of its shards' nodes are up.
             Output("availability", "Availability (a stripe's data shards up)",
                    "k_of_n(data_shards, data_shards + parity_shards, node_availability)", "", "percent")),
    example="blobs = blob_cluster(data: 10 PB)",
    rules="storage = data × (data_shards + parity_shards) ÷ data_shards; "
          "nodes = max(data_shards + parity_shards, ⌈storage ÷ (node_storage × utilization)⌉); cost = nodes × price.",
)
