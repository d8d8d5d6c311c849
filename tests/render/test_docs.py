"""The README's tables are written from the declarations: a stale README fails here."""

from pathlib import Path

from estimator.render import docs
from estimator.domain.components import KINDS
from estimator.domain.estimate import ESTIMATE

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_tables_are_what_the_declarations_write():
    text = README.read_text()

    assert docs.render(text) == text, "README.md is stale: run `make docs`"


def test_every_input_and_result_has_a_row_in_the_readme():
    text = README.read_text()

    for spec in ESTIMATE.inputs:
        assert f"| `{spec.name}` | {spec.label} |" in text
    for formula in ESTIMATE.formulas:
        if "." not in formula.name:  # a default component's parameters and results: by kind, below
            assert f"| `{formula.name}` | `" in text
    for kind in KINDS:
        assert f"| `{kind}` | " in text
