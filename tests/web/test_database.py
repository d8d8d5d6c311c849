import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_database_url_names():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"

    assert connection.vendor == expected


def test_each_backend_is_configured_for_concurrent_saves(settings):
    database = settings.DATABASES["default"]

    if database["ENGINE"].endswith("sqlite3"):
        # Writers queue instead of failing with "database is locked".
        assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    else:
        # Connections are kept between requests, in a pool per process (persistent connections
        # per thread would be one per greenlet under gevent), and checked before reuse.
        assert database["ENGINE"].endswith("postgresql")
        assert database["OPTIONS"]["pool"]["max_size"] >= 2 and database["CONN_HEALTH_CHECKS"] is True
