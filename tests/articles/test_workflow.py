"""The editorial workflow and who may move a story along it: reporters write
drafts and submit them, editors publish, unpublish, archive and reopen. The
same rules hold through the service and through the admin's list actions, and
a reporter cannot edit a story once it has left the draft stage."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticlePerson, ArticleStatus, Quote, QuoteKind
from entities.models import MergeRecord, Organisation, Person
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory
from tests.test_admin import admin_url, all_error_messages, form_post_data

pytestmark = pytest.mark.django_db

DRAFT = ArticleStatus.DRAFT
IN_REVIEW = ArticleStatus.IN_REVIEW
PUBLISHED = ArticleStatus.PUBLISHED
ARCHIVED = ArticleStatus.ARCHIVED

# Written out rather than derived from the code under test: the workflow as
# the newsroom agreed it.
REPORTER_MAY = {(DRAFT, IN_REVIEW), (IN_REVIEW, DRAFT)}
EDITOR_ONLY = {
    (IN_REVIEW, PUBLISHED),
    (DRAFT, PUBLISHED),
    (PUBLISHED, ARCHIVED),
    (PUBLISHED, DRAFT),
    (ARCHIVED, DRAFT),
}
ALLOWED_TRANSITIONS = sorted(REPORTER_MAY | EDITOR_ONLY)
INVALID_TRANSITIONS = sorted(
    (current, target)
    for current in ArticleStatus.values
    for target in ArticleStatus.values
    if (current, target) not in REPORTER_MAY | EDITOR_ONLY
)
ROLES = ["reporter", "editor"]
QUOTE_TEXT = "we will build the bridge"


def transition_id(transition) -> str:
    return "→".join(transition)


def staff_user(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(
        username=username, password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reporter(django_user_model):
    return staff_user(django_user_model, "rita-reporter", "Reporters")


@pytest.fixture
def desk_editor(django_user_model):
    return staff_user(django_user_model, "ed-editor", "Editors")


@pytest.fixture
def users(reporter, desk_editor):
    return {"reporter": reporter, "editor": desk_editor}


def article_in(status: str, **fields) -> Article:
    """A story in ``status``; published and archived ones have a past
    publication time, drafts and stories in review none unless given."""
    if status in (PUBLISHED, ARCHIVED):
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(days=1))
    else:
        fields.setdefault("published_at", None)
    return ArticleFactory(status=status, **fields)


def stored(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def run_action(client, action: str, *articles, follow: bool = True):
    """Tick ``articles`` on the article list and run ``action``, as the
    changelist's "Go" button does."""
    return client.post(
        admin_url(Article, "changelist"),
        {
            "action": action,
            "_selected_action": [article.pk for article in articles],
            "index": "0",
        },
        follow=follow,
    )


def shown_messages(response) -> list[tuple[int, str]]:
    return [(message.level, str(message)) for message in response.context["messages"]]


def action_names(response) -> set[str]:
    action_form = response.context["action_form"]
    if action_form is None:
        return set()
    return {name for name, _label in action_form.fields["action"].choices if name}


class TestGroups:
    def test_transition_table_is_the_agreed_workflow(self):
        """The service's transition table is exactly the agreed workflow, with
        publishing rights where the newsroom put them."""
        assert set(services.TRANSITIONS) == REPORTER_MAY | EDITOR_ONLY
        for transition, (_verb, permission) in services.TRANSITIONS.items():
            expected = (
                "articles.change_article"
                if transition in REPORTER_MAY
                else "articles.publish_article"
            )
            assert permission == expected, transition

    def test_groups_from_the_data_migration_grant_publishing_to_editors_only(
        self, reporter, desk_editor
    ):
        """Only the Editors group may publish; both may edit stories."""
        assert reporter.has_perm("articles.change_article")
        assert not reporter.has_perm("articles.publish_article")
        assert not reporter.has_perm("entities.delete_person")
        assert desk_editor.has_perm("articles.change_article")
        assert desk_editor.has_perm("articles.publish_article")
        assert desk_editor.has_perm("entities.delete_person")


