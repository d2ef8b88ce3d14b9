"""The registry that outlives any one story: people, organisations, the roles
that tie them together, and the agreements organisations are parties to.

Integrity lives in the database where a constraint can express it; ``clean()``
holds only the rules no constraint can (an organisation's ancestry, a role's
dates against its person's other roles are left to editors).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from newsdesk.core.models import SluggedModel, VersionedModel

WIKIDATA_ID_PATTERN = r"^Q[1-9][0-9]*$"

wikidata_id_validator = RegexValidator(
    WIKIDATA_ID_PATTERN,
    message="Enter a Wikidata item id: the letter Q followed by digits, e.g. Q159.",
)


def wikidata_field() -> models.CharField:
    return models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[wikidata_id_validator],
        help_text="Optional Wikidata item id, e.g. Q159 for Russia.",
    )


def wikidata_constraints(model: str) -> list[models.BaseConstraint]:
    """A Wikidata id is well-formed and names at most one record."""
    return [
        models.CheckConstraint(
            condition=Q(wikidata_id="") | Q(wikidata_id__regex=WIKIDATA_ID_PATTERN),
            name=f"{model}_wikidata_id_format",
            violation_error_message=wikidata_id_validator.message,
        ),
        models.UniqueConstraint(
            fields=["wikidata_id"],
            condition=~Q(wikidata_id=""),
            name=f"{model}_wikidata_id_unique",
            violation_error_message="Another record already has this Wikidata id.",
        ),
    ]


# --------------------------------------------------------------------------
# People


class PersonQuerySet(models.QuerySet):
    def matching_name(self, name: str) -> PersonQuerySet:
        """People whose name or one of whose aliases is ``name``, ignoring
        case."""
        name = name.strip()
        return self.filter(
            Q(name__iexact=name) | Q(aliases__name__iexact=name)
        ).distinct()

    def with_related(self) -> PersonQuerySet:
        """What every list of people shows: aliases, and roles with their
        organisations."""
        return self.prefetch_related(
            "aliases",
            models.Prefetch("roles", Role.objects.select_related("organisation")),
        )


def public_from_field():
    """When a published story first made the record public (see
    entities/visibility.py): kept by the database, never edited."""
    return models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When the earliest published story naming this record made "
        "it public (it may lie ahead, for a scheduled story); empty while no "
        "published story names it. Kept up to date by entities/visibility.py.",
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

    public_from = public_from_field()

    # public_from follows the stories; it is not an edit of the record.
    history = HistoricalRecords(excluded_fields=["public_from"])
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

    history = HistoricalRecords()

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
        ignoring case."""
        name = name.strip()
        return self.filter(
            Q(name__iexact=name) | Q(aliases__name__iexact=name)
        ).distinct()

    def with_related(self) -> OrganisationQuerySet:
        """What every list of organisations shows: the parent and aliases."""
        return self.select_related("parent").prefetch_related("aliases")


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

    public_from = public_from_field()

    # public_from follows the stories; it is not an edit of the record.
    history = HistoricalRecords(excluded_fields=["public_from"])
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

    history = HistoricalRecords()

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


# --------------------------------------------------------------------------
# Roles


class RoleQuerySet(models.QuerySet):
    def with_related(self) -> RoleQuerySet:
        """What every list of roles shows: who holds it, and where."""
        return self.select_related("person", "organisation")

    def held_on(self, day: datetime.date) -> RoleQuerySet:
        """Roles whose (open-ended) date range includes ``day``."""
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )


