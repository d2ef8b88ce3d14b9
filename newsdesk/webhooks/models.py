"""Webhook endpoints editors register, and every delivery made to them."""

from __future__ import annotations

import secrets
import uuid

from django.db import models

from newsdesk import events

from .targets import validate_target


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def _validate_events(value) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(value, list) or not value:
        raise ValidationError("Choose at least one event.")
    unknown = [name for name in value if name not in events.EVENTS]
    if unknown:
        raise ValidationError(
            f"Unknown event(s) {', '.join(map(str, unknown))}; choose from "
            f"{', '.join(events.EVENTS)}."
        )


class Endpoint(models.Model):
    name = models.CharField(max_length=200, help_text="Who receives it, for editors.")
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[validate_target],
        help_text="Where deliveries are POSTed. Public addresses only, unless "
        "the server allows private ones.",
    )
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text="Shared with the receiver, who checks each delivery's "
        "signature with it. Generated; replace it to rotate.",
    )
    events = models.JSONField(
        default=list,
        validators=[_validate_events],
        help_text="Events to deliver: " + ", ".join(events.EVENTS) + ".",
    )
    active = models.BooleanField(
        default=True, help_text="Untick to stop deliveries without losing the record."
    )
    created_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When the endpoint was registered."
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RETRYING = "retrying", "Retrying"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class Delivery(models.Model):
    """One event for one endpoint: its payload, fixed when the event
    happened, and the outcome of its latest attempt."""

    id = models.UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        editable=False,
        help_text="The delivery's id, sent as Newsdesk-Delivery.",
    )
    endpoint = models.ForeignKey(
        Endpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        help_text="Where it is delivered.",
    )
    event = models.CharField(max_length=50, help_text="The event's name.")
    payload = models.JSONField(
        help_text="The body sent, fixed when the event happened; its id names "
        "the event across retries and replays."
    )
    status = models.CharField(
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        help_text="pending, retrying, succeeded or failed (attempts used up).",
    )
    attempts = models.PositiveIntegerField(default=0, help_text="Attempts made so far.")
    response_status = models.PositiveIntegerField(
        null=True, blank=True, help_text="HTTP status of the last answer."
    )
    response_body = models.TextField(
        blank=True, help_text="The start of the last answer's body."
    )
    error = models.TextField(
        blank=True, help_text="Why the last attempt got no answer, if it did not."
    )
    due_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Not sent before this time: a scheduled story's publication.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When the event happened."
    )
    last_attempt_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was last tried."
    )
    delivered_at = models.DateTimeField(
        null=True, blank=True, help_text="When the receiver answered 2xx."
    )
    replay_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The delivery this one sends again.",
    )

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["endpoint", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"
