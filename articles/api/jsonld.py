"""An article as schema.org JSON-LD: a NewsArticle whose quotes are
Quotations spoken by Persons for Organizations
(https://schema.org/NewsArticle, https://schema.org/Quotation), and the JSON
Schema of that document, which the OpenAPI schema publishes.

What each Newsdesk fact becomes:

* the story's public page (``/stories/<slug>/``) is its ``url`` and
  ``mainEntityOfPage``; the newsroom (``NEWSROOM_NAME``) its ``publisher``;
  its reporters its ``author`` (the newsroom when none is recorded); the
  outlet it came from its ``sourceOrganization``; ``dateModified`` is the
  last change an editor made to it or its quotes (their history);
* a quote's kind is its ``genre`` (``direct``, ``partial`` or ``indirect``,
  the API's values: ``indirect`` is reported speech, not the speaker's
  words); its speaker is ``spokenByCharacter`` (a Person, ``sameAs`` its
  Wikidata item), the organisation spoken for its ``sourceOrganization``
  and the outlet it was said to (“told TASS”) its ``publisher``.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from ..models import Article

WIKIDATA = "https://www.wikidata.org/wiki/"


def _same_as(record) -> dict:
    wikidata_id = getattr(record, "wikidata_id", "")
    return {"sameAs": f"{WIKIDATA}{wikidata_id}"} if wikidata_id else {}


def _absolute(request, name: str, slug) -> str:
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
    # schema.org has no Agreement type: a CreativeWork whose additional type
    # is Newsdesk's agreements, named by their collection's URL.
    return {
        "@type": "CreativeWork",
        "additionalType": request.build_absolute_uri(reverse("agreement-list")),
        "@id": _absolute(request, "agreement-detail", agreement.slug),
        "name": agreement.title,
        **_same_as(agreement),
    }


def newsroom_node(request) -> dict:
    root = request.build_absolute_uri("/")
    return {
        "@type": "Organization",
        "@id": f"{root}#newsroom",
        "name": settings.NEWSROOM_NAME,
        "url": root,
    }


def quotation_node(quote, article_id: str, page: str, request) -> dict:
    node = {
        "@type": "Quotation",
        "@id": f"{page}#quote-{quote.pk}",
        "url": _absolute(request, "quote-detail", quote.pk),
        "text": quote.text,
        "genre": quote.kind,
        "isPartOf": {"@id": article_id},
    }
    if quote.speaker is not None:
        speaker = person_node(quote.speaker, request)
        if quote.organisation is not None:
            speaker["affiliation"] = organisation_node(quote.organisation, request)
        node["spokenByCharacter"] = speaker
    else:
        # An unnamed source ("a senior official"): said by someone the story
        # describes but does not name; the organisation, if the story gives
        # it, is the creator.
        node["creditText"] = quote.source_description
        node["description"] = f"Said by {quote.source_description} (unnamed source)"
        if quote.organisation is not None:
            node["creator"] = organisation_node(quote.organisation, request)
    if quote.organisation is not None:
        node["sourceOrganization"] = organisation_node(quote.organisation, request)
    if quote.outlet is not None:
        node["publisher"] = organisation_node(quote.outlet, request)
    if quote.said_on:
        node["dateCreated"] = quote.said_on.isoformat()
    return node


def last_edited(article: Article) -> str | None:
    """When the story as readers see it last changed: the latest of its
    publication and the last edit made to it or its quotes after it was
    entered (their history; quotes entered with the story are part of its
    creation, not edits of it)."""
    HistoricalQuote = article.quotes.model.history.model  # noqa: N806
    edits = [
        *article.history.filter(history_type="~")
        .order_by("-history_date")
        .values_list("history_date", flat=True)[:1],
        *HistoricalQuote.objects.filter(article_id=article.pk)
        .exclude(history_type="+")
        .order_by("-history_date")
        .values_list("history_date", flat=True)[:1],
    ]
    moments = [*edits, article.published_at] if article.published_at else edits
    moment = max(moments) if moments else article.created_at
    return moment.isoformat() if moment else None


def article_jsonld(article: Article, request) -> dict:
    page = request.build_absolute_uri(reverse("story", args=[article.slug]))
    article_id = f"{page}#article"
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
    newsroom = newsroom_node(request)
    authors = [person_node(person, request) for person in article.authors.all()]
    document = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": article_id,
        "url": page,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page},
        "identifier": _absolute(request, "article-detail", article.slug),
        "headline": article.headline,
        "articleBody": article.body,
        "inLanguage": article.language,
        "author": authors or [newsroom],
        "publisher": newsroom,
        "about": about,
        "mentions": mentions,
        "hasPart": [
            quotation_node(quote, article_id, page, request)
            for quote in article.quotes.all()
        ],
    }
    modified = last_edited(article)
    if modified:
        document["dateModified"] = modified
    if article.standfirst:
        document["description"] = article.standfirst
    if article.published_at:
        document["datePublished"] = article.published_at.isoformat()
    if article.source is not None:
        document["sourceOrganization"] = organisation_node(article.source, request)
    if article.source_url:
        document["isBasedOn"] = article.source_url
    return document


# The JSON Schema of the document above, published as the OpenAPI schema's
# ``NewsArticleJsonLd`` component (``document_jsonld``).
JSONLD_COMPONENT = "NewsArticleJsonLd"
JSONLD_REFERENCE = {"$ref": f"#/components/schemas/{JSONLD_COMPONENT}"}


def _node(type_name: str, description: str, properties: dict, required=()) -> dict:
    return {
        "type": "object",
        "description": description,
        "properties": {
            "@type": {
                "type": "string",
                "enum": [type_name],
                "description": "The schema.org type.",
            },
            "@id": {
                "type": "string",
                "format": "uri",
                "description": "The node's identifier.",
            },
            **properties,
        },
        "required": ["@type", "@id", *required],
    }


def _text(description: str) -> dict:
    return {"type": "string", "description": description}


def _uri(description: str) -> dict:
    return {"type": "string", "format": "uri", "description": description}


SAME_AS = _uri("Its Wikidata item, when known.")
ORGANIZATION = _node(
    "Organization",
    "An organisation of the registry (its @id is its API URL).",
    {"name": _text("Its name."), "sameAs": SAME_AS, "url": _uri("Its website.")},
    ["name"],
)
PERSON = _node(
    "Person",
    "A person of the registry (its @id is its API URL).",
    {
        "name": _text("Their name."),
        "description": _text("Who they are."),
        "sameAs": SAME_AS,
        "affiliation": {**ORGANIZATION, "description": "Who they spoke for."},
    },
    ["name"],
)
AGREEMENT = _node(
    "CreativeWork",
    "An agreement of the registry.",
    {
        "additionalType": _uri("Marks an agreement: the agreements' API URL."),
        "name": _text("Its title."),
        "sameAs": SAME_AS,
    },
    ["name"],
)
MENTIONED = {
    "type": "array",
    "items": {"anyOf": [PERSON, ORGANIZATION, AGREEMENT]},
}
QUOTATION = _node(
    "Quotation",
    "A quote of the story.",
    {
        "url": _uri("The quote in the API."),
        "text": _text("The words (direct, partial) or the statement reported."),
        "genre": {
            "type": "string",
            "enum": ["direct", "partial", "indirect"],
            "description": "direct: a full quoted sentence; partial: quoted words "
            "in the reporter's sentence; indirect: reported speech, not the "
            "speaker's own words.",
        },
        "spokenByCharacter": {**PERSON, "description": "Who said it."},
        "creditText": _text("An unnamed source, as the story describes it."),
        "sourceOrganization": {
            **ORGANIZATION,
            "description": "The organisation the speaker spoke for.",
        },
        "publisher": {
            **ORGANIZATION,
            "description": "The outlet it was said to (“told TASS”).",
        },
        "dateCreated": {
            "type": "string",
            "format": "date",
            "description": "When it was said.",
        },
        "isPartOf": {
            "type": "object",
            "properties": {"@id": _uri("The NewsArticle.")},
            "required": ["@id"],
            "description": "The story that reports it.",
        },
    },
    ["text", "genre", "url", "isPartOf"],
)
NEWS_ARTICLE = _node(
    "NewsArticle",
    "A published story as schema.org JSON-LD.",
    {
        "@context": {
            "type": "string",
            "enum": ["https://schema.org"],
            "description": "The schema.org vocabulary.",
        },
        "url": _uri("The story's public page."),
        "mainEntityOfPage": {
            "type": "object",
            "description": "The story's public page.",
            "properties": {
                "@type": {"type": "string", "enum": ["WebPage"]},
                "@id": _uri("The page."),
            },
            "required": ["@type", "@id"],
        },
        "identifier": _uri("The story in the API."),
        "headline": _text("The headline."),
        "description": _text("The standfirst."),
        "articleBody": _text("The text."),
        "inLanguage": _text("Its language code."),
        "datePublished": {
            "type": "string",
            "format": "date-time",
            "description": "When it was published.",
        },
        "dateModified": {
            "type": "string",
            "format": "date-time",
            "description": "The last editorial change to it or its quotes.",
        },
        "author": {
            "type": "array",
            "items": {"anyOf": [PERSON, ORGANIZATION]},
            "description": "Its reporters; the newsroom when none is recorded.",
        },
        "publisher": {**ORGANIZATION, "description": "The newsroom."},
        "sourceOrganization": {
            **ORGANIZATION,
            "description": "The outlet the story came from.",
        },
        "isBasedOn": _uri("Where it was first published."),
        "about": {**MENTIONED, "description": "What it is about."},
        "mentions": {**MENTIONED, "description": "Whom and what it mentions."},
        "hasPart": {
            "type": "array",
            "items": QUOTATION,
            "description": "Its quotes.",
        },
    },
    [
        "@context",
        "url",
        "mainEntityOfPage",
        "headline",
        "articleBody",
        "author",
        "publisher",
        "about",
        "mentions",
        "hasPart",
    ],
)


def document_jsonld(result, generator, request, public):
    """drf-spectacular postprocessing hook: the JSON-LD document's schema."""
    result.setdefault("components", {}).setdefault("schemas", {})[JSONLD_COMPONENT] = (
        NEWS_ARTICLE
    )
    return result
