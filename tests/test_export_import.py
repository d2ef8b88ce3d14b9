"""export_newsroom and import_newsroom: a lossless round trip of the whole
newsroom, and bad files refused with nothing imported."""

from __future__ import annotations

import copy
import datetime
import io
import json
import random
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
# A generated newsroom, written with bulk_create: fast, and valid by
# construction (quotes really occur in their bodies at their offsets).

FIRST = ["Anna", "Boris", "Chen", "Dara", "Elif", "Femi", "Gita", "Hugo"]
FIRST += ["Inès", "Jun", "Kofi", "Łukasz", "Mateo", "Nadia", "Zoë", "Ōta"]
LAST = ["Abe", "Baker", "Costa", "Dubois", "Eze", "Fischer", "García", "Haddad"]
LAST += ["Ivanova", "Jansen", "Kim", "López", "Müller", "Novak", "Okafor", "Petrov"]
STATES = [("France", "FR"), ("Germany", "DE"), ("Japan", "JP"), ("Brazil", "BR")]
ADJECTIVES = ["bold", "costly", "historic", "risky", "modest", "vital"]
STATUSES = [ArticleStatus.PUBLISHED] * 7 + [
    ArticleStatus.DRAFT,
    ArticleStatus.IN_REVIEW,
    ArticleStatus.ARCHIVED,
]
BASE_TIME = datetime.datetime(2023, 1, 2, 8, 0, tzinfo=datetime.UTC)


class Body:
    """An article body written piece by piece, keeping where each quote's
    words land."""

    def __init__(self, text: str):
        self.text = text
        self.quotes: list[tuple] = []

    def say(self, before, words, after, kind, speaker, cue) -> None:
        start = len(self.text) + len(before)
        self.text += f"{before}{words}{after}"
        self.quotes.append((kind, speaker, words, cue, start, start + len(words)))


