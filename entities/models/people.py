"""People in the registry and the other names the copy uses for them."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from newsdesk.core.models import SluggedModel, VersionedModel

from .common import (
    NameKeyField,
    name_match_q,
    public_from_field,
    wikidata_constraints,
    wikidata_field,
)

# --------------------------------------------------------------------------
# People


class PersonQuerySet(models.QuerySet):
    def matching_name(self, name: str) -> PersonQuerySet:
        """People whose name or one of whose aliases is ``name``, ignoring
        case, spacing, punctuation and accents (entities/names.py)."""
        return self.filter(name_match_q(name)).distinct()

    def with_related(self) -> PersonQuerySet:
        """What every list of people shows: aliases, and roles with their
        organisations."""
        from .roles import Role

        # A role shows a link to its organisation: three of its columns,
        # not the whole row. The roles come per person, so the model's
        # ordering by the person's name (a join) is left out.
        roles = (
            Role.objects.select_related("organisation")
            .only(*LINKED_ROLE_FIELDS)
            .order_by("-start_date", "pk")
        )
        return self.prefetch_related("aliases", models.Prefetch("roles", roles))


#: What a list shows of a role: its own fields and a link to where it is held.
LINKED_ROLE_FIELDS = (
    "id",
    "person",
    "title",
    "start_date",
    "end_date",
    "organisation__id",
    "organisation__slug",
    "organisation__name",
)


class Person(VersionedModel, SluggedModel):
    name = models.CharField(
        max_length=200, help_text="Full name as the newsroom writes it."
    )
    description = models.CharField(
        max_length=500,
        blank=True,
        help_text="One line saying who this is, e.g. “Russian cosmonaut”.",
    )
    wikidata_id = wikidata_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    name_key = NameKeyField()
    public_from = public_from_field()

    # public_from follows the stories, and name_key the name: neither is an
    # edit of the record.
    history = HistoricalRecords(excluded_fields=["public_from", "name_key"])
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = wikidata_constraints("person")
        indexes = [models.Index(Lower("name"), name="person_name_lower")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:entities_person_change", args=[self.pk])


class PersonAlias(models.Model):
    """Another spelling or a partial name the copy uses for a person
    ("Hanhui" for Zhang Hanhui)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, help_text="The other name or spelling.")
    name_key = NameKeyField()

    history = HistoricalRecords(excluded_fields=["name_key"])

    class Meta:
        ordering = ["name"]
        verbose_name = "alias"
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(
                "person",
                Lower("name"),
                name="person_alias_unique",
                violation_error_message="This person already has this alias.",
            )
        ]

    def __str__(self) -> str:
        return self.name
