from django.core.management.base import BaseCommand

from estimator.web.models import Revision, Scenario
from estimator.web.presets import sync_presets
from estimator.web.problems import sync_problems


class Command(BaseCommand):
    help = "Create or update the preset and problem scenarios (idempotent)."

    def handle(self, *args, **options):
        written = sync_presets(Scenario, Revision) + sync_problems(Scenario, Revision)
        self.stdout.write(f"presets and problems up to date ({written} written)")
