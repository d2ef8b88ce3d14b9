"""Reviewed registry edits: what a reporter may change directly, and what
waits for an editor.

A person or organisation that published stories have made public is what
readers of the API see. A reporter's edit of such a record is kept as a
``ProposedChange`` (validated at once, so the reporter hears of a mistake
straight away) and applied only when an editor approves it; a record no
published story has named yet is still the reporter's to shape, and an edit
goes through at once. Roles of a public person are changed by editors only:
a reporter is refused (``RoleLocked``). Editors (the
``entities.approve_proposedchange`` permission) edit every record directly.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from . import selectors, services
from .duplicates import duplicate_check
from .models import ChangeStatus, Organisation, Person, ProposedChange

REVIEW_PERMISSION = "entities.approve_proposedchange"


class RoleLocked(PermissionDenied):
    """A reporter tried to change a role of a public person."""


def is_public(record: Person | Organisation) -> bool:
    """Whether an anonymous reader of the API sees ``record``: the selectors'
    own definition, asked as an anonymous client."""
    visible = (
        selectors.people_visible
        if isinstance(record, Person)
        else selectors.organisations_visible
    )
    return visible(user=AnonymousUser()).filter(pk=record.pk).exists()


def registry_edit_needs_review(*, record: Person | Organisation, user) -> bool:
    return (
        record.pk is not None
        and not user.has_perm(REVIEW_PERMISSION)
        and is_public(record)
    )


def role_edit_check(*, person: Person, user) -> None:
    """Refuse a reporter's change to the roles of a public person."""
    if registry_edit_needs_review(record=person, user=user):
        raise RoleLocked(
            f"{person} appears in published stories: their roles are changed "
            "by editors. Ask an editor to make this change."
        )


def _stored(value):
    return value.pk if isinstance(value, models.Model) else value


@transaction.atomic
def proposed_change_create(
    *, record: Person | Organisation, values: dict, user
) -> ProposedChange:
    """Keep ``values`` (field name → new value; ``aliases`` a list of
    names) as a change waiting for an editor. The record is not touched, but
    the values are checked as a save would check them, so a wrong value is
    refused now with its field named, a likely duplicate name included
    (unless ``not_a_duplicate`` is among the values, true)."""
    values = dict(values)
    not_a_duplicate = bool(values.pop("not_a_duplicate", False))
    stored = type(record)._base_manager.get(pk=record.pk)
    fields = {name: value for name, value in values.items() if name != "aliases"}
    candidate = type(record)._base_manager.get(pk=record.pk)
    for name, value in fields.items():
        setattr(candidate, name, value)
    duplicate_check(
        candidate, aliases=values.get("aliases", ()), not_a_duplicate=not_a_duplicate
    )
    candidate.full_clean()
    kept = {
        name: _stored(value)
        for name, value in fields.items()
        if _stored(getattr(stored, name)) != _stored(value)
    }
    if "aliases" in values:
        kept["aliases"] = list(values["aliases"])
    owner = "person" if isinstance(record, Person) else "organisation"
    return ProposedChange.objects.create(
        **{owner: stored},
        values=kept,
        base_version=stored.version,
        proposed_by=user,
    )


def proposed_change_diff(*, change: ProposedChange) -> list[tuple[str, str, str]]:
    """(field, current value, proposed value) for each field the change
    touches, read against the record as it is now."""
    record = change.record
    rows = []
    for name, value in change.values.items():
        if name == "aliases":
            current = ", ".join(record.aliases.values_list("name", flat=True))
            rows.append(("aliases", current or "—", ", ".join(value) or "—"))
            continue
        field = record._meta.get_field(name)
        if field.is_relation:
            proposed = field.related_model._base_manager.filter(pk=value).first()
        else:
            proposed = value
        rows.append(
            (
                str(field.verbose_name),
                str(getattr(record, name) or "—"),
                str(proposed if proposed not in (None, "") else "—"),
            )
        )
    return rows


def _decide(change: ProposedChange, *, user, status: str, note: str) -> None:
    if change.status != ChangeStatus.PENDING:
        raise PermissionDenied("This change has already been decided.")
    if not user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied("Only editors approve or reject changes.")
    change.status = status
    change.decided_by = user
    change.decided_at = timezone.now()
    change.note = note
    change.save(update_fields=["status", "decided_by", "decided_at", "note"])


@transaction.atomic
def proposed_change_approve(
    *, change: ProposedChange, user, note: str = ""
) -> Person | Organisation:
    """Apply the change to the record as it is now (the editor saw the
    difference against it), through the same services as any edit."""
    change = ProposedChange.objects.select_for_update().get(pk=change.pk)
    _decide(change, user=user, status=ChangeStatus.APPROVED, note=note)
    record = type(change.record)._base_manager.get(pk=change.record.pk)
    values = dict(change.values)
    aliases = values.pop("aliases", None)
    for name, value in values.items():
        field = record._meta.get_field(name)
        setattr(record, field.attname if field.is_relation else name, value)
    record._change_reason = f"Proposed by {change.proposed_by}, approved by {user}"[
        :100
    ]
    # Its names were checked when it was proposed; the editor approving it
    # has seen them.
    if isinstance(record, Person):
        services.person_save(person=record, not_a_duplicate=True)
    else:
        services.organisation_save(organisation=record, not_a_duplicate=True)
    if aliases is not None:
        services.aliases_replace(owner=record, names=aliases)
    return record


@transaction.atomic
def proposed_change_reject(*, change: ProposedChange, user, note: str = "") -> None:
    change = ProposedChange.objects.select_for_update().get(pk=change.pk)
    _decide(change, user=user, status=ChangeStatus.REJECTED, note=note)
