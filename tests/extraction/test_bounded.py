"""The review screen is bounded and safe: a body too long to review is
refused with the limit named, and working out proposals runs outside any
database transaction, so other editors keep writing while it runs."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.urls import reverse

import articles.api.extraction as extraction_api
import articles.review as review
import articles.review.build as review_builder
from articles.extraction import extract as real_extract
from articles.models import Article, ArticleStatus
from tests.extraction.test_review import REFERENCE_BODY, snapshot
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def propose_url(article: Article) -> str:
    return reverse("admin:articles_article_propose", args=[article.pk])


def test_body_too_long_to_review_is_refused(editor_client):
    words = "The minister spoke about the plan at length. " * 1400
    article = ArticleFactory(body=words, status=ArticleStatus.DRAFT)
    assert len(article.body) > review.REVIEW_BODY_LIMIT
    before = snapshot()
    response = editor_client.get(propose_url(article))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:articles_article_change", args=[article.pk]
    )
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "too long to review" in message
    assert "at most 60,000" in message
    assert snapshot() == before


def test_body_at_the_limit_is_reviewed(editor_client):
    sentence = "The minister spoke about the plan at length. "
    body = (sentence * (review.REVIEW_BODY_LIMIT // len(sentence)))[
        : review.REVIEW_BODY_LIMIT
    ].rstrip()
    article = ArticleFactory(body=body, status=ArticleStatus.DRAFT)
    assert editor_client.get(propose_url(article)).status_code == 200


class Watch:
    """The real engine, run while noting whether a transaction is open and,
    on PostgreSQL, while another connection writes to the article."""

    def __init__(self, article=None):
        self.article = article
        self.in_transaction: list[bool] = []
        self.written = False
        # A test not marked transactional runs inside the test case's own
        # atomic blocks: only blocks opened by the request count.
        self.outer = len(connection.atomic_blocks)

    def __call__(self, text, gazetteer=None, **options):
        self.in_transaction.append(len(connection.atomic_blocks) > self.outer)
        if self.article is not None:
            other = connections.create_connection("default")
            try:
                with other.cursor() as cursor:
                    # Waiting on a lock the reviewing request held would fail
                    # here instead of hanging.
                    cursor.execute("SET lock_timeout = '2s'")
                    cursor.execute(
                        "UPDATE articles_article SET standfirst = %s WHERE id = %s",
                        ["Edited by another editor meanwhile", self.article.pk],
                    )
                self.written = True
            finally:
                other.close()
        return real_extract(text, gazetteer, **options)


def test_review_screen_extracts_outside_a_transaction(editor_client, monkeypatch):
    article = ArticleFactory(body=REFERENCE_BODY, status=ArticleStatus.DRAFT)
    watch = Watch()
    monkeypatch.setattr(review_builder, "extract", watch)
    assert editor_client.get(propose_url(article)).status_code == 200
    assert watch.in_transaction == [False]


def test_api_extracts_outside_a_transaction(client, editor, monkeypatch):
    client.force_login(editor)
    watch = Watch()
    monkeypatch.setattr(extraction_api, "extract", watch)
    response = client.post(
        "/api/v1/extract/", {"text": REFERENCE_BODY}, content_type="application/json"
    )
    assert response.status_code == 200, response.content[:300]
    assert watch.in_transaction == [False]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_another_editor_writes_while_proposals_are_worked_out(
    client, django_user_model, monkeypatch
):
    """On PostgreSQL: while the review screen works out proposals, another
    connection updates the same article and commits without waiting."""
    editor = django_user_model.objects.create_superuser("chief", password="x")
    client.force_login(editor)
    article = ArticleFactory(body=REFERENCE_BODY, status=ArticleStatus.DRAFT)
    watch = Watch(article)
    monkeypatch.setattr(review_builder, "extract", watch)
    response = client.get(propose_url(article))
    assert response.status_code == 200
    assert watch.written and watch.in_transaction == [False]
    article.refresh_from_db()
    assert article.standfirst == "Edited by another editor meanwhile"
