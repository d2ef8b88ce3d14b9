"""Who may read which stories: the one place the API asks."""

from __future__ import annotations

import datetime

from django.db import connections
from django.db.models import CharField, F, FloatField, Q, QuerySet, TextField, Value
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from newsdesk import fulltext
from newsdesk.core import compiled
from newsdesk.core.audience import can_see_unpublished

from .models import Article, Quote


def articles_visible(*, user, at: datetime.datetime | None = None) -> QuerySet[Article]:
    """The stories ``user`` may read (at ``at``, by default now)."""
    if can_see_unpublished(user):
        return Article.objects.all()
    return Article.objects.published(at=at)


def article_next_publication(moment: datetime.datetime) -> datetime.datetime | None:
    """When the first story scheduled after ``moment`` becomes public, if
    one is (``Article.objects.published()`` takes it in then)."""
    return (
        Article.objects.scheduled_after(moment)
        .values_list("published_at", flat=True)
        .first()
    )


def quotes_visible(*, user, at: datetime.datetime | None = None) -> QuerySet[Quote]:
    """The quotes ``user`` may read (at ``at``, by default now)."""
    if can_see_unpublished(user):
        return Quote.objects.all()
    return Quote.objects.public(at=at)


SEARCH_LIMIT_PER_TYPE = 50

# Ranking every match of a common word among a million quotes would cost more
# than the answer is worth: the newest this many matches of each kind are
# ranked, and the best of them returned.
SEARCH_RANK_WINDOW = 300

# The order of the types among hits of equal score.
_SEARCH_TYPES = ("person", "organisation", "agreement", "article", "quote")


def search(*, q: str, user) -> list[dict]:
    """People, organisations, agreements, articles and quotes matching ``q``,
    best first, as plain dicts: ``type``, ``id``, ``slug``, ``title``,
    ``texts`` (what a snippet may come from, in the order tried) and
    ``score``.

    Stories and quotes by full-text search (``newsdesk.fulltext``), names by
    name or alias with misspellings forgiven. Scores share one scale: an
    exact name is 1.0, a close name its similarity; a story 0.3 to 0.8 by
    its rank (headline above standfirst above body), a quote 0.25 to 0.75.
    Each type is capped so one huge type cannot starve the others. Snippets
    are added by ``with_snippets`` for the page returned only.

    It costs two queries, three when a name matches: the names of both
    registries in one, their aliases (for the score) in another, and the
    agreements, stories and quotes in a third. Each is a ``UNION ALL`` of
    one part per type, and each part picks its best rows in a subquery
    (``pk IN (… ORDER BY … LIMIT n)``), because SQLite allows no LIMIT on
    a part of a compound query itself.
    """
    q = q.strip()
    hits = _name_hits(q, user) + _text_hits(q, user)
    # Within a type, the order of its own ranking; then by score, stably.
    hits.sort(key=lambda hit: (_SEARCH_TYPES.index(hit["type"]), hit.pop("ordinal")))
    hits.sort(key=lambda hit: -hit["score"])
    return hits


def _part(queryset, best, order, kind: str, *columns):
    """One part of a search query: (kind, id, *columns, ordinal) of the
    records of ``queryset`` among ``best`` (a sliced ``pk`` subquery), the
    ordinal numbering them in ``order``."""
    return (
        queryset.filter(pk__in=best)
        .order_by()
        .values_list(
            Value(kind, output_field=CharField()),
            "pk",
            *columns,
            Window(RowNumber(), order_by=order),
        )
    )


def _search_rows(part: str, build, q: str, user) -> list:
    """The rows of ``build(q, user, at)``. Building and compiling these
    unions costs the ORM about as much as the database takes to answer
    them (some 8 ms each on the benchmark corpus), so each is compiled once
    for each audience and number of words and run again with the words
    asked for (``compiled.rows_for_words``)."""
    using = Article.objects.db
    stand_in = fulltext.stand_in(q)
    if stand_in is None:
        return list(build(q, user, timezone.now()).using(using))
    connection = connections[using]
    # The stand-in is the query's shape: one for each number of words.
    return compiled.rows_for_words(
        ("search", part, can_see_unpublished(user), stand_in),
        lambda text, at: build(text, user, at),
        q,
        stand_in,
        lambda text: fulltext.query_values(text, connection),
        using,
        fulltext.STAND_IN_MARKER,
    )


def _names_query(q: str, user, at):
    from entities import selectors as entity_selectors

    parts = []
    for queryset in (
        entity_selectors.people_visible(user=user, at=at),
        entity_selectors.organisations_visible(user=user, at=at),
    ):
        kind = queryset.model._meta.model_name
        order = [F("similarity").desc(), F("name").asc()]
        best = (
            fulltext.names_matching(queryset, q)
            .order_by(*order)
            .values("pk")[:SEARCH_LIMIT_PER_TYPE]
        )
        named = queryset.annotate(similarity=fulltext.WordSimilarity(q, "name"))
        parts.append(_part(named, best, order, kind, "slug", "name"))
    return parts[0].union(*parts[1:], all=True)


