"""``POST /api/v1/extract/``: editors' tools get the extraction assistant's
proposals for a posted text or an article, resolved against the registry;
bad input is a 400 in the one error shape, and only those who may enter
quotes may ask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token

from articles.api.serializers import MAX_BODY_CHARACTERS
from articles.extraction import Gazetteer, extract
from articles.models import ArticleStatus, QuoteKind
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/extract/"
SEEDS = Path(settings.BASE_DIR) / "seeds"
REFERENCE_BODY = (SEEDS / "reference-article.txt").read_text(encoding="utf-8")
SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"


def post(client, data, **headers):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(URL, body, content_type="application/json", **headers)


def assert_error_shape(response, status: int, *keys: str) -> dict:
    """The one error shape: an object of lists of message strings."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict) and body
    for name, messages in body.items():
        assert isinstance(messages, list) and messages, (name, messages)
        assert all(isinstance(message, str) and message for message in messages)
    for key in keys:
        assert key in body, (key, body)
    return body


def token_headers(django_user_model, username: str, group: str | None) -> dict:
    user = django_user_model.objects.create_user(
        username=username, password="not used", is_staff=group is not None
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


@pytest.fixture
def editor_token(db, django_user_model) -> dict:
    return token_headers(django_user_model, "eddie", "Editors")


class TestProposals:
    def test_reference_story_with_the_registry(self, client, seed, editor_token):
        """The posted text's proposals, resolved against the registry: the
        engine's own answer, speakers and outlets as registry records."""
        response = post(client, {"text": REFERENCE_BODY}, **editor_token)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        assert body == extract(REFERENCE_BODY, Gazetteer.from_registry()).to_dict()
        assert set(body) == {
            "quotes",
            "people",
            "organisations",
            "agreements",
            "set_aside",
        }
        assert len(body["quotes"]) == 11
        direct = next(q for q in body["quotes"] if q["kind"] == QuoteKind.DIRECT)
        assert (direct["speaker"], direct["outlet"], direct["cue"]) == (
            "zhang-hanhui",
            "tass",
            "told",
        )
        assert REFERENCE_BODY[direct["start"] : direct["end"]] == direct["text"]
        zhang = next(p for p in body["people"] if p["key"] == "zhang-hanhui")
        assert zhang["existing"]["slug"] == "zhang-hanhui"

    def test_offsets_are_in_the_text_as_sent(self, client, editor_token):
        """Leading white space is kept, so offsets point into the posted text."""
        text = "\n\n  Maria Silva, the mayor of Lisbon, said that the bridge will open."
        body = post(client, {"text": text}, **editor_token).json()
        [quote] = body["quotes"]
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert body["people"][0]["existing"] is None

    def test_article_by_slug(self, client, seed, editor_token):
        response = post(client, {"article": SEED_ARTICLE}, **editor_token)
        assert response.status_code == 200
        assert len(response.json()["quotes"]) == 11

    def test_draft_article_for_staff(self, client, editor_token):
        draft = ArticleFactory(
            body="Maria Silva said that the bridge will open.",
            status=ArticleStatus.DRAFT,
        )
        response = post(client, {"article": draft.slug}, **editor_token)
        assert response.status_code == 200
        assert len(response.json()["quotes"]) == 1

    def test_reporter_may_ask(self, client, django_user_model):
        headers = token_headers(django_user_model, "rita", "Reporters")
        assert post(client, {"text": "Hello."}, **headers).status_code == 200

    def test_session_editor_may_ask(self, editor_client):
        response = editor_client.post(
            URL, {"text": "Hello."}, content_type="application/json"
        )
        assert response.status_code == 200

    def test_asking_writes_nothing(self, client, seed, editor_token):
        from tests.extraction.test_review import snapshot

        before = snapshot()
        post(client, {"text": REFERENCE_BODY}, **editor_token)
        post(client, {"article": SEED_ARTICLE}, **editor_token)
        assert snapshot() == before


class TestRefused:
    def test_anonymous_is_401(self, client, db):
        response = post(client, {"text": "Hello."})
        assert_error_shape(response, 401, "detail")

    def test_user_without_permission_is_403(self, client, django_user_model):
        headers = token_headers(django_user_model, "nobody", None)
        assert_error_shape(post(client, {"text": "Hello."}, **headers), 403, "detail")

    def test_get_is_not_allowed(self, client, editor_token):
        assert_error_shape(client.get(URL, **editor_token), 405, "detail")


class TestValidation:
    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({}, "text"),
            ({"text": 42}, "text"),
            ({"text": ["a"]}, "text"),
            ({"text": None}, "text"),
            ({"text": ""}, "text"),
            ({"text": "x" * (MAX_BODY_CHARACTERS + 1)}, "text"),
            ({"text": "a", "article": SEED_ARTICLE}, "article"),
            ({"article": "no-such-story"}, "article"),
            ({"article": "not a slug"}, "article"),
            ({"article": 7}, "article"),
            ({"text": "a", "lang": "en"}, "lang"),
            ([], "detail"),
            ("[1, 2", "detail"),
        ],
    )
    def test_bad_input_is_400(self, client, editor_token, data, field):
        assert_error_shape(post(client, data, **editor_token), 400, field)

    def test_unpaired_surrogate_is_400(self, client, editor_token):
        response = post(
            client, '{"text": "Ivan said \\"a\\ud800b\\"."}', **editor_token
        )
        assert_error_shape(response, 400, "text")

    def test_draft_is_invisible_to_a_reader_without_staff(
        self, client, django_user_model
    ):
        """A user who may enter quotes but is not staff reads published
        stories only (the API's rule), so a draft's slug names nothing."""
        user = django_user_model.objects.create_user("outside", password="x")
        user.groups.add(Group.objects.get(name="Reporters"))
        headers = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}
        draft = ArticleFactory(status=ArticleStatus.DRAFT)
        assert_error_shape(
            post(client, {"article": draft.slug}, **headers), 400, "article"
        )

    def test_schema_documents_it(self, client):
        schema = client.get("/api/schema/", {"format": "json"}).json()
        operation = schema["paths"][URL]["post"]
        assert operation["operationId"] == "extract"
        assert set(operation["responses"]) >= {"200", "400", "401", "403", "413"}
        components = schema["components"]["schemas"]
        assert set(components["Extraction"]["properties"]) == {
            "quotes",
            "people",
            "organisations",
            "agreements",
            "set_aside",
        }
