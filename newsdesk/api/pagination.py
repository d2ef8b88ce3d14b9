"""Page-number pagination as the API contract describes it: ``count``,
``next``, ``previous``, ``results``; ``page`` and ``page_size`` (at most 100)."""

from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    page_size_query_description = "Results per page (1 to 100, default 20)."
    max_page_size = 100

    def get_page_size(self, request):
        # DRF quietly falls back to the default for a malformed page_size;
        # the contract promises a 400 naming the parameter instead.
        from rest_framework.exceptions import ValidationError

        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
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
        "count": "How many results match, over all pages.",
        "next": "The next page, or null on the last.",
        "previous": "The previous page, or null on the first.",
        "results": "This page of results.",
    }

    def get_paginated_response_schema(self, schema):
        # DRF's envelope schema leaves its fields undocumented.
        response_schema = super().get_paginated_response_schema(schema)
        for name, description in self.FIELD_DESCRIPTIONS.items():
            response_schema["properties"][name]["description"] = description
        return response_schema

    def get_paginated_response(self, data, extra=None):
        response = super().get_paginated_response(data)
        if extra:
            response.data.update(extra)
        return response


class FacetedPageNumberPagination(PageNumberPagination):
    """Pages of a list that offers ``facets=``."""

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        response_schema["properties"]["facets"] = {
            "type": "object",
            "description": "Present when facets= is given: for each facet, its "
            "top values (slug and name for entities, value otherwise) with the "
            "number of matching results.",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "slug": {"type": "string", "description": "Entity slug."},
                        "name": {"type": "string", "description": "Entity name."},
                        "value": {"type": "string", "description": "Plain value."},
                        "count": {
                            "type": "integer",
                            "description": "Matching results.",
                        },
                    },
                },
            },
        }
        return response_schema
