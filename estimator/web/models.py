"""Saved scenarios and their revisions.

A revision is never changed once written: saving adds one. It keeps the figures it was saved
with and the model version that computed them, so a later change of rule is shown, not hidden. The owner is a signed-in
account, or for anonymous use the browser session's owner key; presets have neither.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from . import calculators

NAME_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 4000
SLUG_RANDOM_CHARS = 10  # base32 characters: 50 bits, not guessable


def new_slug(name: str) -> str:
    """A readable slug from the name plus a random part: 'chat-app-at-launch-k3x9q2w7ab'."""
    readable = slugify(name)[:50].strip("-") or "scenario"
    alphabet = "abcdefghijkmnpqrstuvwxyz23456789"  # no l, o, 0, 1: easy to read aloud
    random_part = "".join(secrets.choice(alphabet) for _ in range(SLUG_RANDOM_CHARS))
    return f"{readable}-{random_part}"


class Scenario(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=16, choices=calculators.CHOICES, default=calculators.DEFAULT.kind,
                            help_text="The calculator its inputs are for: the estimate or the availability workbench.")
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    description = models.TextField(blank=True, max_length=DESCRIPTION_MAX_LENGTH)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="scenarios"
    )
    owner_key = models.CharField(
        max_length=64, blank=True, default="", db_index=True,
        help_text="The anonymous browser session that owns it, until its owner signs in.",
    )
    is_preset = models.BooleanField(default=False)
    forked_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="forks")
    creator_address = models.CharField(
        max_length=64, blank=True, default="", db_index=True,
        help_text="A keyed hash of the creating client's address, for the hourly creation cap.",
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("scenario", args=[self.slug])

    @property
    def kind_note(self) -> str:
        """The calculator named where a list would not otherwise say it: '' for the default one
        ('availability workbench' for a workbench)."""
        return "" if self.kind == calculators.DEFAULT.kind else calculators.BY_KIND[self.kind].label

    def latest_revision(self) -> Revision:
        return self.revisions.order_by("-number").first()


class Revision(models.Model):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    inputs = models.JSONField(help_text="Input texts exactly as typed, by input name.")
    results = models.JSONField(
        null=True, blank=True, default=None,
        help_text="The figures it was saved with: [value, display] by result name (None: saved before they were kept).",
    )
    model_version = models.PositiveIntegerField(
        null=True, blank=True, default=None,
        help_text="The version of the rules (estimator.domain.model_version) the results were computed with.",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scenario", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scenario", "number"], name="one_revision_per_number"),
        ]

    def __str__(self) -> str:
        return f"{self.scenario.name} r{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("scenario_revision", args=[self.scenario.slug, self.number])


class Usage(models.Model):
    """One scenario or revision a client created, for the hourly caps. Kept apart from what it
    counts: deleting a scenario must not give its creations back."""

    SCENARIO = "scenario"
    REVISION = "revision"

    kind = models.CharField(max_length=16, choices=[(SCENARIO, "scenario"), (REVISION, "revision")])
    owner = models.CharField(max_length=64, help_text="A keyed hash of the account or browser session.")
    address = models.CharField(max_length=64, help_text="A keyed hash of the client's address.")
    created = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["kind", "owner", "created"], name="usage_by_owner"),
            models.Index(fields=["kind", "address", "created"], name="usage_by_address"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} at {self.created:%Y-%m-%d %H:%M:%S}"
