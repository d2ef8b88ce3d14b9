"""Atom and RSS feeds of stories and quotes, parsed back with feedparser:
the same visibility as the API (never a draft; a scheduled story at its
time), quotes per person, per organisation with its sub-organisations, per
agreement and per search, and conditional GET."""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qsl, urlsplit

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles import services as article_services
from articles.models import Article, ArticleStatus
from entities.models import Person
from tests.extraction.test_review import SEED_ARTICLE

pytestmark = pytest.mark.django_db


def parsed(client, name: str, *args, query=None):
    response = client.get(reverse(name, args=args), query or {})
    assert response.status_code == 200, response.content[:300]
    return response, feedparser.parse(response.content)


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


@pytest.fixture
def reference(seed):
    return Article.objects.get(slug=SEED_ARTICLE["slug"])


class TestStories:
    def test_atom_and_rss(self, client, reference):
        response, atom = parsed(client, "feed-stories")
        assert response["Content-Type"].startswith("application/atom+xml")
        assert atom.version == "atom10"
        assert titles(atom) == [reference.headline]
        assert atom.entries[0].link.endswith(
            reverse("article-detail", args=[reference.slug])
        )
        _, rss = parsed(client, "feed-stories-rss")
        assert rss.version == "rss20"
        assert titles(rss) == [reference.headline]

    def test_drafts_never_and_scheduled_at_their_time(self, client, reference, editor):
        draft = article_services.article_create(headline="Secret draft", body="Text.")
        later = timezone.now() + datetime.timedelta(hours=2)
        scheduled = article_services.article_create(
            headline="Scheduled story", body="Later text."
        )
        article_services.article_transition(
            article=scheduled,
            status=ArticleStatus.PUBLISHED,
            user=editor,
            published_at=later,
        )
        _, feed = parsed(client, "feed-stories")
        assert draft.headline not in titles(feed)
        assert scheduled.headline not in titles(feed)
        Article.objects.filter(pk=scheduled.pk).update(
            published_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        _, feed = parsed(client, "feed-stories")
        assert titles(feed)[0] == scheduled.headline

    def test_search(self, client, reference):
        _, feed = parsed(client, "feed-stories", query={"q": "astronauts"})
        assert titles(feed) == [reference.headline]
        _, feed = parsed(client, "feed-stories", query={"q": "zebra"})
        assert titles(feed) == []


class TestQuotes:
    def test_per_person(self, client, reference):
        _, feed = parsed(client, "feed-person-quotes", "zhang-hanhui")
        expected = reference.quotes.filter(speaker__slug="zhang-hanhui").count()
        assert len(feed.entries) == expected > 0
        assert all(t.startswith("Zhang Hanhui: “") for t in titles(feed))
        assert all(e.author == "Zhang Hanhui" for e in feed.entries)

    def test_per_organisation_includes_sub_organisations(self, client, reference):
        """Rogozin speaks for Roscosmos, which is part of Russia."""
        _, feed = parsed(client, "feed-organisation-quotes", "russia")
        assert any(t.startswith("Dmitry Rogozin") for t in titles(feed))
        _, roscosmos = parsed(client, "feed-organisation-quotes", "roscosmos")
        assert set(titles(roscosmos)) <= set(titles(feed))

    def test_per_agreement_and_search(self, client, reference):
        agreement = reference.agreements.first()
        _, feed = parsed(client, "feed-agreement-quotes", agreement.slug)
        assert len(feed.entries) == reference.quotes.count()
        _, found = parsed(
            client, "feed-quotes-search-rss", query={"q": '"whole of humanity"'}
        )
        assert len(found.entries) == 1
        assert "whole of humanity" in found.entries[0].description

    def test_draft_quotes_and_unknown_people_are_hidden(self, client, reference):
        Article.objects.filter(pk=reference.pk).update(status=ArticleStatus.DRAFT)
        reference.quotes.update(public_from=None)
        _, feed = parsed(
            client, "feed-agreement-quotes", reference.agreements.first().slug
        )
        assert feed.entries == []
        assert (
            client.get(reverse("feed-person-quotes", args=["nobody"])).status_code
            == 404
        )


class TestConditionalGet:
    def test_etag_and_last_modified(self, client, reference, editor):
        url = reverse("feed-person-quotes", args=["zhang-hanhui"])
        first = client.get(url)
        assert first.has_header("ETag") and first.has_header("Last-Modified")
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert (
            client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code
            == 304
        )
        # A change to a story in the feed is a new version of the feed.
        reference.headline = "A corrected headline"
        article_services.article_save(article=reference)
        since = http_date(timezone.now().timestamp() - 3600)
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 200
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 200


README = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", re.findall(r"`(/feeds/[^`]*)`", README))
def test_readme_feed_paths_answer(path, client, seed):
    """Every feed the README names is a feed with items on the demo data."""
    url = urlsplit(path)
    for suffix in ("",) if url.path.endswith("/rss/") else ("", "rss/"):
        response = client.get(url.path + suffix, dict(parse_qsl(url.query)))
        assert response.status_code == 200, (path, suffix)
        assert feedparser.parse(response.content).entries, (path, suffix)


class TestQueryCounts:
    """A feed costs the same queries however many items it has: the
    savepoint pair of the request, the feed's record (twice: once for
    Last-Modified), Last-Modified itself, the page of items with what they
    link to, and (stories) their authors in one prefetch."""

    FEEDS = [
        ("feed-stories", [], {}, 5),
        ("feed-person-quotes", ["zhang-hanhui"], {}, 6),
        ("feed-organisation-quotes", ["russia"], {}, 6),
        ("feed-quotes-search", [], {"q": "humanity"}, 4),
    ]

    def counts(self, client, django_assert_num_queries):
        for name, args, query, expected in self.FEEDS:
            with django_assert_num_queries(expected):
                assert client.get(reverse(name, args=args), query).status_code == 200

    def test_fixed_however_many_items(
        self, client, reference, editor, django_assert_num_queries
    ):
        self.counts(client, django_assert_num_queries)
        zhang = Person.objects.get(slug="zhang-hanhui")
        for number in range(3):
            article = article_services.article_create(
                headline=f"More from the envoy {number}",
                body=f"He said “humanity gains {number}”. Also more.",
            )
            article_services.quote_create(
                article=article, text=f"humanity gains {number}", speaker=zhang
            )
            article_services.article_transition(
                article=article, status=ArticleStatus.PUBLISHED, user=editor
            )
        self.counts(client, django_assert_num_queries)

    def test_ninjs_costs_what_the_json_detail_costs(
        self, client, reference, django_assert_num_queries
    ):
        url = reverse("article-detail", args=[reference.slug])
        with django_assert_num_queries(8):
            client.get(url)
        with django_assert_num_queries(8):
            client.get(url, {"format": "ninjs"})
