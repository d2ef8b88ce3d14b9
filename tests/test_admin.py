"""The editors' admin, driven through Django's test client against the real
admin site and a real database: every page opens, search finds records by
alias, and a whole story (article, quotes, mentions) is saved, refused or
relocated in one POST exactly as an editor's browser would send it."""

from __future__ import annotations

import datetime
from html import escape

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import AdminErrorList
from django.urls import reverse

from articles.models import (
    Article,
    ArticleOrganisation,
    ArticlePerson,
    ArticleStatus,
    Quote,
    QuoteKind,
)
from entities.models import (
    Agreement,
    MergeRecord,
    Organisation,
    Person,
    ProposedChange,
    Role,
)
from newsdesk.ingest.models import IngestedStory
from newsdesk.webhooks.models import Delivery
from tests.factories import (
    ArticleFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
    RoleFactory,
)

NOT_IN_BODY = "does not occur in the article's body"

# Records the system keeps as a trace: nobody adds one by hand.
TRACES = {
    MergeRecord,
    ProposedChange,
    AccessAttempt,
    AccessFailureLog,
    AccessLog,
    IngestedStory,
    Delivery,
}
REGISTERED_MODELS = sorted(
    admin.site._registry, key=lambda model: model._meta.label_lower
)


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _widget(field: forms.Field) -> forms.Widget:
    """The widget that renders the field's inputs, unwrapped from the admin's
    related-object wrapper."""
    widget = field.widget
    while not isinstance(widget, forms.MultiWidget) and hasattr(widget, "widget"):
        widget = widget.widget
    return widget


def _bound_field_data(bound_field) -> dict:
    """What a browser submits for an unedited field of a rendered form."""
    name, value = bound_field.html_name, bound_field.value()
    widget = _widget(bound_field.field)
    if isinstance(widget, forms.MultiWidget):
        values = value if isinstance(value, list | tuple) else widget.decompress(value)
        return {
            f"{name}{suffix}": sub.format_value(part) or ""
            for suffix, sub, part in zip(
                widget.widgets_names, widget.widgets, values, strict=True
            )
        }
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on"} if value else {}
    if isinstance(widget, forms.SelectMultiple):
        return {name: [str(item) for item in value or []]}
    if value is None:
        return {name: ""}
    if isinstance(widget, forms.Select):
        return {name: str(value)}
    return {name: widget.format_value(value) or ""}


def form_post_data(response) -> dict:
    """The POST an editor's browser sends when saving an admin add or change
    page unedited: the main form, every inline's management form, and every
    existing inline row. Extra (blank) inline rows are left out and the
    TOTAL_FORMS counts say so."""
    data: dict = {}
    for bound_field in response.context["adminform"].form:
        data.update(_bound_field_data(bound_field))
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for bound_field in formset.management_form:
            data[bound_field.html_name] = bound_field.value()
        data[f"{formset.prefix}-TOTAL_FORMS"] = formset.initial_form_count()
        for form in formset.initial_forms:
            for bound_field in form:
                data.update(_bound_field_data(bound_field))
    return data


def inline_prefix(response, model) -> str:
    """The form prefix of the page's inline for ``model``."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise AssertionError(f"No inline for {model.__name__} on this page")


def add_inline_row(data: dict, prefix: str, **fields) -> None:
    """Append one new row to an inline formset in ``data``."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = index + 1
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value


def quote_row(**fields) -> dict:
    """A quote inline row as the editor fills it in; empty fields are sent
    empty, as a browser does."""
    row = {
        "id": "",
        "article": "",
        "text": "",
        "kind": QuoteKind.DIRECT,
        "cue": "",
        "said_on": "",
        "speaker": "",
        "organisation": "",
        "outlet": "",
    }
    row.update(fields)
    return row


def inline_errors(response, model) -> list[dict]:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.errors
    raise AssertionError(f"No inline for {model.__name__} on this page")


def all_error_messages(response) -> list[str]:
    """Every error shown on a redisplayed admin page: the form's and the
    inlines'."""
    errors = response.context["errors"]
    assert isinstance(errors, AdminErrorList)
    # The list holds the form's messages and, per inline row, lists of them.
    messages: list[str] = []
    for item in errors:
        if isinstance(item, list):
            messages.extend(str(message) for message in item)
        else:
            messages.append(str(item))
    return messages


