"""The history page every record shares, as editors read it: each version
with who saved it (linked to the account only for those who may open it),
the note they wrote, the fields it changed and, where a model says so, what
else the same save changed (an article's quotes and mentions).

django-simple-history's own page prints "None" for an empty change reason
or a missing user, links every user to a page most editors may not open,
and shows an empty entry when only related rows changed."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from simple_history.template_utils import HistoricalRecordContextHelper

from .admin_conflicts import user_label


class EditorsRecordContextHelper(HistoricalRecordContextHelper):
    """Times as editors read them everywhere else in the admin (to the
    minute, in UTC) and dates as ISO dates; empty values as "—"."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        model_field = self.model._meta.get_field(change.field)
        if isinstance(value, str) and isinstance(model_field, models.DateTimeField):
            # The diff may hold a time as the text it was stored with.
            value = parse_datetime(value) or value
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z")
        if isinstance(value, datetime.date):
            return value.isoformat()
        if value in (None, ""):
            return "—"
        return value


class HistoryPageMixin:
    object_history_list_template = "admin/newsdesk/object_history_list.html"

    def history_related_changes(self, request, obj, records) -> dict[int, list[str]]:
        """What else each of ``records`` (history rows of ``obj``) changed,
        by history id: lines of plain text. None by default; the article
        admin lists quotes and mentions."""
        return {}

    def may_open_users(self, request) -> bool:
        """Whether the history may link a name to its account's admin page:
        only when that page opens for the viewer."""
        user_model = get_user_model()
        if not self.admin_site.is_registered(user_model):
            return False
        opts = user_model._meta
        return request.user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        ) or request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def get_historical_record_context_helper(self, request, historical_record):
        return EditorsRecordContextHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        super().set_history_delta_changes(request, historical_records, **kwargs)
        records = list(historical_records)
        if not records:
            return
        for record in records:
            # A difference below what the page shows (a publication time's
            # fractions of a second, which the admin's time field drops on
            # save) is not a change an editor made or can see.
            record.history_delta_changes = [
                change
                for change in getattr(record, "history_delta_changes", [])
                if str(change["old"]) != str(change["new"])
            ]
        obj = records[0].instance
        related = self.history_related_changes(request, obj, records)
        for record in records:
            record.related_changes = related.get(record.history_id, [])
            record.saved_by = (
                user_label(record.history_user)
                if record.history_user_id is not None
                else "an automatic process"
            )
            record.note = (record.history_change_reason or "").strip()

    def render_history_view(self, request, template, context, **kwargs):
        context = {**context, "may_open_users": self.may_open_users(request)}
        return super().render_history_view(request, template, context, **kwargs)

    def save_form(self, request, form, change):
        obj = super().save_form(request, form, change)
        note = (form.cleaned_data.get("change_note") or "").strip()
        if not note:
            note = self.default_change_note(request, obj)
        # Read by django-simple-history when it writes the version.
        obj._change_reason = note or None
        obj._history_user = request.user
        return obj

    def default_change_note(self, request, obj) -> str:
        """The note a save gets when the editor writes none."""
        return ""
