"""The registry's read API (``/api/v1/people/``, ``organisations/``,
``agreements/``) and ``/api/v1/search/``, against the reference story: every
filter includes, excludes and refuses a malformed value with a 400 naming the
parameter; details carry the links the contract promises; lists cost a fixed
number of queries whatever the page size."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from articles import services as article_services
from entities import services as entity_services
from entities.models import Agreement, AgreementStatus, Organisation, OrganisationKind
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people/"
ORGANISATIONS = "/api/v1/organisations/"
AGREEMENTS = "/api/v1/agreements/"
SEARCH = "/api/v1/search/"

MOON = "sino-russian-moon-and-deep-space-agreement"
ISS = "iss-partnership"
SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"


def ok(response) -> dict:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def slugs(response) -> set[str]:
    """The slugs of a list response's results (all on one page)."""
    data = ok(response)
    assert data["next"] is None, "expected every result on one page"
    assert data["count"] == len(data["results"])
    return {item["slug"] for item in data["results"]}


def assert_bad_parameter(response, name: str, *words: str) -> None:
    """A 400 whose JSON names ``name`` with a non-empty message containing
    ``words``."""
    assert response.status_code == 400, response.content
    data = response.json()
    assert list(data) == [name], data
    message = " ".join(data[name])
    assert message
    for word in words:
        assert word in message, message


# --------------------------------------------------------------------------
# People


@pytest.mark.usefixtures("seed")
class TestPeopleList:
    def test_lists_the_seed_people_in_name_order(self, client):
        """The list answers the paginated envelope, people sorted by name."""
        data = ok(client.get(PEOPLE))
        assert data["count"] == 3
        assert data["previous"] is None and data["next"] is None
        assert [p["slug"] for p in data["results"]] == [
            "dmitry-rogozin",
            "pyotr-dubrov",
            "zhang-hanhui",
        ]
        zhang = data["results"][2]
        assert zhang["name"] == "Zhang Hanhui"
        assert zhang["aliases"] == ["Hanhui"]
        assert zhang["url"] == "http://testserver/api/v1/people/zhang-hanhui/"

    def test_organisation_includes_people_with_a_role_there(self, client):
        """organisation= finds the people who hold a role there."""
        response = client.get(PEOPLE, {"organisation": "roscosmos"})
        assert slugs(response) == {"dmitry-rogozin", "pyotr-dubrov"}

    def test_organisation_excludes_people_without_a_role_there(self, client):
        """organisation= leaves out people whose roles are elsewhere."""
        assert slugs(client.get(PEOPLE, {"organisation": "china"})) == {"zhang-hanhui"}
        assert slugs(client.get(PEOPLE, {"organisation": "tass"})) == set()

    def test_organisation_includes_a_role_that_has_ended(self, client):
        """organisation= counts roles held in the past (Rogozin left in 2022)."""
        entity_services.role_create(
            person=PersonFactory(name="Former Envoy"),
            organisation=OrganisationFactory(name="Old Ministry"),
            title="Envoy",
            start_date=datetime.date(2001, 1, 1),
            end_date=datetime.date(2002, 1, 1),
        )
        assert "dmitry-rogozin" in slugs(
            client.get(PEOPLE, {"organisation": "roscosmos"})
        )

    def test_organisation_takes_a_wikidata_id_and_a_comma_list(self, client):
        """organisation= takes Wikidata ids, and a comma list means any of."""
        assert slugs(client.get(PEOPLE, {"organisation": "Q148"})) == {"zhang-hanhui"}
        assert slugs(client.get(PEOPLE, {"organisation": "china,roscosmos"})) == {
            "zhang-hanhui",
            "dmitry-rogozin",
            "pyotr-dubrov",
        }

    def test_two_roles_at_one_organisation_list_the_person_once(self, client):
        """Roles may repeat a person and an organisation (two titles there):
        the list keeps its DISTINCT, so each person is one row, counted
        once."""
        rogozin = Organisation.objects.get(slug="roscosmos").roles.get(
            person__slug="dmitry-rogozin"
        )
        entity_services.role_create(
            person=rogozin.person, organisation=rogozin.organisation, title="Adviser"
        )
        data = ok(client.get(PEOPLE, {"organisation": "roscosmos"}))
        names = [person["slug"] for person in data["results"]]
        assert sorted(names) == ["dmitry-rogozin", "pyotr-dubrov"]
        assert data["count"] == 2

    def test_unknown_organisation_is_a_400_naming_it(self, client):
        """An unknown organisation slug is refused, never an empty result."""
        response = client.get(PEOPLE, {"organisation": "atlantis"})
        assert_bad_parameter(response, "organisation", "atlantis")

    def test_empty_organisation_list_is_a_400(self, client):
        """organisation=, (commas, no slug) is refused."""
        assert_bad_parameter(client.get(PEOPLE, {"organisation": ","}), "organisation")

    def test_q_finds_a_person_by_alias(self, client):
        """q=Hanhui finds Zhang Hanhui through his alias."""
        assert slugs(client.get(PEOPLE, {"q": "Hanhui"})) == {"zhang-hanhui"}

    def test_q_finds_a_person_by_part_of_the_name_ignoring_case(self, client):
        """q matches words of the name, whatever their case."""
        assert slugs(client.get(PEOPLE, {"q": "pyotr"})) == {"pyotr-dubrov"}

    def test_q_excludes_people_it_does_not_match(self, client):
        """q leaves out people whose names and aliases do not match."""
        assert slugs(client.get(PEOPLE, {"q": "Gagarin"})) == set()

    def test_q_empty_means_no_filter(self, client):
        """q takes any text; an empty q filters nothing (no malformed value)."""
        assert len(slugs(client.get(PEOPLE, {"q": ""}))) == 3

    def test_filters_combine(self, client):
        """organisation and q together: both must hold."""
        response = client.get(PEOPLE, {"organisation": "roscosmos", "q": "Dubrov"})
        assert slugs(response) == {"pyotr-dubrov"}


