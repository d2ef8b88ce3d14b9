"""The extraction assistant: proposes a story's structure from its plain text
for editors to confirm. ``extract(text, gazetteer)`` is the whole public
surface; nothing here writes to the database. The rules are the Django-free
package ``articles.extraction.engine``; this app module adds the registry as
gazetteer (``gazetteer.Gazetteer.from_registry``) and the choice, by the
``EXTRACTION_NER`` setting, of the optional named-entity step
(``engine.ner``)."""

from __future__ import annotations

from .engine import (
    Extraction,
    ProposedAgreement,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
    SetAside,
    ner,
)
from .engine import extract as _extract
from .gazetteer import Gazetteer, KnownEntity


def extract(
    text: str, gazetteer: Gazetteer | None = None, *, use_ner: bool | None = None
) -> Extraction:
    """The engine's proposals for ``text``. ``use_ner`` (by default the
    ``EXTRACTION_NER`` setting) adds the named-entity step, where spaCy and
    its model are installed (``requirements-ner.txt``); without them it runs
    on the rules alone."""
    if use_ner is None:
        # Imported here: the engine package runs, and is tested, where
        # Django cannot be imported, and importing it imports this module.
        from django.conf import settings

        use_ner = getattr(settings, "EXTRACTION_NER", False)
    return _extract(text, gazetteer, recogniser=ner.load() if use_ner else None)


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
