"""``manage.py generate_corpus``: add a generated archive to the database for
load tests, benchmarks and demos. The data comes from ``devtools.corpus``
(what it contains, the rules it obeys, how it is written); this command only
reads its options.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from devtools.corpus.database import GenerationError, generate


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError
    return number


def _natural(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError
    return number


def _day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


_positive.__name__ = "positive whole number"
_natural.__name__ = "whole number (0 or more)"
_day.__name__ = "date (YYYY-MM-DD)"


class Command(BaseCommand):
    help = (
        "Add a generated archive to the database: N articles (about 5% drafts "
        "or in review, about 1% scheduled, the rest published over the last 15 "
        "years), about --quotes-per-article quotes each (half as many to half "
        "as many again; direct, partial and indirect, every one occurring in "
        "the body at its offsets), speakers drawn from a heavy-tailed "
        "distribution over a pool of max(50, N/50) people with aliases and "
        "dated roles (a quote's organisation is the speaker's at the time), "
        "states with ministries, agencies and departments, news agencies and "
        "outlets, agreements with 2-5 state parties and status changes citing "
        "articles, and the mentions of all of them. The same --seed and "
        "--as-of give the same data; every slug starts with gen-<seed>-, and a "
        "seed already used in this database is refused. Rows are written with "
        "bulk inserts only (bulk_create in batches; COPY on PostgreSQL for the "
        "big tables, loaded without their secondary indexes and foreign-key and "
        "unique constraints, which are built afterwards when the load at least "
        "doubles them), one transaction per batch of articles: no per-row save() "
        "or full_clean(), no signals and no django-simple-history records. "
        "The data satisfies the models' constraints and validation by "
        "construction, and created_at/updated_at get plausible past values. "
        "Progress goes to stderr (when it is a terminal, or with --progress), a "
        "summary to stdout."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=_positive,
            required=True,
            metavar="N",
            help="How many articles to generate.",
        )
        parser.add_argument(
            "--seed",
            type=_natural,
            default=0,
            help="Seed of the random choices (default 0). Slugs start with "
            "gen-<seed>-.",
        )
        parser.add_argument(
            "--quotes-per-article",
            type=_positive,
            default=10,
            metavar="Q",
            help="Average quotes per article (default 10: from 5 to 15).",
        )
        parser.add_argument(
            "--batch-size",
            type=_positive,
            default=5000,
            metavar="B",
            help="Articles generated and written per transaction, with their "
            "quotes and mentions (default 5000).",
        )
        parser.add_argument(
            "--as-of",
            type=_day,
            default=None,
            metavar="YYYY-MM-DD",
            help="The day the archive ends (default: today, UTC). Scheduled "
            "articles are published after it. Give it to reproduce a run "
            "exactly on another day.",
        )
        parser.add_argument(
            "--no-copy",
            action="store_true",
            help="Use bulk_create on PostgreSQL too, instead of COPY.",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr even when it is not a terminal.",
        )

    def handle(self, *args, **options):
        verbosity = options.get("verbosity", 1)
        try:
            summary = generate(
                seed=options["seed"],
                articles=options["articles"],
                quotes_per_article=options["quotes_per_article"],
                batch_size=options["batch_size"],
                as_of=options["as_of"] or datetime.datetime.now(datetime.UTC).date(),
                use_copy=not options["no_copy"],
                progress_stream=self.stderr,
                show_progress=verbosity > 0
                and (options["progress"] or self.stderr.isatty()),
            )
        except GenerationError as error:
            raise CommandError(str(error)) from error
        if verbosity > 0:
            self.stdout.write(summary)
