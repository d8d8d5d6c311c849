"""Saved scenarios' pages: create, save a revision, fork, delete, old revisions, markdown, API.

A scenario is of one registered calculator (its `kind`, calculators.py): the same pages,
forms, revisions and exports for any, each with its own calculator.

Every change is a POST with CSRF that answers with a redirect (303) to the scenario's page;
the writes and their rules are services.py's, and the views here translate its answers: a
refusal into its status page, an invalid form into the page with its messages (400), a
conflict into the page with the user's edits kept (409).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from estimator.domain import model_version
from estimator.domain.problems import BY_SLUG as PROBLEMS_BY_SLUG
from estimator.render import drift as drift_markdown
from estimator.render import markdown
from estimator.render.api import estimate_body

from . import presenters, services
from .compare import compare_path
from .http import json_response, markdown_response
from .models import Revision, Scenario
from .ownership import OWNER_KEY, owns
from .services import Conflict, Draft, Invalid, Refused
from .sites import site_of


def _refusal_page(request: HttpRequest, refused: Refused, *, scenario: Scenario | None = None) -> HttpResponse:
    response = render(request, "web/refused.html", {"message": refused.message, "scenario": scenario},
                      status=refused.status)
    if refused.retry_after is not None:
        response["Retry-After"] = str(refused.retry_after)
    return response


HISTORY_LENGTH = 50  # revisions listed on a scenario's page


def _history(slug: str) -> tuple[Scenario, list[Revision]]:
    """The scenario and its newest revisions, newest first, in one query (404 if none)."""
    revisions = list(
        Revision.objects.filter(scenario__slug=slug).select_related("scenario", "scenario__forked_from")
        .order_by("-number")[:HISTORY_LENGTH]
    )
    if not revisions:
        raise Http404(f"no scenario '{slug}'")
    scenario = revisions[0].scenario
    for revision in revisions:
        revision.scenario = scenario
    return scenario, revisions


@dataclass(frozen=True)
class Shown:
    """A scenario's page: the revision it shows (with its history) and the inputs shown over
    it, which differ from the revision's when the user edited them."""

    scenario: Scenario
    revision: Revision
    texts: dict[str, str]
    history: list[Revision]
    old: bool = False  # an old revision's own page, not the scenario's

    @classmethod
    def latest(cls, scenario: Scenario, texts: dict[str, str], revision: Revision | None = None) -> Shown:
        """The scenario's page at its latest revision (or at `revision`, one saved since an edit)."""
        history = list(scenario.revisions.order_by("-number")[:HISTORY_LENGTH])
        return cls(scenario, revision or history[0], texts, history)


def _scenario_page(request: HttpRequest, shown: Shown, *, draft: Draft | None = None,
                   conflict: Revision | None = None, status: int = 200) -> HttpResponse:
    """The scenario's page; with a draft that was not saved, its name, description and
    messages in the form (and with a conflict, the revision saved since)."""
    scenario, revision, old = shown.scenario, shown.revision, shown.old
    page_path = revision.get_absolute_url() if old else scenario.get_absolute_url()
    site = site_of(scenario.kind)
    saved = site.saved_inputs(revision.inputs)
    context = site.page_context(request, shown.texts, base=saved, page_path=page_path)
    edited = bool(presenters.share_query(context["estimate"].texts, saved, calculator=site.calculator))
    # Today's figures for the saved inputs (not the edits on the page) against those it was saved with.
    today = site.calculator(saved) if edited else context["estimate"]
    context.update(
        scenario=scenario,
        kicker=("Problem" if scenario.slug in PROBLEMS_BY_SLUG else "Preset") if scenario.is_preset else site.entry.kicker,
        practice_path=reverse("practice", args=[scenario.slug]) if scenario.is_preset and scenario.slug in PROBLEMS_BY_SLUG else "",
        revision=revision,
        latest=shown.history[0],
        old=old,
        edited=edited,
        is_owner=owns(request, scenario),
        revisions=shown.history,
        form_errors=draft.errors if draft else {},
        conflict=conflict,
        edited_from=draft.edited_from if draft else None,
        drift=model_version.drift(revision.results, revision.model_version, today),
        name=draft.name if draft else scenario.name,
        description=draft.description if draft else scenario.description,
        scenario_markdown_path=(
            reverse("revision_markdown", args=[scenario.slug, revision.number]) if old
            else reverse("scenario_markdown", args=[scenario.slug])
        ),
    )
    if not edited:
        context["markdown_path"] = context["scenario_markdown_path"]
    context.update(_compare_paths(scenario, revision, context["share_query"] if edited else None))
    # The htmx partial is the calculator's results: the page's "Edited, not saved" note rides
    # along in its appendix as an out-of-band element (scenario.html#appendix), after any
    # appendix the calculator has of its own.
    context["scenario_appendix_template"] = context.get("appendix_template", "")
    context["appendix_template"] = "web/scenario.html#appendix"
    return site.render_live(request, "web/scenario.html", context, status=status)


