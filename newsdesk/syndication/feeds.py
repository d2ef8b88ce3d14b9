"""Atom and RSS feeds of published stories and of quotes, with Django's
syndication framework (https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/).

Feeds are public: whoever asks, they show what an anonymous API client
sees — ``Article.objects.published()``, ``Quote.objects.public()`` and the
registry selectors — so a draft never appears and a scheduled story appears
at its time. Each feed answers conditional GETs: ``Last-Modified`` is the
latest change or publication among its items (so a scheduled story that
comes out moves it on), and the ``ETag`` that Django's conditional GET
middleware puts on every response covers what changed otherwise (a story
withdrawn).

Every item links to its resource in the API, the same URL as its id.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.db.models.functions import Greatest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.models import Article, Quote
from entities import selectors as entity_selectors
from newsdesk import fulltext

ITEMS = 50
ANONYMOUS = AnonymousUser()


def _short(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


class _Conditional:
    """``Last-Modified`` of the feed: the latest of ``modified_fields``
    among all its items (not only the page shown)."""

    modified_fields: tuple[str, ...] = ()

    def all_items(self, obj):
        raise NotImplementedError

    def last_modified(self, request, *args, **kwargs):
        obj = self.get_object(request, *args, **kwargs)
        found = self.all_items(obj).aggregate(
            latest=Max(Greatest(*self.modified_fields))
        )
        return found["latest"]

    def get_object(self, request, *args, **kwargs):
        return None


# --------------------------------------------------------------------------
# Stories


class StoriesFeed(_Conditional, Feed):
    """Published stories, newest first; ``?q=`` keeps those matching a
    full-text search."""

    feed_type = Atom1Feed
    modified_fields = ("updated_at", "published_at")

    def get_object(self, request, *args, **kwargs):
        return request.GET.get("q", "").strip()

    def title(self, q):
        return f"Newsdesk: stories matching “{q}”" if q else "Newsdesk: latest stories"

    def subtitle(self, q):
        return "Published stories, newest first."

    description = subtitle

    def link(self, q):
        return reverse("article-list")

    def all_items(self, q):
        articles = Article.objects.published()
        return fulltext.articles_matching(articles, q) if q else articles

    def items(self, q):
        return (
            self.all_items(q)
            .select_related("source")
            .prefetch_related("authors")
            .defer("body")
            .order_by("-published_at", "-id")[:ITEMS]
        )

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.standfirst or article.headline

    def item_link(self, article):
        return reverse("article-detail", args=[article.slug])

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return max(article.updated_at, article.published_at)

    def item_author_name(self, article):
        return ", ".join(person.name for person in article.authors.all()) or None

    def item_categories(self, article):
        return [article.source.name] if article.source else []


# --------------------------------------------------------------------------
# Quotes


class _QuotesFeed(_Conditional, Feed):
    feed_type = Atom1Feed
    modified_fields = ("updated_at", "public_from", "article__updated_at")

    def quotes(self, obj):
        raise NotImplementedError

    def all_items(self, obj):
        return self.quotes(obj).public()

    def items(self, obj):
        return (
            self.all_items(obj)
            .with_related()
            .defer("article__body")
            .order_by("-public_from", "-id")[:ITEMS]
        )

    def item_title(self, quote):
        return f"{quote.speaker.name}: “{_short(quote.text)}”"

    def item_description(self, quote):
        said = f"{quote.speaker.name}"
        if quote.organisation:
            said += f" ({quote.organisation.name})"
        if quote.outlet:
            said += f", to {quote.outlet.name}"
        return f"“{quote.text}” — {said}, in “{quote.article.headline}”."

    def item_link(self, quote):
        return reverse("quote-detail", args=[quote.pk])

    def item_pubdate(self, quote):
        return quote.public_from

    def item_updateddate(self, quote):
        return max(quote.updated_at, quote.public_from, quote.article.updated_at)

    def item_author_name(self, quote):
        return quote.speaker.name

    def item_categories(self, quote):
        return [quote.get_kind_display().split(" — ")[0]]


class PersonQuotesFeed(_QuotesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(
            entity_selectors.people_visible(user=ANONYMOUS), slug=slug
        )

    def title(self, person):
        return f"Newsdesk: quotes of {person.name}"

    def subtitle(self, person):
        return f"Everything {person.name} is quoted as saying, newest first."

    description = subtitle

    def link(self, person):
        return reverse("person-quotes", args=[person.slug])

    def quotes(self, person):
        return Quote.objects.filter(speaker=person)


class OrganisationQuotesFeed(_QuotesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(
            entity_selectors.organisations_visible(user=ANONYMOUS), slug=slug
        )

    def title(self, organisation):
        return f"Newsdesk: quotes for {organisation.name}"

    def subtitle(self, organisation):
        return (
            f"Quotes of people speaking for {organisation.name} or its "
            "sub-organisations, newest first."
        )

    description = subtitle

    def link(self, organisation):
        return reverse("organisation-quotes", args=[organisation.slug])

    def quotes(self, organisation):
        return Quote.objects.filter(
            organisation__in=entity_selectors.organisations_below([organisation])
        )


class AgreementQuotesFeed(_QuotesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(
            entity_selectors.agreements_visible(user=ANONYMOUS), slug=slug
        )

    def title(self, agreement):
        return f"Newsdesk: quotes on {agreement.title}"

    def subtitle(self, agreement):
        return f"Quotes in stories that mention {agreement.title}, newest first."

    description = subtitle

    def link(self, agreement):
        return reverse("agreement-detail", args=[agreement.slug])

    def quotes(self, agreement):
        return Quote.objects.filter(
            article__in=Article.objects.filter(
                articleagreement__agreement=agreement
            ).values("pk")
        )


class SearchQuotesFeed(_QuotesFeed):
    """``?q=``: quotes whose words match a full-text search."""

    def get_object(self, request):
        return request.GET.get("q", "").strip()

    def title(self, q):
        return f"Newsdesk: quotes matching “{q}”"

    def subtitle(self, q):
        return f"Quotes whose words match “{q}”, newest first."

    description = subtitle

    def link(self, q):
        return reverse("quote-list") + (f"?q={q}" if q else "")

    def quotes(self, q):
        return fulltext.quote_text_matching(Quote.objects.all(), q)


def rss(feed_class):
    """The RSS 2.0 twin of an Atom feed class."""
    return type(
        f"{feed_class.__name__}Rss", (feed_class,), {"feed_type": Rss201rev2Feed}
    )
