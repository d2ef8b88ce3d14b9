"""Every write to the registry that matters. The admin, the API and the seed
loader all call these, so validation (``full_clean()``) exists once."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from newsdesk.core.services import EditConflict, validated_save

from . import visibility
from .models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    MergeKind,
    MergeRecord,
    Organisation,
    PartyRole,
    Person,
    Role,
)

# The shared write path, re-exported for the callers that write records of
# this app: ``entities.services.validated_save`` is ``newsdesk.core``'s.
__all__ = ["EditConflict", "validated_save"]


def _record_save(
    record: Person | Organisation | Agreement, *, expected_version: int | None = None
) -> None:
    """Save a registry record. A form or a client writes back the
    ``public_from`` the record was loaded with, which the stories may have
    changed since: an existing record's is recomputed. (A new one is named
    by nothing yet.)"""
    adding = record._state.adding
    validated_save(record, expected_version=expected_version)
    if not adding:
        key = {Person: "people", Organisation: "organisations"}
        visibility.refresh(**{key.get(type(record), "agreements"): {record.pk}})


def _add_aliases(owner: Person | Organisation, names: Iterable[str]) -> None:
    """Add the names that are neither the owner's name nor already an alias."""
    manager = owner.aliases
    known = {name.casefold() for name in manager.values_list("name", flat=True)}
    known.add(owner.name.casefold())
    for name in names:
        name = name.strip()
        if name and name.casefold() not in known:
            validated_save(manager.model(**{manager.field.name: owner, "name": name}))
            known.add(name.casefold())


@transaction.atomic
def person_save(
    *,
    person: Person,
    aliases: Iterable[str] = (),
    expected_version: int | None = None,
) -> Person:
    """Create or update a person, adding any new ``aliases``."""
    _record_save(person, expected_version=expected_version)
    _add_aliases(person, aliases)
    return person


def person_create(
    *,
    name: str,
    slug: str = "",
    description: str = "",
    wikidata_id: str = "",
    aliases: Iterable[str] = (),
) -> Person:
    person = Person(
        name=name, slug=slug, description=description, wikidata_id=wikidata_id
    )
    return person_save(person=person, aliases=aliases)


@transaction.atomic
def organisation_save(
    *,
    organisation: Organisation,
    aliases: Iterable[str] = (),
    expected_version: int | None = None,
) -> Organisation:
    """Create or update an organisation, adding any new ``aliases``."""
    _record_save(organisation, expected_version=expected_version)
    _add_aliases(organisation, aliases)
    return organisation


def organisation_create(
    *,
    name: str,
    kind: str,
    slug: str = "",
    country: str = "",
    parent: Organisation | None = None,
    description: str = "",
    wikidata_id: str = "",
    aliases: Iterable[str] = (),
) -> Organisation:
    organisation = Organisation(
        name=name,
        kind=kind,
        slug=slug,
        country=country,
        parent=parent,
        description=description,
        wikidata_id=wikidata_id,
    )
    return organisation_save(organisation=organisation, aliases=aliases)


