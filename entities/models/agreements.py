"""Agreements, their parties and their dated status history."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from newsdesk.core.dates import date_in_range
from newsdesk.core.models import SluggedModel, VersionedModel

from .common import public_from_field, wikidata_constraints, wikidata_field
from .organisations import Organisation

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
                "parties",
                # A party shows a link to its organisation: three columns.
                AgreementParty.objects.select_related("organisation").only(
                    "id",
                    "agreement",
                    "role",
                    "organisation__id",
                    "organisation__slug",
                    "organisation__name",
                ),
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
        "signed",
        null=True,
        blank=True,
        validators=[date_in_range],
        help_text="Date of signature, if known.",
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
    date = models.DateField(
        validators=[date_in_range],
        help_text="When the change took effect or was announced.",
    )
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
