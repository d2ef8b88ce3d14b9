"""The titles people hold in organisations."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from newsdesk.core.dates import date_in_range

from .organisations import Organisation
from .people import Person

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
        null=True,
        blank=True,
        validators=[date_in_range],
        help_text="First day in the role, if known.",
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        validators=[date_in_range],
        help_text="Last day in the role; empty if current.",
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
