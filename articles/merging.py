"""What a registry merge moves among the stories.

When an editor merges two people or two organisations
(``entities.services.person_merge`` / ``organisation_merge``), the registry
moves what it owns (roles, aliases, parties, sub-organisations) and asks the
apps above it to move theirs: these movers, registered at start-up
(``ArticlesConfig.ready``), repoint quotes, mentions, bylines and a story's
source. So the registry needs to know nothing of the stories, and the
stories say themselves what links them to a record.
"""

from __future__ import annotations

from entities.models import Organisation, Person
from entities.services import merge_mover_register, rows_repoint

from .models import Article, Quote


def _mentions_repoint(mentions, field: str, survivor, reason: str) -> int:
    """Move mention rows, folding into the survivor's own mention of the same
    article (keeping ``about`` if either had it)."""
    count = 0
    for mention in mentions:
        existing = (
            type(mention)
            .objects.filter(article_id=mention.article_id, **{field: survivor})
            .first()
        )
        if existing is None:
            setattr(mention, field, survivor)
            mention._change_reason = reason
            mention.save()
        else:
            if mention.about and not existing.about:
                existing.about = True
                existing._change_reason = reason
                existing.save()
            mention._change_reason = reason
            mention.delete()
        count += 1
    return count


def person_move(*, duplicate: Person, survivor: Person, reason: str) -> dict:
    """The duplicate's quotes, mentions and bylines become the survivor's."""
    moved = {
        "quotes": rows_repoint(
            Quote.objects.filter(speaker=duplicate), "speaker", survivor, reason
        ),
        "mentions": _mentions_repoint(
            duplicate.article_mentions.all(), "person", survivor, reason
        ),
    }
    authored = list(Article.objects.filter(authors=duplicate))
    for article in authored:
        article.authors.remove(duplicate)
        article.authors.add(survivor)
    moved["bylines"] = len(authored)
    return moved


def organisation_move(
    *, duplicate: Organisation, survivor: Organisation, reason: str
) -> dict:
    """The quotes spoken for and given to the duplicate, its mentions and the
    stories it published become the survivor's."""
    return {
        "quotes": rows_repoint(
            Quote.objects.filter(organisation=duplicate),
            "organisation",
            survivor,
            reason,
        )
        + rows_repoint(
            Quote.objects.filter(outlet=duplicate), "outlet", survivor, reason
        ),
        "mentions": _mentions_repoint(
            duplicate.article_mentions.all(), "organisation", survivor, reason
        ),
        "articles": rows_repoint(
            Article.objects.filter(source=duplicate), "source", survivor, reason
        ),
    }


def register() -> None:
    merge_mover_register(Person, person_move)
    merge_mover_register(Organisation, organisation_move)
