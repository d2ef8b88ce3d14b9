"""Ordering that refuses what it does not know, and never ties.

DRF's ``OrderingFilter`` silently ignores unknown fields; a client who typed
``ordering=pubished_at`` deserves a 400 that names the parameter instead. And
rows that tie on the ordering (many quotes share a date) come back in any
order, so pages would repeat some rows and skip others: the id always ends the
ordering, in the direction of its last field.
"""

from rest_framework import filters
from rest_framework.exceptions import ValidationError

from .pagination import ordering_expressions


class OrderingFilter(filters.OrderingFilter):
    ordering_description = (
        "Comma-separated fields to sort by; prefix with - for descending."
    )

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            allowed = {name for name, _ in self.get_valid_fields(queryset, view)}
            unknown = [f for f in fields if f.lstrip("-") not in allowed]
            if unknown or not fields:
                raise ValidationError(
                    {
                        self.ordering_param: [
                            f"Cannot order by {', '.join(unknown) or 'nothing'}; "
                            f"choose from {', '.join(sorted(allowed))}."
                        ]
                    }
                )
            return fields
        return self.get_default_ordering(view)

    def get_schema_operation_parameters(self, view):
        """A comma list of the fields the view orders by, each ascending or
        descending, typed as such."""
        parameters = super().get_schema_operation_parameters(view)
        # The views list their fields; one that does not is ordered by its
        # serializer's fields, which DRF reads off the view's queryset.
        fields = [
            name
            for name, _ in self.get_valid_fields(getattr(view, "queryset", None), view)
        ]
        for parameter in parameters:
            parameter["schema"] = {
                "type": "array",
                "items": {
                    "type": "string",
                    "enum": [f"{p}{f}" for f in fields for p in ("", "-")],
                },
            }
            parameter["style"] = "form"
            parameter["explode"] = False
        return parameters

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view) or list(
            queryset.query.order_by or queryset.model._meta.ordering
        )
        ordering = [str(field) for field in ordering]
        if not {"id", "-id", "pk", "-pk"} & set(ordering):
            last = ordering[-1] if ordering else ""
            ordering.append("-id" if last.startswith("-") else "id")
        return queryset.order_by(*ordering_expressions(ordering))
