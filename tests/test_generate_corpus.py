"""generate_corpus: a deterministic, realistic archive written with bulk
inserts that still obeys every rule the models and the services enforce."""

from __future__ import annotations

import ast
import datetime
import hashlib
import io
import random
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from articles.models import (
    VERBATIM_KINDS,
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    ArticleStatus,
    Quote,
)
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)

pytestmark = pytest.mark.django_db

ARTICLES = 300
SEED = 7
ArticleAuthor = Article.authors.through


def generate(articles: int = ARTICLES, seed: int = SEED, **options) -> str:
    out = io.StringIO()
    call_command(
        "generate_corpus",
        articles=articles,
        seed=seed,
        as_of=options.pop("as_of", timezone.now().date()),
        stdout=out,
        stderr=options.pop("stderr", io.StringIO()),
        **options,
    )
    return out.getvalue()


@pytest.fixture
def corpus(db):
    return generate()


# Every generated row, by its natural key and content: no database ids.
DIGESTED = [
    (
        Person,
        ["slug", "name", "description", "wikidata_id", "version", "created_at"],
    ),
    (PersonAlias, ["person__slug", "name"]),
    (
        Organisation,
        ["slug", "name", "kind", "country", "parent__slug", "description"],
    ),
    (Organisation, ["slug", "wikidata_id", "version", "updated_at"]),
    (OrganisationAlias, ["organisation__slug", "name"]),
    (
        Role,
        ["person__slug", "organisation__slug", "title", "start_date", "end_date"],
    ),
    (
        Agreement,
        ["slug", "title", "kind", "signed_on", "signed_precision", "status"],
    ),
    (Agreement, ["slug", "scope", "summary", "wikidata_id", "created_at"]),
    (AgreementParty, ["agreement__slug", "organisation__slug", "role"]),
    (
        AgreementStatusChange,
        ["agreement__slug", "status", "date", "party__slug", "article__slug", "note"],
    ),
    (
        Article,
        ["slug", "headline", "standfirst", "body", "source__slug", "source_url"],
    ),
    (Article, ["slug", "status", "published_at", "version", "updated_at"]),
    (ArticleAuthor, ["article__slug", "person__slug"]),
    (ArticlePerson, ["article__slug", "person__slug", "about"]),
    (ArticleOrganisation, ["article__slug", "organisation__slug", "about"]),
    (ArticleAgreement, ["article__slug", "agreement__slug", "about"]),
    (
        Quote,
        ["article__slug", "text", "kind", "speaker__slug", "organisation__slug"],
    ),
    (
        Quote,
        ["article__slug", "start", "end", "outlet__slug", "cue", "said_on"],
    ),
]


def digest() -> str:
    hasher = hashlib.sha256()
    for model, fields in DIGESTED:
        rows = sorted(map(repr, model._default_manager.values_list(*fields)))
        hasher.update(f"{model.__name__}:{len(rows)}\n".encode())
        for row in rows:
            hasher.update(row.encode())
    return hasher.hexdigest()


def generated_then_rolled_back(**options) -> str:
    """Generate into the (clean) test database, digest, and undo it."""
    with transaction.atomic():
        generate(**options)
        result = digest()
        transaction.set_rollback(True)
    assert not Article.objects.exists()
    return result


def test_same_seed_same_data_whatever_the_batch_size(db):
    as_of = timezone.now().date()
    first = generated_then_rolled_back(articles=120, as_of=as_of)
    # In small batches, and on PostgreSQL with bulk_create instead of COPY.
    second = generated_then_rolled_back(
        articles=120, as_of=as_of, batch_size=17, no_copy=True
    )
    other_seed = generated_then_rolled_back(articles=120, as_of=as_of, seed=8)
    assert first == second
    assert other_seed != first


def test_summary_and_slugs(corpus):
    assert f"{ARTICLES:,} articles" in corpus
    assert "rows/s" in corpus
    for model in (Person, Organisation, Agreement, Article):
        slugs = model.objects.values_list("slug", flat=True)
        assert all(slug.startswith(f"gen-{SEED}-") for slug in slugs)
    assert Article.objects.count() == ARTICLES
    assert Person.objects.count() >= 50


