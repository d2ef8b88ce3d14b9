"""HTTP caching of the API: anonymous reads come from the cache until anything
they show changes (newsdesk/cache.py)."""

from __future__ import annotations

import datetime
import io
import socket
import time

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from articles import services as article_services
from articles.models import Article, ArticleStatus, Quote
from entities import services as entity_services
from newsdesk import cache as api_cache
from tests.conftest import require
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# A database of its own, emptied by the test: never the one a developer uses.
REDIS_TEST_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/13"


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def token(editor):
    return Token.objects.create(user=editor).key


@pytest.fixture
def story():
    """A published story with a direct quote."""
    article = ArticleFactory(headline="The bridge opens", slug="bridge-opens")
    QuoteFactory(article=article, speaker=PersonFactory(name="Ana Ionescu"))
    return article


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def get_twice(client, url: str, **headers):
    """Two identical requests: the first fills the cache, the second is
    answered from it."""
    first = client.get(url, headers=headers)
    second = client.get(url, headers=headers)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    return second


class TestAnonymousReads:
    def test_second_request_is_a_hit_and_identical(self, anonymous, story):
        """The same list twice: the second answer comes from the cache,
        byte for byte and header for header."""
        first = anonymous.get(f"{API}/articles/")
        second = anonymous.get(f"{API}/articles/")
        assert first.status_code == second.status_code == 200
        assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
        assert second.content == first.content
        for header in ("ETag", "Content-Type", "Vary", "Cache-Control"):
            assert second[header] == first[header]
        assert slugs(second) == ["bridge-opens"]

    def test_a_hit_runs_no_query(self, anonymous, story, django_assert_max_num_queries):
        """A hit does not run the view; at most the first hit after a change
        looks up the next scheduled publication."""
        anonymous.get(f"{API}/quotes/")
        with django_assert_max_num_queries(1):
            assert anonymous.get(f"{API}/quotes/")["X-Cache"] == "hit"
        with django_assert_max_num_queries(0):
            assert anonymous.get(f"{API}/quotes/")["X-Cache"] == "hit"

    def test_a_hit_skips_drf_the_view_and_the_throttles(
        self, anonymous, story, monkeypatch, django_assert_num_queries
    ):
        """A hit is answered by the middleware: DRF's view never dispatches,
        no throttle's allow_request runs, no query — yet the quota headers
        are there, counted as the view's throttles would count them."""
        from rest_framework.throttling import SimpleRateThrottle
        from rest_framework.views import APIView

        miss = anonymous.get(f"{API}/quotes/")
        anonymous.get(f"{API}/quotes/")  # the first hit may ask the schedule
        calls = []
        dispatch, allow = APIView.dispatch, SimpleRateThrottle.allow_request

        def counted_dispatch(view, *args, **kwargs):
            calls.append(type(view).__name__)
            return dispatch(view, *args, **kwargs)

        def counted_allow(throttle, *args, **kwargs):
            calls.append(type(throttle).__name__)
            return allow(throttle, *args, **kwargs)

        monkeypatch.setattr(APIView, "dispatch", counted_dispatch)
        monkeypatch.setattr(SimpleRateThrottle, "allow_request", counted_allow)
        with django_assert_num_queries(0):
            hit = anonymous.get(f"{API}/quotes/")
        assert hit["X-Cache"] == "hit" and calls == []
        assert hit.content == miss.content
        for header in ("ETag", "Content-Type", "Vary", "RateLimit-Policy"):
            assert hit[header] == miss[header], header
        assert int(hit["RateLimit-Remaining"]) < int(miss["RateLimit-Remaining"])
        # The same instruments see a miss run the view and its throttles.
        assert anonymous.get(f"{API}/quotes/?page_size=3")["X-Cache"] == "miss"
        assert calls[0] == "QuoteViewSet" and "AnonRateThrottle" in calls

    def test_cache_control_and_vary(self, anonymous, story):
        """Anonymous reads may be kept by anyone for a short while, per
        representation and audience."""
        for response in (
            get_twice(anonymous, f"{API}/articles/"),
            anonymous.get(f"{API}/articles/bridge-opens/"),
        ):
            assert response["Cache-Control"] == "public, max-age=30"
            vary = {value.strip() for value in response["Vary"].split(",")}
            assert {"Accept", "Authorization", "Cookie"} <= vary
            assert response["ETag"]

    @override_settings(API_CACHE_MAX_AGE=5)
    def test_max_age_from_settings(self, anonymous, story):
        """The max-age is API_CACHE_MAX_AGE (from the environment)."""
        response = get_twice(anonymous, f"{API}/people/")
        assert response["Cache-Control"] == "public, max-age=5"

    def test_detail_is_cached(self, anonymous, story):
        """Details too, with their own ETag."""
        response = get_twice(anonymous, f"{API}/articles/bridge-opens/")
        assert response.json()["slug"] == "bridge-opens"

    def test_if_none_match_with_the_cached_etag_is_a_304_hit(
        self, anonymous, story, django_assert_max_num_queries
    ):
        """A client revalidating with the cached ETag gets a 304 from the
        cache, with the headers a 304 must repeat, without the view."""
        for url in (f"{API}/articles/", f"{API}/articles/bridge-opens/"):
            etag = anonymous.get(url)["ETag"]
            with django_assert_max_num_queries(1):
                response = anonymous.get(url, headers={"If-None-Match": etag})
            assert response.status_code == 304
            assert response["X-Cache"] == "hit"
            assert response["ETag"] == etag
            assert response["Cache-Control"].startswith("public, max-age=")
            assert "Accept" in response["Vary"]
            assert response.content == b""

    def test_if_none_match_on_a_miss_is_a_304_and_fills_the_cache(
        self, anonymous, story
    ):
        """A revalidation that misses still answers 304, and the full
        response it ran for is kept for the next client."""
        etag = anonymous.get(f"{API}/articles/")["ETag"]
        cache.clear()
        response = anonymous.get(f"{API}/articles/", headers={"If-None-Match": etag})
        assert (response.status_code, response["X-Cache"]) == (304, "miss")
        full = anonymous.get(f"{API}/articles/")
        assert (full.status_code, full["X-Cache"]) == (200, "hit")
        assert slugs(full) == ["bridge-opens"]

    def test_a_stale_etag_gets_the_full_response(self, anonymous, story):
        """If-None-Match with an old ETag is answered in full from the cache."""
        anonymous.get(f"{API}/articles/")
        response = anonymous.get(
            f"{API}/articles/", headers={"If-None-Match": '"not-the-etag"'}
        )
        assert (response.status_code, response["X-Cache"]) == (200, "hit")
        assert slugs(response) == ["bridge-opens"]

    def test_each_representation_has_its_own_entry(self, anonymous, story):
        """JSON, JSON-LD by Accept and JSON-LD by ?format= are cached apart."""
        url = f"{API}/articles/bridge-opens/"
        json = get_twice(anonymous, url)
        by_accept = get_twice(anonymous, url, Accept="application/ld+json")
        by_format = get_twice(anonymous, f"{url}?format=jsonld")
        assert json["Content-Type"] == "application/json"
        assert by_accept["Content-Type"].startswith("application/ld+json")
        assert by_format["Content-Type"].startswith("application/ld+json")
        assert json.content != by_accept.content

    def test_each_page_and_filter_has_its_own_entry(self, anonymous, story):
        """The query string is part of the key."""
        ArticleFactory(slug="second-story")
        assert len(slugs(get_twice(anonymous, f"{API}/articles/?page_size=1"))) == 1
        assert len(slugs(get_twice(anonymous, f"{API}/articles/"))) == 2

    def test_errors_are_not_cached(self, anonymous, story):
        """A 404 (a draft's slug, say) is stored by no one."""
        for _ in range(2):
            response = anonymous.get(f"{API}/articles/no-such-story/")
            assert response.status_code == 404
            assert response["X-Cache"] == "miss"
            assert response["Cache-Control"] == "no-store"

    @override_settings(API_CACHE_SECONDS=0)
    def test_zero_seconds_turns_the_server_cache_off(self, anonymous, story):
        """API_CACHE_SECONDS=0: every request runs the view."""
        for _ in range(2):
            response = anonymous.get(f"{API}/articles/")
            assert "X-Cache" not in response
            assert response["Cache-Control"] == "public, max-age=30"

    def test_hits_count_against_the_anonymous_rate(self, anonymous, story, monkeypatch):
        """The cache is no way around throttling: hits are counted, and once
        the rate is used up the answer is the view's 429."""
        rates = {"anon": "3/minute", "user": "5/minute"}
        monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", rates)
        monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", rates)
        get_twice(anonymous, f"{API}/articles/")
        assert anonymous.get(f"{API}/articles/")["X-Cache"] == "hit"
        response = anonymous.get(f"{API}/articles/")
        assert response.status_code == 429
        assert response["Cache-Control"] == "no-store"

    def test_browsable_api_pages_are_not_stored(self, anonymous, story):
        """HTML pages carry the client's CSRF token: never shared."""
        for _ in range(2):
            response = anonymous.get(
                f"{API}/articles/", headers={"Accept": "text/html"}
            )
            assert response.status_code == 200
            assert response["X-Cache"] == "miss"