@transaction.atomic
def role_create(
    *,
    person: Person,
    organisation: Organisation,
    title: str,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> Role:
    role = Role(
        person=person,
        organisation=organisation,
        title=title,
        start_date=start_date,
        end_date=end_date,
    )
    return validated_save(role)


@transaction.atomic
def agreement_create(
    *,
    title: str,
    kind: str,
    slug: str = "",
    signed_on: datetime.date | None = None,
    signed_precision: str = "day",
    scope: str = "",
    summary: str = "",
    status: str = AgreementStatus.PROPOSED,
    wikidata_id: str = "",
    parties: Iterable[tuple[Organisation, str]] = (),
) -> Agreement:
    agreement = validated_save(
        Agreement(
            title=title,
            kind=kind,
            slug=slug,
            signed_on=signed_on,
            signed_precision=signed_precision,
            scope=scope,
            summary=summary,
            status=status,
            wikidata_id=wikidata_id,
        )
    )
    for organisation, role in parties:
        _party_add(agreement, organisation, role)
    visibility.refresh(agreements={agreement.pk})
    return agreement


@transaction.atomic
def agreement_party_add(
    *,
    agreement: Agreement,
    organisation: Organisation,
    role: str = PartyRole.SIGNATORY,
) -> AgreementParty:
    """Make ``organisation`` a party: public with the agreement, if that
    is."""
    party = _party_add(agreement, organisation, role)
    visibility.refresh(organisations={organisation.pk})
    return party


def _party_add(agreement, organisation, role) -> AgreementParty:
    return validated_save(
        AgreementParty(agreement=agreement, organisation=organisation, role=role)
    )


def agreement_status_sync(*, agreement: Agreement) -> Agreement:
    """Make the agreement's current status that of its latest recorded
    change, if it has any."""
    latest = agreement.status_changes.order_by("-date", "-id").first()
    if latest is not None and agreement.status != latest.status:
        agreement.status = latest.status
        _record_save(agreement)
    return agreement


@transaction.atomic
def agreement_status_change_record(
    *,
    agreement: Agreement,
    status: str,
    date: datetime.date,
    article=None,
    party: Organisation | None = None,
    note: str = "",
) -> AgreementStatusChange:
    """Record a dated change of status, citing the article that reported it,
    and bring the agreement's current status up to date."""
    change = validated_save(
        AgreementStatusChange(
            agreement=agreement,
            status=status,
            date=date,
            article=article,
            party=party,
            note=note,
        )
    )
    agreement_status_sync(agreement=agreement)
    # A change a published story reports makes the agreement public.
    if article is not None:
        visibility.refresh(agreements={agreement.pk})
    return change


@transaction.atomic
def agreement_status_change_delete(*, change: AgreementStatusChange) -> None:
    """Delete a recorded change; the agreement's status follows the latest
    one left, and it stops being public if no published story names it."""
    agreement = change.agreement
    change.delete()
    agreement_status_sync(agreement=agreement)
    visibility.refresh(agreements={agreement.pk})


@transaction.atomic
def agreement_status_change_save(
    *, change: AgreementStatusChange
) -> AgreementStatusChange:
    """Save a status change edited on its own: the agreement's status
    follows its latest change, and its visibility the stories citing them
    (of the agreement it belonged to before, too)."""
    before = None
    if change.pk is not None:
        before = (
            AgreementStatusChange.objects.filter(pk=change.pk)
            .values_list("agreement_id", flat=True)
            .first()
        )
    validated_save(change)
    agreement_status_sync(agreement=change.agreement)
    visibility.refresh(agreements={before, change.agreement_id})
    return change


@transaction.atomic
def agreement_party_save(*, party: AgreementParty) -> AgreementParty:
    """Save a party edited on its own; the organisation it was and the one it
    is follow the agreement's visibility."""
    before = None
    if party.pk is not None:
        before = (
            AgreementParty.objects.filter(pk=party.pk)
            .values_list("organisation_id", flat=True)
            .first()
        )
    validated_save(party)
    visibility.refresh(organisations={before, party.organisation_id})
    return party


@transaction.atomic
def agreement_links_refresh(*, agreement: Agreement, former_parties=()) -> None:
    """After an editor changed an agreement's parties and status history in
    one form (the admin's change page): its visibility, and that of its
    parties and ``former_parties``, follow."""
    visibility.refresh(agreements={agreement.pk}, organisations=former_parties)


@transaction.atomic
def agreement_party_delete(*, party: AgreementParty) -> None:
    """Remove a party; it stops being public through this agreement."""
    party.delete()
    visibility.refresh(organisations={party.organisation_id})


@transaction.atomic
def agreement_delete(*, agreement: Agreement) -> None:
    """Delete an agreement with its parties and status history; its parties
    stop being public through it."""
    parties = set(agreement.parties.values_list("organisation_id", flat=True))
    agreement.delete()
    visibility.refresh(organisations=parties)


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
    person_save(person=survivor, aliases=aliases)
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
    organisation_save(organisation=survivor, aliases=aliases)
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


@transaction.atomic
def aliases_replace(*, owner: Person | Organisation, names: Iterable[str]) -> None:
    """Make ``owner``'s aliases exactly ``names`` (ignoring case and the
    owner's own name)."""
    wanted = {name.strip().casefold(): name.strip() for name in names if name.strip()}
    wanted.pop(owner.name.casefold(), None)
    for alias in owner.aliases.all():
        if alias.name.casefold() not in wanted:
            alias.delete()
    _add_aliases(owner, wanted.values())


@transaction.atomic
def agreement_save(
    *,
    agreement: Agreement,
    parties: Iterable[tuple[Organisation, str]] | None = None,
    status_changes: Iterable[dict] | None = None,
    expected_version: int | None = None,
) -> Agreement:
    """Create or update an agreement. Given ``parties`` (organisation, role)
    or ``status_changes`` (dicts of AgreementStatusChange fields), the
    agreement's own become exactly those; its current status then follows the
    latest change. Its parties, and those it had, are made public or hidden
    again with it."""
    validated_save(agreement, expected_version=expected_version)
    former_parties: set[int] = set()
    if parties is not None:
        wanted = {
            organisation.pk: (organisation, role) for organisation, role in parties
        }
        for party in agreement.parties.all():
            if party.organisation_id not in wanted:
                party.delete()
                former_parties.add(party.organisation_id)
            else:
                _, role = wanted.pop(party.organisation_id)
                if party.role != role:
                    party.role = role
                    validated_save(party)
        for organisation, role in wanted.values():
            _party_add(agreement, organisation, role)
    if status_changes is not None:
        fields = ("status", "date", "party_id", "article_id", "note")
        wanted_changes = [
            AgreementStatusChange(agreement=agreement, **change)
            for change in status_changes
        ]
        wanted_keys = [tuple(getattr(c, f) for f in fields) for c in wanted_changes]
        for change in agreement.status_changes.all():
            key = tuple(getattr(change, f) for f in fields)
            if key in wanted_keys:
                index = wanted_keys.index(key)
                wanted_keys.pop(index)
                wanted_changes.pop(index)
            else:
                change.delete()
        for change in wanted_changes:
            validated_save(change)
        agreement_status_sync(agreement=agreement)
    visibility.refresh(agreements={agreement.pk}, organisations=former_parties)
    return agreement
