"""python manage.py estimate [--preset SLUG | --scenario SLUG] [name=value ...]
[--format text|markdown|json]

json and markdown print exactly what GET /api/v1/estimate and /estimate.md return (share
links use SITE_URL); a bad input exits 2 with its message.
"""

from __future__ import annotations

from django.conf import settings

from estimator.domain.inputs import DEFAULTS
from estimator.web.cli import CalculatorCommand
from estimator.web.views import api_body, evaluate, markdown_body


class Command(CalculatorCommand):
    help = "Compute an estimate from a preset, a saved scenario and/or name=value inputs."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--preset", metavar="SLUG", help="start from a preset's inputs")
        source.add_argument("--scenario", metavar="SLUG", help="start from a saved scenario's latest inputs")
        super().add_arguments(parser)

    def handle(self, *args, **options):
        query: dict[str, str] = {}
        if options["scenario"]:
            from estimator.web.models import Scenario

            scenario = Scenario.objects.filter(slug=options["scenario"]).first()
            if scenario is None:
                self.fail(f"there is no scenario '{options['scenario']}'")
            query.update({k: v for k, v in scenario.latest_revision().inputs.items() if DEFAULTS.get(k) != v})
        if options["preset"]:
            query["preset"] = options["preset"]
        query.update(self.query(options))
        self.respond(query, options["format"])

    api_body = staticmethod(api_body)
    evaluate = staticmethod(evaluate)

    @staticmethod
    def markdown_body(query):
        return markdown_body(query, settings.SITE_URL + "/")
