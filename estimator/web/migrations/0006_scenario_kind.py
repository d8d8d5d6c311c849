"""A scenario is an estimate or an availability workbench (spec: a workbench can be saved as a
scenario like an estimate). Every scenario saved so far is an estimate."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("web", "0005_preset_stories")]

    operations = [
        migrations.AddField(
            model_name="scenario",
            name="kind",
            field=models.CharField(
                choices=[("estimate", "estimate"), ("workbench", "availability workbench")], default="estimate",
                help_text="The calculator its inputs are for: the estimate or the availability workbench.",
                max_length=16,
            ),
        ),
    ]
