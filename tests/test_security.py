"""Brute-force protection and security headers: admin logins lock out per
account and per address, failed API token attempts are throttled per address,
the client's address cannot be chosen by the client, every page carries a
Content-Security-Policy, and ``check --deploy`` warns when throttle state is
not shared between app servers."""

from __future__ import annotations

import datetime
import time

import pytest
from axes.models import AccessAttempt
from django.core.checks import run_checks
from rest_framework.authtoken.models import Token

from newsdesk.security.client import client_address

PASSWORD = "correct horse battery"
LOGIN = "/admin/login/?next=/admin/"


def _log_in(client, username, password, address="203.0.113.5"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def _logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.mark.django_db
class TestAdminLoginLockout:
    """Five wrong passwords lock an account, and an address, for 15 minutes."""

    def test_wrong_passwords_then_the_right_one_are_refused(self, client, editor):
        for _ in range(5):
            response = _log_in(client, "editor", "wrong")
        assert response.status_code == 429
        response = _log_in(client, "editor", PASSWORD)
        assert response.status_code == 429
        page = response.content.decode()
        assert "Sign-in is locked for now" in page
        assert "5 failed sign-in attempts" in page
        assert "for 15 minutes" in page
        assert not _logged_in(client)

    def test_fewer_failures_than_the_limit_still_log_in(self, client, editor):
        for _ in range(4):
            assert _log_in(client, "editor", "wrong").status_code == 200
        response = _log_in(client, "editor", PASSWORD)
        assert response.status_code == 302
        assert _logged_in(client)

    def test_a_success_resets_the_count(self, client, editor):
        for _ in range(4):
            _log_in(client, "editor", "wrong")
        assert _log_in(client, "editor", PASSWORD).status_code == 302
        client.logout()
        for _ in range(4):
            _log_in(client, "editor", "wrong")
        assert _log_in(client, "editor", PASSWORD).status_code == 302

    def test_an_account_is_locked_from_every_address(self, client, editor):
        for number in range(5):
            _log_in(client, "editor", "wrong", address=f"198.51.100.{number}")
        response = _log_in(client, "editor", PASSWORD, address="192.0.2.77")
        assert response.status_code == 429
        assert not _logged_in(client)

    def test_an_address_is_locked_for_every_account(
        self, client, editor, django_user_model
    ):
        for number in range(5):
            _log_in(client, f"guess{number}", "wrong", address="203.0.113.9")
        response = _log_in(client, "editor", PASSWORD, address="203.0.113.9")
        assert response.status_code == 429
        # The account itself has no failures: from elsewhere it logs in.
        assert _log_in(client, "editor", PASSWORD, address="192.0.2.1").status_code
        assert _logged_in(client)

    def test_the_lock_lifts_after_the_cool_off(self, client, editor):
        for _ in range(5):
            _log_in(client, "editor", "wrong")
        assert _log_in(client, "editor", PASSWORD).status_code == 429
        earlier = datetime.timedelta(minutes=16)
        for attempt in AccessAttempt.objects.all():
            AccessAttempt.objects.filter(pk=attempt.pk).update(
                attempt_time=attempt.attempt_time - earlier
            )
        assert _log_in(client, "editor", PASSWORD).status_code == 302
        assert _logged_in(client)

    def test_a_forwarded_header_does_not_change_the_address(self, client, editor):
        """Without proxies, X-Forwarded-For is the client's own word."""
        for number in range(5):
            client.post(
                LOGIN,
                {"username": f"guess{number}", "password": "wrong"},
                REMOTE_ADDR="203.0.113.20",
                HTTP_X_FORWARDED_FOR=f"10.9.8.{number}",
            )
        response = _log_in(client, "editor", PASSWORD, address="203.0.113.20")
        assert response.status_code == 429


class TestClientAddress:
    """The address every lockout and throttle counts under."""

    def test_without_proxies_it_is_the_peer(self, rf):
        request = rf.get("/", REMOTE_ADDR="192.0.2.3", HTTP_X_FORWARDED_FOR="1.1.1.1")
        assert client_address(request) == "192.0.2.3"

    def test_behind_one_proxy_it_is_what_the_proxy_saw(self, rf, settings):
        settings.PROXY_COUNT = 1
        request = rf.get(
            "/",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7",
        )
        assert client_address(request) == "198.51.100.7"

    def test_behind_two_proxies_it_skips_the_inner_one(self, rf, settings):
        settings.PROXY_COUNT = 2
        request = rf.get(
            "/",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7, 10.0.0.1",
        )
        assert client_address(request) == "198.51.100.7"

    def test_a_short_header_falls_back_to_the_peer(self, rf, settings):
        settings.PROXY_COUNT = 2
        request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1")
        assert client_address(request) == "10.0.0.2"


@pytest.mark.django_db
class TestTokenGuessing:
    """Wrong API tokens are counted per address; past the limit every token
    attempt from there answers 429 with Retry-After."""

    URL = "/api/v1/people/"

    @pytest.fixture(autouse=True)
    def _limits(self, settings):
        settings.AUTH_FAILURE_LIMIT = 3
        settings.AUTH_FAILURE_WINDOW = 600

    def _get(self, client, token, address="203.0.113.50"):
        return client.get(
            self.URL, HTTP_AUTHORIZATION=f"Token {token}", REMOTE_ADDR=address
        )

    def test_wrong_tokens_meet_a_429(self, client):
        for number in range(3):
            response = self._get(client, f"wrong{number}")
            assert response.status_code == 401, response.content
        response = self._get(client, "wrong-again")
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= 600
        assert "Too many failed token attempts" in response.json()["detail"][0]

    def test_even_a_right_token_waits_once_the_address_is_throttled(
        self, client, editor
    ):
        token = Token.objects.create(user=editor)
        for number in range(3):
            self._get(client, f"wrong{number}")
        assert self._get(client, token.key).status_code == 429
        # Another address is not affected.
        assert self._get(client, token.key, address="192.0.2.10").status_code == 200

    def test_right_tokens_and_anonymous_reads_are_not_counted(self, client, editor):
        token = Token.objects.create(user=editor)
        for _ in range(5):
            assert self._get(client, token.key).status_code == 200
            assert client.get(self.URL, REMOTE_ADDR="203.0.113.50").status_code == 200
        assert self._get(client, "wrong").status_code == 401

    def test_the_window_ends(self, client, editor, settings):
        settings.AUTH_FAILURE_WINDOW = 1
        token = Token.objects.create(user=editor)
        for number in range(3):
            self._get(client, f"wrong{number}")
        assert self._get(client, token.key).status_code == 429
        time.sleep(1.2)
        assert self._get(client, token.key).status_code == 200


@pytest.mark.django_db
class TestContentSecurityPolicy:
    """Every kind of page carries the policy; no inline script is allowed."""

    @pytest.mark.parametrize(
        "path", ["/admin/login/", "/api/docs/", "/api/v1/", "/api/v1/people/"]
    )
    def test_every_page_has_the_policy(self, client, path):
        response = client.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in policy.split("; ")
        )
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]

    def test_the_docs_start_up_script_is_a_file(self, client):
        page = client.get("/api/docs/").content.decode()
        assert "<script>" not in page
        script = client.get("/api/docs/?script=")
        assert script.status_code == 200
        assert script["Content-Type"].startswith("application/javascript")
        assert "SwaggerUIBundle" in script.content.decode()


