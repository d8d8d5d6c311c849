"""The model version and a saved estimate's figures compared with today's (model_version.py)."""

from estimator.domain import model_version
from estimator.domain.estimate import ESTIMATE
from estimator.domain.inputs import DEFAULTS


def test_the_version_is_the_last_changelog_entry_and_versions_increase():
    versions = [version for version, _ in model_version.CHANGELOG]

    assert versions == sorted(set(versions)) and model_version.MODEL_VERSION == versions[-1]


def test_a_snapshot_compared_with_the_same_estimate_has_no_drift():
    estimate = ESTIMATE(DEFAULTS)

    assert model_version.drift(model_version.snapshot(estimate), model_version.MODEL_VERSION, estimate) is None


def test_float_noise_is_not_a_change_but_a_check_turning_is():
    assert model_version.same(1.0, 1.0 + 1e-12)
    assert not model_version.same(1.0, 1.001)
    assert not model_version.same(True, False) and model_version.same(None, None)
    assert not model_version.same(None, 0.0) and not model_version.same(True, 1.0)


def test_a_result_no_longer_computed_is_listed_as_gone():
    estimate = ESTIMATE(DEFAULTS)
    saved = {**model_version.snapshot(estimate), "old_result": [5.0, "5"]}

    drift = model_version.drift(saved, 1, estimate)

    assert [(c.name, c.then, c.now) for c in drift.changes] == [("old_result", "5", model_version.GONE)]
    assert [version for version, _ in drift.rules] == [v for v, _ in model_version.CHANGELOG if v > 1]


def test_an_unknown_snapshot_claims_nothing():
    assert model_version.drift(None, None, ESTIMATE(DEFAULTS)) is None


def test_a_result_counted_in_another_unit_changes_only_if_its_display_does():
    estimate = ESTIMATE(DEFAULTS)
    kept = model_version.snapshot(estimate)
    value, display, unit = kept["storage_per_day"]
    saved = {"storage_per_day": [value * 86_400, display, "B/s" if unit != "B/s" else "B"],
             "read_qps": [1.0, "1 req/s", "req"]}

    drift = model_version.drift(saved, 1, estimate)

    assert [c.name for c in drift.changes] == ["read_qps"]  # shown the same: storage_per_day is not listed


def test_a_snapshot_without_units_still_compares_values():
    estimate = ESTIMATE(DEFAULTS)
    saved = {name: kept[:2] for name, kept in model_version.snapshot(estimate).items()}
    saved["nines"] = [2.0, "2"]

    assert [c.name for c in model_version.drift(saved, 2, estimate).changes] == ["nines"]


def test_a_scenario_saved_with_a_component_named_twice_is_told_what_changed_and_why():
    # Saved under model 5: both 'x' lines were counted, so the totals held two tiers of the
    # second line's size (2k/s at peak factor 2 ÷ (1k/s × 70%) = ⌈5.71⌉ = 6 nodes each).
    texts = {**DEFAULTS, "lines": "x = servers(rate: 1k/s, per_node: 1k/s)\nx = servers(rate: 2k/s, per_node: 1k/s)"}
    today = ESTIMATE(texts)
    saved = model_version.snapshot(today)
    saved["nodes_total"] = [today.results["nodes_total"].value + 6, "then", ""]

    drift = model_version.drift(saved, 5, today)

    assert today.results["x.nodes"].value == 3  # now the first line stands: ⌈1k × 2 ÷ 700⌉ = ⌈2.86⌉ = 3
    assert "already defined on line 1" in today.errors["lines:2"]
    assert [c.name for c in drift.changes] == ["nodes_total"]
    assert [version for version, _ in drift.rules] == [6] and "declared twice" in drift.rules[0][1]
