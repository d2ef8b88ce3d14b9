"""Turning editorial events into webhook deliveries.

``on_event`` is subscribed to every event (``newsdesk.events``) and runs
after the commit: it fixes the payload as things are now, records one
``Delivery`` per active endpoint that wants the event, and queues each for
the worker (``tasks.deliver``). What is delivered follows the API's
visibility rules: a story is announced when it becomes public (a scheduled
story at its time), a quote when its story is public, never a draft.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Quote

from .models import Delivery, DeliveryStatus, Endpoint


def base_url() -> str:
    return settings.NEWSDESK_BASE_URL.rstrip("/")


def body_of(delivery: Delivery) -> bytes:
    """The exact bytes sent (and signed): the payload as compact JSON."""
    return json.dumps(
        delivery.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def _article_data(article: Article) -> dict:
    from newsdesk.syndication.ninjs import article_ninjs

    return {
        "slug": article.slug,
        "headline": article.headline,
        "status": article.status,
        "published_at": article.published_at.isoformat()
        if article.published_at
        else None,
        "version": article.version,
        "url": f"{base_url()}/api/v1/articles/{article.slug}/",
        "ninjs": article_ninjs(article, base_url=base_url()),
    }


def _quote_data(quote: Quote) -> dict:
    return {
        "id": quote.pk,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker.slug,
        "organisation": quote.organisation.slug if quote.organisation else None,
        "outlet": quote.outlet.slug if quote.outlet else None,
        "said_on": quote.said_on.isoformat() if quote.said_on else None,
        "article": quote.article.slug,
        "url": f"{base_url()}/api/v1/quotes/{quote.pk}/",
    }


def payload_for(name: str, **payload) -> tuple[dict | None, object]:
    """The event's data as receivers get it, and when it may be sent (None
    for an event that announces nothing public)."""
    if "article" in payload:
        article = (
            Article.objects.with_related()
            .prefetch_related("quotes__speaker", "quotes__organisation")
            .filter(pk=payload["article"].pk)
            .first()
        )
        if article is None:
            return None, None
        if name == "article.unpublished":
            # Only that it is gone: its content is no longer public.
            return {"slug": article.slug, "status": article.status}, timezone.now()
        if article.public_from is None:
            return None, None
        return _article_data(article), article.public_from
    quote = Quote.objects.with_related().filter(pk=payload["quote"].pk).first()
    if quote is None or not quote.article.is_public:
        return None, None
    return _quote_data(quote), quote.public_from


def on_event(name: str, **payload) -> list[Delivery]:
    endpoints = [
        endpoint
        for endpoint in Endpoint.objects.filter(active=True)
        if name in endpoint.events
    ]
    if not endpoints:
        return []
    data, due = payload_for(name, **payload)
    if data is None:
        return []
    now = timezone.now()
    deliveries = []
    for endpoint in endpoints:
        delivery = Delivery(
            endpoint=endpoint,
            event=name,
            payload={},
            due_at=due if due and due > now else None,
        )
        delivery.payload = {
            "id": str(delivery.pk),
            "event": name,
            "created": now.isoformat(),
            "data": data,
        }
        delivery.save()
        deliveries.append(delivery)
    for delivery in deliveries:
        delivery_queue(delivery=delivery, eta=delivery.due_at)
    return deliveries


def delivery_queue(*, delivery: Delivery, eta=None) -> None:
    from .tasks import deliver

    delivery_id = str(delivery.pk)
    transaction.on_commit(
        lambda: deliver.apply_async((delivery_id,), eta=eta), robust=True
    )


@transaction.atomic
def delivery_replay(*, delivery: Delivery) -> Delivery:
    """Send ``delivery``'s payload again, as a new delivery with its own
    attempts; receivers recognise the event by the payload's ``id``."""
    replay = Delivery.objects.create(
        endpoint=delivery.endpoint,
        event=delivery.event,
        payload=delivery.payload,
        replay_of=delivery,
        status=DeliveryStatus.PENDING,
        due_at=delivery.due_at,
    )
    delivery_queue(delivery=replay, eta=replay.due_at)
    return replay


def deliveries_send_due() -> int:
    """Queue every waiting delivery whose time has come: the scheduled
    stories' announcements, when no worker holds them (tasks run at once,
    as in the demo), and any a lost broker forgot. Run it from cron."""
    due = Delivery.objects.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
        due_at__lte=timezone.now(),
    )
    count = 0
    for delivery in due:
        delivery_queue(delivery=delivery)
        count += 1
    return count
