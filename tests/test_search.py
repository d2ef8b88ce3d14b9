"""Full-text search (``newsdesk/fulltext.py``) through the API, on whichever
database the suite runs: ``search/`` finds by word, phrase, alias and
misspelt name, ranks a headline above a body, never shows drafts, and
answers the same shape on SQLite and PostgreSQL; every ``q=`` filter uses
the same search; the index follows every edit."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles import selectors
from articles import services as article_services
from articles.models import Article, ArticleStatus, Quote
from entities.models import Person, PersonAlias
from newsdesk import fulltext
from newsdesk.core import compiled
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"
HIT_KEYS = ["type", "id", "slug", "title", "snippet", "score", "url"]


def search(client, q: str, **params) -> list[dict]:
    response = client.get(f"{API}/search/", {"q": q, **params})
    assert response.status_code == 200, response.content
    body = response.json()
    assert list(body) == ["count", "next", "previous", "results", "count_exact"]
    return body["results"]


def found(client, q: str) -> set[tuple[str, str]]:
    return {(hit["type"], hit["slug"] or hit["title"]) for hit in search(client, q)}


def listed(client, resource: str, q: str) -> list[dict]:
    response = client.get(f"{API}/{resource}/", {"q": q, "page_size": 100})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def publish(headline: str, body: str, standfirst: str = "", **fields) -> Article:
    return ArticleFactory(
        headline=headline,
        standfirst=standfirst,
        body=body,
        status=ArticleStatus.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
        **fields,
    )


class TestSearchFinds:
    def test_by_word(self, client, seed):
        """A word of the body finds the story; a word of a quote finds it."""
        assert ("article", SEED_ARTICLE) in found(client, "Shenzhou")
        quotes = [hit for hit in search(client, "humanity") if hit["type"] == "quote"]
        assert quotes and all(hit["title"] == "Zhang Hanhui" for hit in quotes)

    def test_by_stemmed_word(self, client, seed):
        """ "benefits" finds "benefit": words are matched by their stem."""
        quotes = [hit for hit in search(client, "benefits") if hit["type"] == "quote"]
        assert any("benefit" in hit["snippet"] for hit in quotes)

    def test_by_phrase(self, client, seed):
        """A quoted phrase must occur as written; its words apart do not."""
        hits = search(client, '"whole of humanity"')
        assert {hit["type"] for hit in hits} >= {"quote"}
        assert not [
            hit for hit in search(client, '"humanity whole"') if hit["type"] == "quote"
        ]

    def test_by_alias(self, client, seed):
        """An alias finds its person or organisation, ranked first."""
        assert search(client, "Hanhui")[0]["slug"] == "zhang-hanhui"
        assert ("organisation", "tass") in found(client, "ITAR-TASS")

    @pytest.mark.parametrize(
        ("misspelt", "slug"), [("Rogozn", "dmitry-rogozin"), ("Hanhiu", "zhang-hanhui")]
    )
    def test_by_misspelt_name(self, client, seed, misspelt, slug):
        """A misspelt name still finds the person, and only the right one."""
        people = [hit for hit in search(client, misspelt) if hit["type"] == "person"]
        assert [hit["slug"] for hit in people] == [slug]
        assert [p["slug"] for p in listed(client, "people", misspelt)] == [slug]

    def test_misspelling_needs_every_word(self, client, seed):
        """Each word asked for must be like a word of the name: "space
        agency" finds Roscosmos (by its alias), not the news agency TASS."""
        orgs = {o["slug"] for o in listed(client, "organisations", "space agency")}
        assert orgs == {"roscosmos"}

    def test_nothing_for_nonsense(self, client, seed):
        assert search(client, "xylophonic quasar") == []


class TestRanking:
    def test_headline_match_above_body_match(self, client, db):
        body_hit = publish("Markets steady", "Talks on the glacier treaty continued.")
        headline_hit = publish("Glacier treaty signed", "The text was agreed late.")
        standfirst_hit = publish(
            "Ministers meet", "They met.", standfirst="A glacier treaty is near."
        )
        articles = [
            hit["slug"] for hit in search(client, "glacier") if hit["type"] == "article"
        ]
        assert articles == [headline_hit.slug, standfirst_hit.slug, body_hit.slug]
        scores = [hit["score"] for hit in search(client, "glacier")]
        assert scores == sorted(scores, reverse=True)


