"""python manage.py availability [name=value ...] [--format text|markdown|json]

The availability workbench from the command line: json and markdown print exactly what
GET /api/v1/availability and /availability.md return; a bad input exits 2 with its message.
"""

from __future__ import annotations

from estimator.web.cli import CalculatorCommand


class Command(CalculatorCommand):
    help = "Availability of a composite system, downtime and error budgets, from name=value inputs."
    kind = "workbench"
