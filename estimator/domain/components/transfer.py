"""`transfer`: data sent out of the cloud, billed per byte."""

from .kind import Kind, Output, parameter, rented_nodes

KIND = Kind(
    name="transfer",
    summary="data sent out (egress)",
    params=(
        parameter("out", "bandwidth", None, "Bytes per second sent out (average).", "egress"),
        parameter("price", "per_gb", "price_egress", "What a byte sent out costs."),
    ),
    counts=(rented_nodes(),),
    outputs=(Output("cost", "Cost a month", "out × price", "USD/month"),),
    example="net = transfer(out: egress)",
    rules="nodes = 0; cost = out × 1 month × price.",
    rented=True,
)
