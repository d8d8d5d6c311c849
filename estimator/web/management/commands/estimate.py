"""python manage.py estimate [--preset SLUG | --scenario SLUG] [name=value ...]
[--format text|markdown|json]

json and markdown print exactly what GET /api/v1/estimate and /estimate.md return (share
links use SITE_URL); a bad input exits 2 with its message. Lines are an input like any other:
lines=$'urls = 100M req/day × 10 years\\nkey_length = ceil(log(urls, 62))'.
"""

from __future__ import annotations

from estimator.web.cli import CalculatorCommand
from estimator.web.views import ESTIMATE_SITE


class Command(CalculatorCommand):
    help = "Compute an estimate from a preset, a saved scenario and/or name=value inputs."
    site = ESTIMATE_SITE

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--preset", metavar="SLUG", help="start from a preset's inputs")
        source.add_argument("--scenario", metavar="SLUG", help="start from a saved scenario's latest inputs")
        super().add_arguments(parser)

    def handle(self, *args, **options):
        query: dict[str, str] = {}
        for source in ("preset", "scenario"):
            if options[source]:
                query[source] = options[source]
        query.update(self.query(options))
        self.respond(query, options["format"])
