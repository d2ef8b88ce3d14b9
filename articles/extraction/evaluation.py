"""Scoring extraction against gold annotations (``seeds/gold/``, format in
``seeds/gold/README.md``, conventions in ``docs/annotation.md``).

Two families of figures:

* Exact figures, kept from the start: precision, recall and F1 of quotes by
  text span, by span and speaker, by span and kind, of outlets, of the
  organisation spoken for, and of the people, organisations and agreements
  mentioned. Quotes match when their texts agree once white space, closing
  punctuation and quotation marks at either end are set aside, and their
  offsets overlap. Entities match one to one: by registry slug when both
  sides have one, else by name or one of the gold entry's other ``forms``,
  ignoring case and a leading article. Mentions are only scored on stories
  whose people and organisations were annotated in full
  (``mentions_annotated``, true unless a file says otherwise).

* Figures as the SFU Gender Gap Tracker reports them, which the targets for
  real copy are set in. We follow its evaluation script
  (``nlp/english/evaluation/src/evaluate_quotes.py`` in
  sfu-discourse-lab/GenderGapTracker; Asr et al., "The Gender Gap Tracker",
  PLoS ONE 16(1), 2021): each gold quote, in order, takes the remaining
  proposed quote that covers the largest share of it, if that share is
  strictly above the threshold (0.3); the share is measured against the gold
  quote alone, so a proposal that runs past the gold span is not penalised.
  Matched gold quotes are true positives, unmatched gold quotes false
  negatives, unmatched proposals false positives. The tracker measures the
  share in characters; we count word tokens of the body instead (a token is
  covered when it overlaps the span), so that quotation marks and
  punctuation left in or out of a span do not move the figure. Speaker
  accuracy is the share of matched quotes whose speaker is right: the gold
  person (by slug, name or form), or, for a quote the gold gives to an
  unnamed source, no named speaker at all (the tracker likewise accepts an
  empty speaker for its "floating" quotes). Organisation-spoken-for accuracy
  is the share of matched quotes whose gold names an organisation for which
  the proposal names that organisation.

The scorer reads proposals defensively (``ProposedQuote.speaker`` may be
``None``; ``source_description`` may be missing) so that it can score any
version of the engine.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from articles.text import fold

from . import Extraction, Gazetteer, extract

METRICS = (
    ("quotes_span", "Quotes (span)"),
    ("quotes_speaker", "Quotes (span + speaker)"),
    ("quotes_kind", "Quotes (span + kind)"),
    ("outlets", "Outlets"),
    ("organisations_spoken_for", "Organisation spoken for"),
    ("people", "People mentioned"),
    ("organisations", "Organisations mentioned"),
    ("agreements", "Agreements mentioned"),
)
MENTIONS = ("people", "organisations", "agreements")
#: Share of a gold quote's tokens a proposal must cover, strictly more than.
OVERLAP_THRESHOLD = 0.3
#: Which gold files each named set holds, as globs under ``seeds/gold/``.
SETS = {
    "own": ("*.json",),
    "train": ("real/train/*.json",),
    "held-out": ("real/held-out/*.json",),
    "default": ("*.json", "real/train/*.json"),
    "all": ("*.json", "real/train/*.json", "real/held-out/*.json"),
}


@dataclass
class GoldStory:
    name: str
    text: str
    quotes: list[dict]
    people: list[dict]
    organisations: list[dict]
    agreements: list[dict]
    registry: dict = field(default_factory=dict)
    mentions_annotated: bool = True
    source: dict = field(default_factory=dict)

    def gazetteer(self) -> Gazetteer:
        return Gazetteer.from_seed(self.registry)


def load_gold(path: Path | str) -> GoldStory:
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if "text" in data:
        text = data["text"]
    else:
        text = (path.parent / data["text_file"]).read_text(encoding="utf-8")
    registry = data.get("registry") or {}
    if "registry_file" in data:
        registry = json.loads(
            (path.parent / data["registry_file"]).read_text(encoding="utf-8")
        )
    for quote in data["quotes"]:
        if text[quote["start"] : quote["end"]] != quote["text"]:
            raise ValueError(
                f"{path.name}: quote at {quote['start']} does not match the text: "
                f"{quote['text'][:40]!r}"
            )
    return GoldStory(
        name=path.stem,
        text=text,
        quotes=data["quotes"],
        people=data.get("people", []),
        organisations=data.get("organisations", []),
        agreements=data.get("agreements", []),
        registry=registry,
        mentions_annotated=data.get("mentions_annotated", True),
        source={
            key: data[key]
            for key in ("source_url", "licence", "publisher", "excerpt")
            if key in data
        },
    )


def gold_paths(base: Path | str, which: str = "default") -> list[Path]:
    """The gold files of a named set (``SETS``), sorted within each part."""
    base = Path(base)
    paths: list[Path] = []
    for pattern in SETS[which]:
        paths.extend(sorted(base.glob(pattern)))
    return paths


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


_EDGES = "\"'\u201c\u201d\u2018\u2019 \t\n.,;:!?"


def _norm_text(text: str) -> str:
    return " ".join(fold(text).strip(_EDGES).split())


def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    name = fold(name).strip().lower()
    return re.sub(r"^(?:the|a|an)\s+", "", name)


def _forms(gold: dict) -> set[str]:
    return {_norm_name(gold["name"])} | {_norm_name(f) for f in gold.get("forms", [])}


def _entity_matches(predicted, gold: dict) -> bool:
    existing = getattr(predicted, "existing", None)
    if gold.get("slug") and existing and existing.get("slug"):
        return existing["slug"] == gold["slug"]
    return _norm_name(predicted.name) in _forms(gold)


def _match_entities(predicted: list, gold: list[dict]) -> tuple[Counts, dict]:
    """One-to-one matching; returns counts and predicted key -> gold name."""
    pairs: dict[str, str] = {}
    taken: set[int] = set()
    for item in predicted:
        for i, entry in enumerate(gold):
            if i not in taken and _entity_matches(item, entry):
                taken.add(i)
                pairs[item.key] = entry["name"]
                break
    return Counts(
        len(taken), len(predicted) - len(taken), len(gold) - len(taken)
    ), pairs


def _resolve(reference, entities: list):
    """The proposed entity a quote's ``speaker``/``organisation`` refers to:
    by key, else (for engines that put a name there) a stand-in by name."""
    if not reference:
        return None
    for entity in entities:
        if entity.key == reference:
            return entity
    return _Named(reference)


@dataclass
class _Named:
    name: str
    key: str = ""
    existing: dict | None = None


def _refers_to(predicted, name: str | None, gold_entities: list[dict]) -> bool:
    """Whether a resolved proposal is the gold entity called ``name``."""
    if predicted is None or not name:
        return False
    entry = next((e for e in gold_entities if e["name"] == name), None)
    if entry is None:
        return _norm_name(predicted.name) == _norm_name(name)
    return _entity_matches(predicted, entry)


def speaker_correct(quote, entry: dict, extraction: Extraction, gold: GoldStory):
    """A named gold speaker needs that person proposed; a quote the gold gives
    to an unnamed source is right only when no named speaker is proposed."""
    speaker = getattr(quote, "speaker", None)
    if entry.get("speaker") is None:
        return not speaker
    return _refers_to(
        _resolve(speaker, extraction.people), entry["speaker"], gold.people
    )


def organisation_correct(quote, entry: dict, extraction: Extraction, gold):
    organisation = _resolve(
        getattr(quote, "organisation", None), extraction.organisations
    )
    return _refers_to(organisation, entry.get("organisation"), gold.organisations)


def outlet_correct(quote, entry: dict, extraction: Extraction, gold):
    outlet = _resolve(getattr(quote, "outlet", None), extraction.organisations)
    return _refers_to(outlet, entry.get("outlet"), gold.organisations)


def score(extraction: Extraction, gold: GoldStory) -> dict[str, Counts]:
    counts = {name: Counts() for name, _ in METRICS}
    if gold.mentions_annotated:
        counts["people"], _ = _match_entities(extraction.people, gold.people)
        counts["organisations"], _ = _match_entities(
            extraction.organisations, gold.organisations
        )
        counts["agreements"], _ = _match_entities(
            extraction.agreements, gold.agreements
        )
    else:
        for metric in MENTIONS:
            del counts[metric]
    matched_gold: set[int] = set()
    pairs = []
    for quote in extraction.quotes:
        text = _norm_text(quote.text)
        for i, entry in enumerate(gold.quotes):
            if (
                i not in matched_gold
                and _norm_text(entry["text"]) == text
                and quote.start < entry["end"]
                and entry["start"] < quote.end
            ):
                matched_gold.add(i)
                pairs.append((quote, entry))
                break
        else:
            pairs.append((quote, None))
    unmatched = [g for i, g in enumerate(gold.quotes) if i not in matched_gold]
    for quote, entry in pairs:
        for metric, ok in (
            ("quotes_span", entry is not None),
            (
                "quotes_speaker",
                entry is not None and speaker_correct(quote, entry, extraction, gold),
            ),
            ("quotes_kind", entry is not None and quote.kind == entry["kind"]),
        ):
            if ok:
                counts[metric].tp += 1
            else:
                counts[metric].fp += 1
                if entry is not None:
                    counts[metric].fn += 1
        for metric, predicted, wanted, correct in (
            (
                "outlets",
                getattr(quote, "outlet", None),
                entry and entry.get("outlet"),
                outlet_correct,
            ),
            (
                "organisations_spoken_for",
                getattr(quote, "organisation", None),
                entry and entry.get("organisation"),
                organisation_correct,
            ),
        ):
            if predicted and wanted and correct(quote, entry, extraction, gold):
                counts[metric].tp += 1
                continue
            if predicted:
                counts[metric].fp += 1
            if wanted:
                counts[metric].fn += 1
    for entry in unmatched:
        for metric in ("quotes_span", "quotes_speaker", "quotes_kind"):
            counts[metric].fn += 1
        for metric, key in (
            ("outlets", "outlet"),
            ("organisations_spoken_for", "organisation"),
        ):
            if entry.get(key):
                counts[metric].fn += 1
    return counts


# --------------------------------------------------------------------------
# Token-overlap matching, as the Gender Gap Tracker reports it

_TOKEN_RE = re.compile(r"\w+")


def token_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def _covered(tokens: list[tuple[int, int]], start: int, end: int) -> frozenset:
    return frozenset(i for i, (a, b) in enumerate(tokens) if a < end and start < b)


def overlap(tokens: list[tuple[int, int]], gold: tuple, proposed: tuple) -> float:
    """Share of the gold span's tokens that the proposed span covers."""
    wanted = _covered(tokens, *gold)
    if not wanted:
        return 0.0
    return len(wanted & _covered(tokens, *proposed)) / len(wanted)


