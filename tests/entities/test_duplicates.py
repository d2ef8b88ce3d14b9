"""A likely duplicate is refused at the one write path (entities/duplicates.py)
whoever writes: the API names the matches by id, name and URL, and saves a
namesake confirmed with ``not_a_duplicate`` under a numbered slug. The
folding itself is entities/names.py's."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from entities import services
from entities.duplicates import likely_duplicates
from entities.models import Organisation, Person
from entities.names import name_key
from tests.factories import OrganisationFactory, PersonFactory, newsroom_user

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people/"


@pytest.fixture
def editor_api():
    editor = newsroom_user("eddie", "Editors")
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")


def post(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def patch(client, path, body):
    return client.patch(path, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Charles Bolden", "charles  bolden"),
        ("Manfred Wörner", "Manfred Worner"),
        ("Łukasz Nowak", "lukasz nowak"),
        ("Jean-Pierre Haigneré", "Jean Pierre Haignere."),
        ("Straße", "STRASSE"),
    ],
)
def test_names_an_editor_calls_the_same_share_a_key(one, other):
    assert name_key(one) == name_key(other) != ""


def test_different_names_keep_different_keys():
    assert name_key("Charles Bolden") != name_key("Charles Boldon")
    assert name_key("张汉慧") == "张汉慧"


def test_key_is_stored_and_kept_with_the_name():
    person = PersonFactory(name="Manfred Wörner", aliases=["M. Wörner"])
    assert Person.objects.get(pk=person.pk).name_key == "manfredworner"
    assert person.aliases.get().name_key == "mworner"
    person.name = "Manfred  Woerner"
    services.person_save(person=person)
    assert Person.objects.get(pk=person.pk).name_key == "manfredwoerner"


def test_finding_duplicates_is_one_query(django_assert_num_queries):
    """The stored, indexed keys answer a name and its aliases at once."""
    bolden = PersonFactory(name="Charles Bolden", aliases=["Charlie Bolden"])
    PersonFactory(name="Someone Else")
    candidate = Person(name="charles  bolden")
    with django_assert_num_queries(1):
        matches = likely_duplicates(candidate, ["charles  bolden", "CHARLIE BOLDEN"])
    assert matches == [bolden]


class TestAPI:
    def test_folded_name_is_refused_naming_the_match(self, editor_api):
        bolden = PersonFactory(name="Charles Bolden")

        response = post(editor_api, PEOPLE, {"name": "charles  bolden"})

        assert response.status_code == 400
        assert response.json() == {
            "name": [
                "Possible duplicate of an existing person (listed below). If this "
                'is another person, send "not_a_duplicate": true to save it anyway.',
                f"Charles Bolden (id {bolden.pk}): "
                f"http://testserver/api/v1/people/{bolden.slug}/",
            ]
        }
        assert list(Person.objects.all()) == [bolden]

    def test_an_explicit_slug_does_not_bypass_the_check(self, editor_api):
        PersonFactory(name="Charles Bolden")

        response = post(
            editor_api, PEOPLE, {"name": "Charles Bolden", "slug": "bolden-again"}
        )

        assert response.status_code == 400
        assert list(response.json()) == ["name"]
        assert not Person.objects.filter(slug="bolden-again").exists()

    def test_an_alias_as_a_new_name_is_refused(self, editor_api):
        zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])

        response = post(editor_api, PEOPLE, {"name": "HANHUI"})

        assert response.status_code == 400
        assert f"(id {zhang.pk})" in response.json()["name"][1]

    def test_a_new_alias_matching_another_person_is_refused(self, editor_api):
        PersonFactory(name="Zhang Hanhui")

        response = post(
            editor_api, PEOPLE, {"name": "Z. Hanhui", "aliases": ["Zhang  Hanhui"]}
        )

        assert response.status_code == 400
        assert Person.objects.count() == 1

    def test_confirmed_namesake_gets_a_numbered_slug(self, editor_api):
        bolden = PersonFactory(name="Charles Bolden")

        response = post(
            editor_api, PEOPLE, {"name": "Charles Bolden", "not_a_duplicate": True}
        )

        assert response.status_code == 201, response.content
        assert response.json()["slug"] == "charles-bolden-2"
        assert "not_a_duplicate" not in response.json()
        assert Person.objects.exclude(pk=bolden.pk).get().slug == "charles-bolden-2"

    def test_renaming_to_anothers_name_is_refused_until_confirmed(self, editor_api):
        PersonFactory(name="Charles Bolden")
        other = PersonFactory(name="Omar Reyes")
        path = f"{PEOPLE}{other.slug}/"

        refused = patch(editor_api, path, {"name": "Charles  BOLDEN"})
        assert refused.status_code == 400
        assert Person.objects.get(pk=other.pk).name == "Omar Reyes"

        saved = patch(
            editor_api, path, {"name": "Charles Bolden", "not_a_duplicate": True}
        )
        assert saved.status_code == 200, saved.content
        assert Person.objects.get(pk=other.pk).name == "Charles Bolden"

    def test_editing_a_record_under_its_own_name_is_not_asked(self, editor_api):
        bolden = PersonFactory(name="Charles Bolden", aliases=["Bolden"])

        response = patch(
            editor_api,
            f"{PEOPLE}{bolden.slug}/",
            {"description": "NASA administrator", "aliases": ["Bolden", "C. Bolden"]},
        )

        assert response.status_code == 200, response.content

    def test_organisations_are_checked_the_same_way(self, editor_api):
        nasa = OrganisationFactory(name="NASA", aliases=["N.A.S.A."])

        refused = post(editor_api, "/api/v1/organisations/", {"name": "nasa"})
        assert refused.status_code == 400
        assert f"NASA (id {nasa.pk})" in refused.json()["name"][1]
        saved = post(
            editor_api,
            "/api/v1/organisations/",
            {"name": "N. A. S. A.", "not_a_duplicate": True},
        )
        assert saved.status_code == 201
        assert Organisation.objects.count() == 2

    def test_a_name_in_another_script_gets_the_kinds_slug(self, editor_api):
        response = post(editor_api, PEOPLE, {"name": "محمد بن سلمان"})

        assert response.status_code == 201, response.content
        assert response.json()["slug"] == "person"

    def test_the_schema_documents_the_confirmation(self, client):
        schema = client.get("/api/schema/?format=json").json()
        for name in ("PersonWriteRequest", "OrganisationWriteRequest"):
            field = schema["components"]["schemas"][name]["properties"][
                "not_a_duplicate"
            ]
            assert field["type"] == "boolean"
            assert "namesake, not a duplicate" in field["description"]
