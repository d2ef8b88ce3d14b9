"""Every write to the registry that matters. The admin, the API and the seed
loader all call these, so validation (``full_clean()``) exists once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F

from .models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    Organisation,
    PartyRole,
    Person,
    Role,
    VersionedModel,
)


class EditConflict(ValidationError):
    """Someone else saved the record after the editor (or client) loaded it."""

    def __init__(self, instance: VersionedModel):
        current = type(instance)._base_manager.filter(pk=instance.pk).first()
        latest = getattr(current, "history", None)
        latest = latest.order_by("-history_date").first() if latest else None
        who = ""
        if latest is not None:
            user = latest.history_user or "someone"
            who = f" by {user} at {latest.history_date:%Y-%m-%d %H:%M} UTC"
        noun = instance._meta.verbose_name
        self.current_version = getattr(current, "version", None)
        super().__init__(
            f"This {noun} was changed{who} after you opened it (it is now at "
            f"version {self.current_version}). Your changes have not been saved "
            "and theirs are kept: copy what you need, reload, and apply your "
            "changes again.",
            code="edit_conflict",
        )


def validated_save(
    instance: models.Model, *, expected_version: int | None = None
) -> models.Model:
    """``full_clean()`` then save: the one path by which records reach the
    database, so a constraint violation surfaces as a ``ValidationError``
    naming the field, never as a database error.

    A versioned record is saved only if its stored version is still
    ``expected_version`` (by default the version it was loaded at): the
    compare-and-set and the save share one transaction, so of two editors
    saving the same version, the second gets ``EditConflict``.
    """
    with transaction.atomic():
        instance.full_clean()
        if isinstance(instance, VersionedModel) and not instance._state.adding:
            expected = (
                instance.version if expected_version is None else expected_version
            )
            bumped = (
                type(instance)
                ._base_manager.filter(pk=instance.pk, version=expected)
                .update(version=F("version") + 1)
            )
            if not bumped:
                raise EditConflict(instance)
            instance.version = expected + 1
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
def person_save(
    *,
    person: Person,
    aliases: Iterable[str] = (),
    expected_version: int | None = None,
) -> Person:
    """Create or update a person, adding any new ``aliases``."""
    validated_save(person, expected_version=expected_version)
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
    validated_save(organisation, expected_version=expected_version)
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