def test_about_ten_quotes_per_article_of_every_kind(corpus):
    per_article = Counter(Quote.objects.values_list("article_id", flat=True))
    assert len(per_article) == ARTICLES
    assert 9 <= statistics.mean(per_article.values()) <= 11
    assert min(per_article.values()) >= 5
    assert max(per_article.values()) <= 15
    kinds = Counter(Quote.objects.values_list("kind", flat=True))
    total = sum(kinds.values())
    for kind in ("direct", "partial", "indirect"):
        assert kinds[kind] / total > 0.15, kinds


def test_every_quote_occurs_in_its_body_at_its_offsets(corpus):
    bodies = dict(Article.objects.values_list("id", "body"))
    quotes = Quote.objects.values_list("article_id", "kind", "text", "start", "end")
    for article_id, kind, text, start, end in quotes:
        body = bodies[article_id]
        if kind in VERBATIM_KINDS:
            assert start is not None
        assert text in body
        assert start is not None and body[start:end] == text
    lengths = [len(body) for body in bodies.values()]
    assert 2000 <= min(lengths) and max(lengths) <= 5500


def test_a_few_speakers_are_quoted_very_often(corpus):
    per_speaker = Counter(Quote.objects.values_list("speaker_id", flat=True))
    counts = sorted(per_speaker.values(), reverse=True)
    # Over a pool of only 50 people (the minimum); the tail gets longer as
    # the pool grows with the archive.
    assert len(counts) == 50
    assert counts[0] >= 5 * statistics.median(counts)
    # The top 10% of speakers say three times their share or more.
    assert sum(counts[:5]) > 0.3 * sum(counts)


def test_some_articles_are_unpublished_or_scheduled(corpus):
    now = timezone.now()
    statuses = Counter(Article.objects.values_list("status", flat=True))
    unpublished = statuses[ArticleStatus.DRAFT] + statuses[ArticleStatus.IN_REVIEW]
    assert 0.02 <= unpublished / ARTICLES <= 0.09
    scheduled = Article.objects.filter(
        status=ArticleStatus.PUBLISHED, published_at__gt=now
    )
    assert scheduled.exists()
    public = Article.objects.published()
    assert not public.filter(pk__in=scheduled).exists()
    assert public.count() == ARTICLES - unpublished - scheduled.count()
    oldest = public.order_by("published_at").first().published_at
    assert now - oldest > datetime.timedelta(days=365 * 8)
    for article in Article.objects.all():
        assert article.created_at <= article.updated_at <= now


def test_quote_organisations_follow_the_speakers_roles(corpus):
    roles = defaultdict(list)
    for person_id, organisation_id, start, end in Role.objects.values_list(
        "person_id", "organisation_id", "start_date", "end_date"
    ):
        roles[person_id].append((start, end, organisation_id))
    # Nobody holds two roles on one day, and no role ends before it starts.
    for spans in roles.values():
        spans.sort(key=lambda span: span[0] or datetime.date.min)
        for (_, end, _), (start, _, _) in zip(spans, spans[1:], strict=False):
            assert end is not None and start is not None and end < start
        for start, end, _ in spans:
            assert start is None or end is None or start <= end

    def held_on(person_id, day):
        return {
            organisation_id
            for start, end, organisation_id in roles[person_id]
            if (start is None or start <= day) and (end is None or end >= day)
        }

    with_organisation = 0
    for speaker_id, organisation_id, said_on in Quote.objects.values_list(
        "speaker_id", "organisation_id", "said_on"
    ):
        held = held_on(speaker_id, said_on)
        assert held == ({organisation_id} if organisation_id else set())
        with_organisation += organisation_id is not None
    assert with_organisation > 0.6 * Quote.objects.count()
    # Careers: some roles ended, most speakers have a current one.
    assert Role.objects.filter(end_date__isnull=False).exists()
    assert Role.objects.filter(end_date__isnull=True).count() > 40


