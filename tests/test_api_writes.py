"""The editors' write API, driven through Django's test client with real
tokens against a real database: bad input is refused with the one error shape
and leaves the database untouched, permissions follow the newsroom's roles,
conditional requests guard against lost updates, tokens can be issued,
rotated and revoked, abuse limits hold, and what a write answers is what a
read shows."""

from __future__ import annotations

import datetime
import io
import json
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from articles import services as article_services
from articles.api.serializers import MAX_BODY_CHARACTERS
from articles.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    ArticleStatus,
    Quote,
    QuoteKind,
)
from entities import services as entity_services
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    MergeRecord,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)
from newsdesk.api.writing import ServiceWriteMixin
from tests.factories import (
    ArticleFactory,
    PersonFactory,
    QuoteFactory,
    newsroom_user,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/"
SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"
MOON = "sino-russian-moon-and-deep-space-agreement"
ISS = "iss-partnership"
DRAFT_BODY = "The minister said “we will build the bridge” on Monday."

# Every table a write could touch; "unchanged" means all of their rows (and
# their history) are exactly as before.
WATCHED = [
    Article,
    Article.authors.through,
    ArticlePerson,
    ArticleOrganisation,
    ArticleAgreement,
    Quote,
    Person,
    PersonAlias,
    Organisation,
    OrganisationAlias,
    Role,
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    MergeRecord,
    Token,
]


def snapshot() -> dict:
    """Every row of every watched table, and how much history each has."""
    state = {}
    for model in WATCHED:
        state[model._meta.label] = list(model.objects.order_by("pk").values())
        if hasattr(model, "history"):
            state[f"{model._meta.label} history"] = model.history.count()
    return state


def send(client, method: str, path: str, body=None, *, raw=None, **headers):
    """A JSON request to the API (``raw`` sends the body as given)."""
    data = raw if raw is not None else ("" if body is None else json.dumps(body))
    return client.generic(
        method,
        API + path,
        data,
        content_type="application/json",
        **headers,
    )


def assert_error_shape(response, status: int, *keys: str) -> dict:
    """The one error shape: an object of lists of message strings."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict) and body
    for name, messages in body.items():
        assert isinstance(name, str)
        assert isinstance(messages, list) and messages, (name, messages)
        assert all(isinstance(message, str) and message for message in messages)
    for key in keys:
        assert key in body, (key, body)
    return body


@pytest.fixture(scope="module")
def newsroom_data(django_db_setup, django_db_blocker):
    """The seed, a reporter and an editor with tokens, a draft and an
    in-review story (each with a direct quote): built once for the module in
    a transaction rolled back at its end (each test runs in a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed", verbosity=0, stdout=io.StringIO())
        reporter = newsroom_user("rita", "Reporters")
        editor = newsroom_user("eddie", "Editors")
        dubrov = Person.objects.get(slug="pyotr-dubrov")
        draft = article_services.article_create(
            headline="Draft: the bridge",
            slug="draft-bridge",
            body=DRAFT_BODY,
            status=ArticleStatus.DRAFT,
            created_by=reporter,
        )
        draft_quote = article_services.quote_create(
            article=draft, text="we will build the bridge", speaker=dubrov
        )
        in_review = article_services.article_create(
            headline="In review: the tunnel",
            slug="review-tunnel",
            body="The minister said “we will dig the tunnel” on Tuesday.",
            status=ArticleStatus.IN_REVIEW,
        )
        review_quote = article_services.quote_create(
            article=in_review, text="we will dig the tunnel", speaker=dubrov
        )
        seed_quote = Quote.objects.get(
            article__slug=SEED_ARTICLE, kind=QuoteKind.DIRECT
        )
        yield {
            "reporter": reporter.pk,
            "editor": editor.pk,
            "reporter_key": Token.objects.create(user=reporter).key,
            "editor_key": Token.objects.create(user=editor).key,
            "draft": draft.pk,
            "draft_quote": draft_quote.pk,
            "in_review": in_review.pk,
            "review_quote": review_quote.pk,
            "seed_quote": seed_quote.pk,
            "role": Role.objects.get(person__slug="dmitry-rogozin").pk,
        }
        transaction.set_rollback(True)


@pytest.fixture
def newsroom(db, newsroom_data, django_user_model):
    """Fresh instances of the module's records, clients for the reporter
    (token), the editor (token) and the public, and the ids tests address
    records by."""
    pks = newsroom_data
    return SimpleNamespace(
        reporter_user=django_user_model.objects.get(pk=pks["reporter"]),
        editor_user=django_user_model.objects.get(pk=pks["editor"]),
        reporter=Client(HTTP_AUTHORIZATION=f"Token {pks['reporter_key']}"),
        editor=Client(HTTP_AUTHORIZATION=f"Token {pks['editor_key']}"),
        anon=Client(),
        draft=Article.objects.get(pk=pks["draft"]),
        draft_quote=Quote.objects.get(pk=pks["draft_quote"]),
        in_review=Article.objects.get(pk=pks["in_review"]),
        review_quote=Quote.objects.get(pk=pks["review_quote"]),
        seed_quote=Quote.objects.get(pk=pks["seed_quote"]),
        role=Role.objects.get(pk=pks["role"]),
        ids={
            "draft": "draft-bridge",
            "draft_quote": pks["draft_quote"],
            "review": "review-tunnel",
            "review_quote": pks["review_quote"],
            "seed_quote": pks["seed_quote"],
            "role": pks["role"],
        },
    )


# --------------------------------------------------------------------------
# 1. Bad input


MISSING = object()  # in a PUT's changes: leave the key out


def valid_bodies() -> dict[str, dict]:
    """A valid POST body for each collection."""
    return {
        "people": {"name": "Valentina Tereshkova", "aliases": ["Tereshkova"]},
        "organisations": {"name": "European Space Agency", "kind": "agency"},
        "roles": {
            "person": "pyotr-dubrov",
            "organisation": "roscosmos",
            "title": "Flight engineer",
            "start_date": "2021-04-09",
        },
        "agreements": {
            "title": "Artemis Accords",
            "kind": "other",
            "parties": [{"organisation": "united-states"}],
            "status_history": [{"date": "2020-10-13", "status": "signed"}],
        },
        "articles": {
            "headline": "A new story",
            "body": "The cosmonaut said “the station is ready” on Friday.",
        },
        "quotes": {
            "article": "draft-bridge",
            "text": "we will build the bridge",
            "speaker": "dmitry-rogozin",
            "kind": "direct",
        },
    }


def post(collection: str, **changes):
    body = {**valid_bodies()[collection], **changes}
    return {key: value for key, value in body.items() if value is not MISSING}


LONG = "x" * 10_000


def bad(case_id: str, method: str, path: str, body, field: str):
    """One bad request: ``body`` is, for PUT, the changes to the fetched
    representation; ``field`` is the key the error must carry."""
    return pytest.param(method, path, body, field, id=f"{method.lower()}-{case_id}")


ZH = "people/zhang-hanhui/"
TASS = "organisations/tass/"
RU = "organisations/russia/"
ROLE = "roles/{role}/"
AG = f"agreements/{ISS}/"
DRAFT = "articles/{draft}/"
QUOTE = "quotes/{draft_quote}/"
SEED_QUOTE = "quotes/{seed_quote}/"
MERGE_ZH = "people/zhang-hanhui/merge/"


def person(**changes):
    return post("people", **changes)


def organisation(**changes):
    return post("organisations", **changes)


def role(**changes):
    return post("roles", **changes)


def agreement(**changes):
    return post("agreements", **changes)


def article(**changes):
    return post("articles", **changes)


def quote(**changes):
    return post("quotes", **changes)


def history(**change):
    return {"status_history": [{"status": "in_force", "date": "1998-01-29", **change}]}


PEOPLE_CASES = [
    bad("missing-name", "POST", "people/", person(name=MISSING), "name"),
    bad("missing-name", "PUT", ZH, {"name": MISSING}, "name"),
    bad("unknown-field", "POST", "people/", person(nickname="V"), "nickname"),
    bad("unknown-field", "PATCH", ZH, {"age": 60}, "age"),
    bad("name-number", "POST", "people/", person(name=42), "name"),
    bad("name-null", "PATCH", ZH, {"name": None}, "name"),
    bad("name-list", "PATCH", ZH, {"name": ["Zhang"]}, "name"),
    bad("name-nul", "POST", "people/", person(name="Nul\x00Byte"), "name"),
    bad("name-lone-surrogate", "POST", "people/", person(name="Half \ud83d"), "name"),
    bad("key-lone-surrogate", "POST", "people/", person(**{"\ud800x": 1}), "\ufffdx"),
    bad("aliases-string", "POST", "people/", person(aliases="Valya"), "aliases"),
    bad("aliases-numbers", "POST", "people/", person(aliases=[1, 2]), "aliases"),
    bad("alias-nul", "POST", "people/", person(aliases=["Nul\x00"]), "aliases.0"),
    bad("description-object", "POST", "people/", person(description={}), "description"),
    bad("name-too-long", "POST", "people/", person(name="N" * 201), "name"),
    bad("description-too-long", "PATCH", ZH, {"description": "d" * 501}, "description"),
    bad("alias-too-long", "POST", "people/", person(aliases=["a" * 201]), "aliases.0"),
    bad("slug-spaces", "POST", "people/", person(slug="Not A Slug!"), "slug"),
    bad("slug-emoji", "POST", "people/", person(slug="🚀"), "slug"),
    bad("slug-too-long", "PATCH", ZH, {"slug": "s" * 201}, "slug"),
    bad("emoji-name-no-slug", "POST", "people/", person(name="🚀🚀", slug=""), "name"),
    bad("marks-only-no-slug", "POST", "people/", person(name="\u0301\u0308"), "name"),
    bad("duplicate-slug", "POST", "people/", person(slug="dmitry-rogozin"), "slug"),
    bad("duplicate-slug", "PATCH", ZH, {"slug": "pyotr-dubrov"}, "slug"),
    bad("wikidata-digits", "POST", "people/", person(wikidata_id="159"), "wikidata_id"),
    bad("wikidata-q0", "POST", "people/", person(wikidata_id="Q0159"), "wikidata_id"),
    bad("wikidata-lowercase", "PATCH", ZH, {"wikidata_id": "q159"}, "wikidata_id"),
    bad(
        "wikidata-too-long", "PATCH", ZH, {"wikidata_id": "Q" + "1" * 20}, "wikidata_id"
    ),
    bad("wikidata-number", "PATCH", ZH, {"wikidata_id": 159}, "wikidata_id"),
]

ORGANISATION_CASES = [
    bad("missing-name", "POST", "organisations/", organisation(name=MISSING), "name"),
    bad("missing-name", "PUT", TASS, {"name": MISSING}, "name"),
    bad("unknown-field", "POST", "organisations/", organisation(budget=1), "budget"),
    bad("kind-invalid", "POST", "organisations/", organisation(kind="planet"), "kind"),
    bad("kind-number", "POST", "organisations/", organisation(kind=3), "kind"),
    bad(
        "kind-surrogate", "POST", "organisations/", organisation(kind="\udc00"), "kind"
    ),
    bad(
        "country-too-long",
        "POST",
        "organisations/",
        organisation(country="RUS"),
        "country",
    ),
    bad(
        "country-unknown",
        "POST",
        "organisations/",
        organisation(country="ZZ"),
        "country",
    ),
    bad(
        "name-too-long", "POST", "organisations/", organisation(name="N" * 201), "name"
    ),
    bad("description-too-long", "PATCH", TASS, {"description": LONG}, "description"),
    bad(
        "slug-invalid",
        "POST",
        "organisations/",
        organisation(slug="Not A Slug!"),
        "slug",
    ),
    bad("slug-emoji", "POST", "organisations/", organisation(slug="🛰️"), "slug"),
    bad("slug-too-long", "PATCH", TASS, {"slug": "s" * 201}, "slug"),
    bad(
        "duplicate-slug",
        "POST",
        "organisations/",
        organisation(slug="roscosmos"),
        "slug",
    ),
    bad("name-no-slug", "POST", "organisations/", organisation(name="🛰️"), "name"),
    bad("own-parent", "PATCH", RU, {"parent": "russia"}, "parent"),
    bad("own-ancestor", "PATCH", RU, {"parent": "roscosmos"}, "parent"),
    bad("own-ancestor", "PUT", RU, {"parent": {"slug": "roscosmos"}}, "parent"),
    bad(
        "parent-unknown",
        "POST",
        "organisations/",
        organisation(parent="atlantis"),
        "parent",
    ),
    bad("parent-number", "POST", "organisations/", organisation(parent=1), "parent"),
    bad(
        "parent-list",
        "POST",
        "organisations/",
        organisation(parent=["russia"]),
        "parent",
    ),
    bad("wikidata-malformed", "PATCH", TASS, {"wikidata_id": "Q12a"}, "wikidata_id"),
    bad("wikidata-taken", "PATCH", TASS, {"wikidata_id": "Q159"}, "wikidata_id"),
    bad(
        "wikidata-too-long",
        "PATCH",
        TASS,
        {"wikidata_id": "Q" + "9" * 20},
        "wikidata_id",
    ),
    bad(
        "aliases-object",
        "POST",
        "organisations/",
        organisation(aliases={"E": 1}),
        "aliases",
    ),
    bad(
        "alias-number",
        "POST",
        "organisations/",
        organisation(aliases=["E", 1]),
        "aliases",
    ),
]

ROLE_CASES = [
    bad("missing-person", "POST", "roles/", role(person=MISSING), "person"),
    bad(
        "missing-organisation",
        "POST",
        "roles/",
        role(organisation=MISSING),
        "organisation",
    ),
    bad("missing-title", "POST", "roles/", role(title=MISSING), "title"),
    bad("missing-title", "PUT", ROLE, {"title": MISSING}, "title"),
    bad("unknown-field", "POST", "roles/", role(salary=1), "salary"),
    bad("end-before-start", "POST", "roles/", role(end_date="2021-04-08"), "end_date"),
    bad("end-before-start", "PATCH", ROLE, {"end_date": "2018-05-23"}, "end_date"),
    bad("start-after-end", "PATCH", ROLE, {"start_date": "2023-01-01"}, "end_date"),
    bad("start-after-end", "PUT", ROLE, {"start_date": "2023-01-01"}, "end_date"),
    bad(
        "start-date-object",
        "POST",
        "roles/",
        role(start_date={"y": 2021}),
        "start_date",
    ),
    bad("start-date-number", "POST", "roles/", role(start_date=20210409), "start_date"),
    bad(
        "start-date-impossible",
        "POST",
        "roles/",
        role(start_date="2021-02-30"),
        "start_date",
    ),
    bad("end-date-list", "POST", "roles/", role(end_date=["2022-01-01"]), "end_date"),
    bad("title-too-long", "POST", "roles/", role(title="T" * 201), "title"),
    bad("title-number", "POST", "roles/", role(title=7), "title"),
    bad("person-unknown", "POST", "roles/", role(person="nobody"), "person"),
    bad("person-invalid-slug", "POST", "roles/", role(person="Not A Slug!"), "person"),
    bad("person-empty", "POST", "roles/", role(person=""), "person"),
    bad("person-empty-object", "POST", "roles/", role(person={"slug": ""}), "person"),
    bad("person-nul", "POST", "roles/", role(person="pyotr\x00dubrov"), "person"),
    bad("organisation-number", "POST", "roles/", role(organisation=5), "organisation"),
    bad(
        "duplicate",
        "POST",
        "roles/",
        role(
            person="dmitry-rogozin", title="Director General", start_date="2018-05-24"
        ),
        "detail",
    ),
]

AGREEMENT_CASES = [
    bad("missing-title", "POST", "agreements/", agreement(title=MISSING), "title"),
    bad("missing-title", "PUT", AG, {"title": MISSING}, "title"),
    bad(
        "unknown-field", "POST", "agreements/", agreement(signatories=[]), "signatories"
    ),
    bad("title-too-long", "POST", "agreements/", agreement(title="T" * 301), "title"),
    bad("scope-too-long", "POST", "agreements/", agreement(scope="s" * 501), "scope"),
    bad("summary-too-long", "PATCH", AG, {"summary": "s" * 20_001}, "summary"),
    bad("kind-invalid", "POST", "agreements/", agreement(kind="pact"), "kind"),
    bad(
        "signed-on-object", "POST", "agreements/", agreement(signed_on={}), "signed_on"
    ),
    bad(
        "signed-on-text",
        "POST",
        "agreements/",
        agreement(signed_on="2020"),
        "signed_on",
    ),
    bad(
        "precision-invalid",
        "POST",
        "agreements/",
        agreement(signed_precision="week"),
        "signed_precision",
    ),
    bad("slug-invalid", "POST", "agreements/", agreement(slug="Not A Slug!"), "slug"),
    bad("slug-too-long", "POST", "agreements/", agreement(slug="s" * 201), "slug"),
    bad("duplicate-slug", "POST", "agreements/", agreement(slug=ISS), "slug"),
    bad("title-no-slug", "POST", "agreements/", agreement(title="🌕🚀"), "title"),
    bad("wikidata-malformed", "PATCH", AG, {"wikidata_id": "P31"}, "wikidata_id"),
    bad(
        "wikidata-too-long",
        "POST",
        "agreements/",
        agreement(wikidata_id="Q" + "9" * 20),
        "wikidata_id",
    ),
    bad("parties-string", "POST", "agreements/", agreement(parties="china"), "parties"),
    bad("parties-of-strings", "PUT", AG, {"parties": ["china"]}, "parties.0"),
    bad(
        "party-unknown",
        "POST",
        "agreements/",
        agreement(parties=[{"organisation": "atlantis"}]),
        "parties.0.organisation",
    ),
    bad(
        "party-missing-organisation",
        "POST",
        "agreements/",
        agreement(parties=[{"role": "party"}]),
        "parties.0.organisation",
    ),
    bad(
        "party-role-invalid",
        "PATCH",
        AG,
        {
            "parties": [
                {"organisation": "china"},
                {"organisation": "russia", "role": "foe"},
            ]
        },
        "parties.1.role",
    ),
    bad(
        "party-unknown-field",
        "PATCH",
        AG,
        {"parties": [{"organisation": "china", "since": "2020"}]},
        "parties.0.since",
    ),
    bad(
        "party-missing-organisation",
        "PATCH",
        AG,
        {"parties": [{"role": "party"}]},
        "parties.0.organisation",
    ),
    bad(
        "history-missing-date",
        "PATCH",
        AG,
        {"status_history": [{"status": "signed"}]},
        "status_history.0.date",
    ),
    bad(
        "history-string",
        "POST",
        "agreements/",
        agreement(status_history="signed"),
        "status_history",
    ),
    bad(
        "history-missing-date",
        "POST",
        "agreements/",
        agreement(status_history=[{"status": "signed"}]),
        "status_history.0.date",
    ),
    bad("history-date-object", "PATCH", AG, history(date={}), "status_history.0.date"),
    bad(
        "history-status-invalid",
        "PATCH",
        AG,
        history(status="exploded"),
        "status_history.0.status",
    ),
    bad(
        "history-note-long",
        "PATCH",
        AG,
        history(note="n" * 501),
        "status_history.0.note",
    ),
    bad(
        "history-article-unknown",
        "PUT",
        AG,
        history(article="no-such-story"),
        "status_history.0.article",
    ),
    bad(
        "history-party-number", "PATCH", AG, history(party=3), "status_history.0.party"
    ),
]

ARTICLE_CASES = [
    bad("missing-headline", "POST", "articles/", article(headline=MISSING), "headline"),
    bad("missing-body", "POST", "articles/", article(body=MISSING), "body"),
    bad("missing-body", "PUT", DRAFT, {"body": MISSING}, "body"),
    bad("unknown-field", "POST", "articles/", article(byline="Rita"), "byline"),
    bad("unknown-field", "PATCH", DRAFT, {"bodytext": "x"}, "bodytext"),
    bad("headline-number", "POST", "articles/", article(headline=2022), "headline"),
    bad(
        "headline-too-long",
        "POST",
        "articles/",
        article(headline="H" * 301),
        "headline",
    ),
    bad(
        "standfirst-too-long",
        "POST",
        "articles/",
        article(standfirst="s" * 2_001),
        "standfirst",
    ),
    bad(
        "body-too-long",
        "POST",
        "articles/",
        article(body="b" * (MAX_BODY_CHARACTERS + 1)),
        "body",
    ),
    bad(
        "body-too-long",
        "PATCH",
        DRAFT,
        {"body": DRAFT_BODY + " " * MAX_BODY_CHARACTERS},
        "body",
    ),
    bad("body-list", "POST", "articles/", article(body=["para 1", "para 2"]), "body"),
    bad("body-empty", "POST", "articles/", article(body=""), "body"),
    bad("slug-invalid", "POST", "articles/", article(slug="Not A Slug!"), "slug"),
    bad("slug-emoji", "POST", "articles/", article(slug="📰"), "slug"),
    bad("slug-too-long", "POST", "articles/", article(slug="s" * 201), "slug"),
    bad("duplicate-slug", "POST", "articles/", article(slug=SEED_ARTICLE), "slug"),
    bad("duplicate-slug", "PATCH", DRAFT, {"slug": "review-tunnel"}, "slug"),
    bad("headline-no-slug", "POST", "articles/", article(headline="📰📰"), "slug"),
    bad("status-invalid", "POST", "articles/", article(status="live"), "status"),
    bad("status-not-a-transition", "PATCH", DRAFT, {"status": "archived"}, "status"),
    bad("language-invalid", "POST", "articles/", article(language="tlh"), "language"),
    bad(
        "published-at-text",
        "POST",
        "articles/",
        article(published_at="yesterday"),
        "published_at",
    ),
    bad("published-at-object", "PUT", DRAFT, {"published_at": {}}, "published_at"),
    bad(
        "source-url-invalid",
        "POST",
        "articles/",
        article(source_url="no"),
        "source_url",
    ),
    bad(
        "source-url-too-long",
        "POST",
        "articles/",
        article(source_url="https://example.com/" + "a" * 500),
        "source_url",
    ),
    bad("source-unknown", "POST", "articles/", article(source="pravda"), "source"),
    bad("authors-string", "POST", "articles/", article(authors="rita"), "authors"),
    bad("authors-unknown", "POST", "articles/", article(authors=["nobody"]), "authors"),
    bad("authors-numbers", "POST", "articles/", article(authors=[3]), "authors"),
    bad("authors-nul", "POST", "articles/", article(authors=["x\x00"]), "authors"),
    bad(
        "people-unknown",
        "POST",
        "articles/",
        article(people=[{"person": "nobody"}]),
        "people.0.person",
    ),
    bad(
        "people-missing-person",
        "PATCH",
        DRAFT,
        {"people": [{"about": True}]},
        "people.0.person",
    ),
    bad(
        "organisations-missing-organisation",
        "PATCH",
        DRAFT,
        {"organisations": [{"about": True}]},
        "organisations.0.organisation",
    ),
    bad(
        "agreements-missing-agreement",
        "PATCH",
        DRAFT,
        {"agreements": [{}]},
        "agreements.0.agreement",
    ),
    bad(
        "about-surrogate",
        "POST",
        "articles/",
        article(people=[{"person": "zhang-hanhui", "about": "\ud800"}]),
        "people.0.about",
    ),
    bad(
        "organisations-unknown-field",
        "POST",
        "articles/",
        article(organisations=[{"organisation": "china", "weight": 2}]),
        "organisations.0.weight",
    ),
    bad(
        "agreements-string", "POST", "articles/", article(agreements=MOON), "agreements"
    ),
    bad(
        "body-drops-a-quote",
        "PATCH",
        f"articles/{SEED_ARTICLE}/",
        {"body": "Nothing anyone said."},
        "body",
    ),
    bad("body-drops-a-quote", "PUT", DRAFT, {"body": "The minister said no."}, "body"),
]

QUOTE_CASES = [
    bad("missing-text", "POST", "quotes/", quote(text=MISSING), "text"),
    bad("missing-speaker", "POST", "quotes/", quote(speaker=MISSING), "speaker"),
    bad("missing-article", "POST", "quotes/", quote(article=MISSING), "article"),
    bad("missing-text", "PUT", QUOTE, {"text": MISSING}, "text"),
    bad("unknown-field", "POST", "quotes/", quote(tone="angry"), "tone"),
    bad("direct-not-in-body", "POST", "quotes/", quote(text="we never will"), "text"),
    bad(
        "partial-not-in-body",
        "POST",
        "quotes/",
        quote(text="never", kind="partial"),
        "text",
    ),
    bad("direct-not-in-body", "PATCH", SEED_QUOTE, {"text": "nobody said it"}, "text"),
    bad("direct-not-in-body", "PUT", QUOTE, {"text": "he would build it"}, "text"),
    bad("only-quotation-marks", "POST", "quotes/", quote(text="“”"), "text"),
    bad("text-too-long", "POST", "quotes/", quote(text="w" * 20_001), "text"),
    bad("text-number", "POST", "quotes/", quote(text=42), "text"),
    bad("kind-invalid", "POST", "quotes/", quote(kind="rumour"), "kind"),
    bad("cue-too-long", "POST", "quotes/", quote(cue="c" * 51), "cue"),
    bad("said-on-object", "POST", "quotes/", quote(said_on={"d": 1}), "said_on"),
    bad("said-on-text", "POST", "quotes/", quote(said_on="Monday"), "said_on"),
    bad("speaker-unknown", "POST", "quotes/", quote(speaker="nobody"), "speaker"),
    bad("speaker-number", "POST", "quotes/", quote(speaker=1), "speaker"),
    bad("speaker-nameless", "POST", "quotes/", quote(speaker={"name": "R"}), "speaker"),
    bad(
        "speaker-nul", "POST", "quotes/", quote(speaker="dmitry\x00rogozin"), "speaker"
    ),
    bad("speaker-surrogate", "POST", "quotes/", quote(speaker="a\ud800"), "speaker"),
    bad("article-unknown", "POST", "quotes/", quote(article="no-story"), "article"),
    bad("outlet-unknown", "PATCH", QUOTE, {"outlet": "pravda"}, "outlet"),
]

MERGE_CASES = [
    bad("itself", "POST", MERGE_ZH, {"duplicate": "zhang-hanhui"}, "duplicate"),
    bad("missing-duplicate", "POST", MERGE_ZH, {}, "duplicate"),
    bad("unknown-duplicate", "POST", MERGE_ZH, {"duplicate": "nobody"}, "duplicate"),
    bad("empty-duplicate", "POST", MERGE_ZH, {"duplicate": ""}, "duplicate"),
    bad("invalid-slug", "POST", MERGE_ZH, {"duplicate": "Not A Slug!"}, "duplicate"),
    bad("emoji-slug", "POST", MERGE_ZH, {"duplicate": "🙂"}, "duplicate"),
    bad("duplicate-number", "POST", MERGE_ZH, {"duplicate": 2}, "duplicate"),
    bad("unknown-field", "POST", MERGE_ZH, {"duplicate": "zhang-h", "keep": 1}, "keep"),
    bad(
        "organisation-itself",
        "POST",
        "organisations/tass/merge/",
        {"duplicate": "tass"},
        "duplicate",
    ),
    bad(
        "organisation-duplicate-list",
        "POST",
        "organisations/tass/merge/",
        {"duplicate": ["europe"]},
        "duplicate",
    ),
]


def resolve(path: str, newsroom) -> str:
    return path.format(**newsroom.ids)


class BadInput:
    """Shared check: a 400 naming the field, and nothing written."""

    def check(self, newsroom, method, path, body, field):
        path = resolve(path, newsroom)
        if method == "PUT":
            # The fetched representation with the case's changes, so only the
            # one thing is wrong.
            fetched = newsroom.editor.get(API + path)
            assert fetched.status_code == 200
            changes, body = body, fetched.json()
            for key, value in changes.items():
                if value is MISSING:
                    body.pop(key)
                else:
                    body[key] = value
        before = snapshot()
        response = send(newsroom.editor, method, path, body)
        assert_error_shape(response, 400, field)
        assert snapshot() == before


CASE_PARAMETERS = "method, path, body, field"


class TestPeopleBadInput(BadInput):
    """POST people/, PUT and PATCH people/<slug>/."""

    @pytest.mark.parametrize(CASE_PARAMETERS, PEOPLE_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field; the database is unchanged."""
        self.check(newsroom, method, path, body, field)


class TestOrganisationsBadInput(BadInput):
    """POST organisations/, PUT and PATCH organisations/<slug>/."""

    @pytest.mark.parametrize(CASE_PARAMETERS, ORGANISATION_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field; the database is unchanged."""
        self.check(newsroom, method, path, body, field)


class TestRolesBadInput(BadInput):
    """POST roles/, PUT and PATCH roles/<id>/."""

    @pytest.mark.parametrize(CASE_PARAMETERS, ROLE_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field; the database is unchanged."""
        self.check(newsroom, method, path, body, field)


class TestAgreementsBadInput(BadInput):
    """POST agreements/, PUT and PATCH agreements/<slug>/, nested lists too."""

    @pytest.mark.parametrize(CASE_PARAMETERS, AGREEMENT_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field (nested ones by path); nothing written."""
        self.check(newsroom, method, path, body, field)


class TestArticlesBadInput(BadInput):
    """POST articles/, PUT and PATCH articles/<slug>/."""

    @pytest.mark.parametrize(CASE_PARAMETERS, ARTICLE_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field; the database is unchanged."""
        self.check(newsroom, method, path, body, field)


class TestQuotesBadInput(BadInput):
    """POST quotes/, PUT and PATCH quotes/<id>/."""

    @pytest.mark.parametrize(CASE_PARAMETERS, QUOTE_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field; the database is unchanged."""
        self.check(newsroom, method, path, body, field)


class TestMergeBadInput(BadInput):
    """POST people/<slug>/merge/ and organisations/<slug>/merge/."""

    @pytest.mark.parametrize(CASE_PARAMETERS, MERGE_CASES)
    def test_refused(self, newsroom, method, path, body, field):
        """A 400 naming the field; nothing merged."""
        self.check(newsroom, method, path, body, field)


@pytest.mark.parametrize(
    "cases",
    [
        PEOPLE_CASES,
        ORGANISATION_CASES,
        ROLE_CASES,
        AGREEMENT_CASES,
        ARTICLE_CASES,
        QUOTE_CASES,
    ],
)
def test_catalogue_has_post_put_and_patch_cases(cases):
    """Each resource's catalogue exercises POST, PUT and PATCH."""
    assert {case.values[0] for case in cases} == {"POST", "PUT", "PATCH"}


WRITE_TARGETS = [
    ("POST", "people/"),
    ("PATCH", "people/zhang-hanhui/"),
    ("PUT", "people/zhang-hanhui/"),
    ("POST", "people/zhang-hanhui/merge/"),
    ("POST", "organisations/"),
    ("PATCH", "organisations/tass/"),
    ("POST", "organisations/tass/merge/"),
    ("POST", "roles/"),
    ("PATCH", "roles/{role}/"),
    ("POST", "agreements/"),
    ("PUT", f"agreements/{ISS}/"),
    ("POST", "articles/"),
    ("PATCH", "articles/{draft}/"),
    ("POST", "quotes/"),
    ("PUT", "quotes/{draft_quote}/"),
]


class TestMalformedBodies:
    """Bodies that are not a JSON object, not JSON, or too large."""

    @pytest.mark.parametrize("method, path", WRITE_TARGETS)
    @pytest.mark.parametrize(
        "raw", ["[1, 2]", '"a string"', "42", "null", "true"], ids=str
    )
    def test_json_that_is_not_an_object_is_refused(self, newsroom, method, path, raw):
        """A JSON list, string, number or null body answers 400 on detail."""
        before = snapshot()
        response = send(newsroom.editor, method, resolve(path, newsroom), raw=raw)
        assert_error_shape(response, 400, "detail")
        assert snapshot() == before

    @pytest.mark.parametrize("method, path", WRITE_TARGETS)
    @pytest.mark.parametrize(
        "raw",
        [
            '{"name": "A",',
            "{'name': 'A'}",
            '{"name": NaN}',
            '{"name": ' + "9" * 5_000 + "}",
            '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}",
        ],
        ids=["truncated", "single-quotes", "nan", "huge-number", "deeply-nested"],
    )
    def test_malformed_json_is_refused(self, newsroom, method, path, raw):
        """Broken JSON (even nested past the decoder's limit) is 400 on detail."""
        before = snapshot()
        response = send(newsroom.editor, method, resolve(path, newsroom), raw=raw)
        body = assert_error_shape(response, 400, "detail")
        assert "JSON" in body["detail"][0]
        assert snapshot() == before

    def test_unsupported_content_type_is_415(self, newsroom):
        """A body that is neither JSON nor a form answers 415 in the shape."""
        before = snapshot()
        response = newsroom.editor.post(
            API + "people/", "name=Plain", content_type="text/plain"
        )
        assert_error_shape(response, 415, "detail")
        assert snapshot() == before

    @pytest.mark.parametrize("method, path", WRITE_TARGETS)
    def test_body_over_the_upload_limit_is_413(self, newsroom, method, path):
        """A body over DATA_UPLOAD_MAX_MEMORY_SIZE answers 413 in the shape."""
        before = snapshot()
        body = {"description": "d" * 2_000}
        with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1_000):
            response = send(newsroom.editor, method, resolve(path, newsroom), body)
        assert_error_shape(response, 413, "detail")
        assert snapshot() == before

    def test_body_over_the_default_limit_is_413(self, newsroom):
        """With the real limit (1 MiB) a larger article is 413, not parsed."""
        before = snapshot()
        response = send(
            newsroom.editor,
            "POST",
            "articles/",
            post("articles", body="b" * (1_048_576 + 10)),
        )
        assert_error_shape(response, 413, "detail")
        assert snapshot() == before

    def test_form_encoded_body_is_held_to_the_same_rules(self, newsroom):
        """A form-encoded create with an unknown field is refused the same way."""
        before = snapshot()
        response = newsroom.editor.post(
            API + "people/", {"name": "Form Person", "colour": "red"}
        )
        assert_error_shape(response, 400, "colour")
        assert snapshot() == before


class TestUnicode:
    """Names and texts in any script are stored and returned exactly."""

    CASES = {
        "combining marks": "Zoe\u0301 Bro\u0308nte\u0327",
        "right-to-left": "محمد بن سلمان",
        "bidi with marks": "\u202bשלום\u202c Shalom \u200f",
        "emoji": "Astro 🚀 Cat 👩🏽‍🚀",
        "CJK": "张汉晖",
    }

    @pytest.mark.parametrize("name", CASES.values(), ids=CASES.keys())
    def test_person_name_is_stored_and_returned_exactly(self, newsroom, name):
        """A valid name in any script round-trips byte for byte."""
        response = send(
            newsroom.editor,
            "POST",
            "people/",
            {
                "name": name,
                "slug": "unicode-person",
                "description": f"Also known as {name}",
                "aliases": [name[::-1]],
            },
        )
        assert response.status_code == 201, response.content
        person = Person.objects.get(slug="unicode-person")
        assert person.name == name
        assert person.description == f"Also known as {name}"
        assert list(person.aliases.values_list("name", flat=True)) == [name[::-1]]
        fetched = newsroom.editor.get(API + "people/unicode-person/").json()
        assert fetched["name"] == name
        assert fetched["aliases"] == [name[::-1]]
        assert response.json() == fetched

    def test_slug_is_derived_from_a_name_with_combining_marks(self, newsroom):
        """Accents written as combining marks still give a slug."""
        response = send(
            newsroom.editor, "POST", "people/", {"name": "Zoe\u0301 Ba\u0308r"}
        )
        assert response.status_code == 201, response.content
        assert response.json()["slug"] == "zoe-bar"
        assert Person.objects.get(slug="zoe-bar").name == "Zoe\u0301 Ba\u0308r"

    def test_right_to_left_story_and_quote_round_trip(self, newsroom):
        """An Arabic story and a direct quote in it keep every character."""
        body = "قال الوزير «سنبني الجسر» يوم الاثنين 🚀. Zoe\u0301 agreed."
        response = send(
            newsroom.reporter,
            "POST",
            "articles/",
            {"headline": "الجسر", "slug": "al-jisr", "body": body, "language": "ar"},
        )
        assert response.status_code == 201, response.content
        quote = send(
            newsroom.reporter,
            "POST",
            "quotes/",
            {"article": "al-jisr", "text": "سنبني الجسر", "speaker": "pyotr-dubrov"},
        )
        assert quote.status_code == 201, quote.content
        article = Article.objects.get(slug="al-jisr")
        assert article.body == body
        assert article.headline == "الجسر"
        stored = Quote.objects.get(pk=quote.json()["id"])
        assert stored.text == "سنبني الجسر"
        assert body[stored.start : stored.end] == stored.text
        fetched = newsroom.reporter.get(API + "articles/al-jisr/").json()
        assert fetched["body"] == body
        assert fetched["quotes"][0]["text"] == "سنبني الجسر"

    def test_emoji_organisation_with_explicit_slug(self, newsroom):
        """An organisation named only in emoji is fine once it has a slug."""
        response = send(
            newsroom.editor,
            "POST",
            "organisations/",
            {"name": "🛰️ Orbital", "slug": "orbital", "aliases": ["🛰️"]},
        )
        assert response.status_code == 201, response.content
        organisation = Organisation.objects.get(slug="orbital")
        assert organisation.name == "🛰️ Orbital"
        assert response.json()["aliases"] == ["🛰️"]


SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def editor_session(newsroom):
    client = Client()
    client.force_login(newsroom.editor_user)
    return client


class TestMarkup:
    """HTML in a field is text: stored as sent, escaped on every HTML page."""

    def assert_escaped(self, response):
        assert response.status_code == 200
        html = response.content.decode()
        assert SCRIPT not in html
        assert ESCAPED in html

    def test_person_with_script_in_name(self, newsroom, editor_session):
        """Stored exactly; escaped in the admin and the browsable API."""
        name = f"{SCRIPT} Smith"
        response = send(
            newsroom.editor,
            "POST",
            "people/",
            {"name": name, "description": f"<b>bold</b> {SCRIPT}"},
        )
        assert response.status_code == 201, response.content
        person = Person.objects.get(slug=response.json()["slug"])
        assert person.name == name
        assert person.description == f"<b>bold</b> {SCRIPT}"
        assert (
            newsroom.editor.get(API + f"people/{person.slug}/").json()["name"] == name
        )
        self.assert_escaped(
            editor_session.get(
                reverse("admin:entities_person_change", args=[person.pk])
            )
        )
        self.assert_escaped(
            editor_session.get(reverse("admin:entities_person_changelist"))
        )
        self.assert_escaped(
            newsroom.editor.get(API + f"people/{person.slug}/?format=api")
        )
        self.assert_escaped(newsroom.editor.get(API + "people/?format=api"))

    def test_organisation_with_script_in_name(self, newsroom, editor_session):
        """An organisation's name is escaped in its admin page and the API."""
        response = send(
            newsroom.editor,
            "POST",
            "organisations/",
            {"name": f"{SCRIPT} Corp", "slug": "script-corp", "parent": "russia"},
        )
        assert response.status_code == 201, response.content
        organisation = Organisation.objects.get(slug="script-corp")
        assert organisation.name == f"{SCRIPT} Corp"
        self.assert_escaped(
            editor_session.get(
                reverse("admin:entities_organisation_change", args=[organisation.pk])
            )
        )
        self.assert_escaped(
            newsroom.editor.get(API + "organisations/script-corp/?format=api")
        )

    def test_article_and_quote_with_markup(self, newsroom, editor_session):
        """A story whose headline, body and quote hold tags keeps them as text."""
        body = f"The hacker said “{SCRIPT} is harmless” and <i>left</i>."
        response = send(
            newsroom.reporter,
            "POST",
            "articles/",
            {"headline": f"{SCRIPT} headline", "slug": "markup", "body": body},
        )
        assert response.status_code == 201, response.content
        quote = send(
            newsroom.reporter,
            "POST",
            "quotes/",
            {
                "article": "markup",
                "text": f"{SCRIPT} is harmless",
                "speaker": "pyotr-dubrov",
            },
        )
        assert quote.status_code == 201, quote.content
        article = Article.objects.get(slug="markup")
        assert article.body == body
        assert article.headline == f"{SCRIPT} headline"
        assert Quote.objects.get(pk=quote.json()["id"]).text == f"{SCRIPT} is harmless"
        self.assert_escaped(
            editor_session.get(
                reverse("admin:articles_article_change", args=[article.pk])
            )
        )
        self.assert_escaped(newsroom.editor.get(API + "articles/markup/?format=api"))
        self.assert_escaped(
            newsroom.editor.get(API + f"quotes/{quote.json()['id']}/?format=api")
        )

    def test_error_messages_escape_what_was_sent(self, newsroom):
        """A refused value echoed in an error is escaped on the browsable API."""
        response = newsroom.editor.post(
            API + "quotes/?format=api",
            json.dumps(post("quotes", kind=SCRIPT)),
            content_type="application/json",
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert SCRIPT not in html
        assert ESCAPED in html


# --------------------------------------------------------------------------
# 2. Permissions


ANONYMOUS_WRITES = [
    ("POST", "articles/"),
    ("PUT", f"articles/{SEED_ARTICLE}/"),
    ("PATCH", f"articles/{SEED_ARTICLE}/"),
    ("DELETE", f"articles/{SEED_ARTICLE}/"),
    ("PATCH", "articles/{draft}/"),
    ("POST", "quotes/"),
    ("PUT", "quotes/{seed_quote}/"),
    ("PATCH", "quotes/{seed_quote}/"),
    ("DELETE", "quotes/{seed_quote}/"),
    ("POST", "people/"),
    ("PUT", "people/zhang-hanhui/"),
    ("PATCH", "people/zhang-hanhui/"),
    ("DELETE", "people/zhang-hanhui/"),
    ("POST", "people/zhang-hanhui/merge/"),
    ("POST", "organisations/"),
    ("PUT", "organisations/tass/"),
    ("PATCH", "organisations/tass/"),
    ("DELETE", "organisations/tass/"),
    ("POST", "organisations/tass/merge/"),
    ("POST", "roles/"),
    ("PUT", "roles/{role}/"),
    ("PATCH", "roles/{role}/"),
    ("DELETE", "roles/{role}/"),
    ("POST", "agreements/"),
    ("PUT", f"agreements/{ISS}/"),
    ("PATCH", f"agreements/{ISS}/"),
    ("DELETE", f"agreements/{ISS}/"),
]


class TestAnonymous:
    """Anonymous clients read; they never write."""

    @pytest.mark.parametrize("method, path", ANONYMOUS_WRITES)
    def test_anonymous_write_is_401(self, newsroom, method, path):
        """Every write without credentials answers 401 and changes nothing."""
        before = snapshot()
        response = send(
            newsroom.anon, method, resolve(path, newsroom), {"name": "Anonymous"}
        )
        assert_error_shape(response, 401, "detail")
        assert response["WWW-Authenticate"] == "Token"
        assert snapshot() == before

    def test_invalid_token_is_401(self, newsroom):
        """A made-up token is refused, even for a read."""
        client = Client(HTTP_AUTHORIZATION="Token " + "0" * 40)
        assert_error_shape(client.get(API + "people/"), 401, "detail")
        before = snapshot()
        response = send(client, "POST", "people/", {"name": "Intruder"})
        assert_error_shape(response, 401, "detail")
        assert snapshot() == before


class TestReporter:
    """Reporters write drafts and their quotes; editors take it from there."""

    def test_reporter_creates_a_draft_and_a_quote(self, newsroom):
        """A reporter's new story is a draft, and a quote in it is accepted."""
        response = send(newsroom.reporter, "POST", "articles/", post("articles"))
        assert response.status_code == 201, response.content
        assert response.json()["status"] == "draft"
        article = Article.objects.get(slug=response.json()["slug"])
        assert article.status == ArticleStatus.DRAFT
        assert article.published_at is None
        quote = send(
            newsroom.reporter,
            "POST",
            "quotes/",
            {
                "article": article.slug,
                "text": "the station is ready",
                "speaker": "pyotr-dubrov",
                "cue": "said",
            },
        )
        assert quote.status_code == 201, quote.content
        stored = article.quotes.get()
        assert stored.text == "the station is ready"
        assert stored.speaker.slug == "pyotr-dubrov"
        assert stored.organisation.slug == "roscosmos"  # from his role
        assert article.people.filter(slug="pyotr-dubrov").exists()

    def test_reporter_cannot_publish_by_patch(self, newsroom):
        """PATCH status=published by a reporter is 403; the draft stays a draft."""
        before = snapshot()
        response = send(
            newsroom.reporter,
            "PATCH",
            "articles/draft-bridge/",
            {"status": "published", "headline": "Sneaky"},
        )
        body = assert_error_shape(response, 403, "status")
        assert "editor" in body["status"][0]
        newsroom.draft.refresh_from_db()
        assert newsroom.draft.status == ArticleStatus.DRAFT
        assert newsroom.draft.headline == "Draft: the bridge"
        assert snapshot() == before
        assert newsroom.anon.get(API + "articles/draft-bridge/").status_code == 404

    def test_reporter_cannot_create_a_published_story(self, newsroom):
        """Creating with status=published is 403 and creates nothing."""
        before = snapshot()
        response = send(
            newsroom.reporter, "POST", "articles/", post("articles", status="published")
        )
        assert_error_shape(response, 403, "status")
        assert snapshot() == before

    def test_reporter_submits_for_review(self, newsroom):
        """draft → in_review is a reporter's move."""
        response = send(
            newsroom.reporter,
            "PATCH",
            "articles/draft-bridge/",
            {"status": "in_review"},
        )
        assert response.status_code == 200, response.content
        newsroom.draft.refresh_from_db()
        assert newsroom.draft.status == ArticleStatus.IN_REVIEW

    @pytest.mark.parametrize(
        "method, path, body",
        [
            ("PATCH", "articles/review-tunnel/", {"headline": "Changed"}),
            ("PUT", "articles/review-tunnel/", {"headline": "Changed", "body": "B"}),
            ("PATCH", "articles/review-tunnel/", {"status": "draft"}),
            ("PATCH", f"articles/{SEED_ARTICLE}/", {"standfirst": "Changed"}),
            ("PATCH", "quotes/{review_quote}/", {"cue": "shouted"}),
            ("DELETE", "quotes/{review_quote}/", None),
            ("PATCH", "quotes/{seed_quote}/", {"cue": "shouted"}),
            ("DELETE", "quotes/{seed_quote}/", None),
            (
                "POST",
                "quotes/",
                {
                    "article": "review-tunnel",
                    "text": "dig the tunnel",
                    "speaker": "pyotr-dubrov",
                    "kind": "partial",
                },
            ),
            ("PATCH", "quotes/{draft_quote}/", {"article": SEED_ARTICLE}),
        ],
        ids=[
            "patch-in-review",
            "put-in-review",
            "return-to-draft",
            "patch-published",
            "patch-quote-in-review",
            "delete-quote-in-review",
            "patch-quote-published",
            "delete-quote-published",
            "add-quote-to-in-review",
            "move-quote-into-published",
        ],
    )
    def test_reporter_cannot_touch_submitted_stories(
        self, newsroom, method, path, body
    ):
        """In-review and published stories and their quotes are editors' only."""
        before = snapshot()
        response = send(newsroom.reporter, method, resolve(path, newsroom), body)
        assert_error_shape(response, 403, "detail")
        assert snapshot() == before

    @pytest.mark.parametrize(
        "method, path",
        [
            ("DELETE", "people/pyotr-dubrov/"),
            ("DELETE", "organisations/europe/"),
            ("DELETE", "articles/draft-bridge/"),
            ("POST", "agreements/"),
            ("PATCH", f"agreements/{ISS}/"),
        ],
    )
    def test_reporter_lacks_the_permission(self, newsroom, method, path):
        """Deleting registry records and editing agreements need an editor."""
        before = snapshot()
        response = send(newsroom.reporter, method, path, post("agreements"))
        assert_error_shape(response, 403, "detail")
        assert snapshot() == before

    def test_reporter_edits_own_draft_and_the_registry(self, newsroom):
        """Draft edits and registry entries are within a reporter's rights."""
        response = send(
            newsroom.reporter,
            "PATCH",
            "articles/draft-bridge/",
            {"headline": "The bridge, revised", "people": [{"person": "zhang-hanhui"}]},
        )
        assert response.status_code == 200, response.content
        newsroom.draft.refresh_from_db()
        assert newsroom.draft.headline == "The bridge, revised"
        # The quoted speaker stays mentioned beside the one asked for.
        assert set(newsroom.draft.people.values_list("slug", flat=True)) == {
            "zhang-hanhui",
            "pyotr-dubrov",
        }
        response = send(newsroom.reporter, "POST", "people/", post("people"))
        assert response.status_code == 201
        assert Person.objects.filter(slug="valentina-tereshkova").exists()


class TestEditor:
    """Editors may do everything, within the rules."""

    @pytest.mark.parametrize(
        "method, path, body, status",
        [
            ("POST", "people/", post("people"), 201),
            ("PATCH", "people/zhang-hanhui/", {"description": "Ambassador"}, 200),
            ("POST", "organisations/", post("organisations"), 201),
            ("PATCH", "organisations/europe/", {"country": "BE"}, 200),
            ("POST", "roles/", post("roles"), 201),
            ("PATCH", "roles/{role}/", {"title": "Head"}, 200),
            ("DELETE", "roles/{role}/", None, 204),
            ("POST", "agreements/", post("agreements"), 201),
            ("PATCH", f"agreements/{MOON}/", {"scope": "The Moon"}, 200),
            ("POST", "articles/", post("articles"), 201),
            ("PATCH", f"articles/{SEED_ARTICLE}/", {"standfirst": "New"}, 200),
            ("PATCH", "articles/review-tunnel/", {"headline": "Tunnel"}, 200),
            ("POST", "quotes/", post("quotes"), 201),
            ("PATCH", "quotes/{seed_quote}/", {"cue": "stressed"}, 200),
            ("DELETE", "quotes/{seed_quote}/", None, 204),
            ("DELETE", "articles/draft-bridge/", None, 204),
        ],
    )
    def test_editor_writes(self, newsroom, method, path, body, status):
        """An editor's valid write succeeds and reaches the database."""
        path = resolve(path, newsroom)
        before = snapshot()
        response = send(newsroom.editor, method, path, body)
        assert response.status_code == status, response.content
        assert snapshot() != before
        if status == 204:
            assert newsroom.editor.get(API + path).status_code == 404
        else:
            where = response["Location"] if status == 201 else API + path
            assert newsroom.editor.get(where).json() == response.json()

    def test_editor_publishes_and_the_story_goes_public(self, newsroom):
        """PATCH status=published by an editor is 200 and anyone can read it."""
        assert newsroom.anon.get(API + "articles/draft-bridge/").status_code == 404
        response = send(
            newsroom.editor, "PATCH", "articles/draft-bridge/", {"status": "published"}
        )
        assert response.status_code == 200, response.content
        assert response.json()["status"] == "published"
        newsroom.draft.refresh_from_db()
        assert newsroom.draft.status == ArticleStatus.PUBLISHED
        assert newsroom.draft.published_at is not None
        public = newsroom.anon.get(API + "articles/draft-bridge/")
        assert public.status_code == 200
        assert public.json()["headline"] == "Draft: the bridge"
        quote = newsroom.anon.get(API + f"quotes/{newsroom.draft_quote.pk}/")
        assert quote.status_code == 200

    def test_editor_archives_a_published_story(self, newsroom):
        """published → archived takes it out of public view."""
        response = send(
            newsroom.editor,
            "PATCH",
            f"articles/{SEED_ARTICLE}/",
            {"status": "archived"},
        )
        assert response.status_code == 200, response.content
        assert Article.objects.get(slug=SEED_ARTICLE).status == ArticleStatus.ARCHIVED
        assert newsroom.anon.get(API + f"articles/{SEED_ARTICLE}/").status_code == 404


class TestProtectedDeletes:
    """A record others refer to cannot be deleted: 409, nothing deleted."""

    @pytest.mark.parametrize(
        "path, kinds",
        [
            ("people/zhang-hanhui/", "quotes"),
            ("organisations/russia/", "organisations"),
            ("organisations/tass/", "quotes"),
            (f"articles/{SEED_ARTICLE}/", "status changes"),
            (f"agreements/{ISS}/", "agreements mentioned"),
        ],
    )
    def test_delete_of_a_referenced_record_is_409(self, newsroom, path, kinds):
        """The 409 names what refers to it and the database is unchanged."""
        before = snapshot()
        response = send(newsroom.editor, "DELETE", path)
        body = assert_error_shape(response, 409, "detail")
        assert kinds in body["detail"][0]
        assert snapshot() == before

    def test_unreferenced_person_is_deleted(self, newsroom):
        """A person nobody refers to goes, aliases and all."""
        person = entity_services.person_create(name="Lonely Soul", aliases=["Soul"])
        response = send(newsroom.editor, "DELETE", "people/lonely-soul/")
        assert response.status_code == 204
        assert response.content == b""
        assert not Person.objects.filter(pk=person.pk).exists()
        assert not PersonAlias.objects.filter(person_id=person.pk).exists()


class TestMerge:
    """Merging deletes the duplicate, so it needs the delete permission."""

    @pytest.fixture
    def duplicate(self, newsroom):
        person = entity_services.person_create(name="Zhang H.", slug="zhang-h")
        article_services.quote_create(
            article=newsroom.draft,
            text="build the bridge",
            kind=QuoteKind.PARTIAL,
            speaker=person,
        )
        return person

    def test_reporter_cannot_merge(self, newsroom, duplicate):
        """A reporter's merge is 403 and both records stay."""
        before = snapshot()
        response = send(
            newsroom.reporter,
            "POST",
            "people/zhang-hanhui/merge/",
            {"duplicate": "zhang-h"},
        )
        assert_error_shape(response, 403, "detail")
        assert snapshot() == before

    def test_editor_merges(self, newsroom, duplicate):
        """An editor's merge moves the quotes and retires the duplicate."""
        response = send(
            newsroom.editor,
            "POST",
            "people/zhang-hanhui/merge/",
            {"duplicate": "zhang-h"},
        )
        assert response.status_code == 200, response.content
        assert "Zhang H." in response.json()["aliases"]
        assert not Person.objects.filter(slug="zhang-h").exists()
        survivor = Person.objects.get(slug="zhang-hanhui")
        assert survivor.quotes.filter(article=newsroom.draft).count() == 1
        record = MergeRecord.objects.get(old_slug="zhang-h")
        assert record.survivor_person == survivor
        assert record.merged_by == newsroom.editor_user
        redirect = newsroom.editor.get(API + "people/zhang-h/")
        assert redirect.status_code == 301
        assert redirect["Location"].endswith("/people/zhang-hanhui/")

    def test_merge_honours_if_match(self, newsroom, duplicate):
        """A merge based on a stale survivor is 412; with its ETag, 200."""
        path = API + "people/zhang-hanhui/"
        stale = newsroom.editor.get(path)["ETag"]
        send(newsroom.editor, "PATCH", "people/zhang-hanhui/", {"description": "E"})
        before = snapshot()
        response = send(
            newsroom.editor,
            "POST",
            "people/zhang-hanhui/merge/",
            {"duplicate": "zhang-h"},
            HTTP_IF_MATCH=stale,
        )
        assert_error_shape(response, 412, "detail")
        assert snapshot() == before
        response = send(
            newsroom.editor,
            "POST",
            "people/zhang-hanhui/merge/",
            {"duplicate": "zhang-h"},
            HTTP_IF_MATCH=newsroom.editor.get(path)["ETag"],
        )
        assert response.status_code == 200, response.content
        assert not Person.objects.filter(slug="zhang-h").exists()

    def test_merging_an_ancestor_into_its_grandchild_is_refused(self, newsroom):
        """The refusal names the request's field, and nothing moves."""
        entity_services.organisation_create(
            name="Launch Office",
            kind="agency",
            parent=Organisation.objects.get(slug="roscosmos"),
        )
        before = snapshot()
        response = send(
            newsroom.editor,
            "POST",
            "organisations/launch-office/merge/",
            {"duplicate": "russia"},
        )
        body = assert_error_shape(response, 400, "duplicate")
        assert "other way round" in body["duplicate"][0]
        assert snapshot() == before

    def test_editor_merges_organisations(self, newsroom):
        """Organisations merge the same way."""
        entity_services.organisation_create(name="TASS agency", kind="news_agency")
        response = send(
            newsroom.editor,
            "POST",
            "organisations/tass/merge/",
            {"duplicate": "tass-agency"},
        )
        assert response.status_code == 200, response.content
        assert not Organisation.objects.filter(slug="tass-agency").exists()
        assert "TASS agency" in response.json()["aliases"]


# --------------------------------------------------------------------------
# 3. Conditional requests


DETAILS = [
    f"articles/{SEED_ARTICLE}/",
    "quotes/{seed_quote}/",
    "people/zhang-hanhui/",
    "organisations/roscosmos/",
    f"agreements/{ISS}/",
    "roles/{role}/",
]

# A harmless change for each detail.
CHANGES = {
    "articles": {"standfirst": "A new standfirst."},
    "quotes": {"cue": "insisted"},
    "people": {"description": "A new description."},
    "organisations": {"description": "A new description."},
    "agreements": {"scope": "A new scope."},
    "roles": {"title": "A new title"},
}


def change_for(path: str) -> dict:
    return CHANGES[path.split("/")[0]]


def fields_of(path: str, newsroom) -> dict:
    """The stored row behind a detail URL."""
    collection, key = path.strip("/").split("/")
    model = {
        "articles": Article,
        "quotes": Quote,
        "people": Person,
        "organisations": Organisation,
        "agreements": Agreement,
        "roles": Role,
    }[collection]
    lookup = {"pk": int(key)} if key.isdigit() else {"slug": key}
    return model.objects.filter(**lookup).values().get()


class TestConditionalRequests:
    """ETags on every detail; If-None-Match, If-Match and If-Modified-Since."""

    @pytest.mark.parametrize("path", DETAILS)
    @pytest.mark.parametrize("who", ["anon", "editor"])
    def test_detail_has_etag_and_if_none_match_gives_304(self, newsroom, path, who):
        """The ETag comes back as 304 with an empty body."""
        client = getattr(newsroom, who)
        path = API + resolve(path, newsroom)
        first = client.get(path)
        assert first.status_code == 200
        etag = first["ETag"]
        assert etag.startswith('"') and etag.endswith('"')
        assert client.get(path)["ETag"] == etag
        again = client.get(path, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
        other = client.get(path, HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200

    @pytest.mark.parametrize("path", DETAILS)
    def test_changed_record_no_longer_matches_its_old_etag(self, newsroom, path):
        """After a write the old ETag gives the new representation."""
        path = resolve(path, newsroom)
        old = newsroom.editor.get(API + path)["ETag"]
        written = send(newsroom.editor, "PATCH", path, change_for(path))
        assert written.status_code == 200, written.content
        assert written["ETag"] != old
        fresh = newsroom.editor.get(API + path, HTTP_IF_NONE_MATCH=old)
        assert fresh.status_code == 200
        assert fresh["ETag"] == written["ETag"]

    @pytest.mark.parametrize("path", DETAILS)
    @pytest.mark.parametrize("method", ["PATCH", "PUT", "DELETE"])
    def test_stale_if_match_is_412(self, newsroom, path, method):
        """A write based on an old ETag is refused and changes nothing."""
        path = resolve(path, newsroom)
        fetched = newsroom.editor.get(API + path)
        stale = fetched["ETag"]
        body = {**fetched.json(), **change_for(path)} if method == "PUT" else None
        changed = send(newsroom.editor, "PATCH", path, {**change_for(path)})
        assert changed.status_code == 200
        row = fields_of(path, newsroom)
        before = snapshot()
        response = send(
            newsroom.editor,
            method,
            path,
            body if method == "PUT" else change_for(path),
            HTTP_IF_MATCH=stale,
        )
        assert_error_shape(response, 412, "detail")
        assert fields_of(path, newsroom) == row
        assert snapshot() == before

    @pytest.mark.parametrize("path", DETAILS)
    @pytest.mark.parametrize("method", ["PATCH", "PUT"])
    def test_current_if_match_writes(self, newsroom, path, method):
        """With the current ETag (or a list holding it) the write goes through."""
        path = resolve(path, newsroom)
        fetched = newsroom.editor.get(API + path)
        body = change_for(path)
        if method == "PUT":
            body = {**fetched.json(), **body}
        response = send(
            newsroom.editor,
            method,
            path,
            body,
            HTTP_IF_MATCH=f'"nope", {fetched["ETag"]}',
        )
        assert response.status_code == 200, response.content
        key, value = next(iter(change_for(path).items()))
        assert fields_of(path, newsroom)[key] == value

    @pytest.mark.parametrize(
        "path",
        [
            "roles/{role}/",
            "quotes/{draft_quote}/",
            "people/{lonely}/",
            "agreements/{lonely_agreement}/",
        ],
    )
    def test_current_if_match_deletes(self, newsroom, path):
        """DELETE with the current ETag is 204 and the record is gone."""
        entity_services.person_create(name="Lonely Soul")
        entity_services.agreement_create(title="Lonely pact", kind="other")
        newsroom.ids.update(lonely="lonely-soul", lonely_agreement="lonely-pact")
        path = resolve(path, newsroom)
        etag = newsroom.editor.get(API + path)["ETag"]
        response = send(newsroom.editor, "DELETE", path, HTTP_IF_MATCH=etag)
        assert response.status_code == 204, response.content
        assert newsroom.editor.get(API + path).status_code == 404

    def test_if_match_star_always_matches(self, newsroom):
        """If-Match: * means "if it exists"."""
        response = send(
            newsroom.editor,
            "PATCH",
            "people/zhang-hanhui/",
            {"description": "Envoy"},
            HTTP_IF_MATCH="*",
        )
        assert response.status_code == 200
        assert Person.objects.get(slug="zhang-hanhui").description == "Envoy"

    def test_quote_last_modified_and_if_modified_since(self, newsroom):
        """Quotes carry Last-Modified; If-Modified-Since with it gives 304."""
        path = API + f"quotes/{newsroom.seed_quote.pk}/"
        first = newsroom.anon.get(path)
        modified = first["Last-Modified"]
        assert modified == http_date(newsroom.seed_quote.updated_at.timestamp())
        again = newsroom.anon.get(path, HTTP_IF_MODIFIED_SINCE=modified)
        assert again.status_code == 304
        assert again.content == b""
        earlier = http_date(
            (newsroom.seed_quote.updated_at - datetime.timedelta(days=1)).timestamp()
        )
        assert (
            newsroom.anon.get(path, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
        )

    def test_lists_have_etags_too(self, newsroom):
        """A list answers 304 to its own ETag."""
        first = newsroom.anon.get(API + "people/")
        again = newsroom.anon.get(API + "people/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304


class TestLostRace:
    """A write that loses a race with another answers 412, never 500."""

    @pytest.fixture
    def racing(self, monkeypatch):
        """Someone else saves the record right after the API loads it."""
        original = ServiceWriteMixin.check_if_match

        def check_then_lose_race(view, request, instance):
            original(view, request, instance)
            type(instance).objects.filter(pk=instance.pk).update(
                version=F("version") + 1
            )

        monkeypatch.setattr(ServiceWriteMixin, "check_if_match", check_then_lose_race)

    @pytest.mark.parametrize(
        "path, model",
        [
            ("people/zhang-hanhui/", Person),
            ("organisations/roscosmos/", Organisation),
            (f"agreements/{ISS}/", Agreement),
            (f"articles/{SEED_ARTICLE}/", Article),
        ],
    )
    def test_racing_patch_is_412(self, newsroom, racing, path, model):
        """The compare-and-set fails: 412 naming the conflict, nothing saved."""
        key = path.split("/")[1]
        row = model.objects.filter(slug=key).values().get()
        change = change_for(path)
        response = send(newsroom.editor, "PATCH", path, change)
        body = assert_error_shape(response, 412, "detail")
        assert "changed" in body["detail"][0]
        after = model.objects.filter(slug=key).values().get()
        field = next(iter(change))
        assert after[field] == row[field]

    def test_stale_expected_version_through_the_service(self, newsroom):
        """The service refuses a stale expected_version with EditConflict."""
        person = Person.objects.get(slug="zhang-hanhui")
        person.description = "Stale"
        with pytest.raises(entity_services.EditConflict):
            entity_services.person_save(
                person=person, expected_version=person.version - 1
            )
        assert Person.objects.get(pk=person.pk).description != "Stale"


# --------------------------------------------------------------------------
# 4. Tokens


class TestApiTokenCommand:
    """``manage.py api_token`` issues, rotates and revokes tokens."""

    def run(self, *args) -> str:
        out = io.StringIO()
        call_command("api_token", *args, stdout=out, stderr=io.StringIO())
        return out.getvalue().strip()

    def test_issue_rotate_revoke(self, newsroom):
        """The printed token works; rotating kills it; revoking kills the new one."""
        Token.objects.filter(user=newsroom.editor_user).delete()
        key = self.run("eddie")
        assert len(key) == 40
        assert self.run("eddie") == key  # shown again, not replaced
        client = Client(HTTP_AUTHORIZATION=f"Token {key}")
        response = send(client, "PATCH", "people/zhang-hanhui/", {"description": "A"})
        assert response.status_code == 200
        assert Person.objects.get(slug="zhang-hanhui").description == "A"

        rotated = self.run("eddie", "--rotate")
        assert rotated != key
        assert_error_shape(client.get(API + "people/"), 401, "detail")
        response = send(client, "PATCH", "people/zhang-hanhui/", {"description": "B"})
        assert_error_shape(response, 401, "detail")
        assert Person.objects.get(slug="zhang-hanhui").description == "A"
        fresh = Client(HTTP_AUTHORIZATION=f"Token {rotated}")
        assert send(fresh, "PATCH", "people/zhang-hanhui/", {}).status_code == 200

        self.run("eddie", "--revoke")
        assert not Token.objects.filter(user=newsroom.editor_user).exists()
        assert_error_shape(fresh.get(API + "people/"), 401, "detail")
        assert "had no token" in self.run("eddie", "--revoke")

    def test_unknown_or_inactive_user(self, newsroom):
        """No token for a user who does not exist or is inactive."""
        from django.core.management import CommandError

        with pytest.raises(CommandError):
            self.run("nobody")
        newsroom.reporter_user.is_active = False
        newsroom.reporter_user.save()
        Token.objects.filter(user=newsroom.reporter_user).delete()
        with pytest.raises(CommandError):
            self.run("rita")
        assert not Token.objects.filter(user=newsroom.reporter_user).exists()


# --------------------------------------------------------------------------
# 5. Abuse limits


@pytest.fixture
def throttled(monkeypatch):
    """Rates low enough to hit: 3/minute anonymous, 5/minute per user."""
    monkeypatch.setattr(
        AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "5/minute"}
    )
    monkeypatch.setattr(
        UserRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "5/minute"}
    )
    cache.clear()
    yield
    cache.clear()


class TestAbuseLimits:
    """Throttling, page size and CORS."""

    def test_anonymous_requests_beyond_the_rate_get_429(self, newsroom, throttled):
        """The fourth anonymous request in a minute is 429 with Retry-After."""
        for _ in range(3):
            assert newsroom.anon.get(API + "people/").status_code == 200
        response = newsroom.anon.get(API + "organisations/")
        assert_error_shape(response, 429, "detail")
        assert int(response["Retry-After"]) > 0
        # Users are counted separately.
        assert newsroom.editor.get(API + "people/").status_code == 200

    def test_user_requests_beyond_the_rate_get_429(self, newsroom, throttled):
        """A token holder is throttled too, writes included, and nothing is saved."""
        for _ in range(5):
            assert newsroom.editor.get(API + "people/").status_code == 200
        before = snapshot()
        response = send(newsroom.editor, "POST", "people/", post("people"))
        assert_error_shape(response, 429, "detail")
        assert "Retry-After" in response
        assert snapshot() == before
        assert newsroom.reporter.get(API + "people/").status_code == 200

    def test_test_settings_do_not_throttle(self, newsroom):
        """Without the patch, the suite's rates leave room for many requests."""
        cache.clear()
        for _ in range(10):
            assert newsroom.anon.get(API + "people/").status_code == 200

    @pytest.mark.parametrize("size", ["101", "1000", "0", "-1", "ten", "1.5"])
    @pytest.mark.parametrize("collection", ["articles", "quotes", "people", "roles"])
    def test_page_size_outside_1_to_100_is_400(self, newsroom, collection, size):
        """page_size must be a whole number from 1 to 100."""
        response = newsroom.anon.get(API + f"{collection}/?page_size={size}")
        assert_error_shape(response, 400, "page_size")

    def test_page_size_100_is_fine(self, newsroom):
        """The maximum itself is accepted."""
        response = newsroom.anon.get(API + "quotes/?page_size=100")
        assert response.status_code == 200
        assert len(response.json()["results"]) == Quote.objects.public().count()

    @override_settings(CORS_ALLOWED_ORIGINS=["https://app.example"])
    def test_cors_allows_only_the_configured_origin(self, newsroom):
        """The configured origin gets Access-Control-Allow-Origin; others don't."""
        allowed = newsroom.anon.get(API + "people/", HTTP_ORIGIN="https://app.example")
        assert allowed["Access-Control-Allow-Origin"] == "https://app.example"
        assert "ETag" in allowed["Access-Control-Expose-Headers"]
        other = newsroom.anon.get(API + "people/", HTTP_ORIGIN="https://evil.example")
        assert other.status_code == 200
        assert "Access-Control-Allow-Origin" not in other
        admin = newsroom.anon.get("/admin/login/", HTTP_ORIGIN="https://app.example")
        assert "Access-Control-Allow-Origin" not in admin

    @override_settings(CORS_ALLOWED_ORIGINS=["https://app.example"])
    def test_cors_preflight_allows_if_match(self, newsroom):
        """A front end on the allowed origin may send If-Match with its write."""
        response = newsroom.anon.options(
            API + "people/zhang-hanhui/",
            HTTP_ORIGIN="https://app.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type, if-match",
        )
        assert "if-match" in response["Access-Control-Allow-Headers"].lower()

    @override_settings(CORS_ALLOWED_ORIGINS=["https://app.example"])
    def test_cors_preflight_for_a_write(self, newsroom):
        """A browser's preflight for a token-authenticated PATCH is allowed."""
        response = newsroom.anon.options(
            API + "people/zhang-hanhui/",
            HTTP_ORIGIN="https://app.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
        )
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "https://app.example"
        assert "PATCH" in response["Access-Control-Allow-Methods"]
        allowed = response["Access-Control-Allow-Headers"].lower()
        assert "authorization" in allowed
        assert "content-type" in allowed
        refused = newsroom.anon.options(
            API + "people/zhang-hanhui/",
            HTTP_ORIGIN="https://evil.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        )
        assert "Access-Control-Allow-Origin" not in refused


# --------------------------------------------------------------------------
# 6. What a write answers is what a read shows


def created_path(response) -> str:
    location = response["Location"]
    return location.split(API, 1)[1]


CONFORMING_WRITES = [
    ("POST", "people/", post("people", description="Cosmonaut 🚀")),
    ("PUT", "people/zhang-hanhui/", {"aliases": ["Hanhui", "张汉晖"]}),
    ("PATCH", "people/zhang-hanhui/", {"description": "Envoy", "wikidata_id": "Q7"}),
    ("POST", "people/zhang-hanhui/merge/", {"duplicate": "pyotr-dubrov"}),
    ("POST", "organisations/", post("organisations", parent="europe", country="FR")),
    ("PUT", "organisations/roscosmos/", {"parent": None, "kind": "company"}),
    ("PATCH", "organisations/tass/", {"aliases": ["ТАСС"], "parent": "russia"}),
    ("POST", "organisations/china/merge/", {"duplicate": "united-states"}),
    ("POST", "roles/", post("roles")),
    ("PUT", "roles/{role}/", {"end_date": None}),
    ("PATCH", "roles/{role}/", {"organisation": {"slug": "russia"}}),
    ("POST", "agreements/", post("agreements")),
    (
        "PUT",
        f"agreements/{ISS}/",
        {"parties": [{"organisation": "russia", "role": "party"}]},
    ),
    (
        "PATCH",
        f"agreements/{MOON}/",
        {
            "status_history": [
                {"date": "2017-01-01", "status": "signed"},
                {"date": "2021-03-09", "status": "in_force", "party": "china"},
            ]
        },
    ),
    ("POST", "articles/", post("articles", authors=["pyotr-dubrov"], source="tass")),
    ("PUT", "articles/{draft}/", {"standfirst": "Bridges", "status": "in_review"}),
    (
        "PATCH",
        f"articles/{SEED_ARTICLE}/",
        {"agreements": [{"agreement": ISS, "about": True}], "language": "en-gb"},
    ),
    ("POST", "quotes/", post("quotes", cue="said", said_on="2024-01-02")),
    ("PUT", "quotes/{draft_quote}/", {"kind": "partial", "text": "build the bridge"}),
    ("PATCH", "quotes/{seed_quote}/", {"outlet": None, "cue": "told reporters"}),
]


class TestWritesConform:
    """A write's response is the read representation, with the read's ETag."""

    @pytest.mark.parametrize(
        "method, path, body",
        CONFORMING_WRITES,
        ids=[
            f"{m}-{p.split('/')[0]}-{i}"
            for i, (m, p, _) in enumerate(CONFORMING_WRITES)
        ],
    )
    def test_write_response_equals_the_read(self, newsroom, method, path, body):
        """GET after the write returns the same body and ETag."""
        path = resolve(path, newsroom)
        changes = body
        if method == "PUT":
            body = {**newsroom.editor.get(API + path).json(), **changes}
        response = send(newsroom.editor, method, path, body)
        assert response.status_code in (200, 201), response.content
        if method == "POST" and response.status_code == 201:
            read_path = created_path(response)
        else:
            read_path = path.removesuffix("merge/")
        read = newsroom.editor.get(API + read_path)
        assert read.status_code == 200
        assert response.json() == read.json()
        assert response["ETag"] == read["ETag"]
        for key, value in changes.items():
            if key in ("duplicate", "status_history", "parties", "agreements"):
                continue
            shown = read.json()[key]
            if isinstance(shown, dict) and shown and "slug" in shown:
                shown = shown["slug"]
            elif isinstance(shown, list) and shown and isinstance(shown[0], dict):
                shown = [item.get("slug") for item in shown]
            if isinstance(value, dict) and "slug" in value:
                value = value["slug"]
            if key in ("said_on", "published_at") and value is None:
                continue
            assert shown == value, key

    @pytest.mark.parametrize("path", DETAILS)
    def test_put_of_what_was_fetched_changes_nothing_visible(self, newsroom, path):
        """Sending back the fetched representation is accepted and idempotent."""
        path = resolve(path, newsroom)
        fetched = newsroom.editor.get(API + path)
        response = send(
            newsroom.editor, "PUT", path, fetched.json(), HTTP_IF_MATCH=fetched["ETag"]
        )
        assert response.status_code == 200, response.content
        assert response.json() == fetched.json()
        assert response["ETag"] == fetched["ETag"]

    def test_created_nested_agreement_is_stored_as_sent(self, newsroom):
        """Parties and status history of a new agreement reach the database."""
        response = send(
            newsroom.editor,
            "POST",
            "agreements/",
            post(
                "agreements",
                parties=[
                    {"organisation": "united-states"},
                    {"organisation": {"slug": "europe"}, "role": "party"},
                ],
                status_history=[
                    {
                        "date": "2020-10-13",
                        "status": "signed",
                        "party": "united-states",
                    },
                    {
                        "date": "2022-05-03",
                        "status": "in_force",
                        "article": SEED_ARTICLE,
                        "note": "Reported.",
                    },
                ],
            ),
        )
        assert response.status_code == 201, response.content
        agreement = Agreement.objects.get(slug="artemis-accords")
        assert agreement.status == "in_force"
        assert sorted(agreement.parties.values_list("organisation__slug", "role")) == [
            ("europe", "party"),
            ("united-states", "signatory"),
        ]
        assert list(
            agreement.status_changes.order_by("date").values_list(
                "status", "party__slug", "article__slug", "note"
            )
        ) == [
            ("signed", "united-states", None, ""),
            ("in_force", None, SEED_ARTICLE, "Reported."),
        ]
        assert response.json()["status"] == "in_force"
        assert [c["status"] for c in response.json()["status_history"]] == [
            "signed",
            "in_force",
        ]

    def test_published_time_round_trips(self, newsroom):
        """A scheduled publication time is stored and shown as sent."""
        when = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
        response = send(
            newsroom.editor,
            "PATCH",
            "articles/draft-bridge/",
            {"published_at": when.isoformat(), "status": "published"},
        )
        assert response.status_code == 200, response.content
        newsroom.draft.refresh_from_db()
        assert newsroom.draft.published_at == when
        assert newsroom.anon.get(API + "articles/draft-bridge/").status_code == 404


class TestArticleSaveQueries:
    """Saving an article relocates its quotes in one query, not a round of
    validation queries per quote; a quote its edit moved costs its own UPDATE
    and history row, and nothing more."""

    @pytest.fixture(params=[1, 12], ids=["1-quote", "12-quotes"])
    def article(self, request):
        speaker = PersonFactory()
        words = [f"Line {n} of the plan is ready," for n in range(request.param)]
        article = ArticleFactory(
            body=" ".join(f"“{said}” the minister said." for said in words)
        )
        for said in words:
            QuoteFactory(article=article, speaker=speaker, text=said)
        assert article.quotes.count() == request.param
        return article

    @staticmethod
    def patch(client, article, change: dict):
        response = client.patch(
            f"{API}articles/{article.slug}/",
            data=json.dumps(change),
            content_type="application/json",
        )
        return response

    def test_headline_change_costs_the_same_with_many_quotes(
        self, editor_client, article, django_assert_num_queries
    ):
        # Session, user, the article with its links and quotes (loaded twice:
        # to write, then to answer), the slug check, two constraint checks,
        # the versioned update, its history row, the authors' sync and the
        # savepoints around them.
        with django_assert_num_queries(34):
            response = self.patch(editor_client, article, {"headline": "Updated"})
        assert response.status_code == 200, response.content

    def test_body_edit_moving_every_quote(
        self, editor_client, article, django_assert_num_queries
    ):
        """Each moved quote: its UPDATE and its history row. Its speaker's
        visibility is not recomputed, since neither its links nor its
        article's publication time changed."""
        moved = article.quotes.count()
        with django_assert_num_queries(34 + 2 * moved):
            response = self.patch(
                editor_client, article, {"body": "Update: " + article.body}
            )
        assert response.status_code == 200, response.content
        starts = sorted(article.quotes.values_list("start", flat=True))
        assert starts[0] == len("Update: “")

    def test_body_edit_losing_a_quote_writes_nothing(
        self, editor_client, article, django_assert_num_queries
    ):
        """Refused before any quote is written."""
        version = article.version
        with django_assert_num_queries(31):
            response = self.patch(
                editor_client, article, {"body": article.body.replace("Line 0", "")}
            )
        assert response.status_code == 400
        assert "body" in response.json()
        article.refresh_from_db()
        assert article.version == version
