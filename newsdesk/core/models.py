"""The abstract models every app's records build on: a public slug, and a
version that stops two editors from silently overwriting each other.

Abstract, so they have no table and no migration of their own; each
concrete model's migrations carry the fields.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify


class SluggedModel(models.Model):
    """A record whose public identifier is a unique slug, by default
    ``slugify()`` of its name."""

    slug_source_field = "name"

    slug = models.SlugField(
        max_length=200,
        unique=True,
        blank=True,
        error_messages={
            "unique": "Another record already uses this slug. Choose a different one."
        },
        help_text="Public identifier in URLs and API filters. Leave empty to "
        "derive it from the name.",
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = slugify(getattr(self, self.slug_source_field))[:200]
            if not self.slug:
                raise ValidationError(
                    {"slug": "Cannot derive a slug from this name; enter one."}
                )


class VersionedModel(models.Model):
    """A record two editors may open at once. ``version`` goes up by one on
    every save through the services, which refuse a save based on an older
    version instead of silently overwriting (optimistic concurrency); the API
    serves it as the ETag."""

    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Goes up by one on every save; detects concurrent edits.",
    )

    class Meta:
        abstract = True
