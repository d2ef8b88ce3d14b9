"""Thin read-only viewsets for stories and quotes: the queryset comes from a
selector, filtering from a FilterSet, and every list offers facets, sparse
fieldsets and expansion at a fixed number of queries per page."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from entities import selectors as entity_selectors
from newsdesk.api.dynamic import DynamicFieldsViewMixin, FacetsMixin, slug_parameter
from newsdesk.api.parameters import StrictParametersMixin
from newsdesk.api.rendering import mark_plain
from newsdesk.api.writing import ServiceWriteMixin, write_schemas
from newsdesk.core.audience import can_see_unpublished

from .. import services
from ..filters import ArticleFilter, QuoteFilter
from ..selectors import articles_visible, quotes_visible
from . import article_rows, rows
from .jsonld import JSONLD_REFERENCE, article_jsonld
from .renderers import JSONLDRenderer
from .serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ArticleWriteSerializer,
    QuoteSerializer,
    QuoteWriteSerializer,
    _refuse_if_locked,
)

QUOTE_EXPAND = {
    "speaker": {"prefetch": ["speaker__aliases"]},
    "organisation": {
        "select": ["organisation__parent"],
        "prefetch": ["organisation__aliases"],
    },
    "outlet": {"select": ["outlet__parent"], "prefetch": ["outlet__aliases"]},
    "article": {"select": ["article__source"]},
}

QUOTE_FACETS = {
    "speaker": "speaker",
    "organisation": "organisation",
    "outlet": "outlet",
    "kind": "kind",
}

ARTICLE_FACETS = {
    "person": "people",
    "organisation": "organisations",
    "agreement": "agreements",
    "source": "source",
    "language": "language",
    "status": "status",
}


@extend_schema_view(
    **write_schemas("quote", QuoteWriteSerializer, QuoteSerializer, lookup="id"),
    retrieve=extend_schema(
        parameters=[
            OpenApiParameter(
                "id", int, OpenApiParameter.PATH, description="The quote's id."
            ),
        ]
    ),
)
class QuoteViewSet(
    StrictParametersMixin,
    ServiceWriteMixin,
    FacetsMixin,
    DynamicFieldsViewMixin,
    viewsets.ModelViewSet,
):
    """Quotes from published stories, each linked to its speaker, the
    organisation behind it, its outlet and its article.

    Also mounted as ``people/<slug>/quotes/`` and
    ``organisations/<slug>/quotes/`` (an organisation's includes its
    sub-organisations')."""

    serializer_class = QuoteSerializer
    write_serializer_class = QuoteWriteSerializer
    cursor_pagination = True
    last_modified_field = "updated_at"
    filterset_class = QuoteFilter
    ordering_fields = ["said_on", "id"]
    ordering = ["-said_on", "-id"]
    expand_related = QUOTE_EXPAND
    facet_fields = QUOTE_FACETS
    facet_entities = {"speaker", "organisation", "outlet"}

    def perform_destroy(self, quote):
        _refuse_if_locked(quote.article, self.request.user)
        services.quote_delete(quote=quote)

    def list(self, request, *args, **kwargs):
        fields, expand = self._dynamic_params()
        if expand or self.format_kwarg:
            return super().list(request, *args, **kwargs)
        # The page as plain rows, without model instances or serializers
        # (articles/api/rows.py): the same JSON, a fraction of the work.
        queryset = self.filter_queryset(self.get_queryset())
        facets = self.facet_counts(queryset)
        # Counted without the joins the rows' columns need.
        self.count_source = queryset
        page = self.paginate_queryset(rows.rows(queryset))
        wanted = set(fields)
        data = rows.representations(page, request, wanted)
        extra = {"facets": facets} if facets is not None else None
        # Rows of strings, whole numbers and nulls; facets count: no float.
        return mark_plain(self.paginator.get_paginated_response(data, extra=extra))

    def get_queryset(self):
        # Asked twice per request (DRF's model permission check asks too):
        # built once.
        if getattr(self, "_queryset_built", None) is None:
            self._queryset_built = self._build_queryset()
        return self._queryset_built

    def _build_queryset(self):
        user = self.request.user
        queryset = quotes_visible(user=user).with_related()
        if self.action == "list":
            # A quote links to its article; a page of them need not carry 50
            # article bodies from the database.
            queryset = queryset.defer("article__body")
        queryset = queryset.filter(**self._nested_owner_filter())
        return self.expand_queryset(queryset)

    def _nested_owner_filter(self) -> dict:
        """The nested route's person or organisation as a filter, looked up
        once per request: the permission check calls ``get_queryset`` too."""
        if hasattr(self, "_nested_owner"):
            return self._nested_owner
        user = self.request.user
        self._nested_owner = {}
        if "person_slug" in self.kwargs:
            person = get_object_or_404(
                entity_selectors.people_visible(user=user),
                slug=self.kwargs["person_slug"],
            )
            self._nested_owner["speaker"] = person
        if "organisation_slug" in self.kwargs:
            organisation = get_object_or_404(
                entity_selectors.organisations_visible(user=user),
                slug=self.kwargs["organisation_slug"],
            )
            self._nested_owner["organisation__in"] = (
                entity_selectors.organisations_below([organisation])
            )
        return self._nested_owner


@extend_schema_view(
    **write_schemas("article", ArticleWriteSerializer, ArticleDetailSerializer),
    retrieve=extend_schema(
        parameters=[slug_parameter("article")],
        responses={
            (200, "application/json"): ArticleDetailSerializer,
            (200, "application/ld+json"): OpenApiResponse(
                JSONLD_REFERENCE,
                description="schema.org NewsArticle with its Quotations and "
                "mentions (JSON-LD).",
            ),
        },
    ),
)
class ArticleViewSet(
    StrictParametersMixin,
    ServiceWriteMixin,
    FacetsMixin,
    DynamicFieldsViewMixin,
    viewsets.ModelViewSet,
):
    """Published stories with the people, organisations and agreements they
    mention. The detail adds the body and every quote."""

    filterset_class = ArticleFilter
    write_serializer_class = ArticleWriteSerializer
    cursor_pagination = True
    lookup_field = "slug"
    ordering_fields = ["published_at", "headline"]
    ordering = ["-published_at", "-id"]
    facet_fields = ARTICLE_FACETS
    facet_entities = {"person", "organisation", "agreement", "source"}
    editor_facets = {"status"}

    def perform_destroy(self, article):
        services.article_delete(article=article)

    def get_renderers(self):
        renderers = [JSONRenderer(), BrowsableAPIRenderer()]
        if self.action == "retrieve":
            renderers.insert(1, JSONLDRenderer())
        return renderers

    def get_serializer_class(self):
        if self.action == "list":
            return ArticleSerializer
        return ArticleDetailSerializer

    def get_facet_fields(self):
        if can_see_unpublished(self.request.user):
            return ARTICLE_FACETS
        return {
            name: path
            for name, path in ARTICLE_FACETS.items()
            if name not in self.editor_facets
        }

    def list(self, request, *args, **kwargs):
        fields, _expand = self._dynamic_params()
        if self.format_kwarg:
            return super().list(request, *args, **kwargs)
        # The page as plain rows and its links in one more query, without
        # model instances or serializers (articles/api/article_rows.py).
        queryset = self.filter_queryset(self._list_queryset())
        facets = self.facet_counts(queryset)
        self.count_source = queryset
        page = self.paginate_queryset(article_rows.rows(queryset.with_quote_count()))
        links = article_rows.links([row.id for row in page])
        wanted = set(fields)
        data = [
            article_rows.representation(row, request, links[row.id], wanted)
            for row in page
        ]
        extra = {"facets": facets} if facets is not None else None
        return self.paginator.get_paginated_response(data, extra=extra)

    def _list_queryset(self):
        # No joins or annotations: the rows name their columns, the count
        # counts the filtered stories alone.
        return articles_visible(user=self.request.user)

    def get_queryset(self):
        listing = self.action == "list"
        queryset = (
            articles_visible(user=self.request.user)
            .with_related(links_only=listing)
            .with_quote_count()
        )
        if listing:
            return queryset.defer("body")
        return queryset.with_quotes()

    def retrieve(self, request, *args, **kwargs):
        article = self.get_object()
        if request.accepted_renderer.format == "jsonld":
            return Response(article_jsonld(article, request))
        return Response(self.get_serializer(article).data)


@extend_schema_view(
    list=extend_schema(
        parameters=[slug_parameter("person", "person_slug")],
        description="The quotes of one person, filterable like the quotes list.",
    )
)
class PersonQuoteViewSet(QuoteViewSet):
    """``people/<slug>/quotes/``."""


@extend_schema_view(
    list=extend_schema(
        parameters=[slug_parameter("organisation", "organisation_slug")],
        description="Quotes of people speaking for one organisation or its "
        "sub-organisations, filterable like the quotes list.",
    )
)
class OrganisationQuoteViewSet(QuoteViewSet):
    """``organisations/<slug>/quotes/``."""