class TestAuthenticatedRequests:
    def test_editor_session_bypasses_the_cache(self, anonymous, editor_client, story):
        """A logged-in editor sees drafts: never from, nor into, the
        anonymous cache, and marked private."""
        ArticleFactory(slug="a-draft", status=ArticleStatus.DRAFT, published_at=None)
        anonymous.get(f"{API}/articles/")
        for _ in range(2):
            response = editor_client.get(f"{API}/articles/")
            assert "X-Cache" not in response
            assert response["Cache-Control"] == "private, no-cache"
            assert set(slugs(response)) == {"a-draft", "bridge-opens"}
        assert slugs(anonymous.get(f"{API}/articles/")) == ["bridge-opens"]

    def test_token_bypasses_the_cache(self, anonymous, token, story):
        """A token holder is never answered from the anonymous cache."""
        ArticleFactory(slug="a-draft", status=ArticleStatus.DRAFT, published_at=None)
        get_twice(anonymous, f"{API}/articles/")
        response = anonymous.get(
            f"{API}/articles/", headers={"Authorization": f"Token {token}"}
        )
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"
        assert set(slugs(response)) == {"a-draft", "bridge-opens"}

    def test_writes_are_not_cached_and_invalidate(self, anonymous, token, story):
        """POST and PUT answers are no-store, and what they change shows at
        once to anonymous clients."""
        auth = {"Authorization": f"Token {token}"}
        get_twice(anonymous, f"{API}/people/")
        created = anonymous.post(
            f"{API}/people/",
            {"name": "Mihai Popescu"},
            content_type="application/json",
            headers=auth,
        )
        assert created.status_code == 201
        assert created["Cache-Control"] == "no-store"
        assert "X-Cache" not in created
        speaker = story.quotes.get().speaker
        detail = anonymous.get(f"{API}/people/{speaker.slug}/")
        replaced = anonymous.put(
            f"{API}/people/{speaker.slug}/",
            {**detail.json(), "name": "Ana Ionescu-Pop"},
            content_type="application/json",
            headers={**auth, "If-Match": detail["ETag"]},
        )
        assert replaced.status_code == 200, replaced.json()
        assert replaced["Cache-Control"] == "no-store"
        again = anonymous.get(f"{API}/people/{speaker.slug}/")
        assert again["X-Cache"] == "miss"
        assert again.json()["name"] == "Ana Ionescu-Pop"


