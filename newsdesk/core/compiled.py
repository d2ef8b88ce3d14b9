"""Queries compiled once and run again with other values.

Building a queryset and compiling it to SQL can cost the ORM more than the
database takes to answer it: the agreements list's links query (parties
and status changes, a union of two windowed parts with the visibility
rule) took 1.7 ms to build and compile and 0.8 ms to run; the lookup of
the slugs a filtered list names, 1 ms of a filtered quotes list's 7.
Where only some values change from one request to the next (a list of ids
of a given length, the moment "now", the slugs named), the query is built
once with placeholders for them (``Template``), compiled, and each later
run puts the request's values where the placeholders stand among the
SQL's parameters, then converts the rows as the ORM would. The SQL is
still the ORM's own, made from the queryset that defines it; a query whose
SQL does not hold every placeholder is built and run as it is.
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
_AT = "at"
KEPT = 500


class Template:
    """``queryset``'s SQL on database ``using``, with where each of the
    ``placeholders`` (compiled parameter → its slot) stands among its
    parameters. ``complete`` says whether every slot was found."""

    def __init__(self, queryset: QuerySet, placeholders: dict, using: str):
        compiler = queryset.query.get_compiler(using)
        self.sql, params = compiler.as_sql()
        self.slots: list[tuple[bool, object]] = []
        for value in params:
            slot = _slot(placeholders, value)
            self.slots.append((True, slot) if slot is not None else (False, value))
        found = {slot for filled, slot in self.slots if filled}
        self.complete = found == set(placeholders.values())
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())

    def rows(self, values: dict, using: str) -> list:
        """The rows with ``values`` (slot → parameter) in the slots."""
        connection = connections[using]
        params = [values[value] if filled else value for filled, value in self.slots]
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


def _slot(placeholders: dict, value):
    """The slot of ``value`` if it is a placeholder: the same value of the
    same type (True is not 1)."""
    try:
        slot = placeholders.get(value)
    except TypeError:  # an unhashable parameter (a list) holds no slot
        return None
    if slot is None:
        return None
    for placeholder in placeholders:
        if placeholder == value and type(placeholder) is type(value):
            return slot
    return None


_compiled: dict[tuple, Template] = {}


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

    def make(at) -> Template:
        placeholders = {_FIRST_PLACEHOLDER_ID - n: n for n in range(len(ids))}
        queryset = build(list(placeholders), _PLACEHOLDER_AT)
        compiled = Template(queryset, {**placeholders, at: _AT}, using)
        # Every id must be asked about (Django leaves out none of a list of
        # distinct ids), the moment need not (who sees all has none).
        compiled.complete = set(range(len(ids))) <= {
            slot for filled, slot in compiled.slots if filled
        }
        return compiled

    return _rows(
        (key, using, len(ids)),
        make,
        lambda: build(list(ids), timezone.now()),
        dict(enumerate(ids)),
        using,
    )


def rows_for_words(
    key: tuple,
    build: Callable[[str, datetime.datetime], QuerySet],
    q: str,
    stand_in: str,
    values: Callable[[str], dict],
    using: str,
    marker: str,
) -> list:
    """The rows of ``build(q, now)``, its SQL compiled once per ``key`` and
    database from ``build(stand_in, moment)``: a search's query, which
    differs from one request to the next only by what was asked for and
    the moment. ``values(text)`` gives every parameter the queries take
    from the words asked for (slot → value: the words themselves, a LIKE
    pattern, a MATCH expression, each word alone …), the same slots for
    ``stand_in`` and for ``q``; each value of the stand-in's is found again
    among the compiled parameters and the request's own put in its place.
    ``key`` names everything else the query depends on (the audience, how
    many words): the stand-in must build the query ``q`` would. A parameter
    that holds ``marker`` (what every word of the stand-in starts with) in
    a form ``values`` does not give would be left as it is, so then the
    query is built and run as it is."""

    def make(at) -> Template:
        placeholders = {value: slot for slot, value in values(stand_in).items()}
        queryset = build(stand_in, _PLACEHOLDER_AT)
        compiled = Template(queryset, {**placeholders, at: _AT}, using)
        compiled.complete = not any(
            isinstance(value, str) and marker in value
            for filled, value in compiled.slots
            if not filled
        )
        return compiled

    return _rows((key, using), make, lambda: build(q, timezone.now()), values(q), using)


def _rows(full_key: tuple, make, build_now, values: dict, using: str) -> list:
    """The rows of the query kept under ``full_key`` (``make(placeholder
    moment)`` makes it the first time) with ``values`` and the moment now in
    its slots; ``build_now()``'s rows, built and run by the ORM, when the
    compiled query is not complete."""
    compiled = _compiled.get(full_key)
    if compiled is None:
        compiled = make(
            connections[using].ops.adapt_datetimefield_value(_PLACEHOLDER_AT)
        )
        keep(full_key, compiled)
    if not compiled.complete:
        return list(build_now().using(using))
    at = connections[using].ops.adapt_datetimefield_value(timezone.now())
    return compiled.rows({**values, _AT: at}, using)


def kept(key: tuple) -> Template | None:
    return _compiled.get(key)


def keep(key: tuple, template: Template) -> None:
    if len(_compiled) >= KEPT:
        _compiled.clear()
    _compiled[key] = template
