"""The availability workbench's block diagram: a system tree drawn as SVG, server-side.

Two layouts of the same tree. Wide (a desktop): blocks in series run left to right with
arrows, parallel branches stack between two bus lines. Tall (a phone, where a wide diagram
shrunk to fit would have 6 px text): blocks in series run top to bottom, and parallel branches
stack between two rails joined above and below, so the width grows with nesting, never with
length or branches. In both, N redundant copies sit in a dashed frame marked "N ×", k of N in
one marked "k of N ×"; long names wrap onto more lines. Every text is escaped; the look comes
from CSS classes (no inline styles, so the Content Security Policy holds).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from estimator.domain import formatting
from estimator.domain.system import Component, Node, Parallel, Quorum, Redundant, Series, unavailability

BOX_HEIGHT = 46  # a block with a one-line name
LINE_HEIGHT = 16  # each further line of a wrapped name
GAP_X, GAP_Y = 30, 14  # between blocks in series (wide) / parallel branches
GAP_DOWN = 26  # between blocks in series (tall): the arrow's length
RAIL, BAR = 20, 14  # tall parallel: rails' distance from the branches, bars' from the first and last
FRAME_PAD, FRAME_LABEL = 10, 16
LABEL_CHAR = 6.8  # a 12 px label's width per character, generously: a frame is at least this wide
MARGIN = 12
MIN_WIDTH = 220
PHONE_WIDTH = 290  # user units a phone shows at 1:1 (360 px less the page's padding)


@dataclass(frozen=True, slots=True)
class Layout:
    """One of the two ways to draw: the block size, how many characters of a name a line holds,
    and whether series run down."""

    name: str
    box_width: int
    name_chars: int
    down: bool


WIDE = Layout("wide", box_width=148, name_chars=18, down=False)
TALL = Layout("tall", box_width=140, name_chars=18, down=True)
LAYOUTS = {layout.name: layout for layout in (WIDE, TALL)}


@dataclass(frozen=True, slots=True)
class Box:
    """A drawn part: its size and draw(x, y), the SVG elements with its top left corner there."""

    width: float
    height: float
    draw: Callable[[float, float], list[str]]


def wrap(name: str, width: int) -> list[str]:
    """The name in lines of at most `width` characters, broken at spaces, else after hyphens,
    else anywhere."""
    lines: list[str] = []
    for word in name.split(" "):
        pieces = [p + "-" for p in word.split("-")[:-1]] + [word.split("-")[-1]]
        pieces = [piece[i:i + width] for piece in pieces if piece for i in range(0, len(piece), width)]
        for n, piece in enumerate(pieces):
            joint = "" if n else " "
            if lines and len(lines[-1]) + len(joint) + len(piece) <= width:
                lines[-1] += joint + piece
            else:
                lines.append(piece)
    return lines or [""]


def _layout(node: Node, layout: Layout, arrow: str) -> Box:
    match node:
        case Component():
            return _component(node, layout)
        case Series(parts):
            boxes = [_layout(part, layout, arrow) for part in parts]
            return _series_down(boxes, arrow) if layout.down else _series_across(boxes, arrow)
        case Parallel(parts):
            boxes = [_layout(part, layout, arrow) for part in parts]
            return _parallel_ladder(boxes) if layout.down else _parallel_across(boxes)
        case Redundant(copies, part):
            return _frame(_layout(part, layout, arrow), f"{copies} × (any one suffices)")
        case Quorum(needed, copies, part):
            return _frame(_layout(part, layout, arrow), f"{needed} of {copies} × ({needed} must be up)")
    raise TypeError(f"not a system node: {node!r}")


def _component(node: Component, layout: Layout) -> Box:
    lines = wrap(node.name or "component", layout.name_chars)
    width, height = layout.box_width, BOX_HEIGHT + LINE_HEIGHT * (len(lines) - 1)
    shown = escape(formatting.availability(node.availability))

    def draw(x, y):
        middle = x + width / 2
        return [
            f'<rect class="block" x="{x}" y="{y}" width="{width}" height="{height}" rx="6"/>',
            *(f'<text class="name" x="{middle}" y="{y + 19 + LINE_HEIGHT * n}">{escape(line)}</text>'
              for n, line in enumerate(lines)),
            f'<text class="figure" x="{middle}" y="{y + height - 10}">{shown}</text>',
        ]
    return Box(width, height, draw)


def _series_across(boxes: list[Box], arrow: str) -> Box:
    width = sum(b.width for b in boxes) + GAP_X * (len(boxes) - 1)
    height = max(b.height for b in boxes)

    def draw(x, y):
        out = []
        cursor, middle = x, y + height / 2
        for i, box in enumerate(boxes):
            out += box.draw(cursor, y + (height - box.height) / 2)
            if i < len(boxes) - 1:
                out.append(_arrow(cursor + box.width, middle, cursor + box.width + GAP_X - 2, middle, arrow))
            cursor += box.width + GAP_X
        return out
    return Box(width, height, draw)


def _series_down(boxes: list[Box], arrow: str) -> Box:
    width = max(b.width for b in boxes)
    height = sum(b.height for b in boxes) + GAP_DOWN * (len(boxes) - 1)

    def draw(x, y):
        out = []
        cursor, middle = y, x + width / 2
        for i, box in enumerate(boxes):
            out += box.draw(x + (width - box.width) / 2, cursor)
            if i < len(boxes) - 1:
                out.append(_arrow(middle, cursor + box.height, middle, cursor + box.height + GAP_DOWN - 2, arrow))
            cursor += box.height + GAP_DOWN
        return out
    return Box(width, height, draw)


def _parallel_across(boxes: list[Box]) -> Box:
    inner = max(b.width for b in boxes)
    width = inner + 2 * GAP_X
    height = sum(b.height for b in boxes) + GAP_Y * (len(boxes) - 1)

    def draw(x, y):
        out, middles = [], []
        cursor = y
        for box in boxes:
            left = x + GAP_X + (inner - box.width) / 2
            middle = cursor + box.height / 2
            middles.append(middle)
            out += box.draw(left, cursor)
            out.append(_line(x, middle, left, middle))
            out.append(_line(left + box.width, middle, x + width, middle))
            cursor += box.height + GAP_Y
        out += [_line(edge, middles[0], edge, middles[-1]) for edge in (x, x + width)]
        return out
    return Box(width, height, draw)


def _parallel_ladder(boxes: list[Box]) -> Box:
    """Branches stacked as the rungs of a ladder: a path from the top bar to the bottom bar
    through any one rung."""
    inner = max(b.width for b in boxes)
    width = inner + 2 * RAIL
    height = sum(b.height for b in boxes) + GAP_Y * (len(boxes) - 1) + 2 * BAR

    def draw(x, y):
        out = [_line(x, y, x + width, y), _line(x, y + height, x + width, y + height),
               _line(x, y, x, y + height), _line(x + width, y, x + width, y + height)]
        cursor = y + BAR
        for box in boxes:
            left = x + RAIL + (inner - box.width) / 2
            middle = cursor + box.height / 2
            out += box.draw(left, cursor)
            out.append(_line(x, middle, left, middle))
            out.append(_line(left + box.width, middle, x + width, middle))
            cursor += box.height + GAP_Y
        return out
    return Box(width, height, draw)


def _frame(child: Box, label: str) -> Box:
    width = max(child.width + 2 * FRAME_PAD, math.ceil(len(label) * LABEL_CHAR) + 2 * FRAME_PAD)
    height = child.height + 2 * FRAME_PAD + FRAME_LABEL

    def draw(x, y):
        return [
            f'<rect class="frame" x="{x}" y="{y}" width="{width}" height="{height}" rx="8"/>',
            f'<text class="copies" x="{x + FRAME_PAD}" y="{y + 13}">{escape(label)}</text>',
            *child.draw(x + (width - child.width) / 2, y + FRAME_PAD + FRAME_LABEL),
        ]
    return Box(width, height, draw)


def _line(x1, y1, x2, y2) -> str:
    return f'<line class="link" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'


def _arrow(x1, y1, x2, y2, marker: str) -> str:
    return f'<line class="link" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" marker-end="url(#{marker})"/>'


def width(node: Node, *, layout: str = "wide") -> float:
    """The diagram's width in user units (CSS pixels when it is not scaled)."""
    return max(_layout(node, LAYOUTS[layout], "arrow").width + 2 * MARGIN, MIN_WIDTH)


def needs_tall(node: Node) -> bool:
    """Whether the wide diagram is too wide for a phone to show its text at full size."""
    return width(node) > PHONE_WIDTH


def svg(node: Node, *, title: str, layout: str = "wide") -> str:
    """The whole diagram with its total, as an accessible SVG element, in the `layout` named
    ("wide" or "tall"); its ids are the layout's own, so both can share a page."""
    spec = LAYOUTS[layout]
    suffix = "" if spec is WIDE else f"-{spec.name}"
    arrow, title_id = f"arrow{suffix}", f"diagram-title{suffix}"
    box = _layout(node, spec, arrow)
    total = formatting.availability(1 - unavailability(node))
    full_width = max(box.width + 2 * MARGIN, MIN_WIDTH)
    full_height = box.height + 2 * MARGIN + 26
    body = "\n".join(box.draw(MARGIN, MARGIN))
    return (
        f'<svg class="diagram diagram-{spec.name}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {full_width} {full_height}" width="{full_width}" height="{full_height}" role="img" '
        f'aria-labelledby="{title_id}">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
        f"{body}"
        f'<text class="total" x="{MARGIN}" y="{full_height - 10}">Total: {escape(total)}</text>'
        "</svg>"
    )
