"""A story's whole way through the newsroom, in a real headless Chromium
against the live server: a reporter enters an article with a quote (the
speaker chosen through the admin's select2 autocomplete) and submits it for
review, an editor publishes it, the quote appears in the public API, and the
article page shows the quote highlighted in the body."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.selenium_manager import SeleniumManager
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from articles.models import Article, ArticleStatus, QuoteKind
from entities.models import OrganisationKind
from tests.conftest import require
from tests.factories import OrganisationFactory, PersonFactory, RoleFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--window-size=1400,1000",
]
WAIT_SECONDS = 15

REFERENCE_BODY = (
    Path(settings.BASE_DIR) / "seeds" / "reference-article.txt"
).read_text(encoding="utf-8")
HEADLINE = "China's envoy: space cooperation with Russia will benefit humanity"
QUOTE_TEXT = "major space power"
ARTEFACTS = Path(settings.BASE_DIR) / "test-artefacts"


def _no_selenium_manager(self, *args, **kwargs):
    raise AssertionError(
        "Selenium Manager must not run: the browser tests use Debian's "
        f"{CHROMIUM} and {CHROMEDRIVER} and never download a driver."
    )


@pytest.fixture
def browser(request, monkeypatch):
    """Headless Chromium with a fresh profile, quit whatever the outcome."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        require(
            path.is_file() and os.access(path, os.X_OK),
            f"{path} is missing (Debian package {package}): the browser tests "
            "drive Debian's Chromium; apt-get install chromium chromium-driver.",
        )
    # Passing the driver's path already skips Selenium Manager; make sure.
    monkeypatch.setattr(SeleniumManager, "binary_paths", _no_selenium_manager)

    profile = tempfile.mkdtemp(prefix="newsdesk-chromium-")
    request.addfinalizer(lambda: shutil.rmtree(profile, ignore_errors=True))
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    # The console's messages, for tests that check nothing was refused
    # (Content-Security-Policy violations are reported there).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # Registered after the profile's removal, so it runs first.
    request.addfinalizer(driver.quit)
    driver.set_page_load_timeout(30)
    return driver


def _wait(driver) -> WebDriverWait:
    # A condition that reads an element the page has just redrawn tries
    # again instead of failing: the admin's widgets redraw as answers arrive.
    return WebDriverWait(
        driver, WAIT_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    )


def _page_problems(driver) -> str:
    """The admin's error notes and messages, for a failure report."""
    found = driver.find_elements(
        By.CSS_SELECTOR, ".errornote, .errorlist, ul.messagelist li"
    )
    return " | ".join(element.text for element in found) or "(none on the page)"


def _submit_and_expect_message(driver, button, expected: str) -> None:
    """Click ``button`` and wait for the next page's success message."""
    button.click()
    _wait(driver).until(EC.staleness_of(button))
    try:
        message = _wait(driver).until(
            EC.visibility_of_element_located(
                (By.CSS_SELECTOR, "ul.messagelist li.success")
            )
        )
    except TimeoutException:
        pytest.fail(
            f"No success message after submitting; expected {expected!r}. "
            f"Page {driver.current_url} shows: {_page_problems(driver)}"
        )
    assert message.text == expected, _page_problems(driver)


def _log_in(driver, base_url: str, username: str, password: str) -> None:
    driver.get(f"{base_url}/admin/login/?next=/admin/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "#login-form [type=submit]").click()
    try:
        _wait(driver).until(EC.presence_of_element_located((By.ID, "logout-form")))
    except TimeoutException:
        pytest.fail(f"{username} could not log in: {_page_problems(driver)}")


def _log_out(driver) -> None:
    button = driver.find_element(By.CSS_SELECTOR, "#logout-form [type=submit]")
    button.click()
    # The logout page's address says the form has gone; waiting for the
    # button to go stale asked Chromium about a node already out of the
    # document, which it may answer with an inspector error instead.
    _wait(driver).until(EC.url_contains("/admin/logout/"))
    assert not driver.find_elements(By.ID, "logout-form")


def _choose_autocomplete(driver, select_id: str, typed: str, choice: str) -> None:
    """Pick ``choice`` in the select2 autocomplete that replaces the select
    ``select_id``, as an editor does: open it, type, click the result."""
    driver.find_element(
        By.CSS_SELECTOR, f"#{select_id} + .select2 .select2-selection"
    ).click()
    search = _wait(driver).until(
        EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".select2-container--open .select2-search__field")
        )
    )
    search.send_keys(typed)
    option = (
        By.XPATH,
        "//li[contains(@class, 'select2-results__option')]"
        f"[normalize-space() = '{choice}']",
    )

    def click_choice(driver) -> bool:
        # select2 asks the server once per keystroke and redraws the list
        # when each answer arrives, so the option found may be replaced
        # before the click lands: find it again until a click takes.
        try:
            driver.find_element(*option).click()
        except (NoSuchElementException, StaleElementReferenceException):
            return False
        return True

    _wait(driver).until(click_choice)
    _wait(driver).until(
        EC.text_to_be_present_in_element(
            (By.CSS_SELECTOR, f"#{select_id} + .select2 .select2-selection__rendered"),
            choice,
        )
    )
    chosen = Select(driver.find_element(By.ID, select_id)).first_selected_option
    assert chosen.text == choice


