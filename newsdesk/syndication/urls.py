"""``/feeds/``: Atom (and, under ``rss/``, RSS 2.0) feeds of stories and
quotes, each answering conditional GETs."""

from django.urls import path
from django.views.decorators.http import condition

from . import feeds


def _view(feed_class):
    feed = feed_class()
    return condition(last_modified_func=feed.last_modified)(feed)


def _both(route: str, feed_class, name: str) -> list:
    return [
        path(route, _view(feed_class), name=name),
        path(f"{route}rss/", _view(feeds.rss(feed_class)), name=f"{name}-rss"),
    ]


urlpatterns = [
    *_both("stories/", feeds.StoriesFeed, "feed-stories"),
    *_both("quotes/", feeds.SearchQuotesFeed, "feed-quotes-search"),
    *_both("people/<slug:slug>/quotes/", feeds.PersonQuotesFeed, "feed-person-quotes"),
    *_both(
        "organisations/<slug:slug>/quotes/",
        feeds.OrganisationQuotesFeed,
        "feed-organisation-quotes",
    ),
    *_both(
        "agreements/<slug:slug>/quotes/",
        feeds.AgreementQuotesFeed,
        "feed-agreement-quotes",
    ),
]
