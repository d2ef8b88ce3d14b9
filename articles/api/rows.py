"""A page of quotes as plain rows: the list's fast path.

A page of 50 quotes through ``select_related`` and ``QuoteSerializer``
builds some 200 model instances (the quote, its article, speaker,
organisation and outlet), decodes every timestamp column of all of them,
and runs DRF's field machinery for each of the 13 fields and the four
nested links. The list shows none of the timestamps and only a few columns
of each related record, so here the page is read with ``.values_list()`` —
just the columns shown, one query, no instances — and each row becomes the
same JSON object ``QuoteSerializer`` gives, with the same keys in the same
order (tests/articles/test_quote_rows.py compares the two on every kind of
quote).

``QuoteViewSet`` takes this path for a list without ``expand=`` (expanded
records need their serializers); ``fields=`` still applies. The schema is
``QuoteSerializer``'s, unchanged.
"""

from __future__ import annotations

from django.utils import timezone
from rest_framework import fields as drf_fields
from rest_framework.settings import api_settings

from newsdesk.api.links import api_url

# The columns shown, in the order the rows are built from.
COLUMNS = (
    "id",
    "text",
    "kind",
    "cue",
    "said_on",
    "start",
    "end",
    "source_description",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "organisation_id",
    "organisation__slug",
    "organisation__name",
    "outlet_id",
    "outlet__slug",
    "outlet__name",
    "article__slug",
    "article__headline",
    "article__published_at",
)

WIDTH = len(COLUMNS)

_published_at = drf_fields.DateTimeField()


def timestamp_zone():
    """The time zone ``DateTimeField`` shows date-times in, looked up once
    per page rather than once per row; None when ``timestamp`` must leave
    the work to ``DateTimeField`` (another output format)."""
    if str(api_settings.DATETIME_FORMAT).lower() != drf_fields.ISO_8601:
        return None
    return _published_at.default_timezone()


def timestamp(value, zone) -> str | None:
    """``DateTimeField().to_representation(value)`` for an aware date-time
    in ``zone`` (``timestamp_zone``): ISO 8601, ``Z`` for UTC."""
    if value is None:
        return None
    if zone is None or not timezone.is_aware(value):
        return _published_at.to_representation(value)
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def representations(page, request, wanted=None) -> list[dict]:
    """``representation`` of every row of ``page``."""
    zone = timestamp_zone()
    return [representation(row, request, wanted, zone=zone) for row in page]


def rows(queryset):
    """``queryset`` (filtered and ordered quotes) read as named rows of
    COLUMNS: the cursor links read ``row.said_on`` and ``row.id``, the
    paginator its capped count (an annotation after the columns)."""
    return queryset.values_list(*COLUMNS, named=True)


_UNSET = object()


def representation(row, request, wanted=None, *, zone=_UNSET) -> dict:
    """What ``QuoteSerializer`` gives for the quote in ``row``, limited to
    ``wanted`` field names when given (``fields=``); ``zone`` is
    ``timestamp_zone()``, when the caller has it."""
    if zone is _UNSET:
        zone = timestamp_zone()
    (
        pk,
        text,
        kind,
        cue,
        said_on,
        start,
        end,
        source_description,
        speaker_id,
        speaker_slug,
        speaker_name,
        organisation_id,
        organisation_slug,
        organisation_name,
        outlet_id,
        outlet_slug,
        outlet_name,
        article_slug,
        article_headline,
        published_at,
    ) = row[:WIDTH]
    found = {
        "id": pk,
        "url": api_url(request, "quote-detail", pk),
        "text": text,
        "kind": kind,
        "cue": cue,
        "said_on": None if said_on is None else said_on.isoformat(),
        "start": start,
        "end": end,
        "speaker": None
        if speaker_id is None
        else {
            "id": speaker_id,
            "slug": speaker_slug,
            "name": speaker_name,
            "url": api_url(request, "person-detail", speaker_slug),
        },
        "source_description": source_description,
        "organisation": None
        if organisation_id is None
        else {
            "id": organisation_id,
            "slug": organisation_slug,
            "name": organisation_name,
            "url": api_url(request, "organisation-detail", organisation_slug),
        },
        "outlet": None
        if outlet_id is None
        else {
            "id": outlet_id,
            "slug": outlet_slug,
            "name": outlet_name,
            "url": api_url(request, "organisation-detail", outlet_slug),
        },
        "article": {
            "slug": article_slug,
            "headline": article_headline,
            "published_at": timestamp(published_at, zone),
            "url": api_url(request, "article-detail", article_slug),
        },
    }
    if wanted:
        return {name: value for name, value in found.items() if name in wanted}
    return found
