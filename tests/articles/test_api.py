"""The story resources of the REST API v1 contract: ``articles/``, ``quotes/``
and the nested ``people/<slug>/quotes/`` and ``organisations/<slug>/quotes/``,
through the test client against the real database.

Each test class loads its data once (the reference story through
``load_seed``, plus what the class needs) inside a transaction rolled back
after the class; every test runs in its own savepoint on top of it, so the
suite stays fast without tests seeing each other's writes."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services as article_services
from articles.models import Article, ArticleStatus, Quote, QuoteKind
from entities.models import Agreement, Organisation, Person
from tests.factories import (
    ArticleFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

API = "/api/v1"
REFERENCE = "china-russia-space-cooperation-benefits-humanity"
FRENCH = "la-bourse-de-paris"
DRAFT = "secret-draft"
FUTURE = "embargoed-launch"
LINK_KEYS = {"id", "slug", "name", "url"}
BRIDGE_BODY = "Jean Dupont said “we will build the bridge” to Le Monde on Tuesday."


def utc(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response) -> set[str]:
    return {article["slug"] for article in results(response)}


def speakers(response) -> list[str]:
    return [quote["speaker"]["slug"] for quote in results(response)]


def quote_ids(response) -> set[int]:
    return {quote["id"] for quote in results(response)}


def assert_refused(response, parameter: str, status: int = 400) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == [parameter]
    assert body[parameter] and all(isinstance(m, str) for m in body[parameter])


def assert_link(link: dict, view: str, slug: str) -> None:
    assert set(link) == LINK_KEYS
    assert link["slug"] == slug
    assert isinstance(link["id"], int)
    assert link["name"]
    assert link["url"] == f"http://testserver{API}/{view}/{slug}/"


def load_reference_story() -> dict:
    call_command("load_seed", verbosity=0, stdout=io.StringIO())
    return {
        "reference_quotes": set(
            Quote.objects.filter(article__slug=REFERENCE).values_list("pk", flat=True)
        )
    }


def build_newsroom() -> dict:
    """Beside the reference story: a French story published by TASS quoting
    Jean Dupont (speaking for ESA, to Le Monde), a draft quoting a source
    nobody else names, and a published story embargoed until next week."""
    data = load_reference_story()
    tass = Organisation.objects.get(slug="tass")
    esa = OrganisationFactory(name="European Space Agency", slug="esa")
    le_monde = OrganisationFactory(name="Le Monde", slug="le-monde", country="FR")
    dupont = PersonFactory(name="Jean Dupont", slug="jean-dupont")
    french = ArticleFactory(
        headline="La Bourse de Paris",
        slug=FRENCH,
        body=BRIDGE_BODY,
        language="fr",
        source=tass,
        published_at=utc(2023, 1, 10, 12),
    )
    data["bridge"] = QuoteFactory(
        article=french,
        speaker=dupont,
        organisation=esa,
        outlet=le_monde,
        text="we will build the bridge",
        kind=QuoteKind.DIRECT,
        cue="said",
    )
    draft = ArticleFactory(
        headline="Secret draft",
        slug=DRAFT,
        body="Deep Throat said “follow the money” in a garage.",
        status=ArticleStatus.DRAFT,
        published_at=None,
    )
    data["secret"] = QuoteFactory(
        article=draft,
        speaker=PersonFactory(name="Deep Throat", slug="deep-throat"),
        text="follow the money",
    )
    future = ArticleFactory(
        headline="Embargoed launch",
        slug=FUTURE,
        body="Pyotr Dubrov said “we fly at dawn” before the launch.",
        published_at=timezone.now() + datetime.timedelta(days=7),
    )
    data["embargoed"] = QuoteFactory(
        article=future,
        speaker=Person.objects.get(slug="pyotr-dubrov"),
        text="we fly at dawn",
    )
    return data


CORPUS_ARTICLES = 30
CORPUS_BODY = (
    "One said “we will build the bridge” and another said “the river is wide” "
    "on the day."
)


def build_corpus() -> dict:
    """The reference story and 30 published articles with two quotes each by
    four speakers speaking for two ministries under one government, to two
    outlets under one media group; each article has a source, an author and
    mentions an agreement. Enough that a page of 1 and of 100 really
    differ."""
    data = load_reference_story()
    government = OrganisationFactory(name="Government", slug="government", country="FR")
    ministries = [
        OrganisationFactory(
            name=f"Ministry {n}", parent=government, country="FR", aliases=[f"Min{n}"]
        )
        for n in range(2)
    ]
    group = OrganisationFactory(name="Media Group", slug="media-group", country="DE")
    outlets = [
        OrganisationFactory(
            name=f"Outlet {n}", parent=group, country="DE", aliases=[f"O{n}"]
        )
        for n in range(2)
    ]
    people = [
        PersonFactory(
            name=f"Speaker {n}",
            description=f"Speaker number {n}",
            aliases=[f"S{n}", f"Spk{n}"],
        )
        for n in range(4)
    ]
    agreement = Agreement.objects.get(slug="iss-partnership")
    for n in range(CORPUS_ARTICLES):
        article = ArticleFactory(
            headline=f"Corpus story {n}",
            body=CORPUS_BODY,
            source=outlets[n % 2],
            authors=[people[(n + 1) % 4]],
            published_at=utc(2024, 1, 1, 12) + datetime.timedelta(days=n),
        )
        article_services.article_mention_add(
            article=article, entity=agreement, about=True
        )
        article_services.article_mention_add(article=article, entity=government)
        for offset, text in enumerate(
            ["we will build the bridge", "the river is wide"]
        ):
            QuoteFactory(
                article=article,
                speaker=people[(n + offset) % 4],
                organisation=ministries[(n + offset) % 2],
                outlet=outlets[offset],
                text=text,
                said_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 3),
            )
    data.update(people=people, ministries=ministries, outlets=outlets)
    return data


@pytest.fixture(scope="class")
def reference(django_db_setup, django_db_blocker):
    """The reference story alone."""
    yield from shared_data(django_db_blocker, load_reference_story)


@pytest.fixture(scope="class")
def newsroom(django_db_setup, django_db_blocker):
    """The reference story, a French story, a draft and an embargoed story."""
    yield from shared_data(django_db_blocker, build_newsroom)


@pytest.fixture(scope="class")
def corpus(django_db_setup, django_db_blocker):
    """The reference story and a 30-article corpus."""
    yield from shared_data(django_db_blocker, build_corpus)


@pytest.fixture
def anonymous():
    """A client that never logs in, beside ``editor_client``."""
    return Client()


# --------------------------------------------------------------------------
# articles/ filters


class TestArticleFilters:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("published_after=2023-01-01", {FRENCH}),
            ("published_after=2023-01-11", set()),
            ("published_after=2022-05-03", {REFERENCE, FRENCH}),
            ("published_before=2022-05-03", {REFERENCE}),
            ("published_before=2022-05-02", set()),
            ("published_after=2022-01-01&published_before=2022-12-31", {REFERENCE}),
            ("person=jean-dupont", {FRENCH}),
            ("person=zhang-hanhui", {REFERENCE}),
            ("person=zhang-hanhui,jean-dupont", {REFERENCE, FRENCH}),
            ("organisation=esa", {FRENCH}),
            ("organisation=roscosmos", {REFERENCE}),
            ("organisation=Q159", {REFERENCE}),
            ("organisation=Q148,le-monde", {REFERENCE, FRENCH}),
            ("agreement=iss-partnership", {REFERENCE}),
            ("source=tass", {FRENCH}),
            ("source=esa", set()),
            ("language=fr", {FRENCH}),
            ("language=en", {REFERENCE}),
            ("language=de,fr", {FRENCH}),
            ("q=Shenzhou", {REFERENCE}),
            ("q=bridge", {FRENCH}),
            ("q=bourse", {FRENCH}),
            ("q=tells+TASS", {REFERENCE}),
            ("q=nothing+like+this", set()),
            ("status=published", {REFERENCE, FRENCH}),
            ("person=jean-dupont&language=en", set()),
            ("organisation=russia&published_before=2022-12-31", {REFERENCE}),
            ("source=tass&q=bridge&published_after=2023-01-10", {FRENCH}),
        ],
    )
    def test_filter_includes_and_excludes(self, client, newsroom, query, expected):
        """Each filter keeps exactly the matching articles, alone or combined."""
        response = client.get(f"{API}/articles/?{query}")
        assert slugs(response) == expected
        assert response.json()["count"] == len(expected)

    @pytest.mark.parametrize(
        ("query", "parameter"),
        [
            ("published_after=2022-13-01", "published_after"),
            ("published_after=yesterday", "published_after"),
            ("published_before=2022-02-30", "published_before"),
            ("person=nobody", "person"),
            ("person=zhang-hanhui,nobody", "person"),
            ("person=,", "person"),
            ("organisation=Q999999", "organisation"),
            ("organisation=nowhere", "organisation"),
            ("agreement=no-such-treaty", "agreement"),
            ("source=nowhere", "source"),
            ("language=xx", "language"),
            ("language=en,klingon", "language"),
            ("q=%00", "q"),
            ("status=bogus", "status"),
        ],
    )
    def test_malformed_value_refused(self, client, newsroom, query, parameter):
        """A malformed or unknown value answers 400 naming the parameter."""
        assert_refused(client.get(f"{API}/articles/?{query}"), parameter)

    def test_anonymous_cannot_name_an_unpublished_person(self, client, newsroom):
        """The public cannot probe for a person only a draft names."""
        assert_refused(client.get(f"{API}/articles/?person=deep-throat"), "person")

    def test_editor_can_name_an_unpublished_person(self, editor_client, newsroom):
        """An editor filters by a person only a draft names."""
        response = editor_client.get(f"{API}/articles/?person=deep-throat")
        assert slugs(response) == {DRAFT}

    def test_quote_count_not_multiplied_by_filters(self, client, newsroom):
        """Filters joining mentions do not multiply an article's quote_count."""
        response = client.get(
            f"{API}/articles/?person=zhang-hanhui,dmitry-rogozin"
            "&organisation=china,russia"
        )
        (article,) = results(response)
        assert article["slug"] == REFERENCE
        assert article["quote_count"] == 11

    def test_one_record_per_mention_filter_reads_without_distinct(
        self, client, newsroom
    ):
        """A story mentions a person or an organisation at most once (the
        mention is unique by the pair): naming one of each cannot repeat a
        story, so the page is read without DISTINCT, which would sort every
        match (12,000 stories for one person in the benchmark's corpus)
        before the first 50."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                f"{API}/articles/?person=zhang-hanhui&organisation=china"
            )
        (article,) = results(response)
        assert article["slug"] == REFERENCE
        assert article["quote_count"] == 11
        (page,) = [
            q["sql"]
            for q in queries
            if q["sql"].startswith("SELECT")
            and "LIMIT" in q["sql"]
            and '"headline"' in q["sql"]
        ]
        assert "articles_articleperson" in page and "DISTINCT" not in page


class TestArticleStatusFilter:
    def test_anonymous_draft_status_forbidden(self, client, newsroom):
        """Anonymous clients cannot ask for drafts: 403 naming status."""
        assert_refused(client.get(f"{API}/articles/?status=draft"), "status", 403)

    def test_anonymous_mixed_status_forbidden(self, client, newsroom):
        """An any-of list containing an unpublished status is refused too."""
        response = client.get(f"{API}/articles/?status=published,in_review")
        assert_refused(response, "status", 403)

    def test_anonymous_published_status_allowed(self, client, newsroom):
        """Asking anonymously for published articles is harmless and answered."""
        response = client.get(f"{API}/articles/?status=published")
        assert slugs(response) == {REFERENCE, FRENCH}

    def test_editor_sees_drafts(self, editor_client, newsroom):
        """An editor's status=draft lists the drafts, and only them."""
        response = editor_client.get(f"{API}/articles/?status=draft")
        assert slugs(response) == {DRAFT}
        assert results(response)[0]["status"] == "draft"

    def test_editor_status_excludes(self, editor_client, newsroom):
        """An editor's status filter excludes articles in other states."""
        response = editor_client.get(f"{API}/articles/?status=archived,in_review")
        assert slugs(response) == set()

    def test_editor_status_any_of(self, editor_client, newsroom):
        """An editor's status list means any of them, embargoed stories included."""
        response = editor_client.get(f"{API}/articles/?status=draft,published")
        assert slugs(response) == {REFERENCE, FRENCH, DRAFT, FUTURE}

    def test_editor_unknown_status_refused(self, editor_client, newsroom):
        """An unknown status answers 400 naming status, for editors too."""
        assert_refused(editor_client.get(f"{API}/articles/?status=gone"), "status")


