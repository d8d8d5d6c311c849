"""One management command for any registered calculator (calculators.py): name=value
arguments, --preset and --scenario where the calculator takes them, the three formats, exit
status 2 with the message for any bad input. json and markdown print exactly what the Site's
API and markdown views return (share links use SITE_URL)."""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from estimator.render import bill

from .http import json_bytes, route
from .sites import SITES, Site

SOURCE_HELP = {"preset": "start from a preset's inputs", "scenario": "start from a saved scenario's latest inputs"}


class CalculatorCommand(BaseCommand):
    """Subclasses name the `kind` of calculator they run (calculators.py)."""

    kind: str

    @property
    def site(self) -> Site:
        return SITES[self.kind]

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("epilog", self.inputs_help())
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        from argparse import RawDescriptionHelpFormatter

        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def inputs_help(self) -> str:
        """Every input with its default and an example, from the calculator's declaration."""
        lines = ["inputs (name=value; every value is a formula such as 300M × 50% or 4 GB + 2 GB):"]
        for spec in self.site.calculator.inputs:
            default = f"default {spec.default}" if spec.default else "optional"
            lines.append(f"  {spec.name:<20} {spec.label} ({default}; e.g. {spec.example})")
        return "\n".join(lines)

    def add_arguments(self, parser):
        if self.site.entry.sources:
            source = parser.add_mutually_exclusive_group()
            for name in self.site.entry.sources:
                source.add_argument(f"--{name}", metavar="SLUG", help=SOURCE_HELP[name])
        first = self.site.calculator.inputs[0]
        parser.add_argument("inputs", nargs="*", metavar="name=value",
                            help=f"inputs, e.g. {first.name}='{first.example}' (all below)".replace("%", "%%"))
        parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    def query(self, options) -> dict[str, str]:
        query: dict[str, str] = {}
        for item in options["inputs"]:
            name, sep, value = item.partition("=")
            if not sep:
                self.fail(f"'{item}' is not name=value (for example dau=100M)")
            query[name.strip()] = value
        return query

    def respond(self, query: dict[str, str], fmt: str) -> None:
        if fmt == "json":
            status, body = self.site.api_body(query)
            self.out(json_bytes(body).decode(), status)  # exactly the API's answer
        elif fmt == "markdown":
            status, text = self.site.markdown_body(query, settings.SITE_URL + route(self.site.entry.page))
            self.out(text, status)
        else:
            result, errors, _ = self.site.evaluate(query)
            if errors:
                self.fail("\n".join(message if message.startswith(f"{name}: ") else f"{name}: {message}"
                                     for name, message in errors.items()))
            self.out(self.text(result), 200)

    def text(self, result) -> str:
        lines = []
        width = max([16, *(len(r.display) for r in result.results.values())])  # ranged displays are longer
        for group in result.calculator.result_groups:
            rows = bill.grouped(result, group)
            if rows:
                lines.append(group)
                lines += [f"  {r.name:<26} {r.display:>{width}}   {r.work}" for r in rows]
        if result.components:
            lines.append("Architecture")
            lines += self.table(["component", "kind", "nodes", "bound", "memory", "storage", "cost/month"],
                                [[c.name, c.kind.name, c.shown["nodes"], c.bound or "—", c.shown["memory"],
                                  c.shown["storage"], c.shown["cost"]] for c in result.components],
                                left=(0, 1, 3))
        if getattr(result, "timeline", None):
            from estimator.domain.timeline import LABELS

            lines.append("Timeline")
            header = ["year", *LABELS]
            lines += self.table(header, [[str(year.year), *year.shown] for year in result.timeline])
        return "\n".join(lines)

    @staticmethod
    def table(header: list[str], rows: list[list[str]], left: tuple[int, ...] = ()) -> list[str]:
        """Rows of cells in columns as wide as their widest cell, indented: figures to the
        right, the columns named in `left` (names, words) to the left."""
        table = [header, *rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        return ["  " + "  ".join(cell.ljust(width) if i in left else cell.rjust(width)
                                 for i, (cell, width) in enumerate(zip(row, widths))).rstrip() for row in table]

    def out(self, text: str, status: int) -> None:
        if status >= 400:
            sys.stderr.write(text + "\n")
            sys.exit(2)
        self.stdout.write(text)

    def fail(self, message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.exit(2)

    def handle(self, *args, **options):
        query = {name: options[name] for name in self.site.entry.sources if options[name]}
        query.update(self.query(options))
        self.respond(query, options["format"])
