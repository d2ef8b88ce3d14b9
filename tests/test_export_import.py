"""export_newsroom and import_newsroom: a lossless round trip of the whole
newsroom (the bad files are in tests/test_import_validation.py)."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import services as article_services
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
from tests.newsroom_files import (
    SEED_ARTICLE,
    ArticleAuthor,
    add_rarities,
    export,
    generate,
    import_file,
    wipe,
)

pytestmark = pytest.mark.django_db


def relations() -> dict[str, set]:
    """Every relation and value the round trip must keep, read through the
    ORM (not through the export)."""
    return {
        "people": set(
            Person.objects.values_list(
                "id",
                "slug",
                "name",
                "description",
                "wikidata_id",
                "version",
                "created_at",
                "updated_at",
            )
        ),
        "person aliases": set(
            PersonAlias.objects.values_list("id", "person__slug", "name")
        ),
        "organisations": set(
            Organisation.objects.values_list(
                "id",
                "slug",
                "kind",
                "country",
                "parent__slug",
                "wikidata_id",
                "version",
                "created_at",
                "updated_at",
            )
        ),
        "organisation aliases": set(
            OrganisationAlias.objects.values_list("id", "organisation__slug", "name")
        ),
        "roles": set(
            Role.objects.values_list(
                "id",
                "person__slug",
                "organisation__slug",
                "title",
                "start_date",
                "end_date",
            )
        ),
        "agreements": set(
            Agreement.objects.values_list(
                "id",
                "slug",
                "status",
                "signed_on",
                "signed_precision",
                "version",
                "created_at",
                "updated_at",
            )
        ),
        "parties": set(
            AgreementParty.objects.values_list(
                "id", "agreement__slug", "organisation__slug", "role"
            )
        ),
        "status changes": set(
            AgreementStatusChange.objects.values_list(
                "id",
                "agreement__slug",
                "status",
                "date",
                "party__slug",
                "article__slug",
                "note",
            )
        ),
        "articles": set(
            Article.objects.values_list(
                "id",
                "slug",
                "headline",
                "body",
                "source__slug",
                "status",
                "published_at",
                "version",
                "created_at",
                "updated_at",
            )
        ),
        "authors": set(
            ArticleAuthor.objects.values_list("article__slug", "person__slug")
        ),
        "mentions": set(
            ArticlePerson.objects.values_list(
                "id", "article__slug", "person__slug", "about"
            )
        )
        | set(
            ArticleOrganisation.objects.values_list(
                "id", "article__slug", "organisation__slug", "about"
            )
        )
        | set(
            ArticleAgreement.objects.values_list(
                "id", "article__slug", "agreement__slug", "about"
            )
        ),
        "quotes": set(
            Quote.objects.values_list(
                "id",
                "article__slug",
                "text",
                "kind",
                "speaker__slug",
                "organisation__slug",
                "outlet__slug",
                "cue",
                "said_on",
                "start",
                "end",
                "created_at",
                "updated_at",
            )
        ),
        "merges": set(
            MergeRecord.objects.values_list(
                "id",
                "kind",
                "old_id",
                "old_slug",
                "survivor_person__slug",
                "survivor_organisation__slug",
                "merged_at",
                "merged_by__username",
                "summary",
            )
        ),
    }


# --------------------------------------------------------------------------
# The round trip


def test_round_trip_is_lossless(seed, editor, tmp_path):
    """Seed + 1,000 generated articles: export, empty the database, import,
    export again — byte-identical files, and every relation intact."""
    generate(1000)
    rare = add_rarities(editor)
    assert Article.objects.count() == 1001
    assert Quote.objects.count() > 5000
    people = Person.objects.count()
    before = relations()

    first = tmp_path / "first.json"
    with CaptureQueriesContext(connection) as queries:
        text = export(first)
    # Streamed in chunks with prefetches: no query per row.
    assert len(queries) < 60, len(queries)
    data = json.loads(text)
    assert data["format"] == "newsdesk-export"
    assert data["format_version"] == 1
    assert len(data["articles"]) == 1001
    assert export() == text, "exporting twice must give identical output"

    wipe()
    out, err = import_file(first)
    assert f"Imported {people} people" in out
    assert err == ""

    second = tmp_path / "second.json"
    export(second)
    assert first.read_bytes() == second.read_bytes()
    assert relations() == before

    # Spot checks on the reference story.
    quote = Quote.objects.get(kind=QuoteKind.DIRECT, article__slug=SEED_ARTICLE)
    assert quote.speaker.slug == "zhang-hanhui"
    assert quote.outlet.slug == "tass"
    assert quote.organisation.slug == "china"
    assert quote.article.body[quote.start : quote.end] == quote.text
    rogozin = Role.objects.get(person__slug="dmitry-rogozin")
    assert (rogozin.start_date, rogozin.end_date) == (
        datetime.date(2018, 5, 24),
        datetime.date(2022, 7, 15),
    )
    iss = Agreement.objects.get(slug="iss-partnership")
    assert set(iss.parties.values_list("organisation__slug", flat=True)) >= {"russia"}
    change = iss.status_changes.get()
    assert (change.status, change.party.slug, change.article.slug) == (
        "terminated",
        "russia",
        SEED_ARTICLE,
    )
    assert iss.status == "terminated"
    story = Article.objects.get(slug=SEED_ARTICLE)
    assert set(
        story.articleperson_set.filter(about=True).values_list(
            "person__slug", flat=True
        )
    ) == {"zhang-hanhui"}
    assert story.organisations.count() == 6
    # Spot checks on what a generated archive alone would not hold.
    archived = Article.objects.get(slug=rare["story"].slug)
    assert archived.status == ArticleStatus.ARCHIVED
    reported = Quote.objects.get(pk=rare["reported"].pk)
    assert (reported.start, reported.end) == (None, None)
    assert set(
        PersonAlias.objects.filter(person__name="Łukasz Ōta-Müller").values_list(
            "name", flat=True
        )
    ) == {"Zoë Ōta", "Ōta"}
    assert (
        max(
            len(o.ancestors())
            for o in Organisation.objects.filter(parent__isnull=False)
        )
        >= 2
    ), "a three-level hierarchy"
    merge = MergeRecord.objects.get(kind="person")
    assert (merge.survivor_person.slug, merge.merged_by) == (
        rare["survivor"].slug,
        editor,
    )

    # One '+' history record per imported object, bylines included.
    assert Quote.history.filter(history_type="+").count() == Quote.objects.count()
    assert set(Person.history.values_list("history_change_reason", flat=True)) == {
        "Imported from first.json"
    }
    assert (
        Article.history.model.authors.model.objects.count()
        == ArticleAuthor.objects.count()
    )

    # The id sequences moved past the imported ids: the services still work.
    person = entity_services.person_create(name="After the import")
    assert person.pk > max(pk for pk, *_ in before["people"])
    new_quote = article_services.quote_create(
        article=story, text="major space power", kind="partial", speaker=person
    )
    assert new_quote.pk > max(pk for pk, *_ in before["quotes"])


def test_stdout_and_stdin(seed, tmp_path, monkeypatch):
    """'-' exports to stdout (the same text as a file) and imports from
    stdin."""
    text = export()
    assert text == export(tmp_path / "seed.json")
    assert text.endswith("}\n")
    wipe()
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    out, _ = import_file("-")
    assert "Imported 3 people" in out
    assert export() == text


def test_progress_on_stderr_only_when_asked(seed, tmp_path):
    path = tmp_path / "seed.json"
    err = io.StringIO()
    call_command("export_newsroom", str(path), "--progress", stderr=err)
    assert "Exporting: " in err.getvalue()
    assert "(100%)" in err.getvalue()
    quiet = io.StringIO()
    call_command("export_newsroom", str(path), stderr=quiet)
    assert "Exporting: " not in quiet.getvalue()

    wipe()
    _, progress = import_file(path, "--progress")
    assert "Checking: " in progress
    assert "Importing: " in progress and "(100%)" in progress