class TestVisibility:
    def test_never_returns_drafts_or_scheduled(self, editor, db):
        """Anonymous clients never find a draft, a story in review or a
        scheduled one, nor their quotes; editors do."""
        public = publish("Aurora public", "The aurora glowed.")
        hidden = []
        for status, when in [
            (ArticleStatus.DRAFT, None),
            (ArticleStatus.IN_REVIEW, None),
            (ArticleStatus.PUBLISHED, timezone.now() + datetime.timedelta(days=2)),
        ]:
            hidden.append(
                ArticleFactory(
                    headline=f"Aurora {status}",
                    body="The aurora glowed again.",
                    status=status,
                    published_at=when,
                )
            )
        client, editor_client = Client(), Client()
        editor_client.force_login(editor)
        anonymous = {
            slug for kind, slug in found(client, "aurora") if kind == "article"
        }
        assert anonymous == {public.slug}
        assert {a["slug"] for a in listed(client, "articles", "aurora")} == {
            public.slug
        }
        staff = {
            slug for kind, slug in found(editor_client, "aurora") if kind == "article"
        }
        assert staff == {public.slug, *(article.slug for article in hidden)}

    def test_draft_quotes_not_found(self, client, seed):
        speaker = Person.objects.get(slug="zhang-hanhui")
        draft = ArticleFactory(
            headline="Unreleased",
            body="“Nebulous plans remain,” he said.",
            status=ArticleStatus.DRAFT,
            published_at=None,
        )
        article_services.quote_create(
            article=draft, speaker=speaker, text="Nebulous plans remain", kind="direct"
        )
        assert search(client, "nebulous") == []
        assert listed(client, "quotes", "nebulous") == []


class TestSameShape:
    def test_hits_have_the_same_keys_and_types_on_every_database(self, client, seed):
        """Every hit, whatever its type, answers the same keys with the same
        types on SQLite and PostgreSQL."""
        hits = search(client, "Russia")
        assert {hit["type"] for hit in hits} >= {"organisation", "article", "quote"}
        for hit in hits:
            assert list(hit) == HIT_KEYS
            assert isinstance(hit["id"], int)
            assert isinstance(hit["score"], float) and 0 < hit["score"] <= 1
            assert isinstance(hit["snippet"], str)
            assert hit["url"].startswith("http://testserver/api/v1/")

    def test_snippet_highlights_and_escapes(self, client, db):
        """Snippets are escaped HTML with the words found in <mark>."""
        publish("Scripts", "Beware <script>alert(1)</script> of the comet tonight.")
        [hit] = [h for h in search(client, "comet") if h["type"] == "article"]
        assert "<mark>comet</mark>" in hit["snippet"]
        assert "<script>" not in hit["snippet"]
        assert "&lt;script&gt;" in hit["snippet"]

    @pytest.mark.parametrize("q", ['""', "--", "OR OR", '"', "a" * 500, "(*)"])
    def test_odd_input_is_not_an_error(self, client, seed, q):
        """Punctuation, bare operators and long input search, never a 500."""
        assert client.get(f"{API}/search/", {"q": q}).status_code in (200, 400)
        assert client.get(f"{API}/quotes/", {"q": q}).status_code == 200
        assert client.get(f"{API}/articles/", {"q": q}).status_code == 200