def test_quoted_people_organisations_and_outlets_are_mentioned(corpus):
    people = set(ArticlePerson.objects.values_list("article_id", "person_id"))
    organisations = set(
        ArticleOrganisation.objects.values_list("article_id", "organisation_id")
    )
    outlets = 0
    quotes = Quote.objects.values_list(
        "article_id", "speaker_id", "organisation_id", "outlet_id"
    )
    for article_id, speaker_id, organisation_id, outlet_id in quotes:
        assert (article_id, speaker_id) in people
        for other in (organisation_id, outlet_id):
            assert other is None or (article_id, other) in organisations
        outlets += outlet_id is not None
    assert outlets > 0
    assert ArticleAgreement.objects.filter(about=True).exists()
    assert (
        ArticlePerson.objects.exclude(
            person__in=Quote.objects.values("speaker")
        ).count()
        == 0
    )
    assert ArticleAuthor.objects.count() >= ARTICLES


def test_registry_is_realistic(corpus):
    kinds = Counter(Organisation.objects.values_list("kind", flat=True))
    for kind in ("state", "government_body", "agency", "news_agency", "media_outlet"):
        assert kinds[kind] > 0, kinds
    # Three levels: state → ministry → department.
    assert Organisation.objects.filter(
        parent__parent__kind="state", kind="government_body"
    ).exists()
    assert PersonAlias.objects.count() > Person.objects.count() / 2
    assert OrganisationAlias.objects.exists()
    parties = Counter(AgreementParty.objects.values_list("agreement_id", flat=True))
    assert set(parties.values()) <= {2, 3, 4, 5}
    assert not AgreementParty.objects.exclude(organisation__kind="state").exists()
    # An agreement's status is that of its latest change, and a change
    # that cites an article cites one about the agreement.
    for agreement in Agreement.objects.all():
        latest = agreement.status_changes.latest()
        assert agreement.status == latest.status
    cited = AgreementStatusChange.objects.filter(article__isnull=False)
    assert cited.exists()
    for change in cited:
        assert ArticleAgreement.objects.filter(
            article_id=change.article_id, agreement_id=change.agreement_id, about=True
        ).exists()
        assert change.article.published_at.date() >= change.date
    for model in (Person, Organisation, Agreement):
        ids = [w for w in model.objects.values_list("wikidata_id", flat=True) if w]
        assert ids and len(ids) == len(set(ids))


SAMPLED = [
    Person,
    PersonAlias,
    Organisation,
    OrganisationAlias,
    Role,
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Article,
    ArticlePerson,
    ArticleOrganisation,
    ArticleAgreement,
]


def test_a_sample_of_every_model_passes_full_clean(corpus):
    rng = random.Random(1)
    for model in SAMPLED:
        ids = list(model._default_manager.values_list("pk", flat=True))
        for pk in rng.sample(ids, min(15, len(ids))):
            model._default_manager.get(pk=pk).full_clean()
    ids = list(Quote.objects.values_list("pk", flat=True))
    for pk in rng.sample(ids, 60):
        quote = Quote.objects.select_related("article").get(pk=pk)
        before = (quote.text, quote.start, quote.end, quote.said_on)
        before += (quote.organisation_id,)
        quote.full_clean()
        # Validation leaves a generated quote exactly as it is: located
        # where it says, and with the organisation it would default to.
        after = (quote.text, quote.start, quote.end, quote.said_on)
        assert after + (quote.organisation_id,) == before
        assert quote.default_organisation() == quote.organisation


def test_the_api_lists_it(corpus, client):
    response = client.get("/api/v1/quotes/?page_size=50")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 50
    for path in ("articles", "people", "organisations", "agreements", "roles"):
        assert client.get(f"/api/v1/{path}/?page_size=50").status_code == 200