@pytest.mark.usefixtures("seed")
class TestPersonDetail:
    def test_detail_lists_roles_with_organisation_link_and_dates(self, client):
        """Person detail: each role names its organisation (id, slug, name,
        url) and its dates."""
        data = ok(client.get(f"{PEOPLE}dmitry-rogozin/"))
        assert data["slug"] == "dmitry-rogozin"
        assert data["name"] == "Dmitry Rogozin"
        assert data["aliases"] == ["Rogozin"]
        [role] = data["roles"]
        assert role["title"] == "Director General"
        assert role["start_date"] == "2018-05-24"
        assert role["end_date"] == "2022-07-15"
        organisation = role["organisation"]
        assert set(organisation) == {"id", "slug", "name", "url"}
        assert organisation["slug"] == "roscosmos"
        assert organisation["name"] == "Roscosmos"
        assert organisation["url"] == (
            "http://testserver/api/v1/organisations/roscosmos/"
        )
        assert ok(client.get(organisation["url"]))["slug"] == "roscosmos"

    def test_open_ended_role_has_null_dates(self, client):
        """A role with no known dates answers null for both."""
        [role] = ok(client.get(f"{PEOPLE}zhang-hanhui/"))["roles"]
        assert role["organisation"]["slug"] == "china"
        assert role["start_date"] is None and role["end_date"] is None

    def test_quotes_url_returns_the_persons_quotes(self, client):
        """quotes_url answers that person's quotes, and only theirs."""
        data = ok(client.get(f"{PEOPLE}pyotr-dubrov/"))
        assert data["quotes_url"] == (
            "http://testserver/api/v1/people/pyotr-dubrov/quotes/"
        )
        quotes = ok(client.get(data["quotes_url"]))
        assert quotes["count"] == 2
        assert {q["speaker"]["slug"] for q in quotes["results"]} == {"pyotr-dubrov"}
        assert any("flight to the Moon" in q["text"] for q in quotes["results"])
        zhang = ok(client.get(f"{PEOPLE}zhang-hanhui/quotes/"))
        assert zhang["count"] == 8
        assert {q["speaker"]["slug"] for q in zhang["results"]} == {"zhang-hanhui"}

    def test_unknown_slug_is_404(self, client):
        """An unknown person slug answers 404, for the detail and its quotes."""
        assert client.get(f"{PEOPLE}nobody/").status_code == 404
        assert client.get(f"{PEOPLE}nobody/quotes/").status_code == 404


