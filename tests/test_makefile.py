"""`make run` installs only what serving needs; `make test` the test and benchmark extras."""

import re
from pathlib import Path

MAKEFILE = (Path(__file__).resolve().parents[1] / "Makefile").read_text()


def recipe(target: str) -> tuple[str, str]:
    """(prerequisites, recipe) of a Makefile target."""
    match = re.search(rf"^{re.escape(target)}:([^\n]*)\n((?:\t[^\n]*\n)*)", MAKEFILE, re.M)
    assert match, target
    return match.group(1), match.group(2)


def test_run_and_serve_install_only_the_apps_own_dependencies():
    for target in ("run", "serve"):
        assert recipe(target)[0].split("##")[0].split() == ["serving"]
    serving = recipe("$(VENV)/.serving")[1]
    assert "pip install" in serving and "-e ." in serving and "[test" not in serving


def test_test_installs_the_test_extras():
    assert "install" in recipe("test")[0]
    assert "[test,bench]" in recipe("$(VENV)/.installed")[1]