def field_errors(response, field: str) -> list[str]:
    return list(response.context["adminform"].form.errors.get(field, []))


# --------------------------------------------------------------------------
# Every page opens


@pytest.mark.django_db
class TestEveryPageOpens:
    @pytest.mark.parametrize(
        "model", REGISTERED_MODELS, ids=lambda model: model._meta.label_lower
    )
    def test_changelist_lists_every_record(self, editor_client, seed, model):
        """Each registered changelist renders with the seed and shows every row
        once."""
        response = editor_client.get(admin_url(model, "changelist"))

        assert response.status_code == 200
        changelist = response.context["cl"]
        assert changelist.full_result_count == model._default_manager.count()
        assert changelist.result_count == model._default_manager.count()

    @pytest.mark.parametrize(
        "model", REGISTERED_MODELS, ids=lambda model: model._meta.label_lower
    )
    def test_add_page_opens_without_writing(self, editor_client, seed, model):
        """Each registered add page renders with the seed and writes nothing;
        a record kept only as a trace (merges, proposed changes, sign-in
        attempts, ingested stories, webhook deliveries) has none, and says
        so."""
        before = model._default_manager.count()

        response = editor_client.get(admin_url(model, "add"))

        if model in TRACES:
            assert response.status_code == 403
        else:
            assert response.status_code == 200
            assert response.context["add"] is True
        assert model._default_manager.count() == before

    @pytest.mark.parametrize(
        "model",
        [Article, Person, Organisation, Agreement, Quote],
        ids=lambda model: model._meta.label_lower,
    )
    def test_change_page_opens_for_every_seeded_record(
        self, editor_client, seed, model
    ):
        """Each seeded story record's change page renders and edits that
        record."""
        records = list(model._default_manager.all())
        assert records

        for record in records:
            response = editor_client.get(admin_url(model, "change", record.pk))

            assert response.status_code == 200, record
            assert response.context["original"].pk == record.pk


# --------------------------------------------------------------------------
# Search by alias


@pytest.mark.django_db
class TestSearchByAlias:
    def test_person_changelist_finds_person_by_alias(self, editor_client, seed):
        """Searching people for an alias lists the person it belongs to, once."""
        response = editor_client.get(admin_url(Person, "changelist"), {"q": "Hanhui"})

        assert response.status_code == 200
        found = list(response.context["cl"].result_list)
        assert found == [Person.objects.get(name="Zhang Hanhui")]
        assert Person.objects.get(aliases__name="Hanhui").name == "Zhang Hanhui"

    def test_organisation_changelist_finds_organisation_by_alias(
        self, editor_client, seed
    ):
        """Searching organisations for a multi-word alias lists its owner only."""
        response = editor_client.get(
            admin_url(Organisation, "changelist"), {"q": "Russian space agency"}
        )

        assert response.status_code == 200
        found = list(response.context["cl"].result_list)
        assert found == [Organisation.objects.get(name="Roscosmos")]
        assert (
            Organisation.objects.get(aliases__name="Russian space agency").name
            == "Roscosmos"
        )

    def test_speaker_autocomplete_finds_person_by_alias(self, editor_client, seed):
        """The quote speaker autocomplete offers a person typed by alias."""
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "articles",
                "model_name": "quote",
                "field_name": "speaker",
                "term": "Hanhui",
            },
        )

        assert response.status_code == 200
        zhang = Person.objects.get(name="Zhang Hanhui")
        assert response.json()["results"] == [
            {"id": str(zhang.pk), "text": "Zhang Hanhui"}
        ]

    def test_speaker_autocomplete_lists_people_in_name_order(self, editor_client, seed):
        """The speaker autocomplete lists people alphabetically (and stably
        across its pages), as the people changelist does."""
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "articles",
                "model_name": "quote",
                "field_name": "speaker",
                "term": "",
            },
        )

        assert response.status_code == 200
        names = [result["text"] for result in response.json()["results"]]
        assert names == list(
            Person.objects.order_by("name").values_list("name", flat=True)
        )
        assert names == ["Dmitry Rogozin", "Pyotr Dubrov", "Zhang Hanhui"]

    def test_article_autocomplete_lists_newest_first(self, editor_client, seed):
        """The quote article autocomplete lists stories newest first, as the
        article changelist does."""
        older = ArticleFactory(
            headline="An older story",
            published_at=datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC),
        )
        newer = ArticleFactory(headline="A newer story")
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "articles",
                "model_name": "quote",
                "field_name": "article",
                "term": "",
            },
        )

        assert response.status_code == 200
        ids = [int(result["id"]) for result in response.json()["results"]]
        seeded = Article.objects.get(
            slug="china-russia-space-cooperation-benefits-humanity"
        )
        assert ids == [newer.pk, seeded.pk, older.pk]


