"""Every write to stories and quotes that matters. The admin, the API and the
seed loader call these, so the rules (quotes located in the body, defaults from
the speaker's role, mentions kept in step) exist once.

What a write does beyond its own row is written out here, not hidden in a
model's ``save()`` or a signal: a story's quotes follow its publication time,
and the registry records it names are made public or hidden again
(``entities.visibility.refresh``). Only the API cache's invalidation runs on
signals, for the reason newsdesk/cache.py gives."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from entities import visibility
from entities.models import Agreement, Organisation, Person
from newsdesk import events
from newsdesk.core.services import validated_save

from .history import quotes_as_of
from .models import (
    UNKNOWN,
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    ArticleStatus,
    Quote,
    QuoteKind,
)
from .visibility import named_by


@transaction.atomic
def article_save(
    *,
    article: Article,
    relocate_quotes: bool = True,
    expected_version: int | None = None,
) -> Article:
    """Create or update an article.

    With ``relocate_quotes`` every quote is located again in the (possibly
    edited) body; a direct or partial quote whose words are gone refuses the
    save with an error on ``body`` naming it. The admin passes ``False`` and
    relocates after its quote inline is saved, because it validates the new
    body against the new quote texts itself.
    """
    adding = article._state.adding
    # A new article has no quotes yet.
    stored = None if adding else article.__dict__.get("_stored_public_from", UNKNOWN)
    stored_source = article.__dict__.get("_stored_source_id", UNKNOWN)
    # Published as loaded (Article.from_db keeps it): no query of its own.
    was_published = stored is not None and stored is not UNKNOWN
    validated_save(article, expected_version=expected_version)
    public_changed = stored is UNKNOWN or stored != article.public_from
    if public_changed and not adding:
        # Each quote carries its article's public_from, so the public quote
        # lists need no join to articles (see Quote.public_from).
        Quote.objects.filter(article_id=article.pk).update(
            public_from=article.public_from
        )
    # And each record the story names keeps when it became public.
    if adding:
        if article.public_from is not None:
            visibility.refresh(organisations={article.source_id})
    elif public_changed or stored_source != article.source_id:
        old_source = None if stored_source is UNKNOWN else stored_source
        visibility.refresh(**named_by(article, old_source_id=old_source))
    article.stored_state_keep()
    if relocate_quotes:
        quotes_relocate(article=article)
    if was_published and article.status == ArticleStatus.PUBLISHED:
        events.emit("article.updated", article=article)
    return article


@transaction.atomic
def article_authors_set(*, article: Article, authors: Iterable[Person]) -> None:
    """Make ``article``'s bylines exactly ``authors``; whoever gains or loses
    a byline of a published story is made public or hidden again."""
    wanted = {person.pk for person in authors}
    current = set(article.authors.values_list("pk", flat=True))
    if wanted == current:
        return
    article.authors.remove(*(current - wanted))
    article.authors.add(*(wanted - current))
    if article.public_from is not None:
        visibility.refresh(people=current ^ wanted)


@transaction.atomic
def article_delete(*, article: Article) -> None:
    """Delete ``article`` with its quotes and mentions; the records only it
    named stop being public."""
    named = named_by(article)
    article.delete()
    visibility.refresh(**named)


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
    created_by=None,
) -> Article:
    """Create an article; ``created_by`` (the account writing it) may then
    edit it as a draft."""
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
        article_authors_set(article=article, authors=authors)
        article_assignee_add(article=article, user=created_by)
    return article


@transaction.atomic
def quotes_relocate(*, article: Article) -> None:
    """Locate every quote of ``article`` in its current body, and fill the
    defaults that depend on the article (a quote entered in a draft gets its
    date once the article has a publication time)."""

    def state(quote: Quote) -> tuple:
        return (
            quote.start,
            quote.end,
            quote.text,
            quote.said_on,
            quote.organisation_id,
        )

    missing: list[str] = []
    changed: list[Quote] = []
    for quote in article.quotes.select_related("speaker"):
        quote.article = article
        before = state(quote)
        try:
            quote.follow_article(article)
        except ValidationError:
            missing.append(f"“{quote.text}” ({quote.source_name})")
            continue
        if state(quote) != before:
            changed.append(quote)
    if missing:
        # Refused before any quote is written: nothing to roll back.
        raise ValidationError(
            {
                "body": "These quotes no longer occur in the body; correct the "
                "body or the quotes: " + "; ".join(missing)
            },
            code="quote_not_in_body",
        )
    # Only offsets, text, date and organisation move here; the quotes'
    # public_from is already their article's (``article_save``).
    for quote in changed:
        quote.save()
        # A quote that just got its date may have got its organisation too.
        _quote_visibility_refresh(quote)


@transaction.atomic
def quote_save(*, quote: Quote) -> Quote:
    """Create or update a quote: locate it in the body, fill the speaker's
    organisation and the date, and record its people and organisations as
    mentioned by the article."""
    # Each quote carries its article's public_from (see Quote.public_from).
    quote.public_from = quote.article.public_from
    adding = quote._state.adding
    validated_save(quote)
    _quote_mentions_add(quote)
    _quote_visibility_refresh(quote, adding=adding)
    if adding:
        events.emit("quote.created", quote=quote)
    return quote


def _quote_visibility_refresh(quote: Quote, *, adding: bool = False) -> None:
    """The records a quote names are public from its story's time; those it
    no longer names may not be. A saved quote that keeps its links and its
    story's time (its words relocated in an edited body, a corrected cue)
    changes nothing there, and is skipped: every quote of a story is saved
    when its body shifts them."""
    before = quote.__dict__.get("_stored_links", (None, None, None))
    now = quote.links()
    stored_public_from = quote.__dict__.get("_stored_public_from", UNKNOWN)
    if adding or before != now or stored_public_from != quote.public_from:
        visibility.refresh(
            people={before[0], now[0]},
            organisations={before[1], before[2], now[1], now[2]},
        )
    quote.stored_state_keep()


@transaction.atomic
def quote_delete(*, quote: Quote) -> None:
    """Delete ``quote``; the records only it named stop being public."""
    speaker, organisation, outlet = quote.links()
    quote.delete()
    visibility.refresh(people={speaker}, organisations={organisation, outlet})


def _quote_mentions_add(quote: Quote) -> None:
    if quote.speaker is not None:
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
    speaker: Person | None,
    kind: str = QuoteKind.DIRECT,
    organisation: Organisation | None = None,
    outlet: Organisation | None = None,
    cue: str = "",
    said_on: datetime.date | None = None,
    source_description: str = "",
) -> Quote:
    return quote_save(
        quote=Quote(
            article=article,
            text=text,
            kind=kind,
            speaker=speaker,
            source_description=source_description,
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
    if created:
        visibility.refresh(**{_REFRESH_KEY[field]: {entity.pk}})
    elif about and not mention.about:
        mention.about = True
        mention.save(update_fields=["about"])
    return mention


_REFRESH_KEY = {
    "person": "people",
    "organisation": "organisations",
    "agreement": "agreements",
}


Mention = ArticlePerson | ArticleOrganisation | ArticleAgreement


def _mention_field(mention: Mention) -> str:
    return next(f for m, f in _MENTION_MODELS.values() if m is type(mention))


@transaction.atomic
def article_mention_save(*, mention: Mention) -> Mention:
    """Save one mention edited on its own (its record, story or ``about``);
    the record it named before and the one it names now follow."""
    field = _mention_field(mention)
    before = None
    if mention.pk is not None:
        before = (
            type(mention)
            .objects.filter(pk=mention.pk)
            .values_list(f"{field}_id", flat=True)
            .first()
        )
    validated_save(mention)
    refreshed = {before, getattr(mention, f"{field}_id")}
    visibility.refresh(**{_REFRESH_KEY[field]: refreshed})
    return mention


@transaction.atomic
def article_links_refresh(*, article: Article, before: dict[str, set]) -> None:
    """After an editor changed a story's bylines and mentions in one form
    (the admin's change page): the records it named ``before``
    (``visibility.named_by``, taken before the save) and those it names now
    follow. A story that is not published makes nothing public either way."""
    if article.public_from is None:
        return
    now = named_by(article)
    visibility.refresh(**{key: before.get(key, set()) | now[key] for key in now})


@transaction.atomic
def article_mention_delete(*, mention: Mention) -> None:
    """Delete one mention; the record stops being public if nothing else
    published names it."""
    field = _mention_field(mention)
    entity_id = getattr(mention, f"{field}_id")
    mention.delete()
    visibility.refresh(**{_REFRESH_KEY[field]: {entity_id}})


class WorkflowError(ValidationError):
    """A status change the article's state or the user's rights do not allow."""


# (from, to): (verb, permission needed)
TRANSITIONS: dict[tuple[str, str], tuple[str, str]] = {
    (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW): (
        "submit for review",
        "articles.change_article",
    ),
    (ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT): (
        "return to draft",
        "articles.change_article",
    ),
    (ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED): (
        "publish",
        "articles.publish_article",
    ),
    (ArticleStatus.DRAFT, ArticleStatus.PUBLISHED): (
        "publish",
        "articles.publish_article",
    ),
    (ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED): (
        "archive",
        "articles.publish_article",
    ),
    (ArticleStatus.PUBLISHED, ArticleStatus.DRAFT): (
        "unpublish",
        "articles.publish_article",
    ),
    (ArticleStatus.ARCHIVED, ArticleStatus.DRAFT): (
        "reopen",
        "articles.publish_article",
    ),
}


def article_can_edit(*, article: Article, user) -> bool:
    """Editors change every story. A reporter changes a new story, and a
    draft they are assigned to (whoever creates a story is); once it is
    submitted, only editors change it. Every write to an article, its quotes
    and its mentions, and every workflow move, asks this first."""
    if not user.has_perm("articles.change_article"):
        return False
    if user.has_perm("articles.publish_article") or article.pk is None:
        return True
    return (
        article.status == ArticleStatus.DRAFT
        and article.assignees.filter(pk=user.pk).exists()
    )


def article_assignee_add(*, article: Article, user) -> None:
    """Let ``user`` (a reporter) edit ``article`` while it is a draft."""
    if user is not None and user.is_authenticated:
        article.assignees.add(user)


def article_transition_refusal(
    *, article: Article, status: str, user
) -> WorkflowError | None:
    """Why ``user`` may not move ``article`` (as it stands) to ``status``, or
    None if they may. ``article_transition`` raises it; the admin asks first,
    to offer only the moves a user may make."""
    current = article.status
    if (current, status) not in TRANSITIONS:
        return WorkflowError(
            f"“{article}” is {article.get_status_display().lower()}; it cannot "
            f"become {ArticleStatus(status).label.lower()}.",
            code="invalid_transition",
        )
    verb, permission = TRANSITIONS[(current, status)]
    if not user.has_perm(permission):
        return WorkflowError(
            f"You may not {verb} “{article}”: that needs an editor.",
            code="permission_denied",
        )
    if current == ArticleStatus.DRAFT and not article_can_edit(
        article=article, user=user
    ):
        return WorkflowError(
            f"You may not {verb} “{article}”: it is another reporter's draft. "
            "Ask an editor to add you to its reporters.",
            code="permission_denied",
        )
    return None


def article_transitions_allowed(*, article: Article, user) -> list[str]:
    """The statuses ``user`` may move ``article`` to now, in workflow order."""
    return [
        status
        for (current, status) in TRANSITIONS
        if current == article.status
        and article_transition_refusal(article=article, status=status, user=user)
        is None
    ]


@transaction.atomic
def article_transition(
    *,
    article: Article,
    status: str,
    user,
    published_at: datetime.datetime | None = None,
) -> Article:
    """Move ``article`` along the workflow draft → in review → published →
    archived, if ``user`` may.

    Publishing keeps a publication time already set (a future one schedules
    the story: it stays hidden until then), takes ``published_at`` if given,
    and otherwise stamps now.
    """
    from django.utils import timezone

    current = article.status
    refusal = article_transition_refusal(article=article, status=status, user=user)
    article._history_user = user
    if refusal is not None:
        raise refusal
    article.status = status
    if status == ArticleStatus.PUBLISHED:
        article.published_at = published_at or article.published_at or timezone.now()
    article_save(article=article)
    if status == ArticleStatus.PUBLISHED:
        events.emit("article.published", article=article)
    elif current == ArticleStatus.PUBLISHED:
        events.emit("article.unpublished", article=article)
    return article


@transaction.atomic
def article_quotes_restore(*, article: Article, history_id: int) -> None:
    """Make ``article``'s quotes what they were in the version ``history_id``:
    quotes added since are deleted, changed ones rewritten, deleted ones
    brought back (with their ids, so links to them work again)."""
    past = quotes_as_of(article, history_id)
    for quote in article.quotes.exclude(pk__in=past):
        quote_delete(quote=quote)
    current = set(article.quotes.values_list("pk", flat=True))
    for quote in past.values():
        quote.article = article
        # Instances rebuilt from the history count as new: an existing quote
        # must be validated and saved as the update it is, or full_clean()
        # refuses its id as already taken.
        quote._state.adding = quote.pk not in current
        quote_save(quote=quote)
    quotes_relocate(article=article)


RESTORED_FIELDS = [
    "headline",
    "slug",
    "standfirst",
    "body",
    "source_id",
    "source_url",
    "language",
]


@transaction.atomic
def article_restore(*, article: Article, history_id: int) -> Article:
    """Bring back version ``history_id`` of ``article``: its content fields
    and its quotes. The restore is itself a new version, so it can be undone.
    Workflow state (status, publication time) is not content: it moves only
    through ``article_transition``."""
    past = article.history.get(history_id=history_id).instance
    for name in RESTORED_FIELDS:
        setattr(article, name, getattr(past, name))
    current = Article.objects.values_list("version", flat=True).get(pk=article.pk)
    article_save(article=article, relocate_quotes=False, expected_version=current)
    article_quotes_restore(article=article, history_id=history_id)
    return article


@transaction.atomic
def article_mentions_replace(
    *,
    article: Article,
    entities: list[tuple[Person | Organisation | Agreement, bool]],
    kind: str,
) -> None:
    """Make the article's mentions of one kind ("person", "organisation" or
    "agreement") exactly ``entities`` (each with its ``about`` flag); whoever
    it quotes stays mentioned."""
    model = {
        "person": ArticlePerson,
        "organisation": ArticleOrganisation,
        "agreement": ArticleAgreement,
    }[kind]
    wanted = {entity.pk: (entity, about) for entity, about in entities}
    for mention in model.objects.filter(article=article):
        entity_id = getattr(mention, f"{kind}_id")
        if entity_id not in wanted:
            article_mention_delete(mention=mention)
        else:
            _, about = wanted.pop(entity_id)
            if mention.about != about:
                mention.about = about
                mention.save(update_fields=["about"])
    for entity, about in wanted.values():
        article_mention_add(article=article, entity=entity, about=about)
    article_quoted_mentions_ensure(article=article)
