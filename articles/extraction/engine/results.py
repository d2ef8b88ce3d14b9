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
    speaker: str
    cue: str
    outlet: str | None = None
    organisation: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5


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
