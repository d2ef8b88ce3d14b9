"""A page of stories as plain rows: the stories list's fast path.

Through ``ArticleSerializer`` a page of 50 stories costs the page query and
four prefetch queries (bylines, people, organisations and agreements
mentioned), builds some 600 model instances for some 500 links, and runs
DRF's field machinery for each. Here the page is read with
``.values_list()`` — only the columns the list shows — and every byline and
mention of the page's stories comes in one more query, a ``UNION ALL`` of
the four link tables, each part numbered in the order the serializer lists
them. Each row becomes the object ``ArticleSerializer`` gives, with the same
keys in the same order (tests/articles/test_article_rows.py compares the two).

``ArticleViewSet`` takes this path for a JSON list; the browsable API keeps
the serializers. ``fields=`` still applies. The schema is
``ArticleSerializer``'s, unchanged.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F, IntegerField, Value
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from rest_framework import fields as drf_fields

from newsdesk.api.links import api_url

from ..models import Article, ArticleAgreement, ArticleOrganisation, ArticlePerson

COLUMNS = (
    "id",
    "slug",
    "headline",
    "standfirst",
    "status",
    "published_at",
    "language",
    "source_id",
    "source__slug",
    "source__name",
    "source_url",
    "quote_count",
)

WIDTH = len(COLUMNS)

_published_at = drf_fields.DateTimeField()

# Which list each part of the links query fills, and the view its links use.
AUTHOR, PERSON, ORGANISATION, AGREEMENT = range(4)
_LINK_VIEW = {
    AUTHOR: "person-detail",
    PERSON: "person-detail",
    ORGANISATION: "organisation-detail",
    AGREEMENT: "agreement-detail",
}


def rows(queryset):
    """``queryset`` (filtered and ordered stories, with ``quote_count``)
    read as named rows of COLUMNS; the paginator adds its capped count after
    them."""
    return queryset.values_list(*COLUMNS, named=True)


def _part(queryset, part: int, target: str, label: str, order):
    """One part of the links query: (part, story id, number within the
    story's list, about, id, slug, name or title) of each link."""
    return queryset.order_by().values_list(
        Value(part, output_field=IntegerField()),
        "article_id",
        Window(RowNumber(), partition_by=[F("article_id")], order_by=order),
        *(["about"] if part != AUTHOR else [Value(False)]),
        f"{target}_id",
        f"{target}__slug",
        f"{target}__{label}",
    )


def links(article_ids) -> dict[int, list[list[tuple]]]:
    """Each story's bylines and mentions, in one query: story id → four
    lists (authors, people, organisations, agreements) of (about, id, slug,
    name or title), in the order ``ArticleSerializer`` gives them (bylines
    by name, mentions in the order they were recorded)."""
    found: dict[int, list[list[tuple]]] = defaultdict(lambda: [[], [], [], []])
    if not article_ids:
        return found
    authors = Article.authors.through.objects.filter(article_id__in=article_ids)
    order_by_name = [F("person__name").asc(), F("person_id").asc()]
    parts = [
        _part(authors, AUTHOR, "person", "name", order_by_name),
        *(
            _part(
                model.objects.filter(article_id__in=article_ids),
                part,
                target,
                label,
                [F("pk").asc()],
            )
            for part, model, target, label in (
                (PERSON, ArticlePerson, "person", "name"),
                (ORGANISATION, ArticleOrganisation, "organisation", "name"),
                (AGREEMENT, ArticleAgreement, "agreement", "title"),
            )
        ),
    ]
    query = parts[0].union(*parts[1:], all=True)
    for part, article_id, _number, about, pk, slug, name in sorted(
        query, key=lambda link: (link[1], link[0], link[2])
    ):
        found[article_id][part].append((about, pk, slug, name))
    return found


def representation(row, request, links_of, wanted=None) -> dict:
    """What ``ArticleSerializer`` gives for the story in ``row``, its
    links from ``links_of`` (``links()``' four lists), limited to ``wanted``
    field names when given (``fields=``)."""
    (
        pk,
        slug,
        headline,
        standfirst,
        status,
        published_at,
        language,
        source_id,
        source_slug,
        source_name,
        source_url,
        quote_count,
    ) = row[:WIDTH]
    authors, people, organisations, agreements = links_of

    def link(part, pk, slug, name):
        key = "title" if part == AGREEMENT else "name"
        return {
            "id": pk,
            "slug": slug,
            key: name,
            "url": api_url(request, _LINK_VIEW[part], slug),
        }

    def mentions(part, entity, items):
        return [
            {"about": about, entity: link(part, pk, slug, name)}
            for about, pk, slug, name in items
        ]

    url = api_url(request, "article-detail", slug)
    found = {
        "id": pk,
        "slug": slug,
        "url": url,
        "jsonld_url": f"{url}?format=jsonld",
        "headline": headline,
        "standfirst": standfirst,
        "status": status,
        "published_at": None
        if published_at is None
        else _published_at.to_representation(published_at),
        "language": language,
        "source": None
        if source_id is None
        else link(ORGANISATION, source_id, source_slug, source_name),
        "source_url": source_url or None,
        "authors": [link(AUTHOR, *author[1:]) for author in authors],
        "people": mentions(PERSON, "person", people),
        "organisations": mentions(ORGANISATION, "organisation", organisations),
        "agreements": mentions(AGREEMENT, "agreement", agreements),
        "quote_count": quote_count,
        "quotes_url": _quotes_url(request, slug),
    }
    if wanted:
        return {name: value for name, value in found.items() if name in wanted}
    return found


def _quotes_url(request, slug: str) -> str:
    templates = request.__dict__.setdefault("_newsdesk_url_templates", {})
    head = templates.get("quote-list?article=")
    if head is None:
        head = templates["quote-list?article="] = request.build_absolute_uri(
            reverse("quote-list") + "?article="
        )
    return f"{head}{slug}"
