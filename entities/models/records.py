"""The registry's own bookkeeping: traces of merges, and reporters' changes
waiting for an editor."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from .organisations import Organisation
from .people import Person

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
