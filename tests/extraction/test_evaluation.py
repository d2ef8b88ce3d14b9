"""The gold set and its scoring: every gold file holds together (offsets,
speakers, organisations, sources and licences), the real stories keep the
held-out split they were drawn with, and the token-overlap figures (quote
F1, speaker and organisation accuracy) count what they claim to."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.extraction import (
    Extraction,
    ProposedOrganisation,
    ProposedPerson,
    ProposedQuote,
)
from articles.extraction.evaluation import (
    GoldStory,
    gold_paths,
    load_gold,
    match_by_overlap,
    overlap,
    score,
    score_overlap,
    token_spans,
)
from articles.text import QUOTATION_MARKS

GOLD = Path(settings.BASE_DIR) / "seeds" / "gold"
REAL = GOLD / "real"
SPLIT = json.loads((REAL / "split.json").read_text(encoding="utf-8"))
ALL = gold_paths(GOLD, "all")
KINDS = {"direct", "partial", "indirect"}
#: Titles a person's form must not carry (the canonical name never does).
TITLES = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Gen",
    "Secretary",
    "Ambassador",
    "President",
    "Administrator",
}


def problems(path: Path) -> list[str]:
    """Everything wrong with one gold file, by the rules of docs/annotation.md."""
    data = json.loads(path.read_text(encoding="utf-8"))
    body = (path.parent / data["text_file"]).read_text(encoding="utf-8")
    people = {p["name"] for p in data.get("people", [])}
    organisations = {o["name"] for o in data.get("organisations", [])}
    found = []
    for quote in data["quotes"]:
        where = f"{path.name} @{quote['start']}"
        if body[quote["start"] : quote["end"]] != quote["text"]:
            found.append(f"{where}: text does not match the body")
        if quote["kind"] not in KINDS:
            found.append(f"{where}: unknown kind {quote['kind']!r}")
        if quote["text"] != quote["text"].strip() or not quote["text"]:
            found.append(f"{where}: span starts or ends with white space")
        if quote["speaker"] is None:
            if not quote.get("source_description"):
                found.append(f"{where}: unnamed source without a description")
        elif quote["speaker"] not in people:
            found.append(f"{where}: speaker {quote['speaker']!r} not in people")
        for key in ("organisation", "outlet"):
            if quote.get(key) and quote[key] not in organisations:
                found.append(f"{where}: {key} {quote[key]!r} not in organisations")
        if quote["kind"] in ("direct", "partial"):
            # (A stray space the source left inside the mark is no part of
            # the span: "“ Developing …".)
            before = body[: quote["start"]].rstrip(" ")[-1:]
            # A paragraph of a quote running over several paragraphs may start
            # without a mark of its own.
            if before not in QUOTATION_MARKS and before != "\n":
                found.append(f"{where}: a quoted span must follow a quotation mark")
            if quote["text"][-1] == "," or quote["text"][-1] in QUOTATION_MARKS:
                found.append(f"{where}: comma or closing mark inside the span")
    for person in data.get("people", []):
        for form in person.get("forms", []):
            if form.split()[0].rstrip(".") in TITLES:
                found.append(f"{path.name}: form {form!r} carries a title")
    for words in data.get("not_quotes", []):
        if words not in body:
            found.append(f"{path.name}: not_quote {words!r} is not in the text")
    return found


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(GOLD)))
def test_every_gold_file_loads_and_its_offsets_hold(path):
    gold = load_gold(path)
    assert gold.quotes, "a gold story without quotes scores nothing"
    assert problems(path) == []


def test_the_checker_catches_a_shifted_offset(tmp_path):
    source = REAL / "train" / "nasa-pace-mission.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["quotes"][0]["start"] += 1
    (tmp_path / data["text_file"]).write_text(
        (source.parent / data["text_file"]).read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert any("does not match" in p for p in problems(broken))
    with pytest.raises(ValueError):
        load_gold(broken)


@pytest.mark.parametrize(
    "path", gold_paths(GOLD, "train") + gold_paths(GOLD, "held-out"), ids=str
)
def test_real_stories_name_source_and_licence_and_come_in_cold(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["source_url"].startswith("http")
    assert data["publisher"]
    assert data["licence"] in {
        "Public domain (work of the U.S. federal government)",
        "Public domain (Wikinews text published before 25 September 2005)",
        "CC BY 2.5",
    }
    assert data["registry"] == {"people": [], "organisations": [], "agreements": []}
    assert data["mentions_annotated"] is False


def test_the_split_has_the_sizes_claimed_and_was_drawn_by_its_seed():
    train = {p.stem for p in gold_paths(GOLD, "train")}
    held_out = {p.stem for p in gold_paths(GOLD, "held-out")}
    assert (len(train), len(held_out)) == (238, 123)
    assert not train & held_out
    assert 3 * len(held_out) >= len(train) + len(held_out)
    stories, drawn = set(), set()
    for batch in SPLIT["batches"]:
        names = sorted(batch["stories"])
        chosen = random.Random(batch["seed"]).sample(names, len(batch["held_out"]))
        assert sorted(chosen) == sorted(batch["held_out"])
        # A story annotated with no quote scores nothing and is dropped
        # after the draw, which stays as it was drawn.
        dropped = set(batch.get("dropped", []))
        stories |= set(names) - dropped
        drawn |= set(batch["held_out"]) - dropped
    assert held_out == drawn
    assert train == stories - drawn


def test_the_real_set_has_enough_quotes_of_every_kind():
    kinds = {kind: 0 for kind in KINDS}
    unnamed = 0
    for path in gold_paths(GOLD, "train") + gold_paths(GOLD, "held-out"):
        for quote in load_gold(path).quotes:
            kinds[quote["kind"]] += 1
            unnamed += quote["speaker"] is None
    assert sum(kinds.values()) >= 120
    assert min(kinds.values()) >= 20
    assert unnamed >= 20


def test_held_out_stories_are_not_in_the_default_set():
    default = gold_paths(GOLD)
    assert default == gold_paths(GOLD, "own") + gold_paths(GOLD, "train")
    assert not [p for p in default if "held-out" in p.parts]
    assert {p.parent for p in gold_paths(GOLD, "held-out")} == {REAL / "held-out"}


def _names(**options) -> set[str]:
    out = io.StringIO()
    call_command("evaluate_extraction", "--json", stdout=out, **options)
    return set(json.loads(out.getvalue())["stories"])


def test_the_command_scores_the_set_asked_for():
    held_out = {p.stem for p in gold_paths(GOLD, "held-out")}
    assert _names(held_out=True) == held_out
    default = _names()
    assert "reference-story" in default and not default & held_out
    assert _names(gold_set="train") == {p.stem for p in gold_paths(GOLD, "train")}
    with pytest.raises(CommandError):
        call_command("evaluate_extraction", str(GOLD / "trade-deal.json"), "--held-out")
    with pytest.raises(CommandError):
        call_command("evaluate_extraction", "--held-out", "--set", "train")


def test_the_command_reports_overlap_figures_and_skips_unannotated_mentions():
    out = io.StringIO()
    path = REAL / "train" / "nasa-pace-mission.json"
    call_command("evaluate_extraction", str(path), "--json", stdout=out)
    figures = json.loads(out.getvalue())
    story = figures["stories"]["nasa-pace-mission"]
    assert "people" not in story and "people" not in figures["total"]
    assert story["overlap"]["threshold"] == 0.3
    assert story["overlap"]["quotes"]["tp"] + story["overlap"]["quotes"]["fn"] == 2
    table = io.StringIO()
    call_command("evaluate_extraction", str(path), stdout=table)
    assert "Quotes (overlap > 0.3)" in table.getvalue()
    assert "People mentioned" not in table.getvalue()


# --------------------------------------------------------------------------
# Hand-made cases

BODY = (
    'Officials said the bridge would reopen in May. "We are on schedule '
    'and on budget for the whole of the work," said Ana Ruiz, a spokeswoman '
    "for the Port Authority."
)


def _span(words: str) -> tuple[int, int]:
    start = BODY.index(words)
    return start, start + len(words)


def _gold_quote(words, speaker=None, organisation=None, kind="direct", src=None):
    start, end = _span(words)
    entry = {
        "kind": kind,
        "text": words,
        "start": start,
        "end": end,
        "speaker": speaker,
        "cue": "said",
        "outlet": None,
        "organisation": organisation,
    }
    if speaker is None:
        entry["source_description"] = src or "officials"
    return entry


UNNAMED = _gold_quote("the bridge would reopen in May", kind="indirect")
DIRECT = _gold_quote(
    "We are on schedule and on budget for the whole of the work",
    speaker="Ana Ruiz",
    organisation="Port Authority",
)
STORY = GoldStory(
    name="bridge",
    text=BODY,
    quotes=[UNNAMED, DIRECT],
    people=[{"name": "Ana Ruiz", "forms": ["Ruiz"]}],
    organisations=[{"name": "Port Authority", "forms": []}],
    agreements=[],
    mentions_annotated=False,
)
RUIZ = ProposedPerson(key="ana-ruiz", name="Ana Ruiz")
OFFICIAL = ProposedPerson(key="officials", name="Officials")
PORT = ProposedOrganisation(key="port-authority", name="the Port Authority")
OTHER = ProposedOrganisation(key="city", name="City Hall")


def _proposal(words, speaker, organisation=None, kind="direct"):
    start, end = _span(words)
    return ProposedQuote(
        kind=kind,
        text=words,
        start=start,
        end=end,
        speaker=speaker,
        cue="said",
        organisation=organisation,
    )


def _extraction(*quotes):
    return Extraction(
        quotes=list(quotes), people=[RUIZ, OFFICIAL], organisations=[PORT, OTHER]
    )


def test_overlap_is_the_share_of_the_gold_tokens_covered():
    tokens = token_spans(BODY)
    gold = _span("We are on schedule and on budget for the whole of the work")
    assert overlap(tokens, gold, gold) == 1.0
    assert overlap(tokens, gold, _span("We are on schedule")) == pytest.approx(4 / 13)
    assert overlap(tokens, gold, _span("We are on")) == pytest.approx(3 / 13)
    # Measured against the gold span alone: a longer proposal loses nothing.
    assert overlap(tokens, gold, (0, len(BODY))) == 1.0
    assert overlap(tokens, gold, _span("Officials said")) == 0.0


def test_matching_needs_strictly_more_than_the_threshold_and_is_one_to_one():
    ten = 'the bridge would reopen in May. "We are on schedule'
    gold = [
        {"start": _span(ten)[0], "end": _span(ten)[1]},
    ]
    tokens = token_spans(BODY)
    assert len(_covered_tokens(tokens, _span(ten))) == 10
    three = _proposal("the bridge would", "officials")
    four = _proposal("the bridge would reopen", "officials")
    assert match_by_overlap(BODY, gold, [three]) == [(gold[0], None)]
    assert match_by_overlap(BODY, gold, [four]) == [(gold[0], four)]
    # Two proposals for one gold quote: the better one matches, once.
    pairs = match_by_overlap(BODY, gold, [four, three])
    assert pairs == [(gold[0], four)]


def _covered_tokens(tokens, span):
    return [t for t in tokens if t[0] < span[1] and span[0] < t[1]]


def test_overlap_figures_count_quotes_speakers_and_organisations():
    extraction = _extraction(
        _proposal("the bridge would reopen in May", None, kind="indirect"),
        _proposal("We are on schedule and on budget", "ana-ruiz", "port-authority"),
        _proposal("Officials said", "officials"),
    )
    result = score_overlap(extraction, STORY)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.fn) == (2, 1, 0)
    assert (result.speaker.right, result.speaker.total) == (2, 2)
    assert (result.unnamed.right, result.unnamed.total) == (1, 1)
    assert (result.organisation.right, result.organisation.total) == (1, 1)


def test_a_named_speaker_proposed_for_an_unnamed_source_is_wrong():
    extraction = _extraction(
        _proposal("the bridge would reopen in May", "officials", kind="indirect"),
        _proposal(
            "We are on schedule and on budget for the whole of the work",
            "officials",
            "city",
        ),
    )
    result = score_overlap(extraction, STORY)
    assert result.quotes.tp == 2
    assert (result.speaker.right, result.speaker.total) == (0, 2)
    assert (result.unnamed.right, result.unnamed.total) == (0, 1)
    assert (result.organisation.right, result.organisation.total) == (0, 1)
    exact = score(extraction, STORY)
    assert exact["quotes_speaker"].tp == 0
    assert "people" not in exact


def test_an_organisation_on_a_quote_whose_gold_has_none_is_not_counted():
    extraction = _extraction(
        _proposal("the bridge would reopen in May", None, "city", kind="indirect")
    )
    result = score_overlap(extraction, STORY)
    assert (result.quotes.tp, result.quotes.fn) == (1, 1)
    assert result.organisation.total == 0
    assert result.speaker.right == 1


def test_proposals_without_the_new_fields_are_read_defensively():
    class OldQuote:
        kind, text, cue = "direct", DIRECT["text"], "said"
        start, end = DIRECT["start"], DIRECT["end"]
        speaker = "Ana Ruiz"  # a name where a key is expected

    extraction = Extraction(quotes=[OldQuote()], people=[], organisations=[])
    result = score_overlap(extraction, STORY)
    assert (result.speaker.right, result.speaker.total) == (1, 1)
    assert (result.organisation.right, result.organisation.total) == (0, 1)
