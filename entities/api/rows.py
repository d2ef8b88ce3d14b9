"""Pages of people, organisations and agreements as plain rows: the
registry lists' fast path.

Through the serializers a page of 50 people costs the page query and two
prefetch queries (aliases; roles with their organisations), builds a model
instance for every person, alias, role and organisation, and runs DRF's
field machinery for each; an agreement's page likewise, with its parties
and status history. The lists show a few columns of each, so here the page
is read with ``.values_list()`` — only the columns shown — and all the
related lists of the page's records come in one more query: a ``UNION
ALL`` of the related tables, each part numbered with ``ROW_NUMBER`` in the
order the serializer lists it (an organisation's page has a single related
list, its aliases, read in one plain query). Each row becomes the object
the serializer gives, with the same keys in the same order
(tests/entities/test_entity_rows.py compares the two).

The viewsets take this path for a JSON list; the browsable API and the
details keep the serializers. ``fields=`` still applies. The schema is the
serializers', unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    F,
    IntegerField,
    Value,
)
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from rest_framework import fields as drf_fields

from newsdesk.api.links import api_url
from newsdesk.core import compiled
from newsdesk.core.audience import can_see_unpublished

from .. import selectors
from ..models import (
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    OrganisationAlias,
    PersonAlias,
    Role,
)

_published_at = drf_fields.DateTimeField()
# The model field's own countries: its codes and the newsroom's names.
_countries = Organisation._meta.get_field("country").countries


def _number(owner: str, *order):
    """Each related row's place in its owner's list."""
    return Window(RowNumber(), partition_by=[F(owner)], order_by=list(order))


def _none(field) -> Value:
    return Value(None, output_field=field)


def _by_owner(query) -> dict[int, list[list[tuple]]]:
    """The rows of a links query — (part, owner id, number, …) — as owner
    id → one list per part, each in its numbered order."""
    found: dict[int, list[list[tuple]]] = defaultdict(lambda: [[], []])
    for row in sorted(query, key=lambda link: (link[1], link[0], link[2])):
        found[row[1]][row[0]].append(row[3:])
    return found


def _link(request, view_name: str, pk, slug, name, key: str = "name") -> dict:
    return {"id": pk, "slug": slug, key: name, "url": api_url(request, view_name, slug)}


def _date(value):
    return None if value is None else value.isoformat()


def _only(found: dict, wanted) -> dict:
    if wanted:
        return {name: value for name, value in found.items() if name in wanted}
    return found


# --------------------------------------------------------------------------
# People: aliases and roles

PERSON_COLUMNS = ("id", "slug", "name", "description", "wikidata_id")
ALIASES, ROLES = range(2)

# The columns of each part of the people's links query, made once (a query
# copies the expressions it is given), not with new output fields for each
# request.
_ROLE_COLUMNS = (
    Value(ROLES, output_field=IntegerField()),
    "person_id",
    _number("person_id", F("start_date").desc(), F("pk").asc()),
    "title",
    "start_date",
    "end_date",
    "organisation_id",
    "organisation__slug",
    "organisation__name",
)
_ALIAS_COLUMNS = (
    Value(ALIASES, output_field=IntegerField()),
    "person_id",
    _number("person_id", F("name").asc(), F("pk").asc()),
    "name",
    _none(DateField()),
    _none(DateField()),
    _none(IntegerField()),
    _none(CharField()),
    _none(CharField()),
)


def person_links(person_ids) -> dict[int, list[list[tuple]]]:
    """Each person's aliases (by name) and roles (latest first), in one
    query: person id → [[(name,), …], [(title, start, end, organisation
    id, slug, name), …]]."""
    if not person_ids:
        return defaultdict(lambda: [[], []])
    roles = Role.objects.filter(person_id__in=person_ids).order_by()
    aliases = PersonAlias.objects.filter(person_id__in=person_ids).order_by()
    return _by_owner(
        roles.values_list(*_ROLE_COLUMNS).union(
            aliases.values_list(*_ALIAS_COLUMNS), all=True
        )
    )


def person(row, request, links_of, wanted=None) -> dict:
    """What ``PersonSerializer`` gives for the person in ``row``."""
    pk, slug, name, description, wikidata_id = row[: len(PERSON_COLUMNS)]
    aliases, roles = links_of
    return _only(
        {
            "id": pk,
            "slug": slug,
            "url": api_url(request, "person-detail", slug),
            "name": name,
            "aliases": [alias[0] for alias in aliases],
            "description": description,
            "wikidata_id": wikidata_id,
            "roles": [
                {
                    "title": title,
                    "organisation": _link(
                        request, "organisation-detail", *organisation
                    ),
                    "start_date": _date(start),
                    "end_date": _date(end),
                }
                for title, start, end, *organisation in roles
            ],
            "quotes_url": api_url(request, "person-quotes", slug),
        },
        wanted,
    )


def people(page, request, wanted=None) -> list[dict]:
    links = person_links([row.id for row in page])
    return [person(row, request, links[row.id], wanted) for row in page]


# --------------------------------------------------------------------------
# Organisations: the parent (in the page's row) and aliases

ORGANISATION_COLUMNS = (
    "id",
    "slug",
    "name",
    "kind",
    "country",
    "parent_id",
    "parent__slug",
    "parent__name",
    "description",
    "wikidata_id",
)


def organisation_aliases(organisation_ids) -> dict[int, list[str]]:
    """Each organisation's aliases, by name, in one query."""
    found: dict[int, list[str]] = defaultdict(list)
    if organisation_ids:
        aliases = (
            OrganisationAlias.objects.filter(organisation_id__in=organisation_ids)
            .order_by("name", "pk")
            .values_list("organisation_id", "name")
        )
        for owner, name in aliases:
            found[owner].append(name)
    return found


