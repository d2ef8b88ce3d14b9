"""One rule for every query parameter of every API view.

* A name the operation does not take answers 400 listing the ones it does
  (``speakr=`` is a typo to point out, not a filter to drop silently).
* A parameter given twice answers 400, unless it is repeatable (``party``,
  where each repetition must match): "any of" is a comma list, ``a,b``.
* An empty value is the same as leaving the parameter out, for every
  parameter; only ``cursor=`` means something empty (the first cursor page).
* ``format=`` naming no representation of the resource answers 406.

The names an operation takes come from the view itself — its FilterSet, its
paginator, its ordering, ``fields``/``expand``/``facets`` and renderers — the
same places the schema reads them from (``newsdesk/api/schema.py``), so the
two cannot drift apart; ``tests/test_api_contract.py`` checks they agree.
"""

from __future__ import annotations

from django.http import Http404, QueryDict
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings

from .dynamic import DynamicFieldsViewMixin, FacetsMixin
from .pagination import CursorPagination

FORMAT = "format"
# Parameters whose empty value means something.
MEANINGFUL_WHEN_EMPTY = {CursorPagination.cursor_query_param}


class ContentNegotiation(DefaultContentNegotiation):
    """DRF answers a ``format=`` no renderer offers with a 404; it is a 406
    (Not Acceptable) naming the formats there are. A format suffix in the
    path (``articles/a.b/``) that names none stays a 404: that URL names
    nothing."""

    def select_renderer(self, request, renderers, format_suffix=None):
        self.format_in_path = format_suffix is not None
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen and getattr(self, "format_in_path", False):
            raise Http404
        if not chosen:
            offered = ", ".join(dict.fromkeys(r.format for r in renderers))
            raise exceptions.NotAcceptable(
                f"No representation in the format {format!r}; this resource "
                f"offers {offered}."
            )
        return chosen


def _without_empty_values(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for name, values in query.lists():
        kept = [v for v in values if v != "" or name in MEANINGFUL_WHEN_EMPTY]
        if kept:
            cleaned.setlist(name, kept)
    cleaned._mutable = False
    return cleaned


class StrictParametersMixin:
    """Applies the module's rules to an API view's query parameters."""

    # Query parameters of the view's own on top of what it is built from
    # (``search/``'s ``q``).
    extra_query_parameters: tuple[str, ...] = ()

    def initialize_request(self, request, *args, **kwargs):
        request.GET = _without_empty_values(request.GET)
        return super().initialize_request(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_query_parameters(request)

    def _is_list(self) -> bool:
        action = getattr(self, "action", None)
        if action is not None:
            return action == "list"
        return self.request.method == "GET" and hasattr(self, "paginator")

    def _is_read(self) -> bool:
        action = getattr(self, "action", None)
        if action is not None:
            return action in ("list", "retrieve")
        return self.request.method in ("GET", "HEAD")

    def query_parameter_names(self) -> list[str]:
        """Every query parameter this operation takes."""
        names = [FORMAT, *self.extra_query_parameters]
        if self._is_list():
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                names += list(filterset_class.base_filters)
            paginator = getattr(self, "paginator", None)
            if paginator is not None:
                names += [
                    parameter["name"]
                    for parameter in paginator.get_schema_operation_parameters(self)
                ]
            if getattr(self, "ordering_fields", None):
                names.append(api_settings.ORDERING_PARAM)
            if isinstance(self, FacetsMixin):
                names.append("facets")
        if self._is_read() and isinstance(self, DynamicFieldsViewMixin):
            names.append("fields")
            if self.expandable_field_names():
                names.append("expand")
        return list(dict.fromkeys(names))

    def repeatable_query_parameters(self) -> set[str]:
        filterset_class = getattr(self, "filterset_class", None)
        if self._is_list() and hasattr(filterset_class, "repeatable_parameters"):
            return filterset_class.repeatable_parameters()
        return set()

    def expandable_field_names(self) -> list[str]:
        serializer_class = self.get_serializer_class()
        return list(getattr(serializer_class, "expandable_fields", {}))

    def check_query_parameters(self, request) -> None:
        query = request.query_params
        allowed = self.query_parameter_names()
        unknown = [name for name in query if name not in allowed]
        if unknown:
            raise exceptions.ValidationError(
                {
                    name: [
                        f"Unknown parameter {name!r}; this operation takes "
                        f"{', '.join(sorted(allowed))}."
                    ]
                    for name in unknown
                }
            )
        repeatable = self.repeatable_query_parameters()
        repeated = [
            name
            for name in query
            if len(query.getlist(name)) > 1 and name not in repeatable
        ]
        if repeated:
            raise exceptions.ValidationError(
                {
                    name: [
                        f"Give {name} once; for any of several values, separate "
                        f"them with commas ({name}=a,b)."
                    ]
                    for name in repeated
                }
            )
