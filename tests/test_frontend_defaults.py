"""What a front end gets without asking: CORS for localhost origins in the
demo, its remaining quota on every throttled answer (IETF RateLimit
headers), and an API root listing every endpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

pytestmark = pytest.mark.django_db

API = "/api/v1/"

DEMO_CORS = """
import django, json
django.setup()
from django.test import Client
answers = {}
for origin in ("http://localhost:3000", "http://127.0.0.1:5173", "https://evil.example"):
    response = Client().options(
        "/api/v1/quotes/",
        HTTP_HOST="localhost",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    answers[origin] = response.headers.get("Access-Control-Allow-Origin")
print(json.dumps(answers))
"""


class TestCORS:
    def test_demo_answers_localhost_origins(self):
        """Under the demo's settings a front end on any localhost port may
        call the API; another origin may not."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("CORS_ALLOWED_ORIGINS", "DJANGO_SETTINGS_MODULE")
        }
        env["DJANGO_SETTINGS_MODULE"] = "newsdesk.settings.local"
        result = subprocess.run(
            [sys.executable, "-c", DEMO_CORS],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        answers = json.loads(result.stdout.strip().splitlines()[-1])
        assert answers == {
            "http://localhost:3000": "http://localhost:3000",
            "http://127.0.0.1:5173": "http://127.0.0.1:5173",
            "https://evil.example": None,
        }

    def test_production_settings_allow_only_listed_origins(self):
        """Outside the demo nothing is allowed unless CORS_ALLOWED_ORIGINS
        lists it."""
        assert not getattr(settings, "CORS_ALLOWED_ORIGIN_REGEXES", [])
        response = Client().get(API, HTTP_ORIGIN="http://localhost:3000")
        assert "Access-Control-Allow-Origin" not in response.headers

    @override_settings(CORS_ALLOWED_ORIGINS=["http://localhost:3000"])
    def test_quota_headers_are_readable_cross_origin(self):
        response = Client().get(API, HTTP_ORIGIN="http://localhost:3000")
        exposed = response["Access-Control-Expose-Headers"].lower()
        for name in ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"):
            assert name in exposed


@pytest.fixture
def throttled(monkeypatch):
    rates = {"anon": "3/minute", "user": "5/minute"}
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", rates)
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", rates)
    cache.clear()
    yield
    cache.clear()


class TestRateLimitHeaders:
    def test_each_answer_says_what_is_left(self, seed, throttled):
        """Limit, remaining and reset on every answer, cached or not; the
        429 says nothing is left and when to retry."""
        client = Client()
        remaining = []
        for _ in range(3):
            response = client.get(f"{API}people/")
            assert response.status_code == 200
            assert response["RateLimit-Limit"] == "3"
            assert response["RateLimit-Policy"] == "3;w=60"
            assert 0 < int(response["RateLimit-Reset"]) <= 60
            remaining.append(response["RateLimit-Remaining"])
        assert remaining == ["2", "1", "0"]
        assert response["X-Cache"] == "hit"
        refused = client.get(f"{API}organisations/")
        assert refused.status_code == 429
        assert refused["RateLimit-Remaining"] == "0"
        assert int(refused["Retry-After"]) > 0

    def test_an_editor_has_a_quota_of_their_own(self, editor_client, throttled):
        response = editor_client.get(f"{API}people/")
        assert response["RateLimit-Limit"] == "5"
        assert response["RateLimit-Remaining"] == "4"

    def test_a_cached_answer_keeps_no_one_elses_quota(self, seed, throttled):
        """The cache stores the answer, not the first client's quota."""
        Client(REMOTE_ADDR="10.0.0.1").get(f"{API}people/")
        Client(REMOTE_ADDR="10.0.0.1").get(f"{API}people/")
        other = Client(REMOTE_ADDR="10.0.0.2").get(f"{API}people/")
        assert other["X-Cache"] == "hit"
        assert other["RateLimit-Remaining"] == "2"


class TestAPIRoot:
    def test_root_lists_every_endpoint(self, client):
        """Every path of the schema is listed at /api/v1/, as a URL or as a
        URI template."""
        root = client.get(API).json()
        listed = {
            url.removeprefix("http://testserver").replace("{slug}/", "")
            for url in root.values()
        }
        schema = client.get("/api/schema/", {"format": "json"}).json()
        for path in schema["paths"]:
            collection = path.split("{", 1)[0]
            nested = path.replace("{person_slug}/", "").replace(
                "{organisation_slug}/", ""
            )
            assert collection in listed or nested in listed, path
        assert root["search"] == "http://testserver/api/v1/search/"
        assert root["extract"] == "http://testserver/api/v1/extract/"
        assert root["person_quotes"] == (
            "http://testserver/api/v1/people/{slug}/quotes/"
        )