def match_by_overlap(
    text: str, gold: list[dict], proposed: list, threshold: float = OVERLAP_THRESHOLD
) -> list[tuple[dict, object | None]]:
    """Greedy one-to-one matching in gold order: each gold quote takes the
    remaining proposal with the largest overlap strictly above ``threshold``.
    Returns (gold, proposal or None) pairs; unmatched proposals are the ones
    not in any pair."""
    tokens = token_spans(text)
    remaining = list(proposed)
    pairs = []
    for entry in sorted(gold, key=lambda e: (e["start"], e["end"])):
        best, best_score = None, threshold
        for quote in remaining:
            share = overlap(
                tokens, (entry["start"], entry["end"]), (quote.start, quote.end)
            )
            if share > best_score:
                best, best_score = quote, share
        if best is not None:
            remaining.remove(best)
        pairs.append((entry, best))
    return pairs


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def as_dict(self) -> dict:
        value = self.value
        return {
            "right": self.right,
            "total": self.total,
            "accuracy": None if value is None else round(value, 4),
        }


@dataclass
class OverlapScore:
    """The tracker's figures for one story or a set of stories."""

    quotes: Counts = field(default_factory=Counts)
    speaker: Accuracy = field(default_factory=Accuracy)
    organisation: Accuracy = field(default_factory=Accuracy)
    unnamed: Accuracy = field(default_factory=Accuracy)

    def add(self, other: OverlapScore) -> None:
        self.quotes.add(other.quotes)
        self.speaker.add(other.speaker)
        self.organisation.add(other.organisation)
        self.unnamed.add(other.unnamed)

    def as_dict(self) -> dict:
        return {
            "threshold": OVERLAP_THRESHOLD,
            "quotes": self.quotes.as_dict(),
            "speaker_accuracy": self.speaker.as_dict(),
            "organisation_accuracy": self.organisation.as_dict(),
            "unnamed_source_accuracy": self.unnamed.as_dict(),
        }


