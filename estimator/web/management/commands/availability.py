"""python manage.py availability [name=value ...] [--format text|markdown|json]

The availability workbench from the command line: json and markdown print exactly what
GET /api/v1/availability and /availability.md return; a bad input exits 2 with its message.
"""

from __future__ import annotations

from django.conf import settings

from estimator.web.cli import CalculatorCommand
from estimator.web.workbench import api_body, evaluate, markdown_body


class Command(CalculatorCommand):
    help = "Availability of a composite system, downtime and error budgets, from name=value inputs."

    def handle(self, *args, **options):
        self.respond(self.query(options), options["format"])

    api_body = staticmethod(api_body)
    evaluate = staticmethod(evaluate)

    @staticmethod
    def markdown_body(query):
        return markdown_body(query, settings.SITE_URL + "/availability/")