# --------------------------------------------------------------------------
# quotes/ filters


class TestQuoteFilters:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("speaker=jean-dupont", ["jean-dupont"]),
            ("speaker=dmitry-rogozin", ["dmitry-rogozin"]),
            (
                "speaker=dmitry-rogozin,pyotr-dubrov",
                ["dmitry-rogozin", "pyotr-dubrov", "pyotr-dubrov"],
            ),
            ("organisation=esa", ["jean-dupont"]),
            ("organisation=china", ["zhang-hanhui"] * 8),
            ("organisation=Q148", ["zhang-hanhui"] * 8),
            ("outlet=le-monde", ["jean-dupont"]),
            ("outlet=tass", ["zhang-hanhui"] * 3),
            ("outlet=tass,le-monde", ["jean-dupont"] + ["zhang-hanhui"] * 3),
            ("article=la-bourse-de-paris", ["jean-dupont"]),
            ("kind=direct", ["jean-dupont", "zhang-hanhui"]),
            ("kind=partial", ["zhang-hanhui"] * 3),
            ("kind=direct,partial", ["jean-dupont"] + ["zhang-hanhui"] * 4),
            ("said_after=2023-01-10", ["jean-dupont"]),
            ("said_after=2023-01-11", []),
            (
                "said_before=2022-05-03",
                ["dmitry-rogozin"] + ["pyotr-dubrov"] * 2 + ["zhang-hanhui"] * 8,
            ),
            ("said_before=2022-05-02", []),
            ("q=bridge", ["jean-dupont"]),
            ("q=DUPONT", ["jean-dupont"]),
            ("q=ballistic", ["pyotr-dubrov"]),
            ("q=nothing+like+this", []),
            ("speaker=zhang-hanhui&kind=direct&outlet=tass", ["zhang-hanhui"]),
            ("organisation=russia&q=Moon", ["pyotr-dubrov"]),
            ("speaker=jean-dupont&said_before=2022-12-31", []),
        ],
    )
    def test_filter_includes_and_excludes(self, client, newsroom, query, expected):
        """Each filter keeps exactly the matching quotes, alone or combined."""
        response = client.get(f"{API}/quotes/?{query}&page_size=100")
        assert sorted(speakers(response)) == sorted(expected)
        assert response.json()["count"] == len(expected)

    def test_article_filter_lists_every_quote_of_the_article(self, client, newsroom):
        """article= keeps that article's quotes and excludes the others'."""
        response = client.get(f"{API}/quotes/?article={REFERENCE}&page_size=100")
        assert quote_ids(response) == newsroom["reference_quotes"]

    def test_article_filter_any_of(self, client, newsroom):
        """A comma list of articles means quotes in any of them."""
        response = client.get(
            f"{API}/quotes/?article={REFERENCE},{FRENCH}&page_size=100"
        )
        assert quote_ids(response) == newsroom["reference_quotes"] | {
            newsroom["bridge"].pk
        }

    def test_organisation_includes_sub_organisations(self, client, newsroom):
        """organisation=russia includes Roscosmos people's quotes."""
        response = client.get(f"{API}/quotes/?organisation=russia")
        assert sorted(speakers(response)) == [
            "dmitry-rogozin",
            "pyotr-dubrov",
            "pyotr-dubrov",
        ]
        assert {q["organisation"]["slug"] for q in results(response)} == {"roscosmos"}

    def test_sub_organisations_found_with_the_lookup(self, client, newsroom):
        """The organisations below the named one are found by the query that
        resolves the slugs, so the page (and its count) filter by a list of
        ids instead of planning a recursive subquery each."""
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{API}/quotes/?organisation=russia")
        assert len(results(response)) == 3
        lookup, page = [
            q["sql"]
            for q in queries.captured_queries
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        ]
        assert "RECURSIVE" in lookup.upper()
        assert "RECURSIVE" not in page.upper()

    def test_filterset_built_only_when_a_filter_is_given(
        self, client, newsroom, monkeypatch
    ):
        """A list given none of its filters answers without building its
        FilterSet (and its form) for nothing; given one, the FilterSet runs."""
        from articles.filters import QuoteFilter

        built = []
        original = QuoteFilter.__init__

        def spy(self, *args, **kwargs):
            built.append(True)
            original(self, *args, **kwargs)

        monkeypatch.setattr(QuoteFilter, "__init__", spy)
        everything = client.get(f"{API}/quotes/?page_size=100&ordering=said_on")
        assert everything.status_code == 200 and not built
        direct = client.get(f"{API}/quotes/?kind=direct&page_size=100")
        assert built
        assert {q["kind"] for q in results(direct)} == {"direct"}
        assert quote_ids(direct) < quote_ids(everything)

    def test_wikidata_id_resolves_like_the_slug(self, client, newsroom):
        """organisation=Q159 answers what organisation=russia answers."""
        by_id = client.get(f"{API}/quotes/?organisation=Q159")
        by_slug = client.get(f"{API}/quotes/?organisation=russia")
        assert quote_ids(by_id) == quote_ids(by_slug)
        assert len(quote_ids(by_id)) == 3

    @pytest.mark.parametrize(
        ("query", "parameter"),
        [
            ("speaker=nobody", "speaker"),
            ("speaker=zhang-hanhui,nobody", "speaker"),
            ("speaker=,", "speaker"),
            ("organisation=nowhere", "organisation"),
            ("organisation=Q999999", "organisation"),
            ("outlet=nowhere", "outlet"),
            ("article=no-such-story", "article"),
            ("kind=shouted", "kind"),
            ("kind=,", "kind"),
            ("said_after=2022-13-01", "said_after"),
            ("said_after=03/05/2022", "said_after"),
            ("said_before=2022-02-30", "said_before"),
            ("said_before=soon", "said_before"),
            ("q=%00", "q"),
        ],
    )
    def test_malformed_value_refused(self, client, newsroom, query, parameter):
        """A malformed or unknown value answers 400 naming the parameter."""
        assert_refused(client.get(f"{API}/quotes/?{query}"), parameter)

    @pytest.mark.parametrize(
        ("endpoint", "parameter"),
        [
            ("articles", "person"),
            ("articles", "organisation"),
            ("articles", "agreement"),
            ("articles", "source"),
            ("quotes", "speaker"),
            ("quotes", "organisation"),
            ("quotes", "outlet"),
            ("quotes", "article"),
        ],
    )
    def test_nul_byte_in_entity_filter_refused(
        self, client, newsroom, endpoint, parameter
    ):
        """A NUL byte in an entity filter is a 400 naming it, never a 500."""
        response = client.get(f"{API}/{endpoint}/?{parameter}=china%00")
        assert_refused(response, parameter)

    @pytest.mark.parametrize(
        ("query", "parameter"),
        [("speaker=deep-throat", "speaker"), (f"article={DRAFT}", "article")],
    )
    def test_anonymous_cannot_name_unpublished_records(
        self, client, newsroom, query, parameter
    ):
        """The public cannot probe for records only a draft names."""
        assert_refused(client.get(f"{API}/quotes/?{query}"), parameter)

    def test_editor_can_name_unpublished_records(self, editor_client, newsroom):
        """An editor filters by a draft and its unpublished speaker."""
        response = editor_client.get(
            f"{API}/quotes/?article={DRAFT}&speaker=deep-throat"
        )
        assert quote_ids(response) == {newsroom["secret"].pk}