class TestSearchCost:
    # A request's own statements: its transaction's savepoint and release.
    TRANSACTION = 2

    @pytest.mark.parametrize(
        "q, queries, types",
        [
            # No name matches: the names, then agreements, stories and quotes.
            ("humanity", 2, {"quote", "article"}),
            # A name matches: its aliases too, for its score.
            ("Hanhui", 3, {"person", "article"}),
            ("Roscosmos", 3, {"organisation", "article"}),
        ],
    )
    def test_search_costs_two_queries_three_with_names(
        self, client, seed, django_assert_num_queries, q, queries, types
    ):
        """search/ reads each registry's names in one query, all their
        aliases in one more, and the agreements, stories and quotes in a
        third, however many types match."""
        with django_assert_num_queries(queries + self.TRANSACTION):
            hits = search(client, q)
        assert {hit["type"] for hit in hits} >= types

    def test_aliases_score_their_names(self, client, seed):
        """A person found by an alias scores as that alias: "Hanhui" is
        part of Zhang Hanhui's name, and his alias "Hanhui" is exact."""
        [hit] = [hit for hit in search(client, "Hanhui") if hit["type"] == "person"]
        assert hit["slug"] == "zhang-hanhui"
        assert hit["score"] == 1.0


class TestQFilters:
    def test_quotes_q_uses_full_text(self, client, seed):
        """Stems and phrases work in quotes?q=; the speaker's name still
        matches."""
        assert listed(client, "quotes", "benefits")
        phrase = listed(client, "quotes", '"vast and fruitful cooperation"')
        assert "vast and fruitful cooperation" in {q["text"] for q in phrase}
        assert all("vast and fruitful cooperation" in q["text"] for q in phrase)
        assert listed(client, "quotes", '"fruitful vast"') == []
        by_name = listed(client, "quotes", "Dubrov")
        assert by_name and all(q["speaker"]["slug"] == "pyotr-dubrov" for q in by_name)

    def test_quotes_q_matches_a_speakers_aliases(self, client, seed):
        """A word of a speaker's aliases finds their quotes, each once, even
        when several aliases hold it."""
        from entities.models import Person, PersonAlias

        person = Person.objects.get(slug="pyotr-dubrov")
        for name in ("Pyotr Zhukovsky", "P. Zhukovsky"):
            PersonAlias.objects.create(person=person, name=name)
        with CaptureQueriesContext(connection) as queries:
            found = listed(client, "quotes", "Zhukovsky")
        # The aliases as EXISTS, not joined (a row per alias, then sorted
        # to drop the repeats).
        lookup = next(q["sql"] for q in queries if "personalias" in q["sql"])
        assert "EXISTS" in lookup.upper() and "DISTINCT" not in lookup.upper()
        assert found and all(q["speaker"]["slug"] == "pyotr-dubrov" for q in found)
        assert len({q["id"] for q in found}) == len(found)
        assert len(found) == len(listed(client, "quotes", "Dubrov"))

    def test_articles_q_uses_full_text(self, client, seed):
        assert [a["slug"] for a in listed(client, "articles", "astronauts")] == [
            SEED_ARTICLE
        ]
        assert listed(client, "articles", '"astronauts Chinese"') == []

    def test_people_and_organisations_q_forgive_misspellings(self, client, seed):
        assert [p["slug"] for p in listed(client, "people", "Dubrv")] == [
            "pyotr-dubrov"
        ]
        assert [o["slug"] for o in listed(client, "organisations", "Roskosmos")] == [
            "roscosmos"
        ]


class TestIndexStaysCurrent:
    def test_article_edit(self, client, db):
        article = publish("Harbour reopens", "Boats returned to the harbour.")
        assert listed(client, "articles", "harbour")
        article.headline, article.body = "Port reopens", "Boats returned to the port."
        article.save()
        assert listed(client, "articles", "harbour") == []
        assert [a["slug"] for a in listed(client, "articles", "port")] == [article.slug]

    def test_quote_edit_and_delete(self, client, db):
        speaker = PersonFactory(name="Ada Quill")
        article = publish("Fog", "“The fog lifts by noon,” Quill said. “Rain later.”")
        quote = article_services.quote_create(
            article=article,
            speaker=speaker,
            text="The fog lifts by noon",
            kind="direct",
        )
        assert [q["id"] for q in listed(client, "quotes", "fog")] == [quote.pk]
        quote.text = "Rain later."
        article_services.quote_save(quote=quote)
        assert listed(client, "quotes", "fog") == []
        assert [q["id"] for q in listed(client, "quotes", "rain")] == [quote.pk]
        quote.delete()
        assert listed(client, "quotes", "rain") == []

    def test_new_alias(self, client, seed):
        person = Person.objects.get(slug="pyotr-dubrov")
        assert listed(client, "people", "Petya") == []
        PersonAlias.objects.create(person=person, name="Petya")
        assert [p["slug"] for p in listed(client, "people", "Petya")] == [
            "pyotr-dubrov"
        ]

    def test_unpublishing_removes_from_search(self, client, editor, seed):
        article = Article.objects.get(slug=SEED_ARTICLE)
        assert ("article", SEED_ARTICLE) in found(client, "Shenzhou")
        article_services.article_transition(
            article=article, status=ArticleStatus.DRAFT, user=editor
        )
        assert ("article", SEED_ARTICLE) not in found(client, "Shenzhou")
        assert listed(client, "quotes", "humanity") == []


