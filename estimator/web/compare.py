"""Compare two estimates: `GET /compare/?a=…&b=…` (page) and `/compare.md` (markdown).

Each side is one of:
- a saved scenario's slug (`chat-app-k3x9q2w7ab`: its latest revision) or `slug@N` (revision N);
- a link to the calculator, the availability workbench or a scenario (`/?dau=5M`,
  `/availability/?target=99.99%25`, `https://host/s/<slug>/r/2/?dau=5M`): the page's inputs,
  with the link's query over them;
- a share link's query (`dau=5M&peak_factor=3`, URL-encoded as the value of a or b), over the
  defaults; `preset=<slug>` or `scenario=<slug>` in it start from that preset's or scenario's
  inputs, as on the API.
A side that cannot be read (an unknown scenario or revision, a name that is not an input, a
bad input or line) is a 400 with the message at its field, never a 500; so is comparing an
estimate with an availability workbench.

The diffing is the domain's (estimator/domain/compare.py); this module reads the sides.
A comparison that reads a saved scenario depends on the database (a scenario is renamed,
deleted), so only a comparison of share queries gets an ETag and public caching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from estimator.domain import compare as diff
from estimator.render import compare as comparison_markdown, markdown
from estimator.domain.engine import Estimate

from . import calculators, presenters
from .calculators import Entry
from .http import markdown_response, pure_get, route
from .models import Revision, Scenario
from .sites import site_of

SIDES = ("a", "b")
SHOWN_TEXT = 80  # characters of a side's text quoted back in a message or a name
MAX_REVISION = 2**31 - 1  # beyond any revision, and within every database's integer
EXAMPLES = ("a scenario's slug (chat-app-k3x9q2w7ab), a revision (chat-app-k3x9q2w7ab@2), a share link, "
            "or its query (dau=5M&peak_factor=3)")

# A saved scenario, optionally at a revision: slug, slug@2 (or slug@r2).
_SCENARIO = re.compile(r"(?P<slug>[-a-zA-Z0-9_]{1,100})(?:@r?(?P<number>\d{1,12}))?")
_SCENARIO_PATH = re.compile(r"/s/(?P<slug>[-a-zA-Z0-9_]{1,100})/(?:r/(?P<number>\d{1,12})/)?")
_SOURCES = frozenset(calculators.DEFAULT.sources)  # a bare share query is the default calculator's


@dataclass(frozen=True)
class Ask:
    """One side as asked for, read without the database: a scenario (slug, revision), a
    preset, the query's inputs over them; or the error that stops it."""

    text: str
    entry: Entry = calculators.DEFAULT  # the calculator, unless a saved scenario's own decides
    slug: str = ""  # a saved scenario
    number: int | None = None  # its revision; None for the latest
    preset: str = ""
    query: QueryDict = field(default_factory=QueryDict)
    sources: frozenset[str] = frozenset()  # names besides inputs the query may hold
    error: str = ""

    @property
    def stored(self) -> bool:
        """Whether the answer depends on the database (a saved scenario)."""
        return bool(self.slug)


def _quoted(text: str) -> str:
    return text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT] + "…"


def _scenario_ref(slug: str, number: str | None, text: str) -> Ask:
    if number is not None and not 1 <= int(number) <= MAX_REVISION:
        return Ask(text, error=f"there is no revision {_quoted(number)}: revisions count from 1")
    return Ask(text, slug=slug, number=int(number) if number is not None else None)


def _query(text: str) -> QueryDict | str:
    """The query's names and values, or why they cannot be read."""
    try:
        return QueryDict(text)
    except TooManyFieldsSent:
        return "the query has too many fields"