class TestTransitionsThroughTheService:
    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("transition", ALLOWED_TRANSITIONS, ids=transition_id)
    def test_transition_by_role(self, users, role, transition):
        """Each workflow step succeeds for a user allowed it and is refused,
        with nothing saved, for one who is not. The reporter is the story's."""
        current, target = transition
        article = article_in(current, created_by=users["reporter"])
        version = article.version
        allowed = role == "editor" or transition in REPORTER_MAY

        if allowed:
            services.article_transition(
                article=article, status=target, user=users[role]
            )
            saved = stored(article)
            assert saved.status == target
            assert saved.version == version + 1
            assert saved.history.first().history_user == users[role]
        else:
            with pytest.raises(services.WorkflowError) as excinfo:
                services.article_transition(
                    article=article, status=target, user=users[role]
                )
            assert excinfo.value.code == "permission_denied"
            assert "needs an editor" in excinfo.value.messages[0]
            saved = stored(article)
            assert saved.status == current
            assert saved.version == version

    @pytest.mark.parametrize("transition", INVALID_TRANSITIONS, ids=transition_id)
    def test_invalid_transition_refused_even_for_an_editor(
        self, desk_editor, transition
    ):
        """A step outside the workflow (e.g. draft → archived) is refused
        whoever asks, and the story is left as it was."""
        current, target = transition
        article = article_in(current)
        before = stored(article)

        with pytest.raises(services.WorkflowError) as excinfo:
            services.article_transition(
                article=article, status=target, user=desk_editor
            )

        assert excinfo.value.code == "invalid_transition"
        assert isinstance(excinfo.value, ValidationError)
        after = stored(article)
        assert (after.status, after.published_at, after.version) == (
            before.status,
            before.published_at,
            before.version,
        )

    @pytest.mark.parametrize("current", [DRAFT, IN_REVIEW])
    def test_publishing_without_a_time_stamps_now(self, desk_editor, current):
        """Publishing a story with no publication time makes it public now."""
        article = article_in(current)
        before = timezone.now()

        services.article_transition(article=article, status=PUBLISHED, user=desk_editor)

        saved = stored(article)
        assert saved.status == PUBLISHED
        assert before <= saved.published_at <= timezone.now()
        assert saved in Article.objects.published()

    def test_publishing_keeps_a_future_time_and_schedules(self, desk_editor):
        """A future publication time set on the draft is kept: the story is
        published but not public until then."""
        later = timezone.now() + datetime.timedelta(days=2)
        article = article_in(IN_REVIEW, published_at=later)

        services.article_transition(article=article, status=PUBLISHED, user=desk_editor)

        saved = stored(article)
        assert (saved.status, saved.published_at) == (PUBLISHED, later)
        assert saved not in Article.objects.published()
        assert saved in Article.objects.published(at=later)

    def test_publishing_at_a_given_time_schedules(self, desk_editor):
        """A publication time passed to the service schedules the story."""
        later = timezone.now() + datetime.timedelta(hours=3)
        article = article_in(DRAFT)

        services.article_transition(
            article=article, status=PUBLISHED, user=desk_editor, published_at=later
        )

        saved = stored(article)
        assert (saved.status, saved.published_at) == (PUBLISHED, later)
        assert not Article.objects.published().filter(pk=article.pk).exists()

    def test_republishing_keeps_the_original_time(self, desk_editor):
        """Unpublishing and publishing again keeps the first publication time."""
        first = timezone.now() - datetime.timedelta(days=5)
        article = article_in(PUBLISHED, published_at=first)

        services.article_transition(article=article, status=DRAFT, user=desk_editor)
        services.article_transition(article=article, status=PUBLISHED, user=desk_editor)

        saved = stored(article)
        assert (saved.status, saved.published_at) == (PUBLISHED, first)


