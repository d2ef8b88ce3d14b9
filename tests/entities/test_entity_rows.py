"""The registry lists' fast path (entities/api/rows.py) answers exactly what
the serializers answer: the same JSON, byte for byte, for people,
organisations and agreements with and without aliases, roles, parents,
countries, parties and status history, on every page, with ``fields=``,
ordering, filters and search, for the public and for an editor."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Model
from django.test import Client
from django.utils import timezone
from rest_framework import mixins

from articles import services as article_services
from articles.models import ArticleStatus
from entities import services as entity_services
from entities.api.views import AgreementViewSet, OrganisationViewSet, PersonViewSet
from entities.models import AgreementStatus, Organisation
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory

# Each request runs its view: a response served from the anonymous cache
# would compare the fast path with itself.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_api")]

API = "/api/v1"


@pytest.fixture
def registry(seed):
    call_command(
        "generate_corpus",
        articles=14,
        seed=7,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    published = ArticleFactory(
        headline="Registry story",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    draft = ArticleFactory(headline="Draft story", status=ArticleStatus.DRAFT)
    russia = Organisation.objects.get(slug="russia")
    # An organisation without a country or parent, with aliases whose order
    # by name differs from the order they were added in.
    bare = OrganisationFactory(
        name="Aardvark Board", country="", aliases=["Zeta board", "Alpha board"]
    )
    agency = OrganisationFactory(name="Aardvark Agency", country="RU", parent=russia)
    # Roles whose order (latest first, undated ones where the database puts
    # them) differs from the order they were added in.
    person = PersonFactory(name="Aaron Official", aliases=["Zed", "Abe"])
    for title, start in (
        ("Adviser", datetime.date(2001, 1, 1)),
        ("Envoy", None),
        ("Director", datetime.date(2010, 5, 1)),
    ):
        entity_services.role_create(
            person=person, organisation=agency, title=title, start_date=start
        )
    lone = PersonFactory(name="Aaron Nobody", aliases=[])
    # An agreement with parties added out of name order, a change with no
    # party nor article, one reported by a published story and one by a
    # draft (which the public does not see).
    agreement = entity_services.agreement_create(
        title="Aardvark Accord",
        kind="treaty",
        signed_on=None,
        parties=[(bare, "observer"), (agency, "signatory"), (russia, "party")],
    )
    for status, day, article, party in (
        (AgreementStatus.SIGNED, datetime.date(2020, 1, 1), None, None),
        (AgreementStatus.IN_FORCE, datetime.date(2021, 1, 1), published, agency),
        (AgreementStatus.SUSPENDED, datetime.date(2022, 1, 1), draft, russia),
    ):
        entity_services.agreement_status_change_record(
            agreement=agreement, status=status, date=day, article=article, party=party
        )
    bare_accord = entity_services.agreement_create(
        title="Aardvark Bare Accord", kind="other"
    )
    # Agreements whose every change the public may not see: the public
    # knows them as signed (or proposed, unsigned), not by their stored
    # status.
    hidden = []
    for title, signed_on in (
        ("Aardvark Hidden Accord", datetime.date(2019, 6, 1)),
        ("Aardvark Hidden Proposal", None),
    ):
        accord = entity_services.agreement_create(
            title=title, kind="treaty", signed_on=signed_on
        )
        entity_services.agreement_status_change_record(
            agreement=accord,
            status=AgreementStatus.IN_FORCE,
            date=datetime.date(2023, 1, 1),
            article=draft,
        )
        hidden.append(accord)
    # Public through a published story's mentions.
    for entity in (bare, agency, person, lone, agreement, bare_accord, *hidden):
        article_services.article_mention_add(article=published, entity=entity)


URLS = [
    f"{API}/people/?page_size=100",
    f"{API}/people/?page_size=4&page=2",
    f"{API}/people/?page_size=20&fields=id,url,aliases,roles,quotes_url",
    f"{API}/people/?page_size=20&ordering=-created_at",
    f"{API}/people/?page_size=20&q=aaron",
    f"{API}/people/?page_size=20&organisation=aardvark-agency",
    f"{API}/people/?page_size=20&format=json",
    f"{API}/organisations/?page_size=100",
    f"{API}/organisations/?page_size=5&page=3",
    f"{API}/organisations/?fields=id,country,country_name,parent,aliases",
    f"{API}/organisations/?page_size=20&ordering=-name",
    f"{API}/organisations/?page_size=20&q=aardvark",
    f"{API}/organisations/?page_size=20&kind=state,agency",
    f"{API}/organisations/?page_size=20&parent=russia",
    f"{API}/agreements/?page_size=100",
    # Pages of one size share the links query's SQL, not its ids.
    f"{API}/agreements/?page_size=3&page=1",
    f"{API}/agreements/?page_size=3&page=2",
    f"{API}/agreements/?fields=id,status,parties,status_history",
    f"{API}/agreements/?page_size=20&ordering=title",
    f"{API}/agreements/?page_size=20&q=accord",
    f"{API}/agreements/?page_size=20&status=in_force,suspended",
    f"{API}/agreements/?party=russia&party=aardvark-agency",
    f"{API}/agreements/?party=russia,aardvark-board",
    f"{API}/agreements/?signed_after=2000-01-01",
]

VIEWSETS = (PersonViewSet, OrganisationViewSet, AgreementViewSet)


def _through_serializers(monkeypatch):
    """The lists as they are without the fast path: instances and
    serializers."""
    for viewset in VIEWSETS:
        monkeypatch.setattr(viewset, "rows_wanted", lambda self: False)


def _headers(response) -> dict:
    return {
        name: value
        for name, value in response.headers.items()
        if not name.startswith("RateLimit")
    }


def _client(as_editor: bool, editor) -> Client:
    client = Client()
    if as_editor:
        client.force_login(editor)
    return client


@pytest.mark.parametrize("as_editor", [False, True], ids=["public", "editor"])
@pytest.mark.parametrize("resource", ["people", "organisations", "agreements"])
def test_rows_answer_what_the_serializer_answers(
    registry, monkeypatch, resource, as_editor, editor
):
    # One registry for every URL of a resource: it takes a while to make.
    urls = [url for url in URLS if url.startswith(f"{API}/{resource}/")]
    client = _client(as_editor, editor)
    fast = {url: client.get(url) for url in urls}
    _through_serializers(monkeypatch)
    for url in urls:
        assert fast[url].status_code == 200, (url, fast[url].content[:300])
        slow = client.get(url)
        assert slow.status_code == 200, url
        assert slow.get("X-Cache") != "hit", url
        assert fast[url].content == slow.content, url
        assert _headers(fast[url]) == _headers(slow), url
        assert len(fast[url].json()["results"]) > 0, url


@pytest.mark.parametrize("as_editor", [False, True], ids=["public", "editor"])
def test_every_kind_of_row_is_on_the_page(registry, as_editor, editor):
    """The comparison above meets empty and filled values in every list and
    column, related lists out of the order they were added in, and a status
    change the public may not see."""
    client = _client(as_editor, editor)

    def results(resource: str) -> list[dict]:
        # The records made above sort first by name (or, undated, first
        # by date).
        return client.get(f"{API}/{resource}/?page_size=100").json()["results"]

    people = results("people")
    for key in ("aliases", "roles", "description", "wikidata_id"):
        assert any(not person[key] for person in people), key
        assert any(person[key] for person in people), key
    roles = [role for person in people for role in person["roles"]]
    for key in ("start_date", "end_date"):
        assert any(role[key] is None for role in roles), key
        assert any(role[key] is not None for role in roles), key
    aaron = next(p for p in people if p["name"] == "Aaron Official")
    assert aaron["aliases"] == ["Abe", "Zed"]
    dated = [role["title"] for role in aaron["roles"] if role["start_date"]]
    assert dated == ["Director", "Adviser"]

    organisations = results("organisations")
    for key in ("parent", "aliases", "country", "country_name", "wikidata_id"):
        assert any(not o[key] for o in organisations), key
        assert any(o[key] for o in organisations), key
    board = next(o for o in organisations if o["name"] == "Aardvark Board")
    assert board["aliases"] == ["Alpha board", "Zeta board"]

    agreements = results("agreements")
    for key in ("signed_on", "parties", "status_history", "scope", "summary"):
        assert any(not a[key] for a in agreements), key
        assert any(a[key] for a in agreements), key
    accord = next(a for a in agreements if a["title"] == "Aardvark Accord")
    names = [party["organisation"]["name"] for party in accord["parties"]]
    assert names == sorted(names) and len(names) == 3
    history = accord["status_history"]
    assert history[0]["party"] is None and history[0]["article"] is None
    assert history[1]["article"]["headline"] == "Registry story"
    assert len(history) == (3 if as_editor else 2)
    assert accord["status"] == ("suspended" if as_editor else "in_force")
    statuses = {a["title"]: (a["status"], len(a["status_history"])) for a in agreements}
    if as_editor:
        assert statuses["Aardvark Hidden Accord"] == ("in_force", 1)
        assert statuses["Aardvark Hidden Proposal"] == ("in_force", 1)
    else:
        assert statuses["Aardvark Hidden Accord"] == ("signed", 0)
        assert statuses["Aardvark Hidden Proposal"] == ("proposed", 0)
    assert statuses["Aardvark Bare Accord"] == ("proposed", 0)


def test_the_browsable_api_keeps_the_serializers(registry, monkeypatch):
    """Only a JSON list is read as rows: the browsable API's page keeps the
    serializers."""
    called = []
    for viewset in VIEWSETS:
        monkeypatch.setattr(
            viewset,
            "rows_representations",
            staticmethod(lambda page, *args: called.append(len(page)) or []),
        )
    for resource in ("people", "organisations", "agreements"):
        for page in (
            Client().get(f"{API}/{resource}/", HTTP_ACCEPT="text/html"),
            Client().get(f"{API}/{resource}/?format=api"),
        ):
            assert page.status_code == 200
            assert page["Content-Type"].startswith("text/html")
    assert called == []
    for resource in ("people", "organisations", "agreements"):
        assert Client().get(f"{API}/{resource}/").json()["results"] == []
    assert len(called) == 3 and all(called)


@pytest.mark.parametrize("resource", ["people", "organisations", "agreements"])
def test_a_list_page_builds_no_model_instance(registry, monkeypatch, resource):
    """The page is read as rows: no record, alias, role, party or status
    change is built."""
    built = []
    original = Model.from_db.__func__

    def from_db(cls, *args, **kwargs):
        built.append(cls)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Model, "from_db", classmethod(from_db))
    assert Client().get(f"{API}/{resource}/?page_size=100").status_code == 200
    assert built == []


def test_the_serializer_path_is_the_one_compared(registry, monkeypatch):
    """``_through_serializers`` does switch the lists to the serializers."""
    listed = []
    original = mixins.ListModelMixin.list

    def spy(self, request, *args, **kwargs):
        listed.append(type(self))
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(mixins.ListModelMixin, "list", spy)
    for resource in ("people", "organisations", "agreements"):
        Client().get(f"{API}/{resource}/")
    assert listed == []
    _through_serializers(monkeypatch)
    for resource in ("people", "organisations", "agreements"):
        Client().get(f"{API}/{resource}/")
    assert listed == list(VIEWSETS)