def country(code: str) -> tuple[str, str]:
    """The code and name ``OrganisationSerializer`` shows for ``code``."""
    return _countries.alpha2(code), str(_countries.name(code))


def organisation(row, request, aliases, countries, wanted=None) -> dict:
    """What ``OrganisationSerializer`` gives for the organisation in
    ``row``; ``countries`` keeps each country's code and name as shown,
    once found (a name is a translation looked up anew each time)."""
    (
        pk,
        slug,
        name,
        kind,
        code,
        parent_id,
        parent_slug,
        parent_name,
        description,
        wikidata_id,
    ) = row[: len(ORGANISATION_COLUMNS)]
    shown = countries.get(code)
    if shown is None:
        shown = countries[code] = country(code)
    return _only(
        {
            "id": pk,
            "slug": slug,
            "url": api_url(request, "organisation-detail", slug),
            "name": name,
            "kind": kind,
            "country": shown[0],
            "country_name": shown[1],
            "parent": None
            if parent_id is None
            else _link(
                request, "organisation-detail", parent_id, parent_slug, parent_name
            ),
            "aliases": aliases,
            "description": description,
            "wikidata_id": wikidata_id,
            "quotes_url": api_url(request, "organisation-quotes", slug),
        },
        wanted,
    )


def organisations(page, request, wanted=None) -> list[dict]:
    aliases = organisation_aliases([row.id for row in page])
    countries: dict[str, tuple[str, str]] = {}
    return [
        organisation(row, request, aliases[row.id], countries, wanted) for row in page
    ]


# --------------------------------------------------------------------------
# Agreements: parties and the status history the client may see

AGREEMENT_COLUMNS = (
    "id",
    "slug",
    "title",
    "kind",
    "signed_on",
    "signed_precision",
    "scope",
    "summary",
    "status",
    "wikidata_id",
)
PARTIES, STATUS_HISTORY = range(2)

