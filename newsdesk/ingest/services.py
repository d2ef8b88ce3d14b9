"""Turning wire copy into draft articles.

``ingest(data=…)`` reads a document (``parsers.parse``) and writes each story
through the article services, each in its own savepoint: a bad item is
reported with its errors and writes nothing, and the others are still
ingested. A story is recognised by its guid (ninjs ``uri``): seen again, its
draft is updated, unless an editor has changed it since ingest last wrote it
(its version moved on, or it has quotes): then it is left as the editor has
it and reported as kept.

Each new or updated story is handed to the worker, which runs the
extraction assistant on it (``tasks.propose_structure``).

``fetch(url)`` reads a URL, only one under a prefix listed in
``settings.INGEST_ALLOWED_URLS``: ingest is no way to make the server request
arbitrary addresses.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.text import slugify

from articles import services as article_services
from articles.models import Article, ArticleStatus, language_choices
from entities import services as entity_services
from entities.models import Organisation, Person
from newsdesk.core.services import EditConflict

from .models import IngestedStory, ProposalStatus
from .parsers import UNSTORABLE, Document, DocumentError, ItemProblem, WireItem, parse

CREATED, UPDATED, UNCHANGED, KEPT, REFUSED = (
    "created",
    "updated",
    "unchanged",
    "kept",
    "refused",
)


class FetchError(ValueError):
    """A URL that may not or could not be read."""


@dataclass
class ItemOutcome:
    position: int
    guid: str
    outcome: str
    headline: str = ""
    article: Article | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)
    message: str = ""

    def to_dict(self) -> dict:
        return {
            "position": self.position,
            "guid": self.guid,
            "outcome": self.outcome,
            "headline": self.headline,
            "article": self.article.slug if self.article else None,
            "errors": self.errors,
            "message": self.message,
        }


@dataclass
class IngestReport:
    feed: str
    format: str
    items: list[ItemOutcome] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def refused(self) -> int:
        return self.count(REFUSED)

    def summary(self) -> str:
        counts = [(self.count(o), o) for o in (CREATED, UPDATED, UNCHANGED, KEPT)]
        said = ", ".join(f"{n} {o}" for n, o in counts if n) or "nothing ingested"
        if self.refused:
            said += f"; {self.refused} refused"
        return said

    def to_dict(self) -> dict:
        return {
            "feed": self.feed,
            "format": self.format,
            "summary": self.summary(),
            **{o: self.count(o) for o in (CREATED, UPDATED, UNCHANGED, KEPT, REFUSED)},
            "items": [item.to_dict() for item in self.items],
        }


# --------------------------------------------------------------------------
# Fetching


def url_allowed(url: str) -> bool:
    """Whether ``url`` lies under one of ``INGEST_ALLOWED_URLS``: same scheme
    and host, and a path under the prefix's."""
    target = urllib.parse.urlsplit(url)
    if target.scheme not in ("http", "https") or not target.netloc:
        return False
    for prefix in settings.INGEST_ALLOWED_URLS:
        allowed = urllib.parse.urlsplit(prefix)
        if (target.scheme, target.netloc.lower()) == (
            allowed.scheme,
            allowed.netloc.lower(),
        ) and target.path.startswith(allowed.path or "/"):
            return True
    return False


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would lead off the allow-list unchecked: refuse it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise FetchError(
            f"{req.full_url} redirects to {newurl}; list the final URL in "
            "INGEST_ALLOWED_URLS and ingest that."
        )


def fetch(url: str) -> bytes:
    """The body at ``url``, if the allow-list permits it."""
    if not url_allowed(url):
        raise FetchError(
            f"{url} is not under any URL in INGEST_ALLOWED_URLS; an operator "
            "must allow it first."
        )
    opener = urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, headers={"User-Agent": "Newsdesk ingest"}
    )
    limit = settings.INGEST_MAX_BYTES
    try:
        with opener.open(request, timeout=settings.INGEST_TIMEOUT_SECONDS) as response:
            data = response.read(limit + 1)
    except (urllib.error.URLError, OSError) as error:
        raise FetchError(f"Could not read {url}: {error}") from None
    if len(data) > limit:
        raise FetchError(f"{url} is larger than INGEST_MAX_BYTES ({limit} bytes).")
    return data


# --------------------------------------------------------------------------
# Ingesting


def ingest(
    *, data: bytes, feed: str = "", source: Organisation | None = None
) -> IngestReport:
    """Ingest every story in ``data``; see the module's docstring. Raises
    ``DocumentError`` if the document as a whole cannot be read."""
    feed = UNSTORABLE.sub("", feed)
    document = parse(data, name=feed)
    report = IngestReport(feed=feed, format=document.format)
    for item in document.items:
        report.items.append(_ingest_item(item, document, feed=feed, source=source))
    return report


