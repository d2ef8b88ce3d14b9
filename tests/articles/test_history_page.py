"""The history page as an editor reads it: every version lists what it
changed in the story's quotes and mentions, the note written with the save,
who saved it (linked only for those who may open the account), and never
"None"; a version's restore page lists the quotes restoring it brings back."""

from __future__ import annotations

import re
from html import escape

import pytest
from django.urls import reverse

from articles.models import Article, Quote
from tests.articles import test_history
from tests.articles.test_history import edit, history_form_data, quote_index
from tests.factories import ArticleFactory
from tests.test_admin import admin_url

pytestmark = pytest.mark.django_db

ada_editor = test_history.ada_editor
ben_editor = test_history.ben_editor
story = test_history.story


def history_table(response) -> str:
    html = response.content.decode()
    match = re.search(r'<table id="change-history".*?</table>', html, re.S)
    assert match, "no history table on the page"
    return match.group()


def lines_by_version(response) -> dict[int, list[str]]:
    return {
        record.version: record.related_changes
        for record in response.context["page_obj"]
    }


def test_each_version_lists_its_quote_and_mention_changes(client, story):
    response = client.get(admin_url(Article, "history", story.article.pk))

    assert response.status_code == 200
    lines = lines_by_version(response)
    assert lines[1] == [
        "Quote added: “We will land on the Moon before the decade is out” "
        "(Ada Vance, direct)",
        "Quote added: “ambitious but affordable” (Omar Reyes, partial)",
        "Quote added: “the agency has money enough for the landing” "
        "(Ada Vance, indirect)",
        "Mention added: Ada Vance",
        "Mention added: Omar Reyes",
    ]
    assert lines[2] == [
        "Quote “We will land on the Moon before the decade is out” (Ada Vance, "
        "direct) changed: words “We will land on the Moon before the decade is "
        "out” → “We will land on the Moon and Mars before the decade is out”",
        "Quote added: “the budget was agreed” (Omar Reyes, partial)",
    ]
    assert lines[3] == [
        "Quote removed: “ambitious but affordable” (Omar Reyes, partial)",
    ]
    assert lines[4] == [
        "Quote removed: “the budget was agreed” (Omar Reyes, partial)",
        "Quote “the agency has money enough for the landing” (Ada Vance, "
        "indirect) changed: words “the agency has money enough for the "
        "landing” → “the money is there, she said”",
    ]
    table = history_table(response)
    assert escape("Quote removed: “ambitious but affordable”") in table
    assert "None" not in table


def test_change_note_is_kept_and_shown(client, story):
    def change(page, data):
        data["standfirst"] = "A corrected standfirst."
        data["change_note"] = "Corrected the standfirst after a reader's letter"
        data[f"quotes-{quote_index(data, story.indirect)}-DELETE"] = "on"

    edit(client, story.article, change)
    # The quotes changed in the same save carry the note too.
    deleted = Quote.history.get(id=story.indirect.pk, history_type="-")
    assert deleted.history_change_reason == (
        "Corrected the standfirst after a reader's letter"
    )

    latest = story.article.history.latest("history_date")
    assert latest.history_change_reason == (
        "Corrected the standfirst after a reader's letter"
    )
    response = client.get(admin_url(Article, "history", story.article.pk))
    table = history_table(response)
    assert escape("Corrected the standfirst after a reader's letter") in table
    assert "Change reason" not in table and "None" not in table


def test_the_change_note_is_on_the_change_page(client, story):
    response = client.get(admin_url(Article, "change", story.article.pk))

    html = response.content.decode()
    assert 'name="change_note"' in html
    assert "Change note" in html


def test_a_restore_says_which_version_it_restores(client, story):
    article = story.article
    first = article.history.earliest("history_date")
    url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    page = client.get(url)
    response = client.post(url, history_form_data(page))

    assert response.status_code == 302
    latest = article.history.latest("history_date")
    assert latest.history_change_reason.startswith("Restored version 1 (saved ")


def test_editors_see_names_without_links_to_accounts_they_cannot_open(
    client, story, ada_editor
):
    """An editor may not open user accounts: the history names who saved
    each version but links nowhere that would answer 403."""
    client.force_login(ada_editor)
    assert (
        client.get(reverse("admin:auth_user_change", args=[ada_editor.pk])).status_code
        == 403
    )

    response = client.get(admin_url(Article, "history", story.article.pk))

    table = history_table(response)
    assert "/admin/auth/user/" not in table
    assert "ada-editor" in table and "ben-editor" in table


def test_who_may_open_accounts_gets_links_that_open(client, story, editor):
    client.force_login(editor)

    response = client.get(admin_url(Article, "history", story.article.pk))

    links = set(
        re.findall(r'href="(/admin/auth/user/\d+/change/)"', history_table(response))
    )
    assert len(links) == 2
    for link in links:
        assert client.get(link).status_code == 200


def test_revert_page_lists_the_quotes_that_come_back(client, story):
    article = story.article
    first = article.history.earliest("history_date")
    url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])

    response = client.get(url)

    assert response.status_code == 200
    states = {item.quote.pk: item.state for item in response.context["restored_quotes"]}
    assert states == {
        story.direct.pk: "changed back",
        story.partial.pk: "back",
        story.indirect.pk: "changed back",
    }
    assert response.context["removed_quotes"] == []
    html = response.content.decode()
    assert escape("“ambitious but affordable” — Omar Reyes, partial") in html
    assert "comes back" in html


def test_revert_page_lists_the_quotes_restoring_removes(client, story):
    """Version 1 of a story whose current version added a quote: restoring
    it would remove that quote, and the page says so."""
    article = story.article
    second = article.history.order_by("history_date")[1]
    third = article.history.order_by("history_date")[2]
    url = reverse("admin:articles_article_simple_history", args=[article.pk, third.pk])
    # At version 3 the quote added in version 2 was there; it is gone now.
    response = client.get(url)
    assert [
        item.quote.text
        for item in response.context["restored_quotes"]
        if item.state == "back"
    ] == ["the budget was agreed"]
    assert second.pk != third.pk


def test_history_page_queries(client, story, django_assert_num_queries):
    """What the history page of a four-version story with three quotes
    costs, exactly. The quote and mention lines take one query per kind of
    history row for the whole page (the article's version dates, the quote
    history, the three mention histories) and one per kind of name that
    occurs (people here), whatever the number of versions and quotes. The
    other 21: the session and user, the article (with its bylines and
    mentions, for the title) and its history, permissions, the revert
    rights (twice), and django-simple-history's byline diff, two queries
    per pair of versions."""
    url = admin_url(Article, "history", story.article.pk)
    client.get(url)

    with django_assert_num_queries(27):
        response = client.get(url)

    assert response.status_code == 200
    assert all(record.related_changes for record in response.context["page_obj"])


def test_a_save_that_only_drops_seconds_shows_no_change(editor_client):
    """A published story saved unedited: the admin's time field keeps the
    minute and second but not the microseconds, which the history does not
    present as the editor's change; times read to the minute, in UTC."""
    article = ArticleFactory(standfirst="")
    assert article.published_at.microsecond

    edit(editor_client, article, lambda page, data: None)
    edit(
        editor_client,
        article,
        lambda page, data: data.update(
            published_at_0="2010-12-08", published_at_1="09:30:00"
        ),
    )

    response = editor_client.get(admin_url(Article, "history", article.pk))
    newest, unedited, _created = response.context["page_obj"]
    assert unedited.history_delta_changes == []
    [published] = newest.history_delta_changes
    assert published["new"] == "2010-12-08 09:30 UTC"
    assert "Saved without changes." in history_table(response)