class TestTransitionsThroughTheAdminActions:
    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("transition", ALLOWED_TRANSITIONS, ids=transition_id)
    def test_list_action_by_role(self, client, users, role, transition):
        """Each list action moves the ticked story for a user allowed it; one
        who is not is not offered publishing or archiving at all, and is
        shown an error by the others, the story left as it was."""
        current, target = transition
        article = article_in(current, created_by=users["reporter"])
        version = article.version
        allowed = role == "editor" or transition in REPORTER_MAY
        client.force_login(users[role])

        response = run_action(client, f"make_{target}", article)

        assert response.status_code == 200
        assert response.redirect_chain == [(admin_url(Article, "changelist"), 302)]
        shown = shown_messages(response)
        saved = stored(article)
        if allowed:
            assert saved.status == target
            assert saved.version == version + 1
            assert [level for level, _text in shown] == [messages.SUCCESS]
            assert article.headline in shown[0][1]
            assert saved.history.first().history_user == users[role]
        elif target in (PUBLISHED, ARCHIVED):
            # Not offered to a reporter at all: Django refuses an action
            # that is not among the page's choices.
            assert saved.status == current
            assert saved.version == version
            assert shown == [(messages.WARNING, "No action selected.")]
        else:
            assert saved.status == current
            assert saved.version == version
            assert len(shown) == 1
            level, text = shown[0]
            assert level == messages.ERROR
            assert "needs an editor" in text
            assert article.headline in text

    @pytest.mark.parametrize("transition", INVALID_TRANSITIONS, ids=transition_id)
    def test_invalid_list_action_shows_an_error(self, client, desk_editor, transition):
        """A list action outside the workflow is refused with an error message
        and the story is untouched."""
        current, target = transition
        article = article_in(current)
        before = stored(article)
        client.force_login(desk_editor)

        response = run_action(client, f"make_{target}", article)

        assert response.status_code == 200
        shown = shown_messages(response)
        assert [level for level, _text in shown] == [messages.ERROR]
        assert "cannot become" in shown[0][1]
        after = stored(article)
        assert (after.status, after.published_at, after.version) == (
            before.status,
            before.published_at,
            before.version,
        )

    def test_publish_action_stamps_now_when_no_time_is_set(self, client, desk_editor):
        """The publish action makes a story without a time public at once."""
        article = article_in(IN_REVIEW)
        client.force_login(desk_editor)
        before = timezone.now()

        response = run_action(client, "make_published", article)

        assert response.status_code == 200
        saved = stored(article)
        assert saved.status == PUBLISHED
        assert before <= saved.published_at <= timezone.now()
        assert saved in Article.objects.published()

    def test_publish_action_keeps_a_future_time(self, client, desk_editor):
        """The publish action on a story with a future time schedules it."""
        later = timezone.now() + datetime.timedelta(days=1)
        article = article_in(IN_REVIEW, published_at=later)
        client.force_login(desk_editor)

        response = run_action(client, "make_published", article)

        assert response.status_code == 200
        assert [level for level, _ in shown_messages(response)] == [messages.SUCCESS]
        saved = stored(article)
        assert (saved.status, saved.published_at) == (PUBLISHED, later)
        assert saved not in Article.objects.published()

    def test_mixed_selection_moves_what_it_may(self, client, reporter):
        """Of several ticked stories, those the user may move are moved and
        each refusal gets its own error."""
        draft = article_in(DRAFT, created_by=reporter)
        published = article_in(PUBLISHED)
        client.force_login(reporter)

        response = run_action(client, "make_in_review", draft, published)

        assert response.status_code == 200
        levels = sorted(level for level, _ in shown_messages(response))
        assert levels == [messages.SUCCESS, messages.ERROR]
        assert stored(draft).status == IN_REVIEW
        assert stored(published).status == PUBLISHED


class TestReporterEditing:
    def change_page(self, client, article):
        return client.get(admin_url(Article, "change", article.pk))

    def test_reporter_edits_a_draft(self, client, reporter):
        """A reporter's draft opens editable and their change is saved."""
        article = article_in(DRAFT, created_by=reporter)
        client.force_login(reporter)
        page = self.change_page(client, article)
        assert page.status_code == 200
        assert page.context["has_change_permission"] is True
        assert 'name="_save"' in page.content.decode()
        data = form_post_data(page)
        data["headline"] = "Reporter's better headline"

        response = client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 302, all_error_messages(response)
        saved = stored(article)
        assert saved.headline == "Reporter's better headline"
        assert saved.status == DRAFT
        assert saved.history.first().history_user == reporter

    @pytest.mark.parametrize("status", [IN_REVIEW, PUBLISHED, ARCHIVED])
    def test_reporter_gets_a_read_only_page_once_submitted(
        self, client, reporter, status
    ):
        """Once out of draft, a reporter sees the story but cannot save it:
        no save button, and a POST is refused with 403."""
        article = article_in(status)
        before = stored(article)
        client.force_login(reporter)
        page = self.change_page(client, article)
        assert page.status_code == 200
        assert page.context["has_change_permission"] is False
        assert 'name="_save"' not in page.content.decode()
        assert "headline" not in page.context["adminform"].form.fields
        data = {
            "headline": "Sneaky rewrite",
            "slug": before.slug,
            "body": before.body,
            "language": "en",
            "loaded_version": str(before.version),
        }

        response = client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 403
        after = stored(article)
        assert (after.headline, after.version, after.status) == (
            before.headline,
            before.version,
            status,
        )

    def test_editor_edits_a_story_in_review(self, client, desk_editor):
        """An editor may still change a story in review."""
        article = article_in(IN_REVIEW)
        client.force_login(desk_editor)
        page = self.change_page(client, article)
        assert page.status_code == 200
        assert page.context["has_change_permission"] is True
        data = form_post_data(page)
        data["headline"] = "Editor's headline"

        response = client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 302, all_error_messages(response)
        saved = stored(article)
        assert (saved.headline, saved.status) == ("Editor's headline", IN_REVIEW)

    def test_reporter_cannot_revert_a_published_story_from_its_history(
        self, client, reporter, desk_editor
    ):
        """The history page's revert form is no back door: a reporter who may
        only view a published story cannot restore an older version of it."""
        article = article_in(DRAFT, headline="First headline")
        services.article_transition(article=article, status=PUBLISHED, user=desk_editor)
        article.headline = "Published headline"
        services.article_save(article=article)
        first = article.history.earliest("history_date")
        before = stored(article)
        client.force_login(reporter)
        url = reverse(
            "admin:articles_article_simple_history", args=[article.pk, first.pk]
        )
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["revert_disabled"] is True

        response = client.post(
            url,
            {
                "headline": "First headline",
                "slug": before.slug,
                "body": before.body,
                "language": "en",
            },
        )

        assert response.status_code == 403
        after = stored(article)
        assert (after.headline, after.status, after.version) == (
            "Published headline",
            PUBLISHED,
            before.version,
        )


