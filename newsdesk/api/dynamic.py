"""Sparse fieldsets (``fields=``), expansion of linked objects (``expand=``)
and facet counts (``facets=``), shared by the resources that offer them.

Expansion swaps a link for the full object's serializer; the viewset adds the
``select_related``/``prefetch_related`` that expansion needs to its queryset,
so an expanded page costs the same number of queries whatever its size.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.db.models import Count, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from .filters import split_list
from .pagination import FacetedPageNumberPagination


def _is_top_level(serializer: serializers.BaseSerializer) -> bool:
    parent = serializer.parent
    if parent is None:
        return True
    return isinstance(parent, serializers.ListSerializer) and parent.parent is None


class DynamicFieldsMixin:
    # A serializer whose top-level fields follow ``fields=`` and whose
    # ``expandable_fields`` follow ``expand=`` (both read from the context).
    # A comment, not a docstring: drf-spectacular would publish a docstring as
    # the description of every resource serializer that uses the mixin.

    expandable_fields: dict[str, Callable[[], serializers.BaseSerializer]] = {}

    def get_fields(self):
        fields = super().get_fields()
        if not _is_top_level(self):
            return fields
        for name in self.context.get("expand", ()):
            fields[name] = self.expandable_fields[name]()
        wanted = self.context.get("fields")
        if wanted:
            fields = {name: field for name, field in fields.items() if name in wanted}
        return fields


def _param_list(request, name: str, allowed: list[str]) -> list[str]:
    raw = request.query_params.get(name)
    if raw is None:
        return []
    values = split_list(raw)
    unknown = [value for value in values if value not in allowed]
    if unknown or not values:
        choice = (
            f"choose from {', '.join(allowed)}."
            if allowed
            else f"this resource has no {name} to choose."
        )
        raise ValidationError(
            {name: [f"Unknown {name} {', '.join(unknown) or repr(raw)}; {choice}"]}
        )
    return values


@functools.cache
def _field_names_of(serializer_class, expandable: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys([*serializer_class().get_fields(), *expandable]))


def _field_names(serializer_class, expandable: list[str]) -> list[str]:
    """The names ``fields=`` may give: the serializer's fields (the same for
    every request, so built once per class, not per request) and the
    expandable ones."""
    return list(_field_names_of(serializer_class, tuple(expandable)))


class DynamicFieldsViewMixin:
    """Reads and checks ``fields=`` and ``expand=`` for a viewset whose
    serializer uses ``DynamicFieldsMixin``. ``expand_related`` maps each
    expandable field to what the queryset must fetch for it."""

    expand_related: dict[str, dict[str, list[str]]] = {}

    def _dynamic_params(self) -> tuple[list[str], list[str]]:
        if not hasattr(self, "_dynamic"):
            serializer_class = self.get_serializer_class()
            expandable = list(getattr(serializer_class, "expandable_fields", {}))
            expand = _param_list(self.request, "expand", expandable)
            fields = _param_list(
                self.request, "fields", _field_names(serializer_class, expandable)
            )
            self._dynamic = (fields, expand)
        return self._dynamic

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "request", None) is not None and not getattr(
            self, "swagger_fake_view", False
        ):
            fields, expand = self._dynamic_params()
            context.update(fields=fields, expand=expand)
        return context

    def expand_queryset(self, queryset: QuerySet) -> QuerySet:
        for name in self._dynamic_params()[1]:
            related = self.expand_related.get(name, {})
            # A bare select_related() would follow every non-null foreign
            # key instead of adding to the joins already chosen.
            if related.get("select"):
                queryset = queryset.select_related(*related["select"])
            if related.get("prefetch"):
                queryset = queryset.prefetch_related(*related["prefetch"])
        return queryset


FACET_SIZE = 10


def slug_parameter(noun: str, name: str = "slug") -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        description=f"The {noun}'s slug.",
    )


def _label_field(model, path: str) -> str:
    """The field naming the entity at ``path``: ``name``, or ``title`` for
    agreements (which have no ``name``: a facet on them answered a 500)."""
    for part in path.split("__"):
        model = model._meta.get_field(part).related_model
    names = {field.name for field in model._meta.get_fields()}
    return "name" if "name" in names else "title"


class FacetsMixin:
    """``facets=a,b`` adds ``facets: {a: [{…, count}], b: […]}`` to a list,
    counted over every result that matches the filters, one query a facet.

    ``facet_fields`` maps a facet name to the related field it counts: an
    entity (counted by slug, with name) or a plain value."""

    facet_fields: dict[str, str] = {}
    facet_entities: set[str] = set()
    # Facets only editors may count (anonymous clients get a 400).
    editor_facets: set[str] = set()
    pagination_class = FacetedPageNumberPagination

    def get_facet_fields(self) -> dict[str, str]:
        return self.facet_fields

    def facet_counts(self, queryset: QuerySet) -> dict | None:
        facet_fields = self.get_facet_fields()
        names = _param_list(self.request, "facets", list(facet_fields))
        if not names:
            return None
        queryset = queryset.order_by()
        facets = {}
        for name in names:
            path = facet_fields[name]
            if name in self.facet_entities:
                label = f"{path}__{_label_field(queryset.model, path)}"
                rows = (
                    queryset.filter(**{f"{path}__isnull": False})
                    .values(f"{path}__slug", label)
                    .annotate(count=Count("pk", distinct=True))
                    .order_by("-count", label)[:FACET_SIZE]
                )
                facets[name] = [
                    {
                        "slug": row[f"{path}__slug"],
                        "name": row[label],
                        "count": row["count"],
                    }
                    for row in rows
                ]
            else:
                rows = (
                    queryset.values(path)
                    .annotate(count=Count("pk", distinct=True))
                    .order_by("-count", path)[:FACET_SIZE]
                )
                facets[name] = [
                    {"value": row[path], "count": row["count"]} for row in rows
                ]
        return facets

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        facets = self.facet_counts(queryset)
        page = self.paginate_queryset(queryset)
        serializer = self.get_serializer(page, many=True)
        extra = {"facets": facets} if facets is not None else None
        return self.paginator.get_paginated_response(serializer.data, extra=extra)
