import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command, execute_from_command_line

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("estimate", *args, stdout=out)
    return out.getvalue()


def test_text_lists_every_result_with_its_work():
    text = run("--preset", "photo-sharing-100m-dau")

    assert "read_qps" in text and "5.79k req/s" in text and "100M users × 5 req/user/day" in text
    assert "storage_per_year" in text and "1.83 PB/yr" in text


def test_json_is_exactly_what_the_api_returns(client):
    api = client.get("/api/v1/estimate?preset=url-shortener-1m-rps&peak_factor=3").content.decode()

    assert run("--preset", "url-shortener-1m-rps", "peak_factor=3", "--format", "json").strip() == api


def test_markdown_is_exactly_what_estimate_md_returns(client, settings):
    settings.SITE_URL = "http://testserver"
    web = client.get("/estimate.md?dau=100M&object_size=500+KB").content.decode()

    assert run("dau=100M", "object_size=500 KB", "--format", "markdown").strip() == web.strip()


def test_a_scenario_starts_from_its_saved_inputs(client):
    response = client.post("/s/", {"name": "Saved", "dau": "100M", "reads_per_user": "5"})
    slug = response["Location"].split("/")[2]

    body = json.loads(run("--scenario", slug, "--format", "json"))

    assert body["results"]["read_qps"]["display"] == "5.79k req/s"


def cli(*args):
    return subprocess.run([sys.executable, "manage.py", "estimate", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_a_bad_input_exits_2_with_the_fields_message():
    done = cli("dau=lots", "object_size=500 kb")

    assert done.returncode == 2
    assert "dau: 'lots' is not a number, an input, a result or a line" in done.stderr
    assert "object_size: '500 kb' is kilobits; did you mean 500 KB?" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("args", [["--preset", "nope"], ["dau"], ["--format", "json", "9**9**9"],
                                  ["availability=9**9**9"], ["--format", "yaml"]])
def test_every_other_mistake_exits_2_too(args, capsys):
    # manage.py's own entry point in this process: the path `cli` takes, without starting
    # another interpreter for each mistake (the test above runs the real process).
    with pytest.raises(SystemExit) as exit:
        execute_from_command_line(["manage.py", "estimate", *args])

    assert exit.value.code == 2
    assert capsys.readouterr().out == ""


def test_an_unknown_scenario_exits_2(capsys):
    with pytest.raises(SystemExit) as exit:
        run("--scenario", "nope")

    assert exit.value.code == 2
    assert "there is no scenario 'nope'" in capsys.readouterr().err


def test_markdown_of_a_preset_carries_its_name():
    text = run("--preset", "photo-sharing-100m-dau", "--format", "markdown")

    assert text.startswith("# Photo sharing app, 100M DAU\n")
    assert "| Writes per user per day | `writes_per_user` | 0.1 |" in text


def test_help_lists_every_input_with_its_default_and_an_example():
    done = subprocess.run([sys.executable, "manage.py", "estimate", "--help"], cwd=ROOT, capture_output=True, text=True)

    assert done.returncode == 0
    assert "dau" in done.stdout and "default 1M" in done.stdout and "e.g. 100M" in done.stdout
    assert "price_egress" in done.stdout and "lines" in done.stdout


def test_the_availability_commands_help_lists_the_workbench_inputs_not_the_estimates():
    done = subprocess.run([sys.executable, "manage.py", "availability", "--help"], cwd=ROOT, capture_output=True,
                          text=True)

    assert done.returncode == 0
    assert "system" in done.stdout and "allowed_downtime" in done.stdout
    assert "dau" not in done.stdout and "price_egress" not in done.stdout


def test_text_prints_an_architecture_table_of_every_component():
    text = run("dau=50M", "lines=ws = connections(concurrent: dau × 10%)")

    table = text[text.index("Architecture\n"):].splitlines()[1:8]
    assert table[0].split() == ["component", "kind", "nodes", "bound", "memory", "storage", "cost/month"]
    rows = {row.split()[0]: row for row in table[1:]}
    assert list(rows) == ["app", "cache", "db", "objects", "net", "ws"]  # defaults first, then yours
    # 50M × 10% = 5M connections: ⌈5M ÷ (100k × 70%)⌉ = 72 nodes at $150/month = $10,800/month (shown $10.8k/month);
    # 5M × 10 KB = 50 GB of memory, no storage.
    assert rows["ws"].split() == ["ws", "connections", "72", "connections", "50", "GB", "—", "$10.8k/month"]
    assert rows["objects"].split()[1:4] == ["object_store", "0", "rented"]