def _run_action(driver, base_url: str, article: Article, action: str, expected: str):
    """Tick the article on the changelist and run ``action`` on it."""
    driver.get(f"{base_url}/admin/articles/article/")
    checkbox = _wait(driver).until(
        EC.element_to_be_clickable(
            (By.CSS_SELECTOR, f"input.action-select[value='{article.pk}']")
        )
    )
    checkbox.click()
    assert checkbox.is_selected()
    Select(driver.find_element(By.NAME, "action")).select_by_value(action)
    go = driver.find_element(By.CSS_SELECTOR, "#changelist-form button[name=index]")
    _submit_and_expect_message(driver, go, expected)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_story_from_reporter_to_public_api(browser, live_server, django_user_model):
    # The groups come from a data migration: serialized_rollback restores
    # them for this transactional test whatever ran before it.
    rita = django_user_model.objects.create_user(
        "rita", password="rita-writes-drafts", is_staff=True
    )
    rita.groups.add(Group.objects.get(name="Reporters"))
    eddie = django_user_model.objects.create_user(
        "eddie", password="eddie-publishes", is_staff=True
    )
    eddie.groups.add(Group.objects.get(name="Editors"))
    china = OrganisationFactory(name="China", kind=OrganisationKind.STATE)
    OrganisationFactory(name="TASS", kind=OrganisationKind.NEWS_AGENCY)
    zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])
    RoleFactory(person=zhang, organisation=china, title="Ambassador to Russia")
    base_url = live_server.url

    # Rita enters the story and its quote.
    _log_in(browser, base_url, "rita", "rita-writes-drafts")
    browser.get(f"{base_url}/admin/articles/article/add/")
    browser.find_element(By.ID, "id_headline").send_keys(HEADLINE)
    body = browser.find_element(By.ID, "id_body")
    body.click()
    # What a paste does: the whole text inserted at the cursor at once.
    browser.execute_cdp_cmd("Input.insertText", {"text": REFERENCE_BODY})
    assert "major space power" in body.get_property("value")
    browser.find_element(By.ID, "id_quotes-0-text").send_keys(QUOTE_TEXT)
    Select(browser.find_element(By.ID, "id_quotes-0-kind")).select_by_value(
        QuoteKind.PARTIAL
    )
    _choose_autocomplete(browser, "id_quotes-0-speaker", "Hanh", "Zhang Hanhui")
    _submit_and_expect_message(
        browser,
        browser.find_element(By.NAME, "_save"),
        f"The article “{HEADLINE}” was added successfully.",
    )

    article = Article.objects.get(headline=HEADLINE)
    assert article.status == ArticleStatus.DRAFT
    assert (
        article.slug
        == "chinas-envoy-space-cooperation-with-russia-will-benefit-humanity"
    )
    quote = article.quotes.get()
    assert (quote.text, quote.kind, quote.speaker) == (
        QUOTE_TEXT,
        QuoteKind.PARTIAL,
        zhang,
    )
    assert quote.organisation == china  # from the speaker's role
    assert article.body[quote.start : quote.end] == QUOTE_TEXT
    assert set(article.people.all()) == {zhang}
    assert set(article.organisations.all()) == {china}

    _run_action(
        browser,
        base_url,
        article,
        "make_in_review",
        f"Submitted for review: “{HEADLINE}”.",
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.IN_REVIEW
    assert article.published_at is None
    _log_out(browser)

    # Eddie publishes it.
    _log_in(browser, base_url, "eddie", "eddie-publishes")
    _run_action(
        browser, base_url, article, "make_published", f"Published: “{HEADLINE}”."
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at is not None
    assert article.is_public
    assert article.history.first().history_user == eddie

    # Anyone can now read the quote in the API.
    request = urllib.request.Request(
        f"{base_url}/api/v1/quotes/?speaker=zhang-hanhui",
        headers={"Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
        assert response.status == 200
        listing = json.load(response)
    assert listing["count"] == 1
    [public] = listing["results"]
    assert public["text"] == QUOTE_TEXT
    assert public["kind"] == QuoteKind.PARTIAL
    assert public["speaker"]["slug"] == "zhang-hanhui"
    assert public["organisation"]["slug"] == "china"

    # The article page shows the quote highlighted in the body.
    browser.get(f"{base_url}/admin/articles/article/{article.pk}/change/")
    mark = _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".quoted-body mark"))
    )
    assert mark.text == QUOTE_TEXT
    assert mark.get_attribute("title") == "Zhang Hanhui (partial)"
    label = browser.find_element(By.CSS_SELECTOR, ".quoted-body .quote-label")
    assert label.text == "Zhang Hanhui · partial"
    section = mark.find_element(By.XPATH, "ancestor::fieldset")
    assert "Quotes in the body" in section.find_element(By.TAG_NAME, "h2").text
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", section)
    ARTEFACTS.mkdir(exist_ok=True)
    screenshot = ARTEFACTS / "article-page.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 0
