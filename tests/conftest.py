import pytest


@pytest.fixture
def presets(db):
    """The preset scenarios, present even after a transactional test flushed the database."""
    from estimator.web.models import Revision, Scenario
    from estimator.web.presets import sync_presets

    sync_presets(Scenario, Revision)
    return Scenario.objects.filter(is_preset=True)


@pytest.fixture(autouse=True)
def _cpu_budget_out_of_the_way(settings):
    """Every test-client request comes from 127.0.0.1: the CPU budget (throttle.py) would count
    a whole module's work as one client's. Its own tests set it."""
    settings.CPU_SECONDS_PER_MINUTE = 1_000_000
