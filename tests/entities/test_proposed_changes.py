"""Reviewed registry edits: a reporter's change to a person or organisation
that published stories made public waits for an editor, in the API and in the
admin, and the public API never shows it until it is approved; roles of a
public person are changed by editors only; records no published story names
yet are edited at once."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.authtoken.models import Token

from entities import changes
from entities.models import (
    ChangeStatus,
    Organisation,
    Person,
    ProposedChange,
    Role,
)
from tests.factories import newsroom_user
from tests.test_admin import form_post_data

pytestmark = pytest.mark.django_db

ZHANG = "/api/v1/people/zhang-hanhui/"


@pytest.fixture
def reporter(django_user_model):
    return newsroom_user("rita", "Reporters")


@pytest.fixture
def desk_editor(django_user_model):
    return newsroom_user("eddie", "Editors")


def _api(client, user):
    token = Token.objects.create(user=user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


def _public_description(client) -> str:
    return client.get(ZHANG, HTTP_AUTHORIZATION="").json()["description"]


class TestThroughTheAPI:
    def test_a_reporters_edit_of_a_public_person_waits(self, seed, client, reporter):
        before = Person.objects.get(slug="zhang-hanhui")
        response = _api(client, reporter).patch(
            ZHANG, {"description": "defaced"}, content_type="application/json"
        )
        assert response.status_code == 202, response.content
        body = response.json()
        assert body["status"] == "pending"
        assert body["values"] == {"description": "defaced"}
        assert "waiting for an editor's approval" in body["detail"]
        after = Person.objects.get(slug="zhang-hanhui")
        assert (after.description, after.version) == (
            before.description,
            before.version,
        )
        assert _public_description(client) == before.description
        change = ProposedChange.objects.get()
        assert change.person == after and change.proposed_by == reporter

    def test_a_wrong_value_is_refused_at_once(self, seed, client, reporter):
        response = _api(client, reporter).patch(
            ZHANG, {"wikidata_id": "X1"}, content_type="application/json"
        )
        assert response.status_code == 400
        assert "wikidata_id" in response.json()
        assert not ProposedChange.objects.exists()

    def test_a_public_organisation_waits_too(self, seed, client, reporter):
        response = _api(client, reporter).patch(
            "/api/v1/organisations/roscosmos/",
            {"description": "renamed"},
            content_type="application/json",
        )
        assert response.status_code == 202
        assert Organisation.objects.get(slug="roscosmos").description != "renamed"

    def test_a_record_no_published_story_names_is_edited_at_once(
        self, seed, client, reporter
    ):
        Person.objects.create(name="Unpublished Source", slug="unpublished-source")
        response = _api(client, reporter).patch(
            "/api/v1/people/unpublished-source/",
            {"description": "a new source"},
            content_type="application/json",
        )
        assert response.status_code == 200
        assert Person.objects.get(slug="unpublished-source").description == (
            "a new source"
        )
        assert not ProposedChange.objects.exists()

    def test_an_editors_edit_is_applied_at_once(self, seed, client, desk_editor):
        response = _api(client, desk_editor).patch(
            ZHANG, {"description": "checked"}, content_type="application/json"
        )
        assert response.status_code == 200
        assert _public_description(client) == "checked"
        assert not ProposedChange.objects.exists()

    def test_roles_of_a_public_person_are_for_editors(self, seed, client, reporter):
        api = _api(client, reporter)
        role = Role.objects.get(person__slug="zhang-hanhui")
        roles = Role.objects.count()
        created = api.post(
            "/api/v1/roles/",
            {"person": "zhang-hanhui", "organisation": "china", "title": "Envoy"},
            content_type="application/json",
        )
        assert created.status_code == 403
        assert "changed by editors" in created.json()["detail"][0]
        changed = api.patch(
            f"/api/v1/roles/{role.pk}/",
            {"title": "Former ambassador"},
            content_type="application/json",
        )
        assert changed.status_code == 403
        assert api.delete(f"/api/v1/roles/{role.pk}/").status_code == 403
        assert Role.objects.count() == roles
        assert Role.objects.get(pk=role.pk).title == role.title

    def test_roles_of_an_unpublished_person_are_the_reporters(
        self, seed, client, reporter
    ):
        Person.objects.create(name="Unpublished Source", slug="unpublished-source")
        response = _api(client, reporter).post(
            "/api/v1/roles/",
            {
                "person": "unpublished-source",
                "organisation": "china",
                "title": "Adviser",
            },
            content_type="application/json",
        )
        assert response.status_code == 201


class TestDecisions:
    def _proposal(self, client, reporter, values):
        response = _api(client, reporter).patch(
            ZHANG, values, content_type="application/json"
        )
        assert response.status_code == 202
        return ProposedChange.objects.get(pk=response.json()["id"])

    def test_approval_applies_the_change_everywhere(
        self, seed, client, reporter, desk_editor
    ):
        change = self._proposal(
            client, reporter, {"description": "Chinese diplomat", "aliases": ["Zhang"]}
        )
        changes.proposed_change_approve(change=change, user=desk_editor, note="ok")
        client.defaults.pop("HTTP_AUTHORIZATION")
        public = client.get(ZHANG).json()
        assert public["description"] == "Chinese diplomat"
        assert public["aliases"] == ["Zhang"]
        change.refresh_from_db()
        assert change.status == ChangeStatus.APPROVED
        assert change.decided_by == desk_editor
        latest = Person.objects.get(slug="zhang-hanhui").history.first()
        assert latest.history_change_reason == ("Proposed by rita, approved by eddie")
        with pytest.raises(PermissionDenied):
            changes.proposed_change_approve(change=change, user=desk_editor)

    def test_rejection_leaves_the_record(self, seed, client, reporter, desk_editor):
        before = Person.objects.get(slug="zhang-hanhui").description
        change = self._proposal(client, reporter, {"description": "defaced"})
        changes.proposed_change_reject(change=change, user=desk_editor, note="no")
        change.refresh_from_db()
        assert change.status == ChangeStatus.REJECTED
        assert Person.objects.get(slug="zhang-hanhui").description == before

    def test_a_reporter_cannot_decide(self, seed, client, reporter):
        change = self._proposal(client, reporter, {"description": "mine"})
        with pytest.raises(PermissionDenied):
            changes.proposed_change_approve(change=change, user=reporter)
        change.refresh_from_db()
        assert change.status == ChangeStatus.PENDING

    def test_the_difference_reads_against_the_record_now(self, seed, client, reporter):
        change = self._proposal(client, reporter, {"name": "Zhang H."})
        assert changes.proposed_change_diff(change=change) == [
            ("name", "Zhang Hanhui", "Zhang H.")
        ]


class TestInTheAdmin:
    def test_a_reporters_save_becomes_a_proposal(self, seed, client, reporter):
        person = Person.objects.get(slug="zhang-hanhui")
        url = f"/admin/entities/person/{person.pk}/change/"
        client.force_login(reporter)
        page = client.get(url)
        # Aliases and roles of a public record are read-only for a reporter.
        assert all(
            not inline.has_change_permission
            for inline in page.context["inline_admin_formsets"]
        )
        data = form_post_data(page)
        data["description"] = "typed in the admin"
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        shown = [str(message) for message in response.context["messages"]]
        assert any("waiting for an editor's approval" in text for text in shown)
        assert Person.objects.get(pk=person.pk).description == person.description
        assert ProposedChange.objects.get().values == {
            "description": "typed in the admin"
        }

    def test_an_editor_approves_from_the_change_page(
        self, seed, client, reporter, desk_editor
    ):
        response = _api(client, reporter).patch(
            ZHANG, {"description": "from a reporter"}, content_type="application/json"
        )
        change = ProposedChange.objects.get(pk=response.json()["id"])
        client.defaults.pop("HTTP_AUTHORIZATION")
        client.force_login(desk_editor)
        url = f"/admin/entities/proposedchange/{change.pk}/change/"
        page = client.get(url).content.decode()
        assert "from a reporter" in page and "Approve and apply" in page
        response = client.post(url, {"_approve": "1", "note": "thanks"})
        assert response.status_code == 302
        assert Person.objects.get(slug="zhang-hanhui").description == (
            "from a reporter"
        )
        change.refresh_from_db()
        assert (change.status, change.note) == (ChangeStatus.APPROVED, "thanks")

    def test_a_reporter_sees_only_their_own_proposals(
        self, seed, client, reporter, django_user_model
    ):
        other = newsroom_user("ron", "Reporters")
        _api(client, other).patch(
            ZHANG, {"description": "ron's"}, content_type="application/json"
        )
        client.defaults.pop("HTTP_AUTHORIZATION")
        client.force_login(reporter)
        listing = client.get("/admin/entities/proposedchange/")
        assert listing.status_code == 200
        assert "proposed by ron" not in listing.content.decode()
        assert "0 proposed changes" in listing.content.decode()
