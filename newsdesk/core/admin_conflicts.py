"""What a refused save shows the editor: field by field, what the record was
when they opened it, what the others saved since (who and when), and what
they typed, with a way to take theirs, keep theirs' opposite, or choose per
field and save again.

The three versions come from the records themselves: the one the editor
loaded is in the record's history (django-simple-history keeps each
version's fields), the stored one is the current row, and the editor's is
the submitted form. Nothing is kept in the session or on the page but the
version numbers, so a page left open for an hour compares honestly.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.admin.utils import display_for_field
from django.db import models
from django.utils import timezone

# The submit buttons of the conflict panel, and what each keeps.
TAKE_THEIRS, KEEP_MINE, CHOOSE = "theirs", "mine", "choose"
MODES = {TAKE_THEIRS, KEEP_MINE, CHOOSE}
CHOICE_PREFIX = "conflict-"
EMPTY = "—"
SHOWN_CHARACTERS = 300


def user_label(user) -> str:
    """How Newsdesk names an account to other editors: the full name with
    the login in brackets, or the login."""
    if user is None:
        return "an automatic process"
    full = user.get_full_name().strip()
    login = user.get_username()
    return f"{full} ({login})" if full and full != login else login


@dataclass
class FieldDifference:
    name: str
    label: str
    before: str
    theirs: str
    mine: str
    they_changed: bool
    i_changed: bool
    # The stored value, as the form's cleaned_data would hold it.
    theirs_value: object = None

    @property
    def both_changed(self) -> bool:
        return self.they_changed and self.i_changed

    @property
    def default(self) -> str:
        """Per field, what "save with my choices" keeps unless the editor
        picks otherwise: their change where only they changed the field,
        the editor's input everywhere else."""
        return TAKE_THEIRS if self.they_changed and not self.i_changed else KEEP_MINE


@dataclass
class Saver:
    who: str
    when: str


@dataclass
class Conflict:
    noun: str
    current_version: int
    savers: list[Saver]
    fields: list[FieldDifference] = field(default_factory=list)
    # What their saves changed beyond the form's fields (an article's
    # quotes and mentions), as the history page words it.
    related: list[str] = field(default_factory=list)

    @property
    def who(self) -> str:
        names = list(dict.fromkeys(saver.who for saver in self.savers))
        if not names:
            return "someone else"
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    @property
    def when(self) -> str:
        return self.savers[-1].when if self.savers else ""

    def message(self) -> str:
        theirs = [f.label for f in self.fields if f.they_changed]
        what = (
            f", changing {_listed(theirs)}"
            if theirs
            else " (the fields of this form are unchanged)"
        )
        return (
            f"{self.who} saved this {self.noun} at {self.when} after you opened "
            f"it{what}. Nothing of yours is saved yet: compare their values "
            "with yours below, then take theirs, keep yours, or choose field by "
            "field, and save."
        )


def _listed(labels: list[str]) -> str:
    labels = [label.lower() for label in labels]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _model_field(model, name: str):
    try:
        candidate = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 — a form-only field (not_a_duplicate, …)
        return None
    if not candidate.concrete or candidate.auto_created:
        return None
    return candidate


def _comparable(model_field, value):
    """One shape for the three versions' values: ids for related records,
    sets of ids for many-to-many, the value itself otherwise."""
    if isinstance(model_field, models.ManyToManyField):
        return frozenset(
            item.pk if isinstance(item, models.Model) else item for item in value or ()
        )
    if isinstance(model_field, models.ForeignKey):
        return value.pk if isinstance(value, models.Model) else value
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        # The admin's time field keeps whole seconds.
        return value.replace(microsecond=0)
    return value


def _stored(model_field, record):
    if isinstance(model_field, models.ManyToManyField):
        return list(getattr(record, model_field.name).all())
    return getattr(record, model_field.name)


