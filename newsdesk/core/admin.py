"""The admin base classes every app's editors' tool builds on: no silent
overwrites, guarded reverts, records reached only through their parent.


The change form carries the version the editor loaded; on save it is compared
with the stored one (the row locked for the rest of the request) and the
service's compare-and-set repeats the check at write time. A stale save is
refused with a message naming who changed the record and when, the editor's
own input stays on screen, and the stored record is untouched.

django-concurrency offers a version field too, but it bumps the version inside
``save()``; here the bump is part of the services' single write path, which the
API's ETag/If-Match reuses, so a small form mixin is all the admin needs.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from .services import EditConflict


class VersionedForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    check_version = True

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
            if cleaned_data.get("loaded_version") != current:
                raise EditConflict(self.instance)
        return cleaned_data


def _is_revert(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name.endswith("_simple_history"))


class GuardedHistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, with reverting guarded: its history
    page accepts the revert POST from anyone who may merely view the history,
    and judges rights on the old version. Reverting changes the stored
    record, so it needs the right to change that record."""

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

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": list(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if "loaded_version" not in fieldsets[0][1]["fields"]:
            fieldsets[0][1]["fields"].append("loaded_version")
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if _is_revert(request):
            form = type(form.__name__, (form,), {"check_version": False})
        return form

    def reverted_version(self, request) -> int | None:
        """The history id being restored, when ``request`` posts the history
        page's revert form. (django-simple-history's URL passes it as an
        unnamed group, so it is in ``resolver_match.args``, not ``kwargs``.)"""
        if not _is_revert(request):
            return None
        match = request.resolver_match
        return int(match.kwargs.get("version_id", match.args[-1]))

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
