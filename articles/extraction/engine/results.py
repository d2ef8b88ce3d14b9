"""What the engine proposes: quotes, people, organisations and agreements,
and the quoted words it set aside. Plain data classes, serialised with
``Extraction.to_dict()``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Quote kinds, as ``articles.QuoteKind`` stores them.
DIRECT = "direct"
PARTIAL = "partial"
INDIRECT = "indirect"

# --------------------------------------------------------------------------
# Output


@dataclass
class ProposedQuote:
    kind: str
    text: str
    start: int
    end: int
    # The ``key`` of the speaker in ``Extraction.people``; None when the
    # story names no one (then ``source_description`` says who spoke).
    speaker: str | None
    cue: str
    outlet: str | None = None
    organisation: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5
    # An unnamed or group source as the story describes it ("a spokesman",
    # "officials", "Moscow"); None when a named person spoke.
    source_description: str | None = None


@dataclass
class ProposedPerson:
    key: str
    name: str
    existing: dict | None = None
    role: str = ""
    role_organisation: str | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class ProposedOrganisation:
    key: str
    name: str
    existing: dict | None = None
    mentions: list[list[int]] = field(default_factory=list)
    outlet: bool = False
    # The registry's kind when the engine knows it ("news_agency" for a wire
    # agency from its shipped list), else "".
    kind: str = ""
    # Other names the story gives it ("ESA" after "European Space Agency").
    aliases: list[str] = field(default_factory=list)


@dataclass
class ProposedAgreement:
    key: str
    name: str
    existing: dict | None = None
    year: int | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class SetAside:
    """Quoted words not proposed as a quote, and why."""

    text: str
    start: int
    end: int
    reason: str
    # For words that read as a quote but have no speaker ("no speaker"):
    # the kind of quote they would be, for an editor to attribute.
    kind: str | None = None


@dataclass
class Extraction:
    quotes: list[ProposedQuote] = field(default_factory=list)
    people: list[ProposedPerson] = field(default_factory=list)
    organisations: list[ProposedOrganisation] = field(default_factory=list)
    agreements: list[ProposedAgreement] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def person(self, key: str) -> ProposedPerson | None:
        return next((p for p in self.people if p.key == key), None)

    def organisation(self, key: str | None) -> ProposedOrganisation | None:
        return next((o for o in self.organisations if o.key == key), None)


def existing_ref(entity) -> dict | None:
    if entity is None:
        return None
    return {"id": entity.id, "slug": entity.key}
