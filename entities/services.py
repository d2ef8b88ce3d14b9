"""Every write to the registry that matters. The admin, the API and the seed
loader all call these, so validation (``full_clean()``) exists once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F

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


def _on_their_fields(instance: models.Model, error: ValidationError):
    """Django reports a one-field unique constraint with a condition (a
    Wikidata id another record has) for the whole record; name its field,
    which is what the editor must change."""
    if not hasattr(error, "error_dict") or NON_FIELD_ERRORS not in error.error_dict:
        return error
    fields = {
        constraint.get_violation_error_message(): constraint.fields[0]
        for constraint in instance._meta.constraints
        if isinstance(constraint, models.UniqueConstraint)
        and len(constraint.fields) == 1
    }
    errors: dict[str, list[ValidationError]] = {}
    for name, messages in error.error_dict.items():
        for message in messages:
            target = (
                fields.get(message.message, name) if name == NON_FIELD_ERRORS else name
            )
            errors.setdefault(target, []).append(message)
    return ValidationError(errors)


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

    Two writers can pass ``full_clean()`` at the same moment with the same
    unique value (two clients creating one name); the database then refuses
    the second. A new record is inserted in a savepoint, so a refusal can be
    checked again against what the first writer committed and the loser gets
    the field error the check would have given. An update refused so (two
    records renamed to one name at once) cannot be checked again in its
    broken transaction: it is refused as a whole, and the admin validates
    the form again (admin_versioning.py). Never a database error.
    """
    with transaction.atomic():
        _full_clean(instance)
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
        adding = instance._state.adding
        try:
            if adding:
                with transaction.atomic():
                    instance.save()
            else:
                instance.save()
        except IntegrityError:
            if adding:
                _full_clean(instance)
            raise ValidationError(
                "Another change was saved at the same moment as this one, so "
                "this one was not. Reload and try again.",
                code="concurrent_write",
            ) from None
    return instance


def _full_clean(instance: models.Model) -> None:
    try:
        instance.full_clean()
    except ValidationError as error:
        raise _on_their_fields(instance, error) from None


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


def _move(rows, field: str, survivor, reason: str) -> int:
    """Point ``field`` of each row at ``survivor``, saving one by one so each
    change is in the history with ``reason``."""
    count = 0
    for row in rows:
        setattr(row, field, survivor)
        row._change_reason = reason
        row.save()
        count += 1
    return count


def _move_mentions(mentions, field: str, survivor, reason: str) -> int:
    """Move mention rows, folding into the survivor's own mention of the same
    article (keeping ``about`` if either had it)."""
    count = 0
    for mention in mentions:
        existing = (
            type(mention)
            .objects.filter(article_id=mention.article_id, **{field: survivor})
            .first()
        )
        if existing is None:
            setattr(mention, field, survivor)
            mention._change_reason = reason
            mention.save()
        else:
            if mention.about and not existing.about:
                existing.about = True
                existing._change_reason = reason
                existing.save()
            mention._change_reason = reason
            mention.delete()
        count += 1
    return count


@transaction.atomic
def person_merge(*, survivor: Person, duplicate: Person, user=None) -> MergeRecord:
    """Merge ``duplicate`` into ``survivor``: quotes, roles, mentions and
    authorship move over, the duplicate's name becomes an alias, and the
    duplicate is deleted. Each move is in the history, and a ``MergeRecord``
    keeps the trace (and the old slug working)."""
    from articles.models import Article, Quote

    _merge_guard(survivor, duplicate)
    reason = f"Merged {duplicate.name} ({duplicate.slug}) into {survivor.name}"
    moved = {
        "quotes": _move(
            Quote.objects.filter(speaker=duplicate), "speaker", survivor, reason
        ),
        "mentions": _move_mentions(
            duplicate.article_mentions.all(), "person", survivor, reason
        ),
    }
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
    authored = list(Article.objects.filter(authors=duplicate))
    for article in authored:
        article.authors.remove(duplicate)
        article.authors.add(survivor)
    moved["bylines"] = len(authored)
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
        summary=", ".join(f"{n} {what}" for what, n in moved.items()),
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
    from articles.models import Article, Quote

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
        "quotes": _move(
            Quote.objects.filter(organisation=duplicate),
            "organisation",
            survivor,
            reason,
        )
        + _move(Quote.objects.filter(outlet=duplicate), "outlet", survivor, reason),
        "roles": _move(duplicate.roles.all(), "organisation", survivor, reason),
        "mentions": _move_mentions(
            duplicate.article_mentions.all(), "organisation", survivor, reason
        ),
        "articles": _move(
            Article.objects.filter(source=duplicate), "source", survivor, reason
        ),
        "status changes": _move(
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
    moved["sub-organisations"] = _move(
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
        summary=", ".join(f"{n} {what}" for what, n in moved.items()),
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
    latest change."""
    validated_save(agreement, expected_version=expected_version)
    if parties is not None:
        wanted = {
            organisation.pk: (organisation, role) for organisation, role in parties
        }
        for party in agreement.parties.all():
            if party.organisation_id not in wanted:
                party.delete()
            else:
                _, role = wanted.pop(party.organisation_id)
                if party.role != role:
                    party.role = role
                    validated_save(party)
        for organisation, role in wanted.values():
            agreement_party_add(
                agreement=agreement, organisation=organisation, role=role
            )
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
    return agreement
