"""When each registry record became public, kept on the record.

Anonymous clients see the people, organisations and agreements that
published stories have made public (entities/selectors.py says why). Asking
that of every row of every list — "is this person quoted, mentioned or an
author in any published story?" — costs a scan of the quotes and bylines at
archive scale, so each record keeps ``public_from``: the earliest time among
the rows that name it and make it public (a time still ahead for a scheduled
story; empty when none does). A record is public once that time has come,
exactly as if the stories were searched.

The registry does not know what names its records: the apps above it say so
by registering *sources* (``register``): rows of a model of theirs that name
a record (``key``) and the time from which each row makes it public
(``time``). The stories register theirs in articles/visibility.py (quotes,
mentions, bylines, a story's source, the stories citing a status change);
the registry's own rule is below: an organisation is public through the
public agreements it is a party to.

``refresh`` recomputes the times of given records, in one UPDATE per model;
the services call it after every write that changes a link (nothing is
refreshed behind their back by a signal). Bulk writers (the corpus
generator, the import) call ``refresh_all``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Min, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Least, NullIf

from .models import Agreement, AgreementParty, Organisation, Person

# Stands in for "never" inside LEAST, which SQLite makes NULL if any
# argument is (PostgreSQL skips NULLs); turned back into NULL at the end.
NEVER = datetime.datetime(9999, 12, 31, tzinfo=datetime.UTC)

#: The kinds of record that keep ``public_from``, as ``refresh`` names them.
MODELS = {"people": Person, "organisations": Organisation, "agreements": Agreement}


@dataclass(frozen=True)
class Source:
    """Rows that make a record of ``kind`` public: each row of ``rows()``
    names the record by ``key`` and makes it public from ``time`` (a path to
    a date-time; rows with none count as never)."""

    kind: str
    rows: Callable[[], QuerySet]
    key: str
    time: str


_sources: list[Source] = []


def register(*sources: Source) -> None:
    """Add ``sources`` (once each: a second registration is ignored)."""
    for source in sources:
        if source.kind not in MODELS:
            raise ValueError(f"Unknown kind of record: {source.kind!r}")
        if source not in _sources:
            _sources.append(source)


def sources(kind: str) -> list[Source]:
    return [source for source in _sources if source.kind == kind]


register(
    Source(
        "organisations",
        lambda: AgreementParty.objects.all(),
        "organisation",
        "agreement__public_from",
    )
)


def _earliest(source: Source):
    """The earliest time among ``source``'s rows naming the outer record;
    NEVER if there is none."""
    rows = source.rows().filter(
        **{source.key: OuterRef("pk"), f"{source.time}__isnull": False}
    )
    return Coalesce(Subquery(rows.order_by(source.time).values(source.time)[:1]), NEVER)


def _public_from(kind: str):
    found = [_earliest(source) for source in sources(kind)]
    if len(found) == 1:
        return NullIf(found[0], NEVER)
    return NullIf(Least(*found), NEVER)


def _ids(values: Iterable) -> set[int]:
    return {pk for pk in values if pk is not None}


def refresh(*, people=(), organisations=(), agreements=()) -> None:
    """Recompute ``public_from`` of the given records (ids). Agreements
    first: an organisation is public through the public agreements it is a
    party to."""
    people, organisations, agreements = map(_ids, (people, organisations, agreements))
    if agreements:
        Agreement.objects.filter(pk__in=agreements).update(
            public_from=_public_from("agreements")
        )
        organisations |= set(
            AgreementParty.objects.filter(agreement__in=agreements).values_list(
                "organisation_id", flat=True
            )
        )
    if people:
        Person.objects.filter(pk__in=people).update(public_from=_public_from("people"))
    if organisations:
        Organisation.objects.filter(pk__in=organisations).update(
            public_from=_public_from("organisations")
        )


def refresh_all() -> None:
    """Recompute every record's ``public_from`` (after bulk writes).

    The same rules as ``refresh``, but one grouped scan per source instead
    of a subquery per record: seconds, not minutes, for a million quotes.
    Agreements are written first, since organisations follow them."""
    for kind in ("agreements", "people", "organisations"):
        times: dict[int, datetime.datetime] = {}
        for source in sources(kind):
            rows = (
                source.rows()
                .filter(**{f"{source.time}__isnull": False})
                .order_by()
                .values_list(source.key)
                .annotate(earliest=Min(source.time))
            )
            for pk, at in rows:
                if pk is not None and (pk not in times or at < times[pk]):
                    times[pk] = at
        model = MODELS[kind]
        records = list(model.objects.only("pk", "public_from"))
        for record in records:
            record.public_from = times.get(record.pk)
        model.objects.bulk_update(records, ["public_from"], batch_size=1000)
