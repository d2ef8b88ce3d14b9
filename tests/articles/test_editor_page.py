"""The article page as an editor works on it, through Django's test client
against the real admin: the workflow buttons each role is offered and what
pressing them saves and moves, the list actions each role is offered, the
newsroom's preview and who may open it, the counts' limits, the new story's
reporter, unambiguous dates, and a form too large to read answered with a
page that says so."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib import messages
from django.test import Client, override_settings
from django.utils import timezone

from articles.models import Article, ArticleStatus, QuoteKind
from entities.models import Person
from tests.articles.test_workflow import action_names, shown_messages, stored
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, newsroom_user
from tests.test_admin import admin_url, form_post_data

pytestmark = pytest.mark.django_db

DRAFT = ArticleStatus.DRAFT
IN_REVIEW = ArticleStatus.IN_REVIEW
PUBLISHED = ArticleStatus.PUBLISHED
ARCHIVED = ArticleStatus.ARCHIVED
BODY = "The minister said the bridge would open in spring. “We will build it.”"


@pytest.fixture
def reporter():
    return newsroom_user("rita", "Reporters")


@pytest.fixture
def desk_editor():
    return newsroom_user("eddie", "Editors")


def story(status=DRAFT, *, assignee=None, **fields) -> Article:
    if status in (PUBLISHED, ARCHIVED):
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    fields.setdefault("published_at", None)
    article = ArticleFactory(status=status, body=BODY, **fields)
    if assignee is not None:
        article.assignees.add(assignee)
    return article


def change_page(client, article):
    return client.get(admin_url(Article, "change", article.pk))


def offered_moves(response) -> list[str]:
    return re.findall(r'name="_workflow" value="(\w+)"', response.content.decode())


def press(client, article, move: str, **changes):
    """Open the article's page, change fields as typed, press ``move``."""
    data = form_post_data(change_page(client, article))
    data.update(changes)
    data["_workflow"] = move
    return client.post(admin_url(Article, "change", article.pk), data, follow=True)


class TestWorkflowButtonsOffered:
    @pytest.mark.parametrize(
        ("status", "reporter_sees", "editor_sees"),
        [
            (DRAFT, ["submit"], ["submit", "publish", "schedule"]),
            (IN_REVIEW, ["return"], ["return", "publish", "schedule"]),
            (PUBLISHED, [], ["unpublish", "archive"]),
            (ARCHIVED, [], ["reopen"]),
        ],
    )
    def test_each_role_sees_only_what_it_may_press(
        self, client, reporter, desk_editor, status, reporter_sees, editor_sees
    ):
        article = story(status, assignee=reporter)
        client.force_login(reporter)
        assert offered_moves(change_page(client, article)) == reporter_sees
        client.force_login(desk_editor)
        assert offered_moves(change_page(client, article)) == editor_sees

    def test_another_reporters_draft_offers_nothing(self, client, reporter):
        article = story(DRAFT, assignee=newsroom_user("other", "Reporters"))
        client.force_login(reporter)
        response = change_page(client, article)
        assert offered_moves(response) == []
        assert "You have no workflow step to take" in response.content.decode()

    def test_a_new_story_can_be_submitted_or_published(
        self, client, reporter, desk_editor
    ):
        client.force_login(reporter)
        assert offered_moves(client.get(admin_url(Article, "add"))) == ["submit"]
        client.force_login(desk_editor)
        assert offered_moves(client.get(admin_url(Article, "add"))) == [
            "submit",
            "publish",
            "schedule",
        ]

    def test_workflow_buttons_come_after_save(self, client, desk_editor):
        """Enter in a field presses the first submit button: "Save"."""
        client.force_login(desk_editor)
        html = change_page(client, story()).content.decode()
        assert html.index('name="_save"') < html.index('name="_workflow"')


