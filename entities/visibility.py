"""When each registry record became public, kept on the record.

Anonymous clients see the people, organisations and agreements that
published stories have made public (entities/selectors.py says why). Asking
that of every row of every list — "is this person quoted, mentioned or an
author in any published story?" — costs a scan of the quotes and bylines at
archive scale, so each record keeps ``public_from``: the earliest publication
time among the published stories that name it (a time still ahead for a
scheduled story; empty when none does). A record is public once that time
has come, exactly as if the stories were searched.

A story names
  a person        by quoting them, mentioning them or carrying their byline;
  an agreement    by mentioning it or reporting one of its status changes;
  an organisation by mentioning it, being the organisation or outlet of a
                  quote, publishing the story (its source), or being a party
                  to a public agreement.

``refresh`` recomputes the times of given records from those links, in one
UPDATE per model. The signal receivers below call it whenever a link, a
story's publication state or a record itself is saved or deleted; bulk
writers (the corpus generator, the import) call ``refresh_all``.
"""

from __future__ import annotations

import datetime

from django.db.models import Min, OuterRef, Subquery
from django.db.models.functions import Coalesce, Least, NullIf
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from .models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    Person,
)

# Stands in for "never" inside LEAST, which SQLite makes NULL if any
# argument is (PostgreSQL skips NULLs); turned back into NULL at the end.
NEVER = datetime.datetime(9999, 12, 31, tzinfo=datetime.UTC)

# A quote not loaded from the database has no stored state to compare.
_UNSET = object()


def _earliest(queryset, path: str):
    """The earliest ``path`` (a publication time) among ``queryset``'s rows,
    which point at the outer record; NEVER if there is none."""
    return Coalesce(
        Subquery(
            queryset.filter(**{f"{path}__isnull": False})
            .order_by(path)
            .values(path)[:1]
        ),
        NEVER,
    )


def _least(*expressions):
    return NullIf(Least(*expressions), NEVER)


def live_models() -> dict:
    from articles import models as articles
    from entities import models as entities

    return {
        name: getattr(module, name)
        for module, names in (
            (articles, ["Article", "ArticleAgreement", "ArticleOrganisation"]),
            (articles, ["ArticlePerson", "Quote"]),
            (entities, ["Agreement", "AgreementParty", "AgreementStatusChange"]),
            (entities, ["Organisation", "Person"]),
        )
        for name in names
    }


def _person_public_from(m: dict):
    return _least(
        _earliest(m["Quote"].objects.filter(speaker=OuterRef("pk")), "public_from"),
        _earliest(
            m["ArticlePerson"].objects.filter(
                person=OuterRef("pk"), article__status="published"
            ),
            "article__published_at",
        ),
        _earliest(
            m["Article"].objects.filter(authors=OuterRef("pk"), status="published"),
            "published_at",
        ),
    )


def _agreement_public_from(m: dict):
    return _least(
        *(
            _earliest(
                m[model].objects.filter(
                    agreement=OuterRef("pk"), article__status="published"
                ),
                "article__published_at",
            )
            for model in ("ArticleAgreement", "AgreementStatusChange")
        )
    )


def _organisation_public_from(m: dict):
    quotes = m["Quote"].objects
    return _least(
        _earliest(
            m["ArticleOrganisation"].objects.filter(
                organisation=OuterRef("pk"), article__status="published"
            ),
            "article__published_at",
        ),
        _earliest(quotes.filter(organisation=OuterRef("pk")), "public_from"),
        _earliest(quotes.filter(outlet=OuterRef("pk")), "public_from"),
        _earliest(
            m["Article"].objects.filter(source=OuterRef("pk"), status="published"),
            "published_at",
        ),
        _earliest(
            m["AgreementParty"].objects.filter(organisation=OuterRef("pk")),
            "agreement__public_from",
        ),
    )