class TestQuotePublicFrom:
    """Each quote's public_from is its article's publication time while the
    article is published: what public quote lists filter on."""

    @staticmethod
    def assert_in_step():
        for quote in Quote.objects.select_related("article"):
            assert quote.public_from == quote.article.public_from, quote

    def test_through_the_workflow(self, editor, seed):
        article = Article.objects.get(slug=SEED_ARTICLE)
        self.assert_in_step()
        for status in (ArticleStatus.ARCHIVED, ArticleStatus.DRAFT):
            article_services.article_transition(
                article=article, status=status, user=editor
            )
            article.refresh_from_db()
            self.assert_in_step()
            assert not Quote.objects.public().filter(article=article).exists()
        later = timezone.now() + datetime.timedelta(hours=1)
        article_services.article_transition(
            article=article, status=ArticleStatus.IN_REVIEW, user=editor
        )
        article_services.article_transition(
            article=article,
            status=ArticleStatus.PUBLISHED,
            user=editor,
            published_at=later,
        )
        self.assert_in_step()
        assert not Quote.objects.public().filter(article=article).exists()
        assert Quote.objects.public(at=later).filter(article=article).count() == 11

    def test_generated_corpus_and_import(self, db, tmp_path):
        from django.core.management import call_command

        from tests.test_export_import import wipe

        call_command("generate_corpus", articles=40, seed=7, verbosity=0)
        self.assert_in_step()
        assert Quote.objects.filter(public_from__isnull=True).exists()
        export = tmp_path / "newsroom.json"
        call_command("export_newsroom", str(export), verbosity=0)
        wipe()
        call_command("import_newsroom", str(export), verbosity=0)
        assert Quote.objects.filter(public_from__isnull=False).exists()
        self.assert_in_step()


@pytest.mark.sqlite
class TestSqliteIndex:
    def test_ensure_is_idempotent_and_repairs(self, client, seed):
        """A migration that rebuilds the articles table drops its triggers;
        the next migrate recreates them and rebuilds the index."""
        assert fulltext.ensure_sqlite_fts() == []
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER articles_article_fts_update")
            cursor.execute(
                "INSERT INTO articles_article_fts(articles_article_fts) "
                "VALUES ('delete-all')"
            )
        assert fulltext.ensure_sqlite_fts() == ["articles_article_fts_update"]
        assert ("article", SEED_ARTICLE) in found(client, "Shenzhou")


