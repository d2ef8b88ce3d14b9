"""Deep pages by ``cursor=`` and counts that stay cheap (newsdesk/api/
pagination.py), on a generated archive with many quotes per day, drafts and
quotes with no date."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles import services as article_services
from articles.models import Article, ArticleStatus, Quote
from newsdesk.api import pagination

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def archive(db):
    call_command("generate_corpus", articles=40, seed=3, stdout=io.StringIO())
    # A draft's quote has no date until the story is published.
    draft = Article.objects.filter(status=ArticleStatus.DRAFT).first()
    speaker = Quote.objects.first().speaker
    draft.body += " “Undated words,” she said."
    draft.save()
    quote = article_services.quote_create(
        article=draft, speaker=speaker, text="Undated words", kind="direct"
    )
    Quote.objects.filter(pk=quote.pk).update(said_on=None)


def sql(queries) -> list[str]:
    """The statements run, without the savepoints of the request's
    transaction inside the test's."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def get(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def walk_pages(client, resource, **params) -> list[int]:
    ids, url = [], f"{API}/{resource}/"
    body = get(client, url, {"page_size": 100, **params})
    while True:
        ids += [row["id"] for row in body["results"]]
        if not body["next"]:
            return ids
        body = get(client, body["next"])


def walk_cursor(client, resource, **params) -> list[int]:
    ids = []
    body = get(client, f"{API}/{resource}/", {"cursor": "", "page_size": 37, **params})
    assert "count" not in body
    while True:
        ids += [row["id"] for row in body["results"]]
        if not body["next"]:
            return ids
        assert "page=" not in body["next"]
        body = get(client, body["next"])


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


class TestCursor:
    @pytest.mark.parametrize("ordering", [None, "said_on", "-said_on,id"])
    @pytest.mark.parametrize("who", ["anonymous", "editor"])
    def test_walks_every_quote_once_in_page_order(
        self, archive, editor_client, who, ordering
    ):
        """Following next from cursor= visits every quote once, in the order
        page numbers give, dated or not (editors see undated draft quotes)."""
        client = editor_client if who == "editor" else Client()
        params = {"ordering": ordering} if ordering else {}
        by_page = walk_pages(client, "quotes", **params)
        by_cursor = walk_cursor(client, "quotes", **params)
        assert by_cursor == by_page
        assert len(set(by_cursor)) == len(by_cursor)
        expected = (
            Quote.objects.count() if who == "editor" else Quote.objects.public().count()
        )
        assert len(by_cursor) == expected > 300

    @pytest.mark.parametrize("ordering", [None, "headline", "-published_at"])
    def test_walks_articles(self, archive, editor_client, ordering):
        params = {"ordering": ordering} if ordering else {}
        assert walk_cursor(editor_client, "articles", **params) == walk_pages(
            editor_client, "articles", **params
        )

    def test_previous_returns_to_the_page_before(self, archive):
        client = Client()
        first = get(client, f"{API}/quotes/", {"cursor": "", "page_size": 25})
        assert first["previous"] is None
        second = get(client, first["next"])
        third = get(client, second["next"])
        back = get(client, third["previous"])
        assert [r["id"] for r in back["results"]] == [
            r["id"] for r in second["results"]
        ]
        again = get(client, back["previous"])
        assert [r["id"] for r in again["results"]] == [
            r["id"] for r in first["results"]
        ]
        assert again["previous"] is None

    def test_filters_apply(self, archive):
        client = Client()
        speaker = Quote.objects.public().values_list("speaker__slug", flat=True)[0]
        ids = walk_cursor(client, "quotes", speaker=speaker)
        assert ids == walk_pages(client, "quotes", speaker=speaker)
        assert set(
            Quote.objects.filter(pk__in=ids).values_list("speaker__slug", flat=True)
        ) == {speaker}

    @pytest.mark.parametrize(
        "cursor",
        [
            "nonsense",
            "e30",
            "eyJvIjoiLXNhaWRfb24sLWlkIiwicCI6WzEsMl0sImIiOjF9",
            "%00",
            "A" * 300,
        ],
    )
    def test_malformed_cursor_is_a_400(self, archive, cursor):
        response = Client().get(f"{API}/quotes/", {"cursor": cursor})
        assert response.status_code == 400
        assert list(response.json()) == ["cursor"]

    def test_cursor_of_another_ordering_is_a_400(self, archive):
        client = Client()
        first = get(client, f"{API}/quotes/", {"cursor": "", "ordering": "said_on"})
        token = first["next"].split("cursor=")[1].split("&")[0]
        response = client.get(f"{API}/quotes/", {"cursor": token})
        assert response.status_code == 400
        assert "ordering" in response.json()["cursor"][0]

    def test_deep_page_costs_what_the_first_costs(self, archive):
        """Same queries at page 1 as deep in the list, and no count."""
        client = Client()
        url = f"{API}/quotes/?cursor=&page_size=10"
        for _ in range(8):
            url = get(client, url)["next"]
        with CaptureQueriesContext(connection) as first:
            get(client, f"{API}/quotes/?cursor=&page_size=10")
        with CaptureQueriesContext(connection) as deep:
            get(client, url)
        assert len(sql(deep)) == len(sql(first)) == 1
        assert not any("COUNT(" in q.upper() for q in sql(deep))

    def test_only_quotes_and_articles_take_a_cursor(self, archive):
        """Elsewhere cursor= is not a parameter: a 400 naming it."""
        response = Client().get(f"{API}/people/", {"cursor": ""})
        assert response.status_code == 400
        assert "Unknown parameter 'cursor'" in response.json()["cursor"][0]


