"""Pagination as the API contract describes it: ``count``, ``next``,
``previous``, ``results``; ``page`` and ``page_size`` (at most 100).

Two things keep it fast on a newsroom's archive:

* Counts are exact up to ``COUNT_LIMIT`` rows (``SEARCH_COUNT_LIMIT`` for a
  list filtered by ``q=``) and, beyond that, the database's estimate on
  PostgreSQL (``count_exact`` says which): counting a million rows exactly
  costs more than the page itself. The capped count selects a constant, so
  an index that covers the filters answers it alone, and the estimate is
  kept per query for a while instead of asked with an EXPLAIN per request;
  so is the news that a query's count went beyond the cap, so the next
  requests of it show the kept estimate without counting again.
* Deep pages by ``cursor=`` (quotes and articles): the position of the last
  row, so page 5,000 costs what page 1 costs, where an offset makes the
  database walk past every earlier row. ``cursor=`` with no value starts at
  the first page; each answer's ``next`` and ``previous`` carry the cursor.
  Cursor pages have no count.
"""

import base64
import datetime
import json
import time

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger
from django.core.paginator import Paginator as DjangoPaginator
from django.db import connections
from django.db.models import F, IntegerField, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

# Beyond this many rows a count is the database's estimate (PostgreSQL).
COUNT_LIMIT = 10_000
# The same for a list filtered by ``q=``: each match counted is a look in the
# full-text index and the row, so its exact count stops sooner.
SEARCH_COUNT_LIMIT = 1_000
# How long an estimate is reused for the same query (in each process): the
# planner's estimate only moves when the statistics do (ANALYZE).
ESTIMATE_SECONDS = 600
# When the planner expects more than this many times the cap, its estimate
# is the count at once: no exact count up to the cap is made to be thrown
# away (a common word in 100,000 stories cost 90 ms to count to 1,001).
ESTIMATE_TRUSTED = 2
ESTIMATES_KEPT = 2_000


def ordering_expressions(fields: list[str]) -> list:
    """``-said_on`` as an expression that puts empty values where PostgreSQL
    puts them by default (first when descending, last when ascending), so
    both databases agree and PostgreSQL's plain indexes serve either way."""
    expressions = []
    for field in fields:
        name = field.lstrip("-")
        if field.startswith("-"):
            expressions.append(F(name).desc(nulls_first=True))
        else:
            expressions.append(F(name).asc(nulls_last=True))
    return expressions


