"""python manage.py estimate [--preset SLUG | --scenario SLUG] [name=value ...]
[--format text|markdown|json]

json and markdown print exactly what GET /api/v1/estimate and /estimate.md return (share
links use SITE_URL); a bad input exits 2 with its message. Lines are an input like any other:
lines=$'urls = 100M req/day × 10 years\\nkey_length = ceil(log(urls, 62))'.
"""

from __future__ import annotations

from estimator.web.cli import CalculatorCommand


class Command(CalculatorCommand):
    help = "Compute an estimate from a preset, a saved scenario and/or name=value inputs."
    kind = "estimate"
