"""One way to turn any calculator into a page, its htmx partial, markdown, a JSON API and a
CLI command. A calculator (domain/engine.py) declares its inputs and formulas; a Site adds
what the web needs to know about it: its routes, its page template, and what else its page
and its markdown show. The estimate and the availability workbench are two Sites; a third
calculator is a third declaration, not a copy of these views.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_htmx.http import replace_url
from django_htmx.middleware import HtmxDetails

from estimator.domain import markdown
from estimator.domain.engine import Calculator, Estimate

from . import presenters
from .http import json_response, markdown_response, pure_get

# A source turns the query's extra names (preset=, scenario=) into base texts, errors and a name.
Source = Callable[[Mapping[str, str]], tuple[dict[str, str], dict[str, str], str]]


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it (the typing django-htmx documents)."""

    htmx: HtmxDetails


@lru_cache(maxsize=None)
def route(name: str) -> str:
    """The path of a named route without arguments: fixed for the life of the process."""
    return reverse(name)


@dataclass(frozen=True)
class Site:
    calculator: Calculator
    page: str  # route name of the page: its URL is the share link
    markdown_route: str  # route name of its markdown
    template: str  # the page, extending web/calculator.html
    title: str  # the markdown's heading when no scenario or preset names it
    sources: Mapping[str, Source] = field(default_factory=dict)  # query names that bring in saved inputs
    context: Callable[[Estimate], dict] = lambda estimate: {}  # what else the page shows
    appendix: Callable[[Estimate], str] = lambda estimate: ""  # what else the markdown says, before Conventions
    multiline: str = ""  # fields shown as a text area (comma-separated names)
    headline: tuple[str, ...] = ()  # the results shown first, above everything (and atop the markdown)
    stored: Callable[[Mapping[str, str]], bool] | None = None  # does a query read saved scenarios?

    # Every calculator's page extends the calculator's, so the results fragment is one partial.
    partial = "web/calculator.html#results"

    # The domain edge: a query in, an estimate and every error out ------------------------------

    def evaluate(self, query: Mapping[str, str]) -> tuple[Estimate, dict[str, str], str]:
        """(estimate, errors, name) for an API-style query: a source's saved inputs (preset=,
        scenario=), then the query's own inputs over them. Errors: unknown names, an unknown
        source, bad inputs and lines."""
        texts: dict[str, str] = {}
        errors: dict[str, str] = {}
        name = ""
        for key, source in self.sources.items():
            if key in query:
                base, source_errors, name = source(query)
                texts.update(base)
                errors.update(source_errors)
        texts.update(presenters.input_texts(query, self.calculator))
        errors.update(presenters.unknown_names(query, allowed=frozenset(self.sources), calculator=self.calculator))
        result = self.calculator(texts)
        errors.update(result.errors)
        return result, errors, name

    def api_body(self, query: Mapping[str, str]) -> tuple[int, dict]:
        """(status, body) of the API: 200 with inputs and results, or 400 with one message per
        bad name (lines:N for a bad line)."""
        result, errors, _ = self.evaluate(query)
        if errors:
            return 400, {"errors": errors}
        return 200, result.as_dict()

    def markdown_body(self, query: Mapping[str, str], share_base: str) -> tuple[int, str]:
        """(status, text) of the markdown export (400 when an input is bad, with the errors
        listed in it). `share_base` is the absolute URL of the page."""
        result, errors, name = self.evaluate(query)
        share = presenters.with_query(share_base, presenters.share_query(result.texts, calculator=self.calculator))
        text = markdown.render(result, share_url=share, name=name or self.title, appendix=self.appendix(result),
                               headline=self.headline)
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
        page_path = page_path or route(self.page)
        query = presenters.share_query(result.texts, base, calculator=calculator)
        share_path = presenters.with_query(page_path, query)
        markdown_query = query if from_defaults else presenters.share_query(result.texts, calculator=calculator)
        return {
            "estimate": result,
            "field_groups": presenters.field_groups(result),
            "result_groups": presenters.result_groups(result),
            "share_path": share_path,
            "share_query": query,
            "headline": presenters.headline(result, self.headline),
            "checks": presenters.checks(result),
            "answers": result.answers,
            "share_url": request.build_absolute_uri(share_path),
            "markdown_path": presenters.with_query(route(self.markdown_route), markdown_query),
            "conventions": markdown.CONVENTIONS,
            "page_path": page_path,
            "input_texts": result.texts,
            "lines_rows": min(50, max(4, len(result.rows) + 1)),
            "multiline": self.multiline,
            **self.context(result),
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

    def page_view(self, request: HtmxHttpRequest, *, extra: Callable[[dict], None] | None = None) -> HttpResponse:
        texts = presenters.input_texts(request.GET, self.calculator)
        if not request.htmx and request.GET:
            # A plain form submit sends every field: answer with the short share link instead,
            # so the address bar always holds a link worth sharing.
            short = presenters.with_query(route(self.page),
                                          presenters.share_query(texts, calculator=self.calculator))
            if short != request.get_full_path():
                return redirect(short)
        context = self.page_context(request, texts)
        if extra is not None:
            extra(context)
        return self.render_live(request, self.template, context)

    def views(self) -> tuple[Callable, Callable, Callable]:
        """(page, markdown, API) view functions for urls.py."""

        @require_GET
        def page(request: HtmxHttpRequest) -> HttpResponse:
            return self.page_view(request)

        @pure_get(stored=self.stored)
        def markdown_view(request: HtmxHttpRequest) -> HttpResponse:
            status, text = self.markdown_body(request.GET, request.build_absolute_uri(route(self.page)))
            return markdown_response(text, status=status)

        @pure_get(stored=self.stored)
        def api(request: HtmxHttpRequest) -> HttpResponse:
            status, body = self.api_body(request.GET)
            return json_response(body, status=status)

        return page, markdown_view, api
