"""`object_store`: rented object storage (S3-, GCS-like). One logical copy is billed: the
provider keeps its own copies inside the price. No nodes of ours."""

from .kind import Kind, Output, parameter, rented_availability, rented_nodes

_SLA, _AVAILABILITY = rented_availability()

KIND = Kind(
    name="object_store",
    summary="rented object storage (S3-like)",
    params=(
        parameter("data", "size", None, "Bytes stored, one logical copy.", "500 TB"),
        parameter("price", "per_gb_month", "price_object_storage", "What a byte stored costs a month."),
        _SLA,
    ),
    counts=(rented_nodes(),),
    outputs=(_AVAILABILITY, Output("storage", "Storage (one logical copy)", "data", "B"),
             Output("cost", "Cost a month", "data × price", "USD/month")),
    example="media = object_store(data: 500 TB)",
    rules="storage = data (one logical copy); nodes = 0; cost = data × price.",
    rented=True,
)
