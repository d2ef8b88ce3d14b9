"""``manage.py evaluate_extraction``: how well extraction finds the quotes,
speakers, outlets and mentions annotated in the gold stories
(``seeds/gold/``), as a table or as JSON.

Without arguments it scores Newsdesk's own stories and the real training
stories (``seeds/gold/real/train/``); ``--held-out`` scores only the real
held-out stories, which rules are never tuned on; ``--set`` names any set."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.extraction.engine import ner
from articles.extraction.evaluation import SETS, evaluate, format_table, gold_paths

GOLD = Path(settings.BASE_DIR) / "seeds" / "gold"


class Command(BaseCommand):
    help = (
        "Score extraction against gold annotations: precision, recall and F1 "
        "of quotes (by span, with speaker, with kind), outlets, organisations "
        "spoken for and entity mentions, and quote F1, speaker accuracy and "
        "organisation accuracy with token-overlap matching."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            help="Gold files (default: the set chosen with --set).",
        )
        parser.add_argument(
            "--set",
            dest="gold_set",
            choices=sorted(SETS),
            default="default",
            help="Which gold stories: own (seeds/gold/*.json), train "
            "(real/train), held-out (real/held-out), default (own and "
            "train) or all.",
        )
        parser.add_argument(
            "--held-out",
            action="store_true",
            help="Score only the held-out real stories (same as --set held-out).",
        )
        parser.add_argument(
            "--registry",
            choices=["gold", "none", "db"],
            default="gold",
            help="Which registry resolves names: each gold file's own "
            "(default), none, or the database's.",
        )
        parser.add_argument(
            "--ner",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="With (--ner) or without (--no-ner) the named-entity step "
            "(default: the EXTRACTION_NER setting). --ner needs spaCy and "
            "its model (requirements-ner.txt).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")
        parser.add_argument(
            "--min-f1",
            type=float,
            help="Fail when the total F1 of quotes with speaker is below this.",
        )

    def handle(self, *args, **options):
        which = "held-out" if options["held_out"] else options["gold_set"]
        if options["held_out"] and options["gold_set"] not in ("default", "held-out"):
            raise CommandError("--held-out is the held-out set; give one set.")
        if options["paths"] and (options["held_out"] or which != "default"):
            raise CommandError("Give gold files or a set, not both.")
        paths = [Path(p) for p in options["paths"]] or gold_paths(GOLD, which)
        if not paths:
            raise CommandError(f"No gold files for the set {which!r} in {GOLD}.")
        if options["ner"] and not ner.available():
            raise CommandError(
                "--ner needs spaCy and its English model: install "
                "requirements-ner.txt (docs/ner.md)."
            )
        try:
            report = evaluate(
                paths, registry=options["registry"], use_ner=options["ner"]
            )
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot evaluate: {error}") from error
        if options["json"]:
            data = report.as_dict()
            data["set"] = "files" if options["paths"] else which
            data["ner"] = (
                bool(
                    settings.EXTRACTION_NER
                    if options["ner"] is None
                    else options["ner"]
                )
                and ner.available()
            )
            self.stdout.write(json.dumps(data, indent=2))
        else:
            self.stdout.write(format_table(report))
        threshold = options["min_f1"]
        if threshold is not None and report.total["quotes_speaker"].f1 < threshold:
            raise CommandError(
                f"Quote F1 (span + speaker) {report.total['quotes_speaker'].f1:.3f} "
                f"is below {threshold}."
            )
