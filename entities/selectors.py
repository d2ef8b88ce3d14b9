"""Which registry records a client may read.

The registry itself is not editorial, but what it holds can be: a person
entered for an unpublished investigation must not surface before the story
does. So anonymous clients see the people, organisations and agreements that
published stories have made public — quoted, mentioned, authored, cited — and
no others. Records linked from a public record (a public person's roles, a
public organisation's parent) are shown as links because an editor tied them
to something public.
"""

from __future__ import annotations

import datetime

from django.db import connections, router
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsdesk.core.audience import can_see_unpublished

from .models import (
    Agreement,
    AgreementStatusChange,
    Organisation,
    Person,
)

# Each record keeps when the stories first made it public
# (entities/visibility.py): one indexed column to compare, where asking every
# row whether a published story names it would scan the quotes.


def people_visible(*, user, at: datetime.datetime | None = None) -> QuerySet[Person]:
    """What ``user`` may see (at ``at``, by default now)."""
    if can_see_unpublished(user):
        return Person.objects.all()
    return Person.objects.filter(public_from__lte=at or timezone.now())


def agreements_visible(
    *, user, at: datetime.datetime | None = None
) -> QuerySet[Agreement]:
    """What ``user`` may see (at ``at``, by default now)."""
    if can_see_unpublished(user):
        return Agreement.objects.all()
    return Agreement.objects.filter(public_from__lte=at or timezone.now())


def organisations_visible(
    *, user, at: datetime.datetime | None = None
) -> QuerySet[Organisation]:
    """What ``user`` may see (at ``at``, by default now)."""
    if can_see_unpublished(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(public_from__lte=at or timezone.now())


def _status_change_visible(*, user, at=None) -> Q | None:
    """What makes a status change visible to ``user`` (at ``at``, by default
    now): None for those who see every change."""
    if can_see_unpublished(user):
        return None
    # The citing story's own definition of public: the registry reaches the
    # stories only through this link, whose model answers ``published()``
    # (articles.models.ArticleQuerySet), and imports nothing of theirs.
    stories = AgreementStatusChange._meta.get_field("article").related_model
    # EXISTS on the citing story's id, not ``article__in``: PostgreSQL
    # would otherwise collect every published story's id (94,000 in the
    # benchmark's archive) for each agreement list.
    return Q(article__isnull=True) | Exists(
        stories.objects.published(at=at).filter(pk=OuterRef("article_id"))
    )


def status_changes_visible(*, user) -> QuerySet[AgreementStatusChange]:
    """Status changes reported by stories the client may read, or citing
    none."""
    changes = AgreementStatusChange.objects.all()
    visible = _status_change_visible(user=user)
    return changes if visible is None else changes.filter(visible)


def status_changes_marked(*, user, at=None) -> QuerySet[AgreementStatusChange]:
    """Every status change, annotated ``shown``: whether ``user`` may see it
    at ``at`` (by default now; ``status_changes_visible``'s condition as a
    column). What ``status_from_changes`` needs to tell the status ``user``
    may know without asking the database once more per agreement."""
    visible = _status_change_visible(user=user, at=at)
    return AgreementStatusChange.objects.annotate(
        shown=Value(True)
        if visible is None
        else Case(When(visible, then=Value(True)), default=Value(False))
    )


def status_from_changes(*, user, agreement_status, signed_on, changes) -> str:
    """``agreements_with_status``'s ``visible_status`` of one agreement, from
    its stored ``agreement_status`` and ``signed_on`` and all its changes,
    oldest first, as (status, shown) pairs (``status_changes_marked``): the
    same rule, for a page of agreements whose changes are read anyway."""
    if can_see_unpublished(user):
        return agreement_status
    shown = [status for status, visible in changes if visible]
    if shown:
        return shown[-1]
    if len(shown) == len(changes):  # no change hidden
        return agreement_status
    return "signed" if signed_on is not None else "proposed"


def agreements_with_status(*, user) -> QuerySet[Agreement]:
    """Visible agreements annotated with ``visible_status``: the status the
    client may know. For the public that is the latest change reported by a
    published story; the stored status only when no change is hidden, since
    it may come from an unpublished story."""
    agreements = agreements_visible(user=user)
    visible = _status_change_visible(user=user)
    if visible is None:
        return agreements.annotate(visible_status=F("status"))
    # One condition for both (building it costs more than the query it
    # makes): a change is hidden when it is not visible.
    changes = AgreementStatusChange.objects.filter(agreement=OuterRef("pk"))
    return agreements.annotate(
        visible_status=Coalesce(
            Subquery(
                changes.filter(visible).order_by("-date", "-id").values("status")[:1]
            ),
            Case(
                When(~Exists(changes.exclude(visible)), then="status"),
                When(signed_on__isnull=False, then=Value("signed")),
                default=Value("proposed"),
            ),
        )
    )


def _descendants_sql(count: int) -> str:
    table = Organisation._meta.db_table
    roots = ", ".join(["%s"] * count)
    # The table's name and placeholders only; the ids are parameters.
    return (
        f'WITH RECURSIVE tree(id) AS (SELECT id FROM "{table}" WHERE id IN '  # noqa: S608
        f'({roots}) UNION SELECT child.id FROM "{table}" child JOIN tree ON '
        "child.parent_id = tree.id) SELECT id FROM tree"
    )


def organisations_below(organisations) -> RawSQL:
    """The ids of ``organisations`` and of every organisation below them, as
    a recursive subquery for ``organisation__in=``: no query of its own."""
    ids = sorted({organisation.pk for organisation in organisations})
    return RawSQL(_descendants_sql(len(ids)), ids)  # noqa: S611 - constant SQL


def organisation_ids_with_descendants(organisations) -> set[int]:
    """The ids of ``organisations`` and of every organisation below them, in
    one recursive query (the ORM has no WITH RECURSIVE; both databases do)."""
    ids = sorted({organisation.pk for organisation in organisations})
    if not ids:
        return set()
    database = connections[router.db_for_read(Organisation)]
    with database.cursor() as cursor:
        cursor.execute(_descendants_sql(len(ids)), ids)
        return {row[0] for row in cursor.fetchall()}
