"""Building a review: the assistant's proposals for one article, resolved
against the registry and the quotes already entered, as rows with their
forms; and the limit on what the screen takes.

Nothing here writes to the database, and extraction runs outside any
transaction (the caller opens none)."""

from __future__ import annotations

import hashlib
import json
import re

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from entities.models import Agreement, Organisation, OrganisationKind, Person

from ..extraction import Gazetteer, ProposedQuote, extract
from ..highlight import Mark, highlight_spans
from ..models import Article, Quote
from ..text import clean_quote_text, fold
from .forms import (
    NEW,
    MentionProposalForm,
    OrganisationProposalForm,
    PersonProposalForm,
    QuoteProposalForm,
    _choice,
)
from .rows import (
    MentionRow,
    OrganisationRow,
    PersonRow,
    QuoteRow,
    Review,
    UnknownAgreement,
    excerpt,
    sentence_around,
)

# The longest body the review screen takes: about 10,000 words. Past it the
# screen (every proposal with its form) grows too slow and too long to
# review; such a story is refused with this limit named.
REVIEW_BODY_LIMIT = 60_000


def review_refusal(article: Article) -> str | None:
    """Why ``article`` cannot be reviewed, or None."""
    length = len(article.body or "")
    if length <= REVIEW_BODY_LIMIT:
        return None
    return (
        f"“{article}” is too long to review: its body has {length:,} characters "
        f"and the review screen takes at most {REVIEW_BODY_LIMIT:,} (about "
        "10,000 words). Split the story, or enter its quotes by hand."
    )


# --------------------------------------------------------------------------
# Building a review


def _title_from_role(role: str, organisation: str | None) -> str:
    """ "China’s ambassador to Russia" held at China is an "Ambassador to
    Russia"."""
    title = role.strip()
    if organisation:
        title = re.sub(
            rf"^(?:the\s+)?{re.escape(organisation)}(?:['\u2019]s?)?\s+",
            "",
            title,
            flags=re.IGNORECASE,
        )
    return title[:1].upper() + title[1:]