class Role(models.Model):
    """A person holds a title in an organisation between optional dates: the
    Popolo *membership*."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="roles",
        help_text="Where the title is held, e.g. Roscosmos, or China for an "
        "ambassador.",
    )
    title = models.CharField(
        max_length=200, help_text="E.g. “Director General”, “Ambassador to Russia”."
    )
    start_date = models.DateField(
        null=True, blank=True, help_text="First day in the role, if known."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day in the role; empty if current."
    )

    history = HistoricalRecords()
    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["person__name", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="role_end_not_before_start",
                violation_error_message="A role cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["person", "organisation", "title", "start_date"],
                name="role_unique",
                violation_error_message="This person already holds this title "
                "there from that date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.title}, {self.organisation}"

    def clean(self) -> None:
        super().clean()
        # Repeated here so the error lands on the field the editor must fix.
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A role cannot end before it starts."})


# --------------------------------------------------------------------------
# Agreements


class AgreementKind(models.TextChoices):
    TREATY = "treaty", "Treaty"
    MEMORANDUM = "memorandum", "Memorandum of understanding"
    COOPERATION = "cooperation", "Cooperation agreement"
    PARTNERSHIP = "partnership", "Partnership"
    CONTRACT = "contract", "Contract"
    OTHER = "other", "Other"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    SIGNED = "signed", "Signed"
    IN_FORCE = "in_force", "In force"
    SUSPENDED = "suspended", "Suspended"
    TERMINATED = "terminated", "Terminated"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class AgreementQuerySet(models.QuerySet):
    def with_related(self) -> AgreementQuerySet:
        """What every list of agreements shows: the parties, each with its
        organisation."""
        return self.prefetch_related(
            models.Prefetch(
                "parties", AgreementParty.objects.select_related("organisation")
            ),
        )

    def with_all_parties(self, organisations) -> AgreementQuerySet:
        """Agreements to which every one of ``organisations`` is a party."""
        qs = self
        for organisation in organisations:
            qs = qs.filter(parties__organisation=organisation)
        return qs.distinct()


class Agreement(VersionedModel, SluggedModel):
    slug_source_field = "title"

    title = models.CharField(max_length=300, help_text="The agreement's usual name.")
    kind = models.CharField(
        max_length=20,
        choices=AgreementKind.choices,
        default=AgreementKind.OTHER,
        help_text="Treaty, memorandum, cooperation agreement, …",
    )
    signed_on = models.DateField(
        "signed", null=True, blank=True, help_text="Date of signature, if known."
    )
    signed_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How much of the signature date is known. A date known only "
        "to the year is entered as 1 January of that year.",
    )
    scope = models.CharField(
        max_length=500,
        blank=True,
        help_text="What it covers, e.g. “the Moon and deep space”.",
    )
    summary = models.TextField(blank=True, help_text="A short plain-text summary.")
    status = models.CharField(
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.PROPOSED,
        help_text="Current status. Recording a status change below updates it.",
    )
    wikidata_id = wikidata_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    public_from = public_from_field()

    # public_from follows the stories; it is not an edit of the record.
    history = HistoricalRecords(excluded_fields=["public_from"])
    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "title"]
        constraints = wikidata_constraints("agreement")

    def __str__(self) -> str:
        year = f" ({self.signed_on.year})" if self.signed_on else ""
        return f"{self.title}{year}"

    def get_absolute_url(self) -> str:
        return reverse("admin:entities_agreement_change", args=[self.pk])


class PartyRole(models.TextChoices):
    SIGNATORY = "signatory", "Signatory"
    PARTY = "party", "Party"
    GUARANTOR = "guarantor", "Guarantor"
    OBSERVER = "observer", "Observer"


class AgreementParty(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="agreement_parties",
        help_text="A state or other organisation bound by the agreement.",
    )
    role = models.CharField(
        max_length=20,
        choices=PartyRole.choices,
        default=PartyRole.SIGNATORY,
        help_text="How it takes part.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = "party"
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"],
                name="agreement_party_unique",
                violation_error_message="This organisation is already a party.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display().lower()})"


class AgreementStatusChange(models.Model):
    """A dated change of an agreement's status, citing the article that
    reported it."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(
        max_length=20,
        choices=AgreementStatus.choices,
        help_text="The status from this date on.",
    )
    date = models.DateField(help_text="When the change took effect or was announced.")
    party = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The party whose move this was, when only one party acted "
        "(e.g. Russia ending its cooperation).",
    )
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_status_changes",
        help_text="The article that reported the change.",
    )
    note = models.CharField(
        max_length=500, blank=True, help_text="What happened, in one line."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        get_latest_by = ["date", "id"]
        verbose_name = "status change"

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.date:%Y-%m-%d}"


# --------------------------------------------------------------------------
# Merges


class MergeKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"


class MergeRecord(models.Model):
    """A duplicate person or organisation merged into a survivor. Kept so the
    merge can be traced afterwards and the duplicate's old slug still leads
    to the survivor."""

    kind = models.CharField(max_length=20, choices=MergeKind.choices)
    old_id = models.BigIntegerField(help_text="The merged record's id.")
    old_slug = models.SlugField(max_length=200, help_text="The merged record's slug.")
    old_name = models.CharField(max_length=200, help_text="The merged record's name.")
    survivor_person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="merges",
    )
    survivor_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="merges",
    )
    summary = models.TextField(blank=True, help_text="What moved to the survivor.")
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-merged_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind=MergeKind.PERSON,
                        survivor_person__isnull=False,
                        survivor_organisation__isnull=True,
                    )
                    | Q(
                        kind=MergeKind.ORGANISATION,
                        survivor_person__isnull=True,
                        survivor_organisation__isnull=False,
                    )
                ),
                name="merge_record_one_survivor",
            )
        ]
        indexes = [models.Index(fields=["kind", "old_slug"])]

    def __str__(self) -> str:
        survivor = self.survivor_person or self.survivor_organisation
        return f"{self.old_name} merged into {survivor}"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an editor"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class ProposedChange(models.Model):
    """A reporter's edit of a person or organisation that published stories
    have made public, held until an editor approves it: the public API never
    shows an unreviewed change (entities/changes.py)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposed_changes",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposed_changes",
    )
    values = models.JSONField(
        help_text="The proposed values, field by field (related records by id)."
    )
    base_version = models.PositiveIntegerField(
        help_text="The record's version when the change was proposed."
    )
    status = models.CharField(
        max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(
        max_length=500,
        blank=True,
        help_text="The editor's reason, shown to the reporter.",
    )

    class Meta:
        ordering = ["-proposed_at", "-id"]
        permissions = [
            (
                "approve_proposedchange",
                "Can approve or reject reporters' changes to public records",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="proposed_change_one_record",
            )
        ]
        indexes = [models.Index(fields=["status", "-proposed_at"])]

    def __str__(self) -> str:
        return f"Change to {self.record} proposed by {self.proposed_by}"

    @property
    def record(self) -> Person | Organisation:
        return self.person or self.organisation
