"""Every write to the registry that matters. The admin, the API and the seed
loader all call these, so validation (``full_clean()``) exists once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import models, transaction

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


def validated_save(instance: models.Model) -> models.Model:
    """``full_clean()`` then save: the one path by which records reach the
    database, so a constraint violation surfaces as a ``ValidationError``
    naming the field, never as a database error."""
    instance.full_clean()
    instance.save()
    return instance


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
def person_save(*, person: Person, aliases: Iterable[str] = ()) -> Person:
    """Create or update a person, adding any new ``aliases``."""
    validated_save(person)
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
    *, organisation: Organisation, aliases: Iterable[str] = ()
) -> Organisation:
    """Create or update an organisation, adding any new ``aliases``."""
    validated_save(organisation)
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
        agreement_party_add(agreement=agreement, organisation=organisation, role=role)
    return agreement


@transaction.atomic
def agreement_party_add(
    *,
    agreement: Agreement,
    organisation: Organisation,
    role: str = PartyRole.SIGNATORY,
) -> AgreementParty:
    return validated_save(
        AgreementParty(agreement=agreement, organisation=organisation, role=role)
    )


def agreement_status_sync(*, agreement: Agreement) -> Agreement:
    """Make the agreement's current status that of its latest recorded
    change, if it has any."""
    latest = agreement.status_changes.order_by("-date", "-id").first()
    if latest is not None and agreement.status != latest.status:
        agreement.status = latest.status
        validated_save(agreement)
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
    return change
