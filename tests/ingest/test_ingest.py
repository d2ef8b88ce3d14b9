"""Wire copy in: ninjs 1.x and 2.x, Atom and RSS become drafts with source,
source URL, byline and publication time; a story seen twice is updated, not
duplicated, and never over an editor's change; bad items are refused one by
one; URLs only from the allow-list. Through the real command, API, services
and database."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from articles import services as article_services
from articles.models import Article, ArticleStatus
from entities.models import OrganisationKind
from entities.services import organisation_create
from newsdesk.ingest.models import IngestedStory, ProposalStatus
from newsdesk.ingest.services import FetchError, fetch, ingest, url_allowed
from newsdesk.ingest.tasks import propose_structure
from tests.webhooks.receiver import Receiver

from .feeds import (
    HEADLINE,
    REFERENCE_BODY,
    as_json,
    atom,
    ninjs1,
    ninjs2,
    reference_atom,
    rss,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tass(db):
    return organisation_create(name="TASS", kind=OrganisationKind.NEWS_AGENCY)


def run(data: bytes, capture, **kwargs):
    with capture(execute=True):
        return ingest(data=data, feed="test", **kwargs)


class TestFormats:
    def test_atom_becomes_a_draft_with_its_metadata(
        self, tass, django_capture_on_commit_callbacks
    ):
        """Headline, body paragraphs, source by the feed's name, link,
        byline and time; the worker's proposals are waiting."""
        report = run(reference_atom(), django_capture_on_commit_callbacks)
        assert [i.outcome for i in report.items] == ["created"]
        article = Article.objects.get()
        assert article.status == ArticleStatus.DRAFT
        assert article.headline == HEADLINE
        assert article.body.split("\n\n")[0] == REFERENCE_BODY.split("\n")[0].strip()
        assert article.source == tass
        assert article.source_url == "https://tass.example/1"
        assert article.published_at == datetime.datetime(
            2022, 4, 25, 9, tzinfo=datetime.UTC
        )
        assert [p.name for p in article.authors.all()] == ["Ivan Petrov"]
        story = IngestedStory.objects.get()
        assert story.guid == "urn:tass:2022:china-russia-moon"
        assert story.format == "atom"
        assert story.proposal_status == ProposalStatus.READY
        assert story.quotes_proposed == len(story.proposals["quotes"]) > 0

    def test_rss(self, db, django_capture_on_commit_callbacks):
        data = rss([{"guid": "rss-1", "title": "A story", "body": "Some text."}])
        report = run(data, django_capture_on_commit_callbacks)
        assert report.format == "rss"
        article = Article.objects.get()
        assert (article.headline, article.body) == ("A story", "Some text.")
        assert [p.name for p in article.authors.all()] == ["Anna Li"]
        assert article.source_url == "https://tass.example/2"

    def test_ninjs_2(self, tass, django_capture_on_commit_callbacks):
        report = run(as_json(ninjs2()), django_capture_on_commit_callbacks)
        assert report.format == "ninjs 2"
        article = Article.objects.get()
        assert article.body.startswith("Russian cosmonaut Pyotr Dubrov said")
        assert "<p>" not in article.body
        assert sorted(p.name for p in article.authors.all()) == [
            "Anna Li",
            "Ivan Petrov",
        ]
        assert article.source == tass
        assert article.source_url == "https://agency.example/items/1"

    def test_ninjs_1_list(self, db, django_capture_on_commit_callbacks):
        items = [ninjs1(), ninjs1(uri="https://agency.example/items/old-2")]
        report = run(as_json(items), django_capture_on_commit_callbacks)
        assert report.format == "ninjs 1"
        assert report.count("created") == 2
        article = Article.objects.order_by("pk").first()
        assert article.language == "en-gb"
        assert article.published_at.isoformat() == "2022-04-24T08:00:00+00:00"