# --------------------------------------------------------------------------
# Organisations


@pytest.mark.usefixtures("seed")
class TestOrganisationList:
    def test_lists_the_seed_organisations(self, client):
        """Every seed organisation is listed, by name."""
        data = ok(client.get(ORGANISATIONS))
        assert [o["slug"] for o in data["results"]] == [
            "china",
            "europe",
            "roscosmos",
            "russia",
            "tass",
            "united-states",
        ]

    def test_kind_includes_and_excludes(self, client):
        """kind=state finds the three states and nothing else."""
        assert slugs(client.get(ORGANISATIONS, {"kind": "state"})) == {
            "china",
            "russia",
            "united-states",
        }
        assert slugs(client.get(ORGANISATIONS, {"kind": "news_agency"})) == {"tass"}

    def test_kind_comma_list_means_any_of(self, client):
        """kind=agency,news_agency finds both kinds."""
        response = client.get(ORGANISATIONS, {"kind": "agency,news_agency"})
        assert slugs(response) == {"roscosmos", "tass"}

    def test_unknown_kind_is_a_400(self, client):
        """An unknown kind is refused, naming the value and the parameter."""
        response = client.get(ORGANISATIONS, {"kind": "planet"})
        assert_bad_parameter(response, "kind", "planet")

    def test_country_includes_and_excludes(self, client):
        """country=RU finds Russia, Roscosmos and TASS, not China."""
        assert slugs(client.get(ORGANISATIONS, {"country": "RU"})) == {
            "russia",
            "roscosmos",
            "tass",
        }
        assert slugs(client.get(ORGANISATIONS, {"country": "CN"})) == {"china"}

    def test_unknown_country_is_a_400(self, client):
        """A code that is no ISO 3166 country is refused."""
        response = client.get(ORGANISATIONS, {"country": "XX"})
        assert_bad_parameter(response, "country", "XX")

    def test_parent_includes_sub_organisations(self, client):
        """parent=russia finds Roscosmos (slug or Wikidata id)."""
        assert slugs(client.get(ORGANISATIONS, {"parent": "russia"})) == {"roscosmos"}
        assert slugs(client.get(ORGANISATIONS, {"parent": "Q159"})) == {"roscosmos"}

    def test_parent_excludes_others(self, client):
        """parent=china finds none of Russia's organisations."""
        assert slugs(client.get(ORGANISATIONS, {"parent": "china"})) == set()

    def test_unknown_parent_is_a_400(self, client):
        """An unknown parent slug is refused."""
        response = client.get(ORGANISATIONS, {"parent": "atlantis"})
        assert_bad_parameter(response, "parent", "atlantis")

    def test_q_matches_name_or_alias(self, client):
        """q finds by name and by alias (ITAR-TASS, Russian space agency)."""
        assert slugs(client.get(ORGANISATIONS, {"q": "roscos"})) == {"roscosmos"}
        assert slugs(client.get(ORGANISATIONS, {"q": "ITAR"})) == {"tass"}
        assert slugs(client.get(ORGANISATIONS, {"q": "space agency"})) == {"roscosmos"}

    def test_q_excludes_non_matches(self, client):
        """q leaves out organisations that do not match."""
        assert slugs(client.get(ORGANISATIONS, {"q": "Atlantis"})) == set()

    def test_filters_combine(self, client):
        """kind and country together: both must hold."""
        response = client.get(ORGANISATIONS, {"kind": "state", "country": "RU"})
        assert slugs(response) == {"russia"}


