"""``manage.py extract FILE``: the proposed structure of a story in a plain
text file, as JSON, for an editor or a script to review."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.extraction import Gazetteer, extract


class Command(BaseCommand):
    help = (
        "Print the quotes, speakers, outlets, organisations and agreements "
        "proposed for a plain-text story, as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file holding the story.")
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="Do not look names up in the registry; every name is new.",
        )
        parser.add_argument(
            "--indent", type=int, default=2, help="JSON indentation (0: one line)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        gazetteer = None if options["no_registry"] else Gazetteer.from_registry()
        extraction = extract(text, gazetteer)
        self.stdout.write(
            json.dumps(
                extraction.to_dict(),
                ensure_ascii=False,
                indent=options["indent"] or None,
            )
        )