# --------------------------------------------------------------------------
# quotes/ on the reference story


class TestReferenceQuotes:
    def test_zhang_has_eight_quotes(self, client, reference):
        """speaker=zhang-hanhui returns all 8 of his quotes, for China."""
        response = client.get(f"{API}/quotes/?speaker=zhang-hanhui")
        body = response.json()
        assert body["count"] == 8
        assert len(body["results"]) == 8
        for quote in body["results"]:
            assert_link(quote["speaker"], "people", "zhang-hanhui")
            assert_link(quote["organisation"], "organisations", "china")

    def test_direct_quote_told_tass(self, client, reference):
        """Zhang's direct quote links speaker, organisation and outlet TASS."""
        response = client.get(f"{API}/quotes/?speaker=zhang-hanhui&kind=direct")
        (quote,) = results(response)
        assert quote["text"].startswith("I am certain that the consolidation")
        assert quote["cue"] == "told"
        assert_link(quote["speaker"], "people", "zhang-hanhui")
        assert quote["speaker"]["name"] == "Zhang Hanhui"
        assert_link(quote["organisation"], "organisations", "china")
        assert_link(quote["outlet"], "organisations", "tass")
        assert quote["outlet"]["name"] == "TASS"

    def test_roscosmos_is_rogozins_warning(self, client, reference):
        """organisation=roscosmos returns Rogozin's warning."""
        response = client.get(f"{API}/quotes/?organisation=roscosmos")
        texts = {q["speaker"]["slug"]: q["text"] for q in results(response)}
        assert texts["dmitry-rogozin"].startswith("warning the US and Europe")
        assert response.json()["count"] == 3

    def test_russia_includes_roscosmos_people(self, client, reference):
        """organisation=russia includes the quotes of Roscosmos people."""
        response = client.get(f"{API}/quotes/?organisation=russia")
        assert sorted(speakers(response)) == [
            "dmitry-rogozin",
            "pyotr-dubrov",
            "pyotr-dubrov",
        ]

    def test_every_quote_is_fully_linked(self, client, reference):
        """Every quote links speaker, organisation, outlet and article in full."""
        response = client.get(f"{API}/quotes/?page_size=100")
        quotes = results(response)
        assert len(quotes) == 11
        for quote in quotes:
            assert {"id", "url", "text", "kind", "start", "end"} <= set(quote)
            assert quote["url"] == f"http://testserver{API}/quotes/{quote['id']}/"
            assert quote["kind"] in {"direct", "partial", "indirect"}
            assert quote["text"]
            assert 0 <= quote["start"] < quote["end"]
            assert_link(quote["speaker"], "people", quote["speaker"]["slug"])
            assert_link(
                quote["organisation"], "organisations", quote["organisation"]["slug"]
            )
            if quote["outlet"] is not None:
                assert_link(quote["outlet"], "organisations", "tass")
            assert quote["article"] == {
                "slug": REFERENCE,
                "headline": "China's ambassador: space cooperation with Russia "
                "will benefit the whole of humanity",
                "published_at": "2022-05-03T09:00:00Z",
                "url": f"http://testserver{API}/articles/{REFERENCE}/",
            }
        assert sum(quote["outlet"] is not None for quote in quotes) == 3

    def test_quote_detail(self, client, reference):
        """A quote's detail answers the same links as the list."""
        quote = Quote.objects.get(kind=QuoteKind.DIRECT, speaker__slug="zhang-hanhui")
        response = client.get(f"{API}/quotes/{quote.pk}/")
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == quote.pk
        assert body["text"] == quote.text
        assert (body["start"], body["end"]) == (quote.start, quote.end)
        assert_link(body["outlet"], "organisations", "tass")
        assert body["article"]["slug"] == REFERENCE


