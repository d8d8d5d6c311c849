"""The results partial's repeated fragments, rendered in Python because a benchmark says so.

Every keystroke renders the partial: ~30 result cards, ~20 field errors, ~20 hidden inputs.
As a template loop the result cards alone cost 462 µs against 25 µs here (18.7×, `python
bench/fragments.py`), most of the partial's time. Everything else, the form's fields
included, is a template. Every value passes through html.escape (quotes too), so escaping is
as strict as the template engine's autoescape.
"""

import math
import re
from bisect import bisect_right
from functools import lru_cache
from html import escape

from django import template
from django.utils.safestring import mark_safe

from estimator.domain import ranges
from estimator.domain.formatting import cases
from estimator.render.verdict import Verdict, verdict as decide

register = template.Library()


@lru_cache(maxsize=256)
def _card_head(name: str, label: str, available: bool) -> str:
    """The constant start of a result card, escaped once per process, not once per request."""
    return (f'<div class="result{"" if available else " unavailable"}" id="result-{escape(name)}">'
            f'<dt>{escape(label)} <code>{escape(name)}</code></dt><dd class="value">')


@register.simple_tag
def result_cards(results, workbench_path="", estimate=None):
    """The result cards; a result whose range has width (or a check that passes in some cases
    only) also names its driver and holds a sketch of its distribution. The `estimate`'s
    calculator gives an input driver its label (a line driver is shown by name). (Its
    calculator is not passed itself: the template engine would call it.)"""
    calculator = getattr(estimate, "calculator", None)
    parts = []
    for r in results:
        aside = ""
        formula = calculator.by_result.get(r.name) if calculator is not None else None
        if workbench_path and r.available and formula is not None and formula.workbench:
            aside = f' <a class="aside" href="{escape(workbench_path)}">availability workbench →</a>'
        spread = r.spread if r.available else None
        shown, extra = escape(r.display), ""
        if spread is not None and spread.varies:
            shown, extra = _spread_parts(r, spread, calculator)
        # An unavailable result says what it waits for in sight ("needs error_rate", "needs a valid
        # dau"), not behind a Work to open: four of the workbench's cards read a bare "unavailable".
        work = (f'<dd class="why">{escape(r.work)}</dd>' if not r.available else
                f'<dd class="work"><details><summary>Work</summary><p>{escape(r.work)}</p></details></dd>')
        parts.append(f"{_card_head(r.name, r.label, r.available)}{shown}{aside}</dd>{extra}{work}</div>")
    return mark_safe("\n".join(parts))


SKETCH_STEP, SKETCH_BASE, SKETCH_PLOT = 10, 40, 36  # SVG user units: a bar's width, the baseline, the tallest bar


def _with_interval(display) -> str:
    """A display with its interval set apart, escaped: the interval wraps as one piece below
    the median where the line is too narrow for both."""
    ends = display.ends
    if ends is None:
        return escape(display.text)
    return f'{escape(str(display.figure))} <span class="interval">({escape(ends[0])} – {escape(ends[1])})</span>'


@register.filter
def shown(result) -> str:
    """A result's display for the summary: as the cards show it, its interval set apart."""
    if result.spread is None:
        return mark_safe(escape(result.display))
    return mark_safe(_with_interval(result.shown))


MARKS = {"pass": "✓", "fail": "✗", "partial": "⚠"}


@register.filter
def verdict(result) -> Verdict:
    """A check's verdict (render/verdict.py), for the summary."""
    return decide(result)


@register.filter
def mark(decided: Verdict) -> str:
    """A verdict's mark in the summary: ✓, ✗ or ⚠."""
    return MARKS[decided.state]


def _spread_parts(r, spread, calculator) -> tuple[str, str]:
    """The value with its interval set apart, and the card's driver line and distribution
    sketch."""
    name = escape(r.name)
    display = r.shown
    shown = _with_interval(display)
    driven = ""
    if spread.driver and spread.driver != r.name:
        spec = calculator.by_name.get(spread.driver) if calculator is not None else None
        driver = escape(spread.driver)
        driven = (f'<p class="driver">driven by <a href="#id_{driver}">{escape(spec.label)}</a></p>' if spec else
                  f'<p class="driver">driven by <a href="#result-{driver}"><code>{driver}</code></a></p>')
    sketch = _check_sketch(name, spread.share) if spread.share is not None else _histogram(name, display, spread)
    if sketch:
        sketch = f'<details class="distribution"><summary>Distribution</summary>{sketch}</details>'
    return shown, (f'<dd class="spread">{driven}{sketch}</dd>' if driven or sketch else "")


