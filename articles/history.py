"""A story's versions with what they held: which quotes and mentions a
version had, and what each version changed in them.

An article's version is one row of its own history; its quotes and mentions
have histories of their own. The admin saves a story's row first and its
quotes and mentions right after, in the same request, so the quote and
mention rows recorded after one article version and before the next belong
to that version (``version_end``): the history page lists them under it,
and restoring it brings back the quotes as they were at its end."""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass

from django.utils import timezone

from entities.models import Agreement, Organisation, Person

from .models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)

# What an editor changes in a quote; offsets follow the body by themselves
# and are left out, or every body edit would list every quote.
QUOTE_FIELDS = [
    ("text", "words"),
    ("kind", "kind"),
    ("speaker_id", "speaker"),
    ("source_description", "unnamed source"),
    ("organisation_id", "organisation"),
    ("outlet_id", "outlet"),
    ("cue", "cue"),
    ("said_on", "date"),
]
MENTIONS = [
    (ArticlePerson, "person", Person, "person"),
    (ArticleOrganisation, "organisation", Organisation, "organisation"),
    (ArticleAgreement, "agreement", Agreement, "agreement"),
]
SHOWN_WORDS = 80


def version_end(article: Article, history_id: int) -> datetime.datetime:
    """The moment a version of ``article`` stopped being current: just before
    the next version was saved, or now."""
    record = article.history.get(history_id=history_id)
    later = (
        article.history.filter(history_date__gt=record.history_date)
        .order_by("history_date")
        .first()
    )
    if later is None:
        return timezone.now()
    return later.history_date - datetime.timedelta(microseconds=1)


def quotes_as_of(article: Article, history_id: int) -> dict[int, Quote]:
    """The quotes ``article`` had at the end of version ``history_id``, by
    id, as unsaved instances."""
    as_of = version_end(article, history_id)
    return {
        quote.pk: quote
        for quote in Quote.history.as_of(as_of).filter(article_id=article.pk)
    }


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_WORDS else text[: SHOWN_WORDS - 1] + "…"


class _Names:
    """Names of the people, organisations and agreements the rows refer to,
    fetched once per kind for the whole page."""

    def __init__(self, person_ids, organisation_ids, agreement_ids):
        self.people = dict(
            Person.objects.filter(pk__in=person_ids - {None}).values_list("pk", "name")
        )
        self.organisations = dict(
            Organisation.objects.filter(pk__in=organisation_ids - {None}).values_list(
                "pk", "name"
            )
        )
        self.agreements = dict(
            Agreement.objects.filter(pk__in=agreement_ids - {None}).values_list(
                "pk", "title"
            )
        )

    def of(self, kind: str, pk) -> str:
        if pk is None:
            return "—"
        table = {
            "person": self.people,
            "organisation": self.organisations,
            "agreement": self.agreements,
        }[kind]
        return table.get(pk, f"(deleted record {pk})")


def _quote_label(row, names: _Names) -> str:
    who = (
        names.of("person", row.speaker_id)
        if row.speaker_id
        else f"{row.source_description} (unnamed)"
    )
    return f"“{_short(row.text)}” ({who}, {row.kind})"


def _quote_value(row, attname: str, names: _Names) -> str:
    value = getattr(row, attname)
    if attname == "speaker_id":
        return names.of("person", value)
    if attname in ("organisation_id", "outlet_id"):
        return names.of("organisation", value)
    if attname == "said_on":
        return value.isoformat() if value else "—"
    if attname == "text":
        return f"“{_short(value)}”"
    return value or "—"


def _quote_line(row, previous, names: _Names) -> str | None:
    if row.history_type == "+":
        return f"Quote added: {_quote_label(row, names)}"
    if row.history_type == "-":
        return f"Quote removed: {_quote_label(previous or row, names)}"
    if previous is None:
        return None
    changes = [
        f"{label} {_quote_value(previous, attname, names)} → "
        f"{_quote_value(row, attname, names)}"
        for attname, label in QUOTE_FIELDS
        if getattr(previous, attname) != getattr(row, attname)
    ]
    if not changes:
        return None
    return f"Quote {_quote_label(previous, names)} changed: " + "; ".join(changes)


