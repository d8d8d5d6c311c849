import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_database_url_names():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"

    assert connection.vendor == expected


@pytest.mark.django_db
@pytest.mark.skipif(os.environ.get("DATABASE_URL"), reason="SQLite settings only")
def test_sqlite_runs_in_wal_mode_with_immediate_transactions(settings):
    options = settings.DATABASES["default"]["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
