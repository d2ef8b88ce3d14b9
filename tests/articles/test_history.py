"""Every saved version of a story is kept, with who saved it, and an earlier
version can be brought back whole: its text and fields and the quotes it had
then, located where they were. Restoring is content only; the workflow state
stays where the editors put it."""

from __future__ import annotations

import datetime
from html import escape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleStatus, Quote, QuoteKind
from entities import services as entity_services
from entities.models import (
    Agreement,
    AgreementStatus,
    AgreementStatusChange,
    OrganisationKind,
)
from tests.factories import OrganisationFactory, PersonFactory
from tests.test_admin import (
    _bound_field_data,
    add_inline_row,
    admin_url,
    all_error_messages,
    form_post_data,
    inline_prefix,
    quote_row,
)

pytestmark = pytest.mark.django_db

CONTENT_FIELDS = [
    "headline",
    "slug",
    "standfirst",
    "body",
    "source_id",
    "source_url",
    "language",
]

BODY_1 = (
    "“We will land on the Moon before the decade is out,” Ada Vance told "
    "reporters on Monday. Her deputy, Omar Reyes, called the plan "
    "“ambitious but affordable” and said the budget was agreed."
)
BODY_2 = "After a long debate, " + BODY_1.replace("the Moon", "the Moon and Mars")
BODY_3 = BODY_2.replace("called the plan “ambitious but affordable” and said", "said")


