"""Registry hygiene at the one write path: a new name that is likely another
record's is refused until the writer confirms it is someone (or something)
else, and a record whose web address is left to Newsdesk gets one no other
record has ("john-smith-2").

Names are compared by their folded key (entities/names.py), against other
records' names and aliases. The admin and the API both save through
``entities.services``, which calls ``duplicate_check`` before saving; each
shows the matches in its own way (links in the admin, id, name and URL in
the API).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.utils.text import slugify

from .models import MergeKind, MergeRecord, Organisation, Person
from .names import name_key

#: How many likely duplicates an error names at most.
MATCHES_SHOWN = 5


class PossibleDuplicate(ValidationError):
    """A name matching other records' names or aliases, not confirmed as
    another's. ``matches`` are those records, nearest first."""

    def __init__(self, record, matches: list):
        self.record = record
        self.matches = matches
        noun = record._meta.verbose_name
        names = ", ".join(str(match) for match in matches)
        super().__init__(
            {
                "name": ValidationError(
                    f"Possible duplicate of {names}. If this is another "
                    f"{noun}, confirm that it is not a duplicate.",
                    code="possible_duplicate",
                )
            }
        )


def likely_duplicates(record, names: Iterable[str]) -> list:
    """Other records of ``record``'s kind whose name or an alias folds like
    one of ``names``: one indexed lookup on the stored keys."""
    keys = {key for key in map(name_key, names) if key}
    if not keys:
        return []
    model = type(record)
    alias = model._meta.get_field("aliases")
    # The ids of both lookups in one subquery (a UNION) rather than a join or
    # an OR: each side then uses its own index (bench/duplicates.py).
    named = model._base_manager.filter(name_key__in=keys).order_by().values("pk")
    aliased = (
        alias.related_model._base_manager.filter(name_key__in=keys)
        .order_by()
        .values(alias.field.attname)
    )
    matches = (
        model._base_manager.filter(pk__in=named.union(aliased))
        .exclude(pk=record.pk)
        .order_by("name", "pk")
    )
    return list(matches[:MATCHES_SHOWN])


def new_names(record, aliases: Iterable[str] = ()) -> list[str]:
    """The names ``record`` takes with this save: all of them for a new
    record; for a stored one its name if that changed, and the aliases it
    did not have."""
    aliases = [name for name in aliases if name and name.strip()]
    if record._state.adding or record.pk is None:
        return [record.name, *aliases]
    stored = type(record)._base_manager.filter(pk=record.pk).first()
    if stored is None:
        return [record.name, *aliases]
    names = [] if name_key(stored.name) == name_key(record.name) else [record.name]
    known = set(stored.aliases.values_list("name_key", flat=True))
    known.add(name_key(stored.name))
    return names + [name for name in aliases if name_key(name) not in known]


def _hold_keys(model, keys: Iterable[str]) -> None:
    """Make writers of the same folded name wait for each other until the
    first one's transaction ends, so the second's check sees what the first
    saved. Without it two clients creating "Racing Name" at once could both
    pass the check, and the second be given "racing-name-2".

    PostgreSQL's transaction-scoped advisory locks, taken in a fixed order
    so two writers of several names cannot deadlock. SQLite runs one write
    transaction at a time and has no such locks."""
    if connection.vendor != "postgresql":
        return
    label = model._meta.label_lower
    with connection.cursor() as cursor:
        for key in sorted(set(keys)):
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                [f"{label}:{key}"],
            )


def duplicate_check(
    record: Person | Organisation,
    *,
    aliases: Iterable[str] = (),
    not_a_duplicate: bool = False,
) -> None:
    """Refuse, with ``PossibleDuplicate`` on ``name``, a name or alias this
    save gives ``record`` that folds like another record's name or alias,
    unless the writer confirmed ``not_a_duplicate``. Call it inside the
    save's transaction: writers of the same name wait here for each other."""
    if not_a_duplicate:
        return
    names = new_names(record, aliases)
    _hold_keys(type(record), filter(None, map(name_key, names)))
    matches = likely_duplicates(record, names)
    if matches:
        raise PossibleDuplicate(record, matches)


def _merge_kind(model) -> str | None:
    return {Person: MergeKind.PERSON, Organisation: MergeKind.ORGANISATION}.get(model)


def unique_slug(record) -> str:
    """A web address for ``record`` that no other record of its kind has,
    nor had before a merge (the old one still leads to the survivor): the
    name's, or with the first free number ("john-smith-2"). A name with no
    Latin letters or digits ("张汉慧") is given the kind's ("person-2"); one
    with no letters or digits at all ("🚀") is refused on the name."""
    model = type(record)
    source = getattr(record, model.slug_source_field) or ""
    if not name_key(source):
        raise ValidationError(
            {
                model.slug_source_field: ValidationError(
                    "Enter a name with at least one letter or digit.",
                    code="no_letters",
                )
            }
        )
    base = slugify(source)[:200].strip("-") or model._meta.model_name
    taken = set(
        model._base_manager.filter(Q(slug=base) | Q(slug__startswith=f"{base}-"))
        .exclude(pk=record.pk)
        .values_list("slug", flat=True)
    )
    kind = _merge_kind(model)
    if kind is not None:
        taken.update(
            MergeRecord.objects.filter(kind=kind)
            .filter(Q(old_slug=base) | Q(old_slug__startswith=f"{base}-"))
            .values_list("old_slug", flat=True)
        )
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{base[: 200 - len(suffix)].rstrip('-')}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1
