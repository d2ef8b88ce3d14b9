"""The newsroom the export and import tests carry, and the helpers that
export, import, count and empty it."""

from __future__ import annotations

import datetime
import io

from django.apps import apps
from django.core.management import call_command
from django.db import connection

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