def refresh(*, people=(), organisations=(), agreements=()) -> None:
    """Recompute ``public_from`` of the given records (ids). Agreements
    first: an organisation is public through the public agreements it is a
    party to."""
    people, organisations, agreements = (
        {pk for pk in ids if pk is not None}
        for ids in (people, organisations, agreements)
    )
    m = live_models()
    if agreements:
        Agreement.objects.filter(pk__in=agreements).update(
            public_from=_agreement_public_from(m)
        )
        organisations |= set(
            AgreementParty.objects.filter(agreement__in=agreements).values_list(
                "organisation_id", flat=True
            )
        )
    if people:
        Person.objects.filter(pk__in=people).update(public_from=_person_public_from(m))
    if organisations:
        Organisation.objects.filter(pk__in=organisations).update(
            public_from=_organisation_public_from(m)
        )


def refresh_all(m: dict | None = None) -> None:
    """Recompute every record's ``public_from`` (after bulk writes; a
    migration passes its historical models as ``m``).

    The same rules as ``refresh``, but one grouped scan per kind of link
    instead of a subquery per record: seconds, not minutes, for a million
    quotes."""
    m = m or live_models()
    published = {"article__status": "published"}

    def earliest(queryset, key: str, time: str) -> dict[int, datetime.datetime]:
        rows = (
            queryset.filter(**{f"{time}__isnull": False})
            .order_by()
            .values_list(key)
            .annotate(earliest=Min(time))
        )
        return dict(rows)

    def combine(*found: dict) -> dict[int, datetime.datetime]:
        times: dict[int, datetime.datetime] = {}
        for mapping in found:
            for pk, at in mapping.items():
                if pk is not None and (pk not in times or at < times[pk]):
                    times[pk] = at
        return times

    quotes = m["Quote"].objects
    agreements = combine(
        earliest(
            m["ArticleAgreement"].objects.filter(**published),
            "agreement",
            "article__published_at",
        ),
        earliest(
            m["AgreementStatusChange"].objects.filter(**published),
            "agreement",
            "article__published_at",
        ),
    )
    people = combine(
        earliest(quotes, "speaker", "public_from"),
        earliest(
            m["ArticlePerson"].objects.filter(**published),
            "person",
            "article__published_at",
        ),
        earliest(
            m["Article"].objects.filter(status="published"), "authors", "published_at"
        ),
    )
    parties = m["AgreementParty"].objects.values_list("organisation", "agreement")
    organisations = combine(
        earliest(quotes, "organisation", "public_from"),
        earliest(quotes, "outlet", "public_from"),
        earliest(
            m["ArticleOrganisation"].objects.filter(**published),
            "organisation",
            "article__published_at",
        ),
        earliest(
            m["Article"].objects.filter(status="published"), "source", "published_at"
        ),
        *(
            {organisation: agreements[agreement]}
            for organisation, agreement in parties
            if agreement in agreements
        ),
    )
    for model, times in (
        (m["Agreement"], agreements),
        (m["Person"], people),
        (m["Organisation"], organisations),
    ):
        records = list(model.objects.only("pk", "public_from"))
        for record in records:
            record.public_from = times.get(record.pk)
        model.objects.bulk_update(records, ["public_from"], batch_size=1000)


def _named_by(article, *, old_source_id=None) -> dict[str, set]:
    """The records ``article`` names, as ``refresh`` arguments."""
    speakers, quote_orgs = set(), set()
    links = article.quotes.values_list("speaker_id", "organisation_id", "outlet_id")
    for speaker, organisation, outlet in links:
        speakers.add(speaker)
        quote_orgs |= {organisation, outlet}
    people = set(article.articleperson_set.values_list("person_id", flat=True))
    people |= set(article.authors.values_list("pk", flat=True))
    organisations = set(
        article.articleorganisation_set.values_list("organisation_id", flat=True)
    )
    agreements = set(
        article.articleagreement_set.values_list("agreement_id", flat=True)
    )
    agreements |= set(
        article.agreement_status_changes.values_list("agreement_id", flat=True)
    )
    return {
        "people": speakers | people,
        "organisations": quote_orgs
        | organisations
        | {article.source_id, old_source_id},
        "agreements": agreements,
    }