class Paginator(DjangoPaginator):
    """Counts exactly up to ``count_limit``, then estimates (PostgreSQL).

    The capped count rides in the page's own query as a scalar subquery, so
    a page costs one query, not a count and then the rows; a page with no
    rows (an empty list, or past the end) counts on its own. The capped
    count selects a constant, not the rows' ids, so PostgreSQL can answer it
    from an index alone. Beyond the cap the count is the planner's estimate,
    kept per query for ``ESTIMATE_SECONDS`` (one EXPLAIN, not one per
    request)."""

    count_exact = True

    def __init__(
        self,
        *args,
        count_limit: int | None = None,
        count_source=None,
        estimate_first: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.count_limit = COUNT_LIMIT if count_limit is None else count_limit
        self.estimate_first = estimate_first
        # What to count when the page is read as rows with extra joins for
        # their columns (articles/api/rows.py): the same filters, no joins.
        self.count_source = (
            count_source if count_source is not None else self.object_list
        )

    @cached_property
    def count(self) -> int:
        if not hasattr(self.object_list, "query"):  # a list: search hits
            return len(self.object_list)
        far = self._far_beyond_cap()
        if far is not None:
            self.count_exact = False
            return far
        # Django's count() of a slice needs a real column to count.
        return self._from_capped(self._capped_rows(constant=False).count())

    def _capped_rows(self, *, constant: bool = True):
        """At most ``count_limit + 1`` matching rows: what the count counts."""
        rows = self.count_source.order_by()
        if not constant or rows.query.distinct or rows.query.combinator:
            rows = rows.values("pk")
        else:
            rows = rows.values(one=Value(1))
        return rows[: self.count_limit + 1]

    def _far_beyond_cap(self) -> int | None:
        """The count, without counting, when it is known to be an estimate
        (PostgreSQL); else None. Two cases:

        * with ``estimate_first`` (full-text lists, whose every counted match
          costs a look at the row), the planner's estimate when it expects
          more than ``ESTIMATE_TRUSTED`` times the cap: then the answer is an
          estimate whatever an exact count would find up to the cap;
        * the same query's capped count reached the cap less than
          ``ESTIMATE_SECONDS`` ago: the answer is its estimate again, kept as
          long (``_from_capped`` remembers), so counting the first rows up to
          the cap once more would only be thrown away.

        Other lists count up to the cap from an index, inside the page's own
        query."""
        queryset = self.count_source.order_by()
        if connections[queryset.db].vendor != "postgresql":
            return None
        if not self.estimate_first and not _beyond_cap_anywhere(queryset):
            # No count of this table went beyond its cap lately: nothing to
            # look up, and the query's SQL (the key) is not worth compiling
            # (a tenth of an agreement list's own time).
            return None
        rows = queryset.values("pk")
        key = _query_key(rows)
        if _beyond_cap_kept(queryset, key, self.count_limit):
            return max(estimate(rows, key=key), self.count_limit + 1)
        if not self.estimate_first:
            return None
        found = estimate(rows, key=key)
        return found if found > ESTIMATE_TRUSTED * self.count_limit else None

    def _from_capped(self, capped: int) -> int:
        """The count to show, given the count capped at ``count_limit + 1``."""
        self.count_exact = capped <= self.count_limit
        if self.count_exact:
            return capped
        queryset = self.count_source.order_by()
        if connections[queryset.db].vendor != "postgresql":
            self.count_exact = True
            return queryset.count()
        rows = queryset.values("pk")
        key = _query_key(rows)
        _keep_beyond_cap(key, self.count_limit, queryset)
        return max(estimate(rows, key=key), self.count_limit + 1)

    def page(self, number):
        if not hasattr(self.object_list, "query") or "count" in self.__dict__:
            return super().page(number)
        number = self._page_number(number)
        bottom = (number - 1) * self.per_page
        if bottom > self.count_limit:
            # Past the rows the capped count can see: count first, so a page
            # beyond the end is refused before its offset reaches the
            # database (a huge one overflows PostgreSQL's bigint).
            return super().page(number)
        far = self._far_beyond_cap()
        if far is not None:
            rows = list(self.object_list[bottom : bottom + self.per_page])
            if not rows:
                return super().page(number)
            self.count, self.count_exact = far, False
            return self._get_page(rows, number, self)
        try:
            capped_count = self._capped_count()
        except EmptyResultSet:  # a filter that matches nothing, known unasked
            return super().page(number)
        queryset = self.object_list.annotate(**{CAPPED_COUNT: capped_count})
        fields = self.object_list._fields
        if fields:
            # Rows read by values_list(named=True) (articles/api/rows.py):
            # the count goes after their columns.
            queryset = queryset.values_list(*fields, CAPPED_COUNT, named=True)
        rows = list(queryset[bottom : bottom + self.per_page])
        if not rows:  # nothing to read the count from: count, then judge
            return super().page(number)
        self.count = self._from_capped(getattr(rows[0], CAPPED_COUNT))
        return self._get_page(rows, number, self)

    def _capped_count(self) -> RawSQL:
        """``SELECT COUNT(*)`` over at most ``count_limit + 1`` matching rows,
        as an expression. RawSQL because the ORM cannot count a sliced
        subquery; the inner SQL and its parameters are the ORM's own."""
        inner = self._capped_rows()
        sql, params = inner.query.get_compiler(using=inner.db).as_sql()
        return RawSQL(  # noqa: S611 - the ORM's own SQL and parameters
            f"SELECT COUNT(*) FROM ({sql}) capped",  # noqa: S608
            params,
            output_field=IntegerField(),
        )

    def _page_number(self, number) -> int:
        """``validate_number`` without the count it compares against."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number


_estimates: dict[tuple, tuple[float, int]] = {}
# By table (and database), the queries (with their cap) whose capped count
# reached the cap, and when.
_beyond_cap: dict[tuple[str, str], dict[tuple, float]] = {}


def _query_key(queryset) -> tuple | None:
    """``queryset``'s SQL and parameters as a key, date-times to the ten
    minutes: "public before now" asks the same a few seconds later. None for
    a query Django knows matches nothing."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    return (queryset.db, sql, tuple(_coarse(value) for value in params))


def _keep_beyond_cap(key: tuple | None, limit: int, queryset) -> None:
    if key is not None:
        if sum(map(len, _beyond_cap.values())) >= ESTIMATES_KEPT:
            _beyond_cap.clear()
        _beyond_cap.setdefault(_table(queryset), {})[key, limit] = time.monotonic()


def _table(queryset) -> tuple[str, str]:
    return (queryset.db, queryset.model._meta.db_table)


def _beyond_cap_anywhere(queryset) -> bool:
    """Whether any query of ``queryset``'s table counted beyond its cap
    since the last clearing: else ``_beyond_cap_kept`` is false for each."""
    return _table(queryset) in _beyond_cap


def _beyond_cap_kept(queryset, key: tuple | None, limit: int) -> bool:
    """Whether ``queryset``, whose key is ``key`` (``_query_key``), counted
    beyond ``limit`` less than ``ESTIMATE_SECONDS`` ago."""
    kept = _beyond_cap.get(_table(queryset), {})
    since = kept.get((key, limit)) if key is not None else None
    return since is not None and time.monotonic() - since < ESTIMATE_SECONDS


_UNKEYED = object()


def estimate(queryset, *, key=_UNKEYED) -> int:
    """PostgreSQL's estimate of the rows ``queryset`` matches, from the plan
    (EXPLAIN, which plans but runs nothing), kept per query for
    ``ESTIMATE_SECONDS``. Date-time parameters count to the ten minutes in
    the key: "public before now" asks the same a few seconds later. ``key``
    is ``_query_key(queryset)`` when the caller has it already."""
    if key is _UNKEYED:
        key = _query_key(queryset)
    if key is None:
        # A search with no usable words ("", "--", "OR OR") matches nothing:
        # Django knows without asking the database.
        return 0
    now = time.monotonic()
    kept = _estimates.get(key)
    if kept is not None and now - kept[0] < ESTIMATE_SECONDS:
        return kept[1]
    plan = json.loads(queryset.explain(format="json"))
    rows = int(plan[0]["Plan"]["Plan Rows"])
    if len(_estimates) >= ESTIMATES_KEPT:
        _estimates.clear()
    _estimates[key] = (now, rows)
    return rows


def forget_estimates() -> None:
    """Drop the estimates kept, and which counts reached their cap (after
    rows were added or removed in bulk)."""
    _estimates.clear()
    _beyond_cap.clear()


def _coarse(value):
    if isinstance(value, datetime.datetime):
        return value.replace(minute=value.minute // 10 * 10, second=0, microsecond=0)
    if isinstance(value, list):
        return tuple(value)
    return value


# The page's rows carry the capped count under this name.
CAPPED_COUNT = "newsdesk_capped_count"


class PageNumberPagination(pagination.PageNumberPagination):
    django_paginator_class = Paginator
    page_size = 20
    page_size_query_param = "page_size"
    page_size_query_description = "Results per page (1 to 100, default 20)."
    max_page_size = 100

    def get_page_size(self, request):
        # DRF quietly falls back to the default for a malformed page_size;
        # the contract promises a 400 naming the parameter instead.
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = int(raw) if raw.isascii() and raw.isdigit() else 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        f"Enter a whole number from 1 to {self.max_page_size}."
                    ]
                }
            )
        return size

    FIELD_DESCRIPTIONS = {
        "count": "How many results match, over all pages: exact up to "
        f"{COUNT_LIMIT:,} ({SEARCH_COUNT_LIMIT:,} when filtered by q=), beyond "
        "that the database's estimate (see count_exact). Absent from cursor "
        "pages.",
        "next": "The next page, or null on the last.",
        "previous": "The previous page, or null on the first.",
        "results": "This page of results.",
    }

    def get_paginated_response_schema(self, schema):
        # DRF's envelope schema leaves its fields undocumented.
        response_schema = super().get_paginated_response_schema(schema)
        for name, description in self.FIELD_DESCRIPTIONS.items():
            response_schema["properties"][name]["description"] = description
        response_schema["required"] = ["next", "previous", "results"]
        response_schema["properties"]["count_exact"] = {
            "type": "boolean",
            "description": "False when count is the database's estimate. "
            "Absent from cursor pages.",
        }
        return response_schema

    def get_page_number(self, request, paginator):
        """A page number is a whole number from 1: anything else is a 400
        naming ``page`` (DRF's 404 "Invalid page" said neither)."""
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return 1
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
            raise ValidationError(
                {self.page_query_param: ["Enter a whole number from 1."]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        self.cursor = None
        if (
            getattr(view, "cursor_pagination", False)
            and CursorPagination.cursor_query_param in request.query_params
        ):
            self.cursor = CursorPagination()
            self.cursor.page_size = self.get_page_size(request)
            return self.cursor.paginate_queryset(queryset, request, view)
        page_size = self.get_page_size(request)
        searching = bool(request.query_params.get("q"))
        paginator = self.django_paginator_class(
            queryset,
            page_size,
            count_limit=SEARCH_COUNT_LIMIT if searching else None,
            count_source=getattr(view, "count_source", None),
            estimate_first=searching,
        )
        number = self.get_page_number(request, paginator)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            pages = paginator.num_pages
            raise NotFound(
                f"There is no page {number}: at {page_size} per page there "
                f"{'is' if pages == 1 else 'are'} {pages} "
                f"page{'' if pages == 1 else 's'}."
            ) from None
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        self.request = request
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        # What get_page_number and get_page_size accept, typed as such.
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                }
        if getattr(view, "cursor_pagination", False):
            parameters.append(
                {
                    "name": CursorPagination.cursor_query_param,
                    "required": False,
                    "in": "query",
                    "description": CursorPagination.cursor_query_description,
                    "schema": {"type": "string"},
                }
            )
        return parameters

    def get_paginated_response(self, data, extra=None):
        if self.cursor is not None:
            response = self.cursor.get_paginated_response(data)
        else:
            response = super().get_paginated_response(data)
            response.data["count_exact"] = self.page.paginator.count_exact
        if extra:
            response.data.update(extra)
        return response


class CursorPagination:
    """Keyset pages: rows after (or before) the last one shown, in the
    list's ordering, which always ends with the unique id.

    Written here rather than taken from DRF's ``CursorPagination``, which
    locates a page by its first ordering field plus an offset among ties
    and cannot order by a field that may be empty (a quote's date)."""

    cursor_query_param = "cursor"
    cursor_query_description = (
        "Deep pages: give it empty to start, then follow next/previous, "
        "which carry the position of the last row shown. Cursor pages are as "
        "fast at page 5,000 as at page 1, and have no count."
    )

    def paginate_queryset(self, queryset, request, view):
        self.request = request
        self.fields = _ordering_fields(queryset)
        self.ordering_key = ",".join(self.fields)
        raw = request.query_params.get(self.cursor_query_param, "")
        backwards, position = (
            self._decode(raw, queryset.model) if raw else (False, None)
        )
        ordered = queryset.order_by(*ordering_expressions(self.fields))
        if backwards:
            ordered = queryset.order_by(
                *ordering_expressions([_reverse(f) for f in self.fields])
            )
        if position is not None:
            ordered = ordered.filter(
                _after(
                    self.fields
                    if not backwards
                    else [_reverse(f) for f in self.fields],
                    position,
                )
            )
        rows = list(ordered[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()
        self.page = rows
        # Whether there are rows beyond each end of this page.
        self.has_next = more if not backwards else position is not None
        self.has_previous = (position is not None) if not backwards else more
        return rows

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self._link(self.page[-1], False)
                if self.has_next and self.page
                else None,
                "previous": self._link(self.page[0], True)
                if self.has_previous and self.page
                else None,
                "results": data,
            }
        )

    def _link(self, row, backwards: bool) -> str:
        values = [getattr(row, f.lstrip("-")) for f in self.fields]
        cursor = encode_cursor(self.ordering_key, values, backwards=backwards)
        url = self.request.build_absolute_uri()
        url = remove_query_param(url, "page")
        return replace_query_param(url, self.cursor_query_param, cursor)

    def _decode(self, raw: str, model):
        try:
            padded = raw + "=" * (-len(raw) % 4)
            token = json.loads(base64.urlsafe_b64decode(padded.encode()))
            if token["o"] != self.ordering_key or len(token["p"]) != len(self.fields):
                raise ValueError
            values = []
            for field, value in zip(self.fields, token["p"], strict=True):
                model_field = model._meta.get_field(field.lstrip("-"))
                values.append(None if value is None else model_field.to_python(value))
            return bool(token["b"]), values
        except (ValueError, TypeError, KeyError, AttributeError, UnicodeError) as exc:
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        "This cursor is not one this list gave out (or it was "
                        "given for another ordering); start again with cursor=."
                    ]
                }
            ) from exc
        except Exception as exc:  # noqa: BLE001 - any malformed token is a 400
            raise ValidationError(
                {self.cursor_query_param: ["This cursor is malformed."]}
            ) from exc