class _Builder:
    def __init__(self, article: Article, admin_site):
        self.article = article
        self.body = article.body
        self.admin_site = admin_site
        gazetteer = Gazetteer.from_registry()
        self.extraction = extract(self.body, gazetteer)
        self.people: dict[str, Person | None] = self._resolve(
            Person, self.extraction.people, gazetteer.people
        )
        self.organisations: dict[str, Organisation | None] = self._resolve(
            Organisation, self.extraction.organisations, gazetteer.organisations
        )
        known_agreements = Agreement.objects.in_bulk(
            [a.existing["id"] for a in self.extraction.agreements if a.existing]
        )
        self.agreements = {
            a.key: known_agreements.get(a.existing["id"]) if a.existing else None
            for a in self.extraction.agreements
        }

    @staticmethod
    def _resolve(model, proposals, registry) -> dict:
        """Each proposal's record: the one the engine matched, or one whose
        name or alias is the proposed new name, ignoring case (never a
        duplicate). The names come from the gazetteer just read from the
        registry, so this costs one query, not one per proposal."""
        by_name = {}
        for entity in registry:
            for name in entity.names():
                by_name.setdefault(name.strip().casefold(), entity.id)
        wanted = {
            proposal.key: proposal.existing["id"]
            if proposal.existing
            else by_name.get(proposal.name.strip().casefold())
            for proposal in proposals
        }
        known = model.objects.in_bulk([pk for pk in wanted.values() if pk])
        return {key: known.get(pk) for key, pk in wanted.items()}

    def organisation_choices(self) -> list[tuple[str, str]]:
        return _choices(self.extraction.organisations, self.organisations)

    def person_value(self, key: str | None) -> str:
        if key is None:
            return ""
        record = self.people.get(key)
        return _choice(record) if record else NEW + key

    def organisation_value(self, key: str | None) -> str:
        if key is None:
            return ""
        record = self.organisations.get(key)
        return _choice(record) if record else NEW + key

    def name_of(self, key: str) -> str:
        record = self.people.get(key)
        if record is not None:
            return record.name
        proposal = self.extraction.person(key)
        return proposal.name if proposal else key

    def speakers(self) -> tuple[list[tuple[str, str]], dict[str, str]]:
        """The story's people as (name, "spoke for" choice) for the speaker
        fields, and each name (case-folded) to its choice value."""
        options, values = [], {}
        for proposal in self.extraction.people:
            name = self.name_of(proposal.key)
            value = self.person_value(proposal.key)
            if name.casefold() in values:
                continue
            values[name.casefold()] = value
            options.append((name, self.organisation_value(proposal.role_organisation)))
        return options, values

    def build(self, data=None) -> Review:
        extraction, body = self.extraction, self.body
        review = Review(article=self.article, extraction=extraction)
        organisation_choices = self.organisation_choices()
        entered_quotes = list(self.article.quotes.select_related("speaker"))
        review.speakers, review.speaker_values = self.speakers()

        # What the assistant proposes, then what it found but could not
        # attribute: the editor sees every quote it saw.
        found = [(proposal, False) for proposal in extraction.quotes]
        found += [
            (
                ProposedQuote(
                    kind=item.kind,
                    text=item.text,
                    start=item.start,
                    end=item.end,
                    speaker=None,
                    cue="",
                    evidence_start=sentence_around(body, item.start, item.end)[0],
                    evidence_end=sentence_around(body, item.start, item.end)[1],
                ),
                True,
            )
            for item in extraction.set_aside
            if item.kind is not None
        ]
        overview: list[Mark] = []
        for number, (proposal, unattributed) in enumerate(found, start=1):
            prefix = f"quote-{number}"
            if proposal.speaker:
                speaker = self.name_of(proposal.speaker)
            elif proposal.source_description:
                speaker = f"{proposal.source_description} (unnamed source)"
            else:
                speaker = "found a quote, no speaker: pick one"
            entered = _entered_quote(proposal, entered_quotes)
            css = "quote-unattributed" if unattributed else f"quote-{proposal.kind}"
            mark = Mark(
                proposal.start,
                proposal.end,
                css=css,
                label=f"Q{number}",
                link=f"#proposal-{prefix}",
                title=f"Q{number}: {speaker} ({proposal.kind})",
            )
            overview.append(mark)
            row = QuoteRow(
                prefix=prefix,
                number=number,
                evidence=excerpt(
                    body,
                    proposal.evidence_start,
                    proposal.evidence_end,
                    [Mark(proposal.start, proposal.end, mark.css, title=mark.title)],
                ),
                proposal=proposal,
                speaker_name=speaker,
                entered=entered,
                unattributed=unattributed,
            )
            if entered is None:
                row.form = QuoteProposalForm(
                    data,
                    prefix=prefix,
                    organisations=organisation_choices,
                    initial={
                        "text": proposal.text,
                        "kind": proposal.kind,
                        "speaker": self.name_of(proposal.speaker)
                        if proposal.speaker
                        else "",
                        "source_description": proposal.source_description or "",
                        "cue": proposal.cue,
                        "outlet": self.organisation_value(proposal.outlet),
                        "organisation": self.organisation_value(proposal.organisation),
                    },
                )
            review.quotes.append(row)

        mentioned = {
            "person": set(self.article.people.values_list("pk", flat=True)),
            "organisation": set(
                self.article.organisations.values_list("pk", flat=True)
            ),
            "agreement": set(self.article.agreements.values_list("pk", flat=True)),
        }
        mentions: dict[tuple[str, int], MentionRow] = {}
        for kind, proposals, records in (
            ("person", extraction.people, self.people),
            ("organisation", extraction.organisations, self.organisations),
            ("agreement", extraction.agreements, self.agreements),
        ):
            for proposal in proposals:
                record = records[proposal.key]
                evidence = self._mention_evidence(proposal.mentions)
                if record is None:
                    self._new_row(
                        review, kind, proposal, evidence, data, organisation_choices
                    )
                    continue
                if (kind, record.pk) in mentions:
                    continue
                row = MentionRow(
                    prefix=f"mention-{len(mentions) + 1}",
                    number=len(mentions) + 1,
                    evidence=evidence,
                    kind=kind,
                    record=record,
                    entered=record.pk in mentioned[kind],
                    matched_by_name=not proposal.existing,
                )
                if not row.entered:
                    row.form = MentionProposalForm(data, prefix=row.prefix)
                mentions[(kind, record.pk)] = row
        review.mentions = list(mentions.values())
        review.body = format_html(
            '<div class="quoted-body proposal-body">{}</div>',
            highlight_spans(body, overview),
        )
        review.fingerprint = self.fingerprint(review)
        return review

    def _mention_evidence(self, spans: list[list[int]]) -> SafeString:
        if not spans:
            return mark_safe("")  # noqa: S308 - empty
        start, end = sentence_around(self.body, *spans[0])
        marks = [Mark(s, e, "proposal-mention") for s, e in spans]
        return excerpt(self.body, start, end, marks)

    def _new_row(self, review, kind, proposal, evidence, data, organisations):
        if kind == "person":
            number = len(review.people) + 1
            role_organisation = self.organisation_value(proposal.role_organisation)
            organisation = self.organisations.get(proposal.role_organisation)
            organisation_name = (
                organisation.name
                if organisation
                else getattr(
                    self.extraction.organisation(proposal.role_organisation),
                    "name",
                    None,
                )
            )
            description = proposal.role
            if organisation_name and organisation_name not in description:
                description = f"{description}, {organisation_name}"
            row = PersonRow(
                prefix=f"person-{number}",
                number=number,
                evidence=evidence,
                proposal=proposal,
            )
            row.form = PersonProposalForm(
                data,
                prefix=row.prefix,
                organisations=organisations,
                initial={
                    "name": proposal.name,
                    "description": description[:500],
                    "role_title": _title_from_role(proposal.role, organisation_name)
                    if role_organisation
                    else "",
                    "role_organisation": role_organisation,
                },
            )
            review.people.append(row)
        elif kind == "organisation":
            number = len(review.organisations) + 1
            row = OrganisationRow(
                prefix=f"organisation-{number}",
                number=number,
                evidence=evidence,
                proposal=proposal,
            )
            row.form = OrganisationProposalForm(
                data,
                prefix=row.prefix,
                initial={
                    "name": proposal.name,
                    # The kind the assistant knows (a shipped wire agency or
                    # broadcaster), else a news agency for an outlet.
                    "kind": proposal.kind
                    or (
                        OrganisationKind.NEWS_AGENCY
                        if proposal.outlet
                        else OrganisationKind.OTHER
                    ),
                },
            )
            review.organisations.append(row)
        else:
            number = len(review.unknown_agreements) + 1
            review.unknown_agreements.append(
                UnknownAgreement(
                    prefix=f"agreement-{number}",
                    number=number,
                    evidence=evidence,
                    proposal=proposal,
                )
            )

    def fingerprint(self, review: Review) -> str:
        """What the editor decides about: the proposals, the records they
        resolve to, and which are already entered."""
        state = {
            "extraction": self.extraction.to_dict(),
            "people": {k: v and v.pk for k, v in self.people.items()},
            "organisations": {k: v and v.pk for k, v in self.organisations.items()},
            "agreements": {k: v and v.pk for k, v in self.agreements.items()},
            "entered": [row.prefix for row in review.rows() if row.form is None],
        }
        payload = json.dumps(state, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:32]


