"""A check's verdict is decided once (render/verdict.py): the summary and the markdown write it
from the same decision."""

from estimator.domain.estimate import estimate
from estimator.render.markdown import _verdict
from estimator.render.verdict import verdict

LINES = "fast = 300 ms × 2 <= 500 ms\nroomy = 1 GB <= 2 GB\nlat = 5 ms to 50 ms\nok = lat + 10 ms <= 40 ms"


def test_a_check_passes_fails_or_over_ranges_passes_in_some_cases():
    results = estimate({"lines": LINES}).results

    fast, roomy, ok = verdict(results["fast"]), verdict(results["roomy"]), verdict(results["ok"])

    assert (fast.state, fast.text) == ("fail", "fails")  # 600 ms > 500 ms
    assert (roomy.state, roomy.text) == ("pass", "passes")
    assert ok.state == "partial" and ok.partial and ok.text == results["ok"].display
    assert ok.text.startswith("passes in ") and ok.text.endswith("% of cases")


def test_the_markdown_marks_the_same_decision():
    results = estimate({"lines": LINES}).results

    assert _verdict(results["fast"]) == "❌ fails"
    assert _verdict(results["roomy"]) == "✅ passes"
    assert _verdict(results["ok"]) == f"⚠ {results['ok'].display}"
