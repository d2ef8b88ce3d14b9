"""The extraction assistant in a real headless Chromium against the live
server: an editor opens a story entered without quotes, clicks "Propose
structure", accepts every proposal, saves, and the quotes appear in the
public API."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from articles.models import Article, ArticleStatus, QuoteKind
from entities.models import OrganisationKind
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory
from tests.test_browser import (  # noqa: F401 - the fixture, used by name
    ARTEFACTS,
    WAIT_SECONDS,
    _log_in,
    _page_problems,
    _wait,
    browser,
)

REFERENCE_BODY = (
    Path(settings.BASE_DIR) / "seeds" / "reference-article.txt"
).read_text(encoding="utf-8")
HEADLINE = "China's envoy: space cooperation will benefit humanity"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_accepts_all_proposals(browser, live_server, django_user_model):  # noqa: F811
    # The groups come from a data migration: serialized_rollback restores
    # them for this transactional test whatever ran before it.
    eddie = django_user_model.objects.create_user(
        "eddie", password="eddie-publishes", is_staff=True
    )
    eddie.groups.add(Group.objects.get(name="Editors"))
    OrganisationFactory(name="China", kind=OrganisationKind.STATE)
    OrganisationFactory(
        name="TASS",
        kind=OrganisationKind.NEWS_AGENCY,
        aliases=["Russian news agency TASS"],
    )
    zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])
    article = ArticleFactory(
        headline=HEADLINE, body=REFERENCE_BODY, status=ArticleStatus.PUBLISHED
    )
    assert not article.quotes.exists()
    base_url = live_server.url

    _log_in(browser, base_url, "eddie", "eddie-publishes")
    browser.get(f"{base_url}/admin/articles/article/{article.pk}/change/")
    propose = _wait(browser).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, "a.propose-link"))
    )
    propose.click()
    _wait(browser).until(EC.staleness_of(propose))
    _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".proposal-body mark"))
    )
    assert "Propose structure" in browser.find_element(By.TAG_NAME, "h1").text
    breadcrumbs = browser.find_element(By.CSS_SELECTOR, ".breadcrumbs").text
    assert HEADLINE in breadcrumbs

    browser.find_element(By.ID, "accept-all").click()
    decisions = browser.find_elements(
        By.CSS_SELECTOR, "#proposals-form input[type=radio][value=accept]"
    )
    assert decisions and all(radio.is_selected() for radio in decisions)
    ARTEFACTS.mkdir(exist_ok=True)
    screenshot = ARTEFACTS / "propose-structure.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 0
    rows = browser.find_element(By.ID, "quote-proposals")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", rows)
    assert browser.save_screenshot(str(ARTEFACTS / "propose-structure-rows.png"))

    save = browser.find_element(By.NAME, "_save")
    save.click()
    _wait(browser).until(EC.staleness_of(save))
    try:
        message = _wait(browser).until(
            EC.visibility_of_element_located(
                (By.CSS_SELECTOR, "ul.messagelist li.success")
            )
        )
    except TimeoutException:
        pytest.fail(f"Nothing saved: {_page_problems(browser)}")
    assert message.text.startswith(f"Added to “{HEADLINE}”: 11 quotes")
    assert browser.current_url.endswith(f"/admin/articles/article/{article.pk}/change/")

    article = Article.objects.get(pk=article.pk)
    assert article.quotes.count() == 11
    # Dmitry Rogozin and Pyotr Dubrov were not in the registry: accepting
    # their quotes added them.
    assert set(article.quotes.values_list("speaker__name", flat=True)) == {
        "Zhang Hanhui",
        "Dmitry Rogozin",
        "Pyotr Dubrov",
    }

    request = urllib.request.Request(
        f"{base_url}/api/v1/quotes/?speaker=zhang-hanhui&kind=direct",
        headers={"Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
        assert response.status == 200
        listing = json.load(response)
    assert listing["count"] == 1
    [public] = listing["results"]
    assert public["kind"] == QuoteKind.DIRECT
    assert public["text"].startswith("I am certain that the consolidation")
    assert public["speaker"]["slug"] == zhang.slug
    assert public["outlet"]["slug"] == "tass"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_corrects_and_picks_speakers(browser, live_server, django_user_model):  # noqa: F811
    """One speaker field per quote: typing another name updates the card's
    heading and its "Spoke for" at once; a quote found with no speaker is
    listed ("pick one"), left out of "Accept all", and saved once named."""
    eddie = django_user_model.objects.create_user(
        "eddie", password="eddie-publishes", is_staff=True
    )
    eddie.groups.add(Group.objects.get(name="Editors"))
    acme = OrganisationFactory(name="Acme Corp")
    beta = OrganisationFactory(name="Beta Bank")
    article = ArticleFactory(
        headline="Results day",
        body=(
            "Acme Corp's chief executive, Ann Lee, said that profits would rise."
            "\n\nBeta Bank's chief economist, Bob Stone, said that rates would "
            "fall.\n\nThe meeting ended.\n\n\u201cWe will not give up.\u201d"
        ),
        status=ArticleStatus.DRAFT,
    )
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", "eddie-publishes")
    browser.get(f"{base_url}/admin/articles/article/{article.pk}/propose/")
    first = _wait(browser).until(
        EC.visibility_of_element_located((By.ID, "proposal-quote-1"))
    )
    unattributed = browser.find_element(By.ID, "proposal-quote-3")
    heading = unattributed.find_element(By.CSS_SELECTOR, ".proposal-speaker-name")
    assert heading.text == "found a quote, no speaker: pick one"
    assert "proposal-unattributed" in unattributed.get_attribute("class")
    assert len(first.find_elements(By.CSS_SELECTOR, "input[name$='-speaker']")) == 1

    def spoke_for(card) -> str:
        select = card.find_element(By.CSS_SELECTOR, "select[name$='-organisation']")
        return select.find_element(By.CSS_SELECTOR, "option:checked").text

    assert spoke_for(first) == "Acme Corp"
    speaker = first.find_element(By.CSS_SELECTOR, "input.proposal-speaker")
    speaker.clear()
    speaker.send_keys("Bob Stone")
    assert first.find_element(By.CSS_SELECTOR, ".proposal-speaker-name").text == (
        "Bob Stone"
    )
    assert spoke_for(first) == "Beta Bank"

    browser.find_element(By.ID, "accept-all").click()
    accept = unattributed.find_element(By.CSS_SELECTOR, "input[value=accept]")
    assert not accept.is_selected()
    pick = unattributed.find_element(By.CSS_SELECTOR, "input.proposal-speaker")
    pick.send_keys("Ann Lee")
    assert heading.text == "Ann Lee"
    assert spoke_for(unattributed) == "Acme Corp"
    accept.click()
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'start'});",
        browser.find_element(By.ID, "quote-proposals"),
    )
    ARTEFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTEFACTS / "propose-pick-speaker.png"))

    save = browser.find_element(By.NAME, "_save")
    save.click()
    _wait(browser).until(EC.staleness_of(save))
    try:
        _wait(browser).until(
            EC.visibility_of_element_located(
                (By.CSS_SELECTOR, "ul.messagelist li.success")
            )
        )
    except TimeoutException:
        pytest.fail(f"Nothing saved: {_page_problems(browser)}")
    saved = {
        q.text: (q.speaker.name, q.organisation)
        for q in Article.objects.get(pk=article.pk).quotes.select_related("speaker")
    }
    assert saved == {
        "profits would rise": ("Bob Stone", beta),
        "rates would fall": ("Bob Stone", beta),
        "We will not give up.": ("Ann Lee", acme),
    }
