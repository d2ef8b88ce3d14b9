"""Story ownership: a reporter changes only the drafts they are a reporter
of (whoever creates a story is; editors add others), through every write
path — the API's article and quote writes, the workflow, the admin's pages
and actions, and accepting the extraction assistant's proposals. Editors
change every story. Another reporter's draft stays visible, read-only."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token

from articles import services
from articles.models import Article, ArticleStatus, Quote
from articles.proposals import proposals_apply
from tests.factories import PersonFactory, newsroom_user
from tests.test_admin import admin_url, form_post_data

pytestmark = pytest.mark.django_db

API = "/api/v1/"
BODY = "The minister said “we will build the bridge” on Monday."


@pytest.fixture
def rita(django_user_model):
    return newsroom_user("rita", "Reporters")


@pytest.fixture
def ron(django_user_model):
    return newsroom_user("ron", "Reporters")


@pytest.fixture
def eddie(django_user_model):
    return newsroom_user("eddie", "Editors")


@pytest.fixture
def draft(rita):
    """Rita's draft, with one quote."""
    article = services.article_create(
        headline="Rita's bridge story",
        slug="ritas-bridge",
        body=BODY,
        status=ArticleStatus.DRAFT,
        created_by=rita,
    )
    services.quote_create(
        article=article, text="we will build the bridge", speaker=PersonFactory()
    )
    return article


def _api(client, user):
    client.defaults["HTTP_AUTHORIZATION"] = (
        f"Token {Token.objects.get_or_create(user=user)[0].key}"
    )
    return client


def _snapshot(article: Article) -> tuple:
    article.refresh_from_db()
    return (
        article.headline,
        article.status,
        article.version,
        sorted(article.quotes.values_list("id", "text")),
    )


def _writes(article: Article) -> list[tuple[str, str, dict]]:
    quote = article.quotes.get()
    speaker = quote.speaker.slug
    return [
        ("patch", f"articles/{article.slug}/", {"headline": "Taken over"}),
        (
            "put",
            f"articles/{article.slug}/",
            {"headline": "Taken over", "body": BODY},
        ),
        ("patch", f"articles/{article.slug}/", {"status": "in_review"}),
        (
            "post",
            "quotes/",
            {
                "article": article.slug,
                "text": "on Monday",
                "kind": "partial",
                "speaker": speaker,
            },
        ),
        ("patch", f"quotes/{quote.pk}/", {"cue": "claimed"}),
        ("delete", f"quotes/{quote.pk}/", {}),
    ]


class TestTheAPI:
    def test_another_reporter_changes_nothing(self, client, draft, ron):
        before = _snapshot(draft)
        api = _api(client, ron)
        for method, path, body in _writes(draft):
            response = getattr(api, method)(
                API + path, body, content_type="application/json"
            )
            assert response.status_code == 403, (method, path, response.content)
            assert "another reporter's draft" in str(response.json()), path
        assert _snapshot(draft) == before
        # Reading it is fine: the newsroom works in the open.
        assert api.get(API + f"articles/{draft.slug}/").status_code == 200

    def test_the_stories_reporter_makes_every_change(self, client, draft, rita):
        api = _api(client, rita)
        for method, path, body in _writes(draft):
            response = getattr(api, method)(
                API + path, body, content_type="application/json"
            )
            assert response.status_code in (200, 201, 204), (method, path)
            if path.endswith("/") and "status" in body:
                # Submitted: from now on only editors change it.
                break
        draft.refresh_from_db()
        assert draft.status == ArticleStatus.IN_REVIEW

    def test_an_editor_changes_any_story(self, client, draft, eddie):
        api = _api(client, eddie)
        for method, path, body in _writes(draft):
            response = getattr(api, method)(
                API + path, body, content_type="application/json"
            )
            assert response.status_code in (200, 201, 204), (method, path)

    def test_a_reporter_added_by_an_editor_may_edit(self, client, draft, ron):
        draft.assignees.add(ron)
        response = _api(client, ron).patch(
            API + f"articles/{draft.slug}/",
            {"headline": "Shared story"},
            content_type="application/json",
        )
        assert response.status_code == 200

    def test_a_new_story_is_its_creators(self, client, ron):
        response = _api(client, ron).post(
            API + "articles/",
            {"headline": "Ron's story", "body": BODY},
            content_type="application/json",
        )
        assert response.status_code == 201
        article = Article.objects.get(slug=response.json()["slug"])
        assert [user.username for user in article.assignees.all()] == ["ron"]


class TestTheWorkflowAndProposals:
    def test_another_reporter_cannot_submit(self, draft, ron):
        with pytest.raises(services.WorkflowError, match="another reporter's draft"):
            services.article_transition(
                article=draft, status=ArticleStatus.IN_REVIEW, user=ron
            )
        assert Article.objects.get(pk=draft.pk).status == ArticleStatus.DRAFT

    def test_another_reporter_cannot_accept_proposals(self, draft, ron):
        with pytest.raises(services.WorkflowError):
            proposals_apply(article=draft, user=ron)
        assert draft.quotes.count() == 1


class TestTheAdmin:
    def test_another_reporters_draft_opens_read_only(self, client, draft, ron):
        client.force_login(ron)
        listing = client.get(admin_url(Article, "changelist"))
        assert "Rita&#x27;s bridge story" in listing.content.decode()
        page = client.get(admin_url(Article, "change", draft.pk))
        assert page.status_code == 200
        assert page.context["has_change_permission"] is False
        before = _snapshot(draft)
        data = form_post_data(page)
        data["headline"] = "Taken over"
        assert client.post(admin_url(Article, "change", draft.pk), data).status_code
        assert _snapshot(draft) == before

    def test_another_reporter_cannot_add_a_quote_to_it(self, client, draft, ron):
        client.force_login(ron)
        page = client.get(admin_url(Quote, "add"))
        data = form_post_data(page)
        data.update(
            article=str(draft.pk),
            text="on Monday",
            kind="partial",
            speaker=str(draft.quotes.get().speaker_id),
        )
        response = client.post(admin_url(Quote, "add"), data)
        assert response.status_code == 200
        assert "article" in response.context["adminform"].form.errors
        assert draft.quotes.count() == 1

    def test_the_submit_action_refuses_another_reporters_draft(
        self, client, draft, ron
    ):
        client.force_login(ron)
        response = client.post(
            admin_url(Article, "changelist"),
            {
                "action": f"make_{ArticleStatus.IN_REVIEW}",
                "_selected_action": [draft.pk],
                "index": "0",
            },
            follow=True,
        )
        shown = " ".join(str(message) for message in response.context["messages"])
        assert "another reporter's draft" in shown
        assert Article.objects.get(pk=draft.pk).status == ArticleStatus.DRAFT

    def test_a_story_added_in_the_admin_is_its_creators(self, client, ron):
        client.force_login(ron)
        page = client.get(admin_url(Article, "add"))
        data = form_post_data(page)
        data.update(headline="Ron's admin story", slug="rons-admin-story", body=BODY)
        response = client.post(admin_url(Article, "add"), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get(slug="rons-admin-story")
        assert [user.username for user in article.assignees.all()] == ["ron"]
