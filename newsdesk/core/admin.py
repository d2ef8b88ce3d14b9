"""The admin base classes every app's editors' tool builds on: no silent
overwrites, guarded reverts, records reached only through their parent.


The change form carries the version the editor loaded; on save it is compared
with the stored one (the row locked for the rest of the request) and the
service's compare-and-set repeats the check at write time. A stale save is
refused: the page shows, field by field, what the others changed next to the
editor's own input (admin_conflicts.py), and the editor takes theirs, keeps
theirs' opposite or chooses per field, and saves again. The stored record is
untouched until then.

Every change form also takes a *change note*, stored as the version's
``history_change_reason`` and shown on the history page.

django-concurrency offers a version field too, but it bumps the version inside
``save()``; here the bump is part of the services' single write path, which the
API's ETag/If-Match reuses, so a small form mixin is all the admin needs.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from .admin_conflicts import CHOOSE, MODES, conflict_build, conflict_resolve
from .admin_history import HistoryPageMixin

# django-simple-history's history_change_reason column holds 100 characters.
CHANGE_NOTE_LENGTH = 100


class ChangeNoteForm(forms.ModelForm):
    """A form whose save may carry a note for the record's history."""

    change_note = forms.CharField(
        label="Change note",
        required=False,
        max_length=CHANGE_NOTE_LENGTH,
        help_text="Optional: why you made this change, for the history "
        f"(up to {CHANGE_NOTE_LENGTH} characters).",
        widget=forms.TextInput(attrs={"size": 80}),
    )


class VersionedForm(ChangeNoteForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The version a conflict was shown against: answering the panel saves
    # over exactly that one, never over a save that came after it.
    conflict_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    check_version = True
    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.check_version and self.instance.pk is not None:
            current = (
                type(self.instance)
                ._base_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            loaded = cleaned_data.get("loaded_version")
            if loaded != current:
                conflict = conflict_build(self, loaded_version=loaded)
                # Any save from a page that showed the panel answers it: the
                # panel's buttons say how, the plain Save keeps the choices.
                mode = self.data.get("_conflict", CHOOSE)
                if mode in MODES and cleaned_data.get("conflict_version") == current:
                    conflict_resolve(self, conflict, mode)
                    cleaned_data["loaded_version"] = current
                else:
                    self.conflict = conflict
                    raise ValidationError(conflict.message(), code="edit_conflict")
        return cleaned_data


def _is_revert(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name.endswith("_simple_history"))


def reverted_version(request) -> int | None:
    """The history id being restored, when ``request`` posts the history
    page's revert form. (django-simple-history's URL passes it as an
    unnamed group, so it is in ``resolver_match.args``, not ``kwargs``.)"""
    if not _is_revert(request):
        return None
    match = request.resolver_match
    return int(match.kwargs.get("version_id", match.args[-1]))


class GuardedHistoryAdmin(HistoryPageMixin, SimpleHistoryAdmin):
    """django-simple-history's admin, with reverting guarded: its history
    page accepts the revert POST from anyone who may merely view the history,
    and judges rights on the old version. Reverting changes the stored
    record, so it needs the right to change that record.

    The history page itself is Newsdesk's (admin_history.py): the change
    notes, names linked only for those who may open the account, and what
    else each version changed (an article's quotes and mentions)."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A save refused by the services after the form was valid means
        another writer committed the same unique value in between (two
        editors adding one name at once). Its transaction is rolled back;
        validating the same input again shows the clash as a form error,
        with everything the editor typed still on screen."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError:
            if request.method != "POST":
                raise
            return super().changeform_view(request, object_id, form_url, extra_context)

    form = ChangeNoteForm

    def default_change_note(self, request, obj) -> str:
        """A restore from the history page says which version it restores."""
        version_id = reverted_version(request)
        if version_id is None:
            return ""
        record = obj.history.filter(history_id=version_id).first()
        if record is None:
            return ""
        label = getattr(record, "version", None)
        saved = f"{record.history_date:%Y-%m-%d %H:%M} UTC"
        if label:
            return f"Restored version {label} (saved {saved})"
        return f"Restored the version saved {saved}"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            stored = self.get_object(request, unquote(object_id))
            if not self.has_change_permission(request, stored):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        # On the revert page ``obj`` is the old version; rights follow the
        # stored record (e.g. an article's current status).
        if obj is not None and obj.pk is not None:
            obj = type(obj)._base_manager.filter(pk=obj.pk).first() or obj
        return super().revert_disabled(request, obj)


class VersionedAdmin(GuardedHistoryAdmin):
    """A ModelAdmin for a ``VersionedModel``: refuses stale saves. Restoring
    an earlier version from the history page is a deliberate overwrite of the
    current one, so it is checked against the current version instead."""

    form = VersionedForm

    class Media:
        css = {"all": ["newsdesk/admin-core.css"]}

    def _changed_since(self, request, form) -> list[str]:
        """What the others' saves changed besides the form's fields (an
        article's quotes and mentions), as the history page lists it."""
        loaded = form.cleaned_data.get("loaded_version")
        if loaded is None:
            return []
        obj = form.instance
        records = list(obj.history.filter(version__gt=loaded).order_by("history_date"))
        if not records:
            return []
        lines = self.history_related_changes(request, obj, records)
        return [line for record in records for line in lines.get(record.history_id, [])]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": list(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        for hidden in ("loaded_version", "conflict_version"):
            if hidden not in fieldsets[0][1]["fields"]:
                fieldsets[0][1]["fields"].append(hidden)
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if _is_revert(request):
            form = type(form.__name__, (form,), {"check_version": False})
        return form

    def reverted_version(self, request) -> int | None:
        """The history id being restored, when ``request`` posts the history
        page's revert form."""
        return reverted_version(request)

    def response_change(self, request, obj):
        """A save from the conflict panel stays on the page, as "Save and
        continue editing" does: the editor sees what was kept."""
        if "_conflict" in request.POST and "_continue" not in request.POST:
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        return super().response_change(request, obj)

    def render_change_form(self, request, context, *args, **kwargs):
        form = context["adminform"].form if context.get("adminform") else None
        if getattr(form, "conflict", None) is not None:
            # The panel's answer is checked against the version it showed.
            form.data = form.data.copy()
            form.data["conflict_version"] = form.conflict.current_version
            form.conflict.related = self._changed_since(request, form)
        return super().render_change_form(request, context, *args, **kwargs)

    def expected_version(self, request, obj, form) -> int | None:
        """The version the save must find stored."""
        if obj.pk is None:
            return None
        if _is_revert(request):
            return type(obj)._base_manager.get(pk=obj.pk).version
        return form.cleaned_data.get("loaded_version")


class HiddenFromIndexAdmin(GuardedHistoryAdmin):
    """Registered so every record has a changelist and a history, but left
    off the admin index: editors reach these through their parent's page."""

    def get_model_perms(self, request):
        return {}
