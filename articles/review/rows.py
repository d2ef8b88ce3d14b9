"""The review screen's rows: one per proposal (a quote, a new person or
organisation, a mention of a known record), each with its evidence from the
body highlighted, and ``Review``, the screen they make up."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from entities.models import Agreement, Organisation, Person

from ..extraction import (
    Extraction,
    ProposedAgreement,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
)
from ..highlight import Mark, highlight_spans
from ..models import Article, Quote
from .forms import ProposalForm

# Evidence in the body


_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019]?\s|\n")


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (roughly: between sentence ends or line breaks) holding
    ``body[start:end]``, at most a few hundred characters either side."""
    lower = max(0, start - 300)
    begin = lower
    for match in _SENTENCE_BREAK.finditer(body, lower, start):
        begin = match.end()
    stop = _SENTENCE_BREAK.search(body, end, min(len(body), end + 300))
    finish = stop.start() + 1 if stop else min(len(body), end + 300)
    return begin, max(finish, end)


def excerpt(body: str, start: int, end: int, marks: list[Mark]) -> SafeString:
    """``body[start:end]`` with ``marks`` highlighted, in an evidence box."""
    before = "… " if start > 0 and body[start - 1] != "\n" else ""
    after = " …" if end < len(body) and body[end : end + 1] not in ("", "\n") else ""
    return format_html(
        '<div class="quoted-body proposal-evidence">{}{}{}</div>',
        before,
        highlight_spans(body[start:end], marks, offset=start),
        after,
    )


# --------------------------------------------------------------------------
# Rows


@dataclass
class Row:
    prefix: str
    number: int
    evidence: SafeString
    form: ProposalForm | None = None

    @property
    def anchor(self) -> str:
        return f"proposal-{self.prefix}"


@dataclass
class QuoteRow(Row):
    proposal: ProposedQuote | None = None
    speaker_name: str = ""
    entered: Quote | None = None
    # Quoted words the assistant found but could not attribute.
    unattributed: bool = False


@dataclass
class PersonRow(Row):
    proposal: ProposedPerson | None = None


@dataclass
class OrganisationRow(Row):
    proposal: ProposedOrganisation | None = None


@dataclass
class MentionRow(Row):
    kind: str = ""  # person, organisation or agreement
    record: Person | Organisation | Agreement | None = None
    entered: bool = False
    matched_by_name: bool = False


@dataclass
class UnknownAgreement(Row):
    proposal: ProposedAgreement | None = None


@dataclass
class Review:
    article: Article
    extraction: Extraction
    quotes: list[QuoteRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    unknown_agreements: list[UnknownAgreement] = field(default_factory=list)
    body: SafeString = mark_safe("")  # noqa: S308 - empty
    fingerprint: str = ""
    stale: bool = False
    # (name, "spoke for" choice) of each person the story names, offered to
    # every speaker field; the review script sets "spoke for" from it.
    speakers: list[tuple[str, str]] = field(default_factory=list)
    speaker_values: dict[str, str] = field(default_factory=dict)

    @property
    def unattributed(self) -> list[QuoteRow]:
        return [row for row in self.quotes if row.unattributed]

    def rows(self) -> list[Row]:
        return [*self.quotes, *self.people, *self.organisations, *self.mentions]

    def forms(self) -> list[ProposalForm]:
        return [row.form for row in self.rows() if row.form is not None]

    @property
    def offered(self) -> int:
        return len(self.forms())

    @property
    def media(self) -> forms.Media:
        media = forms.Media()
        for form in self.forms():
            media += form.media
        return media

    @property
    def has_errors(self) -> bool:
        return any(form.is_bound and form.errors for form in self.forms())
