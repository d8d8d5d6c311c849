"""`transfer`: data sent out of the cloud, billed per byte."""

from .kind import Kind, Output, parameter, rented_availability, rented_nodes

_SLA, _AVAILABILITY = rented_availability()

KIND = Kind(
    name="transfer",
    summary="data sent out (egress)",
    params=(
        parameter("out", "bandwidth", None, "Bytes per second sent out (average).", "egress"),
        parameter("price", "per_gb", "price_egress", "What a byte sent out costs."),
        _SLA,
    ),
    counts=(rented_nodes(),),
    outputs=(_AVAILABILITY, Output("cost", "Cost a month", "out × price", "USD/month"),),
    example="net = transfer(out: egress)",
    rules="nodes = 0; cost = out × 1 month × price.",
    rented=True,
)
