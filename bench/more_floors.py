"""Floors of the lists whose rows carry related lists (stories with their
bylines and mentions, people with aliases and roles, organisations with
aliases, agreements with parties and status history, whether all of them
or those two parties share) and of ``search/``.

Each floor fetches the same page of the same records, with the columns the
API shows, through ``.values()``: one query for the page and one per
related list, as a bare view would, serialised by orjson (bench/floors.py).
Its raw-SQL floor is the page query alone (``page_queryset``), run through
psycopg; ``search/``'s is all four of its queries (``raw_querysets``).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F

from articles.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)
from newsdesk import fulltext

PAGE = 50
DEFAULT_PAGE = 20  # the API's page size when the request names none (people/?q=)
SEARCH_PER_TYPE = 20  # what search/ shows of each type at most, one page
# search/ ranks the newest this many matches of each type, as the API does
# (articles.selectors.SEARCH_RANK_WINDOW).
RANK_WINDOW = 300

ARTICLE_VALUES = [
    "id",
    "slug",
    "headline",
    "standfirst",
    "status",
    "published_at",
    "language",
    "source_url",
    "source__id",
    "source__slug",
    "source__name",
    "quote_count",
]


def _articles(p):
    return (
        Article.objects.published(at=p.now)
        .with_quote_count()
        .order_by(F("published_at").desc(nulls_first=True), "-id")
    )


def page_queryset(name: str, p):
    """The page query of floor ``name`` (a ``.values()`` queryset)."""
    if name == "articles_list":
        return _articles(p).values(*ARTICLE_VALUES)[:PAGE]
    if name in ("articles_search_common", "articles_search_rare"):
        word = p.common_word if name.endswith("common") else p.rare_word
        return fulltext.articles_matching(_articles(p), word).values(*ARTICLE_VALUES)[
            :PAGE
        ]
    if name in ("search_common", "search_rare"):
        word = p.common_word if name.endswith("common") else p.rare_word
        public = Quote.objects.filter(public_from__lte=p.now)
        newest = fulltext.quote_text_matching(
            public.order_by("-said_on", "-id"), word
        ).values("pk")[:RANK_WINDOW]
        return (
            fulltext.quotes_ranked(public.filter(pk__in=newest), word)
            .order_by("-rank", "-said_on", "-id")
            .values("id", "text", "speaker__name", "rank")[:SEARCH_PER_TYPE]
        )
    if name == "people_list":
        return (
            Person.objects.filter(public_from__lte=p.now)
            .order_by("name", "id")
            .values("id", "slug", "name", "description", "wikidata_id")[:PAGE]
        )
    if name == "people_name_prefix":
        # The API's own name search (names and aliases, misspellings too):
        # a floor with a plain ILIKE would match other rows by another plan.
        return (
            fulltext.names_matching(
                Person.objects.filter(public_from__lte=p.now), p.name_prefix
            )
            .order_by("name", "id")
            .values("id", "slug", "name", "description", "wikidata_id")[:DEFAULT_PAGE]
        )
    if name == "organisations_list":
        return (
            Organisation.objects.filter(public_from__lte=p.now)
            .order_by("name", "id")
            .values(
                "id",
                "slug",
                "name",
                "kind",
                "country",
                "description",
                "wikidata_id",
                "parent__id",
                "parent__slug",
                "parent__name",
            )[:PAGE]
        )
    if name in ("agreements_list", "agreements_two_parties"):
        agreements = Agreement.objects.filter(public_from__lte=p.now)
        size = PAGE
        if name == "agreements_two_parties":
            # At the API's default page size, as the endpoint asks.
            size = DEFAULT_PAGE
            for party in p.parties:
                agreements = agreements.filter(parties__organisation__slug=party)
        return agreements.order_by(
            F("signed_on").desc(nulls_first=True), "title", "id"
        ).values(
            "id",
            "slug",
            "title",
            "kind",
            "signed_on",
            "signed_precision",
            "scope",
            "summary",
            "status",
            "wikidata_id",
        )[:size]
    raise KeyError(name)


def _attach(rows: list[dict], name: str, related, key: str, *columns) -> None:
    """Give each row ``name``: the related rows (``columns``) whose ``key``
    is the row's id, in one query."""
    ids = [row["id"] for row in rows]
    found = defaultdict(list)
    for item in related.filter(**{f"{key}__in": ids}).values(key, *columns):
        found[item.pop(key)].append(item)
    for row in rows:
        row[name] = found[row["id"]]


