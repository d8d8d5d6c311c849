"""The design doc's flowchart parsed and drawn by mermaid itself, in Chromium.

Mermaid comes from the npm registry at test setup, never from a CDN and never committed: the
session fixture runs `npm install --prefix <cache> mermaid@<MERMAID_VERSION>` once, into
~/.cache/estimator/mermaid-<version> (or $MERMAID_DIR), and later runs reuse it. Where npm is
missing the tests are skipped saying so; under CI (CI=true) that is a failure instead.
"""

import fcntl
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from estimator.domain.estimate import estimate
from estimator.domain.presets import PRESETS
from estimator.domain.problems import PROBLEMS
from estimator.render import markdown, mermaid
from estimator.render.topology import topology
from tests.render.test_design_doc import HOSTILE_LINES, HOSTILE_TEXTS

pytestmark = pytest.mark.browser

MERMAID_VERSION = "11.6.0"
SCRIPT = Path("node_modules/mermaid/dist/mermaid.min.js")


def _missing(message: str):
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def mermaid_script() -> Path:
    folder = Path(os.environ.get("MERMAID_DIR", Path.home() / ".cache" / "estimator" / f"mermaid-{MERMAID_VERSION}"))
    script = folder / SCRIPT
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            _missing("npm not found: the mermaid tests install mermaid from the npm registry (see README, Tests)")
        folder.mkdir(parents=True, exist_ok=True)
        # `make test` runs the suite in parallel processes: one installs, the others wait for it.
        with open(folder.parent / f"{folder.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not script.exists():
                subprocess.run([npm, "install", "--prefix", str(folder), "--no-save", "--no-audit", "--no-fund",
                                "--loglevel=error", f"mermaid@{MERMAID_VERSION}"], check=True, timeout=600)
    return script


@pytest.fixture(scope="module")
def mermaid_loaded(browser, mermaid_script):
    """One page with mermaid loaded for the module: loading its 3 MB script took ~1 s a test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.set_content("<!doctype html><html><body><div id='out'></div></body></html>")
    page.add_script_tag(path=str(mermaid_script))
    page.evaluate("() => mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    yield page
    context.close()


@pytest.fixture
def mermaid_page(mermaid_loaded):
    """The module's page, emptied: what a test reads in #out is what it drew."""
    mermaid_loaded.evaluate("() => { document.getElementById('out').replaceChildren(); }")
    return mermaid_loaded


DRAW = """async ([id, text]) => {
    await mermaid.parse(text);
    const {svg} = await mermaid.render(id, text);
    document.getElementById('out').innerHTML = svg;
    return document.getElementById('out').innerText || document.getElementById('out').textContent;
}"""


def exported_flowchart(inputs: dict) -> str:
    text = markdown.render(estimate(inputs), share_url="https://x.test/")
    return text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]


CASES = ([(p.slug, p.inputs) for p in PRESETS] + [(f"problem-{p.slug}", p.inputs) for p in PROBLEMS]
         + [("hostile", {"lines": HOSTILE_LINES})])


@pytest.mark.parametrize("slug, inputs", CASES, ids=[slug for slug, _ in CASES])
def test_mermaid_parses_the_exported_flowchart_and_draws_every_component(mermaid_page, slug, inputs):
    chart = exported_flowchart(inputs)

    shown = mermaid_page.evaluate(DRAW, [f"chart-{slug}", chart])

    for box in topology(estimate(inputs)).boxes:
        assert box.name in shown and box.nodes in shown
    assert "Clients" in shown
    assert mermaid_page.locator("#out svg a").count() == 0  # no link, from any name
    assert mermaid_page.locator("#out script").count() == 0


def test_hostile_labels_parse_and_show_as_typed_without_markup(mermaid_page):
    chart = "flowchart TD\n" + "\n".join(f"  c{n}[{mermaid.label(t)}]" for n, t in enumerate(HOSTILE_TEXTS))
    chart += "\n" + "\n".join(f'  c{n} -->|{mermaid.label(t)}| c{n + 1}' for n, t in enumerate(HOSTILE_TEXTS[:-1]))

    shown = mermaid_page.evaluate(DRAW, ["hostile-labels", chart])

    flat = re.sub(r"\s+", " ", shown)
    for hostile in HOSTILE_TEXTS:
        if hostile != "<br/>":  # a tag typed as text shows as text, not a line break
            assert " ".join(hostile.split()) in flat
    assert mermaid_page.locator("#out script, #out a, #out b, #out strong").count() == 0


def test_a_rendered_design_doc_diagram_for_the_readme(mermaid_page):
    """Writes tests/browser/screenshots/mermaid.png when SCREENSHOTS=1 (make screenshot sets it)."""
    photo = next(p for p in PRESETS if p.slug == "photo-sharing-100m-dau")

    mermaid_page.evaluate(DRAW, ["readme", exported_flowchart(photo.inputs)])

    assert mermaid_page.locator("#out svg").count() == 1
    if os.environ.get("SCREENSHOTS"):
        mermaid_page.locator("#out svg").screenshot(path=str(Path(__file__).with_name("screenshots") / "mermaid.png"))
