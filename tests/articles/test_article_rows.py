"""The stories list's fast path (articles/api/article_rows.py) answers
exactly what ``ArticleSerializer`` answers: the same JSON, byte for byte,
with and without a source, bylines and mentions of every kind, on every
page, with ``fields=``, filters, facets, search and cursors, for the public
and for an editor."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from articles.api.views import ArticleViewSet
from articles.models import ArticleStatus
from newsdesk.api.dynamic import FacetsMixin
from tests.factories import ArticleFactory, PersonFactory

# Each request runs its view: a response served from the anonymous cache
# would compare the fast path with itself.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_api")]

API = "/api/v1"


@pytest.fixture
def stories(seed):
    call_command(
        "generate_corpus",
        articles=14,
        seed=5,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    # A story with nothing linked, and a draft only editors see.
    ArticleFactory(headline="Bare story", body="Nothing said.", source_url="")
    draft = ArticleFactory(
        headline="Draft story", body="Draft words.", status=ArticleStatus.DRAFT
    )
    # Bylines whose order by name differs from the order they were added.
    draft.authors.add(
        PersonFactory(name="Zed Writer"), PersonFactory(name="Abe Writer")
    )


URLS = [
    f"{API}/articles/?page_size=100",
    f"{API}/articles/?page_size=4&page=2",
    f"{API}/articles/?page_size=5&cursor=",
    f"{API}/articles/?page_size=20&fields=id,url,authors,agreements,quotes_url",
    f"{API}/articles/?page_size=20&facets=person,organisation,source,language",
    f"{API}/articles/?page_size=20&ordering=headline",
    f"{API}/articles/?page_size=20&q=minister",
    f"{API}/articles/?page_size=20&format=json",
    f"{API}/articles/?page_size=20&organisation=russia",
]


def _through_serializers(monkeypatch):
    """The list as it is without the fast path: instances and serializers."""
    monkeypatch.setattr(ArticleViewSet, "list", FacetsMixin.list)


@pytest.mark.parametrize("as_editor", [False, True], ids=["public", "editor"])
@pytest.mark.parametrize("url", URLS)
def test_rows_answer_what_the_serializer_answers(
    stories, monkeypatch, url, as_editor, editor
):
    client = Client()
    if as_editor:
        client.force_login(editor)
    fast = client.get(url)
    assert fast.status_code == 200, fast.content[:300]
    _through_serializers(monkeypatch)
    slow = client.get(url)
    assert slow.get("X-Cache") != "hit", url
    assert slow.status_code == 200
    assert fast.content == slow.content
    assert len(fast.json()["results"]) > 0


def test_every_kind_of_row_is_on_the_page(stories, editor):
    """The comparison above meets empty and filled values in every list,
    several bylines, and drafts."""
    client = Client()
    client.force_login(editor)
    results = client.get(f"{API}/articles/?page_size=100").json()["results"]
    for key in ("source", "source_url"):
        assert any(story[key] is None for story in results), key
        assert any(story[key] is not None for story in results), key
    for key in ("authors", "people", "organisations", "agreements"):
        assert any(not story[key] for story in results), key
        assert any(len(story[key]) > 1 for story in results), key
    assert any(story["status"] == "draft" for story in results)
    assert {"about": True} in [
        {"about": mention["about"]} for story in results for mention in story["people"]
    ]
    bylines = [
        story["authors"] for story in results if story["headline"] == "Draft story"
    ]
    assert [author["name"] for author in bylines[0]] == ["Abe Writer", "Zed Writer"]


def test_cursor_pages_follow_on_alike(stories, monkeypatch):
    def walk() -> list[bytes]:
        client, url, pages = Client(), f"{API}/articles/?page_size=4&cursor=", []
        while url and len(pages) < 6:
            response = client.get(url)
            pages.append(response.content)
            url = response.json()["next"]
        return pages

    fast = walk()
    assert len(fast) > 2
    _through_serializers(monkeypatch)
    assert walk() == fast


def test_a_list_page_builds_no_model_instance(stories, monkeypatch):
    """The page is read as rows: no story, person or mention is built."""
    from django.db.models import Model

    built = []
    original = Model.from_db.__func__

    def from_db(cls, *args, **kwargs):
        built.append(cls)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Model, "from_db", classmethod(from_db))
    assert Client().get(f"{API}/articles/?page_size=50").status_code == 200
    assert built == []