def read_ask(raw: str | None) -> Ask:
    """What one side asks for (no database, no estimate yet)."""
    text = (raw or "").strip()
    if not text:
        return Ask("", error=f"Give {EXAMPLES}.")
    if "\x00" in text:
        return Ask(text, error="the text contains a NUL character")
    if match := _SCENARIO.fullmatch(text):
        return _scenario_ref(match["slug"], match["number"], text)
    if text.startswith("/") or "://" in text:
        parts = urlsplit(text)
        query = _query(parts.query)
        if isinstance(query, str):
            return Ask(text, error=query)
        if entry := calculators.by_path(parts.path or "/"):
            return Ask(text, entry=entry, query=query)
        if match := _SCENARIO_PATH.fullmatch(parts.path):
            ask = _scenario_ref(match["slug"], match["number"], text)
            return ask if ask.error else Ask(text, slug=ask.slug, number=ask.number, query=query)
        return Ask(text, error=f"'{_quoted(parts.path)}' is not a link to the calculator or to a scenario; "
                               f"give {EXAMPLES}")
    if "=" not in text:
        return Ask(text, error=f"there is no scenario '{_quoted(text)}' (a slug has only letters, digits and "
                               f"hyphens); give {EXAMPLES}")
    query = _query(text.removeprefix("?"))
    if isinstance(query, str):
        return Ask(text, error=query)
    scenario = query.get("scenario")
    if scenario is not None:
        match = _SCENARIO.fullmatch(scenario.strip())
        if match is None:
            return Ask(text, error=f"there is no scenario '{_quoted(scenario)}'")
        ask = _scenario_ref(match["slug"], match["number"], text)
        return ask if ask.error else Ask(text, slug=ask.slug, number=ask.number, query=query, sources=_SOURCES)
    return Ask(text, preset=query.get("preset", ""), query=query, sources=_SOURCES)


@dataclass(frozen=True)
class Side:
    """One side read: its estimate, what to call it and where to open it; or its error."""

    ask: Ask
    entry: Entry | None = None
    estimate: Estimate | None = None
    name: str = ""
    path: str = ""  # the page that shows this side's estimate
    error: str = ""


def _revision(ask: Ask) -> tuple[Scenario, Revision] | str:
    scenario = Scenario.objects.filter(slug=ask.slug).first()
    if scenario is None:
        return f"there is no scenario '{_quoted(ask.slug)}'"
    if ask.number is None:
        return scenario, scenario.latest_revision()
    revision = scenario.revisions.filter(number=ask.number).first()
    if revision is None:
        latest = scenario.latest_revision().number
        have = "only revision 1" if latest == 1 else f"revisions 1 to {latest}"
        return f"the scenario '{_quoted(ask.slug)}' has no revision {ask.number}; it has {have}"
    return scenario, revision


def resolve(ask: Ask) -> Side:
    """The side's estimate (reading the database for a scenario), or the error at its field."""
    if ask.error:
        return Side(ask, error=ask.error)
    site = site_of(ask.entry.kind)
    base: dict[str, str] = dict(site.calculator.defaults)
    name, path = "", route(site.entry.page)
    if ask.slug:
        found = _revision(ask)
        if isinstance(found, str):
            return Side(ask, error=found)
        scenario, revision = found
        site = site_of(scenario.kind)
        base = site.saved_inputs(revision.inputs)
        latest = ask.number is None
        name = scenario.name if latest else f"{scenario.name}, revision {revision.number}"
        path = scenario.get_absolute_url() if latest else revision.get_absolute_url()
    elif ask.preset:
        presets = site.entry.presets_by_slug
        preset = presets.get(ask.preset)
        if preset is None:
            return Side(ask, error=f"there is no preset '{_quoted(ask.preset)}'; presets are {', '.join(presets)}")
        base = site.saved_inputs(preset.inputs)
        name, path = preset.name, reverse("scenario", args=[preset.slug])
    calculator = site.calculator
    errors = presenters.unknown_names(ask.query, allowed=ask.sources, calculator=calculator)
    own = presenters.input_texts(ask.query, calculator)
    result = calculator({**base, **own})
    errors.update(result.errors)
    if errors:
        return Side(ask, error="; ".join(errors.values()))
    query = presenters.share_query(result.texts, base, calculator=calculator)
    given = ", ".join(f"{key}={' '.join(value.split())}" for key, value in parse_qsl(query))
    if not name:
        name = given or "the defaults"
    elif given:
        name = f"{name}, with {given}"
    return Side(ask, entry=site.entry, estimate=result, name=_quoted(name), path=presenters.with_query(path, query))