def _compare_paths(scenario: Scenario, revision: Revision, edits: str | None) -> dict[str, str]:
    """Links to the comparisons a scenario page offers: with the previous revision, with the
    scenario it was forked from (its latest revision), and of unsaved edits with what was saved."""
    shown = f"{scenario.slug}@{revision.number}"
    return {
        "compare_previous_path": (compare_path("compare", f"{scenario.slug}@{revision.number - 1}", shown)
                                  if revision.number > 1 else ""),
        "compare_original_path": (compare_path("compare", scenario.forked_from.slug, shown)
                                  if scenario.forked_from else ""),
        "compare_edits_path": (compare_path("compare", shown, presenters.with_query(revision.get_absolute_url(), edits))
                               if edits else ""),
    }


def _scenario_or_404(slug: str) -> Scenario:
    return get_object_or_404(Scenario, slug=slug)


def _see_other(target: Scenario | str) -> HttpResponse:
    """303 See Other: after a POST, the browser GETs the page."""
    response = HttpResponse(status=303)
    response["Location"] = target if isinstance(target, str) else target.get_absolute_url()
    return response


@require_POST
def create(request: HttpRequest) -> HttpResponse:
    try:
        site = services.site_to_create(request.POST)
        scenario = services.create(request, site, request.POST)
    except Refused as refused:
        return _refusal_page(request, refused)
    except Invalid as invalid:
        draft = invalid.draft
        context = site.page_context(request, draft.texts)
        context.update(form_errors=draft.errors, name=draft.name, description=draft.description, save_failed=True)
        return render(request, site.entry.template, context, status=400)
    return _see_other(scenario)


