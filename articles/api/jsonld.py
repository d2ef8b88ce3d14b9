"""An article as schema.org JSON-LD: a NewsArticle whose quotes are
Quotations spoken by Persons affiliated with Organizations
(https://schema.org/NewsArticle, https://schema.org/Quotation)."""

from __future__ import annotations

from django.urls import reverse

from ..models import Article


def _same_as(record) -> dict:
    wikidata_id = getattr(record, "wikidata_id", "")
    return (
        {"sameAs": f"https://www.wikidata.org/wiki/{wikidata_id}"}
        if wikidata_id
        else {}
    )


def _absolute(request, name: str, slug: str) -> str:
    return request.build_absolute_uri(reverse(name, args=[slug]))


def person_node(person, request) -> dict:
    return {
        "@type": "Person",
        "@id": _absolute(request, "person-detail", person.slug),
        "name": person.name,
        **({"description": person.description} if person.description else {}),
        **_same_as(person),
    }


def organisation_node(organisation, request) -> dict:
    return {
        "@type": "Organization",
        "@id": _absolute(request, "organisation-detail", organisation.slug),
        "name": organisation.name,
        **_same_as(organisation),
    }


def agreement_node(agreement, request) -> dict:
    return {
        "@type": "CreativeWork",
        "additionalType": "Agreement",
        "@id": _absolute(request, "agreement-detail", agreement.slug),
        "name": agreement.title,
        **_same_as(agreement),
    }


def quotation_node(quote, article_id: str, request) -> dict:
    node = {
        "@type": "Quotation",
        "@id": request.build_absolute_uri(reverse("quote-detail", args=[quote.pk])),
        "text": quote.text,
    }
    if quote.speaker is not None:
        speaker = person_node(quote.speaker, request)
        if quote.organisation is not None:
            speaker["affiliation"] = organisation_node(quote.organisation, request)
        node["spokenByCharacter"] = speaker
    else:
        # An unnamed source: no person to name, so the description says who
        # spoke, and the organisation (if the story gives it) is the creator.
        node["description"] = f"Said by {quote.source_description} (unnamed source)"
        if quote.organisation is not None:
            node["creator"] = organisation_node(quote.organisation, request)
    node["isPartOf"] = {"@id": article_id}
    if quote.said_on:
        node["dateCreated"] = quote.said_on.isoformat()
    return node


def article_jsonld(article: Article, request) -> dict:
    article_id = _absolute(request, "article-detail", article.slug)
    about, mentions = [], []
    for mention, node in [
        *((m, person_node(m.person, request)) for m in article.articleperson_set.all()),
        *(
            (m, organisation_node(m.organisation, request))
            for m in article.articleorganisation_set.all()
        ),
        *(
            (m, agreement_node(m.agreement, request))
            for m in article.articleagreement_set.all()
        ),
    ]:
        (about if mention.about else mentions).append(node)
    document = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": article_id,
        "url": article_id,
        "headline": article.headline,
        "articleBody": article.body,
        "inLanguage": article.language,
        "dateModified": article.updated_at.isoformat(),
        "about": about,
        "mentions": mentions,
        "hasPart": [
            quotation_node(quote, article_id, request) for quote in article.quotes.all()
        ],
    }
    if article.standfirst:
        document["description"] = article.standfirst
    if article.published_at:
        document["datePublished"] = article.published_at.isoformat()
    if article.source is not None:
        document["publisher"] = organisation_node(article.source, request)
    if article.source_url:
        document["isBasedOn"] = article.source_url
    authors = [person_node(person, request) for person in article.authors.all()]
    if authors:
        document["author"] = authors
    return document
