"""The reference story's JSON-LD, read as a JSON-LD consumer reads it: pyld
expands it against a schema.org context shipped with the suite
(``tests/data/schema.org-context.jsonld``: schema.org's term definitions for
the terms Newsdesk uses, without its ``@vocab``, so a term schema.org does
not define is dropped by the expansion and caught here; nothing is fetched).
The TypeScript client checks the same document against schema-dts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from pyld import jsonld

from articles import services as article_services
from articles.api.jsonld import NEWS_ARTICLE
from articles.models import Quote

pytestmark = pytest.mark.django_db

API = "/api/v1"
REFERENCE = "china-russia-space-cooperation-benefits-humanity"
SCHEMA = "http://schema.org/"
CONTEXT = json.loads(
    (Path(__file__).parent.parent / "data" / "schema.org-context.jsonld").read_text()
)


def load_document(url, options=None):
    """The shipped context for schema.org; anything else is refused."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"no network: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expand(document: dict) -> list:
    return jsonld.expand(document, {"documentLoader": load_document})


def story(client=None) -> dict:
    response = (client or Client()).get(
        f"{API}/articles/{REFERENCE}/", HTTP_ACCEPT="application/ld+json"
    )
    assert response.status_code == 200
    return response.json()


def terms(node) -> set[str]:
    """Every property name of a document, compact or expanded, recursively."""
    found = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                found.add(key)
            found |= terms(value)
    elif isinstance(node, list):
        for value in node:
            found |= terms(value)
    return found


def by_id(expanded: list) -> dict[str, dict]:
    flat = jsonld.flatten(expanded, None, {"documentLoader": load_document})
    return {node["@id"]: node for node in flat}


def values(node: dict, name: str) -> list:
    return [v.get("@id", v.get("@value")) for v in node.get(SCHEMA + name, [])]


@pytest.fixture
def seeded(db):
    call_command("load_seed", verbosity=0, stdout=io.StringIO())


class TestExpandsAsSchemaOrg:
    def test_every_term_is_a_schema_org_term(self, seeded):
        """No property is lost in the expansion: each is schema.org's."""
        document = story()
        expanded = expand(document)
        assert {f"{SCHEMA}{term}" for term in terms(document)} == terms(expanded)

    def test_the_check_catches_a_made_up_term(self, seeded):
        document = story()
        document["hasPart"][0]["quoteKind"] = "indirect"
        assert f"{SCHEMA}quoteKind" not in terms(expand(document))

    def test_types_and_links_are_iris(self, seeded):
        """The story, its page, its quotes and their speakers are nodes linked
        by IRIs, the speaker's sameAs its Wikidata item."""
        nodes = by_id(expand(story()))
        page = f"http://testserver/stories/{REFERENCE}/"
        article = nodes[f"{page}#article"]
        assert article["@type"] == [f"{SCHEMA}NewsArticle"]
        assert values(article, "url") == [page]
        assert values(article, "mainEntityOfPage") == [page]
        assert nodes[page]["@type"] == [f"{SCHEMA}WebPage"]
        quotes = [nodes[q] for q in values(article, "hasPart")]
        assert len(quotes) == 11
        assert all(q["@type"] == [f"{SCHEMA}Quotation"] for q in quotes)
        zhang = nodes[f"http://testserver{API}/people/zhang-hanhui/"]
        assert zhang["@type"] == [f"{SCHEMA}Person"]
        (china,) = values(zhang, "affiliation")
        assert values(nodes[china], "sameAs") == ["https://www.wikidata.org/wiki/Q148"]

    def test_each_quotation_says_its_kind_outlet_and_organisation(self, seeded):
        """7 of the 11 Quotations are reported speech (genre indirect); the
        direct quote was told to TASS; each names whom its speaker spoke
        for."""
        nodes = by_id(expand(story()))
        article = nodes[f"http://testserver/stories/{REFERENCE}/#article"]
        quotes = [nodes[q] for q in values(article, "hasPart")]
        genres = [values(q, "genre")[0] for q in quotes]
        assert genres.count("indirect") == 7
        assert sorted(set(genres)) == ["direct", "indirect", "partial"]
        (direct,) = [q for q in quotes if values(q, "genre") == ["direct"]]
        (tass,) = values(direct, "publisher")
        assert values(nodes[tass], "name") == ["TASS"]
        for quote in quotes:
            (organisation,) = values(quote, "sourceOrganization")
            assert values(nodes[organisation], "name")[0] in {"China", "Roscosmos"}

    def test_author_publisher_and_modification(self, seeded):
        """The newsroom publishes (and, with no reporter recorded, authors)
        the story; dateModified is its publication until an editor changes
        it, then that change."""
        document = story()
        assert document["publisher"]["name"] == "Newsdesk"
        assert document["author"] == [document["publisher"]]
        assert document["dateModified"] == "2022-05-03T09:00:00+00:00"
        quote = Quote.objects.filter(article__slug=REFERENCE).first()
        quote.cue = "stated"
        article_services.quote_save(quote=quote)
        edited = story()
        last = Quote.history.filter(id=quote.pk).latest("history_date")
        assert edited["dateModified"] == last.history_date.isoformat()
        assert edited["dateModified"] > edited["datePublished"]


def documented_properties(schema) -> set[str]:
    """Every property name a JSON Schema documents, nested ones included."""
    found = set()
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            if not name.startswith("@"):
                found.add(name)
            found |= documented_properties(value)
        for key in ("items", "anyOf"):
            found |= documented_properties(schema.get(key))
    elif isinstance(schema, list):
        for value in schema:
            found |= documented_properties(value)
    return found


def test_shipped_context_defines_what_the_schema_documents():
    """Every property the NewsArticleJsonLd schema documents is a term of
    the shipped schema.org context."""
    documented = documented_properties(NEWS_ARTICLE)
    assert "spokenByCharacter" in documented
    assert documented <= set(CONTEXT["@context"]), documented - set(CONTEXT["@context"])


def test_jsonld_costs_a_fixed_number_of_queries(seeded, django_assert_num_queries):
    """The reference story's JSON-LD: the JSON detail's queries (one for all
    eleven quotes), two reading the story's and its quotes' last edits, and
    the savepoint and its release around the request."""
    with django_assert_num_queries(10):
        assert story()["hasPart"]
