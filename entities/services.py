"""Every write to the registry that matters. The admin, the API and the seed
loader all call these, so validation (``full_clean()``) exists once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from newsdesk.core.services import EditConflict, validated_save

from . import visibility
from .duplicates import duplicate_check, unique_slug
from .models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
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


def _registry_save(
    record: Person | Organisation,
    *,
    aliases: Iterable[str] = (),
    not_a_duplicate: bool = False,
    expected_version: int | None = None,
) -> None:
    """Save a person or organisation: a name or alias that is likely another
    record's is refused unless ``not_a_duplicate`` (entities/duplicates.py),
    and a web address left empty (or made by a form, ``_slug_derived``) is
    one no other record has. Two writers saving the same new name at once:
    the database refuses the second's address, and the check runs again
    against what the first committed."""
    derived = not record.slug or getattr(record, "_slug_derived", False)
    attempts = 3 if derived and record._state.adding else 1
    for attempt in range(attempts):
        duplicate_check(record, aliases=aliases, not_a_duplicate=not_a_duplicate)
        if derived:
            record.slug = unique_slug(record)
        try:
            _record_save(record, expected_version=expected_version)
            return
        except ValidationError as error:
            raced = "slug" in getattr(error, "error_dict", {})
            if not raced or attempt == attempts - 1:
                raise


def _alias_key(name: str) -> str:
    # Spellings the copy uses are kept as they are ("Zhang Han-hui" beside
    # "Zhang Hanhui"), so aliases differ by more than case.
    return name.strip().casefold()


def _add_aliases(owner: Person | Organisation, names: Iterable[str]) -> None:
    """Add the names that are neither the owner's name nor already an alias
    (case aside)."""
    manager = owner.aliases
    known = {_alias_key(name) for name in manager.values_list("name", flat=True)}
    known.add(_alias_key(owner.name))
    for name in names:
        name = name.strip()
        if name and _alias_key(name) not in known:
            validated_save(manager.model(**{manager.field.name: owner, "name": name}))
            known.add(_alias_key(name))


@transaction.atomic
def person_save(
    *,
    person: Person,
    aliases: Iterable[str] | None = None,
    replace_aliases: bool = False,
    not_a_duplicate: bool = False,
    expected_version: int | None = None,
) -> Person:
    """Create or update a person, adding any new ``aliases`` (with
    ``replace_aliases``, making them exactly those). A name or alias that is
    likely another person's is refused unless ``not_a_duplicate``."""
    aliases = list(aliases or ())
    _registry_save(
        person,
        aliases=aliases,
        not_a_duplicate=not_a_duplicate,
        expected_version=expected_version,
    )
    _aliases_save(person, aliases, replace=replace_aliases)
    return person


def person_create(
    *,
    name: str,
    slug: str = "",
    description: str = "",
    wikidata_id: str = "",
    aliases: Iterable[str] = (),
    not_a_duplicate: bool = False,
) -> Person:
    person = Person(
        name=name, slug=slug, description=description, wikidata_id=wikidata_id
    )
    return person_save(person=person, aliases=aliases, not_a_duplicate=not_a_duplicate)


@transaction.atomic
def organisation_save(
    *,
    organisation: Organisation,
    aliases: Iterable[str] | None = None,
    replace_aliases: bool = False,
    not_a_duplicate: bool = False,
    expected_version: int | None = None,
) -> Organisation:
    """Create or update an organisation, adding any new ``aliases`` (with
    ``replace_aliases``, making them exactly those). A name or alias that is
    likely another organisation's is refused unless ``not_a_duplicate``."""
    aliases = list(aliases or ())
    _registry_save(
        organisation,
        aliases=aliases,
        not_a_duplicate=not_a_duplicate,
        expected_version=expected_version,
    )
    _aliases_save(organisation, aliases, replace=replace_aliases)
    return organisation


def _aliases_save(owner, aliases: list[str], *, replace: bool) -> None:
    if replace:
        aliases_replace(owner=owner, names=aliases)
    else:
        _add_aliases(owner, aliases)


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
    not_a_duplicate: bool = False,
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
    return organisation_save(
        organisation=organisation, aliases=aliases, not_a_duplicate=not_a_duplicate
    )


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
    agreement = _agreement_record_save(
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


def _agreement_record_save(
    agreement: Agreement, *, expected_version: int | None = None
) -> Agreement:
    """Save an agreement; one whose web address is left empty gets one no
    other agreement has ("artemis-accords-2": treaties share titles)."""
    derived = not agreement.slug or getattr(agreement, "_slug_derived", False)
    attempts = 3 if derived and agreement._state.adding else 1
    for attempt in range(attempts):
        if derived:
            agreement.slug = unique_slug(agreement)
        try:
            return validated_save(agreement, expected_version=expected_version)
        except ValidationError as error:
            raced = "slug" in getattr(error, "error_dict", {})
            if not raced or attempt == attempts - 1:
                raise
    return agreement


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


@transaction.atomic
def aliases_replace(*, owner: Person | Organisation, names: Iterable[str]) -> None:
    """Make ``owner``'s aliases exactly ``names`` (ignoring case and the
    owner's own name)."""
    wanted = {_alias_key(name): name.strip() for name in names if name.strip()}
    wanted.pop(_alias_key(owner.name), None)
    for alias in owner.aliases.all():
        if _alias_key(alias.name) not in wanted:
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
    _agreement_record_save(agreement, expected_version=expected_version)
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


# Merging lives in entities/merging.py; its calls are the services' too.
from .merging import (  # noqa: E402
    MERGE_MOVERS,
    MERGE_SUMMARY_ORDER,
    merge_mover_register,
    organisation_merge,
    person_merge,
    rows_repoint,
)

__all__ += [
    "MERGE_MOVERS",
    "MERGE_SUMMARY_ORDER",
    "merge_mover_register",
    "organisation_merge",
    "person_merge",
    "rows_repoint",
]
