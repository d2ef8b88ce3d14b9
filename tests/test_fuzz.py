"""Schemathesis fuzzes every operation of the API, in-process over WSGI, twice:
as an anonymous client and as an editor sending ``Authorization: Token …``.

Each operation of each pass is one test, so one database transaction, on
top of the reference story loaded once for the module; every generated
request runs in a savepoint rolled back after it, so no example sees
another's writes. Path parameters name the seed's records (its slugs as the
schema's examples, its records drawn as often as generated values), so
details, writes and merges reach real rows.

Per operation: up to MAX_EXAMPLES generated examples (valid and invalid),
plus Schemathesis' coverage cases (valid boundary values of every parameter
and field; not for the anonymous pass's writes, which all answer 401). Runs
are deterministic (a fixed seed, no example database).

The checks: no 5xx, every status code and content type documented, every body
and header matching the schema. Each pass leaves a JUnit report, an operation
a test case, in ``test-artefacts/schemathesis/`` (kept by CI), and a line per
pass sums it up. (Schemathesis' own reports cannot be used: in 4.32.5 its
pytest plugin writes them only with allure installed.)

PostgreSQL only (CI's PostgreSQL leg): it refuses what SQLite lets through,
such as NUL characters in text, so that is where malformed input breaks."""

from __future__ import annotations

import copy
import io
import re
import time
import traceback
from pathlib import Path
from xml.etree import ElementTree

import pytest
import schemathesis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.db import transaction
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article, Quote
from entities.models import Agreement, Organisation, Person, Role
from tests.fuzzing import CHECKS, editor_headers, wsgi_application
from tests.shared import shared_data

pytestmark = pytest.mark.postgres

SCHEMA_URL = "/api/schema/?format=json"
REPORTS = Path(settings.BASE_DIR) / "test-artefacts" / "schemathesis"
IDENTITIES = ("anonymous", "editor")
MAX_EXAMPLES = 10
WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]

# The document /api/schema/ serves, generated as it does but at collection,
# when the database is out of reach; test_fuzzed_schema_is_the_served_one
# checks that the application serves this very document.
DOCUMENT = SchemaGenerator().get_schema(request=None, public=True)

# The reference story's slugs, the examples of the path parameters.
SEED_SLUGS = {
    "agreements": "sino-russian-moon-and-deep-space-agreement",
    "articles": "china-russia-space-cooperation-benefits-humanity",
    "organisations": "roscosmos",
    "people": "zhang-hanhui",
}

# The seed's records by resource, filled once the module has loaded them.
KNOWN: dict[str, list] = {}


# What each pass did to each operation, for the report and the summary.
class Outcome:
    def __init__(self):
        self.requests = 0
        self.seconds = 0.0
        self.failure: str | None = None
        self.failure_title = ""


OUTCOMES: dict[str, dict[str, Outcome]] = {identity: {} for identity in IDENTITIES}


def _config(identity: str) -> schemathesis.Config:
    operations = []
    if identity == "anonymous":
        operations.append(
            {
                "include-method": WRITE_METHODS,
                "phases": {"coverage": {"enabled": False}},
            }
        )
    return schemathesis.Config.from_dict(
        {
            "seed": 20260101,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
            },
            # Invalid input comes from the generated examples; the coverage
            # phase's invalid cases would double the run for little more.
            "phases": {"coverage": {"generation": {"mode": "positive"}}},
            "operations": operations,
        }
    )


def _resource(path: str) -> str:
    return path.strip("/").split("/")[2]


def _with_slug_examples(document: dict) -> dict:
    document = copy.deepcopy(document)
    owners = {"person_slug": "people", "organisation_slug": "organisations"}
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "path":
                    continue
                if parameter["name"] == "slug":
                    parameter["example"] = SEED_SLUGS[_resource(path)]
                elif parameter["name"] in owners:
                    parameter["example"] = SEED_SLUGS[owners[parameter["name"]]]
    return document


def _seed_record(resource: str):
    """One of the seed's records of ``resource``, looked up when drawn."""

    def pick(index: int):
        # Schemathesis draws its explicit examples at collection, before
        # any seed: those get the example slug.
        choices = KNOWN.get(resource) or [SEED_SLUGS.get(resource, 1)]
        return choices[index % len(choices)]

    return st.integers(min_value=0, max_value=1000).map(pick)


def _with_seed_records(context, strategy):
    """Generated path parameters: the seed's records as often as not."""
    resource = _resource(context.operation.path)
    owners = {
        "slug": resource,
        "id": resource,
        "person_slug": "people",
        "organisation_slug": "organisations",
    }
    names = [parameter.name for parameter in context.operation.path_parameters]
    if not names or any(name not in owners for name in names):
        return strategy
    seeded = st.fixed_dictionaries({name: _seed_record(owners[name]) for name in names})
    return st.one_of(seeded, strategy)


def _schema(identity: str):
    schema = schemathesis.openapi.from_dict(
        _with_slug_examples(DOCUMENT), config=_config(identity)
    )
    schema.hook("before_generate_path_parameters")(_with_seed_records)
    return schema


