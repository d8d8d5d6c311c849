"""One way to turn any calculator into a page, its htmx partial, markdown, a JSON API and a
CLI command. A calculator (domain/engine.py) declares its inputs and formulas; its entry in
the registry (calculators.py) says what the web needs to know about it; a Site is the one
plumbing over an entry. SITES holds one per registered calculator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import partial

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_GET
from django_htmx.http import replace_url
from django_htmx.middleware import HtmxDetails

from estimator.domain import lines
from estimator.render import markdown
from estimator.render.api import estimate_body
from estimator.domain.engine import Calculator, Estimate

from . import presenters
from .calculators import BY_KIND, CALCULATORS, Entry
from .http import json_response, markdown_response, pure_get, route
from .models import DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, Scenario

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")  # what a slug can be: nothing else reaches the database

# A source turns the query's extra names (preset=, scenario=) into base texts, errors and a name.
Source = Callable[[Entry, Mapping[str, str]], tuple[dict[str, str], dict[str, str], str]]


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it (the typing django-htmx documents)."""

    htmx: HtmxDetails


def _preset(entry: Entry, query: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str], str]:
    """A preset's inputs (?preset=<slug>), an error naming the presets, and its name."""
    slug = query.get("preset", "")
    presets = entry.presets_by_slug
    preset = presets.get(slug)
    if preset is None:  # a user's saved scenario starts an estimate as well as a preset
        try:
            texts, errors, name = _scenario(entry, {"scenario": slug})
        except DatabaseError:  # no database set up (the CLI on a fresh checkout): only presets then
            errors = {"scenario": ""}
        if not errors:
            return texts, {}, name
        return {}, {"preset": f"there is no preset '{slug[:80]}' and no saved scenario of that slug; "
                              f"presets are {', '.join(presets)}"}, ""
    own = [name for name in query if name != "preset"]
    return dict(preset.inputs), {}, preset.name if not own else f"{preset.name} (preset, with your inputs)"


def _scenario(entry: Entry, query: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str], str]:
    """A saved scenario's latest inputs (?scenario=<slug>), like a preset's."""
    slug = query.get("scenario", "")
    scenario = Scenario.objects.filter(slug=slug).first() if _SLUG.fullmatch(slug) else None
    if scenario is None:
        return {}, {"scenario": f"there is no scenario '{slug[:80]}'"}, ""
    if scenario.kind != entry.kind:
        return {}, {"scenario": f"'{slug}' is {BY_KIND[scenario.kind].noun}, not {entry.noun}: "
                                f"GET {reverse('api_scenario', args=[slug])} answers for it"}, ""
    return dict(scenario.latest_revision().inputs), {}, scenario.name


SOURCES: Mapping[str, Source] = {"preset": _preset, "scenario": _scenario}


