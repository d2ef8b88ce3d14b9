"""The extraction assistant: proposes a story's structure from its plain text
for editors to confirm. ``extract(text, gazetteer)`` is the whole public
surface; nothing here writes to the database. The rules are the Django-free
package ``articles.extraction.engine``; this app module adds the registry as
gazetteer (``gazetteer.Gazetteer.from_registry``)."""

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