class TestInvalidation:
    """Whatever a cached response shows, once changed, is not served again."""

    def test_unpublishing_through_the_service(self, anonymous, editor, story):
        """Cache invalidation: an anonymous list is cached; unpublishing an
        article in it removes it from the next response."""
        assert slugs(get_twice(anonymous, f"{API}/articles/")) == ["bridge-opens"]
        get_twice(anonymous, f"{API}/quotes/")
        article_services.article_transition(
            article=story, status=ArticleStatus.DRAFT, user=editor
        )
        response = anonymous.get(f"{API}/articles/")
        assert (response["X-Cache"], slugs(response)) == ("miss", [])
        assert anonymous.get(f"{API}/quotes/").json()["results"] == []
        assert anonymous.get(f"{API}/articles/bridge-opens/").status_code == 404

    def test_unpublishing_through_the_admin(self, anonymous, editor_client, story):
        """The admin's "return to draft" action, like every write path."""
        get_twice(anonymous, f"{API}/articles/")
        response = editor_client.post(
            "/admin/articles/article/",
            {"action": "make_draft", "_selected_action": [story.pk]},
        )
        assert response.status_code == 302
        story.refresh_from_db()
        assert story.status == ArticleStatus.DRAFT
        assert slugs(anonymous.get(f"{API}/articles/")) == []

    def test_unpublishing_through_the_api(self, anonymous, token, story):
        """PATCH {"status": "draft"} with a token."""
        get_twice(anonymous, f"{API}/articles/bridge-opens/")
        response = anonymous.patch(
            f"{API}/articles/bridge-opens/",
            {"status": "draft"},
            content_type="application/json",
            headers={"Authorization": f"Token {token}"},
        )
        assert response.status_code == 200, response.json()
        assert anonymous.get(f"{API}/articles/bridge-opens/").status_code == 404

    def test_publishing_a_draft(self, anonymous, editor, story):
        """A story published after the list was cached is in the next one."""
        draft = ArticleFactory(
            slug="late-news", status=ArticleStatus.DRAFT, published_at=None
        )
        assert slugs(get_twice(anonymous, f"{API}/articles/")) == ["bridge-opens"]
        article_services.article_transition(
            article=draft, status=ArticleStatus.PUBLISHED, user=editor
        )
        assert slugs(anonymous.get(f"{API}/articles/")) == ["late-news", "bridge-opens"]

    def test_editing_a_quote(self, anonymous, story):
        """A quote's new words show in the quote list at once."""
        get_twice(anonymous, f"{API}/quotes/")
        quote = Quote.objects.get(article=story)
        quote.text = "we will build"
        article_services.quote_save(quote=quote)
        (item,) = anonymous.get(f"{API}/quotes/").json()["results"]
        assert item["text"] == "we will build"

    def test_renaming_a_person(self, anonymous, story):
        """A speaker's new name shows in the quote list, where the speaker is
        a link with a name."""
        get_twice(anonymous, f"{API}/quotes/")
        person = story.quotes.get().speaker
        person.name = "Ana Ionescu-Pop"
        entity_services.person_save(person=person)
        (item,) = anonymous.get(f"{API}/quotes/").json()["results"]
        assert item["speaker"]["name"] == "Ana Ionescu-Pop"

    def test_adding_an_alias(self, anonymous, story):
        """Aliases, a model of their own, invalidate as well."""
        person = story.quotes.get().speaker
        get_twice(anonymous, f"{API}/people/{person.slug}/")
        entity_services.person_save(person=person, aliases=["Ionescu"])
        response = anonymous.get(f"{API}/people/{person.slug}/")
        assert response["X-Cache"] == "miss"
        assert "Ionescu" in response.json()["aliases"]

    def test_changing_bylines(self, anonymous, story):
        """A many-to-many change (the authors) invalidates too."""
        get_twice(anonymous, f"{API}/articles/bridge-opens/")
        story.authors.add(PersonFactory(name="Reporter Rita"))
        response = anonymous.get(f"{API}/articles/bridge-opens/")
        assert response["X-Cache"] == "miss"
        assert response.content != b""

    def test_scheduled_story_appears_when_its_time_comes(self, anonymous, story):
        """A story scheduled for two seconds ahead is absent from the cached
        list, and present as soon as its time has come: no entry is served
        past the next scheduled publication."""
        publish_at = timezone.now() + datetime.timedelta(seconds=2)
        ArticleFactory(slug="embargoed", published_at=publish_at)
        assert slugs(get_twice(anonymous, f"{API}/articles/")) == ["bridge-opens"]
        etag = anonymous.get(f"{API}/articles/")["ETag"]
        time.sleep(max(0.0, (publish_at - timezone.now()).total_seconds()) + 0.1)
        response = anonymous.get(f"{API}/articles/", headers={"If-None-Match": etag})
        assert (response.status_code, response["X-Cache"]) == (200, "miss")
        assert slugs(response) == ["embargoed", "bridge-opens"]
        assert anonymous.get(f"{API}/articles/")["X-Cache"] == "hit"

    def test_max_age_stops_at_the_next_scheduled_publication(self, anonymous, story):
        """Clients are not told to keep a response past the next scheduled
        publication either."""
        ArticleFactory(
            slug="embargoed",
            published_at=timezone.now() + datetime.timedelta(seconds=10),
        )
        response = get_twice(anonymous, f"{API}/articles/")
        max_age = int(response["Cache-Control"].split("max-age=")[1])
        assert max_age <= 10

    def test_a_write_invalidates_at_once_and_again_after_its_commit(
        self, django_capture_on_commit_callbacks
    ):
        """So that what a reader cached from the old rows while the write was
        uncommitted is not served after it; one bump per transaction."""
        before = cache.get(api_cache.GENERATION_KEY)
        with django_capture_on_commit_callbacks() as callbacks:
            ArticleFactory(slug="one")
            ArticleFactory(slug="two")
            during = cache.get(api_cache.GENERATION_KEY)
        assert during is not None and during != before
        bumps = [c for c in callbacks if c is api_cache._new_generation]
        assert len(bumps) == 1
        bumps[0]()
        assert cache.get(api_cache.GENERATION_KEY) != during

    def test_bulk_inserts_invalidate(self, anonymous, story):
        """generate_corpus writes with bulk_create, which sends no signals: it
        invalidates by itself."""
        assert slugs(get_twice(anonymous, f"{API}/articles/")) == ["bridge-opens"]
        call_command(
            "generate_corpus",
            articles=3,
            seed=11,
            as_of=timezone.now().date(),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        response = anonymous.get(f"{API}/articles/")
        assert response["X-Cache"] == "miss"
        assert response.json()["count"] == Article.objects.published().count()


def redis_reachable() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5):
            return True
    except OSError:
        return False


