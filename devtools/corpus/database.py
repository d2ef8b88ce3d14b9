"""Writing a generated corpus into the database with bulk inserts only:
``bulk_create`` in batches, or on PostgreSQL ``COPY`` for the big tables
(articles, bylines, mentions, quotes), one transaction per batch of articles.
No per-row ``save()`` or ``full_clean()``, no signals, no history records: the
rows satisfy the models' rules by construction (see the package docstring).
"""

from __future__ import annotations

import datetime
import queue
import threading
import time
from collections import Counter
from collections.abc import Iterator

from django.db import DatabaseError, connection, reset_queries, transaction

from articles.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from entities import visibility
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)
from newsdesk.cache import content_changed
from newsdesk.interchange.restore import timestamps_as_given

from .bulkload import indexes_deferred, vacuum_analyze, worth_deferring
from .generator import Corpus
from .records import (
    AGREEMENT_MENTION_COLUMNS,
    ARTICLE_COLUMNS,
    AUTHOR_COLUMNS,
    ORGANISATION_MENTION_COLUMNS,
    PERSON_MENTION_COLUMNS,
    QUOTE_COLUMNS,
    Batch,
)

ArticleAuthor = Article.authors.through

# Rows per INSERT statement (bulk_create caps it further where the database
# limits the number of query parameters).
INSERT_BATCH = 5000

SLUGGED = {
    "person": Person,
    "organisation": Organisation,
    "agreement": Agreement,
    "article": Article,
}

BIG_TABLES = [
    (Article, ARTICLE_COLUMNS, "articles"),
    (ArticleAuthor, AUTHOR_COLUMNS, "authors"),
    (ArticlePerson, PERSON_MENTION_COLUMNS, "people"),
    (ArticleOrganisation, ORGANISATION_MENTION_COLUMNS, "organisations"),
    (ArticleAgreement, AGREEMENT_MENTION_COLUMNS, "agreements"),
    (Quote, QUOTE_COLUMNS, "quotes"),
]

TIMESTAMPED = [Person, Organisation, Agreement, Article, Quote]


