"""The extraction assistant: proposes a story's structure from its plain text
for editors to confirm (issue 7). ``extract(text, gazetteer)`` is the whole
public surface; nothing here writes to the database."""

from .engine import (
    Extraction,
    ProposedAgreement,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
    SetAside,
    extract,
)
from .gazetteer import Gazetteer, KnownEntity

__all__ = [
    "Extraction",
    "Gazetteer",
    "KnownEntity",
    "ProposedAgreement",
    "ProposedOrganisation",
    "ProposedPerson",
    "ProposedQuote",
    "SetAside",
    "extract",
]