ILLEGAL_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Generated input echoed in a message may hold what XML cannot."""
    return ILLEGAL_IN_XML.sub("\N{REPLACEMENT CHARACTER}", text)


def write_junit(identity: str, outcomes: dict[str, Outcome]) -> Path:
    """The pass as JUnit XML: an operation a test case, its last failure
    (Schemathesis' message, with the request to reproduce it) if any."""
    failures = sum(outcome.failure is not None for outcome in outcomes.values())
    suite = ElementTree.Element(
        "testsuite",
        name=f"schemathesis {identity}",
        tests=str(len(outcomes)),
        failures=str(failures),
        errors="0",
        time=f"{sum(o.seconds for o in outcomes.values()):.3f}",
    )
    for label, outcome in sorted(outcomes.items()):
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=f"schemathesis.{identity}",
            name=label,
            time=f"{outcome.seconds:.3f}",
        )
        ElementTree.SubElement(case, "properties").append(
            ElementTree.Element(
                "property", name="requests", value=str(outcome.requests)
            )
        )
        if outcome.failure is not None:
            failure = ElementTree.SubElement(
                case, "failure", message=_xml_text(outcome.failure_title)
            )
            failure.text = _xml_text(outcome.failure)
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / f"{identity}.xml"
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    ElementTree.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)
    return path


@pytest.fixture(scope="module", autouse=True)
def report(request):
    """When the module ends, a JUnit report and a summary line per pass."""
    started = time.monotonic()
    yield
    lines = []
    for identity, outcomes in OUTCOMES.items():
        if not outcomes:
            continue
        path = write_junit(identity, outcomes)
        failed = sum(outcome.failure is not None for outcome in outcomes.values())
        requests = sum(outcome.requests for outcome in outcomes.values())
        lines.append(
            f"schemathesis, {identity}: {len(outcomes)} operations × up to "
            f"{MAX_EXAMPLES} generated examples + coverage cases = {requests} "
            f"requests; {failed} operations failed; "
            f"{path.relative_to(settings.BASE_DIR)}"
        )
    if not lines:
        return
    lines.append(f"schemathesis: {time.monotonic() - started:.0f}s in all")
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.ensure_newline()
        for line in lines:
            reporter.write_line(line)


@pytest.fixture
def wsgi_app():
    with wsgi_application() as application:
        yield application


def _load_newsroom() -> dict:
    call_command("load_seed", verbosity=0, stdout=io.StringIO())
    known = {
        resource: list(model.objects.order_by("pk").values_list("slug", flat=True))
        for resource, model in {
            "articles": Article,
            "people": Person,
            "organisations": Organisation,
            "agreements": Agreement,
        }.items()
    }
    known["quotes"] = list(Quote.objects.order_by("pk").values_list("pk", flat=True))
    known["roles"] = list(Role.objects.order_by("pk").values_list("pk", flat=True))
    return {"known": known, "editor_headers": editor_headers(get_user_model())}


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """The reference story and an editor's token, loaded once for the module
    (each operation's test runs in a savepoint inside it)."""
    yield from shared_data(django_db_blocker, _load_newsroom)


@pytest.fixture
def seed_records(db, newsroom):
    KNOWN.update(newsroom["known"])
    yield KNOWN
    KNOWN.clear()


@pytest.fixture
def server_errors():
    """Tracebacks of exceptions raised inside the application, for 500s."""
    raised: list[str] = []

    def record(sender, request=None, **kwargs):
        raised.append(traceback.format_exc())

    got_request_exception.connect(record)
    yield raised
    got_request_exception.disconnect(record)


@pytest.fixture
def editor_token(seed_records, newsroom) -> dict[str, str]:
    return newsroom["editor_headers"]


def _exercise(case, identity, headers, wsgi_app, server_errors) -> None:
    """Send one generated request in a savepoint rolled back after it, and
    check its response."""
    outcome = OUTCOMES[identity].setdefault(case.operation.label, Outcome())
    outcome.requests += 1
    started = time.monotonic()
    server_errors.clear()
    try:
        with transaction.atomic():
            response = case.call(app=wsgi_app, headers=headers)
            transaction.set_rollback(True)
        case.validate_response(response, checks=CHECKS, headers=headers)
    except BaseException as error:  # Schemathesis' FailureGroup is one
        for raised in server_errors:
            error.add_note(f"Raised in the application:\n{raised}")
        # Hypothesis replays the smallest failing example last.
        outcome.failure = "\n".join([str(error), *getattr(error, "__notes__", [])])
        outcome.failure_title = "; ".join(
            getattr(failure, "title", type(failure).__name__)
            for failure in getattr(error, "exceptions", [error])
        )
        raise
    finally:
        outcome.seconds += time.monotonic() - started


# A schema, so a test, per pass: each pass's operations are its own tests.
ANONYMOUS = _schema("anonymous")
EDITOR = _schema("editor")
FUZZ_SETTINGS = hypothesis_settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@ANONYMOUS.parametrize()
@FUZZ_SETTINGS
def test_anonymous(case, wsgi_app, seed_records, server_errors):
    """Generated requests without credentials answer what the schema says."""
    _exercise(case, "anonymous", {}, wsgi_app, server_errors)


@EDITOR.parametrize()
@FUZZ_SETTINGS
def test_editor(case, wsgi_app, seed_records, editor_token, server_errors):
    """Generated requests with an editor's token answer what the schema
    says."""
    _exercise(case, "editor", editor_token, wsgi_app, server_errors)


@pytest.mark.django_db
def test_fuzzed_schema_is_the_served_one(client):
    """The document fuzzed is the one /api/schema/ serves."""
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response.json() == DOCUMENT
