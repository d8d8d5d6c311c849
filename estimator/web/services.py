"""Writes to saved scenarios: create one, save a revision, fork, delete.

Each function returns what it wrote or raises one of the typed errors below; the views
(scenarios.py) only translate them into a page, a status or a redirect. A revision is never
changed once written; only the owner may save over or delete a scenario; a save on top of a
revision that is no longer the latest is refused (Conflict), never written over the newer one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from estimator.domain import model_version

from . import caps, presenters
from .calculators import DEFAULT, kinds_in_words
from .models import DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, Revision, Scenario, Usage, new_slug
from .ownership import address_hash, owner_fields, owns
from .sites import SITES, Site, site_of


class Refused(Exception):
    """A change the user may not make at all, with its status (400, 403, 429) and message."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after

    @classmethod
    def from_cap(cls, reached: caps.CapReached) -> Refused:
        return cls(429, str(reached), retry_after=reached.retry_after)


@dataclass(frozen=True)
class Draft:
    """What a save form posted, read: the inputs (over the saved ones when saving a revision),
    the name and description as they will be stored, and what is wrong with them."""

    texts: dict[str, str]
    name: str
    description: str
    errors: dict[str, str] = field(default_factory=dict)  # by form field: name, description, revision
    edited_from: int | None = None  # the revision the form was edited from


class Invalid(Exception):
    """The draft cannot be saved as it is: a bad input or line, or a message in `draft.errors`."""

    def __init__(self, draft: Draft):
        super().__init__("not saved: the form has errors")
        self.draft = draft


class Conflict(Exception):
    """The scenario gained `newest` since the draft's revision: saving would write over it."""

    def __init__(self, draft: Draft, newest: Revision):
        super().__init__(f"revision {newest.number} was saved since")
        self.draft = draft
        self.newest = newest


# Reading a form ---------------------------------------------------------------------------------

def _control_characters(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


# Characters that draw nothing: format characters (zero-width spaces and joiners, bidi
# overrides and isolates), separators, marks with no base, unassigned and private code points.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"}


def _visible(text: str) -> bool:
    return any(unicodedata.category(ch) not in _INVISIBLE for ch in text)


def read_details(post: Mapping[str, str]) -> tuple[str, str, dict[str, str]]:
    """(name, description, errors): the name folded to one line, both without control
    characters, and a message for each that cannot be stored."""
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


def site_to_create(post: Mapping[str, str]) -> Site:
    """The calculator a new scenario is for (the form's `kind`), or Refused (400)."""
    kind = post.get("kind", DEFAULT.kind)
    site = SITES.get(kind)
    if site is None:
        raise Refused(400, f"There is no kind of scenario '{kind[:40]}'; a scenario is {kinds_in_words()}.")
    return site


# Writes -----------------------------------------------------------------------------------------

def kept(site: Site, texts: Mapping[str, str]) -> dict:
    """What a revision stores of `texts`: every input as typed (defaults filled in), the figures
    they give today and the model version that computed them (Revision's fields)."""
    inputs = site.saved_inputs(texts)
    return {"inputs": inputs, "results": model_version.snapshot(site.calculator(inputs)),
            "model_version": model_version.MODEL_VERSION}


def _insert(request: HttpRequest, site: Site, *, name: str, description: str, inputs: Mapping[str, str],
            forked_from: Scenario | None = None) -> Scenario:
    """A new scenario with its first revision, counted against the hourly cap (Refused, 429)."""
    with transaction.atomic():
        try:
            caps.spend(request, Usage.SCENARIO)
        except caps.CapReached as reached:
            raise Refused.from_cap(reached) from None
        scenario = Scenario.objects.create(
            slug=new_slug(name), kind=site.entry.kind, name=name, description=description, forked_from=forked_from,
            creator_address=address_hash(request), **owner_fields(request),
        )
        Revision.objects.create(scenario=scenario, number=1, **kept(site, inputs))
    return scenario


def create(request: HttpRequest, site: Site, post: Mapping[str, str]) -> Scenario:
    """A new scenario of `site`'s calculator from a posted form. Invalid when a name, a
    description, an input or a line is bad; Refused (429) past the hourly cap."""
    texts = presenters.input_texts(post, site.calculator)
    name, description, errors = read_details(post)
    if errors or site.calculator(texts).errors:
        raise Invalid(Draft(texts, name, description, errors))
    return _insert(request, site, name=name, description=description, inputs=texts)


def save_revision(request: HttpRequest, scenario: Scenario, post: Mapping[str, str]) -> Revision:
    """The next revision of `scenario` from a posted form (an input not posted keeps its saved
    text), with the name and description posted. Refused (403) unless the user owns it;
    Invalid when the form is bad; Conflict when a revision was saved since the form's;
    Refused (429) past the hourly cap."""
    if not owns(request, scenario):
        raise Refused(403, "Only this scenario's owner can save over it. Fork it to keep your own copy.")
    site = site_of(scenario.kind)
    name, description, errors = read_details(post)
    try:
        edited_from = int(post.get("revision", ""))
    except ValueError:
        edited_from = None
        errors["revision"] = "The form did not say which revision it was edited from; reload the page and save again."
    latest = scenario.latest_revision()
    merged = {**site.saved_inputs(latest.inputs), **presenters.input_texts(post, site.calculator)}
    draft = Draft(merged, name, description, errors, edited_from)
    if errors or site.calculator(merged).errors:
        raise Invalid(draft)
    try:
        with transaction.atomic():
            # Lock the scenario row (PostgreSQL) so two saves cannot both see the same latest
            # revision; SQLite's IMMEDIATE transactions serialize writers already, and the
            # unique (scenario, number) constraint is the last guard on both.
            locked = Scenario.objects.select_for_update().get(pk=scenario.pk)
            newest = locked.revisions.order_by("-number").first()
            if newest.number != edited_from:
                raise Conflict(draft, newest)
            caps.spend(request, Usage.REVISION)  # counted only if this revision is written
            revision = Revision.objects.create(scenario=locked, number=newest.number + 1, **kept(site, merged))
            locked.name, locked.description = name, description
            locked.save(update_fields=["name", "description", "updated"])
    except caps.CapReached as reached:
        raise Refused.from_cap(reached) from None
    except IntegrityError:
        raise Conflict(draft, scenario.latest_revision()) from None
    return revision


def fork(request: HttpRequest, original: Scenario, post: Mapping[str, str]) -> Scenario:
    """A copy of `original` owned by the user, with the posted edits over its latest inputs
    (or without them when they are bad: a fork never keeps a bad edit). Refused (429) past the
    hourly cap."""
    site = site_of(original.kind)
    saved = site.saved_inputs(original.latest_revision().inputs)
    texts = {**saved, **presenters.input_texts(post, site.calculator)}
    if site.calculator(texts).errors:
        texts = saved
    name = f"{original.name} (fork)"[:NAME_MAX_LENGTH]
    return _insert(request, site, name=name, description=original.description, inputs=texts, forked_from=original)


def delete(request: HttpRequest, scenario: Scenario) -> None:
    """Delete `scenario` and its revisions; Refused (403) unless the user owns it."""
    if not owns(request, scenario):
        raise Refused(403, "Only this scenario's owner can delete it.")
    scenario.delete()