class TestRedis:
    def test_invalidation_works_on_redis(self, anonymous, editor, story):
        """The same cache and invalidation on Redis, shared by app servers."""
        require(
            redis_reachable(),
            f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}",
        )
        redis_cache = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_TEST_URL,
            }
        }
        with override_settings(CACHES=redis_cache):
            cache.clear()
            try:
                assert type(caches["default"]).__name__ == "RedisCache"
                etag = get_twice(anonymous, f"{API}/articles/")["ETag"]
                response = anonymous.get(
                    f"{API}/articles/", headers={"If-None-Match": etag}
                )
                assert (response.status_code, response["X-Cache"]) == (304, "hit")
                article_services.article_transition(
                    article=story, status=ArticleStatus.DRAFT, user=editor
                )
                response = anonymous.get(f"{API}/articles/")
                assert (response["X-Cache"], slugs(response)) == ("miss", [])
            finally:
                cache.clear()

    def test_a_hit_costs_two_round_trips_to_redis(self, anonymous, story, monkeypatch):
        """Everything a hit needs comes in one read (the generation, the
        entry, its body, the schedule and the throttle histories); one write
        counts the request against the rates."""
        require(
            redis_reachable(),
            f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}",
        )
        import redis

        redis_cache = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_TEST_URL,
            }
        }
        with override_settings(CACHES=redis_cache):
            cache.clear()
            try:
                get_twice(anonymous, f"{API}/quotes/")
                trips = []
                command = redis.Redis.execute_command
                pipeline = redis.client.Pipeline.execute

                def counted_command(client, *args, **kwargs):
                    trips.append(args[0])
                    return command(client, *args, **kwargs)

                def counted_pipeline(pipe, *args, **kwargs):
                    trips.append("pipeline")
                    return pipeline(pipe, *args, **kwargs)

                monkeypatch.setattr(redis.Redis, "execute_command", counted_command)
                monkeypatch.setattr(redis.client.Pipeline, "execute", counted_pipeline)
                assert anonymous.get(f"{API}/quotes/")["X-Cache"] == "hit"
                assert trips == ["MGET", "pipeline"]
            finally:
                monkeypatch.undo()
                cache.clear()