# --------------------------------------------------------------------------
# Pagination and ordering


class TestPagination:
    def test_count_next_previous_results(self, client, corpus):
        """A middle page carries count, next, previous and its results."""
        response = client.get(f"{API}/quotes/?page=2&page_size=10")
        body = response.json()
        assert response.status_code == 200
        assert list(body) == ["count", "next", "previous", "results", "count_exact"]
        assert body["count"] == 71
        assert body["count_exact"] is True
        assert len(body["results"]) == 10
        assert "page=3" in body["next"] and "page_size=10" in body["next"]
        assert "page_size=10" in body["previous"] and "page=2" not in body["previous"]

    def test_last_page_has_no_next(self, client, corpus):
        """The last page answers the remainder and next null."""
        body = client.get(f"{API}/articles/?page=4&page_size=10").json()
        assert body["count"] == 31
        assert len(body["results"]) == 1
        assert body["next"] is None
        assert body["previous"].endswith("page=3&page_size=10")

    def test_default_page_size_is_20(self, client, corpus):
        """Without page_size a page holds 20."""
        body = client.get(f"{API}/quotes/").json()
        assert len(body["results"]) == 20
        assert body["count"] == 71

    def test_page_size_100_allowed(self, client, corpus):
        """page_size=100, the maximum, is honoured."""
        assert len(client.get(f"{API}/quotes/?page_size=100").json()["results"]) == 71

    @pytest.mark.parametrize("endpoint", ["articles", "quotes"])
    @pytest.mark.parametrize("size", ["101", "0", "-1", "abc", "1.5"])
    def test_bad_page_size_refused(self, client, corpus, endpoint, size):
        """page_size over 100, zero, negative or not a number is a 400."""
        response = client.get(f"{API}/{endpoint}/?page_size={size}")
        assert_refused(response, "page_size")

    def test_page_past_the_end(self, client, corpus):
        """A page past the end is a 404 with a JSON detail, not a 500."""
        response = client.get(f"{API}/quotes/?page=99")
        assert response.status_code == 404
        assert "detail" in response.json()

    def test_walking_pages_visits_every_quote_once(self, client, corpus):
        """Ordering on a column full of ties pages through every quote once."""
        seen = []
        for page in range(1, 9):
            response = client.get(
                f"{API}/quotes/?ordering=said_on&page_size=10&page={page}"
            )
            seen += [quote["id"] for quote in results(response)]
        assert len(seen) == len(set(seen)) == 71


class TestOrdering:
    def test_quotes_by_said_on(self, client, corpus):
        """ordering=said_on sorts quotes oldest first."""
        dates = [
            q["said_on"]
            for q in results(
                client.get(f"{API}/quotes/?ordering=said_on&page_size=100")
            )
        ]
        assert dates == sorted(dates)
        assert dates[0] == "2022-05-03"

    def test_quotes_by_said_on_descending(self, client, corpus):
        """ordering=-said_on sorts quotes newest first, as by default."""
        dates = [
            q["said_on"]
            for q in results(
                client.get(f"{API}/quotes/?ordering=-said_on&page_size=100")
            )
        ]
        assert dates == sorted(dates, reverse=True)
        assert dates[0] == "2024-01-03"

    def test_articles_by_published_at(self, client, corpus):
        """ordering=-published_at is newest first, published_at oldest first."""
        newest = results(client.get(f"{API}/articles/?ordering=-published_at"))
        oldest = results(client.get(f"{API}/articles/?ordering=published_at"))
        assert newest[0]["headline"] == "Corpus story 29"
        assert oldest[0]["slug"] == REFERENCE
        times = [a["published_at"] for a in newest]
        assert times == sorted(times, reverse=True)

    def test_articles_by_headline(self, client, corpus):
        """ordering=headline sorts articles by headline."""
        headlines = [
            a["headline"]
            for a in results(
                client.get(f"{API}/articles/?ordering=headline&page_size=100")
            )
        ]
        assert headlines == sorted(headlines)

    @pytest.mark.parametrize("endpoint", ["articles", "quotes"])
    @pytest.mark.parametrize("ordering", ["bogus", "-bogus", "said_on,bogus", ","])
    def test_unknown_ordering_refused(self, client, corpus, endpoint, ordering):
        """An unknown ordering answers 400 naming ordering."""
        response = client.get(f"{API}/{endpoint}/?ordering={ordering}")
        assert_refused(response, "ordering")


