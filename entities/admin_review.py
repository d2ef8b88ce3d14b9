"""Reviewed registry edits in the admin (entities/changes.py): a reporter's
save of a public person or organisation becomes a proposed change, and
editors approve or reject it from its own page, which shows field by field
what would change."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from . import changes
from .models import ChangeStatus, ProposedChange


def _locked(request, obj=None) -> bool:
    return False


class ReviewedChangeAdminMixin:
    """For the person and organisation admins. While a reporter edits a
    public record, its aliases and roles show read-only (editors change
    them), and saving the form keeps the change for an editor instead."""

    def held_for_review(self, request, obj) -> bool:
        return obj is not None and changes.registry_edit_needs_review(
            record=obj, user=request.user
        )

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if self.held_for_review(request, obj):
            for inline in inlines:
                inline.has_add_permission = _locked
                inline.has_change_permission = _locked
                inline.has_delete_permission = _locked
        return inlines

    def hold_for_review(self, request, obj, form, change) -> bool:
        """Keep the form's changes as a proposed change when they need an
        editor; ``True`` when the record must not be saved."""
        if not change or not self.held_for_review(request, obj):
            return False
        names = {field.name for field in obj._meta.concrete_fields}
        values = {
            name: form.cleaned_data[name] for name in form.changed_data if name in names
        }
        confirmed = {"not_a_duplicate": bool(form.cleaned_data.get("not_a_duplicate"))}
        request._proposed_change = (
            changes.proposed_change_create(
                record=obj, values={**values, **confirmed}, user=request.user
            )
            if values
            else None
        )
        return True

    def save_related(self, request, form, formsets, change):
        if hasattr(request, "_proposed_change"):
            return  # nothing of a held record is saved
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if hasattr(request, "_proposed_change"):
            return []  # nothing was saved to describe
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if hasattr(request, "_proposed_change"):
            return None  # the proposed change is the record of it
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not hasattr(request, "_proposed_change"):
            return super().response_change(request, obj)
        proposal = request._proposed_change
        if proposal is None:
            self.message_user(request, "Nothing was changed.", messages.INFO)
        else:
            self.message_user(
                request,
                format_html(
                    "{} appears in published stories, so your change is "
                    'waiting for an editor\'s approval (<a href="{}">see it</a>); '
                    "the record is unchanged until then.",
                    obj,
                    reverse("admin:entities_proposedchange_change", args=[proposal.pk]),
                ),
                messages.WARNING,
            )
        return HttpResponseRedirect(request.path)


@admin.register(ProposedChange)
class ProposedChangeAdmin(admin.ModelAdmin):
    change_form_template = "admin/entities/proposedchange/change_form.html"
    list_display = ["__str__", "status", "proposed_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["person", "organisation", "proposed_by", "decided_by"]
    fields = [
        "record_link",
        "difference",
        "status",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
        "note",
    ]
    readonly_fields = [name for name in fields if name != "note"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.has_perm(changes.REVIEW_PERMISSION):
            return queryset
        return queryset.filter(proposed_by=request.user)

    def has_add_permission(self, request):
        return False  # made by saving a record, never by hand

    def has_delete_permission(self, request, obj=None):
        return False  # the trail of what was proposed and decided stays

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(changes.REVIEW_PERMISSION) and (
            obj is None or obj.status == ChangeStatus.PENDING
        )

    @admin.display(description="record")
    def record_link(self, change) -> str:
        record = change.record
        return format_html(
            '<a href="{}">{}</a>',
            reverse(
                f"admin:entities_{record._meta.model_name}_change", args=[record.pk]
            ),
            record,
        )

    @admin.display(description="what would change")
    def difference(self, change) -> str:
        rows = changes.proposed_change_diff(change=change)
        if not rows:
            return "Nothing."
        return format_html(
            '<table class="proposed-change"><thead><tr><th>field</th>'
            "<th>now</th><th>proposed</th></tr></thead><tbody>{}</tbody></table>",
            format_html_join(
                "",
                "<tr><th>{}</th><td>{}</td><td><ins>{}</ins></td></tr>",
                rows,
            ),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        decision = next(
            (key for key in ("_approve", "_reject") if key in request.POST), None
        )
        if request.method != "POST" or object_id is None or decision is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        change = self.get_object(request, unquote(object_id))
        if change is None or not self.has_change_permission(request, change):
            raise PermissionDenied
        note = request.POST.get("note", "")[:500]
        try:
            decide = (
                changes.proposed_change_approve
                if decision == "_approve"
                else changes.proposed_change_reject
            )
            decide(change=change, user=request.user, note=note)
        except ValidationError as error:
            # The record changed since in a way the proposal now clashes with.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.path)
        verb = "approved and applied" if decision == "_approve" else "rejected"
        self.message_user(request, f"{change} was {verb}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:entities_proposedchange_changelist"))