# The columns of each part of the agreements' links query, made once (see
# the people's).
_CHANGE_COLUMNS = (
    Value(STATUS_HISTORY, output_field=IntegerField()),
    "agreement_id",
    _number("agreement_id", F("date").asc(), F("pk").asc()),
    "status",
    "party_id",
    "party__slug",
    "party__name",
    "date",
    "note",
    "article__slug",
    "article__headline",
    "article__published_at",
    "shown",
)
_PARTY_COLUMNS = (
    Value(PARTIES, output_field=IntegerField()),
    "agreement_id",
    _number("agreement_id", F("organisation__name").asc(), F("pk").asc()),
    "role",
    "organisation_id",
    "organisation__slug",
    "organisation__name",
    _none(DateField()),
    _none(CharField()),
    _none(CharField()),
    _none(CharField()),
    _none(DateTimeField()),
    _none(BooleanField()),
)


def _links_queryset(agreement_ids, at, *, user):
    changes = (
        selectors.status_changes_marked(user=user, at=at)
        .filter(agreement_id__in=agreement_ids)
        .order_by()
    )
    parties = AgreementParty.objects.filter(agreement_id__in=agreement_ids).order_by()
    return changes.values_list(*_CHANGE_COLUMNS).union(
        parties.values_list(*_PARTY_COLUMNS), all=True
    )


def agreement_links(agreement_ids, *, user) -> dict[int, list[list[tuple]]]:
    """Each agreement's parties (by name) and all its status changes
    (oldest first), each marked with whether ``user`` may see it, in one
    query: agreement id → [[(role, id, slug, name, …), …], [(status, party
    id, slug, name, date, note, article slug, headline, published_at,
    shown), …]]. The hidden changes tell the status ``user`` may know
    (``selectors.status_from_changes``) and are not shown.

    The query differs between pages only by their ids and the moment, and
    between clients only by whether they see every change: its SQL is
    compiled once for each (newsdesk/core/compiled.py)."""
    if not agreement_ids:
        return defaultdict(lambda: [[], []])
    return _by_owner(
        compiled.rows_for_ids(
            ("agreement-links", can_see_unpublished(user)),
            partial(_links_queryset, user=user),
            agreement_ids,
            AgreementStatusChange.objects.db,
        )
    )


def _status_change(request, change) -> dict:
    (
        status,
        party_id,
        party_slug,
        party_name,
        date,
        note,
        article_slug,
        headline,
        published_at,
    ) = change
    return {
        "date": _date(date),
        "status": status,
        "party": None
        if party_id is None
        else _link(request, "organisation-detail", party_id, party_slug, party_name),
        "note": note,
        "article": None
        if article_slug is None
        else {
            "slug": article_slug,
            "headline": headline,
            "published_at": None
            if published_at is None
            else _published_at.to_representation(published_at),
            "url": api_url(request, "article-detail", article_slug),
        },
    }


def agreement(row, request, links_of, wanted=None) -> dict:
    """What ``AgreementSerializer`` gives for the agreement in ``row``,
    whose status is the stored one: the status shown is the one the
    client may know, told from the changes (``agreement_links``)."""
    (
        pk,
        slug,
        title,
        kind,
        signed_on,
        signed_precision,
        scope,
        summary,
        status,
        wikidata_id,
    ) = row[: len(AGREEMENT_COLUMNS)]
    parties, changes = links_of
    status = selectors.status_from_changes(
        user=request.user,
        agreement_status=status,
        signed_on=signed_on,
        changes=[(change[0], change[9]) for change in changes],
    )
    return _only(
        {
            "id": pk,
            "slug": slug,
            "url": api_url(request, "agreement-detail", slug),
            "title": title,
            "kind": kind,
            "signed_on": _date(signed_on),
            "signed_precision": signed_precision,
            "scope": scope,
            "summary": summary,
            "status": status,
            "parties": [
                {
                    "organisation": _link(request, "organisation-detail", *party[1:4]),
                    "role": party[0],
                }
                for party in parties
            ],
            "status_history": [
                _status_change(request, change[:9]) for change in changes if change[9]
            ],
            "wikidata_id": wikidata_id,
        },
        wanted,
    )


def agreements(page, request, wanted=None) -> list[dict]:
    links = agreement_links([row.id for row in page], user=request.user)
    return [agreement(row, request, links[row.id], wanted) for row in page]
