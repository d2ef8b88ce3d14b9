"""What editors notice on the registry's admin pages: an agreement's status
shown as derived from its status history, plain country names, and dates
outside the years 1000-2999 refused on the form."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import messages

from entities import services
from entities.admin_registry import WEB_ADDRESS_LABEL
from entities.countries import plain_names
from entities.models import Agreement, Organisation
from tests.factories import OrganisationFactory
from tests.test_admin import admin_url, field_errors, form_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return services.agreement_create(title="Moon agreement", kind="treaty")


class TestAgreementStatus:
    def test_without_history_the_status_is_an_input(self, editor_client, agreement):
        page = editor_client.get(admin_url(Agreement, "change", agreement.pk))

        form = page.context["adminform"].form
        assert "status" in form.fields
        assert "latest change sets it" in form.fields["status"].help_text

    def test_with_history_it_is_read_only_and_explained(self, editor_client, agreement):
        services.agreement_status_change_record(
            agreement=agreement, status="signed", date=datetime.date(2021, 3, 9)
        )

        page = editor_client.get(admin_url(Agreement, "change", agreement.pk))

        assert "status" not in page.context["adminform"].form.fields
        html = page.content.decode()
        assert "<strong>Signed</strong>" in html
        assert "Set by the status history below: its latest change (Signed, " in html
        assert "2021-03-09" in html
        data = form_post_data(page)
        data["status"] = "terminated"  # a forged input is not taken
        saved = editor_client.post(admin_url(Agreement, "change", agreement.pk), data)
        assert saved.status_code == 302
        assert Agreement.objects.get(pk=agreement.pk).status == "signed"

    def test_a_typed_status_overridden_by_a_first_change_is_said(
        self, editor_client, agreement
    ):
        page = editor_client.get(admin_url(Agreement, "change", agreement.pk))
        data = form_post_data(page)
        data.update(
            {
                "status": "in_force",
                "status_changes-TOTAL_FORMS": 1,
                "status_changes-0-date": "2021-03-09",
                "status_changes-0-status": "signed",
                "status_changes-0-note": "",
            }
        )

        response = editor_client.post(
            admin_url(Agreement, "change", agreement.pk), data, follow=True
        )

        shown = [(m.level, m.message) for m in response.context["messages"]]
        assert (
            messages.WARNING,
            "The status is Signed, as set by the latest status change, not the "
            "one entered above.",
        ) in shown
        assert Agreement.objects.get(pk=agreement.pk).status == "signed"

    def test_a_year_9999_signature_is_refused_on_the_form(
        self, editor_client, agreement
    ):
        page = editor_client.get(admin_url(Agreement, "change", agreement.pk))
        data = form_post_data(page)
        data["signed_on"] = "9999-12-31"

        response = editor_client.post(
            admin_url(Agreement, "change", agreement.pk), data
        )

        assert response.status_code == 200
        assert field_errors(response, "signed_on")[0].startswith(
            "Enter a date between 1000-01-01 and 2999-12-31"
        )
        assert Agreement.objects.get(pk=agreement.pk).signed_on is None

    def test_the_web_address_is_never_called_a_slug(self, editor_client, agreement):
        page = editor_client.get(admin_url(Agreement, "change", agreement.pk))
        field = page.context["adminform"].form.fields["slug"]
        assert field.label == WEB_ADDRESS_LABEL
        assert "slug" not in field.help_text.lower()


class TestCountryNames:
    def test_qualifiers_are_dropped_or_put_in_front(self):
        assert plain_names(
            {
                "BS": "Bahamas (The)",
                "FK": "Falkland Islands (Malvinas)",
                "VG": "Virgin Islands (British)",
                "VI": "Virgin Islands (U.S.)",
                "CC": "Cocos (Keeling) Islands",
                "RU": "Russia",
            }
        ) == {
            "BS": "Bahamas",
            "FK": "Falkland Islands",
            "VG": "British Virgin Islands",
            "VI": "U.S. Virgin Islands",
        }

    def test_admin_and_api_show_plain_names(self, editor_client, client):
        bahamas = OrganisationFactory(name="The Bahamas", kind="state", country="BS")

        page = editor_client.get(admin_url(Organisation, "change", bahamas.pk))
        choices = dict(page.context["adminform"].form.fields["country"].choices)
        assert choices["BS"] == "Bahamas"
        assert choices["VG"] == "British Virgin Islands"
        assert "(The)" not in page.content.decode()
        listing = editor_client.get(admin_url(Organisation, "changelist"))
        assert "Bahamas (The)" not in listing.content.decode()
        detail = editor_client.get(f"/api/v1/organisations/{bahamas.slug}/").json()
        assert (detail["country"], detail["country_name"]) == ("BS", "Bahamas")
