"""Registry hygiene in the admin: a warning before a likely duplicate is
created, and merging two records into one."""

from __future__ import annotations

import copy

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from newsdesk.core.admin import VersionedForm

from .duplicates import PossibleDuplicate, duplicate_check, unique_slug


def change_link(record) -> str:
    meta = record._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    return format_html('<a href="{}" target="_blank">{}</a>', url, record)


#: What editors call a record's slug.
WEB_ADDRESS_LABEL = "Web address"
WEB_ADDRESS_HELP = (
    "The last part of this record's address on the site and in the API, e.g. "
    "charles-bolden. Leave it empty and Newsdesk makes one from the name, "
    "numbered if another record has it already."
)


class WebAddressFormMixin:
    """The slug as editors know it: the record's web address, made from the
    name when left empty (the services make it unique, "john-smith-2"); one
    typed that another record has is refused with a link to that record."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("slug")
        if field is not None:
            field.label = WEB_ADDRESS_LABEL
            field.help_text = WEB_ADDRESS_HELP
            field.error_messages["invalid"] = (
                "Use only letters, digits, hyphens and underscores in the web "
                "address, or leave it empty."
            )

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug"):
            source = self._meta.model.slug_source_field
            if cleaned_data.get(source):
                candidate = copy.copy(self.instance)
                setattr(candidate, source, cleaned_data[source])
                cleaned_data["slug"] = unique_slug(candidate)
                # The services number it again should another record take it
                # before this one is saved.
                self.instance._slug_derived = True
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        errors = self._errors.get("slug") if self._errors else None
        # A refused field leaves cleaned_data; the instance still has it.
        slug = getattr(self.instance, "slug", "")
        if not errors or not slug:
            return
        taken = (
            self._meta.model._base_manager.filter(slug=slug)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if taken is not None:
            self._errors["slug"] = self.error_class(
                [
                    format_html(
                        "{} already has this web address. Choose another, or "
                        "leave it empty to have one made from the name.",
                        change_link(taken),
                    )
                ]
            )


class WebAddressForm(WebAddressFormMixin, VersionedForm):
    """An agreement's form: its web address in the editors' words."""


class DuplicateWarningForm(WebAddressFormMixin, VersionedForm):
    """A name that is likely an existing record's (its name or an alias,
    case, spacing, punctuation and accents aside) is refused with links to
    the matches until ``not_a_duplicate`` is ticked. The check is the
    services' (entities/duplicates.py), which the API's writes pass too."""

    not_a_duplicate = forms.BooleanField(
        required=False,
        label="Not a duplicate",
        help_text="Tick to save although the name matches an existing record.",
    )

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("name")
        if not name:
            return cleaned_data
        candidate = copy.copy(self.instance)
        candidate.name = name
        try:
            duplicate_check(
                candidate, not_a_duplicate=bool(cleaned_data.get("not_a_duplicate"))
            )
        except PossibleDuplicate as duplicate:
            noun = self._meta.model._meta.verbose_name
            links = format_html_join(
                ", ", "{}", ((change_link(match),) for match in duplicate.matches)
            )
            self.add_error(
                "name",
                ValidationError(
                    format_html(
                        "Possible duplicate of {}. Open it to check; if this is "
                        "another {}, tick “Not a duplicate” and save again.",
                        links,
                        noun,
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
        # On the change page too: renaming a record to another's name asks
        # the same question.
        if "not_a_duplicate" not in fieldsets[0][1]["fields"]:
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
