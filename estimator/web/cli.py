"""What the `estimate` and `availability` commands share: name=value arguments, the three
formats, and exit status 2 with the message for any bad input."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from .http import dumps


class CalculatorCommand(BaseCommand):
    """A command that prints what an API (json), a markdown view (markdown) or a table (text)
    gives for name=value inputs. Subclasses say how (api_body, markdown_body, evaluate)."""

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="*", metavar="name=value", help="inputs, e.g. dau=100M")
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
            status, body = self.api_body(query)
            self.out(dumps(body), status)
        elif fmt == "markdown":
            status, text = self.markdown_body(query)
            self.out(text, status)
        else:
            result, errors = self.evaluate(query)
            if errors:
                self.fail("\n".join(f"{name}: {message}" for name, message in errors.items()))
            self.out(self.text(result), 200)

    def text(self, result) -> str:
        lines = []
        for group in result.calculator.result_groups:
            lines.append(group)
            for r in result.results.values():
                if r.group == group:
                    lines.append(f"  {r.name:<26} {r.display:>16}   {r.work}")
        return "\n".join(lines)

    def out(self, text: str, status: int) -> None:
        if status >= 400:
            sys.stderr.write(text + "\n")
            sys.exit(2)
        self.stdout.write(text)

    def fail(self, message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.exit(2)
