"""The registry in the editors' admin: people, organisations, their roles and
aliases, and agreements with their parties and status history."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html

from newsdesk.core.admin import (
    GuardedHistoryAdmin,
    HiddenFromIndexAdmin,
    VersionedAdmin,
)

from . import services
from .admin_registry import DuplicateWarningForm, MergeActionMixin, WebAddressForm
from .admin_review import ReviewedChangeAdminMixin
from .models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    MergeRecord,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)


def wikidata_link(obj) -> str:
    if not obj.wikidata_id:
        return "—"
    return format_html(
        '<a href="https://www.wikidata.org/wiki/{0}" rel="noopener">{0}</a>',
        obj.wikidata_id,
    )


wikidata_link.short_description = "Wikidata"


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    verbose_name = "alias"
    verbose_name_plural = "aliases (other spellings and partial names)"


class PersonRoleInline(admin.TabularInline):
    model = Role
    fk_name = "person"
    extra = 1
    autocomplete_fields = ["organisation"]
    fields = ["title", "organisation", "start_date", "end_date"]


class OrganisationRoleInline(admin.TabularInline):
    model = Role
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "title", "start_date", "end_date"]
    verbose_name_plural = "people holding roles here"


@admin.register(Person)
class PersonAdmin(ReviewedChangeAdminMixin, MergeActionMixin, VersionedAdmin):
    form = DuplicateWarningForm
    merge_service = services.person_merge
    actions = ["merge_selected"]
    list_display = ["name", "description", "alias_list", "quote_count", wikidata_link]
    search_fields = ["name", "aliases__name", "slug", "wikidata_id"]
    # Stated here because get_queryset() aggregates, and Django drops
    # Meta.ordering from GROUP BY queries: without it the autocomplete is
    # unordered (and pages through results inconsistently).
    ordering = Person._meta.ordering
    list_filter = [("roles__organisation", admin.RelatedOnlyFieldListFilter)]
    fields = ["name", "slug", "description", "wikidata_id"]
    inlines = [PersonAliasInline, PersonRoleInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_related()
            .annotate(quote_total=Count("quotes", distinct=True))
        )

    @admin.display(description="aliases")
    def alias_list(self, obj) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all()) or "—"

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, obj) -> int:
        return obj.quote_total

    def save_model(self, request, obj, form, change):
        if self.hold_for_review(request, obj, form, change):
            return
        services.person_save(
            person=obj,
            not_a_duplicate=bool(form.cleaned_data.get("not_a_duplicate")),
            expected_version=self.expected_version(request, obj, form),
        )


class OrganisationAliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1
    verbose_name = "alias"
    verbose_name_plural = "aliases and abbreviations"


@admin.register(Organisation)
class OrganisationAdmin(ReviewedChangeAdminMixin, MergeActionMixin, VersionedAdmin):
    form = DuplicateWarningForm
    merge_service = services.organisation_merge
    actions = ["merge_selected"]
    list_display = ["name", "kind", "country", "parent", "alias_list", wikidata_link]
    list_filter = ["kind", "country"]
    # The joins are with_related()'s (get_queryset).
    list_select_related = ()
    search_fields = ["name", "aliases__name", "slug", "wikidata_id"]
    autocomplete_fields = ["parent"]
    fields = [
        "name",
        "slug",
        "kind",
        "country",
        "parent",
        "description",
        "wikidata_id",
    ]
    inlines = [OrganisationAliasInline, OrganisationRoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()

    @admin.display(description="aliases")
    def alias_list(self, obj) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all()) or "—"

    def save_model(self, request, obj, form, change):
        if self.hold_for_review(request, obj, form, change):
            return
        services.organisation_save(
            organisation=obj,
            not_a_duplicate=bool(form.cleaned_data.get("not_a_duplicate")),
            expected_version=self.expected_version(request, obj, form),
        )


@admin.register(Role)
class RoleAdmin(GuardedHistoryAdmin):
    list_display = ["person", "title", "organisation", "start_date", "end_date"]
    list_filter = [
        "organisation__kind",
        ("organisation", admin.RelatedOnlyFieldListFilter),
    ]
    # The joins are with_related()'s (get_queryset).
    list_select_related = ()
    search_fields = [
        "person__name",
        "person__aliases__name",
        "title",
        "organisation__name",
    ]
    autocomplete_fields = ["person", "organisation"]
    date_hierarchy = "start_date"

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()

    def save_model(self, request, obj, form, change):
        services.validated_save(obj)


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 1
    autocomplete_fields = ["organisation"]


class AgreementStatusChangeInline(admin.TabularInline):
    model = AgreementStatusChange
    extra = 1
    autocomplete_fields = ["party", "article"]
    fields = ["date", "status", "party", "article", "note"]
    verbose_name_plural = "status history (the latest sets the current status)"


@admin.register(Agreement)
class AgreementAdmin(VersionedAdmin):
    form = WebAddressForm
    list_display = ["title", "kind", "status", "signed_on", "party_list"]
    list_filter = [
        "kind",
        "status",
        ("parties__organisation", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "slug", "scope", "summary", "parties__organisation__name"]
    date_hierarchy = "signed_on"
    fields = [
        "title",
        "slug",
        "kind",
        ("signed_on", "signed_precision"),
        "status",
        "scope",
        "summary",
        "wikidata_id",
    ]
    inlines = [AgreementPartyInline, AgreementStatusChangeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()

    def _latest_change(self, obj):
        if obj is None or obj.pk is None:
            return None
        return obj.status_changes.order_by("-date", "-id").first()

    def get_fields(self, request, obj=None):
        """An agreement with a status history shows its status as derived
        from it, read-only: an input there would be overwritten on save."""
        fields = list(super().get_fields(request, obj))
        if self._latest_change(obj) is not None:
            fields = ["status_from_history" if f == "status" else f for f in fields]
        return fields

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._latest_change(obj) is not None:
            readonly.append("status_from_history")
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "status" in form.base_fields:
            form.base_fields["status"].help_text = (
                "The current status while no status change is recorded below. "
                "Once one is, the latest change sets it and it shows here "
                "read-only."
            )
        return form

    @admin.display(description="status")
    def status_from_history(self, obj) -> str:
        latest = self._latest_change(obj)
        return format_html(
            '<strong>{}</strong><br><span class="help">Set by the status '
            "history below: its latest change ({}, {}). To change the "
            "status, record a new status change.</span>",
            obj.get_status_display(),
            latest.get_status_display(),
            f"{latest.date:%Y-%m-%d}",
        )

    @admin.display(description="parties")
    def party_list(self, obj) -> str:
        return ", ".join(p.organisation.name for p in obj.parties.all()) or "—"

    def save_model(self, request, obj, form, change):
        # The parties before the inline forms are saved (save_related), so
        # that an organisation no longer a party is hidden again.
        obj._parties_before = (
            set(obj.parties.values_list("organisation_id", flat=True))
            if change
            else set()
        )
        services.agreement_save(
            agreement=obj, expected_version=self.expected_version(request, obj, form)
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        typed = form.cleaned_data.get("status")
        services.agreement_status_sync(agreement=form.instance)
        if typed and typed != form.instance.status:
            # A status typed beside a first status change: say which won.
            self.message_user(
                request,
                f"The status is {form.instance.get_status_display()}, as set by "
                "the latest status change, not the one entered above.",
                messages.WARNING,
            )
        services.agreement_links_refresh(
            agreement=form.instance,
            former_parties=getattr(form.instance, "_parties_before", set()),
        )

    def delete_model(self, request, obj):
        services.agreement_delete(agreement=obj)

    def delete_queryset(self, request, queryset):
        for agreement in queryset:
            services.agreement_delete(agreement=agreement)


@admin.register(AgreementStatusChange)
class AgreementStatusChangeAdmin(GuardedHistoryAdmin):
    list_display = ["agreement", "status", "date", "party", "article"]
    list_filter = ["status"]
    list_select_related = ["agreement", "party", "article"]
    search_fields = ["agreement__title", "note", "article__headline"]
    autocomplete_fields = ["agreement", "party", "article"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        services.agreement_status_change_save(change=obj)

    def delete_model(self, request, obj):
        services.agreement_status_change_delete(change=obj)

    def delete_queryset(self, request, queryset):
        for change in queryset:
            services.agreement_status_change_delete(change=change)


@admin.register(PersonAlias)
class PersonAliasAdmin(HiddenFromIndexAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(OrganisationAlias)
class OrganisationAliasAdmin(HiddenFromIndexAdmin):
    list_display = ["name", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(AgreementParty)
class AgreementPartyAdmin(HiddenFromIndexAdmin):
    list_display = ["agreement", "organisation", "role"]
    list_select_related = ["agreement", "organisation"]
    list_filter = ["role"]
    search_fields = ["agreement__title", "organisation__name"]
    autocomplete_fields = ["agreement", "organisation"]

    def save_model(self, request, obj, form, change):
        services.agreement_party_save(party=obj)

    def delete_model(self, request, obj):
        services.agreement_party_delete(party=obj)

    def delete_queryset(self, request, queryset):
        for party in queryset:
            services.agreement_party_delete(party=party)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    """The trace of every merge: read-only."""

    list_display = ["old_name", "kind", "survivor", "merged_at", "merged_by", "summary"]
    list_filter = ["kind"]
    search_fields = [
        "old_name",
        "old_slug",
        "survivor_person__name",
        "survivor_organisation__name",
    ]
    list_select_related = ["survivor_person", "survivor_organisation", "merged_by"]
    date_hierarchy = "merged_at"

    @admin.display(description="merged into")
    def survivor(self, obj):
        return obj.survivor_person or obj.survivor_organisation

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
