"""The leak test: nothing from an unpublished story reaches an anonymous
client, through any endpoint.

A draft and a future-dated ("embargoed") published story carry a marker in
their headlines, bodies and quotes; so do the people only they quote or credit,
the organisations and the agreement only they mention, and a status change
that a draft reports on a public agreement. An anonymous client then crawls
every list, detail, nested quote list, facet count, search and JSON-LD
document the API offers, and the marker must appear in none of them, while an
editor crawling the same way does meet it (so the test can fail)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from articles import services as article_services
from articles.models import ArticleStatus, QuoteKind
from entities import services as entity_services
from entities.models import (
    Agreement,
    AgreementStatus,
    Organisation,
    OrganisationKind,
    Person,
)
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

MARKER = "ZZLEAKMARKER"
API = "/api/v1/"
MOON = "sino-russian-moon-and-deep-space-agreement"
SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"

LISTS = ["articles", "quotes", "people", "organisations", "agreements"]

# Lists narrowed by public records, each of which the hidden stories touch.
FILTERED_LISTS = [
    "articles/?person=zhang-hanhui",
    "articles/?organisation=russia,china,tass,roscosmos",
    f"articles/?agreement={MOON},iss-partnership",
    "articles/?source=tass",
    "articles/?published_after=2000-01-01&published_before=2100-01-01",
    "articles/?language=en",
    "articles/?status=published",
    "articles/?status=draft",
    "articles/?ordering=-published_at",
    "quotes/?speaker=zhang-hanhui",
    "quotes/?organisation=russia",
    "quotes/?organisation=roscosmos,china",
    "quotes/?outlet=tass",
    f"quotes/?article={SEED_ARTICLE}",
    "quotes/?kind=direct,partial,indirect",
    "quotes/?said_after=2000-01-01",
    "quotes/?expand=speaker,organisation,outlet,article",
    "people/?organisation=roscosmos,china,russia",
    "organisations/?parent=russia",
    "organisations/?kind=agency,media_outlet,state",
    "organisations/?country=RU",
    "agreements/?party=russia",
    "agreements/?party=china&party=russia",
    "agreements/?status=suspended",
    "agreements/?signed_after=2020-01-01",
    "articles/?facets=person,organisation,agreement,source,language",
    "quotes/?facets=speaker,organisation,outlet,kind",
]

SEARCH_WORDS = [MARKER, MARKER.lower(), "plan is ready", "Institute", "Gazette"]
SEARCH_WORDS += ["embargoed", "accord", "Ivan", "Olga", "Reporter", "space"]


@pytest.fixture
def hidden(seed):
    """Unpublished stories, and the registry records only they make known,
    all marked; a hidden status change on a public agreement."""
    russia = Organisation.objects.get(slug="russia")
    china = Organisation.objects.get(slug="china")
    roscosmos = Organisation.objects.get(slug="roscosmos")
    tass = Organisation.objects.get(slug="tass")
    zhang = Person.objects.get(slug="zhang-hanhui")
    moon = Agreement.objects.get(slug=MOON)

    institute = OrganisationFactory(
        name=f"{MARKER} Institute",
        slug="hidden-institute",
        kind=OrganisationKind.AGENCY,
        country="RU",
        parent=russia,
        wikidata_id="Q999999001",
        description=f"Known only to the {MARKER} stories",
        aliases=[f"{MARKER} Inst"],
    )
    gazette = OrganisationFactory(
        name=f"{MARKER} Gazette",
        slug="hidden-gazette",
        kind=OrganisationKind.MEDIA_OUTLET,
        aliases=[f"The {MARKER}"],
    )
    ivan = PersonFactory(
        name=f"Ivan {MARKER}",
        slug="hidden-speaker-one",
        description=f"{MARKER} official",
        wikidata_id="Q999999002",
        aliases=[f"{MARKER}ov"],
    )
    entity_services.role_create(person=ivan, organisation=roscosmos, title="Adviser")
    entity_services.role_create(person=ivan, organisation=institute, title="Head")
    olga = PersonFactory(name=f"Olga {MARKER}", slug="hidden-speaker-two")
    reporter = PersonFactory(name=f"Reporter {MARKER}", slug="hidden-reporter")
    accord = entity_services.agreement_create(
        title=f"{MARKER} accord",
        slug="hidden-accord",
        kind="treaty",
        signed_on=datetime.date(2023, 3, 1),
        scope=f"{MARKER} scope",
        summary=f"{MARKER} summary",
        parties=[(institute, "signatory"), (russia, "signatory"), (china, "party")],
    )

    draft = ArticleFactory(
        headline=f"{MARKER} draft exposes a plan",
        slug="hidden-draft",
        standfirst=f"{MARKER} standfirst",
        body=f"Ivan said “the {MARKER} plan is ready” to reporters. "
        f"He added that Roscosmos backs the {MARKER} accord.",
        status=ArticleStatus.DRAFT,
        published_at=None,
        source=gazette,
        authors=[reporter],
    )
    future = ArticleFactory(
        headline=f"{MARKER} embargoed story",
        slug="hidden-future",
        standfirst=f"{MARKER} embargoed standfirst",
        body=f"Olga said “the {MARKER} launch slips” today. Zhang Hanhui said "
        f"“{MARKER} talks continue” in Moscow.",
        status=ArticleStatus.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=1),
        source=gazette,
        authors=[reporter],
    )
    quotes = [
        article_services.quote_create(
            article=draft,
            text=f"the {MARKER} plan is ready",
            speaker=ivan,
            organisation=institute,
            outlet=tass,
        ),
        article_services.quote_create(
            article=draft,
            text=f"Roscosmos backs the {MARKER} accord",
            kind=QuoteKind.INDIRECT,
            speaker=ivan,
            organisation=roscosmos,
        ),
        article_services.quote_create(
            article=future,
            text=f"the {MARKER} launch slips",
            speaker=olga,
            organisation=institute,
            outlet=gazette,
        ),
        # A public person quoted in a hidden story: the quote stays hidden.
        article_services.quote_create(
            article=future,
            text=f"{MARKER} talks continue",
            speaker=zhang,
            organisation=china,
        ),
    ]
    for article in (draft, future):
        for entity in (accord, institute, china, russia, moon):
            article_services.article_mention_add(
                article=article, entity=entity, about=entity == accord
            )
    entity_services.agreement_status_change_record(
        agreement=moon,
        status=AgreementStatus.SUSPENDED,
        date=datetime.date(2024, 1, 1),
        article=draft,
        party=institute,
        note=f"{MARKER}: suspended pending review",
    )
    entity_services.agreement_status_change_record(
        agreement=accord,
        status=AgreementStatus.IN_FORCE,
        date=datetime.date(2024, 2, 1),
        article=future,
        note=f"{MARKER} in force",
    )
    return SimpleNamespace(
        people=["hidden-speaker-one", "hidden-speaker-two", "hidden-reporter"],
        organisations=["hidden-institute", "hidden-gazette"],
        agreements=["hidden-accord"],
        articles=["hidden-draft", "hidden-future"],
        quote_ids=[quote.pk for quote in quotes],
    )


def crawl(client) -> dict[str, bytes]:
    """GET every endpoint reachable from the lists, with the filters, facets,
    searches and formats the API offers; each answer's body by URL (and
    ``Accept`` header, for content negotiation)."""
    bodies: dict[str, bytes] = {}

    def get(url: str, **headers) -> dict | None:
        url = url.removeprefix("http://testserver")
        key = url + (f" [{headers['HTTP_ACCEPT']}]" if headers else "")
        if key in bodies:
            return None
        response = client.get(url, **headers)
        assert response.status_code < 500, (url, response.status_code)
        bodies[key] = response.content
        if response.status_code == 200 and "json" in response["Content-Type"]:
            return response.json()
        return None

    get(API)
    details, nested = [], []
    for name in LISTS:
        data = get(f"{API}{name}/?page_size=100")
        assert data is not None and data["next"] is None, name
        get(f"{API}{name}/?format=api")
        for item in data["results"]:
            details.append(item["url"])
            for key in ("quotes_url", "jsonld_url"):
                if item.get(key):
                    nested.append(item[key])
    for url in FILTERED_LISTS:
        get(f"{API}{url}")
    for url in details:
        get(url)
        if "/articles/" in url:
            get(url, HTTP_ACCEPT="application/ld+json")
            get(f"{url}?format=jsonld")
    for url in nested:
        get(url)
    for word in SEARCH_WORDS:
        get(f"{API}search/?q={word}&page_size=100")
        for name in LISTS:
            get(f"{API}{name}/?q={word}&page_size=100")
    return bodies


def with_marker(bodies: dict[str, bytes]) -> list[str]:
    return [
        url for url, body in bodies.items() if MARKER.lower() in body.decode().lower()
    ]


@pytest.mark.usefixtures("hidden")
class TestAnonymousCrawl:
    def test_no_response_mentions_the_unpublished_stories(self, client):
        """No list, detail, nested quotes, facet, search, filter or JSON-LD
        answer to an anonymous client carries the marker."""
        bodies = crawl(client)
        assert len(bodies) > 100
        assert f"{API}articles/{SEED_ARTICLE}/?format=jsonld" in bodies
        assert f"{API}agreements/{MOON}/" in bodies
        assert with_marker(bodies) == []

    def test_editor_crawling_the_same_way_meets_the_marker(self, editor_client):
        """The same crawl as an editor finds the marker in lists, details,
        quotes, search and JSON-LD, so the anonymous check can fail."""
        found = with_marker(crawl(editor_client))
        for url in [
            f"{API}articles/?page_size=100",
            f"{API}quotes/?page_size=100",
            f"{API}people/?page_size=100",
            f"{API}organisations/?page_size=100",
            f"{API}agreements/?page_size=100",
            f"{API}search/?q={MARKER}&page_size=100",
            f"{API}articles/?facets=person,organisation,agreement,source,language",
            f"{API}articles/hidden-draft/?format=jsonld",
            f"{API}people/zhang-hanhui/quotes/",
            f"{API}agreements/{MOON}/",
        ]:
            assert url in found, url


@pytest.mark.usefixtures("hidden")
class TestHiddenRecords:
    def hidden_urls(self, hidden) -> list[str]:
        urls = [f"{API}people/{slug}/" for slug in hidden.people]
        urls += [f"{API}people/{slug}/quotes/" for slug in hidden.people]
        urls += [f"{API}organisations/{slug}/" for slug in hidden.organisations]
        urls += [f"{API}organisations/{slug}/quotes/" for slug in hidden.organisations]
        urls += [f"{API}agreements/{slug}/" for slug in hidden.agreements]
        urls += [f"{API}articles/{slug}/" for slug in hidden.articles]
        urls += [f"{API}articles/{slug}/?format=jsonld" for slug in hidden.articles]
        urls += [f"{API}quotes/{pk}/" for pk in hidden.quote_ids]
        return urls

    def test_hidden_details_are_404_anonymously(self, client, hidden):
        """Detail URLs of unpublished stories, their quotes and the records
        only they know answer 404, without the marker."""
        for url in self.hidden_urls(hidden):
            response = client.get(url)
            assert response.status_code == 404, url
            assert MARKER.lower() not in response.content.decode().lower(), url

    def test_hidden_details_answer_editors(self, editor_client, hidden):
        """The same URLs answer an editor, with the marker."""
        for url in self.hidden_urls(hidden):
            response = editor_client.get(url)
            assert response.status_code == 200, url
            if not url.endswith("/quotes/"):
                assert MARKER in response.content.decode(), url
        for slug in ("hidden-speaker-one", "hidden-institute"):
            kind = "people" if slug.startswith("hidden-speaker") else "organisations"
            response = editor_client.get(f"{API}{kind}/{slug}/quotes/")
            assert response.json()["count"] == 2
            assert MARKER in response.content.decode()

    PROBES = [
        ("people/?organisation={}", "hidden-institute", "no-such-org"),
        ("people/?organisation={}", "Q999999001", "Q999999999"),
        ("organisations/?parent={}", "hidden-institute", "no-such-org"),
        ("agreements/?party=russia&party={}", "hidden-institute", "no-such-org"),
        ("articles/?person={}", "hidden-speaker-one", "no-such-person"),
        ("articles/?person={}", "Q999999002", "Q999999998"),
        ("articles/?organisation={}", "hidden-institute", "no-such-org"),
        ("articles/?agreement={}", "hidden-accord", "no-such-accord"),
        ("articles/?source={}", "hidden-gazette", "no-such-org"),
        ("quotes/?speaker={}", "hidden-speaker-two", "no-such-person"),
        ("quotes/?organisation={}", "hidden-institute", "no-such-org"),
        ("quotes/?outlet={}", "hidden-gazette", "no-such-org"),
        ("quotes/?article={}", "hidden-draft", "no-such-article"),
        ("quotes/?article={}", "hidden-future", "no-such-article"),
    ]

    def test_filters_cannot_probe_for_hidden_records(self, client):
        """Naming a hidden record in a filter answers exactly the 400 an
        unknown one does: a client cannot tell that it exists."""
        for url, hidden_value, unknown_value in self.PROBES:
            hidden_response = client.get(API + url.format(hidden_value))
            unknown_response = client.get(API + url.format(unknown_value))
            assert hidden_response.status_code == 400, url
            assert unknown_response.status_code == 400, url
            hidden_body = hidden_response.content.decode()
            assert (
                hidden_body.replace(hidden_value, unknown_value)
                == unknown_response.content.decode()
            ), url
            assert MARKER.lower() not in hidden_body.lower(), url


@pytest.mark.usefixtures("hidden")
class TestSearchFacetsAndStatus:
    def test_search_finds_nothing_hidden_anonymously(self, client):
        """search/?q=<marker> answers an empty list to the public."""
        response = client.get(f"{API}search/", {"q": MARKER})
        assert response.status_code == 200
        assert response.json()["count"] == 0
        assert MARKER not in response.content.decode()

    def test_search_finds_everything_for_editors(self, editor_client):
        """The same search shows editors every marked record, of every type."""
        response = editor_client.get(f"{API}search/", {"q": MARKER, "page_size": 100})
        assert response.status_code == 200
        hits = response.json()["results"]
        assert {hit["type"] for hit in hits} == {
            "person",
            "organisation",
            "agreement",
            "article",
            "quote",
        }
        assert {hit["slug"] for hit in hits if hit["type"] == "article"} == {
            "hidden-draft",
            "hidden-future",
        }

    def test_facet_counts_only_public_stories(self, client, editor):
        """Facet counts are taken over published stories only: the hidden
        stories' mentions and quotes do not swell them (nor name them)."""
        staff = Client()
        staff.force_login(editor)
        articles = f"{API}articles/?facets=agreement,organisation"
        quotes = f"{API}quotes/?facets=speaker,organisation"

        def counts(response, facet):
            assert response.status_code == 200, response.content
            return {row["slug"]: row for row in response.json()["facets"][facet]}

        public = client.get(articles)
        moon = counts(public, "agreement")[MOON]
        assert moon["count"] == 1
        assert moon["name"] == "Sino-Russian agreement on the Moon and deep space"
        assert set(counts(public, "agreement")) == {MOON, "iss-partnership"}
        assert counts(public, "organisation")["china"]["count"] == 1
        assert counts(client.get(quotes), "speaker")["zhang-hanhui"]["count"] == 8
        assert "hidden-institute" not in counts(client.get(quotes), "organisation")

        private = staff.get(articles)
        assert counts(private, "agreement")[MOON]["count"] == 3
        assert counts(private, "agreement")["hidden-accord"]["count"] == 2
        assert counts(staff.get(quotes), "speaker")["zhang-hanhui"]["count"] == 9

    def test_hidden_status_change_does_not_reach_the_public(self, editor):
        """A status change reported only by a draft neither shows in the
        public agreement's history nor sets its public status; an editor sees
        both."""
        anonymous, staff = Client(), Client()
        staff.force_login(editor)
        url = f"{API}agreements/{MOON}/"

        public = anonymous.get(url)
        assert public.status_code == 200
        data = public.json()
        assert data["status"] == "signed"
        assert [c["status"] for c in data["status_history"]] == ["signed"]
        assert MARKER not in public.content.decode()
        assert (
            anonymous.get(f"{API}agreements/", {"status": "suspended"}).json()["count"]
            == 0
        )
        signed = anonymous.get(f"{API}agreements/", {"status": "signed"}).json()
        assert MOON in {a["slug"] for a in signed["results"]}

        private = staff.get(url)
        assert private.status_code == 200
        data = private.json()
        assert data["status"] == "suspended"
        assert [c["status"] for c in data["status_history"]] == ["signed", "suspended"]
        change = data["status_history"][-1]
        assert MARKER in change["note"]
        assert change["article"]["slug"] == "hidden-draft"
        assert change["party"]["slug"] == "hidden-institute"
        suspended = staff.get(f"{API}agreements/", {"status": "suspended"}).json()
        assert [a["slug"] for a in suspended["results"]] == [MOON]