# --------------------------------------------------------------------------
# A new story with its quotes in one POST

NEW_BODY = (
    "“We will land on the Moon before the decade is out,” Ada Vance told "
    "reporters on Monday. Her deputy, Omar Reyes, called the plan "
    "“ambitious but affordable” and said the budget was agreed."
)
DIRECT_TEXT = "We will land on the Moon before the decade is out,"
PARTIAL_TEXT = "ambitious but affordable"
NEW_HEADLINE = "Agency promises Moon landing this decade"


def new_article_data(response, *, headline: str = NEW_HEADLINE, body: str = NEW_BODY):
    """The add page's POST for a draft story, with no inline rows yet."""
    data = form_post_data(response)
    data.update(
        {
            "headline": headline,
            "slug": "",
            "body": body,
            "status": ArticleStatus.DRAFT,
            "language": "en",
        }
    )
    return data


@pytest.mark.django_db
class TestAddArticleWithQuotes:
    def test_management_forms_of_every_inline_are_on_the_add_page(self, editor_client):
        """The add page carries the quote inline and the three mention inlines."""
        response = editor_client.get(admin_url(Article, "add"))

        assert response.status_code == 200
        prefixes = {
            inline.formset.model: inline.formset.prefix
            for inline in response.context["inline_admin_formsets"]
        }
        assert prefixes == {
            Quote: "quotes",
            ArticlePerson: "articleperson_set",
            ArticleOrganisation: "articleorganisation_set",
            Article.agreements.through: "articleagreement_set",
        }
        for prefix in prefixes.values():
            assert f'name="{prefix}-TOTAL_FORMS"' in response.content.decode()
        assert not Article.objects.exists()

    def test_new_article_with_direct_and_partial_quote_is_saved_and_located(
        self, editor_client
    ):
        """One add-page POST saves the story, locates both quotes and records
        the speakers as mentioned."""
        ada = PersonFactory(name="Ada Vance")
        omar = PersonFactory(name="Omar Reyes")
        page = editor_client.get(admin_url(Article, "add"))
        data = new_article_data(page)
        quotes = inline_prefix(page, Quote)
        add_inline_row(
            data,
            quotes,
            **quote_row(
                text=DIRECT_TEXT, kind=QuoteKind.DIRECT, cue="told", speaker=ada.pk
            ),
        )
        add_inline_row(
            data,
            quotes,
            # Typed with straight quotation marks around it, as editors paste.
            **quote_row(
                text=f'"{PARTIAL_TEXT}"',
                kind=QuoteKind.PARTIAL,
                cue="called",
                speaker=omar.pk,
            ),
        )

        response = editor_client.post(admin_url(Article, "add"), data)

        assert response.status_code == 302, all_error_messages(response)
        article = Article.objects.get(headline=NEW_HEADLINE)
        assert response["Location"] == admin_url(Article, "changelist")
        assert article.body == NEW_BODY
        assert article.slug == "agency-promises-moon-landing-this-decade"
        saved = list(article.quotes.order_by("start"))
        assert [(q.kind, q.speaker, q.text) for q in saved] == [
            (QuoteKind.DIRECT, ada, DIRECT_TEXT),
            (QuoteKind.PARTIAL, omar, PARTIAL_TEXT),
        ]
        for quote in saved:
            assert quote.start is not None and quote.end is not None
            assert article.body[quote.start : quote.end] == quote.text
        assert saved[0].start == NEW_BODY.index(DIRECT_TEXT)
        assert saved[1].start == NEW_BODY.index(PARTIAL_TEXT)
        assert set(article.people.all()) == {ada, omar}
        assert Quote.objects.count() == 2

    def test_speaker_also_entered_as_mention_is_recorded_once(self, editor_client):
        """A speaker the editor also lists as mentioned (the story is about
        them) is saved as one mention that keeps the editor's "about"."""
        ada = PersonFactory(name="Ada Vance")
        page = editor_client.get(admin_url(Article, "add"))
        data = new_article_data(page)
        add_inline_row(
            data,
            inline_prefix(page, Quote),
            **quote_row(text=DIRECT_TEXT, kind=QuoteKind.DIRECT, speaker=ada.pk),
        )
        add_inline_row(
            data,
            inline_prefix(page, ArticlePerson),
            id="",
            article="",
            person=ada.pk,
            about="on",
        )

        response = editor_client.post(admin_url(Article, "add"), data)

        assert response.status_code == 302, all_error_messages(response)
        article = Article.objects.get(headline=NEW_HEADLINE)
        mention = ArticlePerson.objects.get(article=article)
        assert (mention.person, mention.about) == (ada, True)
        assert article.quotes.get().speaker == ada

    def test_direct_quote_missing_from_body_refuses_the_whole_story(
        self, editor_client
    ):
        """A direct quote not in the body redisplays the form and saves
        nothing, neither article nor quotes nor mentions."""
        ada = PersonFactory(name="Ada Vance")
        omar = PersonFactory(name="Omar Reyes")
        page = editor_client.get(admin_url(Article, "add"))
        data = new_article_data(page)
        quotes = inline_prefix(page, Quote)
        add_inline_row(
            data,
            quotes,
            **quote_row(
                text="We will land on Mars next year",
                kind=QuoteKind.DIRECT,
                speaker=ada.pk,
            ),
        )
        add_inline_row(
            data,
            quotes,
            **quote_row(text=PARTIAL_TEXT, kind=QuoteKind.PARTIAL, speaker=omar.pk),
        )

        response = editor_client.post(admin_url(Article, "add"), data)

        assert response.status_code == 200
        errors = inline_errors(response, Quote)
        assert NOT_IN_BODY in " ".join(errors[0].get("text", []))
        assert errors[1] == {}
        assert any(NOT_IN_BODY in message for message in all_error_messages(response))
        assert escape(NOT_IN_BODY) in response.content.decode()
        assert not Article.objects.exists()
        assert not Quote.objects.exists()
        assert not ArticlePerson.objects.exists()