@require_http_methods(["GET", "HEAD", "POST"])
def scenario(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method == "POST":
        return _save_revision(request, slug)
    current, history = _history(slug)
    site = site_of(current.kind)
    texts = {**site.saved_inputs(history[0].inputs), **presenters.input_texts(request.GET, site.calculator)}
    texts = presenters.with_component(request.GET, texts, site.calculator)
    return _scenario_page(request, Shown(current, history[0], texts, history))


def _save_revision(request: HttpRequest, slug: str) -> HttpResponse:
    current = _scenario_or_404(slug)
    try:
        services.save_revision(request, current, request.POST)
    except Refused as refused:
        return _refusal_page(request, refused, scenario=current)
    except Invalid as invalid:
        return _scenario_page(request, Shown.latest(current, invalid.draft.texts), draft=invalid.draft, status=400)
    except Conflict as conflict:
        return _scenario_page(request, Shown.latest(current, conflict.draft.texts, conflict.newest),
                              draft=conflict.draft, conflict=conflict.newest, status=409)
    return _see_other(current)


@require_POST
def fork(request: HttpRequest, slug: str) -> HttpResponse:
    original = _scenario_or_404(slug)
    try:
        copy = services.fork(request, original, request.POST)
    except Refused as refused:
        return _refusal_page(request, refused, scenario=original)
    return _see_other(copy)


@require_POST
def delete(request: HttpRequest, slug: str) -> HttpResponse:
    current = _scenario_or_404(slug)
    try:
        services.delete(request, current)
    except Refused as refused:
        return _refusal_page(request, refused, scenario=current)
    return _see_other(reverse("my_scenarios"))


@require_GET
def revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current, history = _history(slug)
    old = next((r for r in history if r.number == number), None)
    if old is None:
        old = get_object_or_404(Revision, scenario=current, number=number)
    site = site_of(current.kind)
    texts = {**site.saved_inputs(old.inputs), **presenters.input_texts(request.GET, site.calculator)}
    return _scenario_page(request, Shown(current, old, texts, history, old=True))


def _markdown(request: HttpRequest, current: Scenario, rev: Revision, *, old: bool) -> HttpResponse:
    site = site_of(current.kind)
    result = site.calculator(site.saved_inputs(rev.inputs))
    page = rev.get_absolute_url() if old else current.get_absolute_url()
    changed = drift_markdown.markdown(model_version.drift(rev.results, rev.model_version, result))
    appendix = "\n\n".join(part for part in (site.entry.appendix(result), changed) if part)
    text = markdown.render(result, share_url=request.build_absolute_uri(page), name=current.name,
                           description=current.description, revision=rev.number, headline=site.entry.headline,
                           appendix=appendix, saved=f"{rev.created:%-d %b %Y, %H:%M} UTC")
    return markdown_response(text)


@require_GET
def scenario_markdown(request: HttpRequest, slug: str) -> HttpResponse:
    current = _scenario_or_404(slug)
    return _markdown(request, current, current.latest_revision(), old=False)


@require_GET
def revision_markdown(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _scenario_or_404(slug)
    rev = get_object_or_404(Revision, scenario=current, number=number)
    return _markdown(request, current, rev, old=True)


def scenario_body(current: Scenario, query: Mapping[str, str] | None = None) -> tuple[int, dict]:
    """(status, body) of the scenario API: 200 with the saved scenario's name, description,
    revision, inputs and results, the query's inputs applied over the saved ones; or 400 with
    one message per bad name, as the estimate API answers."""
    query = query or {}
    site = site_of(current.kind)
    rev = current.latest_revision()
    errors = presenters.unknown_names(query, calculator=site.calculator)
    result = site.calculator({**site.saved_inputs(rev.inputs), **presenters.input_texts(query, site.calculator)})
    errors.update(result.errors)
    if errors:
        return 400, {"errors": errors}
    return 200, {"slug": current.slug, "kind": current.kind, "name": current.name,
                 "description": current.description, "revision": rev.number, **estimate_body(result)}


@require_GET
def api_scenario(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        current = Scenario.objects.get(slug=slug)
    except Scenario.DoesNotExist:
        return json_response({"errors": {"slug": f"there is no scenario '{slug[:80]}'"}}, status=404)
    status, body = scenario_body(current, request.GET)
    return json_response(body, status=status)


def _browser_scenarios(request: HttpRequest):
    """The scenarios this browser's session saved without an account."""
    key = request.session.get(OWNER_KEY)
    if not key:
        return Scenario.objects.none()
    return Scenario.objects.filter(owner__isnull=True, owner_key=key, is_preset=False)


@require_GET
def my_scenarios(request: HttpRequest) -> HttpResponse:
    unclaimed = []
    if request.user.is_authenticated:
        mine = Scenario.objects.filter(owner=request.user)
        unclaimed = list(_browser_scenarios(request)[:200])
    else:
        mine = _browser_scenarios(request)
    presets = Scenario.objects.filter(is_preset=True).exclude(slug__in=list(PROBLEMS_BY_SLUG)).order_by("name")
    return render(request, "web/my_scenarios.html",
                  {"scenarios": mine[:200], "presets": presets, "unclaimed": unclaimed})


@require_POST
def claim(request: HttpRequest) -> HttpResponse:
    """Move the scenarios this browser saved before signing in into the account, or leave them,
    as the signed-in user chooses. Never silently at sign-in: a session planted in someone's
    browser (session fixation) would slip its scenarios into their account."""
    if not request.user.is_authenticated:
        return _refusal_page(request, Refused(403, "Sign in first to move scenarios into your account."))
    if request.POST.get("action") == "move":
        _browser_scenarios(request).update(owner=request.user, owner_key="")
    request.session.pop(OWNER_KEY, None)  # asked once: moved, or left readable by their links only
    return _see_other(reverse("my_scenarios"))