class TestStoryPartsFollowTheStory:
    """Quotes and mentions have admin pages of their own; they must not be a
    way round the lock on a story that has left the draft stage."""

    @pytest.fixture
    def quoted(self, reporter):
        """A quote in a published story and one in the reporter's draft."""
        speaker = PersonFactory(name="Ada Vance")
        published = services.quote_create(
            article=article_in(PUBLISHED), speaker=speaker, text=QUOTE_TEXT
        )
        draft = services.quote_create(
            article=article_in(DRAFT, created_by=reporter),
            speaker=speaker,
            text=QUOTE_TEXT,
        )
        return {PUBLISHED: published, DRAFT: draft}

    def test_reporter_cannot_edit_a_published_storys_quote(
        self, client, reporter, quoted
    ):
        """A quote of a published story opens read-only for a reporter and a
        POST to it is refused with 403."""
        quote = quoted[PUBLISHED]
        client.force_login(reporter)
        url = admin_url(Quote, "change", quote.pk)
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["has_change_permission"] is False

        response = client.post(
            url,
            {
                "article": str(quote.article_id),
                "text": "they will build a tunnel",
                "kind": QuoteKind.INDIRECT,
                "speaker": str(quote.speaker_id),
            },
        )

        assert response.status_code == 403
        stored = Quote.objects.get(pk=quote.pk)
        assert (stored.text, stored.kind) == (QUOTE_TEXT, QuoteKind.DIRECT)

    def test_reporter_cannot_delete_a_published_storys_quote(
        self, client, reporter, quoted
    ):
        """Deleting a published story's quote on its own page is refused."""
        quote = quoted[PUBLISHED]
        client.force_login(reporter)

        response = client.post(admin_url(Quote, "delete", quote.pk), {"post": "yes"})

        assert response.status_code == 403
        assert Quote.objects.filter(pk=quote.pk).exists()

    def test_reporter_bulk_delete_with_a_published_storys_quote_is_refused(
        self, client, reporter, quoted
    ):
        """The quote list's bulk delete refuses a selection that includes a
        published story's quote, and deletes none of it."""
        client.force_login(reporter)

        response = client.post(
            admin_url(Quote, "changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [quoted[PUBLISHED].pk, quoted[DRAFT].pk],
                "post": "yes",
            },
        )

        assert response.status_code == 403
        assert Quote.objects.count() == 2

    def test_reporter_edits_a_drafts_quote_on_its_page(self, client, reporter, quoted):
        """A draft's quote stays editable for its reporter on the quote page."""
        quote = quoted[DRAFT]
        client.force_login(reporter)
        page = client.get(admin_url(Quote, "change", quote.pk))
        assert page.context["has_change_permission"] is True
        data = form_post_data(page)
        data["cue"] = "promised"

        response = client.post(admin_url(Quote, "change", quote.pk), data)

        assert response.status_code == 302, all_error_messages(response)
        assert Quote.objects.get(pk=quote.pk).cue == "promised"

    def test_reporter_cannot_add_a_quote_to_a_published_story(
        self, client, reporter, quoted
    ):
        """The quote add page refuses a published story as the article, and
        no quote is created."""
        published = quoted[PUBLISHED].article
        client.force_login(reporter)
        page = client.get(admin_url(Quote, "add"))
        data = form_post_data(page)
        data.update(
            {
                "article": str(published.pk),
                "text": QUOTE_TEXT,
                "kind": QuoteKind.DIRECT,
                "speaker": str(quoted[PUBLISHED].speaker_id),
            }
        )

        response = client.post(admin_url(Quote, "add"), data)

        assert response.status_code == 200
        errors = response.context["adminform"].form.errors["article"]
        assert "only an editor may change it now" in errors[0]
        assert published.quotes.count() == 1

    def test_reporter_cannot_move_a_drafts_quote_into_a_published_story(
        self, client, reporter, quoted
    ):
        """Pointing a draft's quote at a published story is refused too."""
        quote = quoted[DRAFT]
        published = quoted[PUBLISHED].article
        client.force_login(reporter)
        page = client.get(admin_url(Quote, "change", quote.pk))
        data = form_post_data(page)
        data["article"] = str(published.pk)

        response = client.post(admin_url(Quote, "change", quote.pk), data)

        assert response.status_code == 200
        assert Quote.objects.get(pk=quote.pk).article_id == quote.article_id
        assert published.quotes.count() == 1

    def test_reporter_cannot_remove_a_published_storys_mention(
        self, client, reporter, quoted
    ):
        """A mention of a published story cannot be deleted by a reporter."""
        mention = ArticlePerson.objects.get(article=quoted[PUBLISHED].article)
        client.force_login(reporter)

        response = client.post(
            admin_url(ArticlePerson, "delete", mention.pk), {"post": "yes"}
        )

        assert response.status_code == 403
        assert ArticlePerson.objects.filter(pk=mention.pk).exists()

    def test_editor_edits_a_published_storys_quote(self, client, desk_editor, quoted):
        """Editors keep the right to correct a published story's quote."""
        quote = quoted[PUBLISHED]
        client.force_login(desk_editor)
        page = client.get(admin_url(Quote, "change", quote.pk))
        data = form_post_data(page)
        data["cue"] = "promised"

        response = client.post(admin_url(Quote, "change", quote.pk), data)

        assert response.status_code == 302, all_error_messages(response)
        assert Quote.objects.get(pk=quote.pk).cue == "promised"


