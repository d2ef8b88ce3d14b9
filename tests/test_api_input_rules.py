"""The API's input rules, held to what the OpenAPI schema says: read-only
fields are refused unless sent back unchanged, dates lie between the years
1000 and 2999, and lists and required items are what the schema promises.
Every refusal is a 400 naming the field, with nothing saved."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from articles.models import Article
from entities import services
from entities.models import Agreement, Person, Role
from tests.factories import (
    ArticleFactory,
    OrganisationFactory,
    PersonFactory,
    newsroom_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_api():
    editor = newsroom_user("eddie", "Editors")
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")


@pytest.fixture
def agreement():
    return services.agreement_create(title="Moon agreement", kind="treaty")


def send(client, method, path, body):
    return client.generic(
        method, f"/api/v1/{path}", json.dumps(body), content_type="application/json"
    )


def schema_of(client, component: str) -> dict:
    schema = client.get("/api/schema/?format=json").json()
    return schema["components"]["schemas"][component]


class TestReadOnlyFields:
    def test_another_id_is_refused_naming_it(self, editor_api):
        person = PersonFactory(name="Ada Vance")

        response = send(editor_api, "PATCH", f"people/{person.slug}/", {"id": 999})

        assert response.status_code == 400
        assert response.json() == {
            "id": [
                "Read-only: it cannot be changed here. Leave it out, or send the "
                "record's own value."
            ]
        }

    def test_computed_fields_are_refused_too(self, editor_api):
        person = PersonFactory(name="Ada Vance")

        response = send(
            editor_api,
            "PATCH",
            f"people/{person.slug}/",
            {"roles": [{"title": "Queen"}], "quotes_url": "http://x/", "name": "Ada"},
        )

        assert response.status_code == 400
        assert set(response.json()) == {"roles", "quotes_url"}
        assert Person.objects.get(pk=person.pk).name == "Ada Vance"

    def test_the_fetched_representation_can_be_sent_back(self, editor_api):
        person = PersonFactory(name="Ada Vance", aliases=["A. Vance"])
        fetched = editor_api.get(f"/api/v1/people/{person.slug}/").json()

        response = send(
            editor_api,
            "PUT",
            f"people/{person.slug}/",
            {**fetched, "description": "Engineer"},
        )

        assert response.status_code == 200, response.content
        assert response.json()["description"] == "Engineer"

    def test_read_only_fields_on_create_are_refused(self, editor_api):
        response = send(editor_api, "POST", "people/", {"name": "New One", "id": 5})

        assert response.status_code == 400
        assert list(response.json()) == ["id"]
        assert not Person.objects.exists()

    def test_version_points_to_if_match(self, editor_api):
        person = PersonFactory(name="Ada Vance")

        response = send(editor_api, "PATCH", f"people/{person.slug}/", {"version": 1})

        assert response.status_code == 400
        assert "If-Match" in response.json()["version"][0]

    def test_derived_agreement_status_says_where_it_comes_from(
        self, editor_api, agreement
    ):
        response = send(
            editor_api, "PATCH", f"agreements/{agreement.slug}/", {"status": "signed"}
        )

        assert response.status_code == 400
        assert response.json()["status"][0].startswith(
            "Derived from the status history"
        )
        assert Agreement.objects.get(pk=agreement.pk).status == "proposed"
        same = send(
            editor_api, "PATCH", f"agreements/{agreement.slug}/", {"status": "proposed"}
        )
        assert same.status_code == 200


class TestDates:
    @pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0999-12-31"])
    def test_extreme_signature_dates_are_refused(self, editor_api, agreement, day):
        response = send(
            editor_api, "PATCH", f"agreements/{agreement.slug}/", {"signed_on": day}
        )

        assert response.status_code == 400
        assert response.json()["signed_on"][0].startswith(
            "Enter a date between 1000-01-01 and 2999-12-31"
        )
        assert Agreement.objects.get(pk=agreement.pk).signed_on is None

    def test_edges_of_the_range_are_accepted(self, editor_api, agreement):
        for day in ("1000-01-01", "2999-12-31"):
            response = send(
                editor_api, "PATCH", f"agreements/{agreement.slug}/", {"signed_on": day}
            )
            assert response.status_code == 200, response.content
            assert response.json()["signed_on"] == day

    def test_a_status_change_is_named_by_its_path(self, editor_api, agreement):
        response = send(
            editor_api,
            "PATCH",
            f"agreements/{agreement.slug}/",
            {"status_history": [{"date": "9999-12-31", "status": "signed"}]},
        )

        assert response.status_code == 400
        assert list(response.json()) == ["status_history.0.date"]
        assert not agreement.status_changes.exists()

    def test_role_dates(self, editor_api):
        person = PersonFactory()
        organisation = OrganisationFactory()
        response = send(
            editor_api,
            "POST",
            "roles/",
            {
                "person": person.slug,
                "organisation": organisation.slug,
                "title": "Envoy",
                "start_date": "0001-01-01",
            },
        )

        assert response.status_code == 400
        assert list(response.json()) == ["start_date"]
        assert not Role.objects.exists()

    @pytest.mark.parametrize("moment", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
    def test_publication_years_0001_and_9999(self, editor_api, moment):
        article = ArticleFactory()
        before = article.published_at

        response = send(
            editor_api, "PATCH", f"articles/{article.slug}/", {"published_at": moment}
        )

        assert response.status_code == 400
        assert list(response.json()) == ["published_at"]
        assert Article.objects.get(pk=article.pk).published_at == before

    def test_the_model_refuses_them_for_the_admin_too(self):
        person = PersonFactory()
        with pytest.raises(Exception) as excinfo:
            services.role_create(
                person=person,
                organisation=OrganisationFactory(),
                title="Envoy",
                start_date=__import__("datetime").date(9999, 1, 1),
            )
        assert "start_date" in excinfo.value.message_dict


class TestAsTheSchemaSays:
    @pytest.mark.parametrize("value", ["Hanhui", {"name": "Hanhui"}, 7, None])
    def test_aliases_must_be_a_list_of_strings(self, editor_api, client, value):
        person = PersonFactory(name="Zhang Hanhui")
        assert (
            schema_of(client, "PatchedPersonWriteRequest")["properties"]["aliases"][
                "type"
            ]
            == "array"
        )

        response = send(
            editor_api, "PATCH", f"people/{person.slug}/", {"aliases": value}
        )

        assert response.status_code == 400
        assert list(response.json()) == ["aliases"]
        assert not person.aliases.exists()

    def test_a_status_change_needs_its_status(self, editor_api, client, agreement):
        item = schema_of(client, "StatusChangeWriteRequest")
        assert "status" in item["required"]

        for method in ("PATCH", "PUT"):
            response = send(
                editor_api,
                method,
                f"agreements/{agreement.slug}/",
                {"title": "Moon agreement", "status_history": [{"date": "2020-01-01"}]},
            )
            assert response.status_code == 400
            assert list(response.json()) == ["status_history.0.status"]
        assert not agreement.status_changes.exists()
