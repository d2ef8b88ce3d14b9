"""Who may read which stories: the one place the API asks."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Article, Quote


def can_see_unpublished(user) -> bool:
    """Editors and reporters (staff) read every state; everyone else reads
    published content only."""
    return bool(user and user.is_active and user.is_staff)


def articles_visible(*, user) -> QuerySet[Article]:
    if can_see_unpublished(user):
        return Article.objects.all()
    return Article.objects.published()


def quotes_visible(*, user) -> QuerySet[Quote]:
    if can_see_unpublished(user):
        return Quote.objects.all()
    return Quote.objects.filter(article__in=Article.objects.published())


SEARCH_LIMIT_PER_TYPE = 50


def _name_score(name: str, q: str) -> float:
    name, q = name.casefold(), q.casefold()
    if name == q:
        return 1.0
    if name.startswith(q):
        return 0.8
    if f" {q}" in f" {name}":
        return 0.6
    return 0.4


def search(*, q: str, user) -> list[dict]:
    """People, organisations, agreements, articles and quotes matching ``q``,
    best first, as plain dicts (``type``, ``record``, ``score``, ``snippet``).

    Substring matching scored by where the words occur; each type is capped so
    one huge type cannot starve the others.
    """
    from django.db.models import Q

    from entities import selectors as entity_selectors

    q = q.strip()
    hits: list[dict] = []
    for kind, queryset in (
        ("person", entity_selectors.people_visible(user=user)),
        ("organisation", entity_selectors.organisations_visible(user=user)),
    ):
        matches = (
            queryset.filter(Q(name__icontains=q) | Q(aliases__name__icontains=q))
            .distinct()
            .prefetch_related("aliases")[:SEARCH_LIMIT_PER_TYPE]
        )
        for record in matches:
            names = [record.name, *(alias.name for alias in record.aliases.all())]
            score = max(
                _name_score(name, q)
                for name in names
                if q.casefold() in name.casefold()
            )
            hits.append({"type": kind, "record": record, "score": score, "snippet": ""})
    agreements = entity_selectors.agreements_visible(user=user).filter(
        Q(title__icontains=q) | Q(scope__icontains=q) | Q(summary__icontains=q)
    )[:SEARCH_LIMIT_PER_TYPE]
    for agreement in agreements:
        in_title = q.casefold() in agreement.title.casefold()
        score = _name_score(agreement.title, q) if in_title else 0.3
        hits.append(
            {
                "type": "agreement",
                "record": agreement,
                "score": score,
                "snippet": agreement.scope,
            }
        )
    articles = articles_visible(user=user).filter(
        Q(headline__icontains=q) | Q(standfirst__icontains=q) | Q(body__icontains=q)
    )[:SEARCH_LIMIT_PER_TYPE]
    for article in articles:
        if q.casefold() in article.headline.casefold():
            score, text = 0.7, article.headline
        elif q.casefold() in article.standfirst.casefold():
            score, text = 0.5, article.standfirst
        else:
            score, text = 0.3, article.body
        hits.append(
            {
                "type": "article",
                "record": article,
                "score": score,
                "snippet": snippet(text, q),
            }
        )
    quotes = (
        quotes_visible(user=user)
        .filter(text__icontains=q)
        .select_related("speaker", "article")[:SEARCH_LIMIT_PER_TYPE]
    )
    for quote in quotes:
        hits.append(
            {
                "type": "quote",
                "record": quote,
                "score": 0.35,
                "snippet": snippet(quote.text, q),
            }
        )
    hits.sort(key=lambda hit: -hit["score"])
    return hits


def snippet(text: str, q: str, width: int = 160) -> str:
    """The part of ``text`` around the first occurrence of ``q``."""
    at = text.casefold().find(q.casefold())
    if at < 0 or len(text) <= width:
        return text[:width]
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
