"""Who may read which stories: the one place the API asks."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from newsdesk import fulltext
from newsdesk.core.audience import can_see_unpublished

from .models import Article, Quote


def articles_visible(*, user) -> QuerySet[Article]:
    if can_see_unpublished(user):
        return Article.objects.all()
    return Article.objects.published()


def article_next_publication(moment: datetime.datetime) -> datetime.datetime | None:
    """When the first story scheduled after ``moment`` becomes public, if
    one is (``Article.objects.published()`` takes it in then)."""
    return (
        Article.objects.scheduled_after(moment)
        .values_list("published_at", flat=True)
        .first()
    )


def quotes_visible(*, user) -> QuerySet[Quote]:
    if can_see_unpublished(user):
        return Quote.objects.all()
    return Quote.objects.public()


SEARCH_LIMIT_PER_TYPE = 50

# Ranking every match of a common word among a million quotes would cost more
# than the answer is worth: the newest this many matches of each kind are
# ranked, and the best of them returned.
SEARCH_RANK_WINDOW = 300


def search(*, q: str, user) -> list[dict]:
    """People, organisations, agreements, articles and quotes matching ``q``,
    best first, as plain dicts (``type``, ``record``, ``score``).

    Stories and quotes by full-text search (``newsdesk.fulltext``), names by
    name or alias with misspellings forgiven. Scores share one scale: an
    exact name is 1.0, a close name its similarity; a story 0.3 to 0.8 by
    its rank (headline above standfirst above body), a quote 0.25 to 0.75.
    Each type is capped so one huge type cannot starve the others. Snippets
    are added by ``with_snippets`` for the page returned only.
    """
    from django.db.models import Prefetch, Q

    from entities import selectors as entity_selectors

    q = q.strip()
    hits: list[dict] = []
    for kind, queryset in (
        ("person", entity_selectors.people_visible(user=user)),
        ("organisation", entity_selectors.organisations_visible(user=user)),
    ):
        # Only what a hit shows: the name, the slug for its URL, the aliases
        # for its score.
        matches = (
            fulltext.names_matching(queryset, q)
            .only("id", "slug", "name")
            .prefetch_related(
                Prefetch(
                    "aliases",
                    queryset.model.aliases.rel.related_model.objects.only(
                        "id", queryset.model.aliases.field.name, "name"
                    ),
                )
            )
        )
        for record in matches.order_by("-similarity", "name")[:SEARCH_LIMIT_PER_TYPE]:
            names = [record.name, *(alias.name for alias in record.aliases.all())]
            score = max(_name_score(name, q) for name in names)
            hits.append({"type": kind, "record": record, "score": score})
    agreements = (
        entity_selectors.agreements_visible(user=user)
        .filter(Q(title__icontains=q) | Q(scope__icontains=q) | Q(summary__icontains=q))
        .only("id", "slug", "title", "scope", "signed_on")[:SEARCH_LIMIT_PER_TYPE]
    )
    for agreement in agreements:
        in_title = q.casefold() in agreement.title.casefold()
        score = _name_score(agreement.title, q) if in_title else 0.3
        hits.append({"type": "agreement", "record": agreement, "score": score})
    newest = articles_visible(user=user).order_by("-published_at", "-id")
    articles = (
        fulltext.articles_ranked(
            articles_visible(user=user).filter(
                pk__in=fulltext.articles_matching(newest, q).values("pk")[
                    :SEARCH_RANK_WINDOW
                ]
            ),
            q,
        )
        .order_by("-rank", "-published_at", "-id")
        .only("id", "slug", "headline", "standfirst", "body", "published_at")[
            :SEARCH_LIMIT_PER_TYPE
        ]
    )
    for article in articles:
        hits.append(
            {"type": "article", "record": article, "score": 0.3 + 0.5 * article.rank}
        )
    quotes = (
        fulltext.quotes_ranked(
            quotes_visible(user=user).filter(
                pk__in=fulltext.quote_text_matching(
                    quotes_visible(user=user).order_by("-said_on", "-id"), q
                ).values("pk")[:SEARCH_RANK_WINDOW]
            ),
            q,
        )
        .select_related("speaker")
        .order_by("-rank", "-said_on", "-id")
        .only("id", "text", "said_on", "source_description", "speaker__name")[
            :SEARCH_LIMIT_PER_TYPE
        ]
    )
    for quote in quotes:
        hits.append(
            {"type": "quote", "record": quote, "score": 0.25 + 0.5 * quote.rank}
        )
    hits.sort(key=lambda hit: -hit["score"])
    return hits


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
    """Add each hit's ``snippet``: the matching part of a story's text or a
    quote, highlighted; an agreement's scope; nothing for names."""
    for hit in hits:
        record = hit["record"]
        if hit["type"] == "article":
            # The first part with a word found, else the body's opening.
            for part in (record.headline, record.standfirst, record.body):
                hit["snippet"] = fulltext.snippet(part, q)
                if "<mark>" in hit["snippet"]:
                    break
        elif hit["type"] == "quote":
            hit["snippet"] = fulltext.snippet(record.text, q)
        elif hit["type"] == "agreement":
            hit["snippet"] = fulltext.snippet(record.scope, q)
        else:
            hit["snippet"] = ""
    return hits
