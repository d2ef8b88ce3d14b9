"""Repairing quotes that a body edit broke, on the article's change page.

Whether a direct or partial quote's words are in the body is decided in one
place, ``Quote.clean()`` (the API and the seed loader reach it too); its
refusal carries the code ``quote_not_in_body``. This module only presents
that refusal where the editor is working: the body field is marked, and the
top of the page lists each broken quote with two ways out: take the passage
of the new body closest to the old words (``text.closest_passage``), or
remove the quote. The editor's choice is applied to the submitted form as if
they had typed it, and the whole page is validated again; everything else
they typed stays as it was."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .models import Article, Quote, QuoteKind
from .text import closest_passage

REPAIR_PREFIX = "repair-"
UPDATE, REMOVE = "update", "remove"
NOT_IN_BODY = "quote_not_in_body"


@dataclass
class BrokenQuote:
    prefix: str  # the inline row's form prefix, e.g. "quotes-2"
    text: str
    speaker: str
    kind: str
    suggestion: str | None
    choice: str

    @property
    def field(self) -> str:
        return REPAIR_PREFIX + self.prefix


def _is_broken(form) -> bool:
    errors = form.errors.as_data() if form.is_bound else {}
    return any(error.code == NOT_IN_BODY for error in errors.get("text", []))


def _speaker(form) -> str:
    speaker = (
        form.cleaned_data.get("speaker") if hasattr(form, "cleaned_data") else None
    )
    if speaker is not None:
        return speaker.name
    description = (form["source_description"].value() or "").strip()
    return f"{description} (unnamed)" if description else "no speaker chosen"


def _kind_label(value) -> str:
    return value if value in QuoteKind.values else ""


class QuoteRepairMixin:
    """For the article admin: apply the repair choices to the quote
    inline's data, and list the broken quotes when the page comes back."""

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method != "POST" or inline.model is not Quote:
            return kwargs
        data = kwargs["data"]
        repaired = None
        start = f"{REPAIR_PREFIX}{prefix}-"
        for key, choice in request.POST.items():
            if not key.startswith(start) or key.endswith("-text"):
                continue
            row = key[len(REPAIR_PREFIX) :]
            if choice == UPDATE and request.POST.get(f"{key}-text"):
                repaired = repaired or data.copy()
                repaired[f"{row}-text"] = request.POST[f"{key}-text"]
            elif choice == REMOVE:
                repaired = repaired or data.copy()
                repaired[f"{row}-DELETE"] = "on"
        if repaired is not None:
            kwargs["data"] = repaired
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        broken = self._broken_quotes(request, context)
        if broken:
            form = context["adminform"].form
            count = len(broken)
            form.add_error(
                "body",
                ValidationError(
                    f"This body no longer has the words of {count} "
                    f"quote{'s' if count > 1 else ''}: see “Quotes the body no "
                    "longer contains” at the top of the page to update or "
                    "remove them, or edit the body back.",
                    code=NOT_IN_BODY,
                ),
            )
        context["broken_quotes"] = broken
        return super().render_change_form(request, context, add, change, **kwargs)

    def _broken_quotes(self, request, context) -> list[BrokenQuote]:
        if request.method != "POST":
            return []
        quote_formset = next(
            (
                inline.formset
                for inline in context.get("inline_admin_formsets", [])
                if inline.formset.model is Quote
            ),
            None,
        )
        if quote_formset is None:
            return []
        rows = [
            form
            for form in quote_formset.forms
            if form.has_changed() or form.instance.pk is not None
            if _is_broken(form)
        ]
        if not rows:
            return []
        form = context["adminform"].form
        body = form["body"].value() or ""
        article_id = form.instance.pk
        old_body = (
            Article.objects.filter(pk=article_id).values_list("body", flat=True).first()
            if article_id
            else None
        ) or ""
        stored = {
            quote.pk: quote
            for quote in Quote.objects.filter(
                pk__in=[row.instance.pk for row in rows if row.instance.pk]
            )
        }
        broken = []
        for row in rows:
            typed = (row["text"].value() or "").strip()
            old = stored.get(row.instance.pk)
            suggestion = closest_passage(
                body,
                typed,
                old_body=old_body if old is not None else "",
                old_span=(old.start, old.end)
                if old and old.start is not None
                else None,
            )
            broken.append(
                BrokenQuote(
                    prefix=row.prefix,
                    text=typed,
                    speaker=_speaker(row),
                    kind=_kind_label(row["kind"].value()),
                    suggestion=suggestion,
                    choice=request.POST.get(REPAIR_PREFIX + row.prefix, ""),
                )
            )
        return broken
