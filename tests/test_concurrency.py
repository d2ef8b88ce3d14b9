"""No silent overwrites: of two editors who open the same record and both
save, the first wins and the second is told who got there first, keeps their
own input on screen, and changes nothing in the database."""

from __future__ import annotations

from html import escape

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from articles import services as article_services
from articles.models import Article
from entities import services as entity_services
from entities.models import Agreement, AgreementKind, Organisation, Person
from newsdesk.core.services import EditConflict, validated_save
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory
from tests.test_admin import admin_url, all_error_messages, form_post_data

pytestmark = pytest.mark.django_db


def make_article() -> Article:
    return ArticleFactory(headline="Moon base plans unveiled")


def make_person() -> Person:
    return PersonFactory(name="Ada Vance", description="Agency head")


def make_organisation() -> Organisation:
    return OrganisationFactory(name="Lunar Agency", description="A space agency")


def make_agreement() -> Agreement:
    return entity_services.agreement_create(
        title="Lunar cooperation accord",
        kind=AgreementKind.COOPERATION,
        summary="Two agencies agree to share data.",
    )


# model, factory, the text field both editors change
CASES = {
    "article": (Article, make_article, "headline"),
    "person": (Person, make_person, "description"),
    "organisation": (Organisation, make_organisation, "description"),
    "agreement": (Agreement, make_agreement, "summary"),
}


