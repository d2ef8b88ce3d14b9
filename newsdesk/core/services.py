"""The one write path every app shares: ``validated_save`` (``full_clean()``,
then an optimistic compare-and-set of the record's version, then the save)
and ``EditConflict``, the refusal of a stale save that the admin and the API
both show."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F

from .models import VersionedModel


class EditConflict(ValidationError):
    """Someone else saved the record after the editor (or client) loaded it.

    The message says who and when, not version numbers: the admin shows
    field by field what they changed (newsdesk/core/admin_conflicts.py), the
    API's 412 carries the message and the current ETag."""

    def __init__(self, instance: VersionedModel):
        current = type(instance)._base_manager.filter(pk=instance.pk).first()
        latest = getattr(current, "history", None)
        latest = latest.order_by("-history_date").first() if latest else None
        who = ""
        if latest is not None:
            user = latest.history_user or "an automatic process"
            who = f" by {user} at {latest.history_date:%Y-%m-%d %H:%M} UTC"
        noun = instance._meta.verbose_name
        self.current_version = getattr(current, "version", None)
        super().__init__(
            f"This {noun} was changed{who} after you opened it. Your changes "
            "have not been saved and theirs are kept: reload to see theirs, "
            "then apply yours again.",
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
    the form again (newsdesk/core/admin.py). Never a database error.
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