class TestMergeActionVisibility:
    @pytest.mark.parametrize("model", [Person, Organisation])
    def test_reporters_are_not_offered_the_merge_action(self, client, reporter, model):
        """The merge action is missing from a reporter's list of records."""
        client.force_login(reporter)

        response = client.get(admin_url(model, "changelist"))

        assert response.status_code == 200
        assert "merge_selected" not in action_names(response)

    @pytest.mark.parametrize("model", [Person, Organisation])
    def test_editors_are_offered_the_merge_action(self, client, desk_editor, model):
        """Editors see the merge action on people and organisations."""
        client.force_login(desk_editor)

        response = client.get(admin_url(model, "changelist"))

        assert response.status_code == 200
        assert "merge_selected" in action_names(response)

    def test_reporter_posting_the_merge_action_merges_nothing(self, client, reporter):
        """A reporter who forges the merge POST is refused; both people stay."""
        first = PersonFactory(name="Ada Vance")
        second = PersonFactory(name="Ada  Vance", slug="ada-vance-2")
        client.force_login(reporter)

        response = client.post(
            admin_url(Person, "changelist"),
            {
                "action": "merge_selected",
                "_selected_action": [first.pk, second.pk],
                "confirm": "yes",
                "survivor": str(first.pk),
            },
            follow=True,
        )

        assert response.status_code == 200
        assert Person.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
        assert not MergeRecord.objects.exists()

    def test_reporter_posting_the_organisation_merge_merges_nothing(
        self, client, reporter
    ):
        """The same holds for organisations."""
        first = OrganisationFactory(name="Roscosmos")
        second = OrganisationFactory(name="Roskosmos")
        client.force_login(reporter)

        response = client.post(
            admin_url(Organisation, "changelist"),
            {
                "action": "merge_selected",
                "_selected_action": [first.pk, second.pk],
                "confirm": "yes",
                "survivor": str(first.pk),
            },
            follow=True,
        )

        assert response.status_code == 200
        assert Organisation.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
        assert not MergeRecord.objects.exists()