def _histogram(name: str, display, spread) -> str:
    """A histogram of the samples from the 1st to the 99th percentile (Spread.bins: 24 bars, on
    a log scale when they span more than a factor of ten) as one step path, the 90% interval
    shaded behind it, a line at the median. `name` is escaped."""
    edges, counts = spread.bins()
    edges, counts = edges.tolist(), counts.tolist()
    top = max(counts)
    if len(counts) < 2 or not top or not all(math.isfinite(edge) for edge in edges):
        return ""
    width = SKETCH_STEP * len(counts)
    bars = "".join(f"V{SKETCH_BASE - round(count / top * SKETCH_PLOT)}h{SKETCH_STEP}" for count in counts)

    def x(value: float) -> str:  # where a value falls, by its bin: exact on a log scale too
        i = min(max(bisect_right(edges, value) - 1, 0), len(counts) - 1)
        span = edges[i + 1] - edges[i]
        within = (value - edges[i]) / span if span > 0 else 0.5  # samples piled on one figure: a bin of no width
        return f"{(i + min(max(within, 0.0), 1.0)) * SKETCH_STEP:.1f}".removesuffix(".0")

    low, median, high = x(spread.p5), x(spread.p50), x(spread.p95)
    logarithmic = edges[0] > 0 and (edges[-1] - edges[-2]) > 1.01 * (edges[1] - edges[0])
    if display.low is not None and display.high is not None:
        title = f"90% between {display.low} and {display.high}, median {display.figure}"
    else:
        title = "Distribution of the samples"
    scale = "log scale" if logarithmic else "linear scale"
    return (f'<svg class="sketch" viewBox="0 0 {width} 44" role="img" aria-labelledby="sketch-{name}">'
            f'<title id="sketch-{name}">{escape(title)} ({scale})</title>'
            f'<path class="band" d="M{low} 0H{high}V{SKETCH_BASE}H{low}z"/>'
            f'<path class="bars" d="M0 {SKETCH_BASE}{bars}V{SKETCH_BASE}z"/>'
            f'<path class="median" d="M{median} 0V44"/></svg>'
            f'<p class="sketch-note">90% shaded, median marked; 1st to 99th percentile, {scale}</p>')


def _check_sketch(name: str, share: float) -> str:
    """A check that holds in some samples only: one bar, the share that passes and the share
    that fails. `name` is escaped."""
    passing = round(share * 240, 1)
    return (f'<svg class="sketch check" viewBox="0 0 240 16" role="img" aria-labelledby="sketch-{name}">'
            f'<title id="sketch-{name}">Passes in {cases(share)} of {ranges.SAMPLES:,} cases, fails in '
            f'{cases(1 - share)}</title><rect class="pass" x="0" y="0" width="{passing:g}" height="16"/>'
            f'<rect class="fail" x="{passing:g}" y="0" width="{240 - passing:g}" height="16"/></svg>')


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


@register.filter(is_safe=True)
def code_spans(text: str) -> str:
    """`text` escaped, with each `span` between backticks shown as code: a description written for
    the markdown export (`net = cdn(…)`) reads the same on the page, not with its backticks."""
    return mark_safe(_CODE_SPAN.sub(r"<code>\1</code>", escape(text, quote=True)))


@register.simple_tag
def field_notes(field_groups):
    """Every field's message and unused note in one element that htmx swaps out of band;
    app.js puts each in its field. One swap, not two per field: each out-of-band swap costs
    ~1.2 ms in Chromium, and sixty of them put 36 ms on every keystroke (bench/keystroke.py).
    Without JavaScript the page is rendered whole, with the notes in place."""
    notes = "".join(
        f'<p data-error="{f.name}">{escape(f.error)}</p><p data-unused="{f.name}">{escape(f.unused)}</p>'
        for _, fields in field_groups for f in fields  # names are declared identifiers: [a-z_]+
    )
    return mark_safe(f'<div id="field-notes" hx-swap-oob="true" hidden>{notes}</div>')


@register.simple_tag
def carried_inputs(input_texts):
    """Hidden copies of the inputs, so the save and fork forms post what is on the page."""
    return mark_safe("".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(text).replace(chr(10), "&#10;")}">'
        for name, text in input_texts.items()
    ))


