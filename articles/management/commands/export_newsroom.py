"""``manage.py export_newsroom FILE``: write the whole newsroom to one JSON
file that ``import_newsroom`` restores into an empty database. The format and
the writing live in ``newsdesk.interchange``; this command handles the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.interchange import writer
from newsdesk.interchange.progress import progress_wanted


class Command(BaseCommand):
    help = (
        "Export every person, organisation, role, agreement, article (with "
        "quotes and mentions) and merge record to one JSON file that "
        "import_newsroom restores into an empty database. The format is "
        "described in docs/export-format.md. History (simple_history) rows and "
        "user accounts are not exported. Use '-' as FILE to write to stdout."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file to write, or '-' for stdout.")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr even when it is not a terminal.",
        )

    def handle(self, *args, file: str, progress: bool, **options):
        show = progress_wanted(self.stderr, progress)
        if file == "-":
            writer.export(
                lambda text: self.stdout.write(text, ending=""),
                stderr=self.stderr,
                show=show,
            )
            self.stdout.flush()
            return
        counts = self._write_file(Path(file), show)
        if options.get("verbosity", 1) > 0:
            self.stdout.write(f"Exported {writer.summary(counts)} to {file}.")

    def _write_file(self, path: Path, show: bool) -> dict[str, int]:
        """Write next to ``path`` and move into place only when complete, so
        a failed export never leaves a truncated file behind."""
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="\n") as handle:
                counts = writer.export(handle.write, stderr=self.stderr, show=show)
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {path}: {error}") from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return counts