# --------------------------------------------------------------------------
# Editing the body of a story that has quotes

OLD_BODY = "The minister said “we will build the bridge” on Monday."
OLD_QUOTE = "we will build the bridge"


@pytest.mark.django_db
class TestEditArticleBody:
    @pytest.fixture
    def quoted_article(self, db):
        quote = QuoteFactory(text=OLD_QUOTE, article__body=OLD_BODY)
        assert (quote.start, quote.end) == (19, 43)
        return quote.article

    def change_data(self, client, article, body: str) -> dict:
        page = client.get(admin_url(Article, "change", article.pk))
        assert page.status_code == 200
        data = form_post_data(page)
        assert data[f"{inline_prefix(page, Quote)}-0-text"] == OLD_QUOTE
        data["body"] = body
        return data

    def test_unchanged_change_page_saves(self, editor_client, quoted_article):
        """The change page saved unedited round-trips without touching
        anything."""
        data = self.change_data(editor_client, quoted_article, OLD_BODY)

        response = editor_client.post(
            admin_url(Article, "change", quoted_article.pk), data
        )

        assert response.status_code == 302, all_error_messages(response)
        quote = quoted_article.quotes.get()
        assert (quote.start, quote.end, quote.text) == (19, 43, OLD_QUOTE)
        assert Article.objects.get(pk=quoted_article.pk).body == OLD_BODY

    def test_body_edit_removing_a_direct_quote_is_refused(
        self, editor_client, quoted_article
    ):
        """Deleting a direct quote's words from the body is refused and the
        stored body stays as it was."""
        data = self.change_data(
            editor_client, quoted_article, "The minister said nothing on Monday."
        )

        response = editor_client.post(
            admin_url(Article, "change", quoted_article.pk), data
        )

        assert response.status_code == 200
        assert NOT_IN_BODY in " ".join(
            inline_errors(response, Quote)[0].get("text", [])
        )
        assert any(NOT_IN_BODY in message for message in all_error_messages(response))
        quoted_article.refresh_from_db()
        assert quoted_article.body == OLD_BODY
        quote = quoted_article.quotes.get()
        assert (quote.start, quote.end, quote.text) == (19, 43, OLD_QUOTE)

    def test_body_edit_moving_a_quote_relocates_it(self, editor_client, quoted_article):
        """Inserting text before a quote saves the body and moves the quote's
        stored offsets with its words."""
        prefix = "After a long debate in parliament, "
        new_body = prefix + OLD_BODY
        data = self.change_data(editor_client, quoted_article, new_body)

        response = editor_client.post(
            admin_url(Article, "change", quoted_article.pk), data
        )

        assert response.status_code == 302, all_error_messages(response)
        quoted_article.refresh_from_db()
        assert quoted_article.body == new_body
        quote = quoted_article.quotes.get()
        assert (quote.start, quote.end) == (19 + len(prefix), 43 + len(prefix))
        assert new_body[quote.start : quote.end] == quote.text == OLD_QUOTE

    def test_body_and_quote_edited_together_are_saved(
        self, editor_client, quoted_article
    ):
        """Rewording the body and the quote in the same POST is checked against
        each other, not against the stored body, and saved."""
        new_body = "The minister said “we will build two bridges” on Monday."
        data = self.change_data(editor_client, quoted_article, new_body)
        data["quotes-0-text"] = "we will build two bridges"

        response = editor_client.post(
            admin_url(Article, "change", quoted_article.pk), data
        )

        assert response.status_code == 302, all_error_messages(response)
        quoted_article.refresh_from_db()
        assert quoted_article.body == new_body
        quote = quoted_article.quotes.get()
        assert new_body[quote.start : quote.end] == quote.text
        assert quote.text == "we will build two bridges"

    def test_quote_deleted_with_its_words_is_saved(self, editor_client, quoted_article):
        """Cutting a quote's words while deleting the quote in the same POST
        is not refused."""
        new_body = "The minister said nothing on Monday."
        data = self.change_data(editor_client, quoted_article, new_body)
        data["quotes-0-DELETE"] = "on"

        response = editor_client.post(
            admin_url(Article, "change", quoted_article.pk), data
        )

        assert response.status_code == 302, all_error_messages(response)
        quoted_article.refresh_from_db()
        assert quoted_article.body == new_body
        assert not quoted_article.quotes.exists()


