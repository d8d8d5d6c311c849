"""`cdn`: a rented content delivery network. The edge serves `hit_rate` of the bytes at the
CDN's price; misses are fetched from the origin and billed as its egress."""

from .kind import Kind, Output, parameter, rented_availability, rented_nodes

_SLA, _AVAILABILITY = rented_availability()

KIND = Kind(
    name="cdn",
    summary="content delivery network (rented)",
    params=(
        parameter("egress", "bandwidth", None, "Bytes per second served to users (average).", "egress"),
        parameter("hit_rate", "fraction", "90%", "Share of bytes the edge serves.", maximum=1),
        parameter("price", "per_gb", "ref.price_cdn_egress", "What a byte served by the CDN costs."),
        parameter("origin_price", "per_gb", "price_egress", "What a byte sent from the origin costs."),
        _SLA,
    ),
    counts=(rented_nodes(),),
    outputs=(_AVAILABILITY, Output("cost", "Cost a month", "egress × (hit_rate × price + (1 − hit_rate) × origin_price)",
                    "USD/month"),),
    example="edge = cdn(egress: egress)",
    rules="nodes = 0; cost = egress × 1 month × (hit_rate × price + (1 − hit_rate) × origin_price).",
    rented=True,
    service=True,
    entry=True,
)
