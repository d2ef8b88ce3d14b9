"""Merging a duplicate person or organisation into the record that stays:
what links to the duplicate moves over, its names become aliases, and a
``MergeRecord`` keeps the trace. ``entities.services`` offers these calls
too (``services.person_merge``)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction

from . import visibility
from .models import (
    AgreementParty,
    AgreementStatusChange,
    MergeKind,
    MergeRecord,
    Organisation,
    Person,
)


def _merge_guard(survivor, duplicate) -> None:
    if survivor.pk == duplicate.pk:
        raise ValidationError(
            {"duplicate": "A record cannot be merged with itself."}, code="self_merge"
        )


def _absorb_identity(survivor, duplicate) -> list[str]:
    """The duplicate's name and aliases become the survivor's aliases; its
    Wikidata id and description fill the survivor's blanks."""
    moved = [duplicate.name, *duplicate.aliases.values_list("name", flat=True)]
    if not survivor.wikidata_id and duplicate.wikidata_id:
        survivor.wikidata_id, duplicate.wikidata_id = duplicate.wikidata_id, ""
        type(duplicate)._base_manager.filter(pk=duplicate.pk).update(wikidata_id="")
    if not survivor.description and duplicate.description:
        survivor.description = duplicate.description
    return moved


#: What the apps above the registry move when a person or organisation is
#: merged: each mover, called as ``mover(duplicate=, survivor=, reason=)``,
#: points its own rows at the survivor and answers how many of each it moved
#: ({"quotes": 3}). The stories register theirs (articles/merging.py), so
#: the registry merges records without knowing what links to them.
MERGE_MOVERS: dict[type, list[Callable[..., dict[str, int]]]] = {
    Person: [],
    Organisation: [],
}

#: The order in which a merge's summary lists what moved.
MERGE_SUMMARY_ORDER = (
    "quotes",
    "mentions",
    "roles",
    "bylines",
    "articles",
    "status changes",
    "parties",
    "sub-organisations",
)


def merge_mover_register(model: type, mover: Callable[..., dict[str, int]]) -> None:
    """Have ``mover`` move its rows whenever a ``model`` record is merged."""
    if mover not in MERGE_MOVERS[model]:
        MERGE_MOVERS[model].append(mover)


def _moved_by_others(duplicate, survivor, reason: str) -> dict[str, int]:
    moved: dict[str, int] = {}
    for mover in MERGE_MOVERS[type(duplicate)]:
        for what, count in mover(
            duplicate=duplicate, survivor=survivor, reason=reason
        ).items():
            moved[what] = moved.get(what, 0) + count
    return moved


def _merge_summary(moved: dict[str, int]) -> str:
    order = {what: n for n, what in enumerate(MERGE_SUMMARY_ORDER)}
    words = sorted(moved, key=lambda what: order.get(what, len(order)))
    return ", ".join(f"{moved[what]} {what}" for what in words)


def rows_repoint(rows, field: str, survivor, reason: str) -> int:
    """Point ``field`` of each row at ``survivor``, saving one by one so each
    change is in the history with ``reason``."""
    count = 0
    for row in rows:
        setattr(row, field, survivor)
        row._change_reason = reason
        row.save()
        count += 1
    return count


