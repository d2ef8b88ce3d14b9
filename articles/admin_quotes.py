"""The quote inline's layout on the article page, arranged for the keyboard.

A quote's essential fields come first, in the order an editor fills them
from the story: the words, who said them, the kind, the reporting verb, and
an unnamed source's description. The organisation, outlet and date are
filled from the speaker's role and the story's publication time when left
empty, so they sit in a section that opens on demand (Django renders a
collapsed fieldset as ``<details>``, whose closed content takes no Tab stop,
and opens it by itself when one of its fields has an error); a saved
quote's values there are repeated in a line of text beside its position.
The links beside each autocomplete (change, add, view the record) stay for
the mouse but leave the Tab order. Together: seven Tab stops per quote
instead of about a dozen (tests/test_browser_history.py counts them)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper

QUOTE_WRAPPER_TEMPLATE = "admin/articles/quote/related_widget_wrapper.html"


class QuoteInlineLayout:
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "text",
                    ("speaker", "kind", "cue"),
                    "source_description",
                    ("location", "filled_in"),
                ]
            },
        ),
        (
            "Organisation, outlet and date",
            {
                "classes": ["collapse"],
                "fields": [("organisation", "outlet", "said_on")],
                "description": "Left empty, the organisation comes from the "
                "speaker's role at the time and the date from the story's "
                "publication.",
            },
        ),
    ]
    readonly_fields = ["location", "filled_in"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(
            formfield.widget, RelatedFieldWidgetWrapper
        ):
            formfield.widget.template_name = QUOTE_WRAPPER_TEMPLATE
        return formfield

    @admin.display(description="position in body")
    def location(self, obj) -> str:
        if obj.start is None:
            return "not located (indirect quote in other words)" if obj.pk else "—"
        return f"characters {obj.start}–{obj.end}"

    @admin.display(description="organisation, outlet, date")
    def filled_in(self, obj) -> str:
        if obj.pk is None:
            return "—"
        parts = []
        if obj.organisation_id:
            parts.append(f"for {obj.organisation}")
        if obj.outlet_id:
            parts.append(f"to {obj.outlet}")
        if obj.said_on:
            parts.append(f"said {obj.said_on.isoformat()}")
        return " · ".join(parts) or "—"
