"""The presets tell their systems' whole story (lines with checks, object storage, new
capacity inputs): existing installs get a new revision of each preset; earlier revisions stay."""

from django.db import migrations


def load(apps, schema_editor):
    from estimator.web.presets import sync_presets

    sync_presets(apps.get_model("web", "Scenario"), apps.get_model("web", "Revision"))


class Migration(migrations.Migration):
    dependencies = [("web", "0004_throttle_cache")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
