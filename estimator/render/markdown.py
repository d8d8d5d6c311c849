"""Markdown for an estimate: a design doc (Summary, Requirements, Capacity estimation,
High-level design with a mermaid flowchart, Cost and growth, Bottlenecks, Assumptions, the
share link); the availability workbench keeps its report. Shared by /estimate.md, the
scenario and revision exports and the CLI.

Everything a user wrote (name, description, input text) is escaped so that it shows as
text: markdown punctuation gets a backslash and HTML's <, > and & become entities, so a
renderer that passes HTML through still shows `<script>` as text.
"""

from __future__ import annotations

import re

from estimator.domain.engine import Estimate

from . import bill, mermaid
from .topology import by_utilization, topology
from .verdict import verdict

# Enough to keep user text literal: emphasis, code, links and images (no [ ] means no link),
# table cells, headings; < > & become entities below. Not . - + ( ), which only matter at
# the start of a line or after ], so "0.1" stays readable in the raw text.
_SPECIAL = re.compile(r"([\\`*_\[\]#!|~])")


# What a renderer would turn into a live link without any markup (GitHub's extended autolinks,
# markdown-it's linkify): a scheme and ://, www., mailto:/xmpp:, an e-mail address. Up to the
# first space, <, backtick or |.
_LINKABLE = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|xmpp:)[^\s<`|]*"
                       r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def escape(text: str) -> str:
    """User text made inert in markdown (one line; newlines become spaces). Only < and &
    become entities (they alone open markup), so `->` stays readable in the raw text; a >
    that would start a quotation is escaped. A URL or an e-mail address becomes a code span:
    backslashes do not stop a renderer from linking it (they are gone before it looks), and no
    renderer links inside code, so a link in a description never becomes live in a design doc."""
    text = " ".join(text.split())
    pieces, start = [], 0
    for match in _LINKABLE.finditer(text):
        pieces += [_inert(text[start:match.start()]), f"`{match.group()}`"]
        start = match.end()
    text = "".join(pieces) + _inert(text[start:])
    return "\\" + text if text.startswith(">") else text


def _inert(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;")


def cell(text: str) -> str:
    """Text we generated, made safe for a table cell."""
    return text.replace("|", "\\|").replace("&", "&amp;").replace("<", "&lt;")


def render(estimate: Estimate, *, share_url: str, name: str = "", description: str = "",
           revision: int | None = None, appendix: str = "", headline: tuple[str, ...] = (),
           saved: str = "") -> str:
    """The estimate as markdown. A calculator with an architecture (the estimate) gets a design
    doc (design_doc); one without (the availability workbench) keeps its report: summary,
    checks, inputs, results, its appendix, conventions, share link. `saved` is when the
    revision was saved ('24 Nov 2026, 14:17 UTC')."""
    if estimate.calculator.summarize is not None:
        return design_doc(estimate, share_url=share_url, name=name, description=description, revision=revision,
                          appendix=appendix, headline=headline, saved=saved)
    lines = _title(name, description, revision, saved)
    lines += _summary(estimate, headline, "## Summary")
    checks = estimate.checks
    if checks:
        lines += ["## Checks", ""] + _checks(checks) + [""]
    lines += ["## Inputs", ""] + _inputs(estimate, estimate.calculator.inputs)
    lines += _errors(estimate)
    lines += ["", "## Results", ""]
    for group in estimate.calculator.formula_groups:  # the lines have a section of their own
        lines += _group(estimate, group, "###")
    if estimate.rows:
        lines += ["## Your lines", ""] + _lines(estimate)
    if appendix:
        lines += [appendix, ""]
    lines += ["## Conventions", ""] + _conventions(estimate)
    lines += ["", f"Share link: <{share_url}>", ""]
    return "\n".join(lines)


# The design doc's sections, in the order of the system-design template.
SECTIONS = ("Summary", "Requirements", "Capacity estimation", "High-level design", "Cost and growth", "Bottlenecks",
            "Assumptions")
CAPACITY_GROUPS = ("Traffic", "Data", "Capacity", "Availability")  # traffic, storage, bandwidth, sizing
COST_GROUP = "Cost"
BOTTLENECK_TIERS = 3


def design_doc(estimate: Estimate, *, share_url: str, name: str = "", description: str = "",
               revision: int | None = None, appendix: str = "", headline: tuple[str, ...] = (),
               saved: str = "") -> str:
    """The estimate as a design doc, in the system-design template's order: Summary (headline
    and answers); Requirements (every check, passed or failed, with its work); Capacity
    estimation (traffic, data, capacity, availability); High-level design (a mermaid flowchart
    and the components table with each figure's work); Cost and growth (the costs and the
    timeline, `appendix`); Bottlenecks (the failed checks with their work, and the tiers under
    the most load); Assumptions (inputs as typed, your lines, the price sheet, conventions);
    the share link."""
    lines = _title(name, description, revision, saved)
    lines += _summary(estimate, headline, "## Summary", always=True)
    lines += _errors(estimate)
    if lines[-1] != "":
        lines.append("")
    checks = estimate.checks
    lines += ["## Requirements", ""]
    lines += (_checks(checks) if checks else
              ["No requirement is written as a check yet: a line such as `redirect_ok = redirect_time <= 500 ms` "
               "becomes one."]) + [""]
    lines += ["## Capacity estimation", ""]
    groups = estimate.calculator.result_groups
    for group in CAPACITY_GROUPS:
        if group in groups:
            lines += _group(estimate, group, "###")
    lines += ["## High-level design", ""]
    drawn = topology(estimate) if estimate.components else None
    if drawn is not None:
        lines += ["```mermaid", mermaid.flowchart(drawn), "```", ""]
        lines += _architecture(estimate.components)
    else:
        lines += ["Every component was removed (`name = none`): nothing is drawn.", ""]
    lines += ["## Cost and growth", ""]
    if COST_GROUP in groups:
        lines += _group(estimate, COST_GROUP, "###")
    if appendix:
        lines += [appendix, ""]
    lines += ["## Bottlenecks", ""] + _bottlenecks(estimate, drawn) + [""]
    lines += ["## Assumptions", "", "### Inputs as typed", ""]
    prices = tuple(spec for spec in estimate.calculator.inputs if spec.kind.money)
    lines += _inputs(estimate, tuple(spec for spec in estimate.calculator.inputs if spec not in prices))
    if estimate.rows:
        lines += ["", "### Your lines", ""] + _lines(estimate)
    else:
        lines.append("")
    if prices:
        lines += ["### Price sheet", ""] + _inputs(estimate, prices) + [""]
    lines += ["### Conventions", ""] + _conventions(estimate)
    lines += ["", f"Share link: <{share_url}>", ""]
    return "\n".join(lines)


def _title(name: str, description: str, revision: int | None, saved: str) -> list[str]:
    lines = [f"# {escape(name) if name else 'Back-of-envelope estimate'}", ""]
    if revision is not None:
        lines += [f"Revision {revision}" + (f", saved {escape(saved)}." if saved else "."), ""]
    for paragraph in description.split("\n\n") if description.strip() else ():
        lines += [escape(paragraph), ""]
    return lines


def _summary(estimate: Estimate, headline: tuple[str, ...], heading: str, always: bool = False) -> list[str]:
    figures = estimate.headline(headline)
    if not (figures or estimate.answers or always):
        return []
    lines = [heading, ""] + [f"- **{cell(r.label)}**: {cell(r.display)}" for r in figures]
    lines += [f"- `{r.name}`: {cell(r.display)}" for r in estimate.answers]
    if not figures and not estimate.answers:
        lines.append("- Nothing could be computed: see the errors below.")
    return lines + [""]


def _checks(checks) -> list[str]:
    return [f"- {_verdict(r)}: `{r.name}` — {cell(r.work)}" for r in checks]


def _inputs(estimate: Estimate, specs) -> list[str]:
    lines = ["| Input | Name | Value |", "|---|---|---|"]
    for spec in specs:
        if not spec.kind.tabled:
            continue  # the lines have a table of their own
        text = estimate.texts[spec.name]
        shown = escape(text) if text else "—"
        if text == spec.default:
            shown += " (default)" if text else " (not given)"
        if text and spec.name in estimate.unused:
            shown += f" ({estimate.unused[spec.name]})"
        lines.append(f"| {cell(spec.label)} | `{spec.name}` | {shown} |")
    return lines


def _errors(estimate: Estimate) -> list[str]:
    if not estimate.errors:
        return []
    lines = ["", "## Errors", ""]
    for field_name, message in estimate.errors.items():
        lines.append(f"- `{field_name}`: {escape(message)}")
    return lines


def _group(estimate: Estimate, group: str, level: str) -> list[str]:
    lines = [f"{level} {group}", "", "| Result | Name | Value | Work |", "|---|---|---|---|"]
    for result in bill.grouped(estimate, group):
        lines.append(f"| {cell(result.label)} | `{result.name}` | {_value(result)} | {cell(result.work)} |")
    return lines + [""]


def _lines(estimate: Estimate) -> list[str]:
    lines = ["| # | Line | Value | Work |", "|---|---|---|---|"]
    for row in estimate.rows:
        if not row.text.strip():
            continue
        result = row.result
        value = "⚠ " + escape(row.error) if row.error else _value(result) if result else ""
        work = cell(result.work) if result and result.available else ""
        lines.append(f"| {row.number} | {escape(row.text)} | {value} | {work} |")
    return lines + [""]


def _conventions(estimate: Estimate) -> list[str]:
    lines = [f"- {cell(line)}" for line in estimate.calculator.conventions]
    if estimate.binary:
        lines.append("- Sizes in these results are shown in binary units (1 KiB = 1,024 B).")
    return lines


def _bottlenecks(estimate: Estimate, drawn) -> list[str]:
    """Every failed check with its work, then the tiers under the most load (topology.py says
    how they are ranked), each with the work of its node count."""
    failed = [r for r in estimate.checks if r.available and verdict(r).state != "pass"]
    lines = [f"- {_verdict(r)}: `{r.name}` — {cell(r.work)}" for r in failed]
    if not failed:
        lines.append("- Every check passes." if estimate.checks else "- No check to fail.")
    tiers = drawn.pressure[:BOTTLENECK_TIERS] if drawn is not None else ()
    if tiers:
        lines += ["", "The tiers with the highest utilization at peak:" if by_utilization(drawn) else
                  "The tiers under the most load (of those sized by a demand, not a floor or a rental):", ""]
        for name, why in tiers:
            nodes = estimate.results.get(f"{name}.nodes")
            work = f" — {cell(nodes.work)}" if nodes is not None and nodes.available else ""
            lines.append(f"- `{name}`: {cell(why)}{work}")
    return lines


def _architecture(components) -> list[str]:
    """The components table (what each is, its nodes and what bound them, what it holds and
    costs), then each component's parameters and results with their work."""
    lines = ["### Components", "", "| Component | Kind | Nodes | Bound | Memory | Storage | Cost/month |",
             "|---|---|---|---|---|---|---|"]
    for c in components:
        lines.append(f"| `{c.name}` | {c.kind.name} | {cell(c.shown['nodes'])} | {cell(c.bound or '—')} | "
                     f"{cell(c.shown['memory'])} | {cell(c.shown['storage'])} | {cell(c.shown['cost'])} |")
    lines += ["", "| Component figure | Value | Work |", "|---|---|---|"]
    for c in components:
        lines += [f"| `{r.name}` | {_value(r)} | {cell(r.work)} |" for r in c.results]
    return lines + [""]


MARKS = {"pass": "✅", "fail": "❌", "partial": "⚠"}


def _verdict(result) -> str:
    """A check's verdict: passes, fails, or over ranges how often it passes."""
    decided = verdict(result)
    return f"{MARKS[decided.state]} {decided.detail if decided.partial else decided.word}"


def _value(result) -> str:
    """A result's value cell: its display, and for a ranged one what drives its spread."""
    spread = result.spread
    if spread is not None and spread.driver and result.available:
        return f"{cell(result.display)}, driven by `{spread.driver}`"
    return cell(result.display)
