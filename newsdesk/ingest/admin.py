"""Wire copy in the admin: every ingested story with where it came from and
what the extraction assistant proposed, linked to its review screen."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import IngestedStory, ProposalStatus


@admin.register(IngestedStory)
class IngestedStoryAdmin(admin.ModelAdmin):
    list_display = ["headline", "feed_title", "status", "proposed", "last_seen"]
    list_filter = ["proposal_status", "format", "feed_title"]
    list_select_related = ["article"]
    search_fields = ["guid", "article__headline", "feed"]
    readonly_fields = [
        "article_link",
        "guid",
        "feed",
        "feed_title",
        "format",
        "byline",
        "source_version",
        "article_version",
        "first_seen",
        "last_seen",
        "proposed",
        "proposal_error",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="headline", ordering="article__headline")
    def headline(self, story):
        return story.article.headline

    @admin.display(description="article")
    def article_link(self, story):
        url = reverse("admin:articles_article_change", args=[story.article_id])
        return format_html('<a href="{}">{}</a>', url, story.article.headline)

    @admin.display(description="status", ordering="article__status")
    def status(self, story):
        return story.article.get_status_display()

    @admin.display(description="proposals")
    def proposed(self, story):
        """“12 quotes proposed”, linking to the review screen."""
        if story.proposal_status != ProposalStatus.READY:
            return story.proposals_summary
        url = reverse("admin:articles_article_propose", args=[story.article_id])
        return format_html('<a href="{}">{} — review</a>', url, story.proposals_summary)
