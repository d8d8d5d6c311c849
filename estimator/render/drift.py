"""Markdown of a revision's drift (estimator.domain.model_version): the figures that differ
today from those the revision was saved with, then → now, and the rules changed since."""

from __future__ import annotations

from estimator.domain.model_version import MODEL_VERSION, Drift

from .markdown import cell


def rules_text(drift: Drift) -> str:
    """Which rules changed between the revision's model and today's, in a sentence."""
    if not drift.rules:
        return (f"It was computed with model {drift.saved_version}; today's is {MODEL_VERSION}, and no change of rule "
                f"is recorded between them.")
    listed = "; ".join(f"model {version}: {text}" for version, text in drift.rules)
    return f"It was computed with model {drift.saved_version}; today's is {MODEL_VERSION}. Rules changed since: {listed}."


def markdown(drift: Drift | None) -> str:
    """A section listing each changed result, or "" when nothing changed."""
    if drift is None:
        return ""
    rows = ["## Changed since this revision was saved", "",
            "Today's rules give other figures for the same inputs; the results above are today's. " + rules_text(drift),
            "", "| Result | Name | Then | Now |", "|---|---|---|---|"]
    rows += [f"| {cell(c.label)} | `{c.name}` | {cell(c.then)} | {cell(c.now)} |" for c in drift.changes]
    return "\n".join(rows)