def encode_cursor(ordering: str, values: list, *, backwards: bool = False) -> str:
    """The cursor for the rows after (or before) the row whose ordering
    fields hold ``values``, in ``ordering`` (e.g. ``-said_on,-id``)."""
    token = json.dumps(
        {"o": ordering, "p": [_encode_value(v) for v in values], "b": backwards},
        separators=(",", ":"),
    )
    return base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")


def _reverse(field: str) -> str:
    return field[1:] if field.startswith("-") else f"-{field}"


def _ordering_fields(queryset) -> list[str]:
    fields = []
    for item in queryset.query.order_by:
        if isinstance(item, str):
            fields.append(item)
        else:  # an OrderBy expression from ordering_expressions
            name = item.expression.name
            fields.append(f"-{name}" if item.descending else name)
    fields = ["id" if f == "pk" else "-id" if f == "-pk" else f for f in fields]
    return fields


def _beyond(field: str, value) -> Q:
    """Rows past ``value`` in ``field``'s direction (empty values first when
    descending, last when ascending)."""
    name = field.lstrip("-")
    if field.startswith("-"):
        if value is None:
            return Q(**{f"{name}__isnull": False})
        return Q(**{f"{name}__lt": value})
    if value is None:
        return Q(pk__in=[])
    return Q(**{f"{name}__gt": value}) | Q(**{f"{name}__isnull": True})


