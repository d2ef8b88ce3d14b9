"""The worker's part of webhooks: one signed POST per attempt, retried with
exponential backoff until the receiver answers 2xx or the attempts run out.

Idempotent: a delivery already succeeded or given up is never sent again
by a repeated message; every attempt is recorded on the delivery. Delivery
is at least once (a worker that dies after the POST but before recording it
sends it again), so receivers deduplicate by the payload's ``id``.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Delivery, DeliveryStatus
from .signing import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
)
from .targets import validate_target

RESPONSE_KEPT = 2000


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not an instruction: following it could lead
    to an address the target check never saw."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _post(url: str, body: bytes, headers: dict) -> tuple[int | None, str, str]:
    """(status, response body, error) of one POST."""
    request = urllib.request.Request(  # noqa: S310 - scheme checked by the target
        url, data=body, headers=headers, method="POST"
    )
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS) as answer:
            return (
                answer.status,
                answer.read(RESPONSE_KEPT).decode("utf-8", "replace"),
                "",
            )
    except urllib.error.HTTPError as error:
        return error.code, error.read(RESPONSE_KEPT).decode("utf-8", "replace"), ""
    except (urllib.error.URLError, OSError) as error:
        return None, "", f"{type(error).__name__}: {getattr(error, 'reason', error)}"


def _still_public(delivery: Delivery) -> bool:
    """A scheduled story's announcement goes out only if the story is still
    public when its time comes."""
    if delivery.due_at is None or delivery.event != "article.published":
        return True
    from articles.models import Article

    slug = delivery.payload.get("data", {}).get("slug")
    return Article.objects.published().filter(slug=slug).exists()


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver(self, delivery_id: str) -> str:
    from .services import body_of

    delivery = (
        Delivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    )
    if delivery is None:
        return "gone"
    if delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED):
        return delivery.status
    if delivery.due_at and delivery.due_at > timezone.now():
        # A scheduled story is announced at its time, not before. Without a
        # worker (tasks run at once) it waits for an editor's "send now".
        if self.request.is_eager:
            return "scheduled"
        raise self.retry(eta=delivery.due_at)
    if not _still_public(delivery):
        delivery.status = DeliveryStatus.FAILED
        delivery.error = (
            "The story was withdrawn or rescheduled before its time; it was not "
            "announced."
        )
        delivery.save(update_fields=["status", "error"])
        return delivery.status
    endpoint = delivery.endpoint
    try:
        validate_target(endpoint.url)
    except ValidationError as error:
        delivery.status = DeliveryStatus.FAILED
        delivery.error = " ".join(error.messages)
        delivery.save(update_fields=["status", "error"])
        return delivery.status
    body = body_of(delivery)
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Newsdesk webhooks",
        EVENT_HEADER: delivery.event,
        DELIVERY_HEADER: str(delivery.pk),
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(endpoint.secret, timestamp, body),
    }
    status, answer, error = _post(endpoint.url, body, headers)
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.response_status = status
    delivery.response_body = answer
    delivery.error = error
    if status is not None and 200 <= status < 300:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = delivery.last_attempt_at
    elif delivery.attempts >= settings.WEBHOOKS_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.status = DeliveryStatus.RETRYING
    delivery.save()
    if delivery.status == DeliveryStatus.RETRYING:
        countdown = settings.WEBHOOKS_RETRY_SECONDS * 2 ** (delivery.attempts - 1)
        raise self.retry(countdown=countdown)
    return delivery.status