# --------------------------------------------------------------------------
# The speaker's organisation


@pytest.mark.django_db
class TestSpeakerOrganisationDefault:
    def post_story_quoting(self, client, speaker):
        page = client.get(admin_url(Article, "add"))
        data = new_article_data(page)
        add_inline_row(
            data,
            inline_prefix(page, Quote),
            **quote_row(text=DIRECT_TEXT, kind=QuoteKind.DIRECT, speaker=speaker.pk),
        )
        return client.post(admin_url(Article, "add"), data)

    def test_speaker_with_one_role_speaks_for_its_organisation(self, editor_client):
        """A quote entered with no organisation takes the speaker's one role's
        organisation, and that organisation is recorded as mentioned."""
        role = RoleFactory(person__name="Ada Vance", title="Director")

        response = self.post_story_quoting(editor_client, role.person)

        assert response.status_code == 302, all_error_messages(response)
        quote = Quote.objects.get(article__headline=NEW_HEADLINE)
        assert quote.speaker == role.person
        assert quote.organisation == role.organisation
        assert set(quote.article.organisations.all()) == {role.organisation}

    def test_speaker_with_roles_in_two_organisations_gets_none(self, editor_client):
        """With two organisations to choose from, none is guessed."""
        ada = PersonFactory(name="Ada Vance")
        RoleFactory(person=ada, title="Director")
        RoleFactory(person=ada, title="Adviser")

        response = self.post_story_quoting(editor_client, ada)

        assert response.status_code == 302, all_error_messages(response)
        quote = Quote.objects.get(article__headline=NEW_HEADLINE)
        assert quote.organisation is None
        assert not quote.article.organisations.exists()

    def test_explicit_organisation_is_kept(self, editor_client):
        """An organisation the editor chose is never replaced by the default."""
        role = RoleFactory(person__name="Ada Vance")
        other = OrganisationFactory(name="Other Agency")
        page = editor_client.get(admin_url(Article, "add"))
        data = new_article_data(page)
        add_inline_row(
            data,
            inline_prefix(page, Quote),
            **quote_row(
                text=DIRECT_TEXT,
                speaker=role.person.pk,
                organisation=other.pk,
            ),
        )

        response = editor_client.post(admin_url(Article, "add"), data)

        assert response.status_code == 302, all_error_messages(response)
        assert Quote.objects.get().organisation == other