class TestPressingAButton:
    def test_publish_saves_the_typed_changes_then_publishes(self, client, desk_editor):
        article = story(IN_REVIEW)
        client.force_login(desk_editor)

        response = press(client, article, "publish", headline="Bridge opens in spring")

        saved = stored(article)
        assert (saved.headline, saved.status) == ("Bridge opens in spring", PUBLISHED)
        assert saved.is_public
        assert response.redirect_chain[-1][0] == admin_url(
            Article, "change", article.pk
        )
        assert shown_messages(response) == [
            (
                messages.SUCCESS,
                "Saved your changes; “Bridge opens in spring” is published: it is "
                "public now.",
            )
        ]
        assert saved.history.first().history_user == desk_editor

    def test_reporter_submits_from_the_page(self, client, reporter):
        article = story(DRAFT, assignee=reporter)
        client.force_login(reporter)

        response = press(client, article, "submit", standfirst="Spring, they say.")

        saved = stored(article)
        assert (saved.standfirst, saved.status) == ("Spring, they say.", IN_REVIEW)
        assert shown_messages(response)[0][0] == messages.SUCCESS
        assert "submitted for review" in shown_messages(response)[0][1]

    def test_a_refused_move_saves_nothing_and_keeps_the_input(self, client, reporter):
        """A reporter's forged "publish" comes back as an error at the top of
        the form, with what they typed, and nothing stored changes."""
        article = story(DRAFT, assignee=reporter)
        before = stored(article)
        client.force_login(reporter)

        response = press(client, article, "publish", headline="Typed, not saved")

        assert response.status_code == 200
        form = response.context["adminform"].form
        assert form.non_field_errors() == [
            f"Nothing was saved. You may not publish “{article.headline}”: that "
            "needs an editor."
        ]
        assert 'value="Typed, not saved"' in response.content.decode()
        after = stored(article)
        assert (after.headline, after.status, after.version) == (
            before.headline,
            DRAFT,
            before.version,
        )

    def test_schedule_publishes_for_the_chosen_time(self, client, desk_editor):
        article = story(IN_REVIEW)
        later = (timezone.now() + datetime.timedelta(days=2)).replace(
            second=0, microsecond=0
        )
        client.force_login(desk_editor)

        response = press(
            client,
            article,
            "schedule",
            _schedule_at_0=f"{later.day} {later:%b %Y}",
            _schedule_at_1=f"{later:%H:%M}",
        )

        saved = stored(article)
        assert (saved.status, saved.published_at) == (PUBLISHED, later)
        assert not saved.is_public
        [(level, text)] = shown_messages(response)
        assert level == messages.SUCCESS
        assert "is scheduled: it becomes public on" in text
        assert f"{later.day} {later:%b %Y}, {later:%H:%M} UTC" in text

    @pytest.mark.parametrize(
        ("date", "time", "error"),
        [
            ("", "", "Choose the date and time the story is to be published"),
            ("2030-12-08", "", "Give both the date and the time"),
            ("08/12/2030", "09:00", "The publication date is not a date"),
            ("2001-01-01", "09:00", "1 Jan 2001, 09:00 UTC has already passed"),
        ],
    )
    def test_schedule_without_a_future_time_is_refused(
        self, client, desk_editor, date, time, error
    ):
        article = story(DRAFT)
        client.force_login(desk_editor)

        response = press(
            client,
            article,
            "schedule",
            headline="Still here",
            _schedule_at_0=date,
            _schedule_at_1=time,
        )

        assert response.status_code == 200
        [message] = response.context["adminform"].form.non_field_errors()
        assert message.startswith("Nothing was saved.") and error in message
        html = response.content.decode()
        assert 'value="Still here"' in html
        assert f'name="_schedule_at_0" value="{date}"' in html
        assert f'name="_schedule_at_1" value="{time}"' in html
        assert stored(article).status == DRAFT
        assert stored(article).headline != "Still here"

    def test_unpublish_and_archive(self, client, desk_editor):
        first, second = story(PUBLISHED), story(PUBLISHED)
        client.force_login(desk_editor)
        press(client, first, "unpublish")
        press(client, second, "archive")
        assert (stored(first).status, stored(second).status) == (DRAFT, ARCHIVED)

    def test_a_read_only_page_moves_without_saving(self, client, reporter):
        """A reporter's submitted story opens read-only; "Return to draft"
        still works from it."""
        article = story(IN_REVIEW, assignee=reporter)
        client.force_login(reporter)

        response = client.post(
            admin_url(Article, "change", article.pk),
            {"_workflow": "return", "headline": "ignored"},
            follow=True,
        )

        saved = stored(article)
        assert (saved.status, saved.headline) == (DRAFT, article.headline)
        assert shown_messages(response) == [
            (messages.SUCCESS, f"“{article.headline}” was returned to draft.")
        ]

    def test_a_read_only_page_refuses_what_the_user_may_not_do(self, client, reporter):
        article = story(PUBLISHED)
        client.force_login(reporter)

        response = client.post(
            admin_url(Article, "change", article.pk),
            {"_workflow": "archive"},
            follow=True,
        )

        assert stored(article).status == PUBLISHED
        [(level, text)] = shown_messages(response)
        assert level == messages.ERROR and "needs an editor" in text

    def test_add_and_submit_in_one_press(self, client, reporter):
        client.force_login(reporter)
        data = form_post_data(client.get(admin_url(Article, "add")))
        data.update(headline="A new story", slug="", body=BODY, _workflow="submit")

        response = client.post(admin_url(Article, "add"), data, follow=True)

        article = Article.objects.get(headline="A new story")
        assert article.status == IN_REVIEW
        assert list(article.assignees.all()) == [reporter]
        assert shown_messages(response)[0][0] == messages.SUCCESS


