"""Extraction quality, as the README states it: the totals of
``manage.py evaluate_extraction --json`` (token-overlap matching) for each
gold set, written to ``bench/results/extraction-quality.json``.

    .venv-ner/bin/python bench/quality.py      # every leg, NER included
    .venv/bin/python bench/quality.py          # no spaCy: the NER leg is kept
                                               # from the last file, with its date
    python bench/quality.py --sets own train   # only these legs

The legs are ``own``, ``train`` and ``held-out`` without the named-entity
step, and ``held-out-ner`` with it when spaCy and its model are installed.
Each leg records when it ran, the machine's load average and the git commit
it scored; a leg not run this time keeps its entry from the previous file
(with that entry's own date and commit), or is absent.

Only totals are kept or printed: the held-out stories are never shown story
by story, so nobody writing rules learns which of them fail.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")

import django  # noqa: E402

django.setup()

from articles.extraction.engine import ner  # noqa: E402
from articles.extraction.evaluation import evaluate, gold_paths  # noqa: E402

GOLD = ROOT / "seeds" / "gold"
RESULTS = ROOT / "bench" / "results" / "extraction-quality.json"
#: Leg name: (gold set, with the named-entity step).
LEGS = {
    "own": ("own", False),
    "train": ("train", False),
    "held-out": ("held-out", False),
    "held-out-ner": ("held-out", True),
}
#: What extraction should reach on the held-out stories: quote F1, speaker
#: accuracy and organisation accuracy, at least.
TARGETS = {"f1": 0.85, "speaker": 0.9, "organisation": 0.7}


def _commit() -> str:
    try:
        result = subprocess.run(  # noqa: S603 - git, fixed arguments
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()


def leg(gold_set: str, use_ner: bool) -> dict:
    """The totals of one set: what ``evaluate_extraction --set gold_set
    --json`` reports under ``total`` → ``overlap``, and nothing per story."""
    paths = gold_paths(GOLD, gold_set)
    report = evaluate(paths, registry="gold", use_ner=use_ner)
    overlap = report.overlap_total.as_dict()
    return {
        "set": gold_set,
        "ner": use_ner,
        "stories": len(paths),
        "threshold": overlap["threshold"],
        "quotes": overlap["quotes"],
        "speaker_accuracy": overlap["speaker_accuracy"],
        "organisation_accuracy": overlap["organisation_accuracy"],
        "unnamed_source_accuracy": overlap["unnamed_source_accuracy"],
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "commit": _commit(),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=list(LEGS),
        default=list(LEGS),
        help="Which legs to run (default: all; held-out-ner needs spaCy).",
    )
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    out = Path(args.out)
    previous = json.loads(out.read_text()) if out.exists() else {}
    legs = dict(previous.get("sets", {}))
    notes = []
    for name in LEGS:
        if name not in args.sets:
            continue
        gold_set, use_ner = LEGS[name]
        if use_ner and not ner.available():
            kept = legs.get(name)
            notes.append(
                f"{name}: spaCy or its model is not installed; "
                + (f"kept the run of {kept['when']}." if kept else "absent.")
            )
            continue
        legs[name] = leg(gold_set, use_ner)
    report = {
        "targets": {"held-out": TARGETS},
        "sets": {name: legs[name] for name in LEGS if name in legs},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    for name, entry in report["sets"].items():
        q = entry["quotes"]
        print(
            f"{name:13} {entry['stories']:3} stories  F1 {q['f1']:.3f} "
            f"(P {q['precision']:.3f} / R {q['recall']:.3f})  speaker "
            f"{entry['speaker_accuracy']['right']}/"
            f"{entry['speaker_accuracy']['total']}  organisation "
            f"{entry['organisation_accuracy']['right']}/"
            f"{entry['organisation_accuracy']['total']}  ({entry['when']})"
        )
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