def generate(articles: int, *, rng_seed: int = 7) -> None:
    rng = random.Random(rng_seed)

    people = Person.objects.bulk_create(
        Person(
            name=f"{FIRST[i % 16]} {LAST[i // 16 % 16]}",
            slug=f"gen-person-{i:03d}",
            description=f"Generated person {i}" if i % 3 else "",
            wikidata_id=f"Q{900000 + i}" if i % 4 == 0 else "",
            version=rng.randint(1, 5),
        )
        for i in range(140)
    )
    PersonAlias.objects.bulk_create(
        PersonAlias(person=person, name=name)
        for person in people
        for name in (person.name.split()[1], f"{person.name[0]}. {person.name}")
    )
    speakers, reporters = people[:120], people[120:]

    states = Organisation.objects.bulk_create(
        Organisation(
            name=f"{name} (generated)",
            slug=f"gen-{code.lower()}",
            kind=OrganisationKind.STATE,
            country=code,
            wikidata_id=f"Q{800000 + n}",
            version=rng.randint(1, 3),
        )
        for n, (name, code) in enumerate(STATES)
    )
    agencies = Organisation.objects.bulk_create(
        Organisation(
            name=f"{state.name} agency {k}",
            slug=f"{state.slug}-agency-{k}",
            kind=OrganisationKind.AGENCY,
            country=state.country,
            parent=state,
        )
        for state in states
        for k in range(3)
    )
    departments = Organisation.objects.bulk_create(
        Organisation(
            name=f"{agency.name}, department {k}",
            slug=f"{agency.slug}-dept-{k}",
            kind=OrganisationKind.GOVERNMENT_BODY,
            parent=agency,
            description="Third level of the hierarchy",
        )
        for agency in agencies
        for k in range(2)
    )
    outlets = Organisation.objects.bulk_create(
        Organisation(
            name=f"Outlet {k}",
            slug=f"gen-outlet-{k}",
            kind=OrganisationKind.NEWS_AGENCY
            if k % 2
            else OrganisationKind.MEDIA_OUTLET,
        )
        for k in range(6)
    )
    OrganisationAlias.objects.bulk_create(
        OrganisationAlias(organisation=organisation, name=f"{organisation.slug} alias")
        for organisation in [*states, *agencies, *outlets]
    )

    roles = []
    for i, person in enumerate(speakers):
        start = datetime.date(2010 + i % 10, 1 + i % 12, 1 + i % 28)
        roles.append(
            Role(
                person=person,
                organisation=agencies[i % len(agencies)],
                title="Spokesperson",
                start_date=start,
                end_date=start + datetime.timedelta(days=400) if i % 2 else None,
            )
        )
        if i % 3 == 0:
            roles.append(
                Role(
                    person=person,
                    organisation=departments[i % len(departments)],
                    title="Head of department",
                )
            )
    Role.objects.bulk_create(roles)
    speaker_organisation = {
        role.person_id: role.organisation for role in roles if role.start_date
    }

    agreements = Agreement.objects.bulk_create(
        Agreement(
            title=f"Generated accord {k}",
            slug=f"gen-accord-{k:02d}",
            kind=["treaty", "memorandum", "cooperation", "contract"][k % 4],
            signed_on=datetime.date(2000 + k, 1 + k % 12, 1) if k % 5 else None,
            signed_precision=["day", "month", "year"][k % 3],
            scope=f"Scope {k}",
            summary=f"Summary of accord {k}.\nSecond line.",
            status="signed" if k % 2 else "in_force",
            wikidata_id=f"Q{700000 + k}" if k % 2 else "",
            version=rng.randint(1, 4),
        )
        for k in range(30)
    )
    AgreementParty.objects.bulk_create(
        AgreementParty(agreement=agreement, organisation=organisation, role=role)
        for k, agreement in enumerate(agreements)
        for organisation, role in zip(
            rng.sample([*states, *agencies], 2 + k % 2),
            ["signatory", "party", "guarantor"],
            strict=False,
        )
    )

    article_rows, quote_specs = [], []
    for j in range(articles):
        status = STATUSES[j % len(STATUSES)]
        published = (
            BASE_TIME + datetime.timedelta(hours=j, microseconds=j * 7)
            if status in (ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED)
            else None
        )
        a, b, c = rng.sample(speakers, 3)
        adjective = ADJECTIVES[j % len(ADJECTIVES)]
        body = Body(f"Story {j} begins here.\n\n")
        body.say(
            f"{a.name} said: “",
            f"We will launch mission {j} before winter.",
            "” ",
            "direct",
            a,
            "said",
        )
        body.say(
            f"Later {b.name} added, “",
            f"Nobody doubts the schedule of story {j}.",
            "”\n\n",
            "direct",
            b,
            "added",
        )
        body.say(
            f"{c.name} called the plan “",
            f"a {adjective} step",
            "” for the region. ",
            "partial",
            c,
            "called",
        )
        body.say(
            "Critics spoke of “",
            f"money spent on {j} dreams",
            "”.\n\n",
            "partial",
            a,
            "spoke of",
        )
        body.say(
            f"{b.name} said that ",
            f"the budget for project {j} would grow",
            ". ",
            "indirect",
            b,
            "said",
        )
        body.text += "The rest is background."
        # Reported speech that is not in the body: an indirect quote without
        # offsets.
        body.quotes.append(
            (
                "indirect",
                c,
                f"talks on story {j} would resume",
                "according to",
                None,
                None,
            )
        )
        article_rows.append(
            Article(
                headline=f"Generated story {j}: a {adjective} plan",
                slug=f"gen-story-{j:04d}",
                standfirst=f"What happened in story {j}." if j % 2 else "",
                body=body.text,
                source=outlets[j % len(outlets)] if j % 4 else None,
                source_url=f"https://example.org/stories/{j}" if j % 3 else "",
                language="en" if j % 7 else "fr",
                status=status,
                published_at=published,
                version=rng.randint(1, 6),
            )
        )
        quote_specs.append((published, body.quotes))
    created = Article.objects.bulk_create(article_rows)

    quotes, authors = [], []
    person_mentions, organisation_mentions, agreement_mentions = [], [], []
    for j, (article, (published, located)) in enumerate(
        zip(created, quote_specs, strict=True)
    ):
        spoken_for = set()
        for n, (kind, speaker, words, cue, start, end) in enumerate(located):
            organisation = speaker_organisation.get(speaker.pk) if n % 3 else None
            outlet = outlets[(j + n) % len(outlets)] if n in (0, 3) else None
            spoken_for.update(o for o in (organisation, outlet) if o is not None)
            quotes.append(
                Quote(
                    article=article,
                    text=words,
                    kind=kind,
                    speaker=speaker,
                    organisation=organisation,
                    outlet=outlet,
                    cue=cue,
                    said_on=published.date() if published and n != 2 else None,
                    start=start,
                    end=end,
                )
            )
        quoted = list(dict.fromkeys(spec[1] for spec in located))
        person_mentions += [
            ArticlePerson(article=article, person=person, about=(k == 0))
            for k, person in enumerate(quoted)
        ]
        organisation_mentions += [
            ArticleOrganisation(
                article=article, organisation=organisation, about=k == 0
            )
            for k, organisation in enumerate(sorted(spoken_for, key=lambda o: o.pk))
        ]
        agreement_mentions.append(
            ArticleAgreement(
                article=article,
                agreement=agreements[j % len(agreements)],
                about=bool(j % 2),
            )
        )
        authors += [
            ArticleAuthor(article=article, person=reporter)
            for reporter in rng.sample(reporters, 1 + j % 2)
        ]
    Quote.objects.bulk_create(quotes)
    ArticlePerson.objects.bulk_create(person_mentions)
    ArticleOrganisation.objects.bulk_create(organisation_mentions)
    ArticleAgreement.objects.bulk_create(agreement_mentions)
    ArticleAuthor.objects.bulk_create(authors)
    AgreementStatusChange.objects.bulk_create(
        AgreementStatusChange(
            agreement=agreement,
            status=status,
            date=datetime.date(2020, 1 + k % 12, 1 + step),
            party=states[k % len(states)] if step else None,
            article=created[(k * 7 + step) % len(created)] if created else None,
            note=f"Step {step} of accord {k}",
        )
        for k, agreement in enumerate(agreements)
        for step, status in enumerate(["signed", agreement.status])
    )


