"""Newsdesk's pipes end to end: a feed file with a story like the reference
one (``seeds/wire/reference-story.atom``) is ingested, the worker proposes
its quotes, an editor accepts them on the review screen, publishing fires a
signed webhook to a live receiver, and the story appears in the speaker's
Atom feed and as valid ninjs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from articles import services as article_services
from articles.models import Article, ArticleStatus
from newsdesk.ingest.models import IngestedStory, ProposalStatus
from newsdesk.webhooks.models import Delivery, DeliveryStatus, Endpoint
from newsdesk.webhooks.signing import verify
from tests.extraction.test_review import decisions, propose_url, review_of
from tests.ingest.feeds import HEADLINE
from tests.syndication.test_ninjs import validate_ninjs
from tests.webhooks.receiver import Receiver

pytestmark = pytest.mark.django_db


def test_wire_to_webhook_feed_and_ninjs(
    seed, editor, editor_client, client, django_capture_on_commit_callbacks
):
    feed_file = Path(settings.BASE_DIR) / "seeds" / "wire" / "reference-story.atom"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(feed_file), "--source", "tass", stdout=out)
    assert "1 created" in out.getvalue()
    story = IngestedStory.objects.select_related("article").get()
    article = story.article
    assert (article.headline, article.status) == (HEADLINE, ArticleStatus.DRAFT)

    # The worker (eager here) has proposed the quotes; the list says so and
    # links to the review screen.
    assert story.proposal_status == ProposalStatus.READY
    assert story.quotes_proposed >= 10
    listing = editor_client.get(reverse("admin:ingest_ingestedstory_changelist"))
    assert f"{story.quotes_proposed} quotes proposed".encode() in listing.content
    assert propose_url(article).encode() in listing.content

    # The editor accepts every proposal on the review screen.
    review = review_of(editor_client.get(propose_url(article)))
    assert len(review.quotes) == story.quotes_proposed
    response = editor_client.post(
        propose_url(article), decisions(review, default="accept")
    )
    assert response.status_code == 302, response.content[:2000]
    assert article.quotes.count() == story.quotes_proposed

    with Receiver() as receiver:
        endpoint = Endpoint.objects.create(
            name="Front end", url=receiver.url, events=["article.published"]
        )
        article.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            article_services.article_transition(
                article=article, status=ArticleStatus.PUBLISHED, user=editor
            )
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    verify(
        endpoint.secret,
        body=request.body,
        timestamp=request.headers["Newsdesk-Timestamp"],
        signature=request.headers["Newsdesk-Signature"],
    )
    payload = json.loads(request.body)
    assert payload["event"] == "article.published"
    assert payload["data"]["slug"] == article.slug
    assert len(payload["data"]["ninjs"]["newsdesk_quotes"]) == story.quotes_proposed
    assert Delivery.objects.get().status == DeliveryStatus.SUCCEEDED

    # In Zhang Hanhui's Atom feed, and as valid ninjs.
    feed = feedparser.parse(
        client.get(reverse("feed-person-quotes", args=["zhang-hanhui"])).content
    )
    links = {entry.link for entry in feed.entries}
    for quote in Article.objects.get(pk=article.pk).quotes.filter(
        speaker__slug="zhang-hanhui"
    ):
        assert any(link.endswith(f"/api/v1/quotes/{quote.pk}/") for link in links)
    item = client.get(
        reverse("article-detail", args=[article.slug]),
        HTTP_ACCEPT="application/ninjs+json",
    ).json()
    validate_ninjs(item)
    assert item["pubstatus"] == "usable"
    assert item["infosources"][0]["literal"] == "tass"
    assert item["by"] == "Ivan Petrov"