@transaction.atomic
def person_merge(*, survivor: Person, duplicate: Person, user=None) -> MergeRecord:
    """Merge ``duplicate`` into ``survivor``: quotes, roles, mentions and
    authorship move over, the duplicate's name becomes an alias, and the
    duplicate is deleted. Each move is in the history, and a ``MergeRecord``
    keeps the trace (and the old slug working)."""
    from . import services

    _merge_guard(survivor, duplicate)
    reason = f"Merged {duplicate.name} ({duplicate.slug}) into {survivor.name}"
    moved = _moved_by_others(duplicate, survivor, reason)
    roles = 0
    for role in duplicate.roles.all():
        twin = survivor.roles.filter(
            organisation=role.organisation, title=role.title, start_date=role.start_date
        ).exists()
        if twin:
            role.delete()
        else:
            role.person = survivor
            role._change_reason = reason
            role.save()
        roles += 1
    moved["roles"] = roles
    aliases = _absorb_identity(survivor, duplicate)
    survivor._change_reason = reason
    survivor._history_user = user
    # The survivor takes the duplicate's names: the cure, not a duplicate.
    services.person_save(person=survivor, aliases=aliases, not_a_duplicate=True)
    record = MergeRecord.objects.create(
        kind=MergeKind.PERSON,
        old_id=duplicate.pk,
        old_slug=duplicate.slug,
        old_name=duplicate.name,
        survivor_person=survivor,
        merged_by=user if getattr(user, "pk", None) else None,
        summary=_merge_summary(moved),
    )
    MergeRecord.objects.filter(kind=MergeKind.PERSON, survivor_person=duplicate).update(
        survivor_person=survivor
    )
    duplicate._change_reason = f"Merged into {survivor.name} ({survivor.slug})"
    duplicate._history_user = user
    duplicate.delete()
    # The moves above were bulk updates: the survivor is now named by the
    # duplicate's stories too.
    visibility.refresh(people={survivor.pk})
    return record


@transaction.atomic
def organisation_merge(
    *, survivor: Organisation, duplicate: Organisation, user=None
) -> MergeRecord:
    """Merge ``duplicate`` into ``survivor``: quotes (spoken for and given
    to), roles, mentions, party memberships, status changes, published
    articles and sub-organisations move over; the duplicate's name becomes an
    alias and it is deleted, with a ``MergeRecord`` left as the trace."""
    from . import services

    _merge_guard(survivor, duplicate)
    if duplicate in survivor.ancestors()[1:]:
        raise ValidationError(
            {
                "survivor": f"{survivor} sits below {duplicate} in the hierarchy; "
                "merge them the other way round."
            },
            code="merge_into_descendant",
        )
    reason = f"Merged {duplicate.name} ({duplicate.slug}) into {survivor.name}"
    moved = {
        **_moved_by_others(duplicate, survivor, reason),
        "roles": rows_repoint(duplicate.roles.all(), "organisation", survivor, reason),
        "status changes": rows_repoint(
            AgreementStatusChange.objects.filter(party=duplicate),
            "party",
            survivor,
            reason,
        ),
    }
    parties = 0
    for party in duplicate.agreement_parties.all():
        if AgreementParty.objects.filter(
            agreement_id=party.agreement_id, organisation=survivor
        ).exists():
            party.delete()
        else:
            party.organisation = survivor
            party._change_reason = reason
            party.save()
        parties += 1
    moved["parties"] = parties
    moved["sub-organisations"] = rows_repoint(
        duplicate.children.exclude(pk=survivor.pk), "parent", survivor, reason
    )
    if survivor.parent_id == duplicate.pk:
        survivor.parent = duplicate.parent
    if survivor.parent is None and duplicate.parent_id not in (None, survivor.pk):
        survivor.parent = duplicate.parent
    if not survivor.country and duplicate.country:
        survivor.country = duplicate.country
    aliases = _absorb_identity(survivor, duplicate)
    survivor._change_reason = reason
    survivor._history_user = user
    services.organisation_save(
        organisation=survivor, aliases=aliases, not_a_duplicate=True
    )
    record = MergeRecord.objects.create(
        kind=MergeKind.ORGANISATION,
        old_id=duplicate.pk,
        old_slug=duplicate.slug,
        old_name=duplicate.name,
        survivor_organisation=survivor,
        merged_by=user if getattr(user, "pk", None) else None,
        summary=_merge_summary(moved),
    )
    MergeRecord.objects.filter(
        kind=MergeKind.ORGANISATION, survivor_organisation=duplicate
    ).update(survivor_organisation=survivor)
    duplicate._change_reason = f"Merged into {survivor.name} ({survivor.slug})"
    duplicate._history_user = user
    duplicate.delete()
    # The moves above were bulk updates: the survivor is now named by the
    # duplicate's stories too.
    visibility.refresh(organisations={survivor.pk})
    return record
