"""``manage.py evaluate_extraction``: how well extraction finds the quotes,
speakers, outlets and mentions annotated in the gold stories
(``seeds/gold/``), as a table or as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.extraction.evaluation import evaluate, format_table

GOLD = Path(settings.BASE_DIR) / "seeds" / "gold"


class Command(BaseCommand):
    help = (
        "Score extraction against gold annotations: precision, recall and F1 "
        "of quotes (by span, with speaker, with kind), outlets, organisations "
        "spoken for and entity mentions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            help="Gold files (default: every seeds/gold/*.json).",
        )
        parser.add_argument(
            "--registry",
            choices=["gold", "none", "db"],
            default="gold",
            help="Which registry resolves names: each gold file's own "
            "(default), none, or the database's.",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")
        parser.add_argument(
            "--min-f1",
            type=float,
            help="Fail when the total F1 of quotes with speaker is below this.",
        )

    def handle(self, *args, **options):
        paths = [Path(p) for p in options["paths"]] or sorted(GOLD.glob("*.json"))
        if not paths:
            raise CommandError(f"No gold files in {GOLD}.")
        try:
            report = evaluate(paths, registry=options["registry"])
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot evaluate: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(format_table(report))
        threshold = options["min_f1"]
        if threshold is not None and report.total["quotes_speaker"].f1 < threshold:
            raise CommandError(
                f"Quote F1 (span + speaker) {report.total['quotes_speaker'].f1:.3f} "
                f"is below {threshold}."
            )
