"""States, bodies, agencies, outlets and companies, and their other names."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from newsdesk.core.models import SluggedModel, VersionedModel

from ..countries import NewsroomCountries
from .common import (
    NameKeyField,
    name_match_q,
    public_from_field,
    wikidata_constraints,
    wikidata_field,
)

# --------------------------------------------------------------------------
# Organisations


class OrganisationKind(models.TextChoices):
    STATE = "state", "State"
    GOVERNMENT_BODY = "government_body", "Government body"
    AGENCY = "agency", "Space or government agency"
    NEWS_AGENCY = "news_agency", "News agency"
    MEDIA_OUTLET = "media_outlet", "Media outlet"
    COMPANY = "company", "Company"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
    OTHER = "other", "Other"


OUTLET_KINDS = (OrganisationKind.NEWS_AGENCY, OrganisationKind.MEDIA_OUTLET)


class OrganisationQuerySet(models.QuerySet):
    def matching_name(self, name: str) -> OrganisationQuerySet:
        """Organisations whose name or one of whose aliases is ``name``,
        ignoring case, spacing, punctuation and accents (entities/names.py)."""
        return self.filter(name_match_q(name)).distinct()

    def with_related(self) -> OrganisationQuerySet:
        """What every list of organisations shows: the parent and aliases."""
        return self.select_related("parent").prefetch_related("aliases")

    def with_links(self) -> OrganisationQuerySet:
        """``with_related()`` for lists, where the parent is shown as a link:
        its id, slug and name, not its whole row."""
        own = [field.attname for field in self.model._meta.concrete_fields]
        return self.with_related().only(
            *own, "parent__id", "parent__slug", "parent__name"
        )


class Organisation(VersionedModel, SluggedModel):
    """A state, body, agency, outlet or company. Countries that sign
    agreements are organisations of kind *state* (the Popolo convention)."""

    name = models.CharField(max_length=200, help_text="Official or usual name.")
    kind = models.CharField(
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.OTHER,
        help_text="What sort of organisation this is.",
    )
    country = CountryField(
        countries=NewsroomCountries,
        blank=True,
        help_text="The country it belongs to, if any (a state's own country).",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The organisation this one belongs to, e.g. Russia for Roscosmos.",
    )
    description = models.CharField(
        max_length=500, blank=True, help_text="One line saying what this is."
    )
    wikidata_id = wikidata_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    name_key = NameKeyField()
    public_from = public_from_field()

    # public_from follows the stories, and name_key the name: neither is an
    # edit of the record.
    history = HistoricalRecords(excluded_fields=["public_from", "name_key"])
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            *wikidata_constraints("organisation"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="organisation_not_own_parent",
                violation_error_message="An organisation cannot be its own parent.",
            ),
        ]
        indexes = [models.Index(Lower("name"), name="organisation_name_lower")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:entities_organisation_change", args=[self.pk])

    def ancestors(self) -> list[Organisation]:
        """Parent, grandparent, …, nearest first. Stops at a cycle."""
        seen: set[int | None] = {self.pk}
        chain: list[Organisation] = []
        node = self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def clean(self) -> None:
        super().clean()
        # No constraint can follow a chain of parents, so the cycle rule
        # lives here.
        if self.parent_id is not None and self.pk is not None:
            if self.parent_id == self.pk or any(
                ancestor.pk == self.pk for ancestor in self.parent.ancestors()
            ):
                raise ValidationError(
                    {
                        "parent": "An organisation cannot belong to itself or "
                        "to one of its own sub-organisations."
                    }
                )


class OrganisationAlias(models.Model):
    """Another name or an abbreviation ("Russian Federal Space Agency")."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(max_length=200, help_text="The other name or abbreviation.")
    name_key = NameKeyField()

    history = HistoricalRecords(excluded_fields=["name_key"])

    class Meta:
        ordering = ["name"]
        verbose_name = "alias"
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("name"),
                name="organisation_alias_unique",
                violation_error_message="This organisation already has this alias.",
            )
        ]

    def __str__(self) -> str:
        return self.name