class TestListActionsOffered:
    PUBLISHING = {"make_published", "make_archived", "make_unpublished"}

    def test_a_reporter_is_not_offered_publishing(self, client, reporter):
        story(DRAFT, assignee=reporter)
        client.force_login(reporter)
        names = action_names(client.get(admin_url(Article, "changelist")))
        assert not names & self.PUBLISHING
        assert {"make_in_review", "make_draft"} <= names

    def test_an_editor_is(self, client, desk_editor):
        story()
        client.force_login(desk_editor)
        names = action_names(client.get(admin_url(Article, "changelist")))
        assert self.PUBLISHING | {"make_in_review", "make_draft"} <= names

    def test_unpublish_action_moves_only_published_stories(self, client, desk_editor):
        published, draft = story(PUBLISHED), story(IN_REVIEW)
        client.force_login(desk_editor)
        response = client.post(
            admin_url(Article, "changelist"),
            {
                "action": "make_unpublished",
                "_selected_action": [published.pk, draft.pk],
                "index": "0",
            },
            follow=True,
        )
        assert (stored(published).status, stored(draft).status) == (DRAFT, IN_REVIEW)
        assert sorted(level for level, _ in shown_messages(response)) == [
            messages.SUCCESS,
            messages.ERROR,
        ]


class TestPreview:
    def test_draft_as_a_reader_would_see_it(self, client, reporter):
        """Another reporter's draft: headline, standfirst, body with the quote
        marked and its speaker linked, and the preview banner."""
        speaker = PersonFactory(name="Mina Minister")
        article = story(DRAFT, headline="Bridge in spring", standfirst="Soon.")
        QuoteFactory(
            article=article, text="We will build it.", speaker=speaker, kind="direct"
        )
        client.force_login(reporter)

        response = client.get(f"/stories/preview/{article.pk}/")

        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Bridge in spring</h1>" in html
        assert '<p class="standfirst">Soon.</p>' in html
        assert re.search(
            r'<span class="quote-label quote-direct"><a href="/api/v1/people/'
            r'mina-minister/">Mina Minister</a></span><mark class="quote-depth-1 '
            r'quote-direct" title="Mina Minister \(direct quote\)">We will build '
            r"it.</mark>",
            html,
        ), html
        assert "Draft, not public" in html
        assert f'href="/admin/articles/article/{article.pk}/change/"' in html
        assert 'name="robots" content="noindex' in html

    def test_published_story_previews_and_links_its_public_page(self, editor_client):
        article = story(PUBLISHED, slug="bridge")
        html = editor_client.get(f"/stories/preview/{article.pk}/").content.decode()
        assert "Published, public" in html
        assert 'href="/stories/bridge/"' in html

    def test_anonymous_gets_a_404_and_no_right_a_403(self, django_user_model):
        article = story(DRAFT)
        url = f"/stories/preview/{article.pk}/"
        assert Client().get(url).status_code == 404
        reader = Client()
        reader.force_login(django_user_model.objects.create_user("reader"))
        assert reader.get(url).status_code == 403
        staff_without_right = Client()
        staff_without_right.force_login(
            django_user_model.objects.create_user("clerk", is_staff=True)
        )
        assert staff_without_right.get(url).status_code == 403

    def test_missing_story_is_a_404(self, editor_client):
        assert editor_client.get("/stories/preview/999999/").status_code == 404

    def test_view_on_site_and_the_page_open_the_preview(self, editor_client):
        article = story(DRAFT)
        html = change_page(editor_client, article).content.decode()
        assert f'href="/stories/preview/{article.pk}/" class="preview-link"' in html
        view_on_site = re.search(r'href="([^"]+)" class="viewsitelink"', html)
        response = editor_client.get(view_on_site.group(1))
        assert response.status_code == 302
        assert response["Location"].endswith(f"/stories/preview/{article.pk}/")

    def test_save_and_preview(self, editor_client):
        article = story(DRAFT)
        data = form_post_data(change_page(editor_client, article))
        data.update(headline="Saved then shown", _savepreview="1")
        response = editor_client.post(admin_url(Article, "change", article.pk), data)
        assert response.status_code == 302
        assert response["Location"] == f"/stories/preview/{article.pk}/"
        assert stored(article).headline == "Saved then shown"

    def test_public_page_marks_quotes_too(self, client):
        speaker = PersonFactory(name="Mina Minister")
        article = story(PUBLISHED, slug="bridge")
        QuoteFactory(article=article, text="We will build it.", speaker=speaker)
        html = client.get("/stories/bridge/").content.decode()
        assert '<a href="/api/v1/people/mina-minister/">Mina Minister</a>' in html
        assert "We will build it.</mark>" in html
        assert "Preview" not in html