def _equal(field: str, value) -> Q:
    name = field.lstrip("-")
    if value is None:
        return Q(**{f"{name}__isnull": True})
    return Q(**{name: value})


def _after(fields: list[str], position: list) -> Q:
    """Rows after ``position`` in the ordering ``fields``: past it in the
    first field, or equal there and past it in the next, and so on. The
    first field's bound is repeated on its own so an index on it can start
    at the position instead of filtering every earlier row."""
    condition = Q(pk__in=[])
    equal = Q()
    for field, value in zip(fields, position, strict=True):
        condition |= equal & _beyond(field, value)
        equal &= _equal(field, value)
    first, value = fields[0], position[0]
    name = first.lstrip("-")
    if value is not None and first.startswith("-"):
        condition &= Q(**{f"{name}__lte": value})
    elif value is not None:
        condition &= Q(**{f"{name}__gte": value}) | Q(**{f"{name}__isnull": True})
    else:
        condition &= Q(**{f"{name}__isnull": False}) | Q(**{f"{name}__isnull": True})
    return condition


def _encode_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


class FacetedPageNumberPagination(PageNumberPagination):
    """Pages of a list that offers ``facets=``.

    ``schema_view`` is the view whose schema is being written (set by
    ``newsdesk.api.schema.AutoSchema``): its facets are the properties of
    ``facets``, entities counted by slug and name, plain values by value."""

    schema_view = None

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        count = {"type": "integer", "description": "Matching results."}
        entity = {
            "type": "object",
            "properties": {
                "slug": {"type": "string", "description": "Entity slug."},
                "name": {"type": "string", "description": "Entity name."},
                "count": count,
            },
            "required": ["slug", "name", "count"],
        }
        value = {
            "type": "object",
            "properties": {
                "value": {"type": "string", "description": "Plain value."},
                "count": count,
            },
            "required": ["value", "count"],
        }
        view = self.schema_view
        names = list(getattr(view, "facet_fields", {}))
        entities = getattr(view, "facet_entities", set())
        response_schema["properties"]["facets"] = {
            "type": "object",
            "description": "Present when facets= is given: each facet asked "
            "for, with its top values (slug and name for entities, value "
            "otherwise) and the number of matching results.",
            "properties": {
                name: {
                    "type": "array",
                    "description": f"Top values of {name}.",
                    "items": entity if name in entities else value,
                }
                for name in names
            },
            "additionalProperties": False,
        }
        return response_schema