class Site:
    """The plumbing of one registered calculator: evaluating a query, its page, its partial,
    its markdown and its API."""

    # Every calculator's page extends the calculator's, so the results fragment is one partial.
    partial = "web/calculator.html#results"

    def __init__(self, entry: Entry):
        self.entry = entry
        self.calculator: Calculator = entry.calculator

    def __repr__(self) -> str:
        return f"Site({self.entry.kind})"

    def saved_inputs(self, texts: Mapping[str, str]) -> dict[str, str]:
        """What a revision stores: every input's text exactly as typed, defaults filled in, so a
        later change of a default never changes a saved scenario."""
        return {**self.calculator.defaults, **texts}

    def stored(self, query: Mapping[str, str]) -> bool:
        """Whether the answer starts from a saved scenario (scenario=, or preset= naming no
        preset), which its owner may change: then it is no pure function of the query."""
        sources = self.entry.sources
        return (("scenario" in sources and "scenario" in query)
                or ("preset" in sources and "preset" in query and query["preset"] not in self.entry.presets_by_slug))

    # The domain edge: a query in, an estimate and every error out ------------------------------

    def evaluate(self, query: Mapping[str, str]) -> tuple[Estimate, dict[str, str], str]:
        """(estimate, errors, name) for an API-style query: a source's saved inputs (preset=,
        scenario=), then the query's own inputs over them. Errors: unknown names, an unknown
        source, bad inputs and lines."""
        texts: dict[str, str] = {}
        errors: dict[str, str] = {}
        name = ""
        for key in self.entry.sources:
            if key in query:
                base, source_errors, name = SOURCES[key](self.entry, query)
                texts.update(base)
                errors.update(source_errors)
        texts.update(presenters.input_texts(query, self.calculator))
        errors.update(presenters.unknown_names(query, allowed=frozenset(self.entry.sources), calculator=self.calculator))
        result = self.calculator(texts)
        errors.update(result.errors)
        return result, errors, name

    def api_body(self, query: Mapping[str, str]) -> tuple[int, dict]:
        """(status, body) of the API: 200 with inputs and results, or 400 with one message per
        bad name (lines:N for a bad line)."""
        result, errors, _ = self.evaluate(query)
        if errors:
            return 400, {"errors": errors}
        return 200, estimate_body(result)

    def markdown_body(self, query: Mapping[str, str], share_base: str) -> tuple[int, str]:
        """(status, text) of the markdown export (400 when an input is bad, with the errors
        listed in it). `share_base` is the absolute URL of the page."""
        result, errors, name = self.evaluate(query)
        share = presenters.with_query(share_base, presenters.share_query(result.texts, calculator=self.calculator))
        text = markdown.render(result, share_url=share, name=name or self.entry.title,
                               appendix=self.entry.appendix(result), headline=self.entry.headline)
        return (400 if errors else 200), text

    # Pages -----------------------------------------------------------------------------------

    def page_context(self, request, texts: dict[str, str], *, base: dict[str, str] | None = None,
                     page_path: str | None = None) -> dict:
        """Everything the page template shows for `texts`. `base` is what a share link leaves
        out (the defaults, or a scenario's saved inputs)."""
        calculator = self.calculator
        from_defaults = base is None
        base = dict(calculator.defaults) if base is None else base
        result = calculator({**base, **texts})
        page_path = page_path or route(self.entry.page)
        query = presenters.share_query(result.texts, base, calculator=calculator)
        share_path = presenters.with_query(page_path, query)
        markdown_query = query if from_defaults else presenters.share_query(result.texts, calculator=calculator)
        groups = presenters.field_groups(result)
        lines_group, form_groups = presenters.lines_first(groups)
        components = calculator.extend is not None
        return {
            "estimate": result,
            "field_groups": groups,
            "lines_group": lines_group,
            "line_rows": presenters.line_rows(result),
            "form_groups": form_groups,
            # Only the full page draws the menu: a callable the template calls, never the partial.
            "component_choices": partial(presenters.component_choices, result) if components else None,
            "reserved_names": presenters.reserved_names(calculator) if components else "",
            "result_groups": presenters.result_groups(result),
            "share_path": share_path,
            "share_query": query,
            "headline": presenters.headline(result, self.entry.headline),
            "checks": result.checks,
            "answers": result.answers,
            "share_url": request.build_absolute_uri(share_path),
            "markdown_path": presenters.with_query(route(self.entry.markdown_route), markdown_query),
            "conventions": result.calculator.conventions,
            "page_path": page_path,
            "input_texts": result.texts,
            "lines_rows": min(lines.MAX_LINES, max(4, len(result.rows) + 1)),
            "name_max_length": NAME_MAX_LENGTH,
            "description_max_length": DESCRIPTION_MAX_LENGTH,
            "save_kind": self.entry.kind,
            "save_what": self.entry.save_what,
            **self.entry.context(result),
        }

    def render_live(self, request, template: str, context: dict, *, status: int = 200) -> HttpResponse:
        """A live page: the full page, or for htmx only its results partial (with the field
        errors and the lines' results swapped out of band) and the address bar set to the
        share link."""
        if request.htmx:
            response = render(request, self.partial, {**context, "oob": True}, status=status)
            replace_url(response, context["share_path"])
        else:
            response = render(request, template, context, status=status)
        response["Vary"] = "HX-Request, Cookie"
        return response

    # Views -------------------------------------------------------------------------------------

    def page_view(self, request: HtmxHttpRequest) -> HttpResponse:
        texts = presenters.with_component(request.GET, presenters.input_texts(request.GET, self.calculator),
                                          self.calculator)
        if not request.htmx and request.GET:
            # A plain form submit sends every field: answer with the short share link instead,
            # so the address bar always holds a link worth sharing.
            short = presenters.with_query(route(self.entry.page),
                                          presenters.share_query(texts, calculator=self.calculator))
            if short != request.get_full_path():
                return redirect(short)
        context = self.page_context(request, texts)
        context["presets"] = self.entry.presets
        return self.render_live(request, self.entry.template, context)

    def views(self) -> tuple[Callable, Callable, Callable]:
        """(page, markdown, API) view functions for urls.py."""

        @require_GET
        def page(request: HtmxHttpRequest) -> HttpResponse:
            return self.page_view(request)

        @pure_get(stored=self.stored)
        def markdown_view(request: HtmxHttpRequest) -> HttpResponse:
            status, text = self.markdown_body(request.GET, request.build_absolute_uri(route(self.entry.page)))
            return markdown_response(text, status=status)

        @pure_get(stored=self.stored)
        def api(request: HtmxHttpRequest) -> HttpResponse:
            status, body = self.api_body(request.GET)
            return json_response(body, status=status)

        return page, markdown_view, api

    def urls(self) -> list:
        """The page's, the markdown's and the API's routes, for urls.py."""
        page, markdown_view, api = self.views()
        entry = self.entry
        return [path(entry.path, page, name=entry.page), path(entry.markdown_path, markdown_view, name=entry.markdown_route),
                path(entry.api_path, api, name=entry.api_route)]


SITES: Mapping[str, Site] = {entry.kind: Site(entry) for entry in CALCULATORS}


def site_of(kind: str) -> Site:
    """The Site of a registered calculator's kind (a scenario's `kind`)."""
    return SITES[kind]