class TestCountsAndRoom:
    def test_headline_limit_is_shown_not_enforced_by_cutting(self, editor_client):
        html = change_page(editor_client, story()).content.decode()
        headline = re.search(r'<input[^>]+name="headline"[^>]*>', html).group(0)
        assert 'data-max-length="300"' in headline
        assert "maxlength" not in headline
        body = re.search(r'<textarea[^>]+name="body"[^>]*>', html).group(0)
        assert 'rows="30"' in body and 'data-count="body"' in body
        assert "articles/editor.js" in html

    def test_overlong_headline_is_refused_with_the_text_kept(self, editor_client):
        article = story()
        long = "B" * 350
        data = form_post_data(change_page(editor_client, article))
        data["headline"] = long
        response = editor_client.post(admin_url(Article, "change", article.pk), data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["headline"] == [
            "Ensure this value has at most 300 characters (it has 350)."
        ]
        assert f'value="{long}"' in response.content.decode()
        assert stored(article).headline == article.headline


class TestOversizeForms:
    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=20_000)
    def test_oversize_article_body_gets_a_page_that_says_so(self, editor_client):
        article = story()
        data = form_post_data(change_page(editor_client, article))
        data["body"] = "x" * 30_000

        response = editor_client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 413
        html = response.content.decode()
        assert "Nothing was saved. This form was" in html
        assert "one save may carry at most 19.5 KiB" in html
        assert "Back to the form" in html and "data-history-back" in html
        assert 'id="logout-form"' in html  # the admin's own page
        assert stored(article).body == BODY

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1_048_576)
    def test_every_admin_form(self, editor_client):
        response = editor_client.post(
            admin_url(Person, "add"), {"name": "Big", "description": "y" * 1_100_000}
        )
        assert response.status_code == 413
        assert "1.0 MiB" in response.content.decode()
        assert not Person.objects.filter(name="Big").exists()

    @override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=50)
    def test_too_many_fields(self, editor_client):
        data = {f"field{n}": "x" for n in range(60)}
        response = editor_client.post(admin_url(Person, "add"), data)
        assert response.status_code == 400
        assert "more than 50 fields" in response.content.decode()

    def test_limits_are_on_every_admin_page(self, editor_client):
        html = editor_client.get("/admin/").content.decode()
        assert '<meta name="newsdesk-request-limit" content="1048576">' in html
        assert "core/admin-forms.js" in html