class TestSeenAgain:
    def test_same_guid_updates_instead_of_duplicating(
        self, db, django_capture_on_commit_callbacks
    ):
        run(reference_atom(), django_capture_on_commit_callbacks)
        report = run(
            reference_atom(title="Corrected headline"),
            django_capture_on_commit_callbacks,
        )
        assert [i.outcome for i in report.items] == ["updated"]
        assert Article.objects.get().headline == "Corrected headline"
        assert IngestedStory.objects.count() == 1
        again = run(
            reference_atom(title="Corrected headline"),
            django_capture_on_commit_callbacks,
        )
        assert [i.outcome for i in again.items] == ["unchanged"]

    def test_an_editors_change_is_never_overwritten(
        self, db, django_capture_on_commit_callbacks
    ):
        """The version check: once an editor saved the draft, a new
        version from the wire leaves it alone and says so."""
        run(reference_atom(), django_capture_on_commit_callbacks)
        article = Article.objects.get()
        article.headline = "The editor's headline"
        article_services.article_save(article=article)
        report = run(
            reference_atom(title="Agency's new headline"),
            django_capture_on_commit_callbacks,
        )
        assert [i.outcome for i in report.items] == ["kept"]
        assert "editor" in report.items[0].message
        assert Article.objects.get().headline == "The editor's headline"


class TestBadItems:
    def test_each_bad_item_is_reported_and_the_rest_ingested(
        self, db, django_capture_on_commit_callbacks
    ):
        items = [
            ninjs2(uri="https://agency.example/good"),
            ninjs2(uri="https://agency.example/no-headline", headlines=[]),
            ninjs2(uri="", bodies=[{"value": "Text."}]),
            ninjs2(uri="https://agency.example/long", headlines=[{"value": "x" * 400}]),
            ninjs2(uri="https://agency.example/bad-time", firstcreated="yesterday"),
        ]
        report = run(as_json(items), django_capture_on_commit_callbacks)
        assert [i.outcome for i in report.items] == [
            "created",
            "refused",
            "refused",
            "refused",
            "refused",
        ]
        assert "headline" in report.items[1].errors
        assert "uri" in report.items[2].errors
        assert "headline" in report.items[3].errors
        assert "firstcreated" in report.items[4].errors
        # Nothing of a refused item was written: one article, one record,
        # and no byline person created for the refused ones beyond the good.
        assert Article.objects.count() == 1
        assert IngestedStory.objects.count() == 1

    def test_unreadable_document(self, db):
        with pytest.raises(ValueError, match="neither ninjs, Atom nor RSS"):
            ingest(data=b"<html>not a feed</html>", feed="page")


class TestCommand:
    def test_ingest_file_prints_each_item(self, tmp_path, db):
        path = tmp_path / "wire.xml"
        path.write_bytes(
            atom(
                [
                    {"id": "a", "title": "One", "body": "Text one."},
                    {"id": "b", "title": "", "body": "Text two."},
                ]
            )
        )
        out = io.StringIO()
        with pytest.raises(CommandError, match="1 item"):
            call_command("ingest", str(path), stdout=out, stderr=io.StringIO())
        text = out.getvalue()
        assert "1 created; 1 refused" in text
        assert "2. b: refused: title: The item has no title." in text
        assert Article.objects.filter(headline="One").exists()

    def test_json_report(self, tmp_path, db):
        path = tmp_path / "wire.json"
        path.write_bytes(as_json(ninjs2()))
        out = io.StringIO()
        call_command("ingest", str(path), "--json", stdout=out)
        [report] = json.loads(out.getvalue())
        assert (report["format"], report["created"]) == ("ninjs 2", 1)
        assert report["items"][0]["article"] == Article.objects.get().slug

    def test_url_must_be_allowed(self, db):
        with pytest.raises(CommandError):
            call_command(
                "ingest",
                "http://127.0.0.1:9/feed",
                stdout=io.StringIO(),
                stderr=io.StringIO(),
            )


class TestAllowList:
    @override_settings(INGEST_ALLOWED_URLS=["https://wire.example/feeds/"])
    def test_prefixes(self):
        assert url_allowed("https://wire.example/feeds/tass.xml")
        assert not url_allowed("https://wire.example/other")
        assert not url_allowed("http://wire.example/feeds/tass.xml")
        assert not url_allowed("https://wire.example.evil/feeds/x")
        assert not url_allowed("file:///etc/passwd")

    def test_fetches_an_allowed_url_from_a_live_server(self, db):
        with Receiver(body=reference_atom()) as server:
            url = server.url.replace("/hook", "/feeds/tass.xml")
            with pytest.raises(FetchError):
                fetch(url)
            with override_settings(INGEST_ALLOWED_URLS=[url.rsplit("/", 1)[0] + "/"]):
                assert fetch(url) == reference_atom()