@register.simple_tag
def timeline_body(timeline, charts, labels):
    """The timeline's bar charts (SVG) and its table, every value escaped: as a template loop
    they cost 1.8 ms of the partial's 2.7 ms (`python bench/fragments.py`)."""
    parts = ['<div class="charts">']
    for chart in charts:
        key, title, top = escape(chart["key"]), escape(chart["title"]), escape(chart["top"])
        parts.append(
            f'<figure class="chart"><svg viewBox="0 0 {chart["width"]} {chart["height"]}" role="img" '
            f'aria-labelledby="chart-{key}-title"><title id="chart-{key}-title">{title} by year, up to {top}</title>'
            f'<text class="axis" x="0" y="12">{title} · max {top}</text>'
        )
        for bar in chart["bars"]:
            parts.append(
                f'<rect class="bar" x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}">'
                f'<title>Year {bar.year}: {escape(bar.shown)}</title></rect>'
                f'<text class="year" x="{bar.x:.1f}" y="{chart["label_y"]}">{bar.year}</text>'
            )
        parts.append("</svg></figure>")
    parts.append('</div><div class="table-scroll"><table class="timeline-table">'
                 '<caption class="visually-hidden">Timeline by year</caption><thead><tr><th scope="col">Year</th>')
    parts.extend(f'<th scope="col">{escape(label)}</th>' for label in labels)
    parts.append("</tr></thead><tbody>")
    # Each cell names its column (data-label): a phone shows a year as a card, the head hidden.
    named = [f'<td data-label="{escape(label)}">' for label in labels]
    for year in timeline:
        cells = "".join(f"{named[i] if i < len(named) else '<td>'}{escape(cell)}</td>" for i, cell in enumerate(year.shown))
        parts.append(f'<tr><th scope="row">{year.year}</th>{cells}</tr>')
    parts.append("</tbody></table></div>")
    return mark_safe("".join(parts))


def _select(f, name: str, described: str, invalid: str) -> str:
    options = "".join(f'<option value="{escape(o)}"{" selected" if o == f.text else ""}>{escape(o)}</option>'
                      for o in f.spec.kind.options)
    return f'<select id="id_{name}" name="{name}" {described}>{options}</select>'


def _area(f, name: str, described: str, invalid: str) -> str:
    return (f'<textarea id="id_{name}" name="{name}" rows="3" maxlength="{f.spec.kind.max_length}" spellcheck="false" '
            f'autocapitalize="off" {described}{invalid}>{escape(f.text)}</textarea>')


def _text(f, name: str, described: str, invalid: str) -> str:
    return (f'<input id="id_{name}" name="{name}" type="text" value="{escape(f.text)}" '
            f'placeholder="{escape(f.spec.default or "optional")}" maxlength="{f.spec.kind.max_length}" '
            f'autocomplete="off" spellcheck="false" autocapitalize="off" {described}{invalid}>')


# A field's control by its kind's widget (web/widgets/<widget>.html are the same as templates).
# The lines' page draws its own fieldset (web/_lines.html); alone among fields they are a text area.
CONTROLS = {"select": _select, "area": _area, "text": _text, "lines": _area}


@register.simple_tag
def input_fields(fields):
    """The form's fields: label tied to the control its kind's widget draws (a one-line input,
    a text area or a select, each as long as the kind accepts), its message, its unused note
    and its help, every value escaped. Rendered here because as a template (web/_fields.html,
    kept as the reference markup for the benchmark) the 33 fields cost 3.5 ms of a 7.8 ms page
    (`python bench/fragments.py`)."""
    parts = []
    for f in fields:
        spec, name = f.spec, escape(f.name)
        described = f'aria-describedby="help-{name} error-{name}"'
        invalid = ' aria-invalid="true"' if f.error else ""
        control = CONTROLS[spec.kind.widget](f, name, described, invalid)
        default = f" · default {escape(spec.default)}" if spec.default else ""
        # An example that is the default says nothing more ("default 64 GB · e.g. 64 GB").
        example = "" if spec.example == spec.default else f" · e.g. {escape(spec.example)}"
        classes = "field" + (" invalid" if f.error else "") + (" unused" if f.unused else "")
        parts.append(
            f'<div class="{classes}"><label for="id_{name}">{escape(spec.label)}</label>{control}'
            f'<p class="field-error" id="error-{name}">{escape(f.error)}</p>'
            f'<p class="unused-note" id="unused-{name}">{escape(f.unused)}</p>'
            f'<p class="help" id="help-{name}">{escape(spec.help)} <span class="meta"><code>{name}</code>{default}'
            f"{example}</span></p></div>"
        )
    return mark_safe("\n".join(parts))
