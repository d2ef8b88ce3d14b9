"""A query compiled once (newsdesk/core/compiled.py) answers each run what
the ORM answers for that run's ids at that run's moment, converted as the
ORM converts them."""

from __future__ import annotations

import datetime

import pytest
import time_machine
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
