"""History, conflicts, quote repair and the quote inline's keyboard path, in
a real headless Chromium against the live server, as an editor uses them:
the screenshots land in test-artefacts/ (tests/test_browser.py has the
driver's setup)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from articles import services
from articles.models import Article, Quote, QuoteKind
from entities.models import Person
from tests import test_browser
from tests.factories import ArticleFactory, PersonFactory
from tests.test_admin import admin_url, all_error_messages, form_post_data
from tests.test_browser import (
    ARTEFACTS,
    _log_in,
    _page_problems,
    _submit_and_expect_message,
    _wait,
)

browser = test_browser.browser

PASSWORD = "correct horse battery"
BODY = (
    "“We will land on the Moon before the decade is out,” Ada Vance told "
    "reporters on Monday. Her deputy, Omar Reyes, called the plan "
    "“ambitious but affordable” and said the budget was agreed."
)
DIRECT = "We will land on the Moon before the decade is out"
PARTIAL = "ambitious but affordable"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def newsroom_editor(django_user_model, username: str):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def quoted_story() -> Article:
    article = ArticleFactory(headline="Agency promises Moon landing", body=BODY)
    services.quote_create(
        article=article,
        text=DIRECT,
        speaker=PersonFactory(name="Ada Vance"),
        kind=QuoteKind.DIRECT,
    )
    services.quote_create(
        article=article,
        text=PARTIAL,
        speaker=PersonFactory(name="Omar Reyes"),
        kind=QuoteKind.PARTIAL,
    )
    return article


def screenshot(driver, name: str, element=None) -> None:
    if element is not None:
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", element)
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 0


def replace_text(driver, element, text: str) -> None:
    """Select everything in the field and type ``text`` over it, as a paste
    over a selection does."""
    element.click()
    element.send_keys(Keys.CONTROL, "a")
    driver.execute_cdp_cmd("Input.insertText", {"text": text})
    assert element.get_property("value") == text


def change_page(driver, base_url: str, model, pk) -> None:
    driver.get(f"{base_url}{admin_url(model, 'change', pk)}")
    _wait(driver).until(EC.presence_of_element_located((By.NAME, "_save")))


def tab_stops(driver, start_id: str, container_id: str) -> list[str]:
    """Press Tab from the element ``start_id`` until focus leaves the element
    ``container_id``; the focused elements in order, the first included."""
    describe = (
        "const e = document.activeElement;"
        "return [arguments[0].contains(e), e.id || e.name || e.className || e.tagName];"
    )
    container = driver.find_element(By.ID, container_id)
    driver.execute_script("document.getElementById(arguments[0]).focus()", start_id)
    inside, name = driver.execute_script(describe, container)
    assert inside, f"{start_id} is not inside {container_id}"
    stops = [name]
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        inside, name = driver.execute_script(describe, container)
        if not inside:
            return stops
        stops.append(name)
    raise AssertionError(f"focus never left {container_id}: {stops}")


def test_a_quote_takes_seven_tab_stops(browser, live_server, django_user_model):
    """Through a saved quote, from its delete box (in its heading) to the
    next quote: the words, speaker, kind, cue, unnamed source and the closed
    "organisation, outlet and date" section. The speaker's add/change/view
    links are not among them, and the section's fields only once it is
    opened."""
    newsroom_editor(django_user_model, "eddie")
    article = quoted_story()
    _log_in(browser, live_server.url, "eddie", PASSWORD)
    change_page(browser, live_server.url, Article, article.pk)

    stops = tab_stops(browser, "id_quotes-0-DELETE", "quotes-0")

    assert stops == [
        "id_quotes-0-DELETE",
        "id_quotes-0-text",
        "select2-selection select2-selection--single",
        "id_quotes-0-kind",
        "id_quotes-0-cue",
        "id_quotes-0-source_description",
        "SUMMARY",
    ], stops
    section = browser.find_element(By.CSS_SELECTOR, "#quotes-0 details")
    assert section.get_attribute("open") is None
    assert not browser.find_element(By.ID, "id_quotes-0-organisation").is_displayed()
    filled = browser.find_element(By.CSS_SELECTOR, "#quotes-0 .field-filled_in")
    assert "said" in filled.text or "—" in filled.text
    screenshot(
        browser, "quote-inline-tab-stops", browser.find_element(By.ID, "quotes-0")
    )

    # Opened, the section's fields follow in the Tab order.
    section.find_element(By.TAG_NAME, "summary").click()
    opened = tab_stops(browser, "id_quotes-0-DELETE", "quotes-0")
    assert "id_quotes-0-said_on" in opened
    assert len(opened) > len(stops)
    organisation = browser.find_element(
        By.CSS_SELECTOR, "#id_quotes-0-organisation + .select2"
    )
    assert organisation.is_displayed() and organisation.size["width"] > 100
    screenshot(browser, "quote-inline-opened", browser.find_element(By.ID, "quotes-0"))


def test_history_shows_quote_changes_note_and_restorable_quotes(
    browser, live_server, django_user_model
):
    """An editor removes a quote with a change note; the history lists the
    removal and the note under that version, names the editor without a
    link they could not open, and the first version's page lists the quote
    that restoring it brings back; restoring does."""
    newsroom_editor(django_user_model, "eddie")
    article = quoted_story()
    partial = article.quotes.get(text=PARTIAL)
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", PASSWORD)
    change_page(browser, base_url, Article, article.pk)

    row = next(
        index
        for index in range(2)
        if browser.find_element(By.ID, f"id_quotes-{index}-id").get_property("value")
        == str(partial.pk)
    )
    browser.find_element(By.ID, f"id_quotes-{row}-DELETE").click()
    note = browser.find_element(By.ID, "id_change_note")
    note.send_keys("Omar Reyes asked us to drop his remark")
    _submit_and_expect_message(
        browser,
        browser.find_element(By.NAME, "_save"),
        f"The article “{article.headline}” was changed successfully.",
    )
    assert not Quote.objects.filter(pk=partial.pk).exists()

    browser.get(f"{base_url}{admin_url(Article, 'history', article.pk)}")
    table = _wait(browser).until(
        EC.visibility_of_element_located((By.ID, "change-history"))
    )
    newest = table.find_element(By.CSS_SELECTOR, "tbody tr")
    assert "Quote removed: “ambitious but affordable” (Omar Reyes, partial)" in (
        newest.find_element(By.CSS_SELECTOR, ".history-changes").text
    )
    assert newest.find_element(By.CSS_SELECTOR, ".history-note").text == (
        "Omar Reyes asked us to drop his remark"
    )
    user_cell = newest.find_element(By.CSS_SELECTOR, ".history-user")
    assert user_cell.text == "eddie"
    assert not user_cell.find_elements(By.TAG_NAME, "a")
    assert "None" not in table.text
    screenshot(browser, "article-history", table)

    # The first version, as a restore page: the removed quote comes back.
    browser.find_elements(By.CSS_SELECTOR, "#change-history tbody tr td a")[-1].click()
    quotes = _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".revert-quotes"))
    )
    back = quotes.find_element(By.CSS_SELECTOR, f"[data-quote-id='{partial.pk}']")
    assert "“ambitious but affordable” — Omar Reyes, partial" in back.text
    assert "comes back" in back.text
    screenshot(browser, "article-revert-preview", quotes)
    revert = browser.find_element(By.NAME, "_save")
    revert.click()
    _wait(browser).until(EC.staleness_of(revert))
    assert Quote.objects.filter(pk=partial.pk).exists(), _page_problems(browser)
    restored = Article.objects.get(pk=article.pk).history.latest("history_date")
    assert restored.history_change_reason.startswith("Restored version 1")


def test_conflict_shows_their_change_and_saves_the_choices(
    browser, live_server, django_user_model
):
    """Eddie opens an article; Fiona saves a new headline and standfirst
    first. Eddie's save of another standfirst comes back with a panel
    naming Fiona, her values next to his; saving with the offered choices
    keeps her headline and his standfirst."""
    newsroom_editor(django_user_model, "eddie")
    fiona = newsroom_editor(django_user_model, "fiona")
    article = quoted_story()
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", PASSWORD)
    change_page(browser, base_url, Article, article.pk)

    other = Client()
    other.force_login(fiona)
    data = form_post_data(other.get(admin_url(Article, "change", article.pk)))
    data.update(headline="Agency promises Moon landing by 2030", standfirst="Hers")
    saved = other.post(admin_url(Article, "change", article.pk), data)
    assert saved.status_code == 302, all_error_messages(saved)

    replace_text(browser, browser.find_element(By.ID, "id_standfirst"), "Mine")
    save = browser.find_element(By.NAME, "_save")
    save.click()
    _wait(browser).until(EC.staleness_of(save))
    panel = _wait(browser).until(
        EC.visibility_of_element_located((By.ID, "edit-conflict"))
    )
    assert panel.find_element(By.TAG_NAME, "h2").text.startswith(
        "fiona saved this article at "
    )
    headline = panel.find_element(By.CSS_SELECTOR, "tr[data-field='headline']")
    assert "Agency promises Moon landing by 2030" in headline.text
    standfirst = panel.find_element(By.CSS_SELECTOR, "tr[data-field='standfirst']")
    assert "Hers" in standfirst.find_element(By.CSS_SELECTOR, ".conflict-theirs").text
    assert "Mine" in standfirst.find_element(By.CSS_SELECTOR, ".conflict-mine").text
    assert "version" not in browser.find_element(By.CSS_SELECTOR, ".errornote").text
    # The page still holds what Eddie typed.
    assert browser.find_element(By.ID, "id_standfirst").get_property("value") == "Mine"
    screenshot(browser, "edit-conflict", panel)

    _submit_and_expect_message(
        browser,
        panel.find_element(By.CSS_SELECTOR, "button[value='choose']"),
        "The article “Agency promises Moon landing by 2030” was changed "
        "successfully. You may edit it again below.",
    )
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.standfirst) == (
        "Agency promises Moon landing by 2030",
        "Mine",
    )


def test_quote_repair_updates_one_quote_and_removes_another(
    browser, live_server, django_user_model
):
    """Eddie rewrites the body so neither quote's words remain: the body is
    marked, both quotes are listed at the top with the new words offered;
    he updates one, removes the other and saves."""
    newsroom_editor(django_user_model, "eddie")
    article = quoted_story()
    direct = article.quotes.get(text=DIRECT)
    partial = article.quotes.get(text=PARTIAL)
    edited = BODY.replace("the Moon before the decade is out", "Mars by 2030").replace(
        PARTIAL, "bold but affordable"
    )
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", PASSWORD)
    change_page(browser, base_url, Article, article.pk)
    replace_text(browser, browser.find_element(By.ID, "id_body"), edited)
    replace_text(browser, browser.find_element(By.ID, "id_headline"), "Mars by 2030")
    save = browser.find_element(By.NAME, "_save")
    save.click()
    _wait(browser).until(EC.staleness_of(save))

    panel = _wait(browser).until(
        EC.visibility_of_element_located((By.ID, "quote-repair"))
    )
    body_row = browser.find_element(By.CSS_SELECTOR, ".form-row.field-body")
    assert "errors" in body_row.get_attribute("class")
    assert "no longer has the words of 2 quotes" in body_row.text
    items = {
        item.find_element(By.CSS_SELECTOR, ".broken-quote-words").text: item
        for item in panel.find_elements(By.CSS_SELECTOR, ".broken-quote")
    }
    assert set(items) == {
        f"“{DIRECT}” — Ada Vance, direct",
        f"“{PARTIAL}” — Omar Reyes, partial",
    }, items
    partial_item = items[f"“{PARTIAL}” — Omar Reyes, partial"]
    assert partial_item.find_element(By.CSS_SELECTOR, ".suggested-words").text == (
        "“bold but affordable”"
    )
    # Everything typed is still there.
    assert browser.find_element(By.ID, "id_body").get_property("value") == edited
    assert browser.find_element(By.ID, "id_headline").get_property("value") == (
        "Mars by 2030"
    )
    screenshot(browser, "quote-repair", panel)

    partial_item.find_element(By.CSS_SELECTOR, "input[value='update']").click()
    items[f"“{DIRECT}” — Ada Vance, direct"].find_element(
        By.CSS_SELECTOR, "input[value='remove']"
    ).click()
    _submit_and_expect_message(
        browser,
        panel.find_element(By.CSS_SELECTOR, "input[type=submit]"),
        "The article “Mars by 2030” was changed successfully. You may edit it "
        "again below.",
    )
    stored = Article.objects.get(pk=article.pk)
    assert (stored.body, stored.headline) == (edited, "Mars by 2030")
    assert not Quote.objects.filter(pk=direct.pk).exists()
    partial.refresh_from_db()
    assert partial.text == "bold but affordable"
    assert edited[partial.start : partial.end] == partial.text


def test_conflict_on_a_person_taking_theirs(browser, live_server, django_user_model):
    """The registry's records share the panel: Eddie's edit of a person
    meets Fiona's earlier save; "Take theirs everywhere" leaves her record
    as she saved it."""
    newsroom_editor(django_user_model, "eddie")
    fiona = newsroom_editor(django_user_model, "fiona")
    person = PersonFactory(name="Ada Vance", description="Agency head")
    base_url = live_server.url
    _log_in(browser, base_url, "eddie", PASSWORD)
    change_page(browser, base_url, Person, person.pk)

    other = Client()
    other.force_login(fiona)
    data = form_post_data(other.get(admin_url(Person, "change", person.pk)))
    data["description"] = "Head of the agency since 2020"
    saved = other.post(admin_url(Person, "change", person.pk), data)
    assert saved.status_code == 302, all_error_messages(saved)

    replace_text(browser, browser.find_element(By.ID, "id_description"), "Former head")
    save = browser.find_element(By.NAME, "_save")
    save.click()
    _wait(browser).until(EC.staleness_of(save))
    panel = _wait(browser).until(
        EC.visibility_of_element_located((By.ID, "edit-conflict"))
    )
    row = panel.find_element(By.CSS_SELECTOR, "tr[data-field='description']")
    assert row.find_element(By.CSS_SELECTOR, ".conflict-before").text == "Agency head"
    assert "Head of the agency since 2020" in row.text and "Former head" in row.text
    screenshot(browser, "edit-conflict-person", panel)

    _submit_and_expect_message(
        browser,
        panel.find_element(By.CSS_SELECTOR, "button[value='theirs']"),
        "The person “Ada Vance” was changed successfully. You may edit it again below.",
    )
    stored = Person.objects.get(pk=person.pk)
    assert (stored.description, stored.version) == (
        "Head of the agency since 2020",
        3,
    )
