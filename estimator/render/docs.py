"""The README's tables, written from the declarations (inputs.py, the topic modules) so the
docs cannot drift from the code: `make docs` rewrites the marked blocks of README.md, and a
test fails when they differ from what this module writes.

    python -m estimator.render.docs [--check] [README.md]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from estimator.domain import architecture
from estimator.domain.components import KINDS
from estimator.domain.estimate import ESTIMATE
from estimator.domain.lang.functions import FUNCTIONS
from estimator.domain.lang.limits import (MAX_DEPTH, MAX_DIGITS, MAX_LENGTH, MAX_MAGNITUDE, MAX_PLAIN_POWER, MAX_POWER,
                                          MAX_RANGE_RATIO, MAX_RANGES)
from estimator.domain.lines import MAX_CHARACTERS, MAX_LINES
from estimator.domain.workbench import WORKBENCH


def inputs_table() -> str:
    rows = ["| name | label | default | example | accepts |", "|---|---|---|---|---|"]
    for spec in ESTIMATE.inputs:
        default = f"`{spec.default}`" if spec.default else "(optional)"
        rows.append(f"| `{spec.name}` | {spec.label} | {default} | `{spec.example}` | {spec.kind.want(spec.example)} |")
    return "\n".join(rows)


def formulas_table(calculator=ESTIMATE) -> str:
    rows = ["| result | formula | unit |", "|---|---|---|"]
    for formula in calculator.formulas:
        if "." in formula.name:  # a default component's own: the components table and the architecture say them
            continue
        given = f" (or the `{formula.given_by}` input when given)" if formula.given_by else ""
        source = " ".join(formula.expression.split()).replace("|", "\\|")
        rows.append(f"| `{formula.name}` | `{source}`{given} | `{formula.unit or '(number)'}` |")
    return "\n".join(rows)


def limits() -> str:
    return (f"{MAX_LENGTH} characters a field or line, {MAX_LINES} lines and "
            f"{MAX_CHARACTERS:,} characters of lines, {MAX_DEPTH} levels of nesting, whole exponents within "
            f"±{MAX_PLAIN_POWER} on a plain number and ±{MAX_POWER} on a quantity with a unit, magnitudes within "
            f"1e±{MAX_MAGNITUDE}, "
            f"{MAX_DIGITS} digits a number, {MAX_RANGES} ranges an expression, each "
            f"spanning at most a factor of {MAX_RANGE_RATIO:,.0f}")


def functions_table() -> str:
    """Every function of the language, from its one declaration."""
    rows = ["| function | gives |", "|---|---|"]
    rows += [f"| `{function.usage}` | {function.doc} |" for function in FUNCTIONS.values()]
    return "\n".join(rows)


def components_table() -> str:
    """Every component kind: what it is, its parameters with their defaults, how it is sized."""
    rows = ["| kind | what | parameters [default] | sizing |", "|---|---|---|---|"]
    for kind in KINDS.values():
        params = ", ".join(f"`{p.name}`" + (f" [{p.default}]" if p.default else "") for p in kind.params)
        rules = kind.rules.replace("|", "\\|")
        rows.append(f"| `{kind.name}` | {kind.summary} | {params} | {rules} |")
    return "\n".join(rows)


def default_architecture() -> str:
    return "```\n" + "\n".join(architecture.DEFAULT_LINES) + "\n```"


BLOCKS = {
    "components": components_table,
    "default-architecture": default_architecture,
    "inputs": inputs_table,
    "formulas": formulas_table,
    "workbench-formulas": lambda: formulas_table(WORKBENCH),
    "limits": limits,
    "functions": functions_table,
}


def render(readme: str) -> str:
    """`readme` with every <!-- name --> … <!-- /name --> block rewritten."""
    for name, write in BLOCKS.items():
        pattern = re.compile(rf"(<!-- {name} -->\n)(?:.*?\n)?(<!-- /{name} -->)", re.S)
        readme = pattern.sub(lambda m: m.group(1) + write() + "\n" + m.group(2), readme)
    return readme


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv if not a.startswith("--")]
    path = Path(paths[0] if paths else "README.md")
    text = path.read_text()
    new = render(text)
    if check:
        if new != text:
            print(f"{path} is out of date: run `make docs`", file=sys.stderr)
            return 1
        return 0
    path.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
