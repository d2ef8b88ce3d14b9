"""``manage.py import_newsroom FILE``: restore a file written by
``export_newsroom`` into an empty database. Reading and checking the file
(``newsdesk.interchange.reader``) and writing it (``…restore``) live in
``newsdesk.interchange``; this command reads the file, refuses a database that
is not empty, and reports.

The whole file is checked before anything is written; any problem refuses it
with messages naming the record and the field, and nothing is imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from articles.models import Article, Quote
from entities.models import Agreement, Organisation, Person, Role
from newsdesk.interchange import reader, restore
from newsdesk.interchange.progress import Progress, progress_wanted

MAX_REPORTED = 50


class Command(BaseCommand):
    help = (
        "Restore a file written by export_newsroom into an empty database "
        "(no people, organisations, agreements, articles or other newsroom "
        "records). The whole file is validated first; a file with any problem "
        "is refused with messages naming the record and field, and nothing is "
        "imported. Ids, versions and timestamps are kept exactly. History: "
        "each imported object that keeps history (all but merge records) gets "
        "exactly one '+' (created) history record, dated at the import, with "
        "'Imported from FILE' as the reason and no user; the history from "
        "before the export is not in the file. Merge records keep their user "
        "only if a user with that username exists here. Use '-' as FILE to "
        "read stdin. The format is described in docs/export-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file to read, or '-' for stdin.")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr even when it is not a terminal.",
        )

    def handle(self, *args, file: str, progress: bool, **options):
        show = progress_wanted(self.stderr, progress)
        data = self._load(file)
        try:
            with transaction.atomic():
                present = restore.records_present()
                if present:
                    raise CommandError(
                        "import_newsroom restores only into an empty database, "
                        f"and this one has {', '.join(present)}. Nothing was "
                        "imported."
                    )
                checking = Progress(
                    self.stderr,
                    total=reader.record_count(data),
                    label="Checking",
                    enabled=show,
                )
                newsroom = reader.Newsroom(progress=checking)
                newsroom.read(data)
                checking.close()
                # The parsed JSON is no longer needed: free it before writing.
                data = None
                if newsroom.errors:
                    raise CommandError(self._report(file, newsroom.errors))
                bar = Progress(
                    self.stderr,
                    total=restore.object_count(newsroom),
                    label="Importing",
                    enabled=show,
                )
                name = "stdin" if file == "-" else Path(file).name
                counts = restore.restore(
                    newsroom, reason=f"Imported from {name}"[:100], progress=bar
                )
                bar.close()
        except DatabaseError as error:
            raise CommandError(
                f"The database refused the data in {file}: {error}. "
                "Nothing was imported."
            ) from error
        for warning in newsroom.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if options.get("verbosity", 1) > 0:
            summary = ", ".join(
                restore.counted(counts[model], model)
                for model in (Person, Organisation, Role, Agreement, Article, Quote)
            )
            self.stdout.write(self.style.SUCCESS(f"Imported {summary} from {file}."))

    def _load(self, file: str):
        try:
            if file == "-":
                content = sys.stdin.read()
            else:
                content = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                f"Cannot read {file}: {error}. Nothing was imported."
            ) from error
        try:
            return reader.parse(content)
        except reader.Unreadable as error:
            raise CommandError(
                f"{file} is not valid JSON: {error}. Nothing was imported."
            ) from error

    @staticmethod
    def _report(file: str, errors: list[str]) -> str:
        shown = errors[:MAX_REPORTED]
        lines = [
            f"{file} cannot be imported ({len(errors)} "
            f"problem{'s' if len(errors) != 1 else ''}); nothing was imported:",
            *(f"  {error}" for error in shown),
        ]
        if len(errors) > len(shown):
            lines.append(f"  … and {len(errors) - len(shown)} more")
        return "\n".join(lines)