def _loaded(model_field, history_record):
    """The value as the editor loaded it; ``None`` when the history cannot
    say (a many-to-many field django-simple-history does not track)."""
    if history_record is None:
        return _UNKNOWN
    if isinstance(model_field, models.ManyToManyField):
        tracked = {f.name for f in getattr(history_record, "_history_m2m_fields", [])}
        if model_field.name not in tracked:
            return _UNKNOWN
        target = model_field.m2m_reverse_field_name()
        return frozenset(
            getattr(history_record, model_field.name).values_list(
                f"{target}_id", flat=True
            )
        )
    if isinstance(model_field, models.ForeignKey):
        return getattr(history_record, model_field.attname)
    return getattr(history_record, model_field.attname)


_UNKNOWN = object()


def _shown(model_field, value) -> str:
    if isinstance(model_field, models.ManyToManyField):
        text = ", ".join(str(item) for item in value) if value else ""
    elif isinstance(model_field, models.ForeignKey):
        text = str(value) if value is not None else ""
    else:
        text = str(display_for_field(value, model_field, EMPTY))
    if text in ("", "None"):
        return EMPTY
    if len(text) > SHOWN_CHARACTERS:
        return text[: SHOWN_CHARACTERS - 1] + "…"
    return text


def conflict_build(form, *, loaded_version: int | None) -> Conflict:
    """Compare the record as stored now with the version ``form``'s editor
    loaded and with what they submitted."""
    instance = form.instance
    model = type(instance)
    stored = model._base_manager.get(pk=instance.pk)
    history = stored.history.all()
    base = (
        history.filter(version=loaded_version).order_by("-history_date").first()
        if loaded_version is not None
        else None
    )
    later = history.order_by("history_date")
    if base is not None:
        later = later.filter(history_date__gt=base.history_date)
    savers = [
        Saver(
            who=user_label(record.history_user),
            when=timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M %Z"),
        )
        for record in later.select_related("history_user")
    ]
    conflict = Conflict(
        noun=str(model._meta.verbose_name),
        current_version=stored.version,
        savers=savers,
    )
    for name, form_field in form.fields.items():
        model_field = _model_field(model, name)
        if model_field is None or name not in form.cleaned_data:
            continue
        theirs_value = _stored(model_field, stored)
        mine_value = form.cleaned_data[name]
        theirs = _comparable(model_field, theirs_value)
        mine = _comparable(model_field, mine_value)
        loaded = _loaded(model_field, base)
        if loaded is _UNKNOWN:
            # Without the loaded value, any difference counts as both sides'.
            they_changed = i_changed = theirs != mine
            before = "(not recorded)"
        else:
            loaded = _comparable(model_field, loaded)
            they_changed, i_changed = theirs != loaded, mine != loaded
            before = _shown(model_field, _loaded_display(model_field, base))
        if theirs == mine or not (they_changed or i_changed):
            continue
        conflict.fields.append(
            FieldDifference(
                name=name,
                label=str(form_field.label or model_field.verbose_name).capitalize(),
                before=before,
                theirs=_shown(model_field, theirs_value),
                mine=_shown(model_field, mine_value),
                they_changed=they_changed,
                i_changed=i_changed,
                theirs_value=theirs_value,
            )
        )
    return conflict


def _loaded_display(model_field, base):
    if isinstance(model_field, models.ManyToManyField):
        target = model_field.m2m_reverse_field_name()
        return [getattr(row, target) for row in getattr(base, model_field.name).all()]
    return getattr(base, model_field.name)


def conflict_resolve(form, conflict: Conflict, mode: str) -> None:
    """Apply the editor's answer to ``form.cleaned_data``: their value for
    each field the answer gives to them, the typed one everywhere else."""
    for difference in conflict.fields:
        if mode == TAKE_THEIRS:
            choice = TAKE_THEIRS
        elif mode == KEEP_MINE:
            choice = KEEP_MINE
        else:
            choice = form.data.get(CHOICE_PREFIX + difference.name, difference.default)
        if choice == TAKE_THEIRS:
            form.cleaned_data[difference.name] = difference.theirs_value