@pytest.mark.usefixtures("seed")
class TestOrganisationDetail:
    def test_detail_has_parent_link_and_country(self, client):
        """Organisation detail links its parent and names its country."""
        data = ok(client.get(f"{ORGANISATIONS}roscosmos/"))
        assert data["kind"] == "agency"
        assert data["country"] == "RU"
        assert data["country_name"] == "Russia"
        assert data["parent"]["slug"] == "russia"
        assert data["parent"]["url"] == (
            "http://testserver/api/v1/organisations/russia/"
        )
        assert ok(client.get(f"{ORGANISATIONS}russia/"))["parent"] is None

    def test_organisation_without_a_country_answers_blank(self, client):
        """No country serialises as empty strings, never a 500 (Europe)."""
        data = ok(client.get(f"{ORGANISATIONS}europe/"))
        assert data["country"] == "" and data["country_name"] == ""
        assert data["kind"] == "other"
        assert "the West" in data["aliases"]

    def test_quotes_url_includes_sub_organisations(self, client):
        """quotes_url answers the quotes of people speaking for it, including
        its sub-organisations (Roscosmos officials count for Russia)."""
        roscosmos = ok(client.get(f"{ORGANISATIONS}roscosmos/"))
        assert roscosmos["quotes_url"] == (
            "http://testserver/api/v1/organisations/roscosmos/quotes/"
        )
        quotes = ok(client.get(roscosmos["quotes_url"]))
        assert quotes["count"] == 3
        assert {q["speaker"]["slug"] for q in quotes["results"]} == {
            "dmitry-rogozin",
            "pyotr-dubrov",
        }
        russia = ok(client.get(ok(client.get(f"{ORGANISATIONS}russia/"))["quotes_url"]))
        assert russia["count"] == 3
        china = ok(client.get(f"{ORGANISATIONS}china/quotes/"))
        assert china["count"] == 8
        assert {q["speaker"]["slug"] for q in china["results"]} == {"zhang-hanhui"}

    def test_unknown_slug_is_404(self, client):
        """An unknown organisation answers 404, for the detail and its quotes."""
        assert client.get(f"{ORGANISATIONS}atlantis/").status_code == 404
        assert client.get(f"{ORGANISATIONS}atlantis/quotes/").status_code == 404


# --------------------------------------------------------------------------
# Agreements