class TestCount:
    def test_exact_below_the_limit(self, archive):
        body = get(Client(), f"{API}/quotes/")
        assert body["count"] == Quote.objects.public().count()
        assert body["count_exact"] is True

    def test_estimated_beyond_the_limit(self, archive, monkeypatch):
        """Beyond COUNT_LIMIT rows PostgreSQL's estimate answers, flagged;
        SQLite (small by nature) counts exactly."""
        monkeypatch.setattr(pagination, "COUNT_LIMIT", 20)
        with CaptureQueriesContext(connection) as queries:
            body = get(Client(), f"{API}/quotes/", {"page_size": 5})
        exact = Quote.objects.public().count()
        if connection.vendor == "postgresql":
            assert body["count_exact"] is False
            assert body["count"] > 20
            assert any("EXPLAIN" in q for q in sql(queries))
        else:
            assert body["count_exact"] is True
            assert body["count"] == exact
        assert len(body["results"]) == 5
        # The page with its capped count, then the estimate (or, on SQLite,
        # the exact count).
        assert len(sql(queries)) == 2

    @pytest.mark.postgres
    def test_count_beyond_the_limit_not_made_again(self, archive, monkeypatch):
        """Once a list's capped count has reached the limit, its next pages
        answer with the estimate kept for it, without counting again: the
        same count, one query."""
        monkeypatch.setattr(pagination, "COUNT_LIMIT", 20)
        first = get(Client(), f"{API}/quotes/", {"page_size": 5})
        with CaptureQueriesContext(connection) as queries:
            again = get(Client(), f"{API}/quotes/", {"page_size": 5, "page": 2})
        assert (again["count"], again["count_exact"]) == (first["count"], False)
        assert len(again["results"]) == 5
        assert len(sql(queries)) == 1
        assert "COUNT(" not in sql(queries)[0].upper()

    @pytest.mark.postgres
    def test_a_table_never_counted_beyond_the_limit_is_not_looked_up(
        self, archive, monkeypatch
    ):
        """Whether a count reached the limit lately is looked up (its query
        compiled for the key) only for a table one of whose counts did: the
        quotes' then, not the agreements'."""
        monkeypatch.setattr(pagination, "COUNT_LIMIT", 20)
        keyed = []
        query_key = pagination._query_key
        monkeypatch.setattr(
            pagination,
            "_query_key",
            lambda queryset: keyed.append(queryset.model) or query_key(queryset),
        )
        assert get(Client(), f"{API}/agreements/")["count_exact"] is True
        assert keyed == []
        assert get(Client(), f"{API}/quotes/")["count_exact"] is False
        keyed.clear()
        get(Client(), f"{API}/quotes/", {"page": 2})
        get(Client(), f"{API}/agreements/")
        assert keyed == [Quote]

    def test_count_rides_in_the_page_query(self, archive):
        """Below the limit a page and its count are one query."""
        with CaptureQueriesContext(connection) as queries:
            body = get(Client(), f"{API}/quotes/", {"page_size": 5, "page": 2})
        assert body["count"] == Quote.objects.public().count()
        assert len(body["results"]) == 5
        assert len(sql(queries)) == 1

    def test_empty_list_and_page_past_the_end(self, archive):
        """With no row to carry the count, the count is its own query: an
        empty list answers page 1 with a count of 0, and a page past the end
        is a 404."""
        empty = get(Client(), f"{API}/quotes/", {"said_after": "2999-01-01"})
        assert (empty["count"], empty["results"]) == (0, [])
        last = -(-Quote.objects.public().count() // 5)
        assert get(Client(), f"{API}/quotes/", {"page_size": 5, "page": last})[
            "results"
        ]
        response = Client().get(f"{API}/quotes/", {"page_size": 5, "page": last + 1})
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"

    def test_small_result_counted_exactly_with_a_low_limit(self, archive, monkeypatch):
        monkeypatch.setattr(pagination, "COUNT_LIMIT", 20)
        speaker = Quote.objects.public().values_list("speaker", flat=True).last()
        slug = Quote.objects.filter(speaker=speaker).first().speaker.slug
        body = get(Client(), f"{API}/quotes/", {"speaker": slug})
        expected = Quote.objects.public().filter(speaker=speaker).count()
        assert expected <= 20
        assert body["count"] == expected and body["count_exact"] is True
