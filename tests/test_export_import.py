"""export_newsroom and import_newsroom: a lossless round trip of the whole
newsroom, and bad files refused with nothing imported."""

from __future__ import annotations

import copy
import datetime
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
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
    OrganisationKind,
    Person,
    PersonAlias,
    Role,
)
from newsdesk.interchange import format as interchange_format

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs/export-format.schema.json"

SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"
ArticleAuthor = Article.authors.through


# --------------------------------------------------------------------------
# The newsroom: the corpus generator's archive (the one test-data generator
# the suite shares), plus what a generated archive never holds, written
# through the services.

CORPUS_SEED = 12
AS_OF = datetime.date(2024, 6, 1)


def generate(articles: int) -> None:
    call_command(
        "generate_corpus",
        articles=articles,
        seed=CORPUS_SEED,
        as_of=AS_OF,
        quotes_per_article=6,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def add_rarities(user) -> dict:
    """An archived story, a reported quote whose words are not in the body,
    non-ASCII names and aliases, and two merge records made the way editors
    make them: each kind of value the file must carry."""
    generated = Person.objects.filter(slug__startswith="gen-").order_by("slug")
    story = Article.objects.filter(
        slug__startswith="gen-", status=ArticleStatus.PUBLISHED
    ).order_by("slug")[0]
    article_services.article_transition(
        article=story, status=ArticleStatus.ARCHIVED, user=user
    )
    speaker = entity_services.person_create(
        name="Łukasz Ōta-Müller", aliases=["Zoë Ōta", "Ōta"]
    )
    reported = article_services.quote_create(
        article=story,
        text="talks on the mission would resume in spring",
        kind=QuoteKind.INDIRECT,
        speaker=speaker,
        cue="according to",
    )
    survivor = generated[0]
    duplicate = entity_services.person_create(name=f"{survivor.name} (duplicate)")
    entity_services.person_merge(survivor=survivor, duplicate=duplicate, user=user)
    outlet = Organisation.objects.filter(
        slug__startswith="gen-", kind=OrganisationKind.NEWS_AGENCY
    ).order_by("slug")[0]
    twin = entity_services.organisation_create(
        name=f"{outlet.name} (twin)", kind=OrganisationKind.NEWS_AGENCY
    )
    entity_services.organisation_merge(survivor=outlet, duplicate=twin, user=None)
    return {"story": story, "reported": reported, "survivor": survivor}


# --------------------------------------------------------------------------
# Helpers


NEWSROOM_MODELS = [
    model
    for app in ("entities", "articles")
    for model in apps.get_app_config(app).get_models(include_auto_created=True)
]


def row_counts() -> dict[str, int]:
    """Rows of every newsroom table, history tables included."""
    return {model._meta.label: model.objects.count() for model in NEWSROOM_MODELS}


def wipe() -> None:
    """Empty every newsroom table (history too), without signals (which would
    write '-' history rows), children before parents."""
    Organisation.objects.update(parent=None)
    ordered = [
        MergeRecord,
        Quote,
        ArticlePerson,
        ArticleOrganisation,
        ArticleAgreement,
        AgreementStatusChange,
        ArticleAuthor,
        Article,
        AgreementParty,
        Agreement,
        Role,
        PersonAlias,
        OrganisationAlias,
        Organisation,
        Person,
    ]
    history = [
        m for m in NEWSROOM_MODELS if m._meta.model_name.startswith("historical")
    ]
    history.sort(key=lambda m: not m._meta.model_name.endswith("_authors"))
    for model in [*ordered, *history]:
        model.objects.all()._raw_delete(connection.alias)
    assert not any(row_counts().values())


def export(path=None, *args) -> str:
    """Export to ``path`` (or stdout) and return the file's text."""
    out = io.StringIO()
    call_command(
        "export_newsroom", str(path or "-"), *args, stdout=out, stderr=io.StringIO()
    )
    return path.read_text(encoding="utf-8") if path else out.getvalue()


def import_file(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_newsroom", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


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


def test_export_matches_the_shipped_json_schema(exported, tmp_path):
    """docs/export-format.schema.json is the schema the import validates
    with, and the export's output is valid against it."""
    shipped = SCHEMA_FILE.read_text(encoding="utf-8")
    assert shipped == interchange_format.json_schema_text(), (
        "regenerate it: python -m newsdesk.interchange.format > "
        "docs/export-format.schema.json"
    )
    validator = jsonschema.Draft202012Validator(json.loads(shipped))
    assert list(validator.iter_errors(exported)) == []
    broken = copy.deepcopy(exported)
    broken["articles"][0]["quotes"][0]["said_on"] = "3 May 2022"
    del broken["people"][0]["aliases"]
    problems = sorted(e.message for e in validator.iter_errors(broken))
    assert len(problems) == 2, problems


# --------------------------------------------------------------------------
# Bad files: refused with a clear message, nothing imported.


@pytest.fixture
def exported(seed, editor, tmp_path):
    """A small valid export (the seed and ten generated stories) as data, with
    the database emptied for the import."""
    generate(10)
    add_rarities(editor)
    text = export(tmp_path / "valid.json")
    wipe()
    return json.loads(text)


def refused(tmp_path, data, *, raw: str | None = None) -> str:
    """Import ``data`` (or the ``raw`` text), expecting a refusal; return
    the message after checking that nothing was written."""
    path = tmp_path / "bad.json"
    path.write_text(raw if raw is not None else json.dumps(data), encoding="utf-8")
    counts = row_counts()
    with pytest.raises(CommandError) as error:
        import_file(path)
    assert row_counts() == counts
    return str(error.value)


def article_with_quotes(data, kind: str) -> tuple[dict, int]:
    for article in data["articles"]:
        for index, quote in enumerate(article["quotes"]):
            if quote["kind"] == kind and index >= 3:
                return article, index
    raise AssertionError("no such quote")


def test_valid_file_imports(exported, tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    import_file(path)
    assert Article.objects.count() == 11


def test_missing_key(exported, tmp_path):
    person = exported["people"][0]
    del person["name"]
    message = refused(tmp_path, exported)
    assert f'person "{person["slug"]}": missing key "name"' in message
    assert "nothing was imported" in message


def test_wrong_type(exported, tmp_path):
    article = exported["articles"][2]
    article["version"] = "3"
    message = refused(tmp_path, exported)
    assert (
        f'article "{article["slug"]}": "version" must be a whole number, not a string'
        in (message)
    )


def test_unknown_key_and_nested_types(exported, tmp_path):
    """The schema's complaints name the record and key as the rest do."""
    article = exported["articles"][1]
    article["subtitle"] = "no such key"
    article["quotes"][0]["start"] = -1
    article["mentions"]["people"] = "everyone"
    exported["agreements"][0]["parties"][0]["organisation"] = 7
    exported["roles"][1] = ["not", "a", "role"]
    message = refused(tmp_path, exported)
    where = f'article "{article["slug"]}"'
    assert f'{where}: unknown key "subtitle"' in message
    assert f'quotes[0] of {where}: "start" must be at least 0, not -1' in message
    assert f'"mentions" of {where}: "people" must be an array, not a string' in (
        message
    )
    agreement = exported["agreements"][0]["slug"]
    assert (
        f'parties[0] of agreement "{agreement}": "organisation" must be a string, '
        "not a number"
    ) in message
    assert "roles[1]: must be an object, not an array" in message


def test_bad_date(exported, tmp_path):
    exported["roles"][0]["start_date"] = "2021-02-30"
    message = refused(tmp_path, exported)
    assert 'roles[0]: "start_date" "2021-02-30" is not a date (YYYY-MM-DD)' in message


def test_unknown_speaker(exported, tmp_path):
    article, index = article_with_quotes(exported, "direct")
    article["quotes"][index]["speaker"] = "nobody"
    message = refused(tmp_path, exported)
    assert (
        f'quotes[{index}] of article "{article["slug"]}": speaker "nobody" is not in '
        "the file"
    ) in message


def test_quote_not_in_body(exported, tmp_path):
    article, index = article_with_quotes(exported, "partial")
    article["quotes"][index]["text"] = "words nobody wrote"
    message = refused(tmp_path, exported)
    assert f'quotes[{index}] of article "{article["slug"]}": "text"' in message
    assert "is not in the article's body at" in message


def test_verbatim_quote_without_offsets(exported, tmp_path):
    article, index = article_with_quotes(exported, "direct")
    article["quotes"][index]["start"] = article["quotes"][index]["end"] = None
    message = refused(tmp_path, exported)
    assert "a direct quote must be located in the article's body" in message


def test_duplicate_slug(exported, tmp_path):
    exported["people"][1]["slug"] = exported["people"][0]["slug"]
    message = refused(tmp_path, exported)
    assert f'people[1]: duplicate slug "{exported["people"][0]["slug"]}"' in message


def test_model_validation_error(exported, tmp_path):
    """A record the model's full_clean() refuses: a role that ends before it
    starts, an invalid Wikidata id, an organisation that is its own
    grandparent."""
    role = next(r for r in exported["roles"] if r["start_date"])
    role["end_date"] = "1999-01-01"
    exported["people"][0]["wikidata_id"] = "X12"
    by_slug = {o["slug"]: o for o in exported["organisations"]}
    child = next(o for o in exported["organisations"] if o["parent"])
    by_slug[child["parent"]]["parent"] = child["slug"]
    message = refused(tmp_path, exported)
    assert '"end_date": A role cannot end before it starts.' in message
    assert '"wikidata_id": Enter a Wikidata item id' in message
    assert (
        f'organisation "{child["parent"]}": "parent": An organisation cannot '
        "belong to itself"
    ) in message


def test_non_empty_database(exported, tmp_path):
    entity_services.person_create(name="Already here")
    message = refused(tmp_path, exported)
    assert "restores only into an empty database" in message
    assert "this one has 1 person." in message
    assert Person.objects.get().name == "Already here"


def test_malformed_json(exported, tmp_path):
    message = refused(tmp_path, None, raw=json.dumps(exported)[:-40])
    assert "is not valid JSON" in message
    assert "line 1 column" in message


def test_wrong_format_version(exported, tmp_path):
    exported["format_version"] = 2
    message = refused(tmp_path, exported)
    assert "format version 2 is not supported" in message


def test_not_an_export(tmp_path, db):
    message = refused(tmp_path, {"people": []})
    assert "this is not a Newsdesk export" in message


def test_many_problems_reported_together(exported, tmp_path):
    bad = copy.deepcopy(exported)
    for article in bad["articles"]:
        article["source"] = "gone"
    message = refused(tmp_path, bad)
    assert "(11 problems)" in message
    assert message.count('source "gone" is not in the file') == 11


def test_missing_merge_user_is_a_warning(exported, tmp_path):
    exported["merge_records"] = [
        {
            "id": 9,
            "kind": "person",
            "old_id": 99,
            "old_slug": "old-person",
            "old_name": "Old person",
            "survivor_person": exported["people"][0]["slug"],
            "survivor_organisation": None,
            "summary": "",
            "merged_at": "2024-05-06T07:08:09.000010+00:00",
            "merged_by": "ghost",
        }
    ]
    path = tmp_path / "ghost.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    _, err = import_file(path)
    assert 'No user "ghost" exists here' in err
    record = MergeRecord.objects.get()
    assert record.merged_by is None
    assert record.merged_at == datetime.datetime(
        2024, 5, 6, 7, 8, 9, 10, tzinfo=datetime.UTC
    )
