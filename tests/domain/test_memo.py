"""A formula remembers what it gave for the figures it read (Run._compute): live typing changes
one field, and only what reads it is computed again. These tests count the evaluations and
check that a remembered result is never a stale or a shared one."""

from pytest import approx

from estimator.domain.engine.run import _MEMO_PER_STEP
from estimator.domain.estimate import estimate
from estimator.domain.presets import PRESETS

PHOTO = next(p for p in PRESETS if p.slug == "photo-sharing-100m-dau")


def _model(**changes):
    texts = {name: text for name, text in PHOTO.inputs.items() if name != "lines"}
    return {**texts, **changes}


def _figures(result):
    return {name: (r.value, r.display, r.work) for name, r in result.results.items()}


def _counting(monkeypatch):
    """Every formula step's evaluate wrapped to count its calls by name."""
    from estimator.domain.engine import step as step_module

    counts: dict[str, int] = {}
    original = step_module.Step.__getattribute__

    def spy(self, attribute):
        value = original(self, attribute)
        if attribute == "evaluate":
            counts[original(self, "name")] = counts.get(original(self, "name"), 0) + 1
        return value

    monkeypatch.setattr(step_module.Step, "__getattribute__", spy)
    return counts


def test_an_unchanged_estimate_evaluates_no_formula_again(monkeypatch):
    first = estimate(_model(dau="123M"))
    counts = _counting(monkeypatch)
    again = estimate(_model(dau="123M"))

    assert counts == {}
    assert _figures(again) == _figures(first)


def test_one_changed_field_evaluates_only_what_reads_it(monkeypatch):
    estimate(_model(dau="124M", object_size="500 KB"))
    counts = _counting(monkeypatch)
    changed = estimate(_model(dau="124M", object_size="600 KB"))

    # a photo of 600 KB instead of 500 KB: storage moves, the request rates do not
    assert "storage_per_day" in counts and "read_qps" not in counts and "peak_qps" not in counts
    # 124M users × 0.1 writes a day × 600 KB, worked by hand: 7.44 TB a day
    assert changed.results["storage_per_day"].value == approx(124e6 * 0.1 * 600e3)
    assert changed.results["read_qps"].value == approx(124e6 * 5 / 86400)


def test_a_remembered_result_is_the_same_as_one_computed_fresh():
    texts = _model(dau="125M", reads_per_user="7")
    remembered = estimate(texts)
    steps = remembered.calculator.steps
    assert any(step.memo for step in steps)
    for step in steps:
        step.memo.clear()
    fresh = estimate(texts)

    assert _figures(remembered) == _figures(fresh)


def test_a_run_on_samples_does_not_write_into_what_a_formula_remembers():
    plain = _model(dau="126M")
    before = _figures(estimate(plain))
    ranged = estimate(_model(dau="126M to 200M"))
    assert ranged.results["read_qps"].spread is not None  # the ranged run wrote its spread into its results
    after = estimate(plain)

    assert _figures(after) == before
    assert after.results["read_qps"].spread is None


def test_each_formula_remembers_a_bounded_number_of_figures():
    for users in range(3 * _MEMO_PER_STEP):
        estimate(_model(dau=f"{100 + users}M"))
    steps = estimate(_model(dau="100M")).calculator.steps

    assert max(len(step.memo) for step in steps) <= _MEMO_PER_STEP


def test_a_remembered_plan_still_sees_a_cycle_and_a_reordering_the_next_text_makes():
    first = estimate(_model(lines="a = read_qps × 2\nb = a + 1 req/s"))
    assert first.results["b"].value == approx(100e6 * 5 / 86400 * 2 + 1)

    reordered = estimate(_model(lines="b = a + 1 req/s\na = read_qps × 2"))  # b reads a line below it
    assert reordered.results["b"].value == approx(100e6 * 5 / 86400 * 2 + 1)

    cycle = estimate(_model(lines="a = b × 2\nb = a + 1 req/s"))
    assert "cycle" in cycle.errors["lines:1"] and "cycle" in cycle.errors["lines:2"]
    again = estimate(_model(lines="a = b × 2\nb = a + 1 req/s"))  # a refused plan is not remembered
    assert again.errors == cycle.errors


def test_retyping_a_component_parameter_reads_and_compiles_none_of_its_formulas_again(monkeypatch):
    """Typing in a component's line (work: 50 ms → 51 ms) declares its formulas again in the
    same words: they are read and compiled once, not at every keystroke."""
    from estimator.domain.engine import calculator, declarations

    estimate(_model(lines="jobs = workers(rate: 1k/s, work: 50 ms)"))
    parsed, compiled = [], []
    parse, step_for = declarations.parse, calculator.step_for
    monkeypatch.setattr(declarations, "parse", lambda text, **kw: parsed.append(text) or parse(text, **kw))
    monkeypatch.setattr(calculator, "step_for", lambda name, *a, **kw: compiled.append(name) or step_for(name, *a, **kw))

    result = estimate(_model(lines="jobs = workers(rate: 1k/s, work: 51 ms)"))

    assert parsed == [] and compiled == []
    # 1k/s at the default peak factor of 2, 51 ms each, one at a time a node, at the default 70%:
    # ⌈1,000 × 2 × 0.051 ÷ 0.7⌉ = ⌈145.7⌉ = 146 (at 50 ms it was ⌈142.9⌉ = 143)
    assert result.results["jobs.nodes"].value == 146
    assert "51 ms" in result.results["jobs.nodes"].work