def score_overlap(extraction: Extraction, gold: GoldStory) -> OverlapScore:
    result = OverlapScore()
    pairs = match_by_overlap(gold.text, gold.quotes, extraction.quotes)
    matched = [(entry, quote) for entry, quote in pairs if quote is not None]
    result.quotes = Counts(
        tp=len(matched),
        fp=len(extraction.quotes) - len(matched),
        fn=len(pairs) - len(matched),
    )
    for entry, quote in matched:
        right = speaker_correct(quote, entry, extraction, gold)
        result.speaker.total += 1
        result.speaker.right += right
        if entry.get("speaker") is None:
            result.unnamed.total += 1
            result.unnamed.right += right
        if entry.get("organisation"):
            result.organisation.total += 1
            result.organisation.right += organisation_correct(
                quote, entry, extraction, gold
            )
    return result


# --------------------------------------------------------------------------
# Reports


@dataclass
class Report:
    stories: dict[str, dict[str, Counts]]
    total: dict[str, Counts]
    overlap: dict[str, OverlapScore] = field(default_factory=dict)
    overlap_total: OverlapScore = field(default_factory=OverlapScore)

    def as_dict(self) -> dict:
        return {
            "stories": {
                name: {
                    **{metric: c.as_dict() for metric, c in counts.items()},
                    "overlap": self.overlap[name].as_dict(),
                }
                for name, counts in self.stories.items()
            },
            "total": {
                **{metric: c.as_dict() for metric, c in self.total.items()},
                "overlap": self.overlap_total.as_dict(),
            },
        }


