"""Quotes from unnamed and group sources ("a spokesman", "officials"): a
quote has a named speaker or a source description, never neither, and the
admin, the API (fields, filters, JSON-LD) and the export show them as such."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from articles import services
from articles.models import Quote, QuoteKind
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
BODY = "A spokesman said “we will build the bridge” on Monday. Officials agreed."


@pytest.fixture
def unnamed():
    ministry = OrganisationFactory(name="Ministry of Works", slug="works")
    article = ArticleFactory(body=BODY, headline="Bridge plan", slug="bridge-plan")
    quote = services.quote_create(
        article=article,
        text="we will build the bridge",
        kind=QuoteKind.PARTIAL,
        speaker=None,
        source_description="a  spokesman",
        organisation=ministry,
        cue="said",
    )
    named = services.quote_create(
        article=article,
        text="Officials agreed",
        kind=QuoteKind.INDIRECT,
        speaker=PersonFactory(name="Ann Lee", slug="ann-lee"),
    )
    return quote, named


class TestModel:
    def test_unnamed_quote_is_saved_with_its_description(self, unnamed):
        quote, _ = unnamed
        quote.refresh_from_db()
        assert quote.speaker is None
        assert quote.source_description == "a spokesman"  # white space folded
        assert quote.organisation.slug == "works"
        assert str(quote) == "a spokesman (unnamed): “we will build the bridge”"

    def test_neither_speaker_nor_description_is_a_field_error(self):
        article = ArticleFactory(body=BODY)
        with pytest.raises(ValidationError) as refused:
            services.quote_create(
                article=article, text="we will build the bridge", speaker=None
            )
        assert "speaker" in refused.value.message_dict
        assert not Quote.objects.exists()

    def test_database_refuses_a_quote_with_no_source(self, unnamed):
        quote, _ = unnamed
        with pytest.raises(IntegrityError), transaction.atomic():
            Quote.objects.filter(pk=quote.pk).update(source_description="")


class TestAdmin:
    def test_list_marks_unnamed_sources(self, admin_client, unnamed):
        response = admin_client.get("/admin/articles/quote/")
        assert response.status_code == 200
        assert "a spokesman (unnamed)" in response.content.decode()
        filtered = admin_client.get("/admin/articles/quote/?speaker__isempty=1")
        assert filtered.status_code == 200
        html = filtered.content.decode()
        assert "a spokesman (unnamed)" in html and "Ann Lee" not in html

    def test_article_page_labels_the_source(self, admin_client, unnamed):
        quote, _ = unnamed
        response = admin_client.get(
            f"/admin/articles/article/{quote.article_id}/change/"
        )
        assert "a spokesman · partial" in response.content.decode()


class TestAPI:
    def test_quote_has_null_speaker_and_its_description(self, client, unnamed):
        quote, _ = unnamed
        body = client.get(f"{API}/quotes/{quote.pk}/").json()
        assert body["speaker"] is None
        assert body["source_description"] == "a spokesman"
        assert body["organisation"]["slug"] == "works"

    def test_expanding_a_null_speaker(self, client, unnamed):
        quote, _ = unnamed
        response = client.get(f"{API}/quotes/{quote.pk}/?expand=speaker")
        assert response.status_code == 200
        assert response.json()["speaker"] is None

    def test_filter_unnamed(self, client, unnamed):
        quote, named = unnamed
        only = client.get(f"{API}/quotes/?unnamed=true").json()["results"]
        assert [q["id"] for q in only] == [quote.pk]
        others = client.get(f"{API}/quotes/?unnamed=false").json()["results"]
        assert [q["id"] for q in others] == [named.pk]

    def test_filter_by_description(self, client, unnamed):
        quote, _ = unnamed
        found = client.get(f"{API}/quotes/?source_description=spokes").json()
        assert [q["id"] for q in found["results"]] == [quote.pk]
        none = client.get(f"{API}/quotes/?source_description=witness").json()
        assert none["results"] == []

    def test_jsonld_quotation_names_no_person(self, client, unnamed):
        response = client.get(f"{API}/articles/bridge-plan/?format=jsonld")
        parts = {part["text"]: part for part in response.json()["hasPart"]}
        part = parts["we will build the bridge"]
        assert "spokenByCharacter" not in part
        assert part["description"] == "Said by a spokesman (unnamed source)"
        assert part["creator"]["name"] == "Ministry of Works"
        assert parts["Officials agreed"]["spokenByCharacter"]["name"] == "Ann Lee"

    def test_write_an_unnamed_quote(self, client, unnamed, django_user_model):
        editor = django_user_model.objects.create_superuser("boss", password="x")
        client.force_login(editor)
        response = client.post(
            f"{API}/quotes/",
            {
                "article": "bridge-plan",
                "text": "Officials agreed",
                "kind": "indirect",
                "speaker": None,
                "source_description": "officials",
            },
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
        assert response.json()["source_description"] == "officials"
        refused = client.post(
            f"{API}/quotes/",
            {"article": "bridge-plan", "text": "Officials agreed", "kind": "indirect"},
            content_type="application/json",
        )
        assert refused.status_code == 400
        assert "speaker" in refused.json()


class TestExport:
    def test_round_trip_keeps_the_unnamed_source(self, unnamed):
        out = io.StringIO()
        call_command("export_newsroom", "-", stdout=out, stderr=io.StringIO())
        data = json.loads(out.getvalue())
        (article,) = [a for a in data["articles"] if a["slug"] == "bridge-plan"]
        by_text = {q["text"]: q for q in article["quotes"]}
        assert by_text["we will build the bridge"]["speaker"] is None
        assert by_text["we will build the bridge"]["source_description"] == (
            "a spokesman"
        )
        # A named speaker's quote carries no description key, as before.
        assert "source_description" not in by_text["Officials agreed"]

    def test_import_restores_the_unnamed_source(self, unnamed, tmp_path):
        from tests.test_export_import import export, import_file, wipe

        first = tmp_path / "first.json"
        text = export(first)
        wipe()
        _, err = import_file(first)
        assert err == ""
        quote = Quote.objects.get(text="we will build the bridge")
        assert (quote.speaker, quote.source_description) == (None, "a spokesman")
        assert quote.organisation.slug == "works"
        assert export() == text

    def test_import_refuses_a_quote_with_no_source(self, unnamed, tmp_path):
        from tests.test_export_import import export, import_file, wipe

        path = tmp_path / "bad.json"
        data = json.loads(export(path))
        for article in data["articles"]:
            for quote in article["quotes"]:
                quote.pop("source_description", None)
        path.write_text(json.dumps(data), encoding="utf-8")
        wipe()
        with pytest.raises(Exception) as refused:
            import_file(path)
        assert 'needs a "speaker" or a "source_description"' in str(refused.value)


def test_search_titles_an_unnamed_quote_by_its_source(client, unnamed):
    """search/ finds an unnamed source's quote and titles it by the source's
    description, as it titles a named one by its speaker."""
    response = client.get(f"{API}/search/?q=bridge")
    assert response.status_code == 200, response.content
    quotes = [hit for hit in response.json()["results"] if hit["type"] == "quote"]
    assert [hit["title"] for hit in quotes] == ["a spokesman"]