class TestNewStoryDefaults:
    def test_the_writer_is_its_reporter_and_byline(self, client, django_user_model):
        user = newsroom_user("anna", "Editors")
        user.first_name, user.last_name = "Anna", "Reporter"
        user.save()
        anna = PersonFactory(name="Anna Reporter")
        PersonFactory(name="Someone Else")
        client.force_login(user)

        form = client.get(admin_url(Article, "add")).context["adminform"].form

        assert form.initial["assignees"] == [user.pk]
        assert form.initial["authors"] == [anna.pk]

    def test_no_byline_guessed_for_a_namesake(self, client):
        user = newsroom_user("ben", "Editors")
        user.first_name, user.last_name = "Ben", "Writer"
        user.save()
        PersonFactory(name="Ben Writer")
        PersonFactory(name="Ben Writer", slug="ben-writer-2")
        client.force_login(user)
        form = client.get(admin_url(Article, "add")).context["adminform"].form
        assert "authors" not in form.initial


class TestUnambiguousDates:
    def test_lists_and_fields_show_no_slashed_dates(self, editor_client):
        article = story(
            PUBLISHED,
            published_at=datetime.datetime(2010, 12, 8, 9, 5, tzinfo=datetime.UTC),
        )
        quote = QuoteFactory(
            article=article,
            text="We will build it.",
            kind=QuoteKind.DIRECT,
            said_on=datetime.date(2010, 12, 8),
        )
        listing = editor_client.get(admin_url(Article, "changelist")).content.decode()
        assert "8 Dec 2010, 09:05" in listing
        page = editor_client.get(admin_url(type(quote), "change", quote.pk))
        html = page.content.decode()
        assert 'value="2010-12-08"' in html
        assert "08/12/2010" not in html and "08/12/2010" not in listing

    def test_slashed_date_is_refused_as_ambiguous(self, editor_client):
        article = story(DRAFT)
        quote = QuoteFactory(article=article, text="We will build it.")
        url = admin_url(type(quote), "change", quote.pk)
        data = form_post_data(editor_client.get(url))
        data["said_on"] = "08/12/2010"
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "said_on" in response.context["adminform"].form.errors
        data["said_on"] = "8 Dec 2010"
        assert editor_client.post(url, data).status_code == 302
        quote.refresh_from_db()
        assert quote.said_on == datetime.date(2010, 12, 8)


class TestPreviewQueries:
    @pytest.mark.parametrize("quotes", [1, 4])
    def test_preview_reads_the_same_whatever_the_quotes(
        self, client, reporter, django_assert_num_queries, quotes
    ):
        """The session, the account and its rights, the story, its bylines and
        its quotes with their speakers: one query each, however many quotes."""
        article = story(DRAFT)
        for n in range(quotes):
            QuoteFactory(
                article=article,
                text="the bridge would open in spring",
                kind=QuoteKind.INDIRECT,
                speaker=PersonFactory(name=f"Speaker {n}"),
            )
        client.force_login(reporter)
        with django_assert_num_queries(9):
            response = client.get(f"/stories/preview/{article.pk}/")
        assert response.content.decode().count('<span class="quote-label') == quotes


class TestReporterNewStory:
    def test_the_reporter_is_shown_as_its_reporter(self, client, reporter):
        other = newsroom_user("other", "Reporters")
        client.force_login(reporter)
        response = client.get(admin_url(Article, "add"))
        field = response.context["adminform"].form["assignees"]
        assert field.field.disabled
        assert [choice.data["label"] for choice in field.subwidgets] == ["rita"]
        [box] = re.findall(r'<input type="checkbox" name="assignees"[^>]*>', str(field))
        assert f'value="{reporter.pk}"' in box
        assert " checked" in box and " disabled" in box

        data = form_post_data(response)
        data.update(headline="Mine", body=BODY, assignees=[other.pk])
        assert client.post(admin_url(Article, "add"), data).status_code == 302
        assert list(Article.objects.get(headline="Mine").assignees.all()) == [reporter]
