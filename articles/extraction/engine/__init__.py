"""The extraction engine: proposes a story's structure (quotes with their
speakers, outlets and organisations; the people, organisations and agreements
it names) from plain text and a gazetteer of known names.

It imports nothing from Django or the app, so it runs, and is tested, on its
own; ``articles.extraction`` builds its gazetteer from the registry and turns
its proposals into records. One module per concern, each readable in one
sitting: ``sentences`` and ``spans`` (layout and quotation marks), ``titles``,
``names`` and ``people`` (who is named, and later mentions of them), ``units``
(military units named by their number), ``organisations``, ``roles`` (the
role beside a name) and ``offices`` (whom a role speaks for),
``descriptions`` and ``spokespeople`` (people described by their role),
``groups`` and ``sources`` (unnamed sources), ``agreements``,
``attribution`` (cues, speakers, outlets), ``quotes`` (direct and partial),
``reported`` (indirect speech); ``story`` runs them in order. Word lists are
in ``lexicon``, ``places`` and ``agencies``.
"""

from .gazetteer import Gazetteer, KnownEntity
from .results import (
    Extraction,
    ProposedAgreement,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
    SetAside,
)
from .story import extract

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
