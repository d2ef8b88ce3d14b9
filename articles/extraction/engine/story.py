"""One run of the engine over one text, and ``extract()``, its entry point:
entities first, then agreements, roles and quotes, each by the rules of its
own module."""

from __future__ import annotations

from .agreements import Agreements
from .attribution import Attribution
from .base import PARAGRAPH_RE, Mention
from .descriptions import Descriptions
from .gazetteer import WORD_RE, Gazetteer
from .names import Names
from .ner import Recogniser
from .offices import Offices
from .organisations import Organisations
from .people import People
from .quotes import Quotes
from .reported import Reported
from .results import (
    Extraction,
    ProposedAgreement,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
    SetAside,
)
from .roles import Roles
from .sentences import Sentences
from .sources import SOURCE, Sources
from .spans import QuotedSpans
from .spokespeople import Spokespeople
from .titles import Titles
from .units import Units


class Story(
    Sentences,
    QuotedSpans,
    Titles,
    Units,
    Names,
    People,
    Organisations,
    Roles,
    Descriptions,
    Spokespeople,
    Offices,
    Agreements,
    Attribution,
    Quotes,
    Reported,
    Sources,
):
    """One extraction run over one text: the state every rule reads and adds to."""

    def __init__(
        self, text: str, gazetteer: Gazetteer, recogniser: Recogniser | None = None
    ):
        self.text = text
        self.gaz = gazetteer
        self.recogniser = recogniser
        self.words = list(WORD_RE.finditer(text))
        self.word_starts = [w.start() for w in self.words]
        self.word_ends = [w.end() for w in self.words]
        self.sentences = self._split_sentences()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text)]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.people: dict[str, ProposedPerson] = {}
        self.orgs: dict[str, ProposedOrganisation] = {}
        self.agreements: dict[str, ProposedAgreement] = {}
        self.mentions: list[Mention] = []
        self.by_end: dict[int, Mention] = {}
        self.by_start: dict[int, Mention] = {}
        self.covered: set[int] = set()  # word indexes inside a mention
        self.gender: dict[str, str] = {}
        self.quotes: list[ProposedQuote] = []
        # (opening mark, closing mark) of every quotation, once paired.
        self.quotations: list[tuple[int, int]] = []
        self.set_aside: list[SetAside] = []
        self.sources: dict[str, tuple[str, str | None]] = {}
        self.acronyms: dict[str, str] = {}  # acronym -> organisation key
        self.titled_singles: list[int] = []
        self.split_singles: list[int] = []
        self.untyped_names: list[tuple[int, int]] = []

    # -- result ------------------------------------------------------------

    def result(self) -> Extraction:
        for quote in self.quotes:
            if quote.speaker and quote.speaker.startswith(SOURCE):
                quote.source_description, quote.organisation = self.sources[
                    quote.speaker
                ]
                quote.speaker = None
            elif quote.speaker:
                quote.organisation = (
                    self.people[quote.speaker].role_organisation or quote.organisation
                )
        self.quotes.sort(key=lambda q: (q.start, q.end))
        for collection in (self.people, self.orgs, self.agreements):
            for item in collection.values():
                item.mentions.sort()
        for person in self.people.values():
            if not person.existing:
                # The fullest spelling seen names a new person.
                for s, e in person.mentions:
                    if len(self.text[s:e]) > len(person.name):
                        person.name = self.text[s:e]
        used_orgs = {q.outlet for q in self.quotes} | {
            q.organisation for q in self.quotes
        }
        used_orgs |= {p.role_organisation for p in self.people.values()}
        return Extraction(
            quotes=self.quotes,
            people=[p for p in self.people.values() if p.mentions],
            organisations=[
                o for o in self.orgs.values() if o.mentions or o.key in used_orgs
            ],
            agreements=[a for a in self.agreements.values() if a.mentions],
            set_aside=sorted(self.set_aside, key=lambda s: s.start),
        )


def extract(
    text: str,
    gazetteer: Gazetteer | None = None,
    *,
    recogniser: Recogniser | None = None,
) -> Extraction:
    """Propose the structure of a story: its quotes with speakers, outlets
    and organisations, and the people, organisations and agreements it
    mentions. ``gazetteer`` is the registry to resolve names against; without
    one, every name found becomes a proposed new record. ``recogniser`` (the
    optional named-entity step, ``ner.load()``) adds the people and
    organisations it finds where the rules find no name."""
    story = Story(text, gazetteer or Gazetteer(), recogniser)
    story.find_entities()
    story.two_word_surnames()
    story.find_agreements()
    story.mentions.sort(key=lambda m: m.start)
    story.find_roles()
    story.spokespeople_of_subject_bodies()
    story.find_quotes()
    return story.result()
