"""ninjs out: every published article as IPTC ninjs 2.2, by ``?format=ninjs``
or ``Accept: application/ninjs+json``, with people, organisations, places
and the quotes in Newsdesk's extension, valid against IPTC's published
schema (shipped in the repository) and the extension schema."""

from __future__ import annotations

import jsonschema
import pytest
from django.urls import reverse
from referencing import Registry, Resource

from articles.models import Article
from newsdesk.syndication.ninjs import EXTENSION, schemas
from tests.extraction.test_review import SEED_ARTICLE

pytestmark = pytest.mark.django_db


def validate_ninjs(item: dict) -> None:
    """Valid against the extension schema, and without the extension
    against IPTC's schema alone."""
    iptc, extension = schemas()
    registry = Registry().with_resource(
        iptc["$id"].rstrip("#"), Resource.from_contents(iptc)
    )
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator(
        extension, registry=registry, format_checker=checker
    ).validate(item)
    plain = {key: value for key, value in item.items() if key != EXTENSION}
    jsonschema.Draft202012Validator(iptc, format_checker=checker).validate(plain)


def detail(slug: str) -> str:
    return reverse("article-detail", args=[slug])


class TestNinjs:
    def test_reference_story_by_format_and_by_accept(self, client, seed):
        url = detail(SEED_ARTICLE["slug"])
        by_format = client.get(url, {"format": "ninjs"})
        by_accept = client.get(url, HTTP_ACCEPT="application/ninjs+json")
        assert by_format.status_code == by_accept.status_code == 200
        assert by_accept["Content-Type"].startswith("application/ninjs+json")
        item = by_format.json()
        assert item == by_accept.json()
        validate_ninjs(item)
        article = Article.objects.get(slug=SEED_ARTICLE["slug"])
        assert item["headlines"][0]["value"] == article.headline
        assert item["bodies"][0]["value"] == article.body
        assert item["pubstatus"] == "usable"
        assert {"Zhang Hanhui", "Dmitry Rogozin", "Pyotr Dubrov"} <= {
            p["name"] for p in item["people"]
        }
        assert {"Roscosmos", "TASS"} <= {o["name"] for o in item["organisations"]}
        assert {"CN", "RU"} <= {p["literal"] for p in item["places"]}
        quotes = item[EXTENSION]
        assert len(quotes) == len(SEED_ARTICLE["quotes"]) == article.quotes.count()
        direct = next(q for q in quotes if q["kind"] == "direct")
        assert direct["speaker"]["literal"] == "zhang-hanhui"
        assert direct["outlet"]["literal"] == "tass"
        assert article.body[direct["start"] : direct["end"]] == direct["text"]

    def test_schema_refuses_what_ninjs_does_not_allow(self, client, seed):
        """The validation is real: an unknown property or a wrong type fails."""
        item = client.get(detail(SEED_ARTICLE["slug"]), {"format": "ninjs"}).json()
        with pytest.raises(jsonschema.ValidationError):
            validate_ninjs({**item, "unknown_property": 1})
        with pytest.raises(jsonschema.ValidationError):
            validate_ninjs({**item, "pubstatus": "published"})
        broken = {**item, EXTENSION: [{**item[EXTENSION][0], "kind": "rumour"}]}
        with pytest.raises(jsonschema.ValidationError):
            validate_ninjs(broken)

    def test_a_draft_is_not_served(self, client, seed):
        article = Article.objects.get(slug=SEED_ARTICLE["slug"])
        Article.objects.filter(pk=article.pk).update(status="draft")
        response = client.get(detail(article.slug), {"format": "ninjs"})
        assert response.status_code == 404

    def test_an_editor_gets_a_draft_as_withheld(self, editor_client, seed):
        article = Article.objects.get(slug=SEED_ARTICLE["slug"])
        Article.objects.filter(pk=article.pk).update(status="draft")
        response = editor_client.get(detail(article.slug), {"format": "ninjs"})
        assert response.status_code == 200
        item = response.json()
        assert item["pubstatus"] == "withheld"
        validate_ninjs(item)

    def test_other_formats_unchanged(self, client, seed):
        url = detail(SEED_ARTICLE["slug"])
        assert client.get(url)["Content-Type"].startswith("application/json")
        assert client.get(url, {"format": "jsonld"}).json()["@type"] == "NewsArticle"
