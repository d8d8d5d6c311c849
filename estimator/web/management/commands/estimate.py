"""python manage.py estimate [--preset SLUG | --scenario SLUG] [name=value ...]
[--format text|markdown|json]

json and markdown print exactly what GET /api/v1/estimate and /estimate.md return (share
links use SITE_URL); a bad input exits 2 with its message.
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from estimator.domain.estimate import RESULT_GROUPS
from estimator.domain.inputs import DEFAULTS
from estimator.web.http import dumps
from estimator.web.views import api_body, evaluate, markdown_body


class Command(BaseCommand):
    help = "Compute an estimate from a preset, a saved scenario and/or name=value inputs."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--preset", metavar="SLUG", help="start from a preset's inputs")
        source.add_argument("--scenario", metavar="SLUG", help="start from a saved scenario's latest inputs")
        parser.add_argument("inputs", nargs="*", metavar="name=value", help="inputs over the preset or scenario")
        parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    def handle(self, *args, **options):
        query: dict[str, str] = {}
        if options["scenario"]:
            from estimator.web.models import Scenario

            scenario = Scenario.objects.filter(slug=options["scenario"]).first()
            if scenario is None:
                self._fail(f"there is no scenario '{options['scenario']}'")
            query.update({k: v for k, v in scenario.latest_revision().inputs.items() if DEFAULTS.get(k) != v})
        if options["preset"]:
            query["preset"] = options["preset"]
        for item in options["inputs"]:
            name, sep, value = item.partition("=")
            if not sep:
                self._fail(f"'{item}' is not name=value (for example dau=100M)")
            query[name.strip()] = value
        fmt = options["format"]
        if fmt == "json":
            status, body = api_body(query)
            self._out(dumps(body), status)
        elif fmt == "markdown":
            status, text = markdown_body(query, settings.SITE_URL + "/")
            self._out(text, status)
        else:
            result, errors = evaluate(query)
            if errors:
                self._fail("\n".join(f"{name}: {message}" for name, message in errors.items()))
            self._out(self._text(result), 200)

    def _text(self, result) -> str:
        lines = []
        for group in RESULT_GROUPS:
            lines.append(group)
            for r in result.results.values():
                if r.group == group:
                    lines.append(f"  {r.name:<20} {r.display:>16}   {r.work}")
        return "\n".join(lines)

    def _out(self, text: str, status: int) -> None:
        if status >= 400:
            sys.stderr.write(text + "\n")
            sys.exit(2)
        self.stdout.write(text)

    def _fail(self, message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.exit(2)
