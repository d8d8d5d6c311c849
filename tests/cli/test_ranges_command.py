"""Ranges from the command line: the interval in text, the range in JSON, exit 2 for a bad one."""

import json
from io import StringIO

import pytest
from django.core.management import call_command


def run(*args):
    out = StringIO()
    call_command("estimate", *args, stdout=out)
    return out.getvalue()


def test_text_shows_the_median_and_interval_and_json_the_range():
    text = run("dau=50M to 200M")
    body = json.loads(run("dau=50M to 200M", "--format", "json"))
    peak = body["results"]["peak_qps"]
    assert peak["display"] in text and " – " in peak["display"]
    assert peak["range"]["driver"] == "dau"
    assert peak["range"]["p5"] < peak["value"] < peak["range"]["p95"]


def test_markdown_names_the_driver_and_how_often_a_check_passes():
    text = run("dau=50M to 200M", "lines=x = 1 to 3\nok = x < 2", "--format", "markdown")
    assert "driven by `dau`" in text
    assert "⚠ passes in" in text and "% of cases: `ok`" in text


def test_a_bad_range_exits_with_2_and_names_the_field_once(capsys):
    with pytest.raises(SystemExit) as failed:
        run("dau=1 to 2 to 3")
    assert failed.value.code == 2
    assert capsys.readouterr().err.startswith("dau: one range at a time")
