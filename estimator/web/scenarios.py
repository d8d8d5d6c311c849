"""Saved scenarios: create, save a revision, fork, delete, old revisions, markdown, API.

A scenario is an estimate or an availability workbench (its `kind`): the same pages, forms,
revisions and exports for either, each with its own calculator (SITES).

Every change is a POST with CSRF that answers with a redirect (303) to the scenario's page.
Only the owner may save or delete; anyone with the link may read and fork. A save on top of
a revision that is no longer the latest is refused (409) with the user's edits kept on the
page, never written over the newer revision.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from estimator.domain import markdown

from . import caps, presenters
from .http import json_response, markdown_response
from .models import DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, Revision, Scenario, Usage, new_slug
from .ownership import OWNER_KEY, address_hash, owner_fields, owns
from .sites import Site
from .views import ESTIMATE_SITE
from .workbench import WORKBENCH_SITE

SITES: dict[str, Site] = {Scenario.ESTIMATE: ESTIMATE_SITE, Scenario.WORKBENCH: WORKBENCH_SITE}


def site_of(scenario: Scenario) -> Site:
    """The calculator, with its page and exports, that a scenario's inputs are for."""
    return SITES[scenario.kind]


class Refused(Exception):
    """A change the user may not make, with the status and the message to show."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after

    @classmethod
    def from_cap(cls, reached: caps.CapReached) -> Refused:
        return cls(429, str(reached), retry_after=reached.retry_after)


def _control_characters(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


# Characters that draw nothing: format characters (zero-width spaces and joiners, bidi
# overrides and isolates), separators, marks with no base, unassigned and private code points.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"}


def _visible(text: str) -> bool:
    return any(unicodedata.category(ch) not in _INVISIBLE for ch in text)


def _name_and_description(post) -> tuple[str, str, dict[str, str]]:
    name = " ".join(post.get("name", "").split())
    description = post.get("description", "").replace("\r\n", "\n").strip()
    errors = {}
    if _control_characters(name):
        errors["name"] = "The name cannot contain control characters (such as NUL)."
        name = "".join(ch for ch in name if unicodedata.category(ch) != "Cc")
    if _control_characters(description, allowed="\n\t"):
        errors["description"] = "The description cannot contain control characters (such as NUL)."
        description = "".join(ch for ch in description if unicodedata.category(ch) != "Cc" or ch in "\n\t")
    if not name and "name" not in errors:
        errors["name"] = "Give the scenario a name, such as 'Chat app at launch'."
    elif name and not _visible(name) and "name" not in errors:
        # A name of only zero-width or right-to-left control characters shows as a blank link
        # (or reverses the text around it) in every list it appears in.
        errors["name"] = "The name has no visible characters; give it one you can read, such as 'Chat app at launch'."
    elif len(name) > NAME_MAX_LENGTH:
        errors["name"] = f"The name is {len(name):,} characters long; at most {NAME_MAX_LENGTH} are accepted."
    if len(description) > DESCRIPTION_MAX_LENGTH:
        errors["description"] = (
            f"The description is {len(description):,} characters long; at most {DESCRIPTION_MAX_LENGTH:,} are accepted."
        )
    return name, description, errors


def saved_inputs(site: Site, texts: Mapping[str, str]) -> dict[str, str]:
    """What a revision stores: every input's text exactly as typed, defaults filled in, so a
    later change of a default never changes a saved scenario."""
    return {**site.calculator.defaults, **texts}


def _create(request: HttpRequest, *, kind: str, name: str, description: str, inputs: dict[str, str],
            forked_from: Scenario | None = None) -> Scenario:
    with transaction.atomic():
        try:
            caps.spend(request, Usage.SCENARIO)
        except caps.CapReached as reached:
            raise Refused.from_cap(reached) from None
        scenario = Scenario.objects.create(
            slug=new_slug(name), kind=kind, name=name, description=description, forked_from=forked_from,
            creator_address=address_hash(request), **owner_fields(request),
        )
        Revision.objects.create(scenario=scenario, number=1, inputs=saved_inputs(SITES[kind], inputs))
    return scenario


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


def _scenario_page(request: HttpRequest, scenario: Scenario, revision: Revision, texts: dict[str, str], *,
                   history: list[Revision] | None = None,
                   status: int = 200, errors: dict[str, str] | None = None, conflict: Revision | None = None,
                   name: str | None = None, description: str | None = None, old: bool = False,
                   edited_from: int | None = None) -> HttpResponse:
    page_path = revision.get_absolute_url() if old else scenario.get_absolute_url()
    site = site_of(scenario)
    saved = saved_inputs(site, revision.inputs)
    context = site.page_context(request, texts, base=saved, page_path=page_path)
    edited = bool(presenters.share_query(context["estimate"].texts, saved, calculator=site.calculator))
    if history is None:
        history = list(scenario.revisions.order_by("-number")[:HISTORY_LENGTH])
    latest = history[0]
    context.update(
        scenario=scenario,
        revision=revision,
        latest=latest,
        old=old,
        edited=edited,
        is_owner=owns(request, scenario),
        revisions=history,
        form_errors=errors or {},
        conflict=conflict,
        edited_from=edited_from,
        name=scenario.name if name is None else name,
        description=scenario.description if description is None else description,
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
    from .compare import compare_path  # compare reads scenarios: imported here, not at the top

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


@require_POST
def create(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", Scenario.ESTIMATE)
    site = SITES.get(kind)
    if site is None:
        return _refusal_page(request, Refused(400, f"There is no kind of scenario '{kind[:40]}'; "
                                                   f"a scenario is an {' or an '.join(SITES)}."))
    texts = presenters.input_texts(request.POST, site.calculator)
    name, description, errors = _name_and_description(request.POST)
    result = site.calculator(texts)
    if errors or result.errors:
        context = site.page_context(request, texts)
        context.update(form_errors=errors, name=name, description=description, save_failed=True)
        return render(request, site.template, context, status=400)
    try:
        scenario = _create(request, kind=kind, name=name, description=description, inputs=texts)
    except Refused as refused:
        return _refusal_page(request, refused)
    return _see_other(scenario)


def _see_other(target: Scenario | str) -> HttpResponse:
    """303 See Other: after a POST, the browser GETs the page."""
    response = HttpResponse(status=303)
    response["Location"] = target if isinstance(target, str) else target.get_absolute_url()
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def scenario(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method == "POST":
        return _save_revision(request, slug)
    current, history = _history(slug)
    site = site_of(current)
    texts = {**saved_inputs(site, history[0].inputs), **presenters.input_texts(request.GET, site.calculator)}
    return _scenario_page(request, current, history[0], texts, history=history)


def _save_revision(request: HttpRequest, slug: str) -> HttpResponse:
    current = _scenario_or_404(slug)
    if not owns(request, current):
        return _refusal_page(request, Refused(
            403, "Only this scenario's owner can save over it. Fork it to keep your own copy."), scenario=current)
    site = site_of(current)
    texts = presenters.input_texts(request.POST, site.calculator)
    name, description, errors = _name_and_description(request.POST)
    try:
        edited_from = int(request.POST.get("revision", ""))
    except ValueError:
        edited_from = None
    latest = current.latest_revision()
    merged = {**saved_inputs(site, latest.inputs), **texts}  # an input not posted keeps its saved text
    result = site.calculator(merged)
    if edited_from is None:
        errors["revision"] = "The form did not say which revision it was edited from; reload the page and save again."
    if errors or result.errors:
        return _scenario_page(request, current, latest, merged, status=400, errors=errors,
                              name=name, description=description)
    try:
        with transaction.atomic():
            # Lock the scenario row (PostgreSQL) so two saves cannot both see the same latest
            # revision; SQLite's IMMEDIATE transactions serialize writers already, and the
            # unique (scenario, number) constraint is the last guard on both.
            locked = Scenario.objects.select_for_update().get(pk=current.pk)
            newest = locked.revisions.order_by("-number").first()
            if newest.number != edited_from:
                raise _Conflict(newest)
            caps.spend(request, Usage.REVISION)  # counted only if this revision is written
            Revision.objects.create(scenario=locked, number=newest.number + 1, inputs=saved_inputs(site, merged))
            locked.name, locked.description = name, description
            locked.save(update_fields=["name", "description", "updated"])
    except _Conflict as conflict:
        return _scenario_page(request, current, conflict.newest, merged, status=409, conflict=conflict.newest,
                              name=name, description=description, edited_from=edited_from)
    except caps.CapReached as reached:
        return _refusal_page(request, Refused.from_cap(reached), scenario=current)
    except IntegrityError:
        newest = current.latest_revision()
        return _scenario_page(request, current, newest, merged, status=409, conflict=newest,
                              name=name, description=description, edited_from=edited_from)
    return _see_other(current)


class _Conflict(Exception):
    def __init__(self, newest: Revision):
        self.newest = newest


@require_POST
def fork(request: HttpRequest, slug: str) -> HttpResponse:
    original = _scenario_or_404(slug)
    site = site_of(original)
    saved = saved_inputs(site, original.latest_revision().inputs)
    texts = {**saved, **presenters.input_texts(request.POST, site.calculator)}
    if site.calculator(texts).errors:
        texts = saved  # fork what was saved, never a bad edit
    name = f"{original.name} (fork)"[:NAME_MAX_LENGTH]
    try:
        copy = _create(request, kind=original.kind, name=name, description=original.description, inputs=texts,
                       forked_from=original)
    except Refused as refused:
        return _refusal_page(request, refused, scenario=original)
    return _see_other(copy)


@require_POST
def delete(request: HttpRequest, slug: str) -> HttpResponse:
    current = _scenario_or_404(slug)
    if not owns(request, current):
        return _refusal_page(request, Refused(403, "Only this scenario's owner can delete it."), scenario=current)
    current.delete()
    return _see_other(reverse("my_scenarios"))


@require_GET
def revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current, history = _history(slug)
    old = next((r for r in history if r.number == number), None)
    if old is None:
        old = get_object_or_404(Revision, scenario=current, number=number)
    site = site_of(current)
    texts = {**saved_inputs(site, old.inputs), **presenters.input_texts(request.GET, site.calculator)}
    return _scenario_page(request, current, old, texts, old=True, history=history)


def _markdown(request: HttpRequest, current: Scenario, rev: Revision, *, old: bool) -> HttpResponse:
    site = site_of(current)
    result = site.calculator(saved_inputs(site, rev.inputs))
    page = rev.get_absolute_url() if old else current.get_absolute_url()
    text = markdown.render(result, share_url=request.build_absolute_uri(page), name=current.name,
                           description=current.description, revision=rev.number, headline=site.headline,
                           appendix=site.appendix(result), saved=f"{rev.created:%-d %b %Y, %H:%M} UTC")
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
    site = site_of(current)
    rev = current.latest_revision()
    errors = presenters.unknown_names(query, calculator=site.calculator)
    result = site.calculator({**saved_inputs(site, rev.inputs), **presenters.input_texts(query, site.calculator)})
    errors.update(result.errors)
    if errors:
        return 400, {"errors": errors}
    return 200, {"slug": current.slug, "kind": current.kind, "name": current.name,
                 "description": current.description, "revision": rev.number, **result.as_dict()}


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
    presets = Scenario.objects.filter(is_preset=True).order_by("name")
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