def _snippet_by_full_scan(text: str, q: str, width: int = 200) -> str:
    """The snippet as made by stemming every word of ``text``: what
    ``fulltext.snippet``'s shortcuts must give."""
    import html

    from newsdesk.fulltext import _WORD, _stem, words

    stems = {_stem(word) for word in words(q)}
    hits = [m for m in _WORD.finditer(text) if _stem(m.group()) in stems]
    start = 0
    if hits and len(text) > width:
        start = max(0, hits[0].start() - width // 3)
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and text[end].isalnum():
        end += 1
    parts, at = [], start
    for hit in hits:
        if hit.start() < start or hit.end() > end:
            continue
        parts.append(html.escape(text[at : hit.start()]))
        parts.append(f"<mark>{html.escape(hit.group())}</mark>")
        at = hit.end()
    parts.append(html.escape(text[at:end]))
    return (
        ("…" if start else "")
        + "".join(parts).strip()
        + ("…" if end < len(text) else "")
    )


_SNIPPET_WORDS = [
    "Moon",
    "moons",
    "landing",
    "landed",
    "base",
    "bases",
    "the",
    "Agency's",
    "ÉTÉ",
    "Straße",
    "said",
    "<b>",
    "&",
    "—",
    "x",
]


_SEPARATORS = [" ", " ", " ", "", "-", "\n\n", "’"]


@settings(max_examples=300, deadline=None)
@given(
    # Words run together too ("xbases"), so that a stem occurs inside a word.
    st.lists(
        st.tuples(st.sampled_from(_SNIPPET_WORDS), st.sampled_from(_SEPARATORS)),
        max_size=120,
    ).map(lambda pairs: "".join(word + separator for word, separator in pairs)),
    st.lists(st.sampled_from(_SNIPPET_WORDS), min_size=1, max_size=3).map(" ".join),
    st.integers(min_value=10, max_value=300),
)
# Casefolding makes each "ß" two letters: the word found lies eight places
# before where "bases" is in the folded text.
@example("Straße " * 8 + "bases Moon", "bases", 50)
def test_snippet_matches_a_full_scan(text, q, width):
    """The snippet's shortcuts (no stemming when no stem is in the text,
    none before the first place a stem occurs, and none after the snippet's
    end) change nothing it gives."""
    assert fulltext.snippet(text, q, width) == _snippet_by_full_scan(text, q, width)


class TestCompiledOnce:
    """search/'s two queries are built and compiled once for each audience
    and number of words, then run again with the words asked for
    (``articles.selectors._search_rows``): each run answers what a query
    built for it would."""

    @pytest.fixture(autouse=True)
    def nothing_kept(self, monkeypatch):
        monkeypatch.setattr(compiled, "_compiled", {})

    @pytest.fixture
    def builds(self, monkeypatch):
        """The queries built, by part."""
        built = []
        for part in ("_names_query", "_texts_query"):
            real = getattr(selectors, part)

            def build(q, user, at, part=part, real=real):
                built.append(part)
                return real(q, user, at)

            monkeypatch.setattr(selectors, part, build)
        return built

    def test_a_search_of_the_same_shape_is_not_built_again(
        self, client, editor, db, builds, uncached_api
    ):
        glacier = publish("Glacier treaty signed", "Ministers agreed at last.")
        harbour = publish("Harbour reopens", "Ships returned to the harbour.")
        draft = ArticleFactory(
            headline="Harbour plans", body="Draft.", status=ArticleStatus.DRAFT
        )
        PersonFactory(
            name="Glacier Harbourmaster",
            public_from=timezone.now() - datetime.timedelta(days=1),
        )
        assert found(client, "glacier") == {
            ("article", glacier.slug),
            ("person", "glacier-harbourmaster"),
        }
        assert builds == ["_names_query", "_texts_query"]
        assert found(client, "harbour") == {
            ("article", harbour.slug),
            ("person", "glacier-harbourmaster"),
        }
        assert found(client, "Harbor") == {("person", "glacier-harbourmaster")}
        assert len(builds) == 2  # the same shape: run again, not built
        editor_client = Client()
        editor_client.force_login(editor)
        assert ("article", draft.slug) in found(editor_client, "harbour")
        assert len(builds) == 4  # who sees drafts: a query of its own
        assert found(client, "harbour ships") == {("article", harbour.slug)}
        assert len(builds) == 6  # two words: another shape

    def test_each_run_asks_about_its_own_moment(self, client, db, uncached_api):
        soon = ArticleFactory(
            headline="Comet watch",
            body="The comet returns.",
            status=ArticleStatus.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(hours=1),
        )
        seen = publish("Comet seen", "A comet was seen.")
        assert found(client, "comet") == {("article", seen.slug)}
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
            assert found(client, "comet") == {
                ("article", seen.slug),
                ("article", soon.slug),
            }

    def test_what_has_no_word_is_built_as_it_is(self, client, db, builds, uncached_api):
        assert search(client, "!!") == []
        assert search(client, "!!") == []
        assert len(builds) == 4
