"""Signed webhooks to a live receiver on 127.0.0.1: endpoints registered in
the admin and the API, deliveries signed over timestamp and body, retried
with backoff, recorded, replayable; targets on private addresses refused
unless allowed; nothing sent for a draft."""

from __future__ import annotations

import datetime
import io
import json
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from articles import services as article_services
from articles.models import Article, ArticleStatus
from entities.services import person_create
from newsdesk.webhooks.models import Delivery, DeliveryStatus, Endpoint
from newsdesk.webhooks.signing import SignatureError, sign, verify
from newsdesk.webhooks.targets import validate_target

from .receiver import Receiver

pytestmark = pytest.mark.django_db

EVENTS = [
    "article.published",
    "article.updated",
    "article.unpublished",
    "quote.created",
]


def publish(article, user, capture):
    with capture(execute=True):
        article_services.article_transition(
            article=article, status=ArticleStatus.PUBLISHED, user=user
        )


def check_signature(request, secret: str) -> dict:
    verify(
        secret,
        body=request.body,
        timestamp=request.headers["Newsdesk-Timestamp"],
        signature=request.headers["Newsdesk-Signature"],
    )
    return json.loads(request.body)


class TestDelivery:
    def test_publish_update_unpublish_are_signed_and_recorded(
        self, editor, django_capture_on_commit_callbacks
    ):
        with Receiver() as receiver:
            endpoint = Endpoint.objects.create(
                name="Front end", url=receiver.url, events=EVENTS
            )
            article = article_services.article_create(headline="A story", body="Text.")
            assert receiver.requests == []  # a draft announces nothing
            publish(article, editor, django_capture_on_commit_callbacks)
            with django_capture_on_commit_callbacks(execute=True):
                article.headline = "A corrected story"
                article_services.article_save(article=article)
            with django_capture_on_commit_callbacks(execute=True):
                article_services.article_transition(
                    article=article, status=ArticleStatus.DRAFT, user=editor
                )
        events = [r.headers["Newsdesk-Event"] for r in receiver.requests]
        assert events == ["article.published", "article.updated", "article.unpublished"]
        payloads = [check_signature(r, endpoint.secret) for r in receiver.requests]
        assert payloads[0]["data"]["headline"] == "A story"
        assert payloads[0]["data"]["ninjs"]["headlines"][0]["value"] == "A story"
        assert payloads[1]["data"]["headline"] == "A corrected story"
        assert payloads[2]["data"] == {"slug": article.slug, "status": "draft"}
        deliveries = Delivery.objects.order_by("created_at")
        assert [d.status for d in deliveries] == [DeliveryStatus.SUCCEEDED] * 3
        assert all(d.response_status == 200 and d.attempts == 1 for d in deliveries)

    def test_retries_with_backoff_until_the_receiver_answers(
        self, editor, django_capture_on_commit_callbacks
    ):
        with Receiver(fail_first=2) as receiver:
            Endpoint.objects.create(name="Flaky", url=receiver.url, events=EVENTS)
            article = article_services.article_create(headline="Story", body="Text.")
            publish(article, editor, django_capture_on_commit_callbacks)
        assert len(receiver.requests) == 3
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_status) == (
            DeliveryStatus.SUCCEEDED,
            3,
            200,
        )
        ids = {r.headers["Newsdesk-Delivery"] for r in receiver.requests}
        assert ids == {str(delivery.pk)}

    @override_settings(WEBHOOKS_MAX_ATTEMPTS=3)
    def test_gives_up_after_the_last_attempt(
        self, editor, django_capture_on_commit_callbacks
    ):
        with Receiver(fail_first=10) as receiver:
            Endpoint.objects.create(name="Down", url=receiver.url, events=EVENTS)
            article = article_services.article_create(headline="Story", body="Text.")
            publish(article, editor, django_capture_on_commit_callbacks)
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 3)
        assert delivery.response_body == "try later"
        assert len(receiver.requests) == 3

    def test_quote_created_only_for_public_stories(
        self, editor, django_capture_on_commit_callbacks
    ):
        speaker = person_create(name="Pyotr Dubrov")
        with Receiver() as receiver:
            Endpoint.objects.create(
                name="Q", url=receiver.url, events=["quote.created"]
            )
            article = article_services.article_create(
                headline="Story", body="He said “we fly”. And more."
            )
            with django_capture_on_commit_callbacks(execute=True):
                article_services.quote_create(
                    article=article, text="we fly", speaker=speaker
                )
            assert receiver.requests == []
            publish(article, editor, django_capture_on_commit_callbacks)
            with django_capture_on_commit_callbacks(execute=True):
                article_services.quote_create(
                    article=article, text="And more", speaker=speaker, kind="indirect"
                )
        assert [json.loads(r.body)["data"]["text"] for r in receiver.requests] == [
            "And more"
        ]

    def test_replay_from_the_admin(
        self, editor, editor_client, django_capture_on_commit_callbacks
    ):
        with Receiver() as receiver:
            Endpoint.objects.create(name="R", url=receiver.url, events=EVENTS)
            article = article_services.article_create(headline="Story", body="Text.")
            publish(article, editor, django_capture_on_commit_callbacks)
            original = Delivery.objects.get()
            with django_capture_on_commit_callbacks(execute=True):
                response = editor_client.post(
                    reverse("admin:webhooks_delivery_changelist"),
                    {"action": "replay", "_selected_action": [str(original.pk)]},
                )
            assert response.status_code == 302
        assert len(receiver.requests) == 2
        assert receiver.requests[0].body == receiver.requests[1].body
        replay = Delivery.objects.exclude(pk=original.pk).get()
        assert replay.replay_of == original
        assert replay.status == DeliveryStatus.SUCCEEDED


