"""The readers' page of a story, ``/stories/<slug>/``: what the JSON-LD's
``url`` points at. Published stories render server-side; anything not public
is a 404, even for an editor."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import ArticleStatus
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

REFERENCE = "china-russia-space-cooperation-benefits-humanity"


class TestStoryPage:
    def test_published_story_renders(self, db):
        """Headline, standfirst, body, byline and date, as HTML."""
        call_command("load_seed", verbosity=0, stdout=io.StringIO())
        response = Client().get(f"/stories/{REFERENCE}/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "<h1>China&#x27;s ambassador: space cooperation" in html
        assert "Zhang Hanhui tells TASS" in html
        assert "Russia’s space cooperation" in html
        assert '<time datetime="2022-05-03T09:00:00+00:00">3 May 2022</time>' in html
        assert f"/api/v1/articles/{REFERENCE}/?format=jsonld" in html

    def test_byline_names_the_authors(self, db):
        article = ArticleFactory(
            slug="bylined",
            status=ArticleStatus.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(hours=1),
        )
        article.authors.set(
            [PersonFactory(name="Anna Reporter"), PersonFactory(name="Ben Writer")]
        )
        html = Client().get("/stories/bylined/").content.decode()
        assert "Anna Reporter" in html and "Ben Writer" in html

    @pytest.mark.parametrize(
        "status, hours",
        [
            (ArticleStatus.DRAFT, -1),
            (ArticleStatus.IN_REVIEW, -1),
            (ArticleStatus.ARCHIVED, -1),
            (ArticleStatus.PUBLISHED, 24),
        ],
    )
    def test_anything_not_public_is_404(self, editor_client, status, hours):
        """A draft, a story in review, an archived one and one scheduled for
        tomorrow are not there, even for a logged-in editor."""
        ArticleFactory(
            slug="hidden",
            status=status,
            published_at=timezone.now() + datetime.timedelta(hours=hours),
        )
        assert editor_client.get("/stories/hidden/").status_code == 404
        assert Client().get("/stories/nobody/").status_code == 404
