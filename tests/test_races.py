"""Concurrent writers over real HTTP on PostgreSQL: clients racing to create
the same name, or to edit the same version, never meet a server error; one
wins, the others get the API's field error (400) or a precondition failure
(412), and nothing is written twice."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection, transaction
from django.test import Client
from rest_framework.authtoken.models import Token

from entities.models import Organisation, Person
from tests.test_admin import form_post_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLIENTS = 6
ROUNDS = 4


def _request(method: str, url: str, token: str, body: dict, headers=None):
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method=method,
        headers={
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _etag(url: str, token: str) -> str:
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers["ETag"]


def _race(count: int, send) -> list[tuple[int, dict]]:
    """Run ``send()`` in ``count`` threads released at the same instant."""
    barrier = threading.Barrier(count)
    results: list[tuple[int, dict]] = []
    lock = threading.Lock()

    def run():
        barrier.wait()
        outcome = send()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def token(editor):
    return Token.objects.create(user=editor).key


@pytest.mark.parametrize(
    ("resource", "model", "body"),
    [
        ("people", Person, {"description": "raced"}),
        ("organisations", Organisation, {"kind": "company"}),
    ],
)
def test_racing_creates_of_one_name(live_server, token, resource, model, body):
    url = f"{live_server.url}/api/v1/{resource}/"
    statuses = []
    for round_number in range(ROUNDS):
        name = f"Racing Name {round_number}"
        payload = {"name": name, **body}
        results = _race(
            CLIENTS, lambda payload=payload: _request("POST", url, token, payload)
        )
        statuses += [status for status, _ in results]
        created = [status for status, _ in results if status == 201]
        assert len(created) == 1, results
        for status, answer in results:
            if status != 201:
                assert status in (400, 409), (status, answer)
                assert set(answer) <= {"name", "slug", "detail"}, answer
        assert model.objects.filter(name=name).count() == 1
    assert not [status for status in statuses if status >= 500], statuses
    assert len(statuses) == CLIENTS * ROUNDS


def test_racing_edits_of_one_version(live_server, token):
    person = Person.objects.create(name="Edited Often", slug="edited-often")
    url = f"{live_server.url}/api/v1/people/{person.slug}/"
    for round_number in range(ROUNDS):
        etag = _etag(url, token)
        payload = {"description": f"round {round_number}"}
        results = _race(
            CLIENTS,
            lambda payload=payload, etag=etag: _request(
                "PATCH", url, token, payload, headers={"If-Match": etag}
            ),
        )
        statuses = sorted(status for status, _ in results)
        assert statuses == [200] + [412] * (CLIENTS - 1), results
    person.refresh_from_db()
    assert person.description == f"round {ROUNDS - 1}"


def test_racing_admin_adds_of_one_name(editor):
    """Editors adding the same person at once in the admin: one is saved,
    the others see the duplicate as a form error with their input kept."""
    clients = []
    for _ in range(CLIENTS):
        client = Client()
        client.force_login(editor)
        clients.append(client)
    form = form_post_data(clients[0].get("/admin/entities/person/add/"))
    form.update(name="Admin Racer", description="typed by hand", _save="Save")

    waiting = iter(clients)

    def post():
        own = next(waiting)
        try:
            response = own.post("/admin/entities/person/add/", form)
            return response.status_code, response.content.decode()
        finally:
            connection.close()

    results = _race(CLIENTS, post)
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * (CLIENTS - 1) + [302], statuses
    for status, page in results:
        if status == 200:
            assert "errornote" in page
            assert "typed by hand" in page
    assert Person.objects.filter(name="Admin Racer").count() == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Same folded name, different web addresses ("strae-group" and
        # "strasse-group"): the address cannot stop the second writer.
        ({"name": "Straße Group"}, {"name": "Strasse Group"}),
        # The second writer's alias is the first one's name.
        (
            {"name": "Charles Bolden"},
            {"name": "Charlie Bolden", "aliases": ["Charles Bolden"]},
        ),
    ],
)
def test_a_writer_waits_for_an_uncommitted_namesake(first, second):
    """While one writer's new record is saved but not yet committed, a
    second writer of a name that folds like it waits, then is refused as a
    possible duplicate, rather than passing a check that cannot see the
    first record yet."""
    from entities.duplicates import PossibleDuplicate
    from entities.services import person_create

    saved = threading.Event()
    release = threading.Event()
    outcome: dict = {}

    def first_writer():
        try:
            with transaction.atomic():
                person_create(**first)
                saved.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    def second_writer():
        try:
            person_create(**second)
            outcome["result"] = "created"
        except PossibleDuplicate as duplicate:
            outcome["result"] = [match.name for match in duplicate.matches]
        finally:
            connection.close()

    holder = threading.Thread(target=first_writer)
    holder.start()
    assert saved.wait(timeout=30)
    waiter = threading.Thread(target=second_writer)
    waiter.start()
    waiter.join(timeout=1)
    still_waiting = waiter.is_alive()
    release.set()
    holder.join(timeout=30)
    # The second writer waited while the first record was uncommitted.
    assert still_waiting, outcome
    waiter.join(timeout=30)
    assert outcome == {"result": [first["name"]]}
    assert Person.objects.count() == 1
