"""The article page as an editor writes on it: room for a whole story, live
word and character counts with the limits shown before they bite
(articles/static/articles/editor.js), the writer as the new story's
reporter, and the preview a reader would see."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse

from entities.models import Person

#: The submit button that saves the page and opens its preview.
PREVIEW_BUTTON = "_savepreview"


def preview_url(article) -> str:
    return reverse("story-preview", args=[article.pk])


def default_author(user) -> Person | None:
    """The registry's person for ``user``: the one person whose name or alias
    is the account's full name, if there is exactly one."""
    full_name = user.get_full_name().strip()
    if not full_name:
        return None
    people = list(
        Person.objects.filter(
            Q(name__iexact=full_name) | Q(aliases__name__iexact=full_name)
        )
        .distinct()
        .order_by("pk")[:2]
    )
    return people[0] if len(people) == 1 else None


class ArticlePageAdmin:
    def get_form(self, request, obj=None, **kwargs):
        kwargs.setdefault(
            "widgets",
            {
                "body": forms.Textarea(
                    attrs={"rows": 30, "class": "story-body", "data-count": "body"}
                ),
                "standfirst": forms.Textarea(
                    attrs={"rows": 3, "class": "story-standfirst", "data-count": "1"}
                ),
            },
        )
        form = super().get_form(request, obj, **kwargs)
        headline = form.base_fields.get("headline")
        if headline is not None:
            # The browser's maxlength would cut a pasted headline without a
            # word; the counter warns instead and the server refuses a long
            # one with the field's own error, the text kept.
            attrs = headline.widget.attrs
            attrs.pop("maxlength", None)
            attrs.update({"data-max-length": headline.max_length, "data-count": "1"})
            attrs["class"] = f"{attrs.get('class', '')} story-headline".strip()
        assignees = form.base_fields.get("assignees")
        if (
            obj is None
            and assignees is not None
            and not request.user.has_perm("articles.publish_article")
        ):
            # A reporter's new story: they are its reporter, shown ticked and
            # fixed (a disabled field keeps its initial value, whatever is
            # posted); editors decide who else works on it.
            assignees.queryset = assignees.queryset.filter(pk=request.user.pk)
            assignees.widget = forms.CheckboxSelectMultiple()
            assignees.disabled = True
            assignees.help_text = (
                "You, as the writer: you may edit the story while it is a draft."
            )
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        # Whoever writes a story is one of its reporters (and its byline,
        # when the registry knows them by their account's full name).
        initial.setdefault("assignees", [request.user.pk])
        author = default_author(request.user)
        if author is not None:
            initial.setdefault("authors", [author.pk])
        return initial

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["preview_url"] = preview_url(obj) if obj is not None else ""
        context["preview_button"] = PREVIEW_BUTTON
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self._to_preview(request, obj) or response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        return self._to_preview(request, obj) or response

    def _to_preview(self, request, obj):
        if PREVIEW_BUTTON in request.POST:
            return HttpResponseRedirect(preview_url(obj))
        return None
