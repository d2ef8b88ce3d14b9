"""A body edit that removes quotes' words: the article page comes back with
the body marked, each broken quote listed at the top with the closest
passage of the new body offered as its new words, and everything typed
kept; choosing "update" or "remove" and saving repairs the story. The rule
itself is the model's (Quote.clean), so the API refuses the same edit."""

from __future__ import annotations

from html import escape

import pytest

from articles import services
from articles.models import Article, Quote, QuoteKind
from articles.text import closest_passage
from tests.factories import ArticleFactory, PersonFactory
from tests.test_admin import admin_url, all_error_messages, field_errors, form_post_data

pytestmark = pytest.mark.django_db

BODY = (
    "“We will land on the Moon before the decade is out,” Ada Vance told "
    "reporters on Monday. Her deputy, Omar Reyes, called the plan "
    "“ambitious but affordable” and said the budget was agreed."
)
EDITED = BODY.replace("the Moon before the decade is out", "Mars by 2030").replace(
    "ambitious but affordable", "bold but affordable"
)
DIRECT = "We will land on the Moon before the decade is out"
PARTIAL = "ambitious but affordable"


@pytest.fixture
def story():
    article = ArticleFactory(headline="Moon landing promised", body=BODY)
    ada, omar = PersonFactory(name="Ada Vance"), PersonFactory(name="Omar Reyes")
    direct = services.quote_create(
        article=article, text=DIRECT, speaker=ada, kind=QuoteKind.DIRECT
    )
    partial = services.quote_create(
        article=article, text=PARTIAL, speaker=omar, kind=QuoteKind.PARTIAL
    )
    return article, direct, partial


def row_of(data: dict, quote: Quote) -> str:
    for index in range(int(data["quotes-TOTAL_FORMS"])):
        if str(data.get(f"quotes-{index}-id")) == str(quote.pk):
            return f"quotes-{index}"
    raise AssertionError(quote)


def edit_body(client, article, body, **changes):
    page = client.get(admin_url(Article, "change", article.pk))
    data = form_post_data(page)
    data.update(body=body, **changes)
    return data, client.post(admin_url(Article, "change", article.pk), data)


class TestClosestPassage:
    def test_follows_the_edit_to_the_words_that_replaced_the_quote(self):
        start = BODY.index(PARTIAL)
        assert (
            closest_passage(
                EDITED, PARTIAL, old_body=BODY, old_span=(start, start + len(PARTIAL))
            )
            == "bold but affordable"
        )

    def test_follows_a_rewording_of_a_whole_sentence(self):
        assert (
            closest_passage(
                EDITED, DIRECT, old_body=BODY, old_span=(1, 1 + len(DIRECT))
            )
            == "We will land on Mars by 2030"
        )

    def test_without_an_old_place_searches_the_body(self):
        """A quote never saved has no old place: the passage most like its
        words is offered."""
        assert closest_passage(EDITED, "the budgett was agred") == (
            "the budget was agreed"
        )

    def test_offers_nothing_when_no_passage_is_close(self):
        assert closest_passage("The weather was fine all week.", DIRECT) is None


class TestRepairOnTheArticlePage:
    def test_broken_quotes_are_listed_and_the_body_marked(self, editor_client, story):
        article, direct, partial = story
        data, response = edit_body(
            editor_client, article, EDITED, headline="Mars landing promised"
        )

        assert response.status_code == 200
        assert any(
            "no longer has the words of 2 quotes" in e
            for e in field_errors(response, "body")
        )
        broken = {quote.text: quote for quote in response.context["broken_quotes"]}
        assert set(broken) == {DIRECT, PARTIAL}
        assert broken[PARTIAL].suggestion == "bold but affordable"
        assert broken[DIRECT].suggestion == "We will land on Mars by 2030"
        assert broken[PARTIAL].speaker == "Omar Reyes"
        html = response.content.decode()
        assert 'id="quote-repair"' in html
        assert escape("bold but affordable") in html
        # Everything typed is still on the page.
        form = response.context["adminform"].form
        assert form["headline"].value() == "Mars landing promised"
        assert form["body"].value() == EDITED
        stored = Article.objects.get(pk=article.pk)
        assert (stored.body, stored.headline) == (BODY, "Moon landing promised")

    def test_update_and_remove_choices_are_saved(self, editor_client, story):
        article, direct, partial = story
        data, refused = edit_body(editor_client, article, EDITED)
        broken = {quote.text: quote for quote in refused.context["broken_quotes"]}
        data[broken[PARTIAL].field] = "update"
        data[f"{broken[PARTIAL].field}-text"] = broken[PARTIAL].suggestion
        data[broken[DIRECT].field] = "remove"
        data["_continue"] = "1"

        response = editor_client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 302, all_error_messages(response)
        article.refresh_from_db()
        assert article.body == EDITED
        assert not Quote.objects.filter(pk=direct.pk).exists()
        partial.refresh_from_db()
        assert partial.text == "bold but affordable"
        assert EDITED[partial.start : partial.end] == "bold but affordable"

    def test_leaving_a_quote_keeps_refusing(self, editor_client, story):
        """The default choice repairs nothing: the model still refuses."""
        article, _direct, partial = story
        data, refused = edit_body(editor_client, article, EDITED)
        broken = {quote.text: quote for quote in refused.context["broken_quotes"]}
        data[broken[PARTIAL].field] = "update"
        data[f"{broken[PARTIAL].field}-text"] = broken[PARTIAL].suggestion

        response = editor_client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 200
        assert [q.text for q in response.context["broken_quotes"]] == [DIRECT]
        assert Article.objects.get(pk=article.pk).body == BODY

    def test_a_new_quote_typed_wrong_is_listed_too(self, editor_client, story):
        article, _direct, _partial = story
        page = editor_client.get(admin_url(Article, "change", article.pk))
        data = form_post_data(page)
        index = int(data["quotes-TOTAL_FORMS"])
        data["quotes-TOTAL_FORMS"] = index + 1
        data.update(
            {
                f"quotes-{index}-text": "the budgett was agred",
                f"quotes-{index}-kind": QuoteKind.PARTIAL,
                f"quotes-{index}-speaker": str(_partial.speaker_id),
            }
        )

        response = editor_client.post(admin_url(Article, "change", article.pk), data)

        assert response.status_code == 200
        [broken] = response.context["broken_quotes"]
        assert broken.suggestion == "the budget was agreed"
