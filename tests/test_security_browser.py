"""The Content-Security-Policy in a real headless Chromium: the admin (with
its autocomplete and the extraction review screen), the interactive API docs
and the browsable API work under it, and the browser refuses nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from articles.models import Article
from tests.test_browser import (  # noqa: F401 - the fixture, used by name
    ARTEFACTS,
    _log_in,
    _wait,
    browser,
)


def _refusals(driver) -> list[str]:
    """Console messages in which the browser refused something by policy."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"]
        or "Content-Security-Policy" in entry["message"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_docs_and_browsable_api_work_under_the_policy(
    browser,  # noqa: F811
    live_server,
    django_user_model,
):
    call_command("load_seed", verbosity=0, stdout=io.StringIO())
    django_user_model.objects.create_superuser("eddie", password="eddie-edits")
    article = Article.objects.get()
    base = live_server.url
    ARTEFACTS.mkdir(exist_ok=True)

    _log_in(browser, base, "eddie", "eddie-edits")
    assert _refusals(browser) == []

    # The article page: the quote inlines' speaker autocomplete answers.
    browser.get(f"{base}/admin/articles/article/{article.pk}/change/")
    speaker = _wait(browser).until(
        EC.element_to_be_clickable(
            (By.CSS_SELECTOR, "#quotes-0 .field-speaker .select2-selection")
        )
    )
    speaker.click()
    search = _wait(browser).until(
        EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".select2-container--open .select2-search__field")
        )
    )
    search.send_keys("Rogoz")
    # The lookup is an XHR to the admin's autocomplete view: the list
    # narrows to the one match only if it ran.
    _wait(browser).until(
        lambda driver: (
            [
                option.text
                for option in driver.find_elements(
                    By.CSS_SELECTOR, ".select2-results__option"
                )
            ]
            == ["Dmitry Rogozin"]
        )
    )
    browser.save_screenshot(str(ARTEFACTS / "csp-article-page.png"))
    assert _refusals(browser) == []

    # The extraction review screen and its script.
    browser.get(f"{base}/admin/articles/article/{article.pk}/propose/")
    _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".proposal-body mark"))
    )
    assert _refusals(browser) == []

    # Swagger UI renders every operation from the schema.
    browser.get(f"{base}/api/docs/")
    _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".opblock-summary"))
    )
    title = browser.find_element(By.CSS_SELECTOR, ".info .title").text
    assert title.startswith("Newsdesk API")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".opblock")) > 20
    browser.save_screenshot(str(ARTEFACTS / "csp-api-docs.png"))
    assert _refusals(browser) == []

    # The browsable API, with its scripts (the format menu opens).
    browser.get(f"{base}/api/v1/quotes/?format=api")
    _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".response-info"))
    )
    browser.find_element(By.CSS_SELECTOR, ".dropdown-toggle").click()
    _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".dropdown-menu"))
    )
    assert _refusals(browser) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_browser_reports_an_inline_script(browser, live_server):  # noqa: F811
    """The check above can fail: an inline script on a page is refused and
    reported on the console."""
    browser.get(f"{live_server.url}/admin/login/")
    browser.execute_script(
        "const s = document.createElement('script');"
        "s.textContent = 'window.ran = true';"
        "document.body.appendChild(s);"
    )
    assert browser.execute_script("return window.ran === true") is False
    assert _refusals(browser)
