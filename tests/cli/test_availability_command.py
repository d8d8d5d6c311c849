import json
from io import StringIO

import pytest
from django.core.management import call_command


def run(*args):
    out = StringIO()
    call_command("availability", *args, stdout=out)
    return out.getvalue()


def test_text_shows_the_systems_availability_with_its_work():
    text = run("system=a 99.9% -> b 99.9%")

    assert "availability" in text and "99.8001%" in text and "99.9% × 99.9%" in text


def test_a_quorum_of_named_copies_and_the_alert_thresholds():
    text = run("system=2 of 3 x primary db 99.9%")

    assert "99.9997002%" in text and "3 × 99.9%^2 × (1 − 99.9%) + 99.9%^3" in text
    assert "2% × 30 days ÷ 1 h = 14.4" in text and "5% × 30 days ÷ 6 h = 6" in text


@pytest.mark.django_db
def test_json_is_exactly_what_the_api_returns(client):
    api = client.get("/api/v1/availability", {"system": "99.9% | 99.9%", "error_rate": "1%"}).content.decode()

    assert run("system=99.9% | 99.9%", "error_rate=1%", "--format", "json").strip() == api
    assert json.loads(api)["results"]["burn_rate"]["value"] == pytest.approx(10)


@pytest.mark.django_db
def test_markdown_is_exactly_what_availability_md_returns(client, settings):
    settings.SITE_URL = "http://testserver"
    web = client.get("/availability.md", {"allowed_downtime": "1 hour"}).content.decode()

    assert run("allowed_downtime=1 hour", "--format", "markdown").strip() == web.strip()
    assert "| this system |" in web


def test_a_malformed_system_exits_2_with_the_positioned_message(capsys):
    with pytest.raises(SystemExit) as exit:
        run("system=a 99% ->")

    assert exit.value.code == 2
    assert "system: expected a component after '->' at column 9" in capsys.readouterr().err