def _ingest_item(
    item: WireItem | ItemProblem,
    document: Document,
    *,
    feed: str,
    source: Organisation | None,
) -> ItemOutcome:
    position = document.items.index(item) + 1
    if isinstance(item, ItemProblem):
        return ItemOutcome(position, item.guid, REFUSED, errors=item.errors)
    outcome = ItemOutcome(position, item.guid, REFUSED, headline=item.headline)
    try:
        with transaction.atomic():
            _write(item, document, outcome, feed=feed, source=source)
    except EditConflict:
        outcome.outcome = KEPT
        outcome.message = "An editor saved the story while it was being updated."
    except ValidationError as error:
        outcome.outcome = REFUSED
        outcome.article = None
        outcome.errors = (
            error.message_dict
            if hasattr(error, "error_dict")
            else {NON_FIELD_ERRORS: error.messages}
        )
    return outcome


def _hash(item: WireItem, source: Organisation | None) -> str:
    fields = {
        "headline": item.headline,
        "body": item.body,
        "standfirst": item.standfirst,
        "authors": item.authors,
        "source": source.pk if source else None,
        "source_url": item.source_url,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "language": item.language,
    }
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def _language(code: str) -> str:
    codes = {value for value, _ in language_choices()}
    code = (code or "").strip().lower().replace("_", "-")
    if not code:
        return "en"
    if code in codes:
        return code
    return code.split("-")[0]


def _authors(names: list[str]) -> list[Person]:
    """The byline's people: a name or alias the registry knows is that
    person; a new name becomes a person, described as a byline."""
    people = []
    for name in names:
        person = Person.objects.matching_name(name).first()
        if person is None:
            person = entity_services.person_create(
                name=name[:200], description="Reporter (from a wire byline)."
            )
        people.append(person)
    return people


def _slug(item: WireItem) -> str:
    """The headline's slug; wire stories often share a headline ("Update"),
    so a taken one gets a suffix from the guid."""
    slug = slugify(item.headline)[:180]
    if not slug or Article.objects.filter(slug=slug).exists():
        slug = f"{slug}-{hashlib.sha256(item.guid.encode()).hexdigest()[:10]}".strip(
            "-"
        )
    return slug


def _write(
    item: WireItem,
    document: Document,
    outcome: ItemOutcome,
    *,
    feed: str,
    source: Organisation | None,
) -> None:
    if source is None and item.source_name:
        source = Organisation.objects.matching_name(item.source_name).first()
    digest = _hash(item, source)
    story = (
        IngestedStory.objects.select_for_update()
        .select_related("article")
        .filter(guid=item.guid)
        .first()
    )
    if story is None:
        article = Article(status=ArticleStatus.DRAFT, slug=_slug(item))
    else:
        article = story.article
        outcome.article = article
        if article.version != story.article_version or article.quotes.exists():
            outcome.outcome = KEPT
            outcome.message = (
                "An editor has changed this story since it was ingested; "
                "it was not overwritten."
            )
            return
        if story.content_hash == digest:
            outcome.outcome = UNCHANGED
            return
    article.headline = item.headline
    article.body = item.body
    article.standfirst = item.standfirst
    article.source = source
    article.source_url = item.source_url
    article.language = _language(item.language)
    article.published_at = item.published_at
    expected = None if story is None else story.article_version
    article_services.article_save(article=article, expected_version=expected)
    article.authors.set(_authors(item.authors))
    if story is None:
        story = IngestedStory(article=article, guid=item.guid)
    story.feed = feed[:500]
    story.feed_title = document.title[:300]
    story.format = document.format[:20]
    story.byline = item.byline[:300]
    story.source_version = item.version[:100]
    story.content_hash = digest
    story.article_version = article.version
    story.proposal_status = ProposalStatus.PENDING
    story.full_clean(exclude=["article"])
    story.save()
    outcome.outcome = CREATED if outcome.article is None else UPDATED
    outcome.article = article
    _queue_proposals(story)


def _queue_proposals(story: IngestedStory) -> None:
    from .tasks import propose_structure

    story_id, version = story.pk, story.article_version
    transaction.on_commit(
        lambda: propose_structure.delay(story_id, version), robust=True
    )


def ingest_source(*, source: str, organisation: Organisation | None = None):
    """``source`` is a URL (fetched if allowed) or a file path."""
    if source.startswith(("http://", "https://")):
        data = fetch(source)
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read(settings.INGEST_MAX_BYTES + 1)
        except OSError as error:
            raise FetchError(f"Could not read {source}: {error.strerror}") from None
        if len(data) > settings.INGEST_MAX_BYTES:
            raise FetchError(f"{source} is larger than INGEST_MAX_BYTES.")
    return ingest(data=data, feed=source, source=organisation)


__all__ = ["DocumentError", "FetchError", "IngestReport", "ingest", "ingest_source"]
