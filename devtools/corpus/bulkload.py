"""Loading the big tables fast on PostgreSQL: their secondary indexes and
their foreign-key and unique constraints are dropped before the ``COPY``
batches and built again afterwards, then the tables are vacuumed and analysed.

Why: maintaining a GIN index on a stored ``tsvector`` row by row, a dozen
b-trees and the deferred foreign-key triggers of a million quotes costs far
more than building each index once from sorted data and checking each
foreign key with one join (``ALTER TABLE … ADD CONSTRAINT`` validates the
whole table in a single scan). PostgreSQL's own advice for bulk loads
("Populating a Database" in its manual) is exactly this.

Primary keys stay (other tables' foreign keys point at them), and so do the
check constraints (cheap, evaluated per row by the executor). Every
definition is read from the catalogue (``pg_get_indexdef``,
``pg_get_constraintdef``) just before it is dropped, so whatever the
migrations declare is what is rebuilt, and the rebuild runs even when a
batch fails. While the load runs, queries on those tables go without their
indexes: it is a development tool for a database nobody else is using.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

from django.db import connection, transaction

# Memory for each index build (sorts and GIN's accumulation) in this
# session only; the server's default (64 MB) would spill the GIN builds of
# a million quotes to disk many times over.
MAINTENANCE_WORK_MEM = "512MB"


@dataclass(frozen=True)
class Dropped:
    table: str
    indexes: list[tuple[str, str]]  # (name, CREATE INDEX …)
    constraints: list[tuple[str, str]]  # (name, definition)


def _definitions(cursor, table: str) -> Dropped:
    cursor.execute(
        """
        SELECT c.relname, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = %s::regclass
          AND NOT EXISTS (
              SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
          )
        ORDER BY c.relname
        """,
        [table],
    )
    indexes = list(cursor.fetchall())
    cursor.execute(
        """
        SELECT conname, pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE conrelid = %s::regclass AND contype IN ('f', 'u')
        ORDER BY contype DESC, conname
        """,
        [table],
    )
    # Unique constraints first ('u' > 'f'): their indexes serve the checks.
    constraints = list(cursor.fetchall())
    return Dropped(table, indexes, constraints)


def _drop(cursor, dropped: Dropped) -> None:
    quote = connection.ops.quote_name
    for name, _ in dropped.constraints:
        cursor.execute(
            f"ALTER TABLE {quote(dropped.table)} DROP CONSTRAINT {quote(name)}"
        )
    for name, _ in dropped.indexes:
        cursor.execute(f"DROP INDEX {quote(name)}")


def _build(cursor, dropped: Dropped) -> None:
    quote = connection.ops.quote_name
    for _, definition in dropped.indexes:
        cursor.execute(definition)
    for name, definition in dropped.constraints:
        cursor.execute(
            f"ALTER TABLE {quote(dropped.table)} ADD CONSTRAINT {quote(name)} "
            f"{definition}"
        )


def worth_deferring(models, adding: int) -> bool:
    """Rebuilding pays when the load at least doubles the tables; adding a
    few rows to a big archive is cheaper with the indexes kept."""
    table = connection.ops.quote_name(models[0]._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        (there,) = cursor.fetchone()
    return adding >= there


@contextlib.contextmanager
def indexes_deferred(models, *, enabled: bool, report=None):
    """Run the block with the tables of ``models`` stripped of their
    secondary indexes and constraints (PostgreSQL only), then build them
    again and ``VACUUM (ANALYZE)`` the tables. ``report(label, seconds)`` hears how
    long the rebuild took."""
    if not enabled or connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in models]
    # Inside a caller's transaction, rows written before (the registry) may
    # still owe their deferred foreign-key checks, and PostgreSQL alters no
    # table they involve until those have run: run them now, and defer
    # again once the constraints are back.
    outer = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if outer:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        dropped = [_definitions(cursor, table) for table in tables]
        for entry in dropped:
            _drop(cursor, entry)
    try:
        yield
    finally:
        started = time.monotonic()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
            for entry in dropped:
                _build(cursor, entry)
            if outer:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        vacuum_analyze(tables)
        if report:
            report("indexes, constraints and statistics", time.monotonic() - started)


def vacuum_analyze(tables) -> None:
    """``VACUUM (ANALYZE)`` ``tables`` (PostgreSQL only). VACUUM sets the
    visibility map as well as the statistics, so that index-only scans (the
    API's capped counts) need not visit the table, and moves the entries a
    GIN index holds in its pending list (the names' trigram indexes) into
    the index, where a search finds them without reading the whole list;
    it cannot run inside a transaction, where ANALYZE must do."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")
