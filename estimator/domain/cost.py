"""What it costs a month per user. Each component bills itself (components/), the aggregate
`cost_per_month` sums them (architecture.py), and the default architecture's parts keep their
names (cost_app_servers, cost_db_nodes, …) as aliases. Money is a dimension of its own; a cost
per month is money per unit of time, shown and reported per 30-day month."""

from __future__ import annotations

from .engine import Formula

FORMULAS = (
    # Per user only while users drive the traffic: with read_qps and write_qps given, dau is no one's.
    Formula("cost_per_user_per_month", "Cost per user per month", "Cost", "cost_per_month ÷ dau",
            "USD/month/user", needs_used="dau"),
)
