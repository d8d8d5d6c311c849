import pytest


@pytest.fixture
def presets(db):
    """The preset scenarios, present even after a transactional test flushed the database."""
    from estimator.web.models import Revision, Scenario
    from estimator.web.presets import sync_presets

    sync_presets(Scenario, Revision)
    return Scenario.objects.filter(is_preset=True)
