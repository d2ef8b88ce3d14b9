"""The schema says what the API does: a crawl of every read operation of the
schema, plain and with ``fields=``, ``expand=``, ``facets=``, ``format=`` and
``cursor=``, as an anonymous client and as an editor, validates each answer
against the schema's own description of it; and every operation applies
the one rule for query parameters (newsdesk/api/parameters.py): unknown
names and repeats refused, empty values ignored, contradictory ranges,
malformed pages and unknown formats answered as documented."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from jsonschema.exceptions import ValidationError as SchemaError
from openapi_schema_validator import OAS30ReadValidator

from newsdesk.webhooks.models import Delivery, Endpoint
from tests.shared import shared_data
from tests.test_api_schema import EDITOR_ONLY, REQUIRED_QUERY_VALUES, concrete_url

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _load():
    call_command("load_seed", verbosity=0, stdout=io.StringIO())
    get_user_model().objects.create_superuser(username="editor", password="x")
    endpoint = Endpoint.objects.create(
        name="Front end", url="https://8.8.8.8/hook", events=["article.published"]
    )
    Delivery.objects.create(endpoint=endpoint, event="article.published", payload={})


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    yield from shared_data(django_db_blocker, _load)


@pytest.fixture
def document(newsroom) -> dict:
    response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.fixture(params=["anonymous", "editor"])
def client(request, newsroom) -> Client:
    client = Client()
    client.editor = request.param == "editor"
    if client.editor:
        client.force_login(get_user_model().objects.get(username="editor"))
    return client


def read_operations(document: dict, editor: bool = False):
    """Every read operation, and as an anonymous client only those of
    resources it may read (webhooks are for editors)."""
    for path, item in document["paths"].items():
        resource = path.strip("/").split("/")[2] if path.count("/") > 3 else ""
        if "get" in item and (editor or resource not in EDITOR_ONLY):
            yield path, item["get"]


def query_parameters(operation: dict) -> dict[str, dict]:
    return {
        parameter["name"]: parameter
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }


def enum_of(parameter: dict) -> list[str]:
    return parameter["schema"]["items"]["enum"]


def variants(operation: dict, editor: bool = True) -> list[dict]:
    """The requests a front end makes of an operation (the editors' facets
    only as an editor)."""
    parameters = query_parameters(operation)
    base = {
        name: REQUIRED_QUERY_VALUES[name]
        for name, parameter in parameters.items()
        if parameter.get("required")
    }
    found = [base]
    if "fields" in parameters:
        names = enum_of(parameters["fields"])
        found += [
            {**base, "fields": names[0]},
            {**base, "fields": ",".join(names[1:3])},
        ]
    if "expand" in parameters:
        found.append({**base, "expand": ",".join(enum_of(parameters["expand"]))})
        found.append(
            {
                **base,
                "expand": ",".join(enum_of(parameters["expand"])),
                "fields": enum_of(parameters["expand"])[0],
            }
        )
    if "facets" in parameters:
        facets = enum_of(parameters["facets"])
        if not editor:
            facets = [name for name in facets if name != "status"]
        found.append({**base, "facets": ",".join(facets)})
    if "cursor" in parameters:
        found.append({**base, "cursor": "", "page_size": "2"})
    for format_ in parameters["format"]["schema"]["enum"]:
        found.append({**base, "format": format_})
    return found


def validate_answer(document: dict, operation: dict, response) -> None:
    """The answer matches the schema the operation documents for its status
    and content type."""
    status = str(response.status_code)
    assert status in operation["responses"], (status, response.content[:300])
    content_type = response["Content-Type"].split(";")[0]
    content = operation["responses"][status]["content"]
    assert content_type in content, (content_type, list(content))
    schema = {
        "components": document["components"],
        "allOf": [content[content_type]["schema"]],
    }
    OAS30ReadValidator(
        schema, format_checker=OAS30ReadValidator.FORMAT_CHECKER
    ).validate(response.json())


class TestEveryAnswerMatchesTheSchema:
    def test_crawl(self, client, document):
        """Every read operation, in every variant, answers 200 with a body the
        schema describes, sparse fieldsets, expansions, facets and JSON-LD
        included."""
        checked = 0
        for path, operation in read_operations(document, editor=client.editor):
            for params in variants(operation, editor=client.editor):
                response = client.get(concrete_url(path), params)
                assert response.status_code == 200, (path, params, response.content)
                try:
                    validate_answer(document, operation, response)
                except SchemaError as error:
                    pytest.fail(f"{path} {params}: {error.message} at {error.path}")
                checked += 1
        assert checked > 60

    def test_validation_would_catch_a_wrong_answer(self, document):
        """The check has teeth: a quote page with a number for a speaker's
        slug, or an unknown facet, fails it."""
        operation = document["paths"][f"{API}/quotes/"]["get"]
        answer = Client().get(f"{API}/quotes/", {"facets": "kind"})

        class Wrong:
            status_code = 200

            def __init__(self, body):
                self.body = body

            def __getitem__(self, name):
                return "application/json"

            def json(self):
                return self.body

        body = answer.json()
        body["results"][0]["speaker"]["slug"] = 7
        with pytest.raises(SchemaError):
            validate_answer(document, operation, Wrong(body))
        body = answer.json()
        body["facets"]["speakr"] = []
        with pytest.raises(SchemaError):
            validate_answer(document, operation, Wrong(body))


class TestParameterTypes:
    def test_entity_filters_are_lists_of_slugs(self, document):
        """Entity filters take strings (slugs, Wikidata ids), as a comma list;
        party repeats; kinds and statuses are enums."""
        quotes = query_parameters(document["paths"][f"{API}/quotes/"]["get"])
        for name in ("speaker", "organisation", "outlet", "article"):
            parameter = quotes[name]
            assert parameter["schema"]["type"] == "array", name
            assert parameter["schema"]["items"]["type"] == "string", name
            assert (parameter["style"], parameter["explode"]) == ("form", False)
        assert enum_of(quotes["kind"]) == ["direct", "partial", "indirect"]
        agreements = query_parameters(document["paths"][f"{API}/agreements/"]["get"])
        assert agreements["party"]["explode"] is True
        assert agreements["party"]["schema"]["items"]["type"] == "string"
        assert "in_force" in enum_of(agreements["status"])
        assert agreements["signed_after"]["schema"] == {
            "type": "string",
            "format": "date",
        }
        assert quotes["page"]["schema"] == {"type": "integer", "minimum": 1}

    def test_jsonld_has_a_schema_of_its_own(self, document):
        """The JSON-LD answer is described, not typed as any object."""
        detail = document["paths"][f"{API}/articles/{{slug}}/"]["get"]
        jsonld = detail["responses"]["200"]["content"]["application/ld+json"]
        assert jsonld["schema"] == {"$ref": "#/components/schemas/NewsArticleJsonLd"}
        component = document["components"]["schemas"]["NewsArticleJsonLd"]
        assert "hasPart" in component["required"]


VALID = re.compile(r"this operation takes (.*)\.$")


class TestOneRuleForEveryParameter:
    def test_unknown_names_are_refused_listing_the_valid_ones(self, document):
        """?speakr= answers 400 naming it and listing exactly the parameters
        the schema documents for that operation."""
        client = Client()
        for path, operation in read_operations(document):
            response = client.get(concrete_url(path), {"speakr": "zhang-hanhui"})
            assert response.status_code == 400, path
            message = response.json()["speakr"][0]
            listed = set(VALID.search(message).group(1).split(", "))
            assert listed == set(query_parameters(operation)), path

    def test_repeated_single_valued_parameters_are_refused(self):
        """speaker=a&speaker=b is a 400 pointing at the comma list; party
        repeats (all of)."""
        client = Client()
        for url in (
            f"{API}/quotes/?speaker=zhang-hanhui&speaker=dmitry-rogozin",
            f"{API}/quotes/?organisation=russia&organisation=china",
            f"{API}/quotes/?kind=direct&kind=partial",
            f"{API}/quotes/?fields=id&fields=text",
            f"{API}/quotes/?expand=speaker&expand=outlet",
        ):
            response = client.get(url)
            assert response.status_code == 400, url
            (name,) = response.json()
            assert "separate them with commas" in response.json()[name][0]
        both = client.get(f"{API}/agreements/?party=china&party=russia")
        assert both.status_code == 200
        assert [a["slug"] for a in both.json()["results"]] == [
            "sino-russian-moon-and-deep-space-agreement"
        ]
        any_of = client.get(f"{API}/quotes/?speaker=zhang-hanhui,dmitry-rogozin")
        assert any_of.json()["count"] == 9

    def test_an_empty_value_is_as_if_absent_everywhere(self, document):
        """For every parameter of every operation, ``name=`` answers what
        leaving it out answers (cursor= aside: it starts a cursor walk)."""
        client = Client()
        for path, operation in read_operations(document):
            url = concrete_url(path)
            base = variants(operation)[0]
            expected = client.get(url, base)
            for name in query_parameters(operation):
                if name in base or name == "cursor":
                    continue
                response = client.get(url, {**base, name: ""})
                assert response.status_code == expected.status_code, (path, name)
                assert response.json() == expected.json(), (path, name)

    @pytest.mark.parametrize(
        "path, start, end",
        [
            ("quotes/", "said_after", "said_before"),
            ("articles/", "published_after", "published_before"),
            ("agreements/", "signed_after", "signed_before"),
        ],
    )
    def test_a_range_ending_before_it_starts_is_refused(
        self, newsroom, path, start, end
    ):
        """said_after later than said_before is a 400, not an empty list."""
        response = Client().get(
            f"{API}/{path}", {start: "2022-06-01", end: "2022-01-01"}
        )
        assert response.status_code == 400
        assert response.json() == {
            start: [f"{start} is later than {end}: nothing can match."]
        }
        same_day = Client().get(
            f"{API}/{path}", {start: "2022-05-03", end: "2022-05-03"}
        )
        assert same_day.status_code == 200

    @pytest.mark.parametrize("page", ["0", "abc", "-1", "1.5", "²"])
    def test_a_malformed_page_is_a_400_naming_it(self, newsroom, page):
        response = Client().get(f"{API}/quotes/", {"page": page})
        assert response.status_code == 400
        assert response.json() == {"page": ["Enter a whole number from 1."]}

    def test_a_page_past_the_end_says_how_many_there_are(self, newsroom):
        client = Client()
        response = client.get(f"{API}/quotes/", {"page": "4", "page_size": "5"})
        assert response.status_code == 404
        assert response.json() == {
            "detail": ["There is no page 4: at 5 per page there are 3 pages."]
        }
        response = client.get(f"{API}/quotes/", {"page": "2"})
        assert response.json() == {
            "detail": ["There is no page 2: at 20 per page there is 1 page."]
        }

    def test_an_unknown_format_is_406(self, document):
        """format=xml answers 406 in the error shape on every operation."""
        client = Client()
        for path, _operation in read_operations(document):
            response = client.get(concrete_url(path), {"format": "xml"})
            assert response.status_code == 406, path
            assert "format 'xml'" in response.json()["detail"][0], path
        listed = client.get(f"{API}/quotes/", {"format": "jsonld"})
        assert listed.status_code == 406
