"""Stories in the editors' admin: an article page carries its quotes and
mentions, so a whole story can be entered and checked on one screen; "Propose
structure" has the extraction assistant read the body and lists what it finds
for the editor to accept, correct or reject (articles.review)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from newsdesk.core.admin import (
    GuardedHistoryAdmin,
    HiddenFromIndexAdmin,
    VersionedAdmin,
)

from . import services
from .admin_history import ArticleHistoryMixin
from .admin_page import ArticlePageAdmin
from .admin_quotes import QuoteInlineLayout
from .admin_repair import QuoteRepairMixin
from .admin_workflow import WORKFLOW_ACTIONS, WorkflowAdmin
from .highlight import highlight_quotes
from .models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from .review import review_apply, review_build, review_refusal
from .visibility import named_by

QUOTE_TEXT_WIDGET = forms.Textarea(attrs={"rows": 2, "cols": 80})


def _can_edit_parent(request, obj) -> bool:
    return obj is None or services.article_can_edit(article=obj, user=request.user)


class ArticlePartInline:
    """Quotes and mentions follow their article: editable while the user may
    edit the article itself."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _can_edit_parent(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _can_edit_parent(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _can_edit_parent(
            request, obj
        )


class ArticlePartAdmin:
    """A quote or mention on its own admin page follows its article too: it
    is changed or deleted only while the user may edit that article, and
    added or moved only to an article the user may edit."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or _can_edit_parent(request, obj.article)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or _can_edit_parent(request, obj.article)
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        def clean_article(self):
            article = self.cleaned_data.get("article")
            if article is not None and not _can_edit_parent(request, article):
                raise ValidationError(
                    f"“{article}” is {article.get_status_display().lower()}: "
                    "only an editor may change it now.",
                    code="article_locked",
                )
            return article

        return type(form.__name__, (form,), {"clean_article": clean_article})


class QuoteInline(QuoteInlineLayout, ArticlePartInline, admin.StackedInline):
    """A story's quotes on its page; the layout is admin_quotes.py's."""

    model = Quote
    extra = 1
    autocomplete_fields = ["speaker", "organisation", "outlet"]
    formfield_overrides = {models.TextField: {"widget": QUOTE_TEXT_WIDGET}}


class PersonMentionInline(ArticlePartInline, admin.TabularInline):
    model = ArticlePerson
    extra = 0
    autocomplete_fields = ["person"]


class OrganisationMentionInline(ArticlePartInline, admin.TabularInline):
    model = ArticleOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]


class AgreementMentionInline(ArticlePartInline, admin.TabularInline):
    model = ArticleAgreement
    extra = 0
    autocomplete_fields = ["agreement"]


@admin.register(Article)
class ArticleAdmin(
    QuoteRepairMixin,
    ArticleHistoryMixin,
    ArticlePageAdmin,
    WorkflowAdmin,
    VersionedAdmin,
):
    list_display = [
        "headline",
        "status",
        "published_at",
        "source",
        "language",
        "quote_count",
    ]
    list_filter = ["status", "language", ("source", admin.RelatedOnlyFieldListFilter)]
    # The joins are with_related()'s (get_queryset).
    list_select_related = ()
    search_fields = ["headline", "slug", "standfirst"]
    # Stated here because get_queryset() aggregates, and Django drops
    # Meta.ordering from GROUP BY queries: without it the autocomplete is
    # unordered (and pages through results inconsistently).
    ordering = Article._meta.ordering
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["authors", "source"]
    readonly_fields = ["status", "body_with_quotes"]
    # A URL typed without a scheme is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        ("Quotes in the body", {"fields": ["body_with_quotes"]}),
        (
            "Publication",
            {
                "fields": [
                    ("status", "published_at"),
                    "authors",
                    "assignees",
                    ("source", "source_url"),
                    "language",
                ],
                "description": "Status moves with the workflow buttons at the "
                "foot of this page (submit for review, publish, schedule, "
                "unpublish, archive), each saving your changes first, or with "
                "the actions on the article list. A future publication time "
                "keeps a published story hidden until then. Reporters edit "
                "only the drafts they are listed on; others' stories open "
                "read-only for them.",
            },
        ),
    ]
    inlines = [
        QuoteInline,
        PersonMentionInline,
        OrganisationMentionInline,
        AgreementMentionInline,
    ]
    actions = [
        *WORKFLOW_ACTIONS,
        "propose_structure",
    ]

    class Media:
        css = {"all": ["articles/admin.css"]}
        js = ["articles/editor.js"]

    filter_horizontal = ["assignees"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_related()
            .annotate(quote_total=Count("quotes"))
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.has_perm("articles.publish_article"):
            # Editors decide who works on a story (a reporter's new story
            # shows them as its reporter: ArticlePageAdmin.get_form).
            fields.append("assignees")
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "assignees":
            kwargs["queryset"] = db_field.related_model._default_manager.filter(
                is_active=True, is_staff=True
            ).order_by("username")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, obj) -> int:
        return obj.quote_total

    @admin.display(description="body with its quotes")
    def body_with_quotes(self, obj) -> str:
        if obj.pk is None:
            return "Quotes are highlighted here once the article is saved."
        return highlight_quotes(obj.body, obj.quotes.select_related("speaker"))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _can_edit_parent(
            request, obj
        )

    # -- the extraction assistant: propose, review, accept ---------------------

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/propose/",
                transaction.non_atomic_requests(
                    self.admin_site.admin_view(self.propose_view)
                ),
                name=f"{opts.app_label}_{opts.model_name}_propose",
            ),
            *super().get_urls(),
        ]

    def propose_url(self, article, queue=()) -> str:
        opts = self.opts
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_propose",
            args=[article.pk],
            current_app=self.admin_site.name,
        )
        if queue:
            url += "?" + urlencode({"queue": ",".join(str(pk) for pk in queue)})
        return url

    @admin.action(
        description="Propose structure (quotes, people, mentions) for the "
        "selected articles",
        permissions=["change"],
    )
    def propose_structure(self, request, queryset):
        """Review the selected articles' proposals one after the other."""
        editable = []
        for article in queryset.order_by("pk"):
            if services.article_can_edit(article=article, user=request.user):
                editable.append(article)
            else:
                self.message_user(
                    request,
                    f"“{article}” is {article.get_status_display().lower()}: "
                    "only an editor may change it now.",
                    messages.ERROR,
                )
        if not editable:
            return None
        first, *rest = editable
        return HttpResponseRedirect(
            self.propose_url(first, queue=[article.pk for article in rest])
        )

    def _queue(self, request) -> list[int]:
        raw = request.POST.get("queue", request.GET.get("queue", ""))
        return [int(pk) for pk in raw.split(",") if pk.strip().isdigit()]

    def _after_review(self, request, article, queue: list[int]):
        """The next article of the queue that the user may still edit, or
        back to the article's page."""
        for position, pk in enumerate(queue):
            following = self.get_queryset(request).filter(pk=pk).first()
            if following is not None and self.has_change_permission(request, following):
                return HttpResponseRedirect(
                    self.propose_url(following, queue=queue[position + 1 :])
                )
        opts = self.opts
        return HttpResponseRedirect(
            reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[article.pk],
                current_app=self.admin_site.name,
            )
        )

    def propose_view(self, request, object_id):
        """The review screen: the extraction assistant's proposals for one
        article, to accept, edit or reject. Viewing it writes nothing."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        queue = self._queue(request)
        if request.method == "POST" and "_skip" in request.POST:
            return self._after_review(request, article, queue)
        refusal = review_refusal(article)
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return self._after_review(request, article, queue)
        # Runs outside any transaction (the URL is non-atomic): reading the
        # story and working out proposals holds nothing other editors wait
        # for; only saving accepted proposals takes one (proposals_apply).
        data = request.POST if request.method == "POST" else None
        review = review_build(article=article, admin_site=self.admin_site, data=data)
        if review.stale:
            self.message_user(
                request,
                "The story or the registry changed since you opened this page, "
                "so the proposals were worked out again: nothing was saved. "
                "Check them and save again.",
                messages.WARNING,
            )
        elif data is not None:
            applied = review_apply(review=review, user=request.user)
            if applied is not None:
                if applied.summary() == "nothing":
                    message, level = (
                        f"Nothing accepted for “{article}”; nothing changed.",
                        messages.INFO,
                    )
                else:
                    message, level = (
                        f"Added to “{article}”: {applied.summary()}.",
                        messages.SUCCESS,
                    )
                self.message_user(request, message, level)
                return self._after_review(request, article, queue)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Propose structure: {article}",
            "subtitle": None,
            "opts": self.opts,
            "original": article,
            "review": review,
            "queue": ",".join(str(pk) for pk in queue),
            "media": self.media + review.media,
            "has_view_permission": self.has_view_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/propose.html", context)

    def save_model(self, request, obj, form, change):
        version_id = self.reverted_version(request)
        if version_id is not None:
            # A restore brings back content, not workflow state: the status
            # and publication time stay as stored (as in article_restore).
            obj.status, obj.published_at = Article.objects.values_list(
                "status", "published_at"
            ).get(pk=obj.pk)
        # The quote inline has already validated every quote against the new
        # body; quotes are relocated once they are saved (save_related).
        # What the story names before its bylines and mentions are saved
        # (save_related), so that records it stops naming are hidden again.
        obj._named_before = named_by(obj) if change else {}
        services.article_save(
            article=obj,
            relocate_quotes=False,
            expected_version=self.expected_version(request, obj, form),
        )
        if version_id is not None:
            # Restoring a version from the history page brings its quotes back.
            services.article_quotes_restore(article=obj, history_id=version_id)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Quote:
            return super().save_formset(request, form, formset, change)
        quotes = formset.save(commit=False)
        # The quotes' history carries the story's change note too.
        note = getattr(form.instance, "_change_reason", None)
        for quote in formset.deleted_objects:
            quote._change_reason = note
            services.quote_delete(quote=quote)
        for quote in quotes:
            quote._change_reason = note
            services.quote_save(quote=quote)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        # Mentions first: saving a quote records its speaker and organisations
        # as mentioned, so a mention row the editor entered for one of them
        # must already exist (with its "about") or it would be inserted twice.
        formsets = sorted(formsets, key=lambda formset: formset.model is Quote)
        super().save_related(request, form, formsets, change)
        if not change:
            services.article_assignee_add(article=form.instance, user=request.user)
        services.quotes_relocate(article=form.instance)
        services.article_quoted_mentions_ensure(article=form.instance)
        services.article_links_refresh(
            article=form.instance,
            before=getattr(form.instance, "_named_before", {}),
        )

    def delete_model(self, request, obj):
        services.article_delete(article=obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            services.article_delete(article=article)


@admin.register(Quote)
class QuoteAdmin(ArticlePartAdmin, GuardedHistoryAdmin):
    list_display = [
        "short_text",
        "source",
        "kind",
        "organisation",
        "outlet",
        "article",
        "said_on",
    ]
    list_filter = [
        "kind",
        ("speaker", admin.EmptyFieldListFilter),
        ("outlet", admin.RelatedOnlyFieldListFilter),
        ("organisation", admin.RelatedOnlyFieldListFilter),
    ]
    # The joins are with_related()'s (get_queryset).
    list_select_related = ()
    search_fields = [
        "text",
        "speaker__name",
        "speaker__aliases__name",
        "source_description",
        "article__headline",
    ]
    autocomplete_fields = ["article", "speaker", "organisation", "outlet"]
    date_hierarchy = "said_on"
    fields = [
        "article",
        "text",
        ("kind", "cue", "said_on"),
        ("speaker", "source_description"),
        ("organisation", "outlet"),
        ("start", "end"),
    ]
    readonly_fields = ["start", "end"]
    formfield_overrides = QuoteInline.formfield_overrides

    @admin.display(description="speaker", ordering="speaker__name")
    def source(self, obj) -> str:
        """The speaker, or an unnamed source's description marked as such."""
        if obj.speaker_id:
            return obj.speaker.name
        return f"{obj.source_description} (unnamed)"

    @admin.display(description="quote", ordering="text")
    def short_text(self, obj) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "…"

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()

    def save_model(self, request, obj, form, change):
        services.quote_save(quote=obj)

    def delete_model(self, request, obj):
        services.quote_delete(quote=obj)

    def delete_queryset(self, request, queryset):
        for quote in queryset:
            services.quote_delete(quote=quote)


