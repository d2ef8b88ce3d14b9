"""Name searches on PostgreSQL are answered from the trigram indexes: the
threshold ``%>`` uses is Newsdesk's own, the planner knows what a
similarity costs, and the query takes a form those indexes serve."""

from __future__ import annotations

import pytest
from django.db import connection

from entities.models import Organisation, Person
from newsdesk import fulltext
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _one(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_every_connection_matches_names_at_newsdesk_s_own_threshold():
    """``%>`` finds a name at pg_trgm.word_similarity_threshold (0.6 unless
    set): the settings give every connection NAME_SIMILARITY instead."""
    _one("SELECT word_similarity('a', 'a')")  # pg_trgm loaded, its settings read
    threshold = _one("SHOW pg_trgm.word_similarity_threshold")
    assert float(threshold) == fulltext.NAME_SIMILARITY


def test_the_planner_knows_a_similarity_is_dear():
    names = ["word_similarity", "word_similarity_op", "word_similarity_commutator_op"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proname, procost FROM pg_proc WHERE proname = ANY(%s)", [names]
        )
        assert dict(cursor.fetchall()) == dict.fromkeys(names, 100)


@pytest.mark.parametrize(
    ("model", "factory", "indexes"),
    [
        (Person, PersonFactory, ("person_name_trgm", "person_alias_name_trgm")),
        (
            Organisation,
            OrganisationFactory,
            ("organisation_name_trgm", "organisation_alias_name_trgm"),
        ),
    ],
)
def test_a_name_search_is_answered_from_the_trigram_indexes(model, factory, indexes):
    """With sequential scans priced out (a test table is too small for the
    planner to prefer an index), the names and the aliases are each looked
    up in their trigram index, both for the words and for the misspelling:
    ``UPPER(name) LIKE`` or a similarity inside ``EXISTS`` could not be."""
    factory.create_batch(3)
    query = fulltext.names_matching(model.objects.all(), "space agnecy")
    sql, params = query.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for index in indexes:
        assert f"Bitmap Index Scan on {index}" in plan
        assert plan.count(f"on {index}") == 2, plan  # the words, the misspelling
