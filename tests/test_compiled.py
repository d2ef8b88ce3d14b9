"""A query compiled once (newsdesk/core/compiled.py) answers each run what
the ORM answers for that run's ids at that run's moment, converted as the
ORM converts them."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from entities.models import Organisation
from newsdesk.core import compiled
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    monkeypatch.setattr(compiled, "_compiled", {})


def _public_names(ids, at):
    return (
        Organisation.objects.filter(pk__in=ids, public_from__lte=at)
        .order_by("name")
        .values_list("name", "public_from")
    )


def _rows(ids):
    return compiled.rows_for_ids(("public-names",), _public_names, ids, "default")


@pytest.fixture
def organisations():
    made = [OrganisationFactory(name=f"Body {n}") for n in range(4)]
    past = timezone.now() - datetime.timedelta(days=1)
    Organisation.objects.filter(pk__in=[o.pk for o in made]).update(public_from=past)
    return made


def test_each_run_asks_for_its_own_ids(organisations):
    """Two runs of the same length share the SQL, not the ids."""
    first = [o.pk for o in organisations[:2]]
    second = [o.pk for o in organisations[2:]]
    now = timezone.now()
    assert [list(r) for r in _rows(first)] == [
        list(r) for r in _public_names(first, now)
    ]
    assert [r[0] for r in _rows(second)] == ["Body 2", "Body 3"]
    assert [r[0] for r in _rows(first)] == ["Body 0", "Body 1"]
    assert len(compiled._compiled) == 1
    assert next(iter(compiled._compiled.values())).complete


def test_rows_are_converted_as_the_orm_converts_them(organisations):
    """A date-time comes back as the ORM gives it (SQLite stores text)."""
    ids = [o.pk for o in organisations]
    rows = _rows(ids)
    assert all(isinstance(row[1], datetime.datetime) for row in rows)
    assert [list(r) for r in rows] == [
        list(r) for r in _public_names(ids, timezone.now())
    ]


def test_the_moment_is_each_runs_own(organisations):
    """The moment compiled in is replaced by the present at every run: a
    record public from tomorrow appears once tomorrow comes."""
    later = organisations[0]
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    Organisation.objects.filter(pk=later.pk).update(public_from=tomorrow)
    ids = [o.pk for o in organisations]
    assert "Body 0" not in [row[0] for row in _rows(ids)]
    with time_machine.travel(tomorrow + datetime.timedelta(hours=1), tick=False):
        assert "Body 0" in [row[0] for row in _rows(ids)]
    assert len(compiled._compiled) == 1


def test_a_query_that_leaves_out_an_id_is_run_by_the_orm(organisations):
    """When the SQL does not hold every placeholder id, the query is built
    and run as it is, not filled in."""

    def first_only(ids, at):
        return _public_names(ids[:1], at)

    ids = [organisations[1].pk, organisations[2].pk]
    rows = compiled.rows_for_ids(("first-only",), first_only, ids, "default")
    assert [row[0] for row in rows] == ["Body 1"]
    assert not next(iter(compiled._compiled.values())).complete


# --------------------------------------------------------------------------
# The entity filters' lookup (newsdesk/api/filters.py), compiled per shape

AGREEMENTS = "/api/v1/agreements/"


def _agreements(client, **params):
    response = client.get(AGREEMENTS, params)
    return response.status_code, [a["slug"] for a in response.json().get("results", [])]


def _resolving_templates() -> int:
    return sum(1 for key in compiled._compiled if key[0] == "resolving")


def test_a_lookup_of_the_same_shape_names_its_own_records(seed, client, settings):
    """Other slugs of the same shape share the SQL, not the slugs: each
    request finds what it names, refuses what names nothing; Wikidata ids
    are another shape."""
    settings.API_CACHE_SECONDS = 0
    moon, iss = "sino-russian-moon-and-deep-space-agreement", "iss-partnership"
    assert _agreements(client, party=["china", "russia"]) == (200, [moon])
    assert _agreements(client, party=["united-states", "russia"]) == (200, [iss])
    assert _agreements(client, party=["china", "united-states"]) == (200, [])
    response = client.get(AGREEMENTS, {"party": ["china", "atlantis"]})
    assert response.status_code == 400
    assert "atlantis" in str(response.json())
    assert _resolving_templates() == 1
    assert _agreements(client, party=["Q148", "Q159"]) == (200, [moon])
    assert _agreements(client, party=["Q30", "Q159"]) == (200, [iss])
    assert _resolving_templates() == 2


def test_a_lookup_asks_about_its_own_moment(seed, client, settings):
    """The visible records' moment is the request's: an organisation public
    from tomorrow is unknown today and named tomorrow, by the same SQL."""
    settings.API_CACHE_SECONDS = 0
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert _agreements(client, party="russia")[0] == 200
    Organisation.objects.filter(slug="china").update(public_from=tomorrow)
    assert client.get(AGREEMENTS, {"party": "china"}).status_code == 400
    with time_machine.travel(tomorrow + datetime.timedelta(hours=1), tick=False):
        status, found = _agreements(client, party="china")
    assert status == 200 and found
    assert _resolving_templates() == 1


@pytest.mark.postgres
def test_a_lookup_whose_visible_records_take_a_list_is_run_by_the_orm(
    seed, monkeypatch
):
    """A parameter no placeholder can stand for (an array) leaves the
    lookup to the ORM, built and run as it is."""
    from django.db.models.expressions import RawSQL

    from newsdesk.api.filters import Unresolved, resolve_all

    ids = list(Organisation.objects.values_list("pk", flat=True))
    visible = Organisation.objects.filter(
        pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids])
    )
    monkeypatch.setattr(compiled, "Template", None)  # would fail if used
    found = resolve_all({"party": Unresolved(visible, ["china"], "organisation")})
    assert [record.slug for record in found["party"]] == ["china"]


def _named_like(text, at):
    return (
        Organisation.objects.filter(name__icontains=text, public_from__lte=at)
        .order_by("name")
        .values_list("name", flat=True)
    )


def _contains(text):
    return {"contains": f"%{connection.ops.prep_for_like_query(text)}%"}


def test_a_search_runs_with_the_words_asked_for(seed):
    """Compiled from a stand-in, each run puts the request's own words
    where the stand-in's stood."""
    for q, names in [("ass", ["TASS"]), ("cosm", ["Roscosmos"]), ("zz", [])]:
        rows = compiled.rows_for_words(
            ("test",), _named_like, q, "standin0 ~", _contains, "default", "standin"
        )
        assert [row[0] for row in rows] == names
        assert list(_named_like(q, timezone.now())) == names
    assert compiled.kept((("test",), "default")).complete


def test_a_search_taking_its_words_in_a_form_not_given_is_run_by_the_orm(seed):
    """``startswith`` gives the words a pattern ``values`` does not know:
    compiled, the stand-in would stay in the SQL, so the ORM runs it."""

    def starting(text, at):
        return _named_like("", at).filter(name__startswith=text)

    for q, names in [("TA", ["TASS"]), ("Ros", ["Roscosmos"])]:
        rows = compiled.rows_for_words(
            ("test",), starting, q, "standin0 ~", _contains, "default", "standin"
        )
        assert list(rows) == names
    assert not compiled.kept((("test",), "default")).complete
