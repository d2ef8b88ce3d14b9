"""The article page as an editor and a reporter use it, in a real headless
Chromium against the live server: workflow buttons on the page (publish,
schedule with the time picker, submit), the list actions each role is
offered, the preview from the page and from "View on site", live counts and
the headline's limit, a body too large to send stopped in the browser with
everything typed kept, Ctrl+S to save, the writer as the new story's
reporter, and ISO dates from the calendar. Screenshots go to
test-artefacts/."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from articles.models import Article, ArticleStatus, QuoteKind
from entities.models import Person
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, newsroom_user
from tests.test_browser import (  # noqa: F401 - the fixture, used by name
    ARTEFACTS,
    _log_in,
    _log_out,
    _page_problems,
    _submit_and_expect_message,
    _wait,
    browser,
)
from tests.test_security_browser import _refusals

PASSWORD = "correct horse battery"
BODY = (
    "The minister opened the bridge on Monday. “We will build three more,” "
    "said Mina Minister, who called it a bridge for everyone.\n\n"
    "Work on the second starts in spring."
)
QUOTE = "We will build three more,"


def _screenshot(driver, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / name
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 0


def _change_url(base: str, article: Article) -> str:
    return f"{base}/admin/articles/article/{article.pk}/change/"


def _moves(driver) -> list[str]:
    return [
        button.get_attribute("value")
        for button in driver.find_elements(By.CSS_SELECTOR, "button[name=_workflow]")
    ]


def _story(**fields) -> Article:
    fields.setdefault("status", ArticleStatus.DRAFT)
    fields.setdefault("published_at", None)
    article = ArticleFactory(body=BODY, **fields)
    speaker = Person.objects.filter(name="Mina Minister").first()
    QuoteFactory(
        article=article,
        text=QUOTE,
        kind=QuoteKind.DIRECT,
        speaker=speaker or PersonFactory(name="Mina Minister"),
    )
    return article


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workflow_from_the_page_and_the_list(browser, live_server):  # noqa: F811
    """A reporter submits from the page and is offered no publishing; an
    editor edits and publishes in one press, and schedules another story
    with the time picker."""
    rita = newsroom_user("rita", "Reporters")
    newsroom_user("eddie", "Editors")
    draft = _story(headline="Bridge opens", created_by=rita)
    other = _story(headline="Second bridge", created_by=rita)
    base = live_server.url

    _log_in(browser, base, "rita", PASSWORD)
    browser.get(f"{base}/admin/articles/article/")
    offered = {
        option.get_attribute("value")
        for option in Select(browser.find_element(By.NAME, "action")).options
    }
    assert "make_in_review" in offered
    assert not offered & {"make_published", "make_archived", "make_unpublished"}
    browser.get(_change_url(base, draft))
    assert _moves(browser) == ["submit"]
    assert not browser.find_elements(By.ID, "id_schedule_at")
    _submit_and_expect_message(
        browser,
        browser.find_element(By.CSS_SELECTOR, "button[value=submit]"),
        "Saved your changes; “Bridge opens” was submitted for review.",
    )
    assert Article.objects.get(pk=draft.pk).status == ArticleStatus.IN_REVIEW
    _log_out(browser)

    _log_in(browser, base, "eddie", PASSWORD)
    browser.get(_change_url(base, draft))
    assert _moves(browser) == ["return", "publish", "schedule"]
    headline = browser.find_element(By.ID, "id_headline")
    headline.clear()
    headline.send_keys("Bridge opens to traffic")
    workflow = browser.find_element(By.CSS_SELECTOR, "fieldset.workflow")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", workflow)
    _screenshot(browser, "editor-page-workflow-buttons.png")
    _submit_and_expect_message(
        browser,
        browser.find_element(By.CSS_SELECTOR, "button[value=publish]"),
        "Saved your changes; “Bridge opens to traffic” is published: it is public now.",
    )
    published = Article.objects.get(pk=draft.pk)
    assert (published.headline, published.status) == (
        "Bridge opens to traffic",
        ArticleStatus.PUBLISHED,
    )
    assert published.is_public
    assert _moves(browser) == ["unpublish", "archive"]

    # Scheduling: the date from the calendar, the time typed.
    browser.get(_change_url(base, other))
    assert "UTC" in browser.find_element(By.ID, "schedule-help").text
    later = timezone.localdate() + datetime.timedelta(days=1)
    schedule = browser.find_element(By.CSS_SELECTOR, ".workflow-schedule")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", schedule)
    link = schedule.find_element(By.CSS_SELECTOR, "a[id^=calendarlink]")
    link.click()
    number = link.get_attribute("id").removeprefix("calendarlink")
    calendar = _wait(browser).until(
        EC.visibility_of_element_located((By.ID, f"calendarbox{number}"))
    )
    calendar.find_element(By.LINK_TEXT, "Tomorrow").click()
    date_field = browser.find_element(By.ID, "id_schedule_at_0")
    assert date_field.get_property("value") == later.isoformat()
    browser.find_element(By.ID, "id_schedule_at_1").send_keys("07:30")
    _screenshot(browser, "editor-page-schedule-picker.png")
    later = datetime.datetime.combine(later, datetime.time(7, 30), tzinfo=datetime.UTC)
    _submit_and_expect_message(
        browser,
        browser.find_element(By.CSS_SELECTOR, "button[value=schedule]"),
        f"Saved your changes; “Second bridge” is scheduled: it becomes public on "
        f"{later.day} {later:%b %Y}, 07:30 UTC.",
    )
    scheduled = Article.objects.get(pk=other.pk)
    assert (scheduled.status, scheduled.published_at) == (
        ArticleStatus.PUBLISHED,
        later,
    )
    assert not scheduled.is_public
    assert _refusals(browser) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_preview_from_the_page_and_view_on_site(browser, live_server):  # noqa: F811
    """A draft's preview, as a reader would see it: quote marked, speaker
    linked; reached from "Preview" and from "View on site"."""
    newsroom_user("eddie", "Editors")
    draft = _story(headline="Bridge opens", standfirst="A bridge for everyone.")
    base = live_server.url
    _log_in(browser, base, "eddie", PASSWORD)
    browser.get(_change_url(base, draft))
    page = browser.current_window_handle

    browser.find_element(By.CSS_SELECTOR, "a.preview-link").click()
    _wait(browser).until(lambda driver: len(driver.window_handles) == 2)
    browser.switch_to.window(next(h for h in browser.window_handles if h != page))
    mark = _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".story-text mark"))
    )
    assert mark.text == QUOTE
    speaker = browser.find_element(By.CSS_SELECTOR, ".story-text .quote-label a")
    assert speaker.text == "Mina Minister"
    assert speaker.get_attribute("href").endswith("/api/v1/people/mina-minister/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Bridge opens"
    assert (
        "A bridge for everyone."
        in browser.find_element(By.CLASS_NAME, "standfirst").text
    )
    banner = browser.find_element(By.CLASS_NAME, "preview-banner").text
    assert "Preview" in banner and "Draft, not public" in banner
    _screenshot(browser, "editor-page-preview.png")
    browser.close()
    browser.switch_to.window(page)

    browser.find_element(By.CSS_SELECTOR, "a.viewsitelink").click()
    _wait(browser).until(EC.url_contains(f"/stories/preview/{draft.pk}/"))
    assert browser.find_element(By.CSS_SELECTOR, ".story-text mark").text == QUOTE
    browser.find_element(By.LINK_TEXT, "Back to editing").click()
    _wait(browser).until(EC.url_contains(f"/admin/articles/article/{draft.pk}/"))
    assert _refusals(browser) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_counts_limits_and_nothing_lost(browser, live_server):  # noqa: F811
    """Live counts; a headline over its limit is kept whole and flagged; a
    body too large to send is stopped before it leaves the page, everything
    typed still there; Ctrl+S saves and stays on the page."""
    newsroom_user("eddie", "Editors")
    draft = _story(headline="Bridge opens")
    base = live_server.url
    _log_in(browser, base, "eddie", PASSWORD)
    browser.get(_change_url(base, draft))

    headline = browser.find_element(By.ID, "id_headline")
    counter = browser.find_element(By.ID, "id_headline_count")
    assert counter.text == "2 words · 12 of 300 characters"
    body_count = browser.find_element(By.ID, "id_body_count")
    assert body_count.text == f"{len(BODY.split())} words · {len(BODY)} characters"
    body_box = browser.find_element(By.ID, "id_body")
    assert body_box.size["height"] > 500  # room for a whole story

    headline.send_keys(" " + "x" * 260)
    assert counter.text.endswith("of 300 characters · 27 left")
    assert "count-near" in counter.get_attribute("class")
    headline.send_keys("y" * 40)
    assert len(headline.get_property("value")) == 313  # nothing cut
    assert counter.text.endswith("13 over the limit: shorten it to save")
    assert "count-over" in counter.get_attribute("class")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", headline)
    _screenshot(browser, "editor-page-headline-over-limit.png")
    headline.clear()
    headline.send_keys("Bridge opens on Monday")

    # A pasted body over the 1 MiB one save may carry.
    huge = ("The bridge opens. " * 62_000)[:1_100_000]
    body_box.click()
    browser.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        body_box,
        huge,
    )
    assert "too long to save" in body_count.text
    save = browser.find_element(By.NAME, "_continue")
    save.click()
    refusal = _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "p.size-refusal"))
    )
    assert refusal.text.startswith("Not sent: this form is 1.05 MiB")
    assert "The largest part is “Body”" in refusal.text
    assert "Everything you typed is still here." in refusal.text
    assert browser.current_url == _change_url(base, draft)
    assert len(body_box.get_property("value")) == len(huge)
    assert headline.get_property("value") == "Bridge opens on Monday"
    assert Article.objects.get(pk=draft.pk).headline == "Bridge opens"
    _screenshot(browser, "editor-page-oversize-refused.png")

    # Shortened, Ctrl+S saves and stays on the page.
    browser.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        body_box,
        BODY,
    )
    headline.send_keys(Keys.CONTROL, "s")
    message = _wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "ul.messagelist li.success"))
    )
    assert "You may edit it again below." in message.text, _page_problems(browser)
    assert browser.current_url == _change_url(base, draft)
    assert Article.objects.get(pk=draft.pk).headline == "Bridge opens on Monday"
    assert _refusals(browser) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_new_story_defaults_and_iso_dates(browser, live_server):  # noqa: F811
    """The writer is the new story's reporter (and byline, when the registry
    knows their name), for an editor and a reporter alike; the calendar
    writes ISO dates, and the list reads "8 Dec 2010"."""
    eddie = newsroom_user("eddie", "Editors")
    eddie.first_name, eddie.last_name = "Eddie", "Editor"
    eddie.save()
    PersonFactory(name="Eddie Editor")
    ArticleFactory(
        headline="Old bridge",
        status=ArticleStatus.PUBLISHED,
        published_at=datetime.datetime(2010, 12, 8, 9, 5, tzinfo=datetime.UTC),
    )
    base = live_server.url
    _log_in(browser, base, "eddie", PASSWORD)

    browser.get(f"{base}/admin/articles/article/add/")
    chosen = Select(browser.find_element(By.ID, "id_assignees_to"))
    assert [option.text for option in chosen.options] == ["eddie"]
    byline = browser.find_element(
        By.CSS_SELECTOR, "#id_authors + .select2 .select2-selection__rendered"
    )
    assert "Eddie Editor" in byline.text
    # The quote's date sits in its collapsed "organisation, outlet and date"
    # section: open it as an editor would.
    said_on = browser.find_element(By.ID, "id_quotes-0-said_on")
    said_on.find_element(By.XPATH, "ancestor::details").find_element(
        By.TAG_NAME, "summary"
    ).click()
    browser.find_element(
        By.CSS_SELECTOR, "#quotes-0 .field-said_on .datetimeshortcuts a"
    ).click()  # "Today"
    today = browser.find_element(By.ID, "id_quotes-0-said_on").get_property("value")
    assert today == timezone.localdate().isoformat()
    _screenshot(browser, "editor-page-new-story-defaults.png")

    browser.get(f"{base}/admin/articles/article/")
    listing = browser.find_element(By.ID, "result_list").text
    assert "8 Dec 2010, 09:05" in listing
    assert "08/12/2010" not in listing
    assert _refusals(browser) == []
    _log_out(browser)

    # A reporter's new story shows them as its reporter, ticked and fixed.
    newsroom_user("rita", "Reporters")
    _log_in(browser, base, "rita", PASSWORD)
    browser.get(f"{base}/admin/articles/article/add/")
    [box] = browser.find_elements(By.CSS_SELECTOR, "input[name=assignees]")
    assert box.is_selected() and not box.is_enabled()
    label = box.find_element(By.XPATH, "ancestor::label")
    assert label.text == "rita"