def _entered_quote(proposal: ProposedQuote, quotes: list[Quote]) -> Quote | None:
    """The article's quote of the same span or the same words, if any."""
    words = fold(clean_quote_text(proposal.text)).casefold()
    for quote in quotes:
        if (quote.start, quote.end) == (proposal.start, proposal.end):
            return quote
        if fold(clean_quote_text(quote.text)).casefold() == words:
            return quote
    return None


def review_build(*, article: Article, admin_site, data=None) -> Review:
    """The proposals for ``article`` as review rows; with ``data`` (the
    posted form) the rows' forms are bound to the editor's decisions."""
    builder = _Builder(article, admin_site)
    review = builder.build(data)
    if data is not None and data.get("fingerprint") != review.fingerprint:
        # Decisions about proposals that are no longer these: start afresh.
        review = builder.build(None)
        review.stale = True
    return review


def _choices(proposals, records: dict) -> list[tuple[str, str]]:
    """One choice per proposed person or organisation: the registry record
    it resolved to, or the proposal itself as a new record."""
    choices, seen = [], set()
    for proposal in proposals:
        record = records[proposal.key]
        value = _choice(record) if record else NEW + proposal.key
        if value not in seen:
            seen.add(value)
            label = record.name if record else f"{proposal.name} (new)"
            choices.append((value, label))
    return choices
