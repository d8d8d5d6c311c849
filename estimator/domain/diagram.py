"""The availability workbench's block diagram: a system tree drawn as SVG, server-side.

Blocks in series run left to right with arrows; parallel branches stack between two bus
lines; N redundant copies sit in a dashed frame marked "N ×". Every text is escaped; the
look comes from CSS classes (no inline styles, so the Content Security Policy holds).
"""

from __future__ import annotations

from html import escape

from . import formatting
from .system import Component, Node, Parallel, Redundant, Series, unavailability

BOX_WIDTH, BOX_HEIGHT = 148, 46
GAP_X, GAP_Y = 30, 14  # between blocks in series / parallel branches
FRAME_PAD, FRAME_LABEL = 10, 16
MARGIN = 12


def _layout(node: Node):
    """(width, height, draw) where draw(x, y) returns the SVG elements at that corner."""
    if isinstance(node, Component):
        def draw(x, y):
            name = escape(node.name or "component")
            shown = escape(formatting.availability(node.availability))
            return [
                f'<rect class="block" x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6"/>',
                f'<text class="name" x="{x + BOX_WIDTH / 2}" y="{y + 19}">{name}</text>',
                f'<text class="figure" x="{x + BOX_WIDTH / 2}" y="{y + 36}">{shown}</text>',
            ]
        return BOX_WIDTH, BOX_HEIGHT, draw

    if isinstance(node, Series):
        parts = [_layout(part) for part in node.parts]
        width = sum(p[0] for p in parts) + GAP_X * (len(parts) - 1)
        height = max(p[1] for p in parts)

        def draw(x, y):
            out = []
            cursor = x
            middle = y + height / 2
            for i, (w, h, child) in enumerate(parts):
                out += child(cursor, y + (height - h) / 2)
                if i < len(parts) - 1:
                    out.append(f'<line class="link" x1="{cursor + w}" y1="{middle}" x2="{cursor + w + GAP_X - 2}" '
                               f'y2="{middle}" marker-end="url(#arrow)"/>')
                cursor += w + GAP_X
            return out
        return width, height, draw

    if isinstance(node, Parallel):
        parts = [_layout(part) for part in node.parts]
        inner = max(p[0] for p in parts)
        width = inner + 2 * GAP_X
        height = sum(p[1] for p in parts) + GAP_Y * (len(parts) - 1)

        def draw(x, y):
            out = []
            cursor = y
            middles = []
            for w, h, child in parts:
                left = x + GAP_X + (inner - w) / 2
                middle = cursor + h / 2
                middles.append(middle)
                out += child(left, cursor)
                out.append(f'<line class="link" x1="{x}" y1="{middle}" x2="{left}" y2="{middle}"/>')
                out.append(f'<line class="link" x1="{left + w}" y1="{middle}" x2="{x + width}" y2="{middle}"/>')
                cursor += h + GAP_Y
            for edge in (x, x + width):
                out.append(f'<line class="link" x1="{edge}" y1="{middles[0]}" x2="{edge}" y2="{middles[-1]}"/>')
            return out
        return width, height, draw

    w, h, child = _layout(node.part)
    width, height = w + 2 * FRAME_PAD, h + 2 * FRAME_PAD + FRAME_LABEL

    def draw(x, y):
        label = escape(f"{node.copies} × (any one suffices)")
        return [
            f'<rect class="frame" x="{x}" y="{y}" width="{width}" height="{height}" rx="8"/>',
            f'<text class="copies" x="{x + FRAME_PAD}" y="{y + 13}">{label}</text>',
            *child(x + FRAME_PAD, y + FRAME_PAD + FRAME_LABEL),
        ]
    return width, height, draw


def svg(node: Node, *, title: str) -> str:
    """The whole diagram with its total, as an accessible SVG element."""
    width, height, draw = _layout(node)
    total = formatting.availability(1 - unavailability(node))
    full_width = max(width + 2 * MARGIN, 220)
    full_height = height + 2 * MARGIN + 26
    body = "\n".join(draw(MARGIN, MARGIN))
    return (
        f'<svg class="diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {full_width} {full_height}" '
        f'width="{full_width}" height="{full_height}" role="img" aria-labelledby="diagram-title">'
        f'<title id="diagram-title">{escape(title)}</title>'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
        f"{body}"
        f'<text class="total" x="{MARGIN}" y="{full_height - 10}">Total: {escape(total)}</text>'
        "</svg>"
    )
