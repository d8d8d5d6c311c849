"""`fees`: per-item charges (SMS, email, push, a paid API). A price alone reads as per item:
`$0.0079` is $0.0079 a message (a large SMS provider's US list price, 2026; email is about
$0.10 per 1,000; mobile push is free)."""

from .kind import Kind, Output, parameter, rented_availability, rented_nodes

_SLA, _AVAILABILITY = rented_availability()

KIND = Kind(
    name="fees",
    summary="per-item charges (SMS, email, a paid API)",
    params=(
        parameter("rate", "rate", None, "Items per second (average).", "1M/day"),
        parameter("price", "per_item", None, "Money per item.", "$0.0079"),
        _SLA,
    ),
    counts=(rented_nodes(),),
    outputs=(_AVAILABILITY, Output("cost", "Cost a month", "rate × price", "USD/month"),),
    example="sms = fees(rate: 1M/day, price: $0.0079)",
    rules="nodes = 0; cost = rate × 1 month × price.",
    rented=True,
)
