"""Markdown for an estimate: name, inputs as typed, results with display and work,
conventions, share link. Shared by /estimate.md, the scenario export and the CLI.

Everything a user wrote (name, description, input text) is escaped so that it shows as
text: markdown punctuation gets a backslash and HTML's <, > and & become entities, so a
renderer that passes HTML through still shows `<script>` as text.
"""

from __future__ import annotations

import re

from estimator.domain.conventions import CONVENTIONS
from estimator.domain.engine import LINES_GROUP, Estimate

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
    """The estimate as markdown: title, summary and checks first, then inputs, results, the
    calculator's appendix (a timeline, a downtime table), conventions and the share link.
    `saved` is when the revision was saved ('24 Nov 2026, 14:17 UTC')."""
    lines = [f"# {escape(name) if name else 'Back-of-envelope estimate'}", ""]
    if revision is not None:
        lines += [f"Revision {revision}" + (f", saved {escape(saved)}." if saved else "."), ""]
    for paragraph in description.split("\n\n") if description.strip() else ():
        lines += [escape(paragraph), ""]
    figures = estimate.headline(headline)
    if figures or estimate.answers:
        lines += ["## Summary", ""] + [f"- **{cell(r.label)}**: {cell(r.display)}" for r in figures]
        lines += [f"- `{r.name}`: {cell(r.display)}" for r in estimate.answers] + [""]
    checks = estimate.checks
    if checks:
        lines += ["## Checks", ""]
        lines += [f"- {_verdict(r)}: `{r.name}` — {cell(r.work)}" for r in checks]
        lines.append("")
    lines += ["## Inputs", "", "| Input | Name | Value |", "|---|---|---|"]
    for spec in estimate.calculator.inputs:
        if not spec.kind.tabled:
            continue  # the lines have a table of their own below
        text = estimate.texts[spec.name]
        shown = escape(text) if text else "—"
        if text == spec.default:
            shown += " (default)" if text else " (not given)"
        if text and spec.name in estimate.unused:
            shown += f" ({estimate.unused[spec.name]})"
        lines.append(f"| {cell(spec.label)} | `{spec.name}` | {shown} |")
    if estimate.errors:
        lines += ["", "## Errors", ""]
        for field_name, message in estimate.errors.items():
            lines.append(f"- `{field_name}`: {escape(message)}")
    lines += ["", "## Results", ""]
    for group in estimate.calculator.result_groups:
        if group == LINES_GROUP:
            continue
        lines += [f"### {group}", "", "| Result | Name | Value | Work |", "|---|---|---|---|"]
        for result in estimate.results.values():
            if result.group == group:
                lines.append(
                    f"| {cell(result.label)} | `{result.name}` | {_value(result)} | {cell(result.work)} |"
                )
        lines.append("")
    if estimate.components:
        lines += _architecture(estimate.components)
    if estimate.rows:
        lines += ["## Your lines", "", "| # | Line | Value | Work |", "|---|---|---|---|"]
        for row in estimate.rows:
            if not row.text.strip():
                continue
            result = row.result
            value = "⚠ " + escape(row.error) if row.error else _value(result) if result else ""
            work = cell(result.work) if result and result.available else ""
            lines.append(f"| {row.number} | {escape(row.text)} | {value} | {work} |")
        lines.append("")
    if appendix:
        lines += [appendix, ""]
    lines += ["## Conventions", ""]
    lines += [f"- {cell(line)}" for line in CONVENTIONS]
    if estimate.binary:
        lines.append("- Sizes in these results are shown in binary units (1 KiB = 1,024 B).")
    lines += ["", f"Share link: <{share_url}>", ""]
    return "\n".join(lines)


def _architecture(components) -> list[str]:
    """The components table (what each is, its nodes and what bound them, what it holds and
    costs), then each component's parameters and results with their work."""
    lines = ["## Architecture", "", "| Component | Kind | Nodes | Bound | Memory | Storage | Cost/month |",
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
