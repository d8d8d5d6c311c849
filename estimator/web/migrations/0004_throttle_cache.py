"""The cache table the sign-in and sign-up throttles count in (settings.CACHES["throttle"]):
made by migrate, so a deploy needs no extra step."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("web", "0003_usage")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
