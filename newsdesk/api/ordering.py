"""Ordering that refuses what it does not know.

DRF's ``OrderingFilter`` silently ignores unknown fields; a client who typed
``ordering=pubished_at`` deserves a 400 that names the parameter instead.
"""

from rest_framework import filters
from rest_framework.exceptions import ValidationError


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
