"""The architecture as a mermaid flowchart: the same boxes, counts and rates as the page's SVG
(topology.py decides them), for a design doc on GitHub or GitLab.

Always valid, whatever anyone typed:
- node ids are ours (`client`, `c0`, `c1`…), never a name: a component called `end`,
  `click`, `style`, `subgraph`, `o` or `x` cannot end a block, bind a handler or change an
  arrow's type;
- every label is a quoted string in which only letters, digits, spaces and a few harmless
  marks stay as they are; every other character becomes mermaid's entity code (`#34;` for
  a quote, `#60;` for <, `#96;` for a backtick, `#37;` for %, `#35;` for # itself), so no
  text can close the string, open a markdown string, start a `%%` comment or directive, or
  write a tag; lines are joined with mermaid's `<br/>`, which is ours;
- no `click`, `href`, `call` or `linkStyle` line is ever written.
"""

from __future__ import annotations

from .topology import CLIENT, Topology

# Kept as typed inside a quoted label; everything else is an entity code.
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:/()+-_$×÷·−▲")


def text(value: str) -> str:
    """`value` made inert inside a mermaid quoted label (one line)."""
    return "".join(c if c in _SAFE else f"#{ord(c)};" for c in " ".join(value.split()))


def label(*lines: str) -> str:
    """A quoted label of several lines."""
    return '"' + "<br/>".join(text(line) for line in lines if line) + '"'


def flowchart(topology: Topology) -> str:
    """The flowchart's source (without the ``` fence): top down from the clients, services as
    rectangles, stores as cylinders, rented services dashed, the bottleneck in a thick red
    frame."""
    ids = {CLIENT: "client", **{box.name: f"c{n}" for n, box in enumerate(topology.boxes)}}
    out = ["flowchart TD", f"  client([{label('Clients')}])"]
    for box in topology.boxes:
        lines = [box.name, box.kind, box.nodes + (f" ({box.bound})" if box.bound else ""), box.held, box.cost]
        if box.bottleneck:
            lines.insert(2, "▲ bottleneck")
        shape = ("[", "]") if box.service else ("[(", ")]")
        out.append(f"  {ids[box.name]}{shape[0]}{label(*lines)}{shape[1]}")
    for edge in topology.edges:
        if edge.source not in ids:
            continue
        carried = f"|{label(*edge.label)}|" if edge.label else ""
        out.append(f"  {ids[edge.source]} -->{carried} {ids[edge.target]}")
    rented = [ids[b.name] for b in topology.boxes if b.nodes == "rented"]
    out.append("  classDef rented stroke-dasharray: 5 4")
    out.append("  classDef bottleneck stroke:#b91c1c,stroke-width:3px")
    if rented:
        out.append(f"  class {','.join(rented)} rented")
    if topology.bottleneck:
        out.append(f"  class {ids[topology.bottleneck]} bottleneck")
    return "\n".join(out)