# --------------------------------------------------------------------------
# Query counts


class TestQueryCounts:
    """The number of queries does not grow with the page size. Counts were
    measured for an anonymous client, then fixed here; they include the
    savepoint and its release that wrap every request (ATOMIC_REQUESTS)."""

    @staticmethod
    def assert_constant(client, assert_num_queries, url, queries, total):
        """``url`` costs exactly ``queries`` with a page of 1 and of 100,
        and the pages really differ in size."""
        sizes = []
        for size in (1, 100):
            with assert_num_queries(queries):
                response = client.get(f"{url}&page_size={size}")
            sizes.append(len(results(response)))
            assert response.json()["count"] == total
        assert sizes == [1, min(total, 100)]
        assert sizes[1] > 10
        return response.json()

    def test_articles_list(self, client, corpus, django_assert_num_queries):
        """articles/: the page with its count, then every byline and
        mention of the page in one query."""
        self.assert_constant(
            client, django_assert_num_queries, f"{API}/articles/?", 4, 31
        )

    def test_articles_list_filtered_and_faceted(
        self, client, corpus, django_assert_num_queries
    ):
        """articles/ with entity filters and facets: one query resolves every
        entity filter, then one per facet."""
        body = self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/articles/?organisation=government,ministry-1&source=outlet-0"
            "&facets=person,organisation,source,language",
            9,
            15,
        )
        assert body["facets"]["source"] == [
            {"slug": "outlet-0", "name": "Outlet 0", "count": 15}
        ]

    def test_quotes_list(self, client, corpus, django_assert_num_queries):
        """quotes/: the page, which carries its count."""
        self.assert_constant(
            client, django_assert_num_queries, f"{API}/quotes/?", 3, 71
        )

    def test_quotes_list_expanded(self, client, corpus, django_assert_num_queries):
        """quotes/ with every expansion: a query more per list of aliases."""
        body = self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/quotes/?expand=speaker,organisation,outlet,article",
            6,
            71,
        )
        quote = body["results"][0]
        assert len(quote["speaker"]["aliases"]) == 2
        assert quote["organisation"]["parent"]["slug"] == "government"
        assert quote["outlet"]["parent"]["slug"] == "media-group"
        assert quote["article"]["source"]["slug"].startswith("outlet-")

    def test_quotes_list_expand_speaker_alone(
        self, client, corpus, django_assert_num_queries
    ):
        """expand=speaker alone keeps organisation and outlet joined (no N+1)."""
        body = self.assert_constant(
            client, django_assert_num_queries, f"{API}/quotes/?expand=speaker", 4, 71
        )
        quote = body["results"][0]
        assert set(quote["organisation"]) == set(quote["outlet"]) == LINK_KEYS

    def test_entity_filters_resolved_together(
        self, client, corpus, django_assert_num_queries
    ):
        """One entity filter or three: a single query resolves what they
        name, then the page with its count."""
        speakers = ",".join(person.slug for person in corpus["people"][:5])
        one = f"{API}/quotes/?outlet=outlet-0,outlet-1"
        three = f"{one}&speaker={speakers}&organisation=government"
        for url in (one, three):
            with django_assert_num_queries(4):
                response = client.get(url)
            assert response.status_code == 200, response.content
        narrowed = response.json()["results"]
        assert narrowed
        assert {quote["speaker"]["slug"] for quote in narrowed} <= set(
            speakers.split(",")
        )

    def test_unknown_names_refused_under_each_parameter(self, client, corpus):
        """Resolved together, refused apart: each unknown slug is reported
        under the parameter that named it, and the known ones are not."""
        response = client.get(
            f"{API}/quotes/?speaker=nobody-at-all&organisation=government"
            "&outlet=outlet-0,no-such-outlet"
        )
        assert response.status_code == 400, response.content
        body = response.json()
        assert set(body) == {"speaker", "outlet"}
        assert "nobody-at-all" in body["speaker"][0]
        assert "no-such-outlet" in body["outlet"][0]
        assert "outlet-0" not in body["outlet"][0]

    def test_quotes_list_faceted(self, client, corpus, django_assert_num_queries):
        """quotes/ with every facet: one query per facet."""
        body = self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/quotes/?facets=speaker,organisation,outlet,kind",
            7,
            71,
        )
        assert set(body["facets"]) == {"speaker", "organisation", "outlet", "kind"}

    def test_quotes_list_filtered_expanded_faceted(
        self, client, corpus, django_assert_num_queries
    ):
        """quotes/ with filters, every expansion and every facet at once."""
        self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/quotes/?outlet=outlet-0,outlet-1&kind=direct"
            "&expand=speaker,organisation,outlet,article"
            "&facets=speaker,organisation,outlet,kind",
            11,
            60,
        )

    def test_person_quotes(self, client, corpus, django_assert_num_queries):
        """people/<slug>/quotes/: the person, then the page with its count."""
        slug = corpus["people"][0].slug
        self.assert_constant(
            client, django_assert_num_queries, f"{API}/people/{slug}/quotes/?", 4, 15
        )

    def test_person_quotes_expanded_and_faceted(
        self, client, corpus, django_assert_num_queries
    ):
        """people/<slug>/quotes/ with every expansion and facet."""
        slug = corpus["people"][0].slug
        self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/people/{slug}/quotes/?expand=speaker,organisation,outlet,article"
            "&facets=speaker,organisation,outlet,kind",
            11,
            15,
        )

    def test_organisation_quotes(self, client, corpus, django_assert_num_queries):
        """organisations/<slug>/quotes/: the sub-organisations are a
        recursive subquery of the list's own queries, however deep."""
        self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/organisations/government/quotes/?",
            4,
            60,
        )

    def test_organisation_quotes_expanded_and_faceted(
        self, client, corpus, django_assert_num_queries
    ):
        """organisations/<slug>/quotes/ with every expansion and facet."""
        self.assert_constant(
            client,
            django_assert_num_queries,
            f"{API}/organisations/government/quotes/"
            "?expand=speaker,organisation,outlet,article"
            "&facets=speaker,organisation,outlet,kind",
            11,
            60,
        )


