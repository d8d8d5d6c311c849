"""Keeping the preset scenarios of estimator.domain.presets in the database.

Idempotent: a missing preset is created; a preset whose inputs changed gets a new
revision (old revisions stay), with the figures it gives today where the model keeps them (a
migration's historical model before 0007 has no field for them). Used by the data migrations
and `manage.py load_presets`.
"""

from __future__ import annotations

from estimator.domain import model_version
from estimator.domain.estimate import ESTIMATE
from estimator.domain.inputs import DEFAULTS
from estimator.domain.presets import PRESETS


def _snapshot_fields(revision_model, inputs: dict[str, str]) -> dict:
    if not any(f.name == "results" for f in revision_model._meta.get_fields()):
        return {}
    return {"results": model_version.snapshot(ESTIMATE(inputs)), "model_version": model_version.MODEL_VERSION}


def sync_presets(scenario_model, revision_model, presets=PRESETS) -> int:
    """Bring the presets (or the problems, web/problems.py) up to date; returns how many
    scenarios or revisions it wrote."""
    written = 0
    for preset in presets:
        inputs = {**DEFAULTS, **preset.inputs}
        scenario, created = scenario_model.objects.get_or_create(
            slug=preset.slug,
            defaults={"name": preset.name, "description": preset.description, "is_preset": True},
        )
        if not created and (scenario.name, scenario.description) != (preset.name, preset.description):
            scenario.name, scenario.description = preset.name, preset.description
            scenario.save(update_fields=["name", "description"])
        latest = revision_model.objects.filter(scenario=scenario).order_by("-number").first()
        if latest is None or latest.inputs != inputs:
            number = latest.number + 1 if latest else 1
            revision_model.objects.create(scenario=scenario, number=number, inputs=inputs,
                                          **_snapshot_fields(revision_model, inputs))
            written += 1
    return written
