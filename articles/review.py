"""The review screen of the extraction assistant: an article's proposals as
rows an editor accepts, edits or rejects, each with its evidence highlighted.

Nothing here writes to the database, and nothing about a review is stored:
the proposals are recomputed from the body and the registry on every visit,
and the form carries the editor's decisions and edits together with a
fingerprint of the proposals it was made for. If the body or the registry
changed in between, the fingerprint no longer matches and the editor is
shown the new proposals instead of a decision about the old ones. What the
editor accepts goes to ``articles.proposals.proposals_apply``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from entities.models import Agreement, Organisation, OrganisationKind, Person

from .extraction import (
    Extraction,
    Gazetteer,
    ProposedAgreement,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
    extract,
)
from .highlight import Mark, highlight_spans
from .models import Article, Quote
from .proposals import (
    AcceptedMention,
    AcceptedQuote,
    Applied,
    NewOrganisation,
    NewPerson,
    ProposalsRefused,
    proposals_apply,
)
from .review_forms import (
    NEW,
    MentionProposalForm,
    OrganisationProposalForm,
    PersonProposalForm,
    ProposalForm,
    QuoteProposalForm,
    _choice,
)
from .text import clean_quote_text, fold

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


# --------------------------------------------------------------------------
# Submitting a review


def _records(model, values: set[str]) -> dict[str, object]:
    prefix = f"{model._meta.model_name}:"
    ids = {
        int(v[len(prefix) :])
        for v in values
        if v.startswith(prefix) and v[len(prefix) :].isdigit()
    }
    name = model._meta.model_name
    return {f"{name}:{pk}": record for pk, record in model.objects.in_bulk(ids).items()}


def review_apply(*, review: Review, user) -> Applied | None:
    """Apply the decisions the review's bound forms carry: the accepted
    proposals, through ``proposals_apply``. Returns what was applied, or
    ``None`` with the errors on the forms (nothing saved)."""
    if not all(form.is_valid() for form in review.forms()):
        return None
    data = {row.prefix: row.form.cleaned_data for row in review.rows() if row.form}
    # Each speaker typed or picked: a person the story names, a registry
    # record of that name or alias, or else someone new.
    speakers: dict[str, str | Person | None] = {}
    for row in review.quotes:
        if row.form is not None and row.form.accepted():
            speakers[row.prefix] = _speaker_value(review, data[row.prefix]["speaker"])
    values = {
        value
        for cleaned in data.values()
        for name in ("outlet", "organisation", "role_organisation")
        if (value := cleaned.get(name))
    } | {value for value in speakers.values() if isinstance(value, str)}
    records = {**_records(Person, values), **_records(Organisation, values)}

    new_organisations: dict[str, tuple[NewOrganisation, OrganisationRow]] = {}
    for row in review.organisations:
        cleaned = data[row.prefix]
        item = NewOrganisation(
            ref=row.prefix,
            name=cleaned["name"],
            kind=cleaned["kind"],
            aliases=[a for a in row.proposal.aliases if a != cleaned["name"]],
        )
        new_organisations[row.proposal.key] = (item, row)

    errors: dict[str, dict[str, list[str]]] = {}

    def refer(value: str, ref: str, field_name: str):
        """The record or proposed new record a choice names."""
        if not value:
            return None
        if value.startswith(NEW):
            key = value[len(NEW) :]
            found = new_organisations.get(key) or new_people.get(key)
            if found is None:
                errors.setdefault(ref, {})[field_name] = [
                    "This is no longer proposed; choose again."
                ]
                return None
            item, row = found
            if row.form.rejected():
                errors.setdefault(ref, {})[field_name] = [
                    f"You rejected {item.name} (new) below: accept them, leave "
                    "them undecided, or choose another."
                ]
            return item
        record = records.get(value)
        if record is None:
            errors.setdefault(ref, {})[field_name] = [
                "That record no longer exists; choose again."
            ]
        return record

    new_people: dict[str, tuple[NewPerson, PersonRow]] = {}
    for row in review.people:
        cleaned = data[row.prefix]
        item = NewPerson(
            ref=row.prefix,
            name=cleaned["name"],
            description=cleaned["description"],
            role_title=cleaned["role_title"],
        )
        new_people[row.proposal.key] = (item, row)
    for item, row in new_people.values():
        value = data[row.prefix]["role_organisation"]
        if not row.form.rejected():
            item.role_organisation = refer(value, row.prefix, "role_organisation")

    quotes = []
    for row in review.quotes:
        if row.form is None or not row.form.accepted():
            continue
        cleaned = data[row.prefix]
        chosen = speakers[row.prefix]
        name = " ".join(cleaned["speaker"].split())
        if chosen is None:
            speaker = NewPerson(ref=row.prefix, name=name) if name else None
        elif isinstance(chosen, str):
            speaker = refer(chosen, row.prefix, "speaker")
        else:
            speaker = chosen
        organisation = cleaned["organisation"]
        initial = row.form.initial
        if " ".join(
            initial.get("speaker", "").split()
        ).casefold() != name.casefold() and organisation == initial.get(
            "organisation", ""
        ):
            # A corrected speaker speaks for their own organisation, not the
            # one proposed for the speaker they replace (the review script
            # does the same on screen).
            organisation = dict(review.speakers).get(
                next(
                    (
                        n
                        for n in dict(review.speakers)
                        if n.casefold() == name.casefold()
                    ),
                    "",
                ),
                "",
            )
        quotes.append(
            AcceptedQuote(
                ref=row.prefix,
                text=cleaned["text"],
                kind=cleaned["kind"],
                speaker=speaker,
                source_description=""
                if speaker is not None
                else " ".join(cleaned["source_description"].split()),
                cue=cleaned["cue"],
                outlet=refer(cleaned["outlet"], row.prefix, "outlet"),
                organisation=refer(organisation, row.prefix, "organisation"),
                start=row.proposal.start,
            )
        )
    people = [item for item, row in new_people.values() if row.form.accepted()]
    # A role's organisation errors matter only for people being added.
    for item, row in new_people.values():
        if not (row.form.accepted() or any(q.speaker is item for q in quotes)):
            errors.pop(row.prefix, None)
    organisations = [
        item for item, row in new_organisations.values() if row.form.accepted()
    ]
    mentions = [
        AcceptedMention(ref=row.prefix, entity=row.record)
        for row in review.mentions
        if row.form is not None and row.form.accepted()
    ]
    if errors:
        _show(review, errors)
        return None
    try:
        return proposals_apply(
            article=review.article,
            user=user,
            quotes=quotes,
            people=people,
            organisations=organisations,
            mentions=mentions,
        )
    except ProposalsRefused as refused:
        _show(review, refused.by_ref)
        return None


def _speaker_value(review: Review, typed: str) -> str | Person | None:
    """What a speaker field names: the choice value of a person the story
    names (by name, case aside), the registry person of that name or alias,
    the ``person:``/``new:`` value itself, or None for a name no one has."""
    name = " ".join(typed.split())
    if not name:
        return None
    if name.startswith((NEW, "person:")):
        return name
    value = review.speaker_values.get(name.casefold())
    if value is not None:
        return value
    return Person.objects.matching_name(name).first()


def _show(review: Review, errors: dict[str, dict[str, list[str]]]) -> None:
    forms_by_prefix = {row.prefix: row.form for row in review.rows() if row.form}
    for ref, fields in errors.items():
        form = forms_by_prefix.get(ref)
        if form is None:
            continue
        for name, messages in fields.items():
            target = (
                None if name == NON_FIELD_ERRORS or name not in form.fields else name
            )
            for message in messages:
                form.add_error(target, message)


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
