"""The reference story end to end: extraction finds every quote of the seed
with its speaker, kind and outlet, and the commands built on it work."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.extraction import Gazetteer, extract
from articles.extraction.evaluation import evaluate, load_gold
from articles.text import fold

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED = json.loads((SEEDS / "reference-story.json").read_text(encoding="utf-8"))
ARTICLE = SEEDS / "reference-article.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")
SEED_QUOTES = SEED["articles"][0]["quotes"]


def _key(kind, text, speaker, outlet):
    return (kind, fold(text), speaker, outlet)


@pytest.fixture(scope="module")
def extraction():
    return extract(TEXT, Gazetteer.from_seed(SEED))


def test_every_seed_quote_is_found(extraction):
    """Text, kind, speaker and outlet of all eleven seed quotes, and nothing else."""
    found = {_key(q.kind, q.text, q.speaker, q.outlet) for q in extraction.quotes}
    wanted = {
        _key(q["kind"], q["text"], q["speaker"], q.get("outlet")) for q in SEED_QUOTES
    }
    assert found == wanted


def test_offsets_and_evidence_point_into_the_body(extraction):
    for quote in extraction.quotes:
        assert TEXT[quote.start : quote.end] == quote.text
        assert quote.evidence_start <= quote.start < quote.end <= quote.evidence_end


def test_cues_are_the_seed_cues(extraction):
    cues = {(fold(q.text), q.cue) for q in extraction.quotes}
    assert cues == {(fold(q["text"]), q["cue"]) for q in SEED_QUOTES}


def test_people_roles_and_agreements(extraction):
    people = {p.key: p for p in extraction.people}
    assert people["zhang-hanhui"].role == "China\u2019s ambassador to Russia"
    assert people["zhang-hanhui"].role_organisation == "china"
    assert people["dmitry-rogozin"].role_organisation == "roscosmos"
    assert people["pyotr-dubrov"].role == "Russian cosmonaut"
    assert {a.key for a in extraction.agreements} == {
        "sino-russian-moon-and-deep-space-agreement",
        "iss-partnership",
    }


def test_without_registry_the_speakers_are_proposed_new_people():
    extraction = extract(TEXT)
    names = {extraction.person(q.speaker).name for q in extraction.quotes}
    assert names == {"Zhang Hanhui", "Dmitry Rogozin", "Pyotr Dubrov"}
    assert all(p.existing is None for p in extraction.people)
    assert len(extraction.quotes) == len(SEED_QUOTES)


def test_gold_file_matches_the_seed():
    gold = load_gold(SEEDS / "gold" / "reference-story.json")
    assert gold.text == TEXT
    assert len(gold.quotes) == len(SEED_QUOTES)


def test_evaluation_of_the_reference_story_is_perfect():
    report = evaluate([SEEDS / "gold" / "reference-story.json"])
    for metric, counts in report.total.items():
        assert counts.recall == 1.0, metric
        assert counts.precision == 1.0, metric


@pytest.mark.django_db
def test_registry_gazetteer_resolves_the_partial_name(seed):
    """After load_seed, "Hanhui" is the seeded Zhang Hanhui."""
    from entities.models import Person

    zhang = Person.objects.get(slug="zhang-hanhui")
    gazetteer = Gazetteer.from_registry()
    extraction = extract("Hanhui said that ties were strong.", gazetteer)
    person = extraction.person(extraction.quotes[0].speaker)
    assert person.existing == {"id": zhang.pk, "slug": "zhang-hanhui"}


@pytest.mark.django_db
def test_extract_command_prints_the_proposals(seed):
    out = io.StringIO()
    call_command("extract", str(ARTICLE), stdout=out)
    data = json.loads(out.getvalue())
    quotes = {
        _key(q["kind"], q["text"], q["speaker"], q["outlet"]) for q in data["quotes"]
    }
    assert quotes == {
        _key(q["kind"], q["text"], q["speaker"], q.get("outlet")) for q in SEED_QUOTES
    }


def test_extract_command_without_registry(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text('"We are ready," said striker Joao Mendes.', encoding="utf-8")
    out = io.StringIO()
    call_command("extract", str(story), "--no-registry", stdout=out)
    data = json.loads(out.getvalue())
    assert data["quotes"][0]["text"] == "We are ready"
    assert data["people"][0]["name"] == "Joao Mendes"


def test_extract_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("extract", str(tmp_path / "missing.txt"), "--no-registry")


def test_evaluate_command_prints_the_table():
    out = io.StringIO()
    call_command("evaluate_extraction", stdout=out)
    table = out.getvalue()
    assert "reference-story" in table and "TOTAL" in table
    assert "Quotes (span + speaker)" in table


def test_evaluate_command_json_and_threshold():
    out = io.StringIO()
    path = str(SEEDS / "gold" / "reference-story.json")
    call_command("evaluate_extraction", path, "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["stories"]["reference-story"]["quotes_speaker"]["recall"] == 1.0
    with pytest.raises(CommandError):
        call_command(
            "evaluate_extraction",
            path,
            "--registry",
            "none",
            "--min-f1",
            "1.01",
            stdout=io.StringIO(),
        )
