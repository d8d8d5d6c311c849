import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


def test_production_settings_pass_check_deploy_with_no_warning():
    done = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_ENV="production",
                  DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="estimator.example")

    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout


def test_production_refuses_to_start_without_a_secret_key():
    done = manage("check", DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="estimator.example")

    assert done.returncode != 0
    assert "You must set DJANGO_SECRET_KEY" in done.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    done = manage("check", DJANGO_ENV="production", DJANGO_SECRET_KEY=secrets.token_urlsafe(50))

    assert done.returncode != 0
    assert "You must set DJANGO_ALLOWED_HOSTS" in done.stderr


def test_local_settings_do_not_pass_deploy_checks_by_accident():
    done = manage("check", "--deploy", "--fail-level", "WARNING")

    assert done.returncode != 0  # DEBUG-free but insecure local defaults are flagged
