"""Registry hygiene in the admin: a warning before a likely duplicate is
created, and merging two records into one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from newsdesk.core.admin import VersionedForm


class DuplicateWarningForm(VersionedForm):
    """On the add page, a name that matches an existing record's name or
    alias is refused once with links to the matches; ticking
    ``not_a_duplicate`` saves it anyway."""

    not_a_duplicate = forms.BooleanField(
        required=False,
        label="Not a duplicate",
        help_text="Tick to save although the name matches an existing record.",
    )

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("name")
        if (
            self.instance.pk is None
            and name
            and not cleaned_data.get("not_a_duplicate")
        ):
            model = self._meta.model
            matches = list(
                model.objects.filter(
                    Q(name__iexact=name.strip()) | Q(aliases__name__iexact=name.strip())
                ).distinct()[:5]
            )
            if matches:
                links = format_html_join(
                    ", ",
                    '<a href="{}" target="_blank">{}</a>',
                    (
                        (
                            reverse(
                                f"admin:{model._meta.app_label}_"
                                f"{model._meta.model_name}_change",
                                args=[match.pk],
                            ),
                            match.name,
                        )
                        for match in matches
                    ),
                )
                self.add_error(
                    "name",
                    ValidationError(
                        format_html(
                            "Possible duplicate of {}. Open it to check; if this "
                            "is someone else, tick “Not a duplicate” and save again.",
                            links,
                        ),
                        code="possible_duplicate",
                    ),
                )
        return cleaned_data


class MergeActionMixin:
    """An admin action merging two selected records, through a page on which
    the editor chooses which to keep."""

    merge_service = None  # set by the ModelAdmin: survivor=, duplicate=, user=

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None and "not_a_duplicate" not in fieldsets[0][1]["fields"]:
            fieldsets[0][1]["fields"].insert(1, "not_a_duplicate")
        return fieldsets

    def merge_selected(self, request, queryset):
        records = list(
            queryset.annotate(quote_total=Count("quotes", distinct=True))
            .prefetch_related("aliases")
            .order_by("-quote_total", "pk")
        )
        if len(records) != 2:
            self.message_user(
                request, "Select exactly two records to merge.", messages.ERROR
            )
            return None
        if request.POST.get("confirm") == "yes":
            survivor_id = request.POST.get("survivor")
            chosen = [r for r in records if str(r.pk) == survivor_id]
            if not chosen:
                self.message_user(request, "Choose the record to keep.", messages.ERROR)
                return None
            survivor = chosen[0]
            duplicate = next(r for r in records if r.pk != survivor.pk)
            try:
                record = type(self).merge_service(
                    survivor=type(survivor).objects.get(pk=survivor.pk),
                    duplicate=type(duplicate).objects.get(pk=duplicate.pk),
                    user=request.user,
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            self.message_user(
                request,
                f"Merged {record.old_name} into {survivor.name} ({record.summary}).",
                messages.SUCCESS,
            )
            return None
        for record in records:
            record.alias_names = [alias.name for alias in record.aliases.all()]
        return TemplateResponse(
            request,
            "admin/entities/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Merge two {self.opts.verbose_name_plural}",
                "opts": self.opts,
                "records": records,
                "action": "merge_selected",
            },
        )

    merge_selected.short_description = "Merge the two selected records"
    merge_selected.allowed_permissions = ("delete",)
