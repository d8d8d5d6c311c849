"""The estimate's architecture drawn as SVG on the server (topology.py decides the boxes,
arrows and ranks; this module only places and draws them).

Rows by rank from the client at the top down to the stores; a row wider than the layout's
columns wraps. Every arrow leaves its source's bottom, runs down to the gap above its
target's row, across, and down into the target's top left, where the peak it carries is
written beside it. Arrows are drawn first and boxes over them, so an arrow that passes a row
goes behind its boxes, never over their text.

Two layouts, like the workbench's diagram: `wide` (3 columns, 600 units: the results column of a
1280 px page at 1:1) and `narrow` (2 columns,
300 user units wide: a phone shows it at 1:1, so its 12 px text stays 12 px). The page
carries both and CSS shows one. Every text is escaped; the look is CSS classes only (no
inline style, no script: the Content Security Policy holds).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape

from .diagram import wrap as _wrap_name
from .topology import CLIENT, Box, Topology

LINE = 15  # a text line in a box
LABEL_LINE = 14  # a line of an arrow's label
PAD = 8
MARGIN = 6
CLIENT_WIDTH, CLIENT_HEIGHT = 110, 30
LANE = 6  # between the horizontal runs of arrows from different sources in one gap


@dataclass(frozen=True)
class Layout:
    name: str
    columns: int
    box_width: int
    gap: int
    name_chars: int  # a 14 px bold line of a box
    text_chars: int  # a 12 px line of a box
    label_chars: int  # a line of an arrow's label


@lru_cache(maxsize=4096)  # the same names and figures recur keystroke after keystroke
def wrap(text: str, width: int) -> tuple[str, ...]:
    return tuple(_wrap_name(text, width))


def _wrapped(lines, width: int) -> list[str]:
    return [part for line in lines for part in wrap(line, width)]


WIDE = Layout("wide", columns=3, box_width=180, gap=18, name_chars=21, text_chars=27, label_chars=22)
NARROW = Layout("narrow", columns=2, box_width=139, gap=8, name_chars=15, text_chars=20, label_chars=16)
LAYOUTS = {layout.name: layout for layout in (WIDE, NARROW)}


def _lines(box: Box, layout: Layout) -> list[tuple[str, str]]:
    """(class, text) of each line of a box."""
    lines = [("name", part) for part in wrap(box.name, layout.name_chars)]
    lines.append(("kind", box.kind))
    if box.bottleneck:
        lines.append(("flag", "▲ bottleneck"))
    lines += [("nodes", part) for part in wrap(box.nodes, layout.text_chars - 3)]  # 13 px bold
    lines += [("meta", part) for part in _wrapped([box.bound, box.held], layout.text_chars) if part]
    lines += [("cost", part) for part in wrap(box.cost, layout.text_chars)]
    return lines


def _height(lines: list) -> int:
    return PAD + LINE * len(lines) + PAD // 2


def svg(topology: Topology, *, layout: str = "wide", title: str = "Architecture") -> str:
    """The diagram as one accessible SVG element in the named layout; ids carry the layout's
    name, so both layouts can share a page."""
    spec = LAYOUTS[layout]
    arrow, title_id, desc_id = f"arch-arrow-{spec.name}", f"arch-title-{spec.name}", f"arch-desc-{spec.name}"
    by_rank: dict[int, list[Box]] = {}
    for box in topology.boxes:
        by_rank.setdefault(box.rank, []).append(box)
    rows: list[list[Box]] = []
    for rank in sorted(by_rank):
        boxes = by_rank[rank]
        rows += [boxes[i:i + spec.columns] for i in range(0, len(boxes), spec.columns)]
    columns = max([len(row) for row in rows] + [1])
    side = max(MARGIN, spec.gap / 2 + 3)  # room for the gutter left of the first column
    width = max(columns * spec.box_width + (columns - 1) * spec.gap + 2 * side, CLIENT_WIDTH + 2 * MARGIN)

    into: dict[str, list] = {}
    label: dict[tuple[str, str], list[str]] = {}
    for edge in topology.edges:
        into.setdefault(edge.target, []).append(edge)
        label[edge.source, edge.target] = _wrapped(edge.label, spec.label_chars)
    label_lines = {target: sum(len(label[e.source, e.target]) for e in edges) for target, edges in into.items()}
    lines_of = {box.name: _lines(box, spec) for box in topology.boxes}

    # Where each box is: (x, y, width, height); the client first.
    place: dict[str, tuple[float, float, float, float]] = {CLIENT: ((width - CLIENT_WIDTH) / 2, MARGIN,
                                                                     CLIENT_WIDTH, CLIENT_HEIGHT)}
    gaps: dict[int, tuple[int, list[str]]] = {}  # row index → (label lines above it, its sources in lane order)
    grid = columns * spec.box_width + (columns - 1) * spec.gap
    left = (width - grid) / 2  # every row starts at the grid's left: columns line up, gutters stay clear
    y = MARGIN + CLIENT_HEIGHT
    for index, row in enumerate(rows):
        incoming = [edge for box in row for edge in into.get(box.name, ())]
        sources = list(dict.fromkeys(edge.source for edge in incoming))
        labels = max([label_lines.get(box.name, 0) for box in row] + [0])
        gap = 16 + LANE * max(len(sources) - 1, 0) + LABEL_LINE * labels
        y += gap
        gaps[index] = (labels, sources)
        x = left
        height = max(_height(lines_of[box.name]) for box in row)
        for box in row:
            place[box.name] = (x, y, spec.box_width, height)
            x += spec.box_width + spec.gap
        y += height
    height = y + MARGIN

    row_of = {box.name: index for index, row in enumerate(rows) for box in row}
    arrows, labels = [], []
    for box in topology.boxes:
        tx, ty, _, _ = place[box.name]
        row_labels, sources = gaps[row_of[box.name]]
        written = 0
        for n, edge in enumerate(into.get(box.name, ())):
            if edge.source not in place:
                continue
            sx, sy, sw, sh = place[edge.source]
            start_x, start_y = sx + sw / 2, sy + sh
            drop_x = tx + 14 + 10 * n
            lane_y = ty - 10 - LABEL_LINE * row_labels - LANE * sources.index(edge.source)
            lane_y = max(lane_y, start_y + 6)
            if row_of[box.name] > row_of.get(edge.source, -1) + 1:
                # Past a row: down the gutter left of the target's column, never behind a box.
                below = start_y + 6 + LANE * gaps[row_of[edge.source] + 1][1].index(edge.source) \
                    if edge.source in row_of and edge.source in gaps[row_of[edge.source] + 1][1] else start_y + 6
                route = f"V {below:g} H {tx - spec.gap / 2:g} V {lane_y:g} H {drop_x:g}"
            else:
                route = f"V {lane_y:g} H {drop_x:g}"
            arrows.append(f'<path class="flow" d="M {start_x:g} {start_y:g} {route} V {ty - 1:g}" '
                          f'marker-end="url(#{arrow})"/>')
            for line in label[edge.source, edge.target]:
                written += 1
                labels.append(f'<text class="rate" x="{drop_x + 5:g}" '
                              f'y="{ty - 6 - LABEL_LINE * (label_lines[box.name] - written):g}">{escape(line)}</text>')
    body = [*arrows]
    cx, cy, cw, ch = place[CLIENT]
    body.append(f'<rect class="client" x="{cx:g}" y="{cy:g}" width="{cw}" height="{ch}" rx="15"/>'
                f'<text class="client-name" x="{cx + cw / 2:g}" y="{cy + 20:g}">Clients</text>')
    for box in topology.boxes:
        x, y, w, h = place[box.name]
        classes = "component" + (" bottleneck" if box.bottleneck else "") + ("" if box.service else " store") \
            + (" rented" if box.nodes == "rented" else "")
        body.append(f'<g class="{classes}" id="arch-{spec.name}-{escape(box.name)}">'
                    f'<rect x="{x:g}" y="{y:g}" width="{w}" height="{h}" rx="6"/>')
        for n, (kind, text) in enumerate(lines_of[box.name]):
            body.append(f'<text class="{kind}" x="{x + PAD:g}" y="{y + PAD + LINE * (n + 1) - 4:g}">{escape(text)}</text>')
        body.append("</g>")
    body += labels
    return (
        f'<svg class="architecture-diagram architecture-{spec.name}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(describe(topology))}</desc>'
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
        + "".join(body) + "</svg>"
    )


def describe(topology: Topology) -> str:
    """The diagram in words: its text alternative."""
    parts = []
    for edge in topology.edges:
        source = "clients" if edge.source == CLIENT else edge.source
        carried = f" ({', '.join(edge.label)} at peak)" if edge.label else ""
        parts.append(f"{source} to {edge.target}{carried}")
    boxes = [f"{b.name}, {b.kind}: {b.nodes}" + (f" ({b.bound})" if b.bound else "")
             + (f", {b.held}" if b.held else "") + f", {b.cost}" for b in topology.boxes]
    text = "Components: " + "; ".join(boxes) + ". Arrows: " + "; ".join(parts) + "."
    if topology.bottleneck:
        text += f" Bottleneck: {topology.bottleneck} ({topology.pressure[0][1]})."
    return text
