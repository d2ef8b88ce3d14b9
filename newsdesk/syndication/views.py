"""The article detail as ninjs: ``articles/<slug>/?format=ninjs`` or
``Accept: application/ninjs+json``.

The articles app knows nothing of ninjs (it sits below this package), so the
API mounts this subclass of its article viewset, which adds the ninjs
renderer to the detail and leaves every other behaviour as it is.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from articles.api.jsonld import JSONLD_REFERENCE
from articles.api.serializers import ArticleDetailSerializer
from articles.api.views import ArticleViewSet as StoriesViewSet
from newsdesk.api.dynamic import slug_parameter

from .ninjs import MEDIA_TYPE, article_ninjs


class NinjsRenderer(JSONRenderer):
    """IPTC ninjs 2.2 with Newsdesk's quotes extension (docs/ninjs.md)."""

    media_type = MEDIA_TYPE
    format = "ninjs"


@extend_schema_view(
    retrieve=extend_schema(
        # fields= and format= (json, jsonld, ninjs) come from the view itself
        # (newsdesk/api/schema.py).
        parameters=[slug_parameter("article")],
        responses={
            (200, "application/json"): ArticleDetailSerializer,
            (200, "application/ld+json"): OpenApiResponse(
                JSONLD_REFERENCE,
                description="schema.org NewsArticle with its Quotations and "
                "mentions (JSON-LD).",
            ),
            (200, MEDIA_TYPE): OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="IPTC ninjs 2.2 with the quotes in the "
                "`newsdesk_quotes` extension.",
            ),
        },
    ),
)
class ArticleViewSet(StoriesViewSet):
    """Published stories; the detail also as ninjs."""

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "retrieve":
            renderers.insert(1, NinjsRenderer())
        return renderers

    def retrieve(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "ninjs":
            article = self.get_object()
            base_url = request.build_absolute_uri("/").rstrip("/")
            return Response(article_ninjs(article, base_url=base_url))
        return super().retrieve(request, *args, **kwargs)
