"""Read replicas: reads reach a replica, writes and reads that must see
them stay on the primary (newsdesk/db_router.py).

In tests ``replica_1`` mirrors "default": a second connection to the same
database. It sees only committed rows, so these tests are transactional."""

import json

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from articles.models import Quote
from entities.models import Person

REPLICA_DB = pytest.mark.django_db(
    databases=["default", "replica_1"], transaction=True, serialized_rollback=True
)


@pytest.fixture
def replicas(settings):
    settings.DATABASE_REPLICAS = ["replica_1"]


def queries_on(captured: CaptureQueriesContext, table: str) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if table in q["sql"]]


@pytest.fixture
def capture():
    """Queries sent to the primary and to the replica while the block runs."""

    class Both:
        def __enter__(self):
            self.primary = CaptureQueriesContext(connections["default"])
            self.replica = CaptureQueriesContext(connections["replica_1"])
            self.primary.__enter__()
            self.replica.__enter__()
            return self

        def __exit__(self, *exc):
            self.replica.__exit__(*exc)
            self.primary.__exit__(*exc)

    return Both


@REPLICA_DB
def test_read_outside_a_transaction_goes_to_the_replica(replicas, seed, capture):
    assert Quote.objects.all().db == "replica_1"
    with capture() as seen:
        assert Quote.objects.count() > 0
    assert queries_on(seen.replica, "articles_quote")
    assert not queries_on(seen.primary, "articles_quote")


@REPLICA_DB
def test_write_goes_to_the_primary(replicas, capture):
    with capture() as seen:
        Person.objects.create(name="Valentina Tereshkova", slug="tereshkova")
    assert queries_on(seen.primary, "INSERT")
    assert not seen.replica.captured_queries


@REPLICA_DB
def test_read_inside_a_transaction_goes_to_the_primary(replicas, seed, capture):
    with capture() as seen, transaction.atomic():
        assert Quote.objects.all().db == "default"
        assert Quote.objects.count() > 0
    assert queries_on(seen.primary, "articles_quote")
    assert not queries_on(seen.replica, "articles_quote")


@REPLICA_DB
def test_without_replicas_reads_go_to_the_primary(seed):
    assert Quote.objects.all().db == "default"


@REPLICA_DB
def test_anonymous_get_reads_from_the_replica(replicas, seed, client, capture):
    """ATOMIC_REQUESTS wraps the view in a transaction on the primary; a GET
    still reads from the replica."""
    with capture() as seen:
        response = client.get("/api/v1/quotes/")
    assert response.status_code == 200
    assert response.json()["count"] > 0
    assert queries_on(seen.replica, "articles_quote")
    assert not queries_on(seen.primary, "articles_quote")


@REPLICA_DB
def test_post_writes_and_reads_on_the_primary(
    replicas, seed, django_user_model, client, capture
):
    editor = django_user_model.objects.create_superuser(
        username="editor", password="correct horse battery", email=""
    )
    client.force_login(editor)
    with capture() as seen:
        response = client.post(
            "/api/v1/people/",
            json.dumps({"name": "Valentina Tereshkova"}),
            content_type="application/json",
        )
    assert response.status_code == 201, response.content[:300]
    assert queries_on(seen.primary, 'INSERT INTO "entities_person"')
    assert not seen.replica.captured_queries
    assert Person.objects.using("replica_1").filter(name="Valentina Tereshkova")


def test_router_rules():
    from newsdesk.db_router import ReplicaRouter

    router = ReplicaRouter()
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica_1", "articles")
    assert router.allow_relation(object(), object())
