from django.core.management.base import BaseCommand

from estimator.web.models import Revision, Scenario
from estimator.web.presets import sync_presets


class Command(BaseCommand):
    help = "Create or update the preset scenarios (idempotent)."

    def handle(self, *args, **options):
        written = sync_presets(Scenario, Revision)
        self.stdout.write(f"presets up to date ({written} written)")