class TestDeployCheck:
    """``check --deploy`` says when throttle counts are per process."""

    def _ids(self):
        return {message.id for message in run_checks(include_deployment_checks=True)}

    def test_a_process_local_cache_is_reported(self, settings):
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        }
        assert "newsdesk.W001" in self._ids()

    def test_redis_is_not(self, settings):
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/0",
            }
        }
        assert "newsdesk.W001" not in self._ids()


ODD_KEYS = ["%00", "a%00b", "%ED%A0%80", "..", "a.b", "%C0%AF", "1%2F2", "abc"]
DETAIL_ROUTES = [
    "articles/{}/",
    "quotes/{}/",
    "people/{}/",
    "people/{}/quotes/",
    "people/{}/merge/",
    "organisations/{}/",
    "organisations/{}/quotes/",
    "agreements/{}/",
    "roles/{}/",
]


@pytest.mark.django_db
class TestOddKeysInURLs:
    """A key PostgreSQL would refuse (NUL), or that no record can have,
    answers the API's JSON 404 for every method, before any query runs."""

    @pytest.mark.parametrize(
        ("route", "key"),
        [
            (route, key)
            for route in DETAIL_ROUTES
            for key in ODD_KEYS
            # "abc" is a well-formed slug; only id-keyed routes refuse it.
            if key != "abc" or route.startswith(("quotes", "roles"))
        ],
    )
    def test_json_404_for_every_method(self, client, editor, route, key):
        url = "/api/v1/" + route.format(key)
        client.force_login(editor)
        for method in ("get", "patch", "put", "delete", "post"):
            extra = {} if method == "get" else {"data": "{}"}
            response = getattr(client, method)(
                url, content_type="application/json", **extra
            )
            assert response.status_code in (404, 405), (method, url, response)
            assert response["Content-Type"] == "application/json", (method, url)