# --------------------------------------------------------------------------
# facets, fields, expand


class TestFacets:
    def test_quote_facets_respect_filters(self, client, newsroom):
        """facets=speaker,kind counts only the quotes the other filters keep."""
        body = client.get(
            f"{API}/quotes/?organisation=russia&facets=speaker,kind"
        ).json()
        assert body["count"] == 3
        assert body["facets"] == {
            "speaker": [
                {"slug": "pyotr-dubrov", "name": "Pyotr Dubrov", "count": 2},
                {"slug": "dmitry-rogozin", "name": "Dmitry Rogozin", "count": 1},
            ],
            "kind": [{"value": "indirect", "count": 3}],
        }

    def test_quote_facets_count_everything_not_the_page(self, client, newsroom):
        """Facets count all public matches, not the page nor unpublished quotes."""
        body = client.get(
            f"{API}/quotes/?page_size=1&facets=speaker,organisation,outlet,kind"
        ).json()
        assert len(body["results"]) == 1
        assert body["count"] == 12
        assert body["facets"] == {
            "speaker": [
                {"slug": "zhang-hanhui", "name": "Zhang Hanhui", "count": 8},
                {"slug": "pyotr-dubrov", "name": "Pyotr Dubrov", "count": 2},
                {"slug": "dmitry-rogozin", "name": "Dmitry Rogozin", "count": 1},
                {"slug": "jean-dupont", "name": "Jean Dupont", "count": 1},
            ],
            "organisation": [
                {"slug": "china", "name": "China", "count": 8},
                {"slug": "roscosmos", "name": "Roscosmos", "count": 3},
                {"slug": "esa", "name": "European Space Agency", "count": 1},
            ],
            "outlet": [
                {"slug": "tass", "name": "TASS", "count": 3},
                {"slug": "le-monde", "name": "Le Monde", "count": 1},
            ],
            "kind": [
                {"value": "indirect", "count": 7},
                {"value": "partial", "count": 3},
                {"value": "direct", "count": 2},
            ],
        }

    def test_no_facets_unless_asked(self, client, newsroom):
        """Without facets= the list carries no facets key."""
        assert "facets" not in client.get(f"{API}/quotes/").json()

    @pytest.mark.parametrize("value", ["mood", "speaker,mood", ",", "text"])
    def test_unknown_facet_refused(self, client, newsroom, value):
        """An unknown facet answers 400 naming facets."""
        assert_refused(client.get(f"{API}/quotes/?facets={value}"), "facets")

    def test_article_facets(self, client, newsroom):
        """Article facets count the published articles the filters keep."""
        body = client.get(
            f"{API}/articles/?facets=person,source,language&q=bridge"
        ).json()
        assert body["count"] == 1
        assert body["facets"] == {
            "person": [{"slug": "jean-dupont", "name": "Jean Dupont", "count": 1}],
            "source": [{"slug": "tass", "name": "TASS", "count": 1}],
            "language": [{"value": "fr", "count": 1}],
        }

    def test_article_agreement_facet(self, client, newsroom):
        """facets=agreement counts articles per agreement, by title."""
        body = client.get(f"{API}/articles/?facets=agreement").json()
        assert body["facets"]["agreement"] == [
            {
                "slug": "iss-partnership",
                "name": "International Space Station partnership",
                "count": 1,
            },
            {
                "slug": "sino-russian-moon-and-deep-space-agreement",
                "name": "Sino-Russian agreement on the Moon and deep space",
                "count": 1,
            },
        ]

    def test_status_facet_is_for_editors(self, anonymous, editor_client, newsroom):
        """The status facet is refused anonymously and counts states for editors."""
        assert_refused(anonymous.get(f"{API}/articles/?facets=status"), "facets")
        body = editor_client.get(f"{API}/articles/?facets=status").json()
        assert body["facets"]["status"] == [
            {"value": "published", "count": 3},
            {"value": "draft", "count": 1},
        ]


class TestSparseFields:
    def test_fields_limits_the_keys(self, client, reference):
        """fields=id,text returns only those keys."""
        quotes = results(client.get(f"{API}/quotes/?fields=id,text"))
        assert len(quotes) == 11
        assert all(set(quote) == {"id", "text"} for quote in quotes)

    def test_fields_on_articles(self, client, reference):
        """fields= works on the article list too."""
        (article,) = results(client.get(f"{API}/articles/?fields=slug,quote_count"))
        assert article == {"slug": REFERENCE, "quote_count": 11}

    def test_fields_on_article_detail(self, client, reference):
        """fields= works on an article's detail, including its body."""
        response = client.get(f"{API}/articles/{REFERENCE}/?fields=slug,body")
        assert set(response.json()) == {"slug", "body"}
        assert response.json()["body"].startswith("Russia’s space cooperation")

    @pytest.mark.parametrize("value", ["id,colour", "colour", ","])
    def test_unknown_field_refused(self, client, reference, value):
        """An unknown field answers 400 naming fields."""
        assert_refused(client.get(f"{API}/quotes/?fields={value}"), "fields")

    def test_unknown_article_field_refused(self, client, reference):
        """body is a detail field: asking for it on the list is a 400."""
        assert_refused(client.get(f"{API}/articles/?fields=body"), "fields")


class TestExpansion:
    def test_expand_speaker_gives_the_person(self, client, newsroom):
        """expand=speaker gives the full person (aliases, description)."""
        response = client.get(f"{API}/quotes/?speaker=zhang-hanhui&expand=speaker")
        speaker = results(response)[0]["speaker"]
        assert speaker["slug"] == "zhang-hanhui"
        assert speaker["aliases"] == ["Hanhui"]
        assert speaker["description"] == "China's ambassador to Russia"
        assert speaker["quotes_url"].endswith("/people/zhang-hanhui/quotes/")
        assert set(results(response)[0]["organisation"]) == LINK_KEYS

    def test_expand_everything(self, client, newsroom):
        """expand= swaps organisation, outlet and article for full objects."""
        response = client.get(
            f"{API}/quotes/?speaker=zhang-hanhui&kind=direct"
            "&expand=organisation,outlet,article"
        )
        (quote,) = results(response)
        assert quote["organisation"]["wikidata_id"] == "Q148"
        assert "People's Republic of China" in quote["organisation"]["aliases"]
        assert quote["outlet"]["kind"] == "news_agency"
        assert quote["article"]["standfirst"].startswith("Zhang Hanhui tells TASS")
        assert set(quote["speaker"]) == LINK_KEYS

    def test_expand_with_fields(self, client, newsroom):
        """fields= and expand= combine."""
        response = client.get(
            f"{API}/quotes/?speaker=dmitry-rogozin&fields=id,organisation"
            "&expand=organisation"
        )
        (quote,) = results(response)
        assert set(quote) == {"id", "organisation"}
        assert quote["organisation"]["parent"]["slug"] == "russia"

    def test_expand_organisation_without_country(self, client, newsroom):
        """An expanded organisation with no country answers an empty code."""
        response = client.get(
            f"{API}/quotes/?speaker=jean-dupont&expand=organisation,outlet"
        )
        (quote,) = results(response)
        assert quote["organisation"]["slug"] == "esa"
        assert quote["organisation"]["country"] == ""
        assert quote["outlet"]["country"] == "FR"

    @pytest.mark.parametrize("value", ["mood", "speaker,mood", "text", ","])
    def test_unknown_expansion_refused(self, client, newsroom, value):
        """An unknown expansion answers 400 naming expand."""
        assert_refused(client.get(f"{API}/quotes/?expand={value}"), "expand")