def merge_duplicates(user) -> None:
    """Two merge records, made the way editors make them."""
    survivor = Person.objects.get(slug="gen-person-000")
    duplicate = entity_services.person_create(name="Anna Abe (duplicate)")
    entity_services.person_merge(survivor=survivor, duplicate=duplicate, user=user)
    outlet = Organisation.objects.get(slug="gen-outlet-0")
    twin = entity_services.organisation_create(name="Outlet Zero", kind="media_outlet")
    entity_services.organisation_merge(survivor=outlet, duplicate=twin, user=None)


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
    merge_duplicates(editor)
    assert Article.objects.count() == 1001
    assert Quote.objects.count() > 6000
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
    assert "Imported 143 people" in out
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
    generated = Article.objects.get(slug="gen-story-0001")
    assert generated.authors.count() == 2
    assert Organisation.objects.get(slug="gen-fr-agency-0-dept-0").ancestors()[
        -1
    ].slug == ("gen-fr")
    merge = MergeRecord.objects.get(kind="person")
    assert (merge.survivor_person.slug, merge.merged_by) == ("gen-person-000", editor)

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
def exported(seed, tmp_path):
    """A small valid export (the seed and ten generated stories) as data, with
    the database emptied for the import."""
    generate(10)
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
    by_slug["gen-fr"]["parent"] = "gen-fr-agency-0"
    message = refused(tmp_path, exported)
    assert '"end_date": A role cannot end before it starts.' in message
    assert '"wikidata_id": Enter a Wikidata item id' in message
    assert (
        'organisation "gen-fr": "parent": An organisation cannot belong to itself'
        in (message)
    )


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
