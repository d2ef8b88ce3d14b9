"""The interchange format's schema, and bad files: import_newsroom refuses
each with a clear message naming the record and the field, and imports
nothing."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError

from articles.models import (
    Article,
)
from entities import services as entity_services
from entities.models import (
    MergeRecord,
    Person,
)
from newsdesk.interchange import format as interchange_format
from tests.newsroom_files import (
    add_rarities,
    export,
    generate,
    import_file,
    row_counts,
    wipe,
)

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs/export-format.schema.json"


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
    article["authors"].append(3)
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
    index = len(article["authors"]) - 1
    assert f"authors[{index}] of {where}: must be a person's slug, not a number" in (
        message
    )


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