# --------------------------------------------------------------------------
# Registry validation


@pytest.mark.django_db
class TestRegistryValidation:
    def test_role_ending_before_it_starts_is_refused_on_end_date(self, editor_client):
        """A role whose end date precedes its start is refused on end_date."""
        person = PersonFactory()
        organisation = OrganisationFactory()
        page = editor_client.get(admin_url(Role, "add"))
        data = form_post_data(page)
        data.update(
            {
                "person": person.pk,
                "organisation": organisation.pk,
                "title": "Director",
                "start_date": "2022-05-01",
                "end_date": "2021-05-01",
            }
        )

        response = editor_client.post(admin_url(Role, "add"), data)

        assert response.status_code == 200
        assert field_errors(response, "end_date") == [
            "A role cannot end before it starts."
        ]
        assert not Role.objects.exists()

    def test_role_with_ordered_dates_is_saved(self, editor_client):
        """The same role with its dates in order is saved (the form data is
        right)."""
        person = PersonFactory()
        organisation = OrganisationFactory()
        page = editor_client.get(admin_url(Role, "add"))
        data = form_post_data(page)
        data.update(
            {
                "person": person.pk,
                "organisation": organisation.pk,
                "title": "Director",
                "start_date": "2021-05-01",
                "end_date": "2022-05-01",
            }
        )

        response = editor_client.post(admin_url(Role, "add"), data)

        assert response.status_code == 302
        role = Role.objects.get()
        assert (role.person, role.organisation) == (person, organisation)
        assert (role.start_date, role.end_date) == (
            datetime.date(2021, 5, 1),
            datetime.date(2022, 5, 1),
        )

    def person_data(self, client, **fields) -> dict:
        page = client.get(admin_url(Person, "add"))
        assert page.status_code == 200
        data = form_post_data(page)
        data.update({"name": "Ada Vance", "slug": "", "description": ""})
        data.update(fields)
        return data

    def test_person_with_malformed_wikidata_id_is_refused(self, editor_client):
        """A Wikidata id that is not Q plus digits is refused on its field."""
        data = self.person_data(editor_client, wikidata_id="X12")

        response = editor_client.post(admin_url(Person, "add"), data)

        assert response.status_code == 200
        errors = field_errors(response, "wikidata_id")
        assert errors and "Wikidata item id" in errors[0]
        assert not Person.objects.exists()

    def test_person_with_wellformed_wikidata_id_is_saved(self, editor_client):
        """A well-formed Wikidata id is accepted (the refusal is about format)."""
        data = self.person_data(editor_client, wikidata_id="Q42")

        response = editor_client.post(admin_url(Person, "add"), data)

        assert response.status_code == 302
        person = Person.objects.get()
        assert (person.name, person.slug, person.wikidata_id) == (
            "Ada Vance",
            "ada-vance",
            "Q42",
        )

    def test_person_with_existing_slug_is_refused(self, editor_client):
        """A person cannot take the web address of an existing person: the
        refusal links that person and never says "slug"."""
        existing = PersonFactory(name="Ada Vance")
        assert existing.slug == "ada-vance"
        data = self.person_data(
            editor_client, name="Ada Vance-Okafor", slug="ada-vance"
        )

        response = editor_client.post(admin_url(Person, "add"), data)

        assert response.status_code == 200
        [error] = field_errors(response, "slug")
        assert error.endswith(
            ">Ada Vance</a> already has this web address. Choose another, or "
            "leave it empty to have one made from the name."
        )
        assert list(Person.objects.all()) == [existing]

    def test_namesake_whose_derived_slug_is_taken_is_numbered(self, editor_client):
        """A confirmed namesake left without a web address gets the next free
        one instead of a refusal."""
        existing = PersonFactory(name="Ada Vance")
        data = self.person_data(editor_client, name="Ada Vance", slug="")
        data["not_a_duplicate"] = "on"

        response = editor_client.post(admin_url(Person, "add"), data)

        assert response.status_code == 302
        assert set(Person.objects.values_list("slug", flat=True)) == {
            existing.slug,
            "ada-vance-2",
        }
