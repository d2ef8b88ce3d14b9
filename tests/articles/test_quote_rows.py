"""The quotes list's fast path (articles/api/rows.py) answers exactly what
``QuoteSerializer`` answers: the same JSON, byte for byte, for every kind of
quote (named and unnamed speakers, with and without organisation or outlet,
located or not), on every page and route, with ``fields=``,
filters, facets and cursors."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from articles.api.views import QuoteViewSet
from newsdesk.api.dynamic import FacetsMixin
from tests.factories import ArticleFactory, OrganisationFactory, QuoteFactory

# Each request runs its view: a response served from the anonymous cache
# would compare the fast path with itself.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_api")]

API = "/api/v1"


@pytest.fixture
def quotes(seed):
    call_command(
        "generate_corpus",
        articles=12,
        seed=3,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    article = ArticleFactory(headline="Officials speak", body="Officials said so.")
    QuoteFactory(
        article=article,
        speaker=None,
        source_description="officials",
        organisation=OrganisationFactory(name="Ministry of Ports"),
        kind="indirect",
        text="they said so",
    )


URLS = [
    f"{API}/quotes/?page_size=100",
    f"{API}/quotes/?page_size=7&page=3",
    f"{API}/quotes/?page_size=5&cursor=",
    f"{API}/quotes/?page_size=20&fields=id,url,speaker,article",
    f"{API}/quotes/?page_size=20&kind=indirect",
    f"{API}/quotes/?page_size=20&facets=speaker,kind",
    f"{API}/quotes/?page_size=20&ordering=said_on",
    f"{API}/quotes/?page_size=20&q=said",
    f"{API}/quotes/?page_size=20&format=json",
]


def _through_serializers(monkeypatch):
    """The list as it is without the fast path: instances and serializers."""
    monkeypatch.setattr(QuoteViewSet, "list", FacetsMixin.list)


@pytest.mark.parametrize("url", URLS)
def test_rows_answer_what_the_serializer_answers(quotes, monkeypatch, url):
    client = Client()
    fast = client.get(url)
    assert fast.status_code == 200, fast.content[:300]
    _through_serializers(monkeypatch)
    slow = client.get(url)
    assert slow.get("X-Cache") != "hit", url
    assert slow.status_code == 200
    assert fast.content == slow.content
    assert len(fast.json()["results"]) > 0


def test_rows_answer_alike_in_another_time_zone(quotes, monkeypatch):
    """Date-times follow the active time zone as ``DateTimeField`` does
    (rows.timestamp reads the zone once per page)."""
    from django.utils import timezone

    url = f"{API}/quotes/?page_size=100"
    with timezone.override("Asia/Kolkata"):
        fast = Client().get(url)
        _through_serializers(monkeypatch)
        slow = Client().get(url)
    assert fast.content == slow.content
    assert "+05:30" in fast.json()["results"][0]["article"]["published_at"]


def test_every_kind_of_row_is_on_the_page(quotes):
    """The comparison above meets nulls and values in every column."""
    results = Client().get(f"{API}/quotes/?page_size=100").json()["results"]
    for key in ("speaker", "organisation", "outlet", "start"):
        assert any(quote[key] is None for quote in results), key
        assert any(quote[key] is not None for quote in results), key


def test_cursor_pages_follow_on_alike(quotes, monkeypatch):
    """Following ``next`` from cursor page to cursor page gives the same
    pages either way (the links read the rows' ordering fields)."""

    def walk() -> list[bytes]:
        client, url, pages = Client(), f"{API}/quotes/?page_size=9&cursor=", []
        while url and len(pages) < 6:
            response = client.get(url)
            pages.append(response.content)
            url = response.json()["next"]
        return pages

    fast = walk()
    _through_serializers(monkeypatch)
    assert walk() == fast


def test_nested_routes_alike(quotes, monkeypatch):
    client = Client()
    people = client.get(f"{API}/people/?page_size=3").json()["results"]
    urls = [f"{API}/people/{person['slug']}/quotes/" for person in people]
    fast = [client.get(url).content for url in urls]
    _through_serializers(monkeypatch)
    assert [client.get(url).content for url in urls] == fast


def test_a_list_page_builds_no_model_instance(quotes, monkeypatch):
    """The page is read as rows: no Quote is built for a list."""
    from articles.models import Quote

    built = []
    original = Quote.from_db.__func__

    def from_db(cls, *args, **kwargs):
        built.append(cls)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Quote, "from_db", classmethod(from_db))
    assert Client().get(f"{API}/quotes/?page_size=50").status_code == 200
    assert built == []