class GenerationError(Exception):
    """The run cannot go on (a used seed, or the database refused rows)."""


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """``Generating [####------] 45,000/100,000 articles · 1,234,567 rows ·
    9,876 rows/s · 1m05s left`` on stderr: redrawn in place a few times a
    second on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream, *, total: int, enabled: bool):
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.tty = enabled and getattr(stream, "isatty", lambda: False)()
        self.articles = 0
        self.rows = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.phased = False

    def advance(self, *, articles: int = 0, rows: int = 0) -> None:
        self.articles += articles
        self.rows += rows
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.drawn_at >= (0.2 if self.tty else 5.0):
            self.drawn_at = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-6)
        share = self.articles / self.total if self.total else 1.0
        bar = "#" * int(share * 20)
        left = _duration(elapsed * (1 - share) / share) if share else "?"
        line = (
            f"Generating [{bar:-<20}] {self.articles:,}/{self.total:,} articles · "
            f"{self.rows:,} rows · {self.rows / elapsed:,.0f} rows/s · {left} left"
        )
        if self.tty:
            self.stream.write(f"\r{line}\x1b[K", ending="")
        else:
            self.stream.write(line)
        self.stream.flush()

    def phase(self, label: str, seconds: float | None = None) -> None:
        """A step after the batches, on its own line (``label`` and, once
        it is done, how long it took)."""
        if not self.enabled:
            return
        if self.tty and not self.phased:
            self._draw(time.monotonic())
            self.stream.write("")
        self.phased = True
        done = "" if seconds is None else f" in {_duration(seconds)}"
        self.stream.write(f"{label}{done}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and not self.phased:
            self._draw(time.monotonic())
            if self.tty:
                self.stream.write("")


class Writer:
    """Bulk inserts: ``bulk_create`` anywhere, ``COPY`` on PostgreSQL for the
    big tables. Neither saves rows one by one, validates them, sends signals
    or writes history."""

    def __init__(self, *, use_copy: bool):
        self.use_copy = use_copy
        self.rows = 0

    def create(self, model, rows: list[dict]) -> None:
        """Registry rows, given as dicts of field values (by attname)."""
        model._default_manager.bulk_create(
            [model(**row) for row in rows], batch_size=INSERT_BATCH
        )
        content_changed()
        self.rows += len(rows)

    def insert(self, model, columns: list[str], rows: list[tuple]) -> None:
        """Rows given as tuples in the order of ``columns`` (attnames)."""
        if not rows:
            return
        if self.use_copy:
            self._copy(model, columns, rows)
        else:
            model._default_manager.bulk_create(
                [model(**dict(zip(columns, row, strict=True))) for row in rows],
                batch_size=INSERT_BATCH,
            )
        content_changed()
        self.rows += len(rows)

    @staticmethod
    def _copy(model, columns: list[str], rows: list[tuple]) -> None:
        quote = connection.ops.quote_name
        by_attname = {f.attname: f.column for f in model._meta.concrete_fields}
        names = ", ".join(quote(by_attname[column]) for column in columns)
        sql = f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"
        with connection.cursor() as cursor:
            # The driver's own cursor: psycopg 3 streams the rows.
            with cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)


def ahead(batches: Iterator[Batch], depth: int = 2) -> Iterator[Batch]:
    """The batches, each built in a thread while the database takes the
    one before: building is Python work, ingesting (search vectors, TOAST)
    the server's, so on two cores the two overlap instead of taking turns.
    The thread only builds (no database access); the batches come out in
    order, and an error in building is raised here."""
    found: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    end = object()

    def offer(item) -> bool:
        while not stop.is_set():
            try:
                found.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def build() -> None:
        try:
            for batch in batches:
                if not offer(batch):
                    return
            offer(end)
        except BaseException as error:  # noqa: BLE001 - handed to the consumer
            offer(error)

    worker = threading.Thread(target=build, name="corpus-batches", daemon=True)
    worker.start()
    try:
        while (item := found.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def reserve_ids(model, count: int) -> int:
    """The first of ``count`` consecutive ids no row has or will be given by
    the table's own sequence: on PostgreSQL the sequence is moved past them
    at once (so a concurrent insert cannot take one, and no reset is needed
    afterwards); SQLite moves its own counter past ids written explicitly."""
    table = model._meta.db_table
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quote(table)}")  # noqa: S608
        (highest,) = cursor.fetchone()
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            (sequence,) = cursor.fetchone()
            cursor.execute(
                "SELECT setval(%s, GREATEST(nextval(%s), %s) + %s - 1)",
                [sequence, sequence, highest + 1, count],
            )
            (last,) = cursor.fetchone()
            return last - count + 1
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            if found and found[0] > highest:
                highest = found[0]
        return highest + 1


def generate(
    *,
    seed: int,
    articles: int,
    quotes_per_article: int,
    batch_size: int,
    as_of: datetime.date,
    use_copy: bool,
    progress_stream,
    show_progress: bool,
) -> str:
    """Build a corpus and write it; returns the summary of what was written.
    Batches already committed stay if a later one fails."""
    started = time.monotonic()
    refuse_used_seed(seed)
    corpus = Corpus(
        seed=seed,
        articles=articles,
        quotes_per_article=quotes_per_article,
        as_of=as_of,
        taken_wikidata={
            name: set(
                SLUGGED[name]
                .objects.exclude(wikidata_id="")
                .values_list("wikidata_id", flat=True)
            )
            for name in ("person", "organisation", "agreement")
        },
    )
    corpus.build()
    writer = Writer(use_copy=use_copy and connection.vendor == "postgresql")
    counts: Counter[str] = Counter()
    progress = Progress(
        progress_stream, total=corpus.article_count, enabled=show_progress
    )
    try:
        with timestamps_as_given(TIMESTAMPED):
            with transaction.atomic():
                corpus.assign_ids(
                    {
                        name: reserve_ids(model, count)
                        for (name, count), model in zip(
                            corpus.counts().items(), SLUGGED.values(), strict=True
                        )
                    }
                )
                _write_registry(corpus, writer, counts)
            progress.advance(rows=writer.rows)
            big = [model for model, _, _ in BIG_TABLES]
            with indexes_deferred(
                big,
                enabled=writer.use_copy and worth_deferring(big, corpus.article_count),
                report=progress.phase,
            ):
                for batch in ahead(corpus.batches(batch_size)):
                    before = writer.rows
                    with transaction.atomic():
                        _write_batch(batch, writer)
                    _count(batch, counts, corpus.now)
                    reset_queries()  # DEBUG keeps every query otherwise
                    progress.advance(
                        articles=len(batch.articles), rows=writer.rows - before
                    )
                progress.phase("Building indexes and constraints…")
            with transaction.atomic():
                rows = corpus.status_change_rows()
                writer.create(AgreementStatusChange, rows)
                counts["status changes"] = len(rows)
                # Bulk inserts send no signals: say once which records the
                # published stories made public.
                visibility.refresh_all()
            progress.advance(rows=len(rows))
            # The registry was written before the big tables, in a few
            # thousand rows the big tables' VACUUM does not reach.
            vacuum_analyze(model._meta.db_table for model in REGISTRY)
    except DatabaseError as error:
        progress.close()
        raise GenerationError(
            f"The database refused the generated data: {error}. Batches "
            f"already committed stay; their slugs start with gen-{seed}-."
        ) from error
    progress.close()
    return _summary(corpus, counts, writer.rows, time.monotonic() - started)


def refuse_used_seed(seed: int) -> None:
    prefix = f"gen-{seed}-"
    used = [
        model._meta.verbose_name_plural
        for model in SLUGGED.values()
        if model.objects.filter(slug__startswith=prefix).exists()
    ]
    if used:
        raise GenerationError(
            f"This database already has {', '.join(map(str, used))} with "
            f"slugs starting with {prefix}: seed {seed} was used here "
            "already. Choose another --seed."
        )


REGISTRY = [
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
    Agreement,
    AgreementParty,
    AgreementStatusChange,
]


def _write_registry(corpus: Corpus, writer: Writer, counts) -> None:
    for model, rows, label in (
        (Organisation, corpus.organisation_rows(), "organisations"),
        (
            OrganisationAlias,
            corpus.organisation_alias_rows(),
            "organisation aliases",
        ),
        (Person, corpus.person_rows(), "people"),
        (PersonAlias, corpus.person_alias_rows(), "person aliases"),
        (Role, corpus.role_rows(), "roles"),
        (Agreement, corpus.agreement_rows(), "agreements"),
        (AgreementParty, corpus.party_rows(), "agreement parties"),
    ):
        writer.create(model, rows)
        counts[label] = len(rows)


def _write_batch(batch: Batch, writer: Writer) -> None:
    for model, columns, attribute in BIG_TABLES:
        writer.insert(model, columns, getattr(batch, attribute))


def _count(batch: Batch, counts: Counter, now: datetime.datetime) -> None:
    counts["articles"] += len(batch.articles)
    counts["bylines"] += len(batch.authors)
    counts["mentions"] += (
        len(batch.people) + len(batch.organisations) + len(batch.agreements)
    )
    counts["quotes"] += len(batch.quotes)
    status = ARTICLE_COLUMNS.index("status")
    published_at = ARTICLE_COLUMNS.index("published_at")
    for row in batch.articles:
        if row[status] == "published" and row[published_at] > now:
            counts["scheduled"] += 1
        else:
            counts[row[status]] += 1
    kind = QUOTE_COLUMNS.index("kind")
    for row in batch.quotes:
        counts[row[kind]] += 1


def _summary(corpus: Corpus, counts: Counter, rows: int, elapsed: float) -> str:
    quotes = counts["quotes"] or 1

    def share(key: str) -> str:
        return f"{counts[key]:,} {key} ({100 * counts[key] / quotes:.0f}%)"

    lines = [
        f"Generated seed {corpus.seed} (as of {corpus.as_of}): {rows:,} rows in "
        f"{_duration(elapsed)} ({rows / max(elapsed, 1e-6):,.0f} rows/s).",
        f"  {counts['articles']:,} articles: {counts['published']:,} published, "
        f"{counts['scheduled']:,} scheduled, {counts['draft']:,} drafts, "
        f"{counts['in_review']:,} in review",
        f"  {counts['quotes']:,} quotes: {share('direct')}, {share('partial')}, "
        f"{share('indirect')}",
        f"  {len(corpus.speakers):,} speakers and {len(corpus.reporters):,} "
        f"reporters ({counts['person aliases']:,} aliases, "
        f"{counts['roles']:,} roles)",
        f"  {counts['organisations']:,} organisations "
        f"({counts['organisation aliases']:,} aliases), "
        f"{counts['agreements']:,} agreements ({counts['agreement parties']:,} "
        f"parties, {counts['status changes']:,} status changes)",
        f"  {counts['bylines']:,} bylines, {counts['mentions']:,} mentions",
    ]
    return "\n".join(lines)
