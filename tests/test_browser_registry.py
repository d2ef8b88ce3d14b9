"""The registry's admin in a real headless Chromium, as an editor uses it:
adding "charles  bolden" beside Charles Bolden shows the match linked, and
ticking "Not a duplicate" saves a distinct person with a numbered web
address; an agreement with a status history shows its status read-only."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from entities import services
from entities.models import Person
from tests.factories import PersonFactory
from tests.test_browser import (  # noqa: F401 (browser: the fixture)
    ARTEFACTS,
    _log_in,
    _submit_and_expect_message,
    _wait,
    browser,
)

PASSWORD = "eddie-keeps-the-registry"


@pytest.fixture
def editor_login(django_user_model):
    eddie = django_user_model.objects.create_user(
        "eddie", password=PASSWORD, is_staff=True
    )
    eddie.groups.add(Group.objects.get(name="Editors"))
    return eddie


def _screenshot(driver, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / name
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_namesake_is_linked_then_saved_apart(browser, live_server, editor_login):  # noqa: F811
    bolden = PersonFactory(name="Charles Bolden", description="NASA administrator")
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", PASSWORD)

    browser.get(f"{base_url}/admin/entities/person/add/")
    browser.find_element(By.ID, "id_name").send_keys("charles  bolden")
    browser.find_element(By.NAME, "_save").click()
    error = _wait(browser).until(
        EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".field-name .errorlist, .errorlist")
        )
    )
    assert error.text.startswith("Possible duplicate of Charles Bolden.")
    link = error.find_element(By.LINK_TEXT, "Charles Bolden")
    assert link.get_attribute("href").endswith(
        f"/admin/entities/person/{bolden.pk}/change/"
    )
    assert "slug" not in browser.find_element(By.ID, "content").text.lower()
    _screenshot(browser, "registry-possible-duplicate.png")

    # What the editor typed is still there; ticking the box saves it.
    assert browser.find_element(By.ID, "id_name").get_property("value") == (
        "charles  bolden"
    )
    browser.find_element(By.ID, "id_not_a_duplicate").click()
    _submit_and_expect_message(
        browser,
        browser.find_element(By.NAME, "_save"),
        # (the page shows the name with its spaces collapsed, as HTML does)
        "The person “charles bolden” was added successfully.",
    )
    namesake = Person.objects.exclude(pk=bolden.pk).get()
    assert (namesake.name, namesake.slug) == ("charles  bolden", "charles-bolden-2")
    assert Person.objects.get(pk=bolden.pk).slug == "charles-bolden"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_agreement_status_from_history_is_read_only(
    browser,  # noqa: F811
    live_server,
    editor_login,
):
    agreement = services.agreement_create(title="Moon agreement", kind="treaty")
    services.agreement_status_change_record(
        agreement=agreement, status="signed", date=datetime.date(2021, 3, 9)
    )
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", PASSWORD)

    browser.get(f"{base_url}/admin/entities/agreement/{agreement.pk}/change/")

    row = _wait(browser).until(
        EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".field-status_from_history .readonly")
        )
    )
    assert row.text.startswith("Signed\nSet by the status history below")
    assert not browser.find_elements(By.ID, "id_status")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", row)
    _screenshot(browser, "registry-agreement-status.png")
