"""Restoring a checked newsroom (``reader.Newsroom``) into an empty database:
``bulk_create`` in dependency order keeping the file's ids, versions and
timestamps, one '+' history record per object, the id sequences moved past
the ids written, and the public records refreshed once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

from articles.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from entities import visibility
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
from newsdesk.cache import content_changed

from .progress import Progress
from .reader import Newsroom

BATCH_SIZE = 1000

ArticleAuthor = Article.authors.through

# Dependency order: every model after those it refers to.
MODELS: list[type[models.Model]] = [
    Person,
    PersonAlias,
    Organisation,
    OrganisationAlias,
    Role,
    Agreement,
    AgreementParty,
    Article,
    ArticleAuthor,
    AgreementStatusChange,
    ArticlePerson,
    ArticleOrganisation,
    ArticleAgreement,
    Quote,
    MergeRecord,
]

# Names for the refusal to import into a database that is not empty, where
# the models' own verbose names ("aliases", "parties") would be ambiguous.
NAMES = {
    PersonAlias: ("person alias", "person aliases"),
    OrganisationAlias: ("organisation alias", "organisation aliases"),
    AgreementParty: ("agreement party", "agreement parties"),
    AgreementStatusChange: ("agreement status change", "agreement status changes"),
    ArticlePerson: ("mention of a person", "mentions of people"),
    ArticleOrganisation: ("mention of an organisation", "mentions of organisations"),
    ArticleAgreement: ("mention of an agreement", "mentions of agreements"),
}


def counted(count: int, model: type[models.Model]) -> str:
    meta = model._meta
    singular, plural = NAMES.get(model, (meta.verbose_name, meta.verbose_name_plural))
    return f"{count} {singular if count == 1 else plural}"


def records_present() -> list[str]:
    """What newsroom records the database holds already ("3 people", …)."""
    present = []
    for model in MODELS:
        if model is ArticleAuthor:
            continue
        count = model._default_manager.count()
        if count:
            present.append(counted(count, model))
    return present


@contextmanager
def timestamps_as_given(model_list) -> Iterator[None]:
    """Let ``bulk_create`` write the instances' own ``created_at`` /
    ``updated_at`` / ``merged_at``: ``auto_now`` and ``auto_now_add`` fields
    overwrite any value with the current time in ``pre_save()``, even on an
    insert with explicit values. The flags are restored afterwards; this is
    meant for a management command's own process."""
    saved = []
    for model in model_list:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(
                field, "auto_now_add", False
            ):
                saved.append((field, field.auto_now, field.auto_now_add))
    try:
        for field, _, _ in saved:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _depth(organisation: Organisation) -> int:
    return len(organisation.ancestors())


def object_count(newsroom: Newsroom) -> int:
    return sum(len(rows) for rows in newsroom.objects.values()) + len(newsroom.authors)


def restore(newsroom: Newsroom, *, reason: str, progress: Progress) -> dict:
    """Insert everything (in dependency order), one '+' history record per
    object, then move the id sequences past the ids written. Returns the
    number of rows per model."""
    objects = {
        model: [o for _, o in newsroom.objects.get(model, [])] for model in MODELS
    }
    objects[Organisation].sort(key=_depth)
    objects[ArticleAuthor] = [
        ArticleAuthor(article=article, person=person)
        for _, article, person in newsroom.authors
    ]
    now = timezone.now()
    history_ids: dict[int, int] = {}
    with timestamps_as_given(MODELS):
        for model in MODELS:
            rows = objects[model]
            for batch in _batches(rows):
                model._default_manager.bulk_create(batch)
                history = getattr(model, "history", None)
                if history is not None:
                    created = history.bulk_history_create(
                        batch, default_change_reason=reason, default_date=now
                    )
                    if model is Article:
                        history_ids.update((h.id, h.history_id) for h in created)
                elif model is ArticleAuthor:
                    _author_history(batch, history_ids)
                progress.advance(len(batch))
    statements = connection.ops.sequence_reset_sql(no_style(), MODELS)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.check_constraints()
    # Bulk inserts send no signals: which records are public, once.
    visibility.refresh_all()
    content_changed()
    return {model: len(objects[model]) for model in MODELS}


def _batches(rows: list) -> Iterator[list]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]


def _author_history(rows, history_ids: dict[int, int]) -> None:
    """The bylines of each article's '+' history record, as simple_history
    records them for the ``authors`` many-to-many field."""
    model = Article.history.model.authors.model
    model._default_manager.bulk_create(
        [
            model(
                history_id=history_ids[row.article_id],
                id=row.id,
                article_id=row.article_id,
                person_id=row.person_id,
            )
            for row in rows
        ]
    )
