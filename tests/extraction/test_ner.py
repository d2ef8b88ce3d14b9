"""The optional named-entity step (``articles.extraction.engine.ner``): the
rules path works without spaCy, the step is used only when installed and
switched on, and with spaCy it names people the rules miss.

Tests marked ``ner`` need spaCy and its model (requirements-ner.txt); the
suite deselects them where spaCy is not installed, and CI runs them in an
environment of their own (``.ci/run``)."""

from __future__ import annotations

import io
import sys

import pytest
from django.core.management import CommandError, call_command

from articles.extraction import extract
from articles.extraction.engine import extract as engine_extract
from articles.extraction.engine import ner
from articles.extraction.engine.ner import Entity
from tests.extraction.test_review import REFERENCE_BODY

# A full name with no title or reporting verb beside it, then a quote
# attributed to the surname alone.
# A name the rules cannot read as a person: no title, no cue beside it, and
# the quote after it attributed by a pronoun, not the surname (a surname
# that speaks makes the rules read the name, see test_generalising).
UNTITLED = (
    "Yesterday Maria Gonzalez toured the plant in Ohio.\n\n"
    '"We are ready for the first shipment," she said.'
)


@pytest.fixture
def fresh_load():
    ner.load.cache_clear()
    yield
    ner.load.cache_clear()


def test_rules_path_without_spacy_importable(monkeypatch, settings, fresh_load):
    """With spaCy not importable and the setting on, extraction runs on the
    rules alone and proposes what it proposes with the step off."""
    monkeypatch.setitem(sys.modules, "spacy", None)
    assert not ner.available()
    assert ner.load() is None
    settings.EXTRACTION_NER = True
    with_setting = extract(REFERENCE_BODY)
    assert with_setting.quotes
    assert with_setting.to_dict() == extract(REFERENCE_BODY, use_ner=False).to_dict()


def test_the_setting_chooses_the_step(monkeypatch, settings):
    """``extract`` asks for the recogniser only when the setting is on."""
    asked = []
    monkeypatch.setattr(ner, "load", lambda: asked.append(True))
    settings.EXTRACTION_NER = False
    extract(UNTITLED)
    assert asked == []
    settings.EXTRACTION_NER = True
    extract(UNTITLED)
    assert asked == [True]


def _recogniser(passages):
    """Tags "Maria Gonzalez" as a person and "Ohio" as an organisation, as a
    model would, with offsets within each passage."""
    found = []
    for passage in passages:
        spans = []
        at = passage.find("Maria Gonzalez")
        if at >= 0:
            spans.append(Entity(at, at + len("Maria Gonzalez"), "person"))
        at = passage.find("Ohio")
        if at >= 0:
            spans.append(Entity(at, at + 4, "organisation"))
        found.append(spans)
    return found


def test_engine_adds_recognised_people_the_rules_missed():
    """The engine's side of the step, without spaCy: a recognised full name
    becomes a person, so the later attribution has a speaker;
    organisations from the recogniser are not taken."""
    rules = engine_extract(UNTITLED)
    assert rules.quotes == []
    assert [s.reason for s in rules.set_aside] == ["no speaker"]
    helped = engine_extract(UNTITLED, recogniser=_recogniser)
    assert [p.name for p in helped.people] == ["Maria Gonzalez"]
    assert [q.speaker for q in helped.quotes] == ["maria-gonzalez"]
    assert helped.organisations == []


def test_only_words_around_unread_names_go_to_the_recogniser():
    """The model reads a window of four words either side of a run that
    could be a name the rules left unread, within its sentence; a story
    whose names the rules all read sends nothing."""
    seen = []

    def recogniser(passages):
        seen.extend(passages)
        return [[] for _ in passages]

    engine_extract(UNTITLED, recogniser=recogniser)
    assert seen == ["Yesterday Maria Gonzalez toured the plant in"]
    seen.clear()
    engine_extract('"We are ready," Minister Ana Lopez said.', recogniser=recogniser)
    assert seen == []


def test_evaluate_extraction_refuses_ner_without_spacy(monkeypatch, fresh_load):
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(CommandError, match="requirements-ner.txt"):
        call_command(
            "evaluate_extraction", "--set", "own", "--ner", stdout=io.StringIO()
        )


@pytest.mark.ner
def test_spacy_names_a_person_the_rules_miss(fresh_load):
    assert ner.available()
    assert extract(UNTITLED, use_ner=False).quotes == []
    helped = extract(UNTITLED, use_ner=True)
    speakers = {p.key: p.name for p in helped.people}
    assert [speakers[q.speaker] for q in helped.quotes] == ["Maria Gonzalez"]


@pytest.mark.ner
def test_spacy_keeps_the_reference_story(fresh_load):
    """The step adds to the rules and takes nothing away: every quote of the
    reference story keeps its speaker."""
    rules = extract(REFERENCE_BODY, use_ner=False)
    helped = extract(REFERENCE_BODY, use_ner=True)
    assert [(q.text, q.speaker) for q in helped.quotes] == [
        (q.text, q.speaker) for q in rules.quotes
    ]
