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
from estimator.web.templatetags.estimator import result_cards  # noqa: E402

TARGET_RATIO = 3.0
# The same markup as the tag writes, as a template would write it.
CARDS = engines["django"].from_string(
    "{% for group, results in result_groups %}{% for r in results %}"
    '<div class="result{% if not r.available %} unavailable{% endif %}" id="result-{{ r.name }}">'
    "<dt>{{ r.label }} <code>{{ r.name }}</code></dt><dd class=\"value\">{{ r.display }}</dd>"
    '<dd class="work"><details><summary>Work</summary><p>{{ r.work }}</p></details></dd></div>\n'
    "{% endfor %}{% endfor %}"
)


def run(quick: bool = False) -> dict:
    repeat, number = (3, 20) if quick else (9, 200)
    groups = presenters.result_groups(estimate(PRESETS[0].inputs))
    template = median_seconds(lambda: CARDS.render({"result_groups": groups}), repeat=repeat, number=number)
    tag = median_seconds(lambda: [result_cards(results) for _, results in groups], repeat=repeat, number=number)
    return {"template": template, "tag": tag, "ratio": template / tag, "met": template / tag >= TARGET_RATIO}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (for the smoke test)")
    r = run(parser.parse_args().quick)
    print(table(["result cards (photo preset)", "template loop", "Python tag", "template ÷ tag", f"target ≥ {TARGET_RATIO:g}×"],
                [["median per render", f"{r['template'] * 1e6:.0f} µs", f"{r['tag'] * 1e6:.0f} µs",
                  f"{r['ratio']:.1f}×", verdict(r["met"])]]))


if __name__ == "__main__":
    main()