def _article_rows(name: str, p) -> list[dict]:
    rows = list(page_queryset(name, p))
    through = Article.authors.through.objects.order_by("pk")
    _attach(rows, "authors", through, "article_id", "person__slug", "person__name")
    for label, model, entity in (
        ("people", ArticlePerson, "person"),
        ("organisations", ArticleOrganisation, "organisation"),
        ("agreements", ArticleAgreement, "agreement"),
    ):
        title = "title" if entity == "agreement" else "name"
        _attach(
            rows,
            label,
            model.objects.order_by("pk"),
            "article_id",
            "about",
            f"{entity}__id",
            f"{entity}__slug",
            f"{entity}__{title}",
        )
    return rows


def raw_querysets(name: str, p) -> list:
    """The queries of floor ``name`` that its raw floor runs: the page
    query, or for search/ all four (people, organisations, stories and
    quotes matching the word), so that its raw floor is one of the whole
    answer, as its values floor is."""
    if name not in ("search_common", "search_rare"):
        return [page_queryset(name, p)]
    word = p.common_word if name.endswith("common") else p.rare_word
    querysets = [
        fulltext.names_matching(model.objects.filter(public_from__lte=p.now), word)
        .order_by("-similarity", "name")
        .values("id", "slug", "name", "similarity")[:SEARCH_PER_TYPE]
        for model in (Person, Organisation)
    ]
    published = Article.objects.published(at=p.now)
    newest = fulltext.articles_matching(
        published.order_by("-published_at", "-id"), word
    ).values("pk")[:RANK_WINDOW]
    querysets.append(
        fulltext.articles_ranked(published.filter(pk__in=newest), word)
        .order_by("-rank", "-published_at", "-id")
        .values("id", "slug", "headline")[:SEARCH_PER_TYPE]
    )
    return [*querysets, page_queryset(name, p)]


def _search_rows(name: str, p) -> list[dict]:
    hits = []
    for queryset in raw_querysets(name, p):
        hits += list(queryset)
    return hits[:SEARCH_PER_TYPE]


def _people_rows(name: str, p) -> list[dict]:
    rows = list(page_queryset(name, p))
    _attach(rows, "aliases", PersonAlias.objects.order_by("pk"), "person_id", "name")
    _attach(
        rows,
        "roles",
        Role.objects.order_by("pk"),
        "person_id",
        "title",
        "start_date",
        "end_date",
        "organisation__id",
        "organisation__slug",
        "organisation__name",
    )
    return rows


def _organisation_rows(name: str, p) -> list[dict]:
    rows = list(page_queryset(name, p))
    _attach(
        rows,
        "aliases",
        OrganisationAlias.objects.order_by("pk"),
        "organisation_id",
        "name",
    )
    return rows


def _agreement_rows(name: str, p) -> list[dict]:
    rows = list(page_queryset(name, p))
    _attach(
        rows,
        "parties",
        AgreementParty.objects.order_by("pk"),
        "agreement_id",
        "role",
        "organisation__id",
        "organisation__slug",
        "organisation__name",
    )
    _attach(
        rows,
        "status_history",
        AgreementStatusChange.objects.order_by("date", "id"),
        "agreement_id",
        "status",
        "date",
        "note",
        "party__slug",
        "article__slug",
    )
    return rows


MORE_FLOORS = {
    "articles_list": lambda p: _article_rows("articles_list", p),
    "articles_search_common": lambda p: _article_rows("articles_search_common", p),
    "articles_search_rare": lambda p: _article_rows("articles_search_rare", p),
    "search_common": lambda p: _search_rows("search_common", p),
    "search_rare": lambda p: _search_rows("search_rare", p),
    "people_list": lambda p: _people_rows("people_list", p),
    "people_name_prefix": lambda p: _people_rows("people_name_prefix", p),
    "organisations_list": lambda p: _organisation_rows("organisations_list", p),
    "agreements_list": lambda p: _agreement_rows("agreements_list", p),
    "agreements_two_parties": lambda p: _agreement_rows("agreements_two_parties", p),
}
