"""Stories in the editors' admin: an article page carries its quotes and
mentions, so a whole story can be entered and checked on one screen."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from entities.admin import HiddenFromIndexAdmin

from . import services
from .models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)

QUOTE_TEXT_WIDGET = forms.Textarea(attrs={"rows": 2, "cols": 80})


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 1
    autocomplete_fields = ["speaker", "organisation", "outlet"]
    fields = [
        "text",
        ("kind", "cue", "said_on"),
        ("speaker", "organisation", "outlet"),
        "location",
    ]
    readonly_fields = ["location"]
    formfield_overrides = {models.TextField: {"widget": QUOTE_TEXT_WIDGET}}

    @admin.display(description="position in body")
    def location(self, obj) -> str:
        if obj.start is None:
            return "not located (indirect quote in other words)" if obj.pk else "—"
        return f"characters {obj.start}–{obj.end}"


class PersonMentionInline(admin.TabularInline):
    model = ArticlePerson
    extra = 0
    autocomplete_fields = ["person"]


class OrganisationMentionInline(admin.TabularInline):
    model = ArticleOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]


class AgreementMentionInline(admin.TabularInline):
    model = ArticleAgreement
    extra = 0
    autocomplete_fields = ["agreement"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = [
        "headline",
        "status",
        "published_at",
        "source",
        "language",
        "quote_count",
    ]
    list_filter = ["status", "language", ("source", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["source"]
    search_fields = ["headline", "slug", "standfirst"]
    # Stated here because get_queryset() aggregates, and Django drops
    # Meta.ordering from GROUP BY queries: without it the autocomplete is
    # unordered (and pages through results inconsistently).
    ordering = Article._meta.ordering
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["authors", "source"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        (
            "Publication",
            {
                "fields": [
                    ("status", "published_at"),
                    "authors",
                    ("source", "source_url"),
                    "language",
                ]
            },
        ),
    ]
    inlines = [
        QuoteInline,
        PersonMentionInline,
        OrganisationMentionInline,
        AgreementMentionInline,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_total=Count("quotes"))

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, obj) -> int:
        return obj.quote_total

    def save_model(self, request, obj, form, change):
        # The quote inline has already validated every quote against the new
        # body; quotes are relocated once they are saved (save_related).
        services.article_save(article=obj, relocate_quotes=False)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Quote:
            return super().save_formset(request, form, formset, change)
        quotes = formset.save(commit=False)
        for quote in formset.deleted_objects:
            quote.delete()
        for quote in quotes:
            services.quote_save(quote=quote)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        # Mentions first: saving a quote records its speaker and organisations
        # as mentioned, so a mention row the editor entered for one of them
        # must already exist (with its "about") or it would be inserted twice.
        formsets = sorted(formsets, key=lambda formset: formset.model is Quote)
        super().save_related(request, form, formsets, change)
        services.quotes_relocate(article=form.instance)
        services.article_quoted_mentions_ensure(article=form.instance)


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    list_display = [
        "short_text",
        "speaker",
        "kind",
        "organisation",
        "outlet",
        "article",
        "said_on",
    ]
    list_filter = [
        "kind",
        ("outlet", admin.RelatedOnlyFieldListFilter),
        ("organisation", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["speaker", "organisation", "outlet", "article"]
    search_fields = [
        "text",
        "speaker__name",
        "speaker__aliases__name",
        "article__headline",
    ]
    autocomplete_fields = ["article", "speaker", "organisation", "outlet"]
    date_hierarchy = "said_on"
    fields = [
        "article",
        "text",
        ("kind", "cue", "said_on"),
        ("speaker", "organisation", "outlet"),
        ("start", "end"),
    ]
    readonly_fields = ["start", "end"]
    formfield_overrides = QuoteInline.formfield_overrides

    @admin.display(description="quote", ordering="text")
    def short_text(self, obj) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "…"

    def save_model(self, request, obj, form, change):
        services.quote_save(quote=obj)


@admin.register(ArticlePerson)
class ArticlePersonAdmin(HiddenFromIndexAdmin):
    list_display = ["person", "article", "about"]
    list_select_related = ["person", "article"]
    search_fields = ["person__name", "article__headline"]
    autocomplete_fields = ["person", "article"]


@admin.register(ArticleOrganisation)
class ArticleOrganisationAdmin(HiddenFromIndexAdmin):
    list_display = ["organisation", "article", "about"]
    list_select_related = ["organisation", "article"]
    search_fields = ["organisation__name", "article__headline"]
    autocomplete_fields = ["organisation", "article"]


@admin.register(ArticleAgreement)
class ArticleAgreementAdmin(HiddenFromIndexAdmin):
    list_display = ["agreement", "article", "about"]
    list_select_related = ["agreement", "article"]
    search_fields = ["agreement__title", "article__headline"]
    autocomplete_fields = ["agreement", "article"]
