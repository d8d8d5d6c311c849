"""Fragment benchmark: the results partial's result cards rendered as a Django template loop
against the escaping Python tag that renders them (templatetags/estimator.py), in the same
run. The tag is kept only while this ratio says the template is too slow for a keystroke.

    python bench/fragments.py [--quick]

Target: the tag ≥ 3× faster than the template loop, else the cards belong in a template.
"""

from __future__ import annotations

import argparse
import os

from common import median_seconds, table, verdict

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "estimator.settings")

import django  # noqa: E402

django.setup()

from django.template import engines  # noqa: E402

from estimator.domain.estimate import estimate  # noqa: E402
from estimator.domain.presets import PRESETS  # noqa: E402
from estimator.web import presenters  # noqa: E402
from estimator.domain.timeline import LABELS  # noqa: E402
from estimator.web.templatetags.estimator import input_fields, result_cards, timeline_body  # noqa: E402

TARGET_RATIO = 3.0
# The same markup as the tag writes, as a template would write it.
CARDS = engines["django"].from_string(
    "{% for group, results in result_groups %}{% for r in results %}"
    '<div class="result{% if not r.available %} unavailable{% endif %}" id="result-{{ r.name }}">'
    "<dt>{{ r.label }} <code>{{ r.name }}</code></dt><dd class=\"value\">{{ r.display }}</dd>"
    '{% if r.available %}<dd class="work"><details><summary>Work</summary><p>{{ r.work }}</p></details></dd>'
    '{% else %}<dd class="why">{{ r.work }}</dd>{% endif %}</div>\n'
    "{% endfor %}{% endfor %}"
)


# The timeline's charts and table as a template would write them (the markup timeline_body writes).
TIMELINE = engines["django"].from_string(
    '<div class="charts">{% for chart in timeline_charts %}<figure class="chart"><svg viewBox="0 0 {{ chart.width }} '
    '{{ chart.height }}" role="img" aria-labelledby="chart-{{ chart.key }}-title"><title id="chart-{{ chart.key }}-title">'
    '{{ chart.title }} by year, up to {{ chart.top }}</title><text class="axis" x="0" y="12">{{ chart.title }} · max '
    '{{ chart.top }}</text>{% for bar in chart.bars %}<rect class="bar" x="{{ bar.x }}" y="{{ bar.y }}" '
    'width="{{ bar.width }}" height="{{ bar.height }}"><title>Year {{ bar.year }}: {{ bar.shown }}</title></rect>'
    '<text class="year" x="{{ bar.x|floatformat:1 }}" y="{{ chart.label_y }}">{{ bar.year }}</text>{% endfor %}</svg>'
    '</figure>{% endfor %}</div><div class="table-scroll"><table class="timeline-table"><caption '
    'class="visually-hidden">Timeline by year</caption><thead><tr><th scope="col">Year</th>{% for label in '
    'timeline_labels %}<th scope="col">{{ label }}</th>{% endfor %}</tr></thead><tbody>{% for year, cells in rows %}'
    '<tr><th scope="row">{{ year }}</th>{% for label, cell in cells %}<td data-label="{{ label }}">{{ cell }}</td>'
    '{% endfor %}</tr>{% endfor %}</tbody></table></div>'
)


def _timeline_rows(timeline, labels) -> list:
    """(year, [(label, cell), …]) a year: each cell names its column, as the tag writes it."""
    return [(year.year, list(zip(labels, year.shown))) for year in timeline]


def run_timeline(quick: bool = False) -> dict:
    """The photo preset's timeline (5 years) as a template loop against the timeline_body tag."""
    repeat, number = (3, 20) if quick else (9, 200)
    result = estimate({**{k: v for k, v in PRESETS[0].inputs.items() if k != "lines"}, "growth": "30%"})
    charts, labels = presenters.timeline_charts(result), LABELS
    context = {"timeline": result.timeline, "timeline_charts": charts, "timeline_labels": labels}
    template = median_seconds(lambda: TIMELINE.render({**context, "rows": _timeline_rows(result.timeline, labels)}),
                              repeat=repeat, number=number)
    tag = median_seconds(lambda: timeline_body(result.timeline, charts, labels), repeat=repeat, number=number)
    return {"template": template, "tag": tag, "ratio": template / tag, "met": template / tag >= TARGET_RATIO}


def run_fields(quick: bool = False) -> dict:
    """The calculator's form fields (web/_fields.html, the reference markup) against the
    input_fields tag."""
    from django.template.loader import get_template

    repeat, number = (3, 20) if quick else (9, 100)
    groups = presenters.field_groups(estimate(PRESETS[0].inputs))
    fields_template = get_template("web/_fields.html")
    template = median_seconds(lambda: [fields_template.render({"fields": f, "multiline": ""}) for _, f in groups],
                              repeat=repeat, number=number)
    tag = median_seconds(lambda: [input_fields(f) for _, f in groups], repeat=repeat, number=number)
    return {"template": template, "tag": tag, "ratio": template / tag, "met": template / tag >= TARGET_RATIO}


def run(quick: bool = False) -> dict:
    repeat, number = (3, 20) if quick else (9, 200)
    groups = presenters.result_groups(estimate(PRESETS[0].inputs))
    template = median_seconds(lambda: CARDS.render({"result_groups": groups}), repeat=repeat, number=number)
    tag = median_seconds(lambda: [result_cards(results) for _, results in groups], repeat=repeat, number=number)
    return {"template": template, "tag": tag, "ratio": template / tag, "met": template / tag >= TARGET_RATIO}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (for the smoke test)")
    quick = parser.parse_args().quick
    rows = [("result cards (photo preset)", run(quick)), ("timeline charts and table (5 years)", run_timeline(quick)),
            ("form fields (33)", run_fields(quick))]
    print(table(["fragment", "template loop", "Python tag", "template ÷ tag", f"target ≥ {TARGET_RATIO:g}×"],
                [[name, f"{r['template'] * 1e6:.0f} µs", f"{r['tag'] * 1e6:.0f} µs", f"{r['ratio']:.1f}×",
                  verdict(r["met"])] for name, r in rows]))


if __name__ == "__main__":
    main()