class TestSigning:
    def test_verify(self):
        body = b'{"a":1}'
        now = int(time.time())
        signature = sign("s3cret", now, body)
        verify("s3cret", body=body, timestamp=str(now), signature=signature)
        with pytest.raises(SignatureError, match="does not match"):
            verify("other", body=body, timestamp=str(now), signature=signature)
        with pytest.raises(SignatureError, match="does not match"):
            verify("s3cret", body=b'{"a":2}', timestamp=str(now), signature=signature)
        with pytest.raises(SignatureError, match="replay window"):
            verify(
                "s3cret",
                body=body,
                timestamp=str(now - 301),
                signature=sign("s3cret", now - 301, body),
            )


class TestTargets:
    @override_settings(WEBHOOKS_ALLOW_PRIVATE_TARGETS=False)
    @pytest.mark.parametrize(
        "url",
        [
            "http://127.0.0.1:8000/hook",
            "http://localhost/hook",
            "http://10.1.2.3/hook",
            "http://192.168.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hook",
            "ftp://example.com/hook",
            "http://user:pw@8.8.8.8/hook",
        ],
    )
    def test_private_targets_refused(self, url):
        with pytest.raises(ValidationError):
            validate_target(url)

    @override_settings(WEBHOOKS_ALLOW_PRIVATE_TARGETS=False)
    def test_public_address_accepted(self):
        validate_target("https://8.8.8.8/hook")

    @override_settings(WEBHOOKS_ALLOW_PRIVATE_TARGETS=False)
    def test_api_refuses_a_loopback_target(self, editor_client):
        response = editor_client.post(
            reverse("webhook-list"),
            {"name": "x", "url": "http://127.0.0.1/hook", "events": EVENTS},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert "url" in response.json()
        assert Endpoint.objects.count() == 0


class TestAPI:
    def test_editor_registers_an_endpoint(self, editor_client):
        response = editor_client.post(
            reverse("webhook-list"),
            {
                "name": "App",
                "url": "http://127.0.0.1:9/hook",
                "events": ["quote.created"],
            },
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
        endpoint = Endpoint.objects.get()
        assert (
            response.json()["secret"] == endpoint.secret and len(endpoint.secret) > 30
        )
        response = editor_client.post(
            reverse("webhook-list"),
            {"name": "App", "url": "http://127.0.0.1:9/hook", "events": ["nonsense"]},
            content_type="application/json",
        )
        assert response.json() == {"events.0": ['"nonsense" is not a valid choice.']}

    def test_deliveries_listed_and_replayed(
        self, editor, editor_client, django_capture_on_commit_callbacks
    ):
        with Receiver() as receiver:
            Endpoint.objects.create(name="R", url=receiver.url, events=EVENTS)
            article = article_services.article_create(headline="Story", body="Text.")
            publish(article, editor, django_capture_on_commit_callbacks)
            listed = editor_client.get(reverse("webhook-delivery-list")).json()
            [delivery] = listed["results"]
            assert (delivery["status"], delivery["response_status"]) == (
                "succeeded",
                200,
            )
            with django_capture_on_commit_callbacks(execute=True):
                response = editor_client.post(
                    reverse("webhook-delivery-replay", args=[delivery["id"]])
                )
            assert response.status_code == 202, response.content
            assert response.json()["replay_of"] == delivery["id"]
        assert len(receiver.requests) == 2
        assert Delivery.objects.filter(status=DeliveryStatus.SUCCEEDED).count() == 2

    def test_anonymous_sees_nothing(self, client, db):
        assert client.get(reverse("webhook-list")).status_code in (401, 403)
        assert client.get(reverse("webhook-delivery-list")).status_code in (401, 403)


class TestScheduled:
    def test_announced_at_its_time_not_before(
        self, editor, django_capture_on_commit_callbacks
    ):
        later = timezone.now() + datetime.timedelta(hours=1)
        with Receiver() as receiver:
            Endpoint.objects.create(name="S", url=receiver.url, events=EVENTS)
            article = article_services.article_create(headline="Later", body="Text.")
            with django_capture_on_commit_callbacks(execute=True):
                article_services.article_transition(
                    article=article,
                    status=ArticleStatus.PUBLISHED,
                    user=editor,
                    published_at=later,
                )
            delivery = Delivery.objects.get()
            assert (delivery.status, delivery.due_at) == (DeliveryStatus.PENDING, later)
            with django_capture_on_commit_callbacks(execute=True):
                call_command("send_due_webhooks", stdout=io.StringIO())
            assert receiver.requests == []
            past = timezone.now() - datetime.timedelta(seconds=1)
            Article.objects.filter(pk=article.pk).update(published_at=past)
            Delivery.objects.filter(pk=delivery.pk).update(due_at=past)
            with django_capture_on_commit_callbacks(execute=True):
                call_command("send_due_webhooks", stdout=io.StringIO())
        assert [r.headers["Newsdesk-Event"] for r in receiver.requests] == [
            "article.published"
        ]
        assert Delivery.objects.get().status == DeliveryStatus.SUCCEEDED

    def test_withdrawn_before_its_time_is_never_announced(
        self, editor, django_capture_on_commit_callbacks
    ):
        later = timezone.now() + datetime.timedelta(hours=1)
        with Receiver() as receiver:
            Endpoint.objects.create(
                name="S", url=receiver.url, events=["article.published"]
            )
            article = article_services.article_create(headline="Later", body="Text.")
            with django_capture_on_commit_callbacks(execute=True):
                article_services.article_transition(
                    article=article,
                    status=ArticleStatus.PUBLISHED,
                    user=editor,
                    published_at=later,
                )
            with django_capture_on_commit_callbacks(execute=True):
                article_services.article_transition(
                    article=article, status=ArticleStatus.DRAFT, user=editor
                )
            Delivery.objects.update(due_at=timezone.now())
            with django_capture_on_commit_callbacks(execute=True):
                call_command("send_due_webhooks", stdout=io.StringIO())
        assert receiver.requests == []
        delivery = Delivery.objects.get()
        assert delivery.status == DeliveryStatus.FAILED
        assert "withdrawn" in delivery.error


class TestAdmin:
    def test_editor_registers_an_endpoint_with_checkboxes(self, editor_client):
        url = reverse("admin:webhooks_endpoint_add")
        page = editor_client.get(url)
        assert page.status_code == 200
        assert b'type="checkbox" name="events" value="quote.created"' in page.content
        secret = page.context["adminform"].form["secret"].value()
        response = editor_client.post(
            url,
            {
                "name": "App",
                "url": "http://127.0.0.1:9/hook",
                "events": ["article.published", "quote.created"],
                "active": "on",
                "secret": secret,
            },
        )
        assert response.status_code == 302, response.content[:2000]
        endpoint = Endpoint.objects.get()
        assert endpoint.events == ["article.published", "quote.created"]
        assert endpoint.created_by.username == "editor"

    @override_settings(WEBHOOKS_ALLOW_PRIVATE_TARGETS=False)
    def test_private_target_is_a_field_error(self, editor_client):
        response = editor_client.post(
            reverse("admin:webhooks_endpoint_add"),
            {
                "name": "x",
                "url": "http://10.0.0.5/hook",
                "events": ["quote.created"],
                "secret": "s" * 40,
            },
        )
        assert response.status_code == 200
        assert "url" in response.context["adminform"].form.errors
        assert Endpoint.objects.count() == 0
