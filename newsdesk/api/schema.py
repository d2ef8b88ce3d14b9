"""The OpenAPI schema, made to say what the API does.

drf-spectacular reads most of it from the views; these extensions fill in
what it cannot see:

* each Newsdesk filter types its own parameter (``parameter_schema()`` in
  ``newsdesk/api/filters.py``): slugs and Wikidata ids are strings, comma
  lists are arrays with ``style: form, explode: false``, a repeatable
  parameter (``party``) is an exploded array, choices are enums;
* ``fields``, ``expand``, ``facets`` and ``format`` are read from the view,
  the same places ``newsdesk/api/parameters.py`` reads them from when it
  refuses an unknown name;
* a resource answered by a list or detail may be sparse (``fields=``), so
  its component requires nothing, and each expandable link is either the
  link or the full object (``expand=``); the same serializer nested inside
  another answer is always whole, and is the ``…Full`` component.

https://drf-spectacular.readthedocs.io/en/latest/customization.html
"""

from __future__ import annotations

import copy

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import build_parameter_type
from drf_spectacular.utils import OpenApiParameter

from .dynamic import FACET_SIZE, DynamicFieldsViewMixin, FacetsMixin
from .parameters import FORMAT


class FilterExtension(DjangoFilterExtension):
    """django-filter's parameters, with Newsdesk's filters typing their own."""

    priority = 1

    def resolve_filter_field(
        self, auto_schema, model, filterset_class, field_name, filter_field
    ):
        describe = getattr(filter_field, "parameter_schema", None)
        if describe is None:
            return super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
        schema, explode = describe()
        return [
            build_parameter_type(
                name=field_name,
                required=filter_field.extra["required"],
                location=OpenApiParameter.QUERY,
                description=filter_field.extra.get("help_text", ""),
                schema=schema,
                explode=explode,
                style="form" if explode is not None else None,
            )
        ]


def _answered(serializer) -> bool:
    """The serializer a list or detail answers with, rather than one nested
    in another answer or standing for an expanded link."""
    return serializer.parent is None and not getattr(serializer, "_nested", False)


class DynamicSerializerExtension(OpenApiSerializerExtension):
    """Resources that take ``fields=`` and ``expand=``."""

    target_class = "newsdesk.api.dynamic.DynamicFieldsMixin"
    match_subclasses = True

    def get_name(self, auto_schema, direction):
        name = auto_schema._get_serializer_name(
            self.target, direction, bypass_extensions=True
        )
        return name if _answered(self.target) else f"{name}Full"

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(
            self.target, direction, bypass_extensions=True
        )
        if not _answered(self.target):
            return schema
        schema = copy.deepcopy(schema)
        schema.pop("required", None)
        for name, factory in self.target.expandable_fields.items():
            full = factory()
            full._nested = True
            component = auto_schema.resolve_serializer(full, direction)
            link = schema["properties"][name]
            refs = link.pop("allOf", None) or [{"$ref": link.pop("$ref")}]
            link["anyOf"] = [*refs, component.ref]
            link["description"] = (
                f"{link.get('description', '')} The full object with expand={name}."
            ).strip()
        schema["description"] = (
            f"{schema.get('description', '')}\n\nEvery field is present unless "
            "`fields=` names some; with `expand=`, the links it names are full "
            "objects."
        ).strip()
        return schema


def _array_of(names, description: str) -> dict:
    return {
        "type": {"type": "array", "items": {"type": "string", "enum": list(names)}},
        "style": "form",
        "explode": False,
        "description": description,
    }


class AutoSchema(SpectacularAutoSchema):
    """Adds what a view takes beyond its filters and pages."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        view = self.view
        action = getattr(view, "action", None)
        if isinstance(view, DynamicFieldsViewMixin) and action in ("list", "retrieve"):
            serializer_class = view.get_serializer_class()
            expandable = list(getattr(serializer_class, "expandable_fields", {}))
            names = dict.fromkeys([*serializer_class().get_fields(), *expandable])
            parameters.append(
                OpenApiParameter(
                    "fields",
                    **_array_of(
                        names,
                        "Comma-separated top-level fields to return (a sparse "
                        "fieldset); all by default.",
                    ),
                )
            )
            if expandable:
                parameters.append(
                    OpenApiParameter(
                        "expand",
                        **_array_of(
                            expandable,
                            "Comma-separated links to return as full objects.",
                        ),
                    )
                )
        if isinstance(view, FacetsMixin) and action == "list":
            parameters.append(
                OpenApiParameter(
                    "facets",
                    **_array_of(
                        view.facet_fields,
                        "Comma-separated facets to count over every result "
                        f"matching the other filters (top {FACET_SIZE} values "
                        "each), returned under `facets`."
                        + (
                            f" Editors only: {', '.join(sorted(view.editor_facets))}."
                            if view.editor_facets
                            else ""
                        ),
                    ),
                )
            )
        return parameters

    def _get_format_parameters(self):
        # drf-spectacular documents format= only where there are two formats
        # or more; every view takes it (newsdesk/api/parameters.py).
        formats = self.map_renderers("format")
        return [
            build_parameter_type(
                name=FORMAT,
                schema={"type": "string"},
                location=OpenApiParameter.QUERY,
                enum=formats,
                description="The representation, instead of an Accept header: "
                + ", ".join(f"`{f}`" for f in formats)
                + ". Another answers 406.",
            )
        ]

    def _get_paginator(self):
        paginator = super()._get_paginator()
        if paginator is not None:
            paginator.schema_view = self.view
        return paginator


# OpenAPI 3.0.3 lets ``nullable`` add null only to a ``type`` beside it: a
# nullable reference (``allOf: [$ref]``, ``nullable: true``) still refuses
# null, so a validator (or a generated type) rejected every quote without an
# outlet. The one 3.0 way to say "this object or null" is a second option.
NULL = {"enum": [None], "nullable": True, "description": "None."}


def _nullable_references(node) -> None:
    if isinstance(node, dict):
        if node.get("nullable") and "type" not in node:
            parts = node.pop("allOf", None) or node.pop("anyOf", None)
            if parts is not None:
                node.pop("nullable")
                node["anyOf"] = [*parts, NULL]
        for value in node.values():
            _nullable_references(value)
    elif isinstance(node, list):
        for value in node:
            _nullable_references(value)


def nullable_references(result, generator, request, public):
    """drf-spectacular postprocessing hook: nullable references as
    ``anyOf: [the object, null]``."""
    _nullable_references(result)
    return result