def _mention_line(row, previous, kind: str, names: _Names) -> str | None:
    name = names.of(kind, getattr(row, f"{kind}_id"))
    about = " (what the story is about)" if row.about else ""
    if row.history_type == "+":
        return f"Mention added: {name}{about}"
    if row.history_type == "-":
        return f"Mention removed: {name}"
    if previous is None:
        return None
    before = names.of(kind, getattr(previous, f"{kind}_id"))
    if before != name:
        return f"Mention changed: {before} → {name}"
    if previous.about != row.about:
        state = "now" if row.about else "no longer"
        return f"Mention of {name}: {state} what the story is about"
    return None


@dataclass
class _Window:
    """The article's history rows in time order, to find the version a
    quote or mention row belongs to."""

    dates: list
    ids: list
    users: list

    def version_of(self, moment) -> int | None:
        position = bisect.bisect_right(self.dates, moment) - 1
        return self.ids[max(position, 0)] if self.ids else None


def version_changes(article_id: int) -> dict[int, list[str]]:
    """For each version of the article (by history id), the changes to its
    quotes and mentions recorded with it, as lines of text; a change made by
    someone other than the version's author names them."""
    rows = list(
        Article.history.filter(id=article_id)
        .order_by("history_date", "history_id")
        .values_list("history_date", "history_id", "history_user_id")
    )
    window = _Window(
        dates=[row[0] for row in rows],
        ids=[row[1] for row in rows],
        users=[row[2] for row in rows],
    )
    quote_rows = list(
        Quote.history.filter(article_id=article_id)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    mention_rows = [
        (
            kind,
            list(
                model.history.filter(article_id=article_id)
                .select_related("history_user")
                .order_by("history_date", "history_id")
            ),
        )
        for model, kind, _, _ in MENTIONS
    ]
    names = _Names(
        {row.speaker_id for row in quote_rows}
        | {row.person_id for row in mention_rows[0][1]},
        {row.organisation_id for row in quote_rows}
        | {row.outlet_id for row in quote_rows}
        | {row.organisation_id for row in mention_rows[1][1]},
        {row.agreement_id for row in mention_rows[2][1]},
    )
    changes: dict[int, list[str]] = {}

    def record(row, line):
        if line is None:
            return
        version = window.version_of(row.history_date)
        if version is None:
            return
        author = window.users[window.ids.index(version)]
        if row.history_user_id is not None and row.history_user_id != author:
            line += f" (by {row.history_user.get_username()})"
        changes.setdefault(version, []).append(line)

    previous: dict[int, object] = {}
    for row in quote_rows:
        record(row, _quote_line(row, previous.get(row.id), names))
        previous[row.id] = row
    for kind, kind_rows in mention_rows:
        previous = {}
        for row in kind_rows:
            record(row, _mention_line(row, previous.get(row.id), kind, names))
            previous[row.id] = row
    return changes


@dataclass
class RestoredQuote:
    quote: Quote
    state: str  # "back", "changed back", "kept"

    def __str__(self) -> str:
        return _short(self.quote.text)


def revert_preview(article: Article, history_id: int) -> dict:
    """What restoring version ``history_id`` does to the story's quotes:
    those it brings back, those it changes back, those it keeps as they
    are, and those it removes (added since)."""
    past = quotes_as_of(article, history_id)
    current = {quote.pk: quote for quote in article.quotes.select_related("speaker")}
    speakers = dict(
        Person.objects.filter(
            pk__in={quote.speaker_id for quote in past.values()} - {None}
        ).values_list("pk", "name")
    )
    restored = []
    for pk, quote in sorted(
        past.items(), key=lambda item: (item[1].start or 0, item[0])
    ):
        quote.speaker_name = speakers.get(quote.speaker_id) or (
            f"{quote.source_description} (unnamed)"
        )
        if pk not in current:
            state = "back"
        elif any(
            getattr(current[pk], attname) != getattr(quote, attname)
            for attname, _ in QUOTE_FIELDS
        ):
            state = "changed back"
        else:
            state = "kept"
        restored.append(RestoredQuote(quote=quote, state=state))
    removed = [quote for pk, quote in current.items() if pk not in past]
    for quote in removed:
        quote.speaker_name = quote.source_name + (
            "" if quote.speaker_id else " (unnamed)"
        )
    return {"restored_quotes": restored, "removed_quotes": removed}