@pytest.mark.parametrize("articles,quotes", [(1, 1), (2, 3), (25, 10)])
def test_tiny_runs_show_progress(db, articles, quotes):
    err = io.StringIO()
    out = generate(articles, quotes_per_article=quotes, progress=True, stderr=err)
    assert f"{articles:,} article" in out
    assert "rows/s" in err.getvalue()
    assert Quote.objects.count() in range(articles * quotes - 3, articles * quotes + 4)


def test_a_used_seed_is_refused_and_another_adds_to_what_is_there(seed):
    before = Article.objects.count()
    generate(articles=60)
    with pytest.raises(CommandError, match="seed 7 was used here already"):
        generate(articles=60)
    generate(articles=60, seed=70)
    assert Article.objects.count() == before + 120
    assert Article.objects.filter(slug__startswith="gen-70-").count() == 60


def test_the_product_never_imports_the_development_tools():
    """devtools is installed by the local and test settings only: no module
    of the product may import it, and production settings leave it out."""
    root = Path(__file__).resolve().parent.parent
    offenders = []
    for package in ("articles", "entities", "newsdesk"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module or ""]
                if any(n == "devtools" or n.startswith("devtools.") for n in names):
                    offenders.append(str(path.relative_to(root)))
    assert offenders == []
    production = (root / "newsdesk/settings/production.py").read_text()
    base = (root / "newsdesk/settings/base.py").read_text()
    assert "devtools" not in production + base


# --------------------------------------------------------------------------
# The bulk load on PostgreSQL: indexes and constraints dropped, then rebuilt


def _schema(tables) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE tablename = ANY(%s) ORDER BY 1, 2",
            [list(tables)],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) "
            "ORDER BY 1, 2",
            [list(tables)],
        )
        constraints = cursor.fetchall()
    return {"indexes": indexes, "constraints": constraints}


BIG = [
    Article._meta.db_table,
    ArticleAuthor._meta.db_table,
    ArticlePerson._meta.db_table,
    ArticleOrganisation._meta.db_table,
    ArticleAgreement._meta.db_table,
    Quote._meta.db_table,
]


@pytest.mark.postgres
def test_the_bulk_load_builds_every_index_and_constraint_again(db, monkeypatch):
    """The COPY batches run with the big tables' secondary indexes and
    foreign-key and unique constraints gone; afterwards every one is back,
    with the same definition."""
    from devtools.corpus import bulkload

    before = _schema(BIG)
    seen = {}
    original = bulkload._drop

    def drop(cursor, dropped):
        original(cursor, dropped)
        seen[dropped.table] = _schema([dropped.table])

    monkeypatch.setattr(bulkload, "_drop", drop)
    generate(articles=40)
    assert _schema(BIG) == before
    quotes = seen[Quote._meta.db_table]
    # Only the primary key and the check constraints stayed while loading.
    assert [name for _, name, _ in quotes["indexes"]] == ["articles_quote_pkey"]
    assert {definition.split(" ")[0] for _, _, definition in quotes["constraints"]} <= {
        "PRIMARY",
        "CHECK",
    }
    assert Quote.objects.count() > 0


@pytest.mark.postgres
def test_a_failed_bulk_load_still_rebuilds_the_indexes(db, monkeypatch):
    from devtools.corpus import database

    before = _schema(BIG)

    def refuse(batch, writer):
        from django.db import DatabaseError

        raise DatabaseError("refused")

    monkeypatch.setattr(database, "_write_batch", refuse)
    with pytest.raises(CommandError, match="refused"):
        generate(articles=40)
    assert _schema(BIG) == before


def test_the_registry_tables_are_vacuumed_and_analysed_too(db, monkeypatch):
    """The registry is written before the big tables and apart from them:
    its tables get their statistics (and on PostgreSQL their names'
    trigram indexes their pending entries merged) as the big ones do."""
    from devtools.corpus import database

    done = []
    monkeypatch.setattr(database, "vacuum_analyze", lambda tables: done.extend(tables))
    generate(articles=5)
    assert {
        Person._meta.db_table,
        PersonAlias._meta.db_table,
        Organisation._meta.db_table,
        OrganisationAlias._meta.db_table,
    } <= set(done)
