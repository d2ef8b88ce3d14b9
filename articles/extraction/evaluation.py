"""Scoring extraction against gold annotations (``seeds/gold/``, format in
``seeds/gold/README.md``): precision, recall and F1 of quotes by text span,
by span and speaker, of outlets, of the organisation spoken for, and of the
people, organisations and agreements mentioned.

Quotes match when their texts agree once white space, closing punctuation
and quotation marks at either end are set aside, and their offsets overlap.
Entities match one to one: by registry slug when both sides have one, else
by name or one of the gold entry's other ``forms``, ignoring case and a
leading article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from articles.text import fold

from .engine import Extraction, extract
from .gazetteer import Gazetteer

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


@dataclass
class GoldStory:
    name: str
    text: str
    quotes: list[dict]
    people: list[dict]
    organisations: list[dict]
    agreements: list[dict]
    registry: dict = field(default_factory=dict)

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
    )


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


def _entity_matches(predicted, gold: dict) -> bool:
    existing = getattr(predicted, "existing", None)
    if gold.get("slug") and existing and existing.get("slug"):
        return existing["slug"] == gold["slug"]
    names = {_norm_name(gold["name"])} | {_norm_name(f) for f in gold.get("forms", [])}
    return _norm_name(predicted.name) in names


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


def score(extraction: Extraction, gold: GoldStory) -> dict[str, Counts]:
    people, person_names = _match_entities(extraction.people, gold.people)
    orgs, org_names = _match_entities(extraction.organisations, gold.organisations)
    agreements, _ = _match_entities(extraction.agreements, gold.agreements)
    counts = {name: Counts() for name, _ in METRICS}
    counts["people"], counts["organisations"] = people, orgs
    counts["agreements"] = agreements
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
        speaker = person_names.get(quote.speaker)
        outlet = org_names.get(quote.outlet) if quote.outlet else None
        spoke_for = org_names.get(quote.organisation) if quote.organisation else None
        for metric, ok in (
            ("quotes_span", entry is not None),
            ("quotes_speaker", entry is not None and speaker == entry["speaker"]),
            ("quotes_kind", entry is not None and quote.kind == entry["kind"]),
        ):
            if ok:
                counts[metric].tp += 1
            else:
                counts[metric].fp += 1
                if entry is not None:
                    counts[metric].fn += 1
        for metric, predicted, wanted in (
            ("outlets", quote.outlet, entry and entry.get("outlet")),
            (
                "organisations_spoken_for",
                quote.organisation,
                entry and entry.get("organisation"),
            ),
        ):
            found = outlet if metric == "outlets" else spoke_for
            if predicted and wanted and found == wanted:
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


@dataclass
class Report:
    stories: dict[str, dict[str, Counts]]
    total: dict[str, Counts]

    def as_dict(self) -> dict:
        return {
            "stories": {
                name: {metric: c.as_dict() for metric, c in counts.items()}
                for name, counts in self.stories.items()
            },
            "total": {metric: c.as_dict() for metric, c in self.total.items()},
        }


def evaluate(paths: list[Path], registry: str = "gold") -> Report:
    """Score every gold story. ``registry`` is ``"gold"`` (each story's own
    registry, as the newsroom would have it), ``"none"`` (no registry at
    all) or ``"db"`` (the registry in the database)."""
    shared = Gazetteer.from_registry() if registry == "db" else None
    stories: dict[str, dict[str, Counts]] = {}
    total = {name: Counts() for name, _ in METRICS}
    for path in paths:
        gold = load_gold(path)
        if registry == "gold":
            gazetteer = gold.gazetteer()
        elif registry == "db":
            gazetteer = shared
        else:
            gazetteer = Gazetteer()
        counts = score(extract(gold.text, gazetteer), gold)
        stories[gold.name] = counts
        for metric, c in counts.items():
            total[metric].add(c)
    return Report(stories, total)


def format_table(report: Report) -> str:
    lines = []
    header = f"{'':26} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"
    for name, counts in [*report.stories.items(), ("TOTAL", report.total)]:
        lines.append(name)
        lines.append(header)
        for metric, label in METRICS:
            c = counts[metric]
            lines.append(
                f"  {label:24} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f} "
                f"{c.tp:4} {c.fp:4} {c.fn:4}"
            )
        lines.append("")
    return "\n".join(lines)