class MentionAdmin(ArticlePartAdmin, HiddenFromIndexAdmin):
    """A mention on its own page: saved and deleted through the services, so
    the record it names is made public or hidden again."""

    def save_model(self, request, obj, form, change):
        services.article_mention_save(mention=obj)

    def delete_model(self, request, obj):
        services.article_mention_delete(mention=obj)

    def delete_queryset(self, request, queryset):
        for mention in queryset:
            services.article_mention_delete(mention=mention)


@admin.register(ArticlePerson)
class ArticlePersonAdmin(MentionAdmin):
    list_display = ["person", "article", "about"]
    list_select_related = ["person", "article"]
    search_fields = ["person__name", "article__headline"]
    autocomplete_fields = ["person", "article"]


@admin.register(ArticleOrganisation)
class ArticleOrganisationAdmin(MentionAdmin):
    list_display = ["organisation", "article", "about"]
    list_select_related = ["organisation", "article"]
    search_fields = ["organisation__name", "article__headline"]
    autocomplete_fields = ["organisation", "article"]


@admin.register(ArticleAgreement)
class ArticleAgreementAdmin(MentionAdmin):
    list_display = ["agreement", "article", "about"]
    list_select_related = ["agreement", "article"]
    search_fields = ["agreement__title", "article__headline"]
    autocomplete_fields = ["agreement", "article"]
