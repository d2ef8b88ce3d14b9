"""Queries compiled once and run again with other values.

Building a queryset and compiling it to SQL can cost the ORM more than the
database takes to answer it: the agreements list's links query (parties
and status changes, a union of two windowed parts with the visibility
rule) took 1.7 ms to build and compile and 0.8 ms to run. Where only a
list of ids of a given length and the moment "now" change from one request
to the next, the query is built once with placeholder values, compiled,
and each later run puts the request's values where the placeholders stand
in the SQL's parameters, then converts the rows as the ORM would. The SQL
is still the ORM's own, made from the queryset that defines it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from django.db import connections
from django.db.models import QuerySet
from django.utils import timezone

# Ids no table holds, and a moment no query asks about: each placeholder is
# found again among the compiled parameters by its value.
_FIRST_PLACEHOLDER_ID = -(2**52)
_PLACEHOLDER_AT = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
_ID, _AT, _CONSTANT = range(3)
KEPT = 500


class CompiledQuery:
    """``build(ids, at)``'s SQL for ``count`` ids on database ``using``,
    with where each id and ``at`` go among its parameters."""

    def __init__(
        self,
        build: Callable[[list[int], datetime.datetime], QuerySet],
        count: int,
        using: str,
    ):
        placeholders = [_FIRST_PLACEHOLDER_ID - n for n in range(count)]
        compiler = build(placeholders, _PLACEHOLDER_AT).query.get_compiler(using)
        self.sql, params = compiler.as_sql()
        at = connections[using].ops.adapt_datetimefield_value(_PLACEHOLDER_AT)
        place = {value: n for n, value in enumerate(placeholders)}
        self.slots: list[tuple[int, object]] = []
        for value in params:
            if type(value) is int and value in place:
                self.slots.append((_ID, place[value]))
            elif type(value) is type(at) and value == at:
                self.slots.append((_AT, None))
            else:
                self.slots.append((_CONSTANT, value))
        found = {n for kind, n in self.slots if kind == _ID}
        # Every id must be asked about (Django leaves out none of a list of
        # distinct ids): else the SQL would not be the query's.
        self.complete = found == set(range(count))
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())

    def rows(self, ids: Sequence[int], using: str) -> list[list]:
        """The query's rows for ``ids`` (as many as it was compiled for),
        at the present moment."""
        connection = connections[using]
        at = connection.ops.adapt_datetimefield_value(timezone.now())
        params = [
            ids[value] if kind == _ID else at if kind == _AT else value
            for kind, value in self.slots
        ]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if not self.converters:
            return rows
        converted = []
        for row in map(list, rows):
            for position, (convert, expression) in self.converters:
                value = row[position]
                for converter in convert:
                    value = converter(value, expression, connection)
                row[position] = value
            converted.append(row)
        return converted


_compiled: dict[tuple, CompiledQuery] = {}


def rows_for_ids(
    key: tuple,
    build: Callable[[list[int], datetime.datetime], QuerySet],
    ids: Sequence[int],
    using: str,
) -> list:
    """The rows of ``build(ids, now)``, its SQL compiled once per ``key``,
    database and number of ids. ``key`` names everything else the query
    depends on (the audience that sees more or less, say): two calls with
    the same key must build the same query but for the ids and the moment.
    """
    full_key = (key, using, len(ids))
    compiled = _compiled.get(full_key)
    if compiled is None:
        compiled = CompiledQuery(build, len(ids), using)
        if len(_compiled) >= KEPT:
            _compiled.clear()
        _compiled[full_key] = compiled
    if not compiled.complete:
        return list(build(list(ids), timezone.now()).using(using))
    return compiled.rows(ids, using)