class TestAPI:
    def test_editor_posts_content(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                reverse("ingest"),
                {"content": as_json(ninjs2()).decode(), "name": "agency"},
                content_type="application/json",
            )
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["created"] == 1
        assert body["items"][0]["article"] == Article.objects.get().slug

    def test_editor_posts_an_allowed_url(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        """The endpoint fetches over real HTTP, from the allow-list only."""
        with Receiver(body=reference_atom()) as server:
            url = server.url.replace("/hook", "/wire/tass.xml")
            with override_settings(INGEST_ALLOWED_URLS=[url.rsplit("/", 1)[0] + "/"]):
                with django_capture_on_commit_callbacks(execute=True):
                    response = editor_client.post(
                        reverse("ingest"), {"url": url}, content_type="application/json"
                    )
        assert response.status_code == 200, response.content
        assert response.json()["created"] == 1
        assert IngestedStory.objects.get().feed == url

    def test_errors_are_field_level(self, editor_client):
        response = editor_client.post(
            reverse("ingest"), {"content": "nonsense"}, content_type="application/json"
        )
        assert response.status_code == 400
        assert "content" in response.json()
        response = editor_client.post(
            reverse("ingest"),
            {"url": "https://elsewhere.example/x"},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert "INGEST_ALLOWED_URLS" in response.json()["url"][0]
        assert Article.objects.count() == 0

    def test_anonymous_may_not(self, client, db):
        response = client.post(
            reverse("ingest"), {"content": "{}"}, content_type="application/json"
        )
        assert response.status_code in (401, 403)


class TestProposalTask:
    def test_running_twice_changes_nothing(
        self, db, django_capture_on_commit_callbacks
    ):
        """Idempotent: a redelivered task finds its version done."""
        run(reference_atom(), django_capture_on_commit_callbacks)
        story = IngestedStory.objects.get()
        before = (story.proposals, story.quotes_proposed, story.proposals_version)
        assert propose_structure.delay(story.pk, story.article_version).get() == (
            "already done"
        )
        story.refresh_from_db()
        assert (story.proposals, story.quotes_proposed, story.proposals_version) == (
            before
        )

    def test_a_superseded_version_is_skipped(
        self, db, django_capture_on_commit_callbacks
    ):
        run(reference_atom(), django_capture_on_commit_callbacks)
        story = IngestedStory.objects.get()
        assert propose_structure.delay(story.pk, story.article_version - 1).get() == (
            "superseded"
        )
        assert json.dumps(story.proposals)


class TestHostileInput:
    @pytest.mark.parametrize(
        "item",
        [
            ninjs2(headlines=[{"value": 5}]),
            ninjs2(infosources=5, by=["x"], language=7, version={"a": 1}),
            ninjs2(firstcreated="2022-13-45T10:00:00+00:00"),
            ninjs2(bodies="text"),
            ninjs1(body_text=["x"]),
            ninjs1(byline=5, infosource="TASS", description_html=3),
            7,
            [],
        ],
    )
    def test_odd_ninjs_is_refused_or_read_never_raises(self, db, item):
        report = ingest(data=as_json([item]), feed="odd")
        assert len(report.items) == 1
        outcome = report.items[0]
        assert outcome.outcome in ("created", "refused")
        json.dumps(report.to_dict())

    def test_nul_and_lone_surrogates_never_reach_the_database(self, db):
        item = ninjs2(
            uri="https://agency.example/\u0000x",
            headlines=[{"value": "Head\u0000line \ud800"}],
            by="Anna\u0000 Li",
        )
        report = ingest(data=as_json([item]), feed="odd\ud800")
        assert [i.outcome for i in report.items] == ["created"]
        article = Article.objects.get()
        assert article.headline == "Headline"
        assert IngestedStory.objects.get().guid == "https://agency.example/x"
        json.dumps(report.to_dict()).encode()
