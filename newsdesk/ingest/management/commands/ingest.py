"""``manage.py ingest SOURCE …``: read wire copy (ninjs 1.x/2.x JSON, Atom or
RSS 2.0) from files or allow-listed URLs into draft articles, reporting each
item's outcome."""

import json

from django.core.management.base import BaseCommand, CommandError

from entities.models import Organisation
from newsdesk.ingest.services import DocumentError, FetchError, ingest_source


class Command(BaseCommand):
    help = (
        "Ingest stories from ninjs (1.x or 2.x JSON), Atom or RSS 2.0 files or "
        "URLs listed in INGEST_ALLOWED_URLS, as drafts. A story seen before "
        "(same guid/uri) is updated unless an editor changed it. Exits 1 if "
        "any item was refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="SOURCE")
        parser.add_argument(
            "--source",
            dest="organisation",
            metavar="SLUG",
            help="The outlet (organisation slug) the stories come from; by "
            "default the feed's own name, if the registry knows it.",
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="Print the report as JSON.",
        )

    def handle(self, *args, sources, organisation=None, as_json=False, **options):
        outlet = None
        if organisation:
            outlet = Organisation.objects.filter(slug=organisation).first()
            if outlet is None:
                raise CommandError(f"No organisation has the slug “{organisation}”.")
        refused = 0
        failed = []
        reports = []
        for source in sources:
            try:
                report = ingest_source(source=source, organisation=outlet)
            except (DocumentError, FetchError) as error:
                failed.append(str(error))
                self.stderr.write(str(error))
                continue
            reports.append(report)
            refused += report.refused
            if not as_json:
                self._print(report)
        if as_json:
            self.stdout.write(_json([r.to_dict() for r in reports]))
        if failed or refused:
            raise CommandError(
                f"{refused} item(s) refused, {len(failed)} source(s) unreadable."
            )

    def _print(self, report):
        self.stdout.write(f"{report.feed} ({report.format}): {report.summary()}")
        for item in report.items:
            where = f"  {item.position}. {item.guid or '(no guid)'}"
            if item.errors:
                for field_name, messages in item.errors.items():
                    for message in messages:
                        self.stdout.write(f"{where}: refused: {field_name}: {message}")
            else:
                extra = f" — {item.message}" if item.message else ""
                slug = item.article.slug if item.article else ""
                self.stdout.write(f"{where}: {item.outcome} {slug}{extra}")


def _json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)
