"""Two estimates compared (domain/compare.py), as markdown: the two sides with their links, a
table of inputs and one of results (A, B, change; changed rows first), the conventions and
the comparison's link."""

from __future__ import annotations

from estimator.domain.compare import Comparison

from . import markdown as md


def _shown(text: str, *, typed: bool) -> str:
    """A cell: user text escaped, our own text made table-safe, '—' for nothing."""
    if not text:
        return "—"
    return md.escape(text) if typed else md.cell(text)


def render_markdown(comparison: Comparison, *, a_name: str, b_name: str, a_url: str, b_url: str, url: str,
                    conventions: tuple[str, ...] | list[str] = ()) -> str:
    """The comparison as markdown: the two sides with their links, a table of inputs and one
    of results (A, B, change; changed rows first), the conventions and the comparison's link."""
    inputs, results = comparison.inputs, comparison.results
    lines = [f"# Compare: {md.escape(a_name)} → {md.escape(b_name)}", "",
             f"- **A**: {md.escape(a_name)} <{a_url}>",
             f"- **B**: {md.escape(b_name)} <{b_url}>", "",
             f"{len(inputs.changed)} of {len(inputs.rows)} inputs and {len(results.changed)} of "
             f"{len(results.rows)} results differ.", "",
             "## Inputs", "", "| Input | Name | A | B | Change |", "|---|---|---|---|---|"]
    lines += [f"| {md.cell(r.label)} | `{r.name}` | {_shown(r.a, typed=True)} | {_shown(r.b, typed=True)} | "
              f"{md.cell(r.change)} |" for r in inputs.rows]
    lines += ["", "## Results", "", "| Result | Name | Group | A | B | Change |", "|---|---|---|---|---|---|"]
    for r in results.rows:
        own = r.own  # a line's name and displays come from the user's text
        label = md.escape(r.label) if own else md.cell(r.label)
        lines.append(f"| {label} | `{r.name}` | {md.cell(r.group)} | {_shown(r.a, typed=own)} | "
                     f"{_shown(r.b, typed=own)} | {md.cell(r.change)} |")
    if conventions:
        lines += ["", "## Conventions", ""] + [f"- {md.cell(line)}" for line in conventions]
    lines += ["", f"Compare link: <{url}>", ""]
    return "\n".join(lines)
