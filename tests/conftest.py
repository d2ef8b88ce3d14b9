"""Fixtures shared by the whole suite, and the rule that in CI nothing skips."""

from __future__ import annotations

import io
import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from articles.extraction.engine.ner import available as ner_available
from newsdesk.api.pagination import forget_estimates

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip the calling test when ``condition`` is false, with ``reason``;
    in CI (``CI=true``), where every test must run, fail instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"Cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skip in CI is a failure, whoever raised it."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, where every test must run: {report.longrepr}"


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` belong to the PostgreSQL leg of the suite,
    tests marked ``sqlite`` to the SQLite leg; each leg deselects (not skips)
    the other's, so it runs all that applies to it. Tests marked ``ner`` are
    deselected where spaCy is not installed.

    A transactional test empties the database when it ends, taking the
    groups and permissions the migrations created with it. pytest-django runs
    such tests after all others, and ``serialized_rollback`` restores the
    migrated data at the start of each, so every one of them must set it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: a transactional test must also set "
                "serialized_rollback=True (see tests/conftest.py)."
            )
    other = {"sqlite" if connection.vendor == "postgresql" else "postgres"}
    # Tests of the optional named-entity step need spaCy, which only the
    # environment built from requirements-ner.txt has (.ci/run runs them).
    if not ner_available():
        other.add("ner")
    selected = [item for item in items if not other & set(item.keywords)]
    deselected = [item for item in items if other & set(item.keywords)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


class SerialWSGIServer(WSGIServer):
    """A live server that answers one request at a time.

    On SQLite the test database lives in memory, so the live server's threads
    share the test's one connection. A browser sends requests in parallel (a
    form post while an autocomplete lookup is still running), and two
    requests opening a transaction on one SQLite connection at once fail with
    "cannot start a transaction within a transaction". Answering in turn
    removes the race; Django closes each connection after its response, so
    the browser's next request is never kept waiting on an idle keep-alive."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering in turn when it shares the test's
    in-memory SQLite connection (see ``SerialWSGIServer``)."""
    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    if server.thread.connections_override:
        server.thread.server_class = SerialWSGIServer
    server.start()
    yield server
    server.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying the database, groups and
    permissions included. In one process pytest-django runs such tests after
    all others; with the suite spread over workers (scripts/test.py), a
    worker may go on to another module afterwards, so the data the
    migrations created is put back once the test's fixtures are torn down."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or not (marker and marker.kwargs.get("transaction")):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts and ends with an empty cache: cached API responses,
    throttle counts and count estimates must not outlive the rows a
    rolled-back test wrote."""
    cache.clear()
    forget_estimates()
    yield
    cache.clear()
    forget_estimates()


@pytest.fixture
def uncached_api(settings):
    """The API's anonymous response cache off, so each request runs its view."""
    settings.API_CACHE_SECONDS = 0


@pytest.fixture
def seed(db):
    """The reference story, loaded through ``load_seed``."""
    call_command("load_seed", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", password="correct horse battery", email=""
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