@pytest.mark.usefixtures("seed")
class TestAgreementList:
    def test_lists_both_agreements_newest_signature_first(self, client):
        """The list is ordered by signature date, newest first."""
        data = ok(client.get(AGREEMENTS))
        assert [a["slug"] for a in data["results"]] == [MOON, ISS]

    def test_repeated_party_requires_every_party(self, client):
        """party=china&party=russia: the 2017 agreement, not the ISS."""
        response = client.get(AGREEMENTS, {"party": ["china", "russia"]})
        assert slugs(response) == {MOON}

    def test_repeated_party_excludes_agreements_missing_one(self, client):
        """party=china&party=united-states: no agreement has both."""
        response = client.get(AGREEMENTS, {"party": ["china", "united-states"]})
        assert slugs(response) == set()

    def test_comma_party_means_any_of(self, client):
        """party=china,united-states: both agreements."""
        response = client.get(AGREEMENTS, {"party": "china,united-states"})
        assert slugs(response) == {MOON, ISS}

    def test_party_takes_wikidata_ids(self, client):
        """party=Q148&party=Q159 means China and Russia."""
        response = client.get(AGREEMENTS, {"party": ["Q148", "Q159"]})
        assert slugs(response) == {MOON}
        assert slugs(client.get(AGREEMENTS, {"party": "Q30"})) == {ISS}

    def test_one_party_each_reads_the_page_without_distinct(self, client):
        """A party is an agreement's at most once (unique by the pair): with
        one organisation per repetition no agreement can match twice, so
        the page is read without DISTINCT, a sort of every match."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            data = ok(client.get(AGREEMENTS, {"party": ["china", "russia"]}))
        assert [agreement["slug"] for agreement in data["results"]] == [MOON]
        pages = [q["sql"] for q in queries if "entities_agreementparty" in q["sql"]]
        assert pages and not any("DISTINCT" in sql for sql in pages[:1]), pages

    def test_any_of_two_parties_lists_an_agreement_with_both_once(self, client):
        """party=china,russia: the Moon agreement has both, and is one row,
        counted once; the ISS has Russia."""
        data = ok(client.get(AGREEMENTS, {"party": "china,russia"}))
        assert [agreement["slug"] for agreement in data["results"]] == [MOON, ISS]
        assert data["count"] == 2

    def test_single_party(self, client):
        """party=russia finds both, party=europe only the ISS."""
        assert slugs(client.get(AGREEMENTS, {"party": "russia"})) == {MOON, ISS}
        assert slugs(client.get(AGREEMENTS, {"party": "europe"})) == {ISS}

    def test_unknown_party_is_a_400(self, client):
        """An unknown party, even beside a known one, is refused."""
        response = client.get(AGREEMENTS, {"party": ["china", "atlantis"]})
        assert_bad_parameter(response, "party", "atlantis")

    def test_empty_party_is_ignored(self, client):
        """An empty party= repetition filters nothing (never a 500)."""
        assert slugs(client.get(AGREEMENTS, {"party": ""})) == {MOON, ISS}
        response = client.get(AGREEMENTS, {"party": ["europe", ""]})
        assert slugs(response) == {ISS}

    def test_status_includes_and_excludes(self, client):
        """status=terminated finds the ISS partnership, status=signed the 2017
        agreement."""
        assert slugs(client.get(AGREEMENTS, {"status": "terminated"})) == {ISS}
        assert slugs(client.get(AGREEMENTS, {"status": "signed"})) == {MOON}
        assert slugs(client.get(AGREEMENTS, {"status": "in_force"})) == set()
        assert slugs(client.get(AGREEMENTS, {"status": "signed,terminated"})) == {
            MOON,
            ISS,
        }

    def test_unknown_status_is_a_400(self, client):
        """An unknown status is refused."""
        response = client.get(AGREEMENTS, {"status": "ratified"})
        assert_bad_parameter(response, "status", "ratified")

    def test_signed_after_is_inclusive_and_excludes_earlier(self, client):
        """signed_after includes that day and leaves out earlier agreements."""
        assert slugs(client.get(AGREEMENTS, {"signed_after": "2017-01-01"})) == {MOON}
        assert slugs(client.get(AGREEMENTS, {"signed_after": "2017-01-02"})) == set()
        assert slugs(client.get(AGREEMENTS, {"signed_after": "1998-01-29"})) == {
            MOON,
            ISS,
        }

    def test_signed_before_is_inclusive_and_excludes_later(self, client):
        """signed_before includes that day and leaves out later agreements."""
        assert slugs(client.get(AGREEMENTS, {"signed_before": "1998-01-29"})) == {ISS}
        assert slugs(client.get(AGREEMENTS, {"signed_before": "1998-01-28"})) == set()

    def test_signed_range(self, client):
        """signed_after and signed_before together bound a range."""
        response = client.get(
            AGREEMENTS, {"signed_after": "2000-01-01", "signed_before": "2020-12-31"}
        )
        assert slugs(response) == {MOON}

    def test_bad_date_is_a_400(self, client):
        """A date that is not YYYY-MM-DD is refused, naming the parameter."""
        for name in ("signed_after", "signed_before"):
            for value in ("2017-13-01", "yesterday", "01/02/2017"):
                response = client.get(AGREEMENTS, {name: value})
                assert_bad_parameter(response, name, "YYYY")

    def test_q_matches_title_scope_or_summary(self, client):
        """q finds words in the title, scope or summary."""
        assert slugs(client.get(AGREEMENTS, {"q": "deep space"})) == {MOON}
        assert slugs(client.get(AGREEMENTS, {"q": "space station"})) == {ISS}
        assert slugs(client.get(AGREEMENTS, {"q": "European partners"})) == {ISS}

    def test_q_excludes_non_matches(self, client):
        """q leaves out agreements that do not match."""
        assert slugs(client.get(AGREEMENTS, {"q": "Antarctic"})) == set()

    def test_filters_combine(self, client):
        """party, status and q together: all must hold."""
        params = {"party": "russia", "status": "terminated", "q": "station"}
        assert slugs(client.get(AGREEMENTS, params)) == {ISS}
        params["status"] = "signed"
        assert slugs(client.get(AGREEMENTS, params)) == set()


@pytest.mark.usefixtures("seed")
class TestAgreementDetail:
    def test_detail_lists_parties(self, client):
        """Agreement detail lists each party as a link with its role."""
        data = ok(client.get(f"{AGREEMENTS}{ISS}/"))
        assert data["title"] == "International Space Station partnership"
        assert data["signed_on"] == "1998-01-29"
        parties = {p["organisation"]["slug"]: p for p in data["parties"]}
        assert set(parties) == {"russia", "united-states", "europe"}
        russia = parties["russia"]
        assert russia["role"] == "signatory"
        assert russia["organisation"]["name"] == "Russia"
        assert russia["organisation"]["url"] == (
            "http://testserver/api/v1/organisations/russia/"
        )

    def test_status_history_cites_the_reporting_article(self, client):
        """Each status change names its status, date, party, note and the
        article that reported it (slug, headline, published_at, url)."""
        data = ok(client.get(f"{AGREEMENTS}{ISS}/"))
        assert data["status"] == "terminated"
        [change] = data["status_history"]
        assert change["status"] == "terminated"
        assert change["date"] == "2022-05-03"
        assert change["party"]["slug"] == "russia"
        assert "ending its cooperation" in change["note"]
        article = change["article"]
        assert article == {
            "slug": SEED_ARTICLE,
            "headline": "China's ambassador: space cooperation with Russia will "
            "benefit the whole of humanity",
            "published_at": "2022-05-03T09:00:00Z",
            "url": f"http://testserver/api/v1/articles/{SEED_ARTICLE}/",
        }
        assert ok(client.get(article["url"]))["slug"] == SEED_ARTICLE

    def test_status_history_is_oldest_first(self, client):
        """A later change is listed after an earlier one, and sets the status."""
        article = ArticleFactory(headline="ISS partnership revived")
        entity_services.agreement_status_change_record(
            agreement=Agreement.objects.get(slug=ISS),
            status=AgreementStatus.IN_FORCE,
            date=datetime.date(2024, 1, 1),
            article=article,
            note="Revived.",
        )
        data = ok(client.get(f"{AGREEMENTS}{ISS}/"))
        assert [c["status"] for c in data["status_history"]] == [
            "terminated",
            "in_force",
        ]
        assert data["status_history"][1]["article"]["slug"] == article.slug
        assert data["status"] == "in_force"

    def test_unknown_slug_is_404(self, client):
        """An unknown agreement answers 404."""
        assert client.get(f"{AGREEMENTS}no-such-treaty/").status_code == 404


# --------------------------------------------------------------------------
# Search


@pytest.mark.usefixtures("seed")
class TestSearch:
    def hits(self, client, q: str) -> list[dict]:
        data = ok(client.get(SEARCH, {"q": q, "page_size": 100}))
        assert data["count"] == len(data["results"])
        return data["results"]

    def test_alias_ranks_the_person_first(self, client):
        """q=Hanhui: Zhang Hanhui is the first hit, before the article."""
        hits = self.hits(client, "Hanhui")
        assert hits[0]["type"] == "person"
        assert hits[0]["slug"] == "zhang-hanhui"
        assert hits[0]["title"] == "Zhang Hanhui"
        assert hits[0]["url"] == "http://testserver/api/v1/people/zhang-hanhui/"
        assert "article" in {hit["type"] for hit in hits[1:]}

    def test_hits_are_sorted_by_score(self, client):
        """Hits come best first."""
        scores = [hit["score"] for hit in self.hits(client, "space")]
        assert scores == sorted(scores, reverse=True)
        assert len(scores) > 1

    def test_every_type_is_found(self, client):
        """People, organisations, agreements, articles and quotes are all
        searchable, each hit linking to its record."""
        found = {}
        for kind, q in [
            ("person", "Hanhui"),
            ("organisation", "Roscosmos"),
            ("agreement", "deep space"),
            ("article", "humanity"),
            ("quote", "humanity"),
        ]:
            hits = [hit for hit in self.hits(client, q) if hit["type"] == kind]
            assert hits, f"no {kind} found for q={q}"
            found[kind] = hits[0]
        for kind, hit in found.items():
            record = ok(client.get(hit["url"]))
            assert record["id"] == hit["id"], kind
        assert found["organisation"]["slug"] == "roscosmos"
        assert found["agreement"]["slug"] == MOON
        assert found["article"]["slug"] == SEED_ARTICLE
        assert found["quote"]["slug"] is None
        assert found["quote"]["title"] == "Zhang Hanhui"
        assert "humanity" in found["quote"]["snippet"]

    def test_no_match_is_an_empty_answer(self, client):
        """A q that matches nothing answers an empty list."""
        assert self.hits(client, "zzzz-nothing") == []

    def test_q_shorter_than_two_characters_is_a_400(self, client):
        """q under two characters is refused, naming q."""
        for q in ("", "H", " H "):
            response = client.get(SEARCH, {"q": q})
            assert_bad_parameter(response, "q", "two characters")

    def test_missing_q_is_a_400(self, client):
        """search/ without q is refused, naming q."""
        assert_bad_parameter(client.get(SEARCH), "q")


# --------------------------------------------------------------------------
# Browsable API


@pytest.mark.usefixtures("seed")
class TestBrowsableApi:
    PAGES = [
        PEOPLE,
        f"{PEOPLE}zhang-hanhui/",
        f"{PEOPLE}?organisation=roscosmos",
        ORGANISATIONS,
        f"{ORGANISATIONS}europe/",
        f"{ORGANISATIONS}?kind=state&country=RU",
        AGREEMENTS,
        f"{AGREEMENTS}{ISS}/",
        f"{AGREEMENTS}?party=china&party=russia",
        f"{SEARCH}?q=Hanhui",
    ]

    def test_html_pages_render(self, client):
        """The browsable API renders each resource and its filter form (the
        repeatable party filter once crashed it)."""
        for url in self.PAGES:
            separator = "&" if "?" in url else "?"
            response = client.get(f"{url}{separator}format=api")
            assert response.status_code == 200, url
            assert response["Content-Type"].startswith("text/html"), url
            assert b"Django REST framework" in response.content, url


# --------------------------------------------------------------------------
# Query counts


RECORDS = 6


@pytest.fixture
def many_records(seed):
    """Enough people, organisations and agreements to fill a page, each tied
    to a published article so anonymous clients see them, with aliases,
    roles, parents, parties and status changes to fetch."""
    article = ArticleFactory(
        headline="Registry roundup",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    russia = Organisation.objects.get(slug="russia")
    for n in range(RECORDS):
        organisation = OrganisationFactory(
            name=f"Agency {n}",
            kind=OrganisationKind.AGENCY,
            country="RU",
            parent=russia,
            aliases=[f"Agency alias {n}", f"Agency other {n}"],
        )
        person = PersonFactory(name=f"Official {n}", aliases=[f"Off {n}"])
        entity_services.role_create(
            person=person, organisation=organisation, title="Head"
        )
        entity_services.role_create(person=person, organisation=russia, title="Envoy")
        agreement = entity_services.agreement_create(
            title=f"Accord {n}",
            kind="treaty",
            signed_on=datetime.date(2000 + n, 1, 1),
            parties=[(organisation, "signatory"), (russia, "party")],
        )
        entity_services.agreement_status_change_record(
            agreement=agreement,
            status=AgreementStatus.IN_FORCE,
            date=datetime.date(2000 + n, 6, 1),
            article=article,
            party=organisation,
        )
        for entity in (person, organisation, agreement):
            article_services.article_mention_add(article=article, entity=entity)


@pytest.mark.usefixtures("many_records")
class TestListQueryCounts:
    # Measured, then fixed: a change in either direction deserves a look.
    # Each list costs its page (which carries its count) and one query for
    # all its related lists (entities/api/rows.py), plus the savepoint pair
    # ATOMIC_REQUESTS wraps around the view.
    EXPECTED = {PEOPLE: 4, ORGANISATIONS: 4, AGREEMENTS: 4}
    TOTAL = {PEOPLE: 3 + RECORDS, ORGANISATIONS: 6 + RECORDS, AGREEMENTS: 2 + RECORDS}

    @pytest.mark.parametrize("url", [PEOPLE, ORGANISATIONS, AGREEMENTS])
    def test_list_costs_a_fixed_number_of_queries(
        self, client, django_assert_num_queries, url
    ):
        """A page of people, organisations or agreements costs the same
        queries whatever its size (no N+1 on aliases, roles, parents,
        parties or status history)."""
        for page_size in (1, 100):
            with django_assert_num_queries(self.EXPECTED[url]):
                response = client.get(url, {"page_size": page_size})
            data = ok(response)
            assert data["count"] == self.TOTAL[url]
            assert len(data["results"]) == min(page_size, self.TOTAL[url])

    def test_a_list_filtered_by_two_parties_costs_three_queries(
        self, client, django_assert_num_queries
    ):
        """Naming the parties (one lookup for both), the page and its
        related lists: three queries, plus the savepoint pair."""
        query = "party=russia&party=agency-0"
        with django_assert_num_queries(5):
            response = client.get(f"{AGREEMENTS}?{query}")
        data = ok(response)
        assert [a["title"] for a in data["results"]] == ["Accord 0"]
        assert len(data["results"][0]["parties"]) == 2
        assert len(data["results"][0]["status_history"]) == 1

    def test_the_pages_hold_the_related_records(self, client):
        """The measured pages do carry the prefetched relations."""
        people = ok(client.get(PEOPLE, {"page_size": 100, "q": "Official"}))
        assert all(len(p["roles"]) == 2 for p in people["results"])
        assert all(p["aliases"] for p in people["results"])
        agreements = ok(client.get(AGREEMENTS, {"page_size": 100, "q": "Accord"}))
        assert len(agreements["results"]) == RECORDS
        for agreement in agreements["results"]:
            assert len(agreement["parties"]) == 2
            assert agreement["status"] == "in_force"
            assert agreement["status_history"][0]["article"]["headline"] == (
                "Registry roundup"
            )
        organisations = ok(
            client.get(ORGANISATIONS, {"page_size": 100, "q": "Agency alias"})
        )
        assert len(organisations["results"]) == RECORDS
        assert all(o["parent"]["slug"] == "russia" for o in organisations["results"])


class TestMergedSlugRedirect:
    @pytest.mark.django_db
    def test_old_slug_redirects_to_survivor(self, client, seed):
        """After a merge the duplicate's old URL leads to the survivor."""
        from entities.models import Person as PersonModel
        from entities.services import person_create, person_merge

        zhang = PersonModel.objects.get(slug="zhang-hanhui")
        duplicate = person_create(name="Zhang Han Hui", not_a_duplicate=True)
        person_merge(survivor=zhang, duplicate=duplicate)

        response = client.get("/api/v1/people/zhang-han-hui/?fields=slug")

        assert response.status_code == 301
        assert response["Location"].endswith("/api/v1/people/zhang-hanhui/?fields=slug")
        assert client.get(response["Location"]).json() == {"slug": "zhang-hanhui"}
        assert client.get("/api/v1/people/never-existed/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "people.json",
        "people/zhang-hanhui.json",
        "organisations.json",
        "organisations/roscosmos.json",
        "agreements.json",
    ],
)
def test_format_suffixes_answer_with_plain_nested_links(client, seed, path):
    """``people.json`` answers like ``people/?format=json``; a record's
    nested list (its quotes) has no ``.json`` route, so it is linked by its
    plain URL instead of failing the whole answer."""
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    records = body.get("results", [body])
    assert records
    for record in records:
        if "quotes_url" in record:
            assert record["quotes_url"].endswith("/quotes/"), record["quotes_url"]
