"""The OpenAPI schema and the interactive docs: the schema is valid OpenAPI 3,
every path it names answers, every parameter and field is described, and the
docs page runs on the site's own static files (no CDN)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from openapi_spec_validator import validate

from articles.models import Quote
from entities.models import Role
from newsdesk.webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db

SCHEMA = "/api/schema/"
DOCS = "/api/docs/"

# What the reference story offers for each path parameter, by the resource
# that owns it.
SEED_SLUGS = {
    "agreements": "sino-russian-moon-and-deep-space-agreement",
    "articles": "china-russia-space-cooperation-benefits-humanity",
    "organisations": "roscosmos",
    "people": "zhang-hanhui",
}
# Values for required query parameters, so each path can answer a 200.
REQUIRED_QUERY_VALUES = {"q": "space"}

# Webhook endpoints hold their secrets: only editors read them.
EDITOR_ONLY = {"webhooks": Endpoint, "webhook-deliveries": Delivery}


@pytest.fixture
def webhook_records(db):
    endpoint = Endpoint.objects.create(
        name="Front end", url="https://8.8.8.8/hook", events=["article.published"]
    )
    Delivery.objects.create(endpoint=endpoint, event="article.published", payload={})


@pytest.fixture
def schema(client) -> dict:
    response = client.get(SCHEMA, {"format": "json"})
    assert response.status_code == 200, response.content
    assert "openapi" in response["Content-Type"]
    assert response["Content-Type"].endswith("json")
    return response.json()


def get_operations(schema: dict):
    for path, item in schema["paths"].items():
        if "get" in item:
            yield path, item["get"]


def concrete_url(path: str) -> str:
    """``path`` with each parameter replaced by a record of the seed."""
    resource = path.strip("/").split("/")[2]

    def value(match):
        name = match.group(1)
        if name == "slug":
            return SEED_SLUGS[resource]
        if name == "person_slug":
            return SEED_SLUGS["people"]
        if name == "organisation_slug":
            return "russia"
        if name == "id" and resource == "quotes":
            return str(Quote.objects.order_by("pk").values_list("pk", flat=True)[0])
        if name == "id" and resource == "roles":
            return str(Role.objects.order_by("pk").values_list("pk", flat=True)[0])
        if name == "id" and resource in EDITOR_ONLY:
            model = EDITOR_ONLY[resource]
            return str(model.objects.order_by("pk").values_list("pk", flat=True)[0])
        raise AssertionError(f"no seed value for path parameter {name} of {path}")

    return re.sub(r"\{([^}]+)\}", value, path)


class TestSchemaDocument:
    def test_schema_is_valid_openapi_3(self, schema):
        """/api/schema/?format=json is an OpenAPI 3 document that validates."""
        assert schema["openapi"].startswith("3.")
        assert schema["info"]["title"] == "Newsdesk API"
        validate(schema)

    def test_schema_names_every_contract_resource(self, schema):
        """Each resource of the API contract, list and detail, is in the
        schema."""
        paths = set(schema["paths"])
        for resource in ("articles", "quotes", "people", "organisations", "agreements"):
            assert f"/api/v1/{resource}/" in paths
            assert any(
                p.startswith(f"/api/v1/{resource}/{{") and p.count("/") == 5
                for p in paths
            ), resource
        assert "/api/v1/search/" in paths
        assert "/api/v1/people/{person_slug}/quotes/" in paths
        assert "/api/v1/organisations/{organisation_slug}/quotes/" in paths

    def test_default_format_answers_too(self, client):
        """/api/schema/ without a format answers the YAML document."""
        response = client.get(SCHEMA)
        assert response.status_code == 200
        assert response.content.startswith(b"openapi: 3.")


def editor_only(path: str) -> bool:
    return path.strip("/").split("/")[2] in EDITOR_ONLY


@pytest.mark.usefixtures("seed", "webhook_records")
class TestEveryPathAnswers:
    def test_plain_anonymous_get_never_5xx(self, client, schema):
        """Every path in the schema answers a plain anonymous GET without a
        server error (the seed's records filling its parameters)."""
        answers = {}
        for path, _operation in get_operations(schema):
            response = client.get(concrete_url(path))
            answers[path] = response.status_code
        assert len(answers) >= 13
        assert all(status < 500 for status in answers.values()), answers
        assert all(
            status == 401 for path, status in answers.items() if editor_only(path)
        ), answers

    def test_get_with_required_parameters_answers_200(self, client, editor, schema):
        """Every path answers 200 with JSON once its required query parameters
        are filled in (to an editor, for the editors' own resources)."""
        editor_client = Client()
        editor_client.force_login(editor)
        for path, operation in get_operations(schema):
            params = {}
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter.get("required"):
                    name = parameter["name"]
                    assert name in REQUIRED_QUERY_VALUES, (path, name)
                    params[name] = REQUIRED_QUERY_VALUES[name]
            asking = editor_client if editor_only(path) else client
            response = asking.get(concrete_url(path), params)
            assert response.status_code == 200, (path, response.content[:300])
            assert response.json(), path


def _described(spec: dict) -> bool:
    """A property is described directly, or by the $ref/allOf it wraps."""
    if str(spec.get("description", "")).strip():
        return True
    for part in spec.get("allOf", []):
        if str(part.get("description", "")).strip():
            return True
    return False


class TestSchemaDescriptions:
    def test_every_query_parameter_is_described(self, schema):
        """Every query parameter of every operation has a description, so
        the docs explain each filter."""
        missing = [
            f"{method.upper()} {path} {parameter['name']}"
            for path, item in schema["paths"].items()
            for method, operation in item.items()
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query"
            and not str(parameter.get("description", "")).strip()
        ]
        assert missing == []

    def test_every_component_property_is_described(self, schema):
        """Every property of every component schema has a description."""
        components = schema["components"]["schemas"]
        missing = [
            f"{name}.{prop}"
            for name, component in components.items()
            for prop, spec in component.get("properties", {}).items()
            if not _described(spec)
        ]
        assert missing == []
        assert "Person" in components and "Quote" in components

    def test_no_component_describes_itself_as_a_mixin(self, schema):
        """Component descriptions speak of the resource, never of the
        serializer machinery behind it."""
        for name, component in schema["components"]["schemas"].items():
            assert "serializer" not in component.get("description", "").lower(), name


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


class TestDocsPage:
    def test_docs_page_answers(self, client):
        """/api/docs/ answers the Swagger UI page, whose start-up script (a
        file of its own, for the Content-Security-Policy) points at the
        schema."""
        response = client.get(DOCS)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert 'id="swagger-ui"' in html
        assert f'src="{DOCS}?script="' in html
        assert f'"{SCHEMA}"' in client.get(f"{DOCS}?script=").content.decode()

    def test_docs_assets_come_from_own_static_files(self, client):
        """Swagger UI's script, preset and stylesheet are served under the
        site's STATIC_URL, and each exists in the static files; the one other
        script is the page's own start-up script."""
        parser = _Assets()
        parser.feed(client.get(DOCS).content.decode())
        parser.urls.remove(f"{DOCS}?script=")
        names = {url.rsplit("/", 1)[-1] for url in parser.urls}
        assert {
            "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js",
            "swagger-ui.css",
        } <= names
        for url in parser.urls:
            assert url.startswith(settings.STATIC_URL), url
            assert finders.find(url.removeprefix(settings.STATIC_URL)), url

    def test_docs_page_links_no_other_host(self, client):
        """No absolute http(s) or protocol-relative URL to another host (no
        CDN, nothing fetched from elsewhere)."""
        html = client.get(DOCS).content.decode()
        hosts = {
            urlsplit(url).hostname for url in re.findall(r"https?://[^\s\"'<>)]+", html)
        }
        assert hosts <= {"testserver"}, hosts
        assert not re.search(r"""(?:src|href)\s*=\s*["']//""", html)