@dataclass(frozen=True)
class Table:
    """One table of the comparison page: its heading, the key its ids use, what its first
    column holds, its rows, and whether each row names its group."""

    title: str
    key: str
    noun: str
    rows: diff.Table
    grouped: bool = False


def compare_path(name: str, a: str, b: str) -> str:
    """The path of a comparison (`name` is 'compare' or 'compare_markdown'): '@' and '/' left readable."""
    return f"{route(name)}?{urlencode({'a': a, 'b': b}, safe='@/')}"


def _sides(query: QueryDict) -> tuple[dict[str, Side], dict[str, str]]:
    """Both sides read, and the error at each field that cannot be (B's, when the two are of
    different calculators: their inputs and results have nothing in common)."""
    sides = {key: resolve(read_ask(query.get(key))) for key in SIDES}
    errors = {key: side.error for key, side in sides.items() if side.error}
    a, b = sides["a"], sides["b"]
    if not errors and a.entry is not b.entry:
        like = ", or ".join(f"{entry.noun} with {entry.noun}" for entry in calculators.CALCULATORS)
        errors["b"] = f"B is {b.entry.noun} and A {a.entry.noun}: compare {like}"
    return sides, errors


def _stored(query: QueryDict) -> bool:
    return any(read_ask(query.get(key)).stored for key in SIDES)


# Views -----------------------------------------------------------------------------------------

@require_GET
def compare_page(request: HttpRequest) -> HttpResponse:
    texts = {key: request.GET.get(key, "") for key in SIDES}
    context: dict = {"texts": texts, "errors": {}, "examples": EXAMPLES}
    asked = [key for key in SIDES if key in request.GET]
    if len(asked) < len(SIDES):
        # The form, empty or with one side filled in (a link from a scenario: "compare with…");
        # a side that is there is read, so a bad one is told at once.
        errors = {key: side.error for key in asked if (side := resolve(read_ask(request.GET[key]))).error}
        context.update(errors=errors)
        return render(request, "web/compare.html", context, status=400 if errors else 200)
    sides, errors = _sides(request.GET)
    context.update(errors=errors, sides=sides)
    if errors:
        return render(request, "web/compare.html", context, status=400)
    comparison = diff.compare(a=sides["a"].estimate, b=sides["b"].estimate)
    context.update(
        comparison=comparison,
        tables=[Table("Inputs", "inputs", "Input", comparison.inputs),
                Table("Results", "results", "Result", comparison.results, grouped=True)],
        markdown_path=compare_path("compare_markdown", texts["a"], texts["b"]),
        swap_path=compare_path("compare", texts["b"], texts["a"]),
        conventions=_conventions(sides),
    )
    return render(request, "web/compare.html", context)


@pure_get(stored=_stored)  # share queries only are a pure function of the query
def compare_markdown(request: HttpRequest) -> HttpResponse:
    sides, errors = _sides(request.GET)
    if errors:
        text = "\n".join(["# Compare", "", "## Errors", ""]
                         + [f"- `{key}`: {markdown.escape(message)}" for key, message in errors.items()] + [""])
        return markdown_response(text, status=400)
    a, b = sides["a"], sides["b"]
    texts = {key: request.GET.get(key, "") for key in SIDES}
    text = comparison_markdown.render_markdown(
        diff.compare(a=a.estimate, b=b.estimate), a_name=a.name, b_name=b.name,
        a_url=request.build_absolute_uri(a.path), b_url=request.build_absolute_uri(b.path),
        url=request.build_absolute_uri(compare_path("compare", texts["a"], texts["b"])),
        conventions=_conventions(sides),
    )
    return markdown_response(text)


def _conventions(sides) -> tuple[str, ...]:
    """What both sides' calculators state, each once, the first side's first."""
    return tuple(dict.fromkeys(sides["a"].estimate.calculator.conventions + sides["b"].estimate.calculator.conventions))