def refresh_article(article, *, old_source_id=None) -> None:
    """Everything a story names, after its publication state or source
    changed."""
    refresh(**_named_by(article, old_source_id=old_source_id))


# --------------------------------------------------------------------------
# Keeping it current


def _quote_changed(sender, instance, created=None, **kwargs):
    """A quote makes its speaker, organisation and outlet public; when it
    moves to others, the former ones may no longer be.

    A saved quote that keeps its links and its article's publication time
    (its words relocated in an edited body, a corrected cue) changes nothing
    here, and is skipped: every quote of a story is saved when its body
    shifts them. ``created`` is None for a deletion."""
    before = getattr(instance, "_stored_links", (None, None, None))
    now = (instance.speaker_id, instance.organisation_id, instance.outlet_id)
    stored_public_from = getattr(instance, "_stored_public_from", _UNSET)
    if (
        created is False
        and before == now
        and stored_public_from == instance.public_from
    ):
        return
    refresh(
        people={before[0], now[0]},
        organisations={before[1], before[2], now[1], now[2]},
    )
    instance._stored_links = now
    instance._stored_public_from = instance.public_from


def _mention_changed(field: str, target: str):
    def receiver(sender, instance, **kwargs):
        refresh(**{target: {getattr(instance, f"{field}_id")}})

    return receiver


def _status_change_changed(sender, instance, **kwargs):
    refresh(agreements={instance.agreement_id})


def _party_changed(sender, instance, **kwargs):
    refresh(organisations={instance.organisation_id})


def _authors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and not reverse:
        instance._cleared_authors = set(instance.authors.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a person's authored_articles changed
        refresh(people={instance.pk})
    else:
        refresh(people=set(pk_set or ()) | getattr(instance, "_cleared_authors", set()))


def _article_deleting(sender, instance, **kwargs):
    # Bylines go without signals: remember whom the story named.
    instance._named = _named_by(instance)


def _article_deleted(sender, instance, **kwargs):
    refresh(**getattr(instance, "_named", {}))


def _record_saved(sender, instance, **kwargs):
    """A record saved from a form or the API writes back the public_from it
    was loaded with, which the stories may have changed since: recompute."""
    key = {Person: "people", Organisation: "organisations", Agreement: "agreements"}
    refresh(**{key[sender]: {instance.pk}})


def connect() -> None:
    from articles.models import (
        Article,
        ArticleAgreement,
        ArticleOrganisation,
        ArticlePerson,
        Quote,
    )

    uid = "entities.visibility"
    for signal in (post_save, post_delete):
        signal.connect(_quote_changed, sender=Quote, dispatch_uid=f"{uid}.quote")
        signal.connect(
            _mention_changed("person", "people"),
            sender=ArticlePerson,
            dispatch_uid=f"{uid}.person_mention",
            weak=False,
        )
        signal.connect(
            _mention_changed("organisation", "organisations"),
            sender=ArticleOrganisation,
            dispatch_uid=f"{uid}.organisation_mention",
            weak=False,
        )
        signal.connect(
            _mention_changed("agreement", "agreements"),
            sender=ArticleAgreement,
            dispatch_uid=f"{uid}.agreement_mention",
            weak=False,
        )
        signal.connect(
            _status_change_changed,
            sender=AgreementStatusChange,
            dispatch_uid=f"{uid}.status_change",
        )
        signal.connect(
            _party_changed, sender=AgreementParty, dispatch_uid=f"{uid}.party"
        )
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid=f"{uid}.article")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=f"{uid}.article")
    for model in (Person, Organisation, Agreement):
        post_save.connect(
            _record_saved, sender=model, dispatch_uid=f"{uid}.{model.__name__}"
        )
    m2m_changed.connect(
        _authors_changed, sender=Article.authors.through, dispatch_uid=f"{uid}.authors"
    )