def staff_user(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(
        username=username, password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def ada_editor(django_user_model):
    return staff_user(django_user_model, "ada-editor", "Editors")


@pytest.fixture
def ben_editor(django_user_model):
    return staff_user(django_user_model, "ben-editor", "Editors")


def content(article: Article) -> dict:
    return {name: getattr(article, name) for name in CONTENT_FIELDS}


def quote_set(article: Article) -> set[tuple]:
    """The article's quotes as comparable rows, ids included (a restored
    quote keeps its id, so links to it work again)."""
    return set(
        Quote.objects.filter(article_id=article.pk).values_list(
            "id", "text", "kind", "speaker_id", "organisation_id", "start", "end"
        )
    )


def quote_index(data: dict, quote: Quote, prefix: str = "quotes") -> int:
    """The inline row of ``quote`` in a change page's POST data."""
    for index in range(int(data[f"{prefix}-TOTAL_FORMS"])):
        if str(data.get(f"{prefix}-{index}-id")) == str(quote.pk):
            return index
    raise AssertionError(f"{quote} is not on the page")


def history_form_data(response) -> dict:
    """What the revert page's browser form sends back unedited: the main form
    only (the revert page has no inlines)."""
    data: dict = {}
    for bound_field in response.context["adminform"].form:
        data.update(_bound_field_data(bound_field))
    return data


def edit(client, article: Article, change) -> None:
    """Open the article's change page, let ``change`` edit its POST data
    (given the page and the data), and save it."""
    page = client.get(admin_url(Article, "change", article.pk))
    assert page.status_code == 200
    data = form_post_data(page)
    change(page, data)
    response = client.post(admin_url(Article, "change", article.pk), data)
    assert response.status_code == 302, all_error_messages(response)


class Story:
    """A story written in one admin POST and then changed three times
    through its change page, with a snapshot of each version."""

    def __init__(self, client, first_editor, second_editor):
        self.ada = PersonFactory(name="Ada Vance")
        self.omar = PersonFactory(name="Omar Reyes")
        self.tass = OrganisationFactory(name="TASS", kind=OrganisationKind.NEWS_AGENCY)
        self.reuters = OrganisationFactory(
            name="Reuters", kind=OrganisationKind.NEWS_AGENCY
        )
        self.users = [first_editor, first_editor, second_editor, first_editor]
        self.versions: list[dict] = []
        self.quotes: list[set] = []

        client.force_login(first_editor)
        page = client.get(admin_url(Article, "add"))
        data = form_post_data(page)
        data.update(
            {
                "headline": "Agency promises Moon landing this decade",
                "slug": "",
                "standfirst": "The agency's head set a date.",
                "body": BODY_1,
                "source": str(self.tass.pk),
                "source_url": "https://tass.example/moon",
                "language": "en",
            }
        )
        quotes = inline_prefix(page, Quote)
        add_inline_row(
            data,
            quotes,
            **quote_row(
                text="We will land on the Moon before the decade is out",
                kind=QuoteKind.DIRECT,
                cue="told",
                speaker=self.ada.pk,
            ),
        )
        add_inline_row(
            data,
            quotes,
            **quote_row(
                text="ambitious but affordable",
                kind=QuoteKind.PARTIAL,
                cue="called",
                speaker=self.omar.pk,
            ),
        )
        add_inline_row(
            data,
            quotes,
            **quote_row(
                text="the agency has money enough for the landing",
                kind=QuoteKind.INDIRECT,
                speaker=self.ada.pk,
            ),
        )
        response = client.post(admin_url(Article, "add"), data)
        assert response.status_code == 302, all_error_messages(response)
        self.article = Article.objects.get()
        self.snapshot()
        self.direct, self.partial, self.indirect = self.article.quotes.order_by("id")

        edit(client, self.article, self.second_version)
        self.snapshot()
        client.force_login(second_editor)
        edit(client, self.article, self.third_version)
        self.snapshot()
        client.force_login(first_editor)
        edit(client, self.article, self.fourth_version)
        self.snapshot()

    def snapshot(self) -> None:
        self.article.refresh_from_db()
        self.versions.append(content(self.article))
        self.quotes.append(quote_set(self.article))

    def second_version(self, page, data) -> None:
        """New headline, standfirst and body; the direct quote reworded with
        it; a quote added."""
        data["headline"] = "Agency promises Moon and Mars landings"
        data["standfirst"] = "Mars is added to the plan."
        data["body"] = BODY_2
        index = quote_index(data, self.direct)
        data[f"quotes-{index}-text"] = (
            "We will land on the Moon and Mars before the decade is out"
        )
        add_inline_row(
            data,
            "quotes",
            **quote_row(
                text="the budget was agreed",
                kind=QuoteKind.PARTIAL,
                speaker=self.omar.pk,
            ),
        )

    def third_version(self, page, data) -> None:
        """The partial quote deleted with its words; slug, source URL and
        language changed."""
        data["body"] = BODY_3
        data["slug"] = "moon-and-mars-pledge"
        data["source_url"] = "https://tass.example/moon-and-mars"
        data["language"] = "fr"
        data[f"quotes-{quote_index(data, self.partial)}-DELETE"] = "on"

    def fourth_version(self, page, data) -> None:
        """Another source and headline; the indirect quote rewritten; the
        quote added in version 2 deleted."""
        data["headline"] = "Moon and Mars by 2030, agency says"
        data["standfirst"] = ""
        data["source"] = str(self.reuters.pk)
        data[f"quotes-{quote_index(data, self.indirect)}-text"] = (
            "the money is there, she said"
        )
        added = self.article.quotes.get(text="the budget was agreed")
        data[f"quotes-{quote_index(data, added)}-DELETE"] = "on"


@pytest.fixture
def story(client, ada_editor, ben_editor) -> Story:
    return Story(client, ada_editor, ben_editor)


class TestVersionsAreRecorded:
    def test_each_version_differs_as_edited(self, story):
        """The fixture's four versions really differ in every content field
        and in their quotes (so a restore has something to prove)."""
        first, *later = story.versions
        changed = {
            name
            for version in later
            for name in CONTENT_FIELDS
            if version[name] != first[name]
        }
        assert changed == set(CONTENT_FIELDS)
        assert len(story.quotes[0]) == 3
        assert all(quotes != story.quotes[0] for quotes in story.quotes[1:])
        assert story.article.version == 4

    def test_each_save_is_recorded_with_its_user(self, story):
        """Each admin save adds one history record naming the user who made
        it."""
        records = list(story.article.history.order_by("history_date", "history_id"))
        assert [record.history_type for record in records] == ["+", "~", "~", "~"]
        assert [record.history_user for record in records] == story.users
        assert [record.version for record in records] == [1, 2, 3, 4]
        assert [record.headline for record in records] == [
            version["headline"] for version in story.versions
        ]

    def test_quote_changes_are_recorded_with_their_user(self, story, ben_editor):
        """Deleting a quote through the story's page is in the quote's own
        history, with the user."""
        deletion = Quote.history.get(id=story.partial.pk, history_type="-")
        assert deletion.history_user == ben_editor
        assert deletion.text == "ambitious but affordable"

    def test_history_page_lists_versions_and_changed_fields(self, client, story):
        """The article's history page opens and shows, for a version, the names
        of the fields that changed."""
        response = client.get(admin_url(Article, "history", story.article.pk))

        assert response.status_code == 200
        records = list(response.context["page_obj"])
        assert len(records) == 4
        # Newest first: the fourth version against the third.
        changed = {change["field"] for change in records[0].history_delta_changes}
        assert {"Headline", "Standfirst", "Source"} <= changed
        assert "Body" not in changed
        changed = {change["field"] for change in records[1].history_delta_changes}
        assert {"Body", "Slug", "Source URL", "Language"} <= changed
        html = response.content.decode()
        for field in ("Headline", "Standfirst", "Source", "Slug", "Language"):
            assert f"<strong>{field}:</strong>" in html
        assert escape("Moon and Mars by 2030, agency says") in html
        assert "ada-editor" in html and "ben-editor" in html

    def test_deleting_an_article_leaves_a_deletion_record(self, client, story):
        """Deleting a story through the admin keeps its history, ending in a
        '-' record by the user who deleted it."""
        article = story.article
        url = admin_url(Article, "delete", article.pk)
        assert client.get(url).status_code == 200

        response = client.post(url, {"post": "yes"})

        assert response.status_code == 302
        assert not Article.objects.filter(pk=article.pk).exists()
        assert not Quote.objects.filter(article_id=article.pk).exists()
        last = Article.history.filter(id=article.pk).latest("history_date")
        assert last.history_type == "-"
        assert last.history_user == story.users[-1]
        assert last.headline == story.versions[-1]["headline"]
        assert Article.history.filter(id=article.pk).count() == 5


class TestRestoreThroughTheAdmin:
    def revert(self, client, article, version_id):
        url = reverse(
            "admin:articles_article_simple_history", args=[article.pk, version_id]
        )
        page = client.get(url)
        assert page.status_code == 200
        return page, client.post(url, history_form_data(page))

    def test_revert_to_the_first_version_restores_content_and_quotes(
        self, client, story, ben_editor
    ):
        """Reverting to version 1 on the history page brings back every content
        field and exactly the quotes version 1 had, with their ids and
        offsets."""
        article = story.article
        first = article.history.earliest("history_date")
        client.force_login(ben_editor)

        page, response = self.revert(client, article, first.history_id)

        assert (
            page.context["adminform"].form.initial["headline"]
            == (story.versions[0]["headline"])
        )
        assert response.status_code == 302, all_error_messages(response)
        article.refresh_from_db()
        assert content(article) == story.versions[0]
        assert quote_set(article) == story.quotes[0]
        for quote in article.quotes.exclude(start=None):
            assert article.body[quote.start : quote.end] == quote.text
        assert article.version == 5
        latest = article.history.latest("history_date")
        assert (latest.history_type, latest.history_user) == ("~", ben_editor)

    def test_revert_is_itself_a_version_that_can_be_undone(self, client, story):
        """After a revert the version before it can be brought back in turn."""
        article = story.article
        first = article.history.earliest("history_date")
        fourth = article.history.latest("history_date")
        _page, reverted = self.revert(client, article, first.history_id)
        assert reverted.status_code == 302, all_error_messages(reverted)
        assert quote_set(article) == story.quotes[0]

        _page, response = self.revert(client, article, fourth.history_id)

        assert response.status_code == 302, all_error_messages(response)
        article.refresh_from_db()
        assert content(article) == story.versions[3]
        assert quote_set(article) == story.quotes[3]
        assert article.version == 6

    def test_revert_keeps_the_workflow_state(self, client, story, ben_editor):
        """Reverting a published story to its draft version restores the text
        but leaves it published at its publication time."""
        article = story.article
        services.article_transition(
            article=article, status=ArticleStatus.PUBLISHED, user=ben_editor
        )
        article.refresh_from_db()
        published_at = article.published_at
        first = article.history.earliest("history_date")
        assert (first.status, first.published_at) == (ArticleStatus.DRAFT, None)
        client.force_login(ben_editor)

        _page, response = self.revert(client, article, first.history_id)

        assert response.status_code == 302, all_error_messages(response)
        article.refresh_from_db()
        assert content(article) == story.versions[0]
        assert (article.status, article.published_at) == (
            ArticleStatus.PUBLISHED,
            published_at,
        )
        assert article in Article.objects.published()


class TestRestoreThroughTheService:
    def test_article_restore_brings_back_the_first_version(self, story, ben_editor):
        """services.article_restore restores version 1's content fields and
        quotes."""
        article = Article.objects.get(pk=story.article.pk)
        first = article.history.earliest("history_date")

        services.article_restore(article=article, history_id=first.history_id)

        article.refresh_from_db()
        assert content(article) == story.versions[0]
        assert quote_set(article) == story.quotes[0]
        assert article.version == 5

    def test_article_restore_of_a_middle_version(self, story):
        """Restoring version 3 gives version 3's fields and quotes, not a mix."""
        article = Article.objects.get(pk=story.article.pk)
        third = article.history.order_by("history_date")[2]

        services.article_restore(article=article, history_id=third.history_id)

        article.refresh_from_db()
        assert content(article) == story.versions[2]
        assert quote_set(article) == story.quotes[2]

    def test_article_restore_keeps_status_and_publication_time(self, story, ben_editor):
        """The service restores content only: a scheduled story stays
        scheduled."""
        article = Article.objects.get(pk=story.article.pk)
        later = timezone.now() + datetime.timedelta(days=1)
        services.article_transition(
            article=article,
            status=ArticleStatus.PUBLISHED,
            user=ben_editor,
            published_at=later,
        )
        first = article.history.earliest("history_date")

        services.article_restore(article=article, history_id=first.history_id)

        article.refresh_from_db()
        assert content(article) == story.versions[0]
        assert (article.status, article.published_at) == (
            ArticleStatus.PUBLISHED,
            later,
        )


class TestRevertNeedsTheRightToChange:
    def test_view_only_user_cannot_revert_an_agreement(self, client, django_user_model):
        """A reporter may view agreements and their history but not POST the
        revert form: 403, and the agreement is unchanged."""
        reporter = staff_user(django_user_model, "rita-reporter", "Reporters")
        agreement = entity_services.agreement_create(
            title="Lunar cooperation accord", kind="cooperation"
        )
        agreement.title = "Lunar and Martian cooperation accord"
        entity_services.validated_save(agreement)
        first = agreement.history.earliest("history_date")
        url = reverse(
            "admin:entities_agreement_simple_history",
            args=[agreement.pk, first.history_id],
        )
        client.force_login(reporter)
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["revert_disabled"] is True

        response = client.post(url, history_form_data(page))

        assert response.status_code == 403
        stored = Agreement.objects.get(pk=agreement.pk)
        assert (stored.title, stored.version) == (
            "Lunar and Martian cooperation accord",
            2,
        )

    def test_view_only_user_cannot_revert_a_status_change(
        self, client, django_user_model
    ):
        """The guard covers the registry's other history pages too: a reporter
        cannot revert an agreement's status change."""
        reporter = staff_user(django_user_model, "rita-reporter", "Reporters")
        agreement = entity_services.agreement_create(
            title="Lunar cooperation accord", kind="cooperation"
        )
        change = entity_services.agreement_status_change_record(
            agreement=agreement,
            status=AgreementStatus.SIGNED,
            date=datetime.date(2020, 1, 1),
            note="Signed in Moscow",
        )
        change.note = "Signed in Beijing"
        entity_services.validated_save(change)
        first = change.history.earliest("history_date")
        url = reverse(
            "admin:entities_agreementstatuschange_simple_history",
            args=[change.pk, first.history_id],
        )
        client.force_login(reporter)
        page = client.get(url)
        assert page.status_code == 200

        response = client.post(url, history_form_data(page))

        assert response.status_code == 403
        assert AgreementStatusChange.objects.get(pk=change.pk).note == (
            "Signed in Beijing"
        )

    def test_editor_may_still_revert(self, client, ada_editor):
        """An editor's revert of the same kind of record goes through."""
        agreement = entity_services.agreement_create(
            title="Lunar cooperation accord", kind="cooperation"
        )
        agreement.title = "Lunar and Martian cooperation accord"
        entity_services.validated_save(agreement)
        first = agreement.history.earliest("history_date")
        url = reverse(
            "admin:entities_agreement_simple_history",
            args=[agreement.pk, first.history_id],
        )
        client.force_login(ada_editor)
        page = client.get(url)
        assert page.context["revert_disabled"] is False

        response = client.post(url, history_form_data(page))

        assert response.status_code == 302
        stored = Agreement.objects.get(pk=agreement.pk)
        assert (stored.title, stored.version) == ("Lunar cooperation accord", 3)