def _name_hits(q: str, user) -> list[dict]:
    from entities.models import Organisation, Person

    found = _search_rows("names", _names_query, q, user)
    if not found:
        return []
    aliases = [
        (
            model._meta.model_name,
            model.aliases.rel.related_model,
            f"{model.aliases.field.name}_id",
        )
        for model in (Person, Organisation)
    ]
    names = {(kind, pk): [name] for kind, pk, _slug, name, _ordinal in found}
    alias_parts = [
        model.objects.filter(**{f"{owner}__in": [pk for k, pk in names if k == kind]})
        .order_by()
        .values_list(Value(kind, output_field=CharField()), owner, "name")
        for kind, model, owner in aliases
    ]
    for kind, pk, name in alias_parts[0].union(*alias_parts[1:], all=True):
        names[kind, pk].append(name)
    return [
        {
            "type": kind,
            "id": pk,
            "slug": slug,
            "title": name,
            "texts": (),
            "score": max(_name_score(each, q) for each in names[kind, pk]),
            "ordinal": ordinal,
        }
        for kind, pk, slug, name, ordinal in found
    ]


def _texts_query(q: str, user, at):
    from entities import selectors as entity_selectors

    none = Value(None, output_field=TextField())
    # Stories first: every column of theirs has a type, which PostgreSQL
    # then gives the other parts' empty (NULL) columns.
    stories = articles_visible(user=user, at=at)
    order = [F("rank").desc(), F("published_at").desc(), F("id").desc()]
    best = _best_of_newest(
        stories.order_by("-published_at", "-id"),
        fulltext.articles_matching,
        fulltext.articles_ranked,
        q,
        order,
    )
    parts = [
        _part(
            fulltext.articles_ranked(stories, q),
            best,
            order,
            "article",
            "slug",
            "headline",
            "headline",
            "standfirst",
            "body",
            "rank",
        )
    ]
    quotes = quotes_visible(user=user, at=at)
    order = [F("rank").desc(), F("said_on").desc(), F("id").desc()]
    best = _best_of_newest(
        quotes.order_by("-said_on", "-id"),
        fulltext.quote_text_matching,
        fulltext.quotes_ranked,
        q,
        order,
    )
    parts.append(
        _part(
            fulltext.quotes_ranked(quotes, q),
            best,
            order,
            "quote",
            none,
            "speaker__name",
            "source_description",
            "text",
            none,
            "rank",
        )
    )
    agreements = entity_selectors.agreements_visible(user=user, at=at).filter(
        Q(title__icontains=q) | Q(scope__icontains=q) | Q(summary__icontains=q)
    )
    order = [F("signed_on").desc(), F("title").asc(), F("id").asc()]
    best = agreements.order_by(*order).values("pk")[:SEARCH_LIMIT_PER_TYPE]
    parts.append(
        _part(
            agreements,
            best,
            order,
            "agreement",
            "slug",
            "title",
            "scope",
            none,
            none,
            Value(None, output_field=FloatField()),
        )
    )
    return parts[0].union(*parts[1:], all=True)


def _text_hits(q: str, user) -> list[dict]:
    hits = []
    for kind, pk, slug, title, first, second, third, rank, ordinal in _search_rows(
        "texts", _texts_query, q, user
    ):
        if kind == "article":
            texts, score = (first, second, third), 0.3 + 0.5 * rank
        elif kind == "quote":
            # An unnamed source is titled by its description ("officials").
            title, texts, score = title or first, (second,), 0.25 + 0.5 * rank
        else:
            in_title = q.casefold() in title.casefold()
            texts, score = (first,), _name_score(title, q) if in_title else 0.3
        hits.append(
            {
                "type": kind,
                "id": pk,
                "slug": slug,
                "title": title,
                "texts": texts,
                "score": score,
                "ordinal": ordinal,
            }
        )
    return hits


def _best_of_newest(newest_first, matching, ranked, q: str, order):
    """The ``pk`` subquery of the best-ranked records, in ``order``, among
    the newest ``SEARCH_RANK_WINDOW`` of ``newest_first`` that ``matching``
    finds for ``q``; ``ranked`` annotates ``rank``."""
    newest = matching(newest_first, q).values("pk")[:SEARCH_RANK_WINDOW]
    return (
        ranked(newest_first.filter(pk__in=newest), q)
        .order_by(*order)
        .values("pk")[:SEARCH_LIMIT_PER_TYPE]
    )


def _name_score(name: str, q: str) -> float:
    """1.0 for the name itself, less for a name that starts with or contains
    ``q``, the trigram likeness for a misspelling."""
    name_folded, q_folded = name.casefold(), q.casefold()
    if name_folded == q_folded:
        return 1.0
    if name_folded.startswith(q_folded):
        return 0.8
    if f" {q_folded}" in f" {name_folded}":
        return 0.6
    if q_folded in name_folded:
        return 0.5
    return 0.5 * fulltext.word_similarity(q, name)


def with_snippets(hits: list[dict], q: str) -> list[dict]:
    """Add each hit's ``snippet``: the matching part of the first of its
    ``texts`` that holds a word of ``q`` (a story's headline, standfirst,
    then body), else of the last of them (the body's opening); nothing for
    names."""
    for hit in hits:
        hit["snippet"] = ""
        for text in hit["texts"]:
            hit["snippet"] = fulltext.snippet(text, q)
            if "<mark>" in hit["snippet"]:
                break
    return hits
