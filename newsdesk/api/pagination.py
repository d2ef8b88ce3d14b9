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

    def get_paginated_response(self, data, extra=None):
        response = super().get_paginated_response(data)
        if extra:
            response.data.update(extra)
        return response