# --------------------------------------------------------------------------
# Article detail and JSON-LD


class TestArticleDetail:
    def test_body_and_quotes_in_body_order(self, client, reference):
        """The detail has the body and every quote in body order, located in it."""
        response = client.get(f"{API}/articles/{REFERENCE}/")
        assert response.status_code == 200
        article = response.json()
        body = article["body"]
        assert body.startswith("Russia’s space cooperation with China")
        quotes = article["quotes"]
        assert len(quotes) == article["quote_count"] == 11
        starts = [quote["start"] for quote in quotes]
        assert starts == sorted(starts)
        for quote in quotes:
            assert body[quote["start"] : quote["end"]] == quote["text"]
            assert set(quote["speaker"]) == LINK_KEYS
            assert quote["article"]["slug"] == REFERENCE
        assert [q["speaker"]["slug"] for q in quotes[-2:]] == ["pyotr-dubrov"] * 2

    def test_mentions_with_about_flags(self, client, reference):
        """The detail lists its people, organisations, agreements with about."""
        article = client.get(f"{API}/articles/{REFERENCE}/").json()
        people = {m["person"]["slug"]: m["about"] for m in article["people"]}
        organisations = {
            m["organisation"]["slug"]: m["about"] for m in article["organisations"]
        }
        agreements = {m["agreement"]["slug"]: m["about"] for m in article["agreements"]}
        assert people == {
            "zhang-hanhui": True,
            "dmitry-rogozin": False,
            "pyotr-dubrov": False,
        }
        assert organisations == {
            "china": True,
            "russia": True,
            "tass": False,
            "roscosmos": False,
            "united-states": False,
            "europe": False,
        }
        assert agreements == {
            "sino-russian-moon-and-deep-space-agreement": True,
            "iss-partnership": False,
        }
        assert_link(article["people"][0]["person"], "people", "zhang-hanhui")
        agreement = article["agreements"][0]["agreement"]
        assert set(agreement) == {"id", "slug", "title", "url"}

    def test_links(self, client, reference):
        """The detail links to itself, its JSON-LD and its quotes."""
        article = client.get(f"{API}/articles/{REFERENCE}/").json()
        base = f"http://testserver{API}"
        assert article["url"] == f"{base}/articles/{REFERENCE}/"
        assert article["jsonld_url"] == f"{base}/articles/{REFERENCE}/?format=jsonld"
        assert article["quotes_url"] == f"{base}/quotes/?article={REFERENCE}"

    def test_unknown_article_is_404(self, client, reference):
        """An unknown slug is a JSON 404."""
        response = client.get(f"{API}/articles/no-such-story/")
        assert response.status_code == 404
        assert "detail" in response.json()


class TestArticleJSONLD:
    @pytest.fixture(params=["accept", "format"])
    def jsonld(self, request, client, newsroom):
        if request.param == "accept":
            response = client.get(
                f"{API}/articles/{REFERENCE}/", HTTP_ACCEPT="application/ld+json"
            )
        else:
            response = client.get(f"{API}/articles/{REFERENCE}/?format=jsonld")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/ld+json"
        return response.json()

    def test_news_article(self, jsonld):
        """The article is a schema.org NewsArticle with its text and date."""
        assert jsonld["@context"] == "https://schema.org"
        assert jsonld["@type"] == "NewsArticle"
        page = f"http://testserver/stories/{REFERENCE}/"
        assert jsonld["@id"] == f"{page}#article"
        assert jsonld["url"] == page
        assert jsonld["mainEntityOfPage"] == {"@type": "WebPage", "@id": page}
        assert jsonld["identifier"] == f"http://testserver{API}/articles/{REFERENCE}/"
        assert jsonld["headline"].startswith("China's ambassador")
        assert jsonld["articleBody"].startswith("Russia’s space cooperation")
        assert jsonld["datePublished"] == "2022-05-03T09:00:00+00:00"
        assert jsonld["inLanguage"] == "en"

    def test_quotations_spoken_by_affiliated_people(self, jsonld):
        """hasPart: Quotations spoken by Persons affiliated to the Organization."""
        parts = jsonld["hasPart"]
        assert len(parts) == 11
        assert all(part["@type"] == "Quotation" for part in parts)
        affiliations = {}
        for part in parts:
            speaker = part["spokenByCharacter"]
            assert speaker["@type"] == "Person"
            assert speaker["affiliation"]["@type"] == "Organization"
            affiliations[speaker["name"]] = speaker["affiliation"]["name"]
            assert part["isPartOf"] == {"@id": jsonld["@id"]}
        assert affiliations == {
            "Zhang Hanhui": "China",
            "Dmitry Rogozin": "Roscosmos",
            "Pyotr Dubrov": "Roscosmos",
        }
        in_body_order = Quote.objects.filter(article__slug=REFERENCE).order_by("start")
        assert [part["text"] for part in parts] == [q.text for q in in_body_order]
        china = parts[0]["spokenByCharacter"]["affiliation"]
        assert china["sameAs"] == "https://www.wikidata.org/wiki/Q148"

    def test_about_and_mentions(self, jsonld):
        """about and mentions split people, organisations, agreements by about."""

        def named(nodes):
            return {(node["@type"], node["name"]) for node in nodes}

        assert named(jsonld["about"]) == {
            ("Person", "Zhang Hanhui"),
            ("Organization", "China"),
            ("Organization", "Russia"),
            ("CreativeWork", "Sino-Russian agreement on the Moon and deep space"),
        }
        assert named(jsonld["mentions"]) == {
            ("Person", "Dmitry Rogozin"),
            ("Person", "Pyotr Dubrov"),
            ("Organization", "TASS"),
            ("Organization", "Roscosmos"),
            ("Organization", "United States"),
            ("Organization", "Europe"),
            ("CreativeWork", "International Space Station partnership"),
        }

    def test_plain_json_by_default(self, client, newsroom):
        """Without asking for JSON-LD the detail is plain JSON."""
        response = client.get(f"{API}/articles/{REFERENCE}/")
        assert response["Content-Type"] == "application/json"
        assert "@type" not in response.json()

    def test_jsonld_of_unpublished_article_is_404(self, client, newsroom):
        """A draft's JSON-LD is as hidden as its JSON."""
        response = client.get(f"{API}/articles/{DRAFT}/?format=jsonld")
        assert response.status_code == 404