def evaluate(
    paths: list[Path], registry: str = "gold", use_ner: bool | None = None
) -> Report:
    """Score every gold story. ``registry`` is ``"gold"`` (each story's own
    registry, as the newsroom would have it), ``"none"`` (no registry at
    all) or ``"db"`` (the registry in the database). ``use_ner`` turns the
    named-entity step on or off (default: the ``EXTRACTION_NER`` setting)."""
    shared = Gazetteer.from_registry() if registry == "db" else None
    stories: dict[str, dict[str, Counts]] = {}
    overlaps: dict[str, OverlapScore] = {}
    total: dict[str, Counts] = {}
    overlap_total = OverlapScore()
    for path in paths:
        gold = load_gold(path)
        if gold.name in stories:
            raise ValueError(f"{path}: a second story named {gold.name!r}")
        if registry == "gold":
            gazetteer = gold.gazetteer()
        elif registry == "db":
            gazetteer = shared
        else:
            gazetteer = Gazetteer()
        extraction = extract(gold.text, gazetteer, use_ner=use_ner)
        counts = score(extraction, gold)
        stories[gold.name] = counts
        for metric, c in counts.items():
            total.setdefault(metric, Counts()).add(c)
        overlaps[gold.name] = score_overlap(extraction, gold)
        overlap_total.add(overlaps[gold.name])
    total = {name: total[name] for name, _ in METRICS if name in total}
    return Report(stories, total, overlaps, overlap_total)


def _accuracy(a: Accuracy) -> str:
    return f"{a.value:6.2f} ({a.right}/{a.total})" if a.total else "   n/a"


def format_table(report: Report) -> str:
    lines = []
    header = f"{'':26} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"
    rows = [*report.stories.items(), ("TOTAL", report.total)]
    for name, counts in rows:
        ggt = report.overlap_total if name == "TOTAL" else report.overlap[name]
        lines.append(name)
        lines.append(header)
        for metric, label in METRICS:
            if metric not in counts:
                continue
            c = counts[metric]
            lines.append(
                f"  {label:24} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f} "
                f"{c.tp:4} {c.fp:4} {c.fn:4}"
            )
        q = ggt.quotes
        label = f"Quotes (overlap > {OVERLAP_THRESHOLD})"
        lines.append(
            f"  {label:24} {q.precision:6.2f} {q.recall:6.2f} {q.f1:6.2f} "
            f"{q.tp:4} {q.fp:4} {q.fn:4}"
        )
        lines.append(f"  {'Speaker accuracy':24} {_accuracy(ggt.speaker)}")
        lines.append(f"  {'  of unnamed sources':24} {_accuracy(ggt.unnamed)}")
        lines.append(f"  {'Organisation accuracy':24} {_accuracy(ggt.organisation)}")
        lines.append("")
    return "\n".join(lines)
