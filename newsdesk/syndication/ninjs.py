"""An article as IPTC ninjs 2.2 (News in JSON, https://iptc.org/standards/ninjs/),
with its quotes in a Newsdesk extension.

ninjs has no notion of a quote, so an article's quotes travel in one extra
property, ``newsdesk_quotes``, described by the extension schema shipped
beside IPTC's (``schemas/newsdesk-ninjs-2.2.json``, which takes every ninjs
2.2 property by reference and adds only that one, as IPTC's guidelines for
provider extensions advise). Everything else is plain ninjs: a consumer
that ignores the extension still reads a valid ninjs 2.2 item, and the suite
checks both against the schemas.

People, organisations and agreements the story mentions become ``people``,
``organisations`` and ``subjects`` (``rel`` "about" for what the story is
about, else "mentioned"); the countries of the states it mentions become
``places``. Each links to its Wikidata entity when it has one, else to its
API resource.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.urls import reverse

from articles.models import Article

SCHEMAS = Path(__file__).resolve().parent / "schemas"
IPTC_SCHEMA = SCHEMAS / "ninjs-schema_2.2.json"
EXTENSION_SCHEMA = SCHEMAS / "newsdesk-ninjs-2.2.json"
MEDIA_TYPE = "application/ninjs+json"
EXTENSION = "newsdesk_quotes"


@cache
def schemas() -> tuple[dict, dict]:
    """IPTC's ninjs 2.2 schema and Newsdesk's extension of it."""
    return (
        json.loads(IPTC_SCHEMA.read_text()),
        json.loads(EXTENSION_SCHEMA.read_text()),
    )


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _uri(base_url: str, name: str, key) -> str:
    return base_url + reverse(name, args=[key])


def _entity(record, rel: str, base_url: str, route: str, name: str) -> dict:
    wikidata_id = getattr(record, "wikidata_id", "")
    return {
        "name": name,
        "rel": rel,
        "uri": (
            f"http://www.wikidata.org/entity/{wikidata_id}"
            if wikidata_id
            else _uri(base_url, route, record.slug)
        ),
        "literal": record.slug,
    }


def _link(record, base_url: str, route: str) -> dict | None:
    if record is None:
        return None
    return {
        "name": record.name,
        "literal": record.slug,
        "uri": _uri(base_url, route, record.slug),
    }


def article_ninjs(article: Article, *, base_url: str) -> dict:
    """``article`` as a ninjs 2.2 item; ``base_url`` (scheme and host) makes
    its links absolute. Reads the article's mentions and quotes, prefetched
    or not."""
    people = [
        _entity(
            m.person,
            "about" if m.about else "mentioned",
            base_url,
            "person-detail",
            m.person.name,
        )
        for m in article.articleperson_set.all()
    ]
    organisation_mentions = list(article.articleorganisation_set.all())
    organisations = [
        _entity(
            m.organisation,
            "about" if m.about else "mentioned",
            base_url,
            "organisation-detail",
            m.organisation.name,
        )
        for m in organisation_mentions
    ]
    subjects = [
        _entity(
            m.agreement,
            "about" if m.about else "mentioned",
            base_url,
            "agreement-detail",
            m.agreement.title,
        )
        for m in article.articleagreement_set.all()
    ]
    places, seen = [], set()
    for mention in organisation_mentions:
        country = mention.organisation.country
        if country and country.code not in seen:
            seen.add(country.code)
            places.append(
                {
                    "name": str(country.name),
                    "rel": "about" if mention.about else "mentioned",
                    "literal": country.code,
                }
            )
    item = {
        "uri": _uri(base_url, "article-detail", article.slug),
        "standard": {
            "name": "ninjs",
            "version": "2.2",
            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
        },
        "type": "text",
        "representationtype": "full",
        "profile": "newsdesk-article",
        "version": str(article.version),
        "firstcreated": _iso(article.created_at),
        "versioncreated": _iso(article.updated_at),
        "contentcreated": _iso(article.published_at),
        "pubstatus": "usable" if article.is_public else "withheld",
        "language": article.language,
        "headlines": [{"role": "main", "value": article.headline}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/plain",
                "charcount": len(article.body),
                "wordcount": len(article.body.split()),
                "value": article.body,
            }
        ],
        "altids": [{"role": "newsdesk-slug", "value": article.slug}],
    }
    if article.standfirst:
        item["descriptions"] = [{"role": "summary", "value": article.standfirst}]
    authors = [person.name for person in article.authors.all()]
    if authors:
        item["by"] = ", ".join(authors)
    if article.source is not None:
        item["copyrightholder"] = article.source.name
        item["infosources"] = [
            {
                "name": article.source.name,
                "role": "originator",
                "uri": _uri(base_url, "organisation-detail", article.source.slug),
                "literal": article.source.slug,
            }
        ]
    if article.source_url:
        item["altids"].append({"role": "source-url", "value": article.source_url})
    for key, values in (
        ("people", people),
        ("organisations", organisations),
        ("subjects", subjects),
        ("places", places),
    ):
        if values:
            item[key] = values
    item[EXTENSION] = [_quote(quote, base_url) for quote in article.quotes.all()]
    return {key: value for key, value in item.items() if value is not None}


def _quote(quote, base_url: str) -> dict:
    found = {
        "uri": _uri(base_url, "quote-detail", quote.pk),
        "kind": quote.kind,
        "text": quote.text,
        "speaker": _link(quote.speaker, base_url, "person-detail"),
        "organisation": _link(quote.organisation, base_url, "organisation-detail"),
        "outlet": _link(quote.outlet, base_url, "organisation-detail"),
        "cue": quote.cue,
        "said": quote.said_on.isoformat() if quote.said_on else None,
        "start": quote.start,
        "end": quote.end,
    }
    return {key: value for key, value in found.items() if value not in (None, "")}