# --------------------------------------------------------------------------
# Nested quote lists


class TestNestedQuotes:
    def test_person_quotes(self, client, newsroom):
        """people/<slug>/quotes/ lists that person's public quotes only."""
        response = client.get(f"{API}/people/pyotr-dubrov/quotes/")
        assert speakers(response) == ["pyotr-dubrov"] * 2
        assert newsroom["embargoed"].pk not in quote_ids(response)

    def test_person_quotes_excludes_others(self, client, newsroom):
        """Another person's quotes are not in the list."""
        response = client.get(f"{API}/people/dmitry-rogozin/quotes/")
        (quote,) = results(response)
        assert quote["text"].startswith("warning the US and Europe")

    def test_person_quotes_filter(self, client, newsroom):
        """The nested list takes the quote filters."""
        response = client.get(f"{API}/people/zhang-hanhui/quotes/?kind=partial")
        assert [q["text"] for q in results(response)] == [
            "major space power",
            "vast and fruitful cooperation",
            "comprehensive partnership and strategic interaction",
        ]
        assert response.json()["count"] == 3

    def test_person_quotes_bad_filter(self, client, newsroom):
        """A malformed filter on the nested list answers 400 naming it."""
        response = client.get(f"{API}/people/zhang-hanhui/quotes/?kind=loud")
        assert_refused(response, "kind")

    def test_organisation_quotes_include_sub_organisations(self, client, newsroom):
        """organisations/russia/quotes/ includes Roscosmos people's quotes."""
        response = client.get(f"{API}/organisations/russia/quotes/")
        assert sorted(speakers(response)) == [
            "dmitry-rogozin",
            "pyotr-dubrov",
            "pyotr-dubrov",
        ]

    def test_organisation_quotes_excludes_others(self, client, newsroom):
        """organisations/esa/quotes/ holds ESA's quote alone."""
        response = client.get(f"{API}/organisations/esa/quotes/")
        assert quote_ids(response) == {newsroom["bridge"].pk}

    def test_organisation_quotes_faceted(self, client, newsroom):
        """Facets on the nested list count within it."""
        body = client.get(f"{API}/organisations/china/quotes/?facets=kind").json()
        assert body["count"] == 8
        assert body["facets"]["kind"] == [
            {"value": "indirect", "count": 4},
            {"value": "partial", "count": 3},
            {"value": "direct", "count": 1},
        ]

    @pytest.mark.parametrize(
        "path", ["people/nobody/quotes/", "organisations/nowhere/quotes/"]
    )
    def test_unknown_owner_is_404(self, client, newsroom, path):
        """An unknown person or organisation is a JSON 404."""
        response = client.get(f"{API}/{path}")
        assert response.status_code == 404
        assert "detail" in response.json()

    def test_unpublished_person_hidden(self, anonymous, editor_client, newsroom):
        """A person only a draft quotes is 404 anonymously, listed for editors."""
        assert anonymous.get(f"{API}/people/deep-throat/quotes/").status_code == 404
        response = editor_client.get(f"{API}/people/deep-throat/quotes/")
        assert quote_ids(response) == {newsroom["secret"].pk}


# --------------------------------------------------------------------------
# Visibility of drafts and embargoed stories


class TestVisibility:
    def test_list_hides_unpublished(self, client, newsroom):
        """Anonymous article lists hold neither drafts nor future stories."""
        assert slugs(client.get(f"{API}/articles/")) == {REFERENCE, FRENCH}

    def test_editor_list_shows_everything(self, editor_client, newsroom):
        """Editors list drafts and future stories too."""
        response = editor_client.get(f"{API}/articles/")
        assert slugs(response) == {REFERENCE, FRENCH, DRAFT, FUTURE}

    @pytest.mark.parametrize("slug", [DRAFT, FUTURE])
    def test_detail_hidden(self, anonymous, editor_client, newsroom, slug):
        """An unpublished story's detail is 404 anonymously, 200 for editors."""
        assert anonymous.get(f"{API}/articles/{slug}/").status_code == 404
        response = editor_client.get(f"{API}/articles/{slug}/")
        assert response.status_code == 200
        assert response.json()["slug"] == slug
        assert len(response.json()["quotes"]) == 1

    def test_quotes_list_hides_unpublished(self, client, newsroom):
        """Anonymous quote lists hold no quote of a draft or future story."""
        ids = quote_ids(client.get(f"{API}/quotes/?page_size=100"))
        assert ids == newsroom["reference_quotes"] | {newsroom["bridge"].pk}

    def test_quotes_filtered_by_speaker_hide_unpublished(self, client, newsroom):
        """Dubrov's embargoed quote is not among his public quotes."""
        ids = quote_ids(client.get(f"{API}/quotes/?speaker=pyotr-dubrov"))
        assert len(ids) == 2
        assert newsroom["embargoed"].pk not in ids

    def test_editor_quotes_list_shows_everything(self, editor_client, newsroom):
        """Editors list every quote, drafts and future stories included."""
        ids = quote_ids(editor_client.get(f"{API}/quotes/?page_size=100"))
        assert ids == newsroom["reference_quotes"] | {
            newsroom["bridge"].pk,
            newsroom["secret"].pk,
            newsroom["embargoed"].pk,
        }

    @pytest.mark.parametrize("name", ["secret", "embargoed"])
    def test_quote_detail_hidden(self, anonymous, editor_client, newsroom, name):
        """An unpublished story's quote is 404 anonymously, 200 for editors."""
        quote = newsroom[name]
        assert anonymous.get(f"{API}/quotes/{quote.pk}/").status_code == 404
        response = editor_client.get(f"{API}/quotes/{quote.pk}/")
        assert response.status_code == 200
        assert response.json()["text"] == quote.text

    def test_facets_hide_unpublished(self, client, newsroom):
        """Facet counts do not leak unpublished quotes."""
        body = client.get(f"{API}/quotes/?facets=speaker&speaker=pyotr-dubrov").json()
        assert body["facets"]["speaker"] == [
            {"slug": "pyotr-dubrov", "name": "Pyotr Dubrov", "count": 2}
        ]

    def test_publication_time_reached(self, client, newsroom):
        """A future story appears once its publication time has come."""
        article = Article.objects.get(slug=FUTURE)
        article.published_at = timezone.now() - datetime.timedelta(minutes=1)
        article_services.article_save(article=article)
        assert client.get(f"{API}/articles/{FUTURE}/").status_code == 200
        assert newsroom["embargoed"].pk in quote_ids(
            client.get(f"{API}/quotes/?speaker=pyotr-dubrov")
        )
