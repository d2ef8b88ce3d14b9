"""Stories and quotes: a quote is located in its article's body or refused,
its defaults come from the article and the speaker's role, and editing the
body never leaves a quote with wrong offsets."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import services
from articles.models import Article, Quote, QuoteKind
from tests.factories import (
    ArticleFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

BODY = (
    "Calling Russia a “major space power”, Hanhui mentioned China's success. "
    '"It will benefit the whole of humanity," Hanhui told TASS.'
)


@pytest.fixture
def article():
    return ArticleFactory(
        body=BODY, published_at=datetime.datetime(2022, 5, 3, 9, tzinfo=datetime.UTC)
    )


@pytest.fixture
def zhang():
    return PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])


class TestQuoteLocation:
    def test_direct_quote_gets_computed_offsets(self, article, zhang):
        """Offsets are computed from the body, never typed."""
        quote = services.quote_create(
            article=article,
            speaker=zhang,
            kind=QuoteKind.DIRECT,
            text="It will benefit the whole of humanity",
        )
        assert BODY[quote.start : quote.end] == "It will benefit the whole of humanity"

    @pytest.mark.parametrize("kind", [QuoteKind.DIRECT, QuoteKind.PARTIAL])
    def test_verbatim_quote_not_in_body_refused(self, article, zhang, kind):
        """A direct or partial quote missing from the body is refused on the
        text field with a message naming the problem, and nothing is saved."""
        with pytest.raises(ValidationError) as excinfo:
            services.quote_create(
                article=article, speaker=zhang, kind=kind, text="we love the Moon"
            )
        errors = excinfo.value.message_dict
        assert list(errors) == ["text"]
        assert (
            f"This {kind} quote does not occur in the article's body"
            in (errors["text"][0])
        )
        assert not Quote.objects.exists()
        assert not article.people.exists()

    def test_indirect_quote_in_other_words_has_no_offsets(self, article, zhang):
        """Reported speech need not be verbatim; it is then not located."""
        quote = services.quote_create(
            article=article,
            speaker=zhang,
            kind=QuoteKind.INDIRECT,
            text="Russia is a great space power",
        )
        assert (quote.start, quote.end) == (None, None)

    def test_typographic_marks_match_straight_ones(self, article, zhang):
        """An editor typing straight marks still finds the typographic ones;
        the stored text is the body's own characters."""
        quote = services.quote_create(
            article=article,
            speaker=zhang,
            kind=QuoteKind.INDIRECT,
            text="China's success",
        )
        assert quote.text == BODY[quote.start : quote.end]
        partial = services.quote_create(
            article=article,
            speaker=zhang,
            kind=QuoteKind.PARTIAL,
            text="“major space power”",
        )
        assert partial.text == "major space power"

    def test_empty_text_refused(self, article, zhang):
        """Quotation marks alone are not a quote."""
        with pytest.raises(ValidationError) as excinfo:
            services.quote_create(article=article, speaker=zhang, text=" “” ")
        assert "text" in excinfo.value.message_dict

    def test_unlocated_verbatim_quote_refused_by_database(self, article, zhang):
        """The database refuses a direct quote without offsets, and offsets
        out of order."""
        with pytest.raises(IntegrityError), transaction.atomic():
            Quote.objects.create(
                article=article, speaker=zhang, kind=QuoteKind.DIRECT, text="x"
            )
        with pytest.raises(IntegrityError), transaction.atomic():
            Quote.objects.create(
                article=article,
                speaker=zhang,
                kind=QuoteKind.INDIRECT,
                text="x",
                start=10,
                end=5,
            )


class TestQuoteDefaults:
    def test_said_on_defaults_to_publication_date(self, article, zhang):
        """Left empty, a quote was said on its article's publication date."""
        quote = QuoteFactory(article=article, speaker=zhang, text="major space power")
        assert quote.said_on == datetime.date(2022, 5, 3)

    def test_organisation_defaults_from_the_one_role_at_the_time(self, article, zhang):
        """The speaker spoke for the organisation of their role at the time."""
        china = OrganisationFactory(name="China")
        RoleFactory(person=zhang, organisation=china, title="Ambassador to Russia")
        RoleFactory(
            person=zhang,
            organisation=OrganisationFactory(name="Old employer"),
            end_date=datetime.date(2019, 1, 1),
        )
        quote = QuoteFactory(article=article, speaker=zhang, text="major space power")
        assert quote.organisation == china

    def test_no_default_when_roles_are_ambiguous(self, article, zhang):
        """Two organisations at the time: the editor must choose."""
        RoleFactory(person=zhang)
        RoleFactory(person=zhang)
        quote = QuoteFactory(article=article, speaker=zhang, text="major space power")
        assert quote.organisation is None

    def test_given_organisation_is_kept(self, article, zhang):
        """An organisation the editor chose is never overridden."""
        RoleFactory(person=zhang)
        chosen = OrganisationFactory(name="Chosen")
        quote = QuoteFactory(
            article=article,
            speaker=zhang,
            organisation=chosen,
            text="major space power",
        )
        assert quote.organisation == chosen

    def test_quote_records_mentions(self, article, zhang):
        """The speaker, the organisation and the outlet become mentions."""
        tass = OrganisationFactory(name="TASS")
        china = OrganisationFactory(name="China")
        QuoteFactory(
            article=article,
            speaker=zhang,
            organisation=china,
            outlet=tass,
            text="It will benefit the whole of humanity",
        )
        assert list(article.people.all()) == [zhang]
        assert set(article.organisations.all()) == {tass, china}


