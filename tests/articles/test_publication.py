"""One definition of "public": a scheduled story, and everything only it
names, becomes visible in every list, detail, registry list, search and the
API cache at the same instant, checked by moving the clock."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import timezone

from articles import selectors, services
from articles.models import Article, ArticleStatus, Quote
from entities import selectors as entity_selectors
from entities import services as entity_services
from entities.models import OrganisationKind

pytestmark = pytest.mark.django_db

API = "/api/v1/"
START = datetime.datetime(2031, 5, 4, 9, 0, tzinfo=datetime.UTC)
# Inside the API cache's lifetime (API_CACHE_SECONDS), so a stored answer
# would still be served if the cache did not know when the story goes public.
GOES_PUBLIC = START + datetime.timedelta(seconds=30)


@pytest.fixture
def scheduled(editor):
    """A story scheduled for GOES_PUBLIC, the only one naming its speaker,
    outlet and agreement; and a public story that names the agreement's
    other party and reports an earlier status."""
    with time_machine.travel(START - datetime.timedelta(days=1), tick=False):
        speaker = entity_services.person_create(name="Vera Scheduled")
        outlet = entity_services.organisation_create(
            name="Scheduled Wire", kind=OrganisationKind.NEWS_AGENCY
        )
        deal = entity_services.agreement_create(title="Scheduled Accord", kind="other")
        article = services.article_create(
            headline="Accord ends at dawn",
            body="“The accord is over,” Vera Scheduled told Scheduled Wire.",
            source=outlet,
            status=ArticleStatus.IN_REVIEW,
        )
        services.quote_create(
            article=article, text="The accord is over", speaker=speaker, outlet=outlet
        )
        services.article_mention_add(article=article, entity=deal)
        entity_services.agreement_status_change_record(
            agreement=deal,
            status="terminated",
            date=datetime.date(2031, 5, 4),
            article=article,
        )
        services.article_transition(
            article=article,
            status=ArticleStatus.PUBLISHED,
            user=editor,
            published_at=GOES_PUBLIC,
        )
    return {"article": article, "speaker": speaker, "outlet": outlet, "deal": deal}


def what_the_public_sees(client: Client, story: dict) -> dict[str, object]:
    """Every place an anonymous client may meet the story or what only it
    names."""
    article, speaker = story["article"], story["speaker"]
    outlet, deal = story["outlet"], story["deal"]
    quote = Quote.objects.get(article=article)

    def listed(url: str, key: str, value) -> bool:
        response = client.get(API + url)
        assert response.status_code == 200, (url, response.content)
        return value in {row[key] for row in response.json()["results"]}

    def found(url: str) -> bool:
        status = client.get(API + url).status_code
        assert status in (200, 404), (url, status)
        return status == 200

    search = client.get(API + "search/", {"q": "accord"}).json()["results"]
    return {
        "articles list": listed("articles/", "slug", article.slug),
        "article detail": found(f"articles/{article.slug}/"),
        "quotes list": listed("quotes/", "id", quote.pk),
        "quote detail": found(f"quotes/{quote.pk}/"),
        "people list": listed("people/", "slug", speaker.slug),
        "person detail": found(f"people/{speaker.slug}/"),
        "person's quotes": found(f"people/{speaker.slug}/quotes/")
        and listed(f"people/{speaker.slug}/quotes/", "id", quote.pk),
        "organisations list": listed("organisations/", "slug", outlet.slug),
        "organisation detail": found(f"organisations/{outlet.slug}/"),
        "agreements list": listed("agreements/", "slug", deal.slug),
        "agreement detail": found(f"agreements/{deal.slug}/"),
        "search": any(hit["type"] == "article" for hit in search),
    }


def what_the_code_says(story: dict) -> dict[str, bool]:
    """The same question asked of the predicate and the selectors."""
    anonymous = AnonymousUser()
    article = Article.objects.get(pk=story["article"].pk)
    return {
        "Article.is_public": article.is_public,
        "Article.objects.published()": Article.objects.published()
        .filter(pk=article.pk)
        .exists(),
        "articles_visible": selectors.articles_visible(user=anonymous)
        .filter(pk=article.pk)
        .exists(),
        "quotes_visible": selectors.quotes_visible(user=anonymous)
        .filter(article=article)
        .exists(),
        "people_visible": entity_selectors.people_visible(user=anonymous)
        .filter(pk=story["speaker"].pk)
        .exists(),
        "organisations_visible": entity_selectors.organisations_visible(user=anonymous)
        .filter(pk=story["outlet"].pk)
        .exists(),
        "agreements_visible": entity_selectors.agreements_visible(user=anonymous)
        .filter(pk=story["deal"].pk)
        .exists(),
        "status_changes_visible": entity_selectors.status_changes_visible(
            user=anonymous
        )
        .filter(agreement=story["deal"])
        .exists(),
    }


class TestScheduledStoryGoesPublicEverywhereAtOnce:
    @pytest.fixture(autouse=True)
    def cached(self, settings):
        settings.API_CACHE_SECONDS = 60

    def test_hidden_until_its_time_then_shown_everywhere(self, scheduled):
        """A second before its time nothing shows it, anywhere; at its time
        everything does, the cached answers included."""
        client = Client()
        with time_machine.travel(START, tick=False):
            before = what_the_public_sees(client, scheduled)
            assert not any(before.values()), before
            assert not any(what_the_code_says(scheduled).values())
            # Asked again: answered from the cache now.
            assert client.get(API + "articles/")["X-Cache"] == "hit"
        just_before = GOES_PUBLIC - datetime.timedelta(microseconds=1)
        with time_machine.travel(just_before, tick=False):
            assert timezone.now() < GOES_PUBLIC
            assert client.get(API + "articles/")["X-Cache"] == "hit"
            assert not any(what_the_public_sees(client, scheduled).values())
            assert not any(what_the_code_says(scheduled).values())
        with time_machine.travel(GOES_PUBLIC, tick=False):
            after = what_the_public_sees(client, scheduled)
            assert all(after.values()), after
            code = what_the_code_says(scheduled)
            assert all(code.values()), code

    def test_the_agreement_status_follows_at_the_same_instant(self, scheduled):
        """The status the story reports is the public status from its time
        on, not before."""
        other = services.article_create(
            headline="An accord is signed",
            body="The accord was signed.",
            status=ArticleStatus.PUBLISHED,
            published_at=START - datetime.timedelta(days=2),
        )
        services.article_mention_add(article=other, entity=scheduled["deal"])
        url = f"{API}agreements/{scheduled['deal'].slug}/"
        client = Client()
        with time_machine.travel(just_before(GOES_PUBLIC), tick=False):
            hidden = client.get(url).json()
            assert hidden["status"] == "proposed"
            assert hidden["status_history"] == []
        with time_machine.travel(GOES_PUBLIC, tick=False):
            shown = client.get(url).json()
            assert shown["status"] == "terminated"
            assert [c["status"] for c in shown["status_history"]] == ["terminated"]


def just_before(moment: datetime.datetime) -> datetime.datetime:
    return moment - datetime.timedelta(microseconds=1)
