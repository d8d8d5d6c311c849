"""What it costs a month, declared once each in the formula language from the price inputs
(list prices, 2026: change them to yours). Money is a dimension of its own; a cost per month
is money per unit of time, shown and reported per 30-day month."""

from __future__ import annotations

from .engine import Formula

COSTS = (
    Formula("cost_app_servers", "App servers", "Cost", "app_servers × price_app_server", "USD/month"),
    Formula("cost_db_nodes", "Database nodes", "Cost", "db_nodes × price_db_node", "USD/month"),
    Formula("cost_cache", "Cache memory", "Cost", "cache_memory × price_cache_gb", "USD/month"),
    Formula("cost_db_storage", "Database storage", "Cost", "db_storage_total × price_db_storage", "USD/month"),
    Formula("cost_object_storage", "Object storage", "Cost", "object_storage_total × price_object_storage",
            "USD/month"),
    Formula("cost_egress", "Egress", "Cost", "egress × price_egress", "USD/month"),
)

FORMULAS = (
    *COSTS,
    Formula("cost_per_month", "Cost per month", "Cost", " + ".join(f.name for f in COSTS), "USD/month"),
    # Per user only while users drive the traffic: with read_qps and write_qps given, dau is no one's.
    Formula("cost_per_user_per_month", "Cost per user per month", "Cost", "cost_per_month ÷ dau",
            "USD/month/user", needs_used="dau"),
)
