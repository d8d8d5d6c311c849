import pytest


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under `make test`'s parallel processes (pytest-xdist) each test goes to whichever process
    is free, except the real-server tests (tests/server): those run one after another in one
    process, as in a plain run, since they share a module's server, collect static files into
    one folder and measure a server's CPU. (xdist's own grouping by marker renames node ids,
    which pytest 9 no longer reads.)"""
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ServerTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "tests/server/" if nodeid.startswith("tests/server/") else nodeid

    return ServerTestsTogether(config, log)


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