class TestBodyEdits:
    def test_editing_body_relocates_quotes(self, article, zhang):
        """Text inserted before a quote moves its offsets with it."""
        quote = QuoteFactory(article=article, speaker=zhang, text="major space power")
        article.body = "MOSCOW — " + article.body
        services.article_save(article=article)
        quote.refresh_from_db()
        assert article.body[quote.start : quote.end] == "major space power"
        assert quote.start == BODY.index("major space power") + len("MOSCOW — ")

    def test_body_edit_removing_a_quote_is_refused(self, article, zhang):
        """An edit that deletes quoted words is refused on body, naming the
        quote, and the stored article is unchanged."""
        QuoteFactory(article=article, speaker=zhang, text="major space power")
        article.body = article.body.replace("major space power", "big player")
        with pytest.raises(ValidationError) as excinfo:
            services.article_save(article=article)
        message = excinfo.value.message_dict["body"][0]
        assert "major space power" in message and "Zhang Hanhui" in message
        assert Article.objects.get(pk=article.pk).body == BODY


class TestArticles:
    def test_published_requires_time(self):
        """A published article without a publication time is refused."""
        with pytest.raises(ValidationError) as excinfo:
            ArticleFactory(published_at=None)
        assert "published_at" in excinfo.value.message_dict

    def test_published_queryset_hides_drafts_and_future(self):
        """published() is the one definition of public."""
        now = timezone.now()
        public = ArticleFactory(headline="Out")
        ArticleFactory(headline="Draft", status="draft", published_at=None)
        ArticleFactory(headline="Later", published_at=now + datetime.timedelta(days=1))
        ArticleFactory(headline="Review", status="in_review")
        assert list(Article.objects.published()) == [public]
        assert public.is_public

    def test_slug_from_headline(self):
        """An article's slug defaults from its headline."""
        assert ArticleFactory(headline="Space: the next step").slug == (
            "space-the-next-step"
        )


class TestQuotedMentions:
    def test_removed_mention_of_a_quoted_speaker_is_restored(self, article, zhang):
        """An article always mentions the people it quotes."""
        QuoteFactory(article=article, speaker=zhang, text="major space power")
        article.articleperson_set.all().delete()
        services.article_quoted_mentions_ensure(article=article)
        assert list(article.people.all()) == [zhang]


class TestQuotesOfDrafts:
    @staticmethod
    def quote_in_a_draft_then_published(speaker, django_user_model) -> Quote:
        """A quote entered in a draft, as it is once an editor publishes the
        draft dated 3 May 2022."""
        draft = ArticleFactory(body=BODY, status="draft", published_at=None)
        quote = QuoteFactory(article=draft, speaker=speaker, text="major space power")
        assert quote.said_on is None
        assert quote.organisation is None
        editor = django_user_model.objects.create_user("eddie", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        services.article_transition(
            article=draft,
            status="published",
            user=editor,
            published_at=datetime.datetime(2022, 5, 3, 9, tzinfo=datetime.UTC),
        )
        quote.refresh_from_db()
        return quote

    def test_quote_entered_in_a_draft_gets_its_date_on_publication(
        self, zhang, django_user_model
    ):
        """A draft's quote has no date until the article is published; then it
        takes the publication date."""
        quote = self.quote_in_a_draft_then_published(zhang, django_user_model)
        assert quote.said_on == datetime.date(2022, 5, 3)

    def test_quote_takes_the_role_held_on_its_publication_date(
        self, zhang, django_user_model
    ):
        """The speaker's organisation follows the date the quote gets on
        publication, not the day it was typed in: a role that had ended by
        then is the one that counts for a story dated inside it."""
        embassy = OrganisationFactory(name="Embassy of China")
        RoleFactory(
            person=zhang,
            organisation=embassy,
            title="Ambassador",
            start_date=datetime.date(2019, 1, 1),
            end_date=datetime.date(2023, 1, 1),
        )
        quote = self.quote_in_a_draft_then_published(zhang, django_user_model)
        assert quote.organisation == embassy
