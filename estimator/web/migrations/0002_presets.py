"""The five presets of the spec exist on a fresh install."""

from django.db import migrations


def load(apps, schema_editor):
    from estimator.web.presets import sync_presets

    sync_presets(apps.get_model("web", "Scenario"), apps.get_model("web", "Revision"))


class Migration(migrations.Migration):
    dependencies = [("web", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
