"""A revision keeps the figures it was saved with and the model version that computed them.

Revisions saved before this have no snapshot, and none is made up for them: the model-1 rules
are not in the tree any more, and figures recomputed here with a copy of them would be a second
formula claiming to be what the owner saw. Their snapshot is unknown (null) and their pages say
nothing about changed figures; every revision saved from now on (presets included) keeps one.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("web", "0006_scenario_kind")]

    operations = [
        migrations.AddField(
            model_name="revision",
            name="results",
            field=models.JSONField(
                blank=True, default=None, null=True,
                help_text="The figures it was saved with: [value, display] by result name (None: saved before they were kept).",
            ),
        ),
        migrations.AddField(
            model_name="revision",
            name="model_version",
            field=models.PositiveIntegerField(
                blank=True, default=None, null=True,
                help_text="The version of the rules (estimator.domain.model_version) the results were computed with.",
            ),
        ),
    ]