def staff_user(django_user_model, username: str, group: str = "Editors"):
    user = django_user_model.objects.create_user(
        username=username, password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def first_editor(django_user_model):
    return staff_user(django_user_model, "ada-first")


@pytest.fixture
def second_editor(django_user_model):
    return staff_user(django_user_model, "ben-second")


@pytest.fixture
def clients(first_editor, second_editor):
    first, second = Client(), Client()
    first.force_login(first_editor)
    second.force_login(second_editor)
    return first, second


def open_change_page(client, model, record) -> dict:
    page = client.get(admin_url(model, "change", record.pk))
    assert page.status_code == 200
    assert page.context["adminform"].form["loaded_version"].value() == record.version
    return form_post_data(page)


class TestTwoEditorsInTheAdmin:
    @pytest.mark.parametrize("case", list(CASES))
    def test_second_save_of_the_same_version_is_refused(
        self, clients, first_editor, case
    ):
        """Both editors open the record; the first save wins, the second is
        refused with a message naming the first editor, its input stays on
        screen and the stored record keeps the first editor's change."""
        model, make, field = CASES[case]
        record = make()
        original = getattr(record, field)
        first, second = clients
        first_data = open_change_page(first, model, record)
        second_data = open_change_page(second, model, record)
        first_data[field] = "Changed by the first editor"
        second_data[field] = "Changed by the second editor"

        first_response = first.post(admin_url(model, "change", record.pk), first_data)
        assert first_response.status_code == 302, all_error_messages(first_response)
        second_response = second.post(
            admin_url(model, "change", record.pk), second_data
        )

        assert second_response.status_code == 200
        errors = " ".join(all_error_messages(second_response))
        assert f"{first_editor.username} saved this" in errors
        assert "after you opened it" in errors
        assert "version" not in errors
        html = second_response.content.decode()
        assert escape(f"{first_editor.username} saved this") in html
        form = second_response.context["adminform"].form
        assert form[field].value() == "Changed by the second editor"
        assert escape("Changed by the second editor") in html
        stored = model.objects.get(pk=record.pk)
        assert getattr(stored, field) == "Changed by the first editor" != original
        assert stored.version == record.version + 1
        assert stored.history.count() == 2
        assert stored.history.first().history_user == first_editor

    def test_second_editor_saves_after_reloading(self, clients, second_editor):
        """After the conflict, reloading the page and saving again works: the
        refusal is about the stale page, not the editor."""
        record = make_person()
        first, second = clients
        first_data = open_change_page(first, Person, record)
        stale = open_change_page(second, Person, record)
        first_data["description"] = "Agency head since 2020"
        saved = first.post(admin_url(Person, "change", record.pk), first_data)
        assert saved.status_code == 302
        stale["description"] = "Former agency head"
        refused = second.post(admin_url(Person, "change", record.pk), stale)
        assert refused.status_code == 200

        fresh = open_change_page(second, Person, Person.objects.get(pk=record.pk))
        fresh["description"] = "Former agency head"
        response = second.post(admin_url(Person, "change", record.pk), fresh)

        assert response.status_code == 302, all_error_messages(response)
        stored = Person.objects.get(pk=record.pk)
        assert (stored.description, stored.version) == ("Former agency head", 3)
        assert stored.history.first().history_user == second_editor

    def test_refused_article_save_writes_none_of_its_inline_rows(
        self, clients, first_editor
    ):
        """A refused article save writes none of its inline rows either."""
        record = make_article()
        first, second = clients
        first_data = open_change_page(first, Article, record)
        second_data = open_change_page(second, Article, record)
        first_data["standfirst"] = "First editor's standfirst"
        second_data["standfirst"] = "Second editor's standfirst"
        second_data["articleperson_set-TOTAL_FORMS"] = 1
        second_data.update(
            {
                "articleperson_set-0-id": "",
                "articleperson_set-0-article": str(record.pk),
                "articleperson_set-0-person": str(make_person().pk),
            }
        )

        assert (
            first.post(admin_url(Article, "change", record.pk), first_data).status_code
            == 302
        )
        response = second.post(admin_url(Article, "change", record.pk), second_data)

        assert response.status_code == 200
        stored = Article.objects.get(pk=record.pk)
        assert stored.standfirst == "First editor's standfirst"
        assert not stored.people.exists()


class TestServiceLevelRace:
    @pytest.mark.parametrize("case", list(CASES))
    def test_stale_expected_version_raises_edit_conflict(self, case):
        """validated_save with an out-of-date expected_version raises
        EditConflict and writes nothing."""
        model, make, field = CASES[case]
        record = make()
        mine = model.objects.get(pk=record.pk)
        theirs = model.objects.get(pk=record.pk)
        setattr(theirs, field, "Theirs")
        validated_save(theirs)
        setattr(mine, field, "Mine")

        with pytest.raises(EditConflict) as excinfo:
            validated_save(mine, expected_version=1)

        assert excinfo.value.code == "edit_conflict"
        assert excinfo.value.current_version == 2
        stored = model.objects.get(pk=record.pk)
        assert (getattr(stored, field), stored.version) == ("Theirs", 2)
        assert stored.history.count() == 2

    @pytest.mark.parametrize("case", list(CASES))
    def test_stale_instance_raises_edit_conflict(self, case):
        """Without an explicit expected_version the version the instance was
        loaded at is expected: the later of two loaded copies is refused."""
        model, make, field = CASES[case]
        record = make()
        mine = model.objects.get(pk=record.pk)
        theirs = model.objects.get(pk=record.pk)
        setattr(theirs, field, "Theirs")
        validated_save(theirs)
        setattr(mine, field, "Mine")

        with pytest.raises(EditConflict):
            validated_save(mine)

        stored = model.objects.get(pk=record.pk)
        assert (getattr(stored, field), stored.version) == ("Theirs", 2)
        assert mine.version == 1

    @pytest.mark.parametrize("case", list(CASES))
    def test_version_goes_up_by_one_per_save(self, case):
        """Each save through the services adds exactly one to the version,
        in the database, on the instance and in the history."""
        model, make, field = CASES[case]
        record = make()
        assert record.version == 1

        for number in range(2, 5):
            setattr(record, field, f"Edit {number}")
            validated_save(record)
            assert record.version == number
            assert model.objects.get(pk=record.pk).version == number

        versions = list(
            record.history.order_by("history_date").values_list("version", flat=True)
        )
        assert versions == [1, 2, 3, 4]

    def test_service_conflict_is_reported_by_article_save(self):
        """The article service passes expected_version through: a stale one
        is refused and the article unchanged."""
        article = make_article()
        article.headline = "Second headline"
        article_services.article_save(article=article)

        article.headline = "Third headline"
        with pytest.raises(EditConflict):
            article_services.article_save(article=article, expected_version=1)

        stored = Article.objects.get(pk=article.pk)
        assert (stored.headline, stored.version) == ("Second headline", 2)

    def test_person_save_refuses_a_stale_version_before_adding_aliases(self):
        """A refused person_save adds none of its aliases either."""
        person = make_person()
        stale = Person.objects.get(pk=person.pk)
        person.description = "Updated"
        entity_services.person_save(person=person)

        with pytest.raises(EditConflict):
            entity_services.person_save(person=stale, aliases=["A. Vance"])

        stored = Person.objects.get(pk=person.pk)
        assert (stored.description, stored.version) == ("Updated", 2)
        assert not stored.aliases.exists()
