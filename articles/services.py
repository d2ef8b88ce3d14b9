"""Every write to stories and quotes that matters. The admin, the API and the
seed loader call these, so the rules (quotes located in the body, defaults from
the speaker's role, mentions kept in step) exist once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from entities.models import Agreement, Organisation, Person
from entities.services import validated_save

from .models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    ArticleStatus,
    Quote,
    QuoteKind,
)


@transaction.atomic
def article_save(*, article: Article, relocate_quotes: bool = True) -> Article:
    """Create or update an article.

    With ``relocate_quotes`` every quote is located again in the (possibly
    edited) body; a direct or partial quote whose words are gone refuses the
    save with an error on ``body`` naming it. The admin passes ``False`` and
    relocates after its quote inline is saved, because it validates the new
    body against the new quote texts itself.
    """
    validated_save(article)
    if relocate_quotes:
        quotes_relocate(article=article)
    return article


def article_create(
    *,
    headline: str,
    body: str,
    slug: str = "",
    standfirst: str = "",
    source: Organisation | None = None,
    source_url: str = "",
    language: str = "en",
    status: str = ArticleStatus.DRAFT,
    published_at: datetime.datetime | None = None,
    authors: Iterable[Person] = (),
) -> Article:
    with transaction.atomic():
        article = article_save(
            article=Article(
                headline=headline,
                body=body,
                slug=slug,
                standfirst=standfirst,
                source=source,
                source_url=source_url,
                language=language,
                status=status,
                published_at=published_at,
            )
        )
        article.authors.set(authors)
    return article


@transaction.atomic
def quotes_relocate(*, article: Article) -> None:
    """Locate every quote of ``article`` in its current body."""
    missing: list[str] = []
    for quote in article.quotes.select_related("speaker"):
        quote.article = article
        before = (quote.start, quote.end, quote.text)
        try:
            quote.full_clean()
        except ValidationError:
            missing.append(f"“{quote.text}” ({quote.speaker})")
            continue
        if (quote.start, quote.end, quote.text) != before:
            quote.save()
    if missing:
        raise ValidationError(
            {
                "body": "These quotes no longer occur in the body; correct the "
                "body or the quotes: " + "; ".join(missing)
            },
            code="quote_not_in_body",
        )


@transaction.atomic
def quote_save(*, quote: Quote) -> Quote:
    """Create or update a quote: locate it in the body, fill the speaker's
    organisation and the date, and record its people and organisations as
    mentioned by the article."""
    validated_save(quote)
    _quote_mentions_add(quote)
    return quote


def _quote_mentions_add(quote: Quote) -> None:
    article_mention_add(article=quote.article, entity=quote.speaker)
    for organisation in (quote.organisation, quote.outlet):
        if organisation is not None:
            article_mention_add(article=quote.article, entity=organisation)


@transaction.atomic
def article_quoted_mentions_ensure(*, article: Article) -> None:
    """Whoever an article quotes, it mentions: put back any mention of a
    quoted speaker, organisation or outlet that an editor removed."""
    for quote in article.quotes.select_related("speaker", "organisation", "outlet"):
        _quote_mentions_add(quote)


def quote_create(
    *,
    article: Article,
    text: str,
    speaker: Person,
    kind: str = QuoteKind.DIRECT,
    organisation: Organisation | None = None,
    outlet: Organisation | None = None,
    cue: str = "",
    said_on: datetime.date | None = None,
) -> Quote:
    return quote_save(
        quote=Quote(
            article=article,
            text=text,
            kind=kind,
            speaker=speaker,
            organisation=organisation,
            outlet=outlet,
            cue=cue,
            said_on=said_on,
        )
    )


_MENTION_MODELS = {
    Person: (ArticlePerson, "person"),
    Organisation: (ArticleOrganisation, "organisation"),
    Agreement: (ArticleAgreement, "agreement"),
}


@transaction.atomic
def article_mention_add(
    *, article: Article, entity: Person | Organisation | Agreement, about: bool = False
):
    """Record that ``article`` mentions ``entity`` (a person, organisation or
    agreement); ``about`` marks it as what the story is about. Adding an
    existing mention only ever raises ``about``, never lowers it."""
    model, field = _MENTION_MODELS[type(entity)]
    mention, created = model.objects.get_or_create(
        article=article, **{field: entity}, defaults={"about": about}
    )
    if about and not mention.about:
        mention.about = True
        mention.save(update_fields=["about"])
    return mention
