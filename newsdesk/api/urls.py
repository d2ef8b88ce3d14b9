"""The one module that registers every API viewset: ``/api/v1/``."""

from django.urls import path, reverse
from rest_framework import routers
from rest_framework.routers import DefaultRouter

from articles.api.extraction import ExtractionView
from articles.api.views import (
    OrganisationQuoteViewSet,
    PersonQuoteViewSet,
    QuoteViewSet,
)
from entities.api.views import (
    AgreementViewSet,
    OrganisationViewSet,
    PersonViewSet,
    RoleViewSet,
)
from newsdesk.ingest.api import IngestView
from newsdesk.syndication.views import ArticleViewSet
from newsdesk.webhooks.api import DeliveryViewSet, EndpointViewSet

from .parameters import StrictParametersMixin
from .search import SearchView


class APIRootView(StrictParametersMixin, routers.APIRootView):
    """Every endpoint of the API: the resources, search, extraction and
    ingest, and
    the nested quote lists as URI templates (RFC 6570), as GitHub's API root
    lists its own."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        root = request.build_absolute_uri(reverse("api-root"))
        response.data.update(
            {
                "search": request.build_absolute_uri(reverse("search")),
                "extract": request.build_absolute_uri(reverse("extract")),
                "ingest": request.build_absolute_uri(reverse("ingest")),
                "person_quotes": f"{root}people/{{slug}}/quotes/",
                "organisation_quotes": f"{root}organisations/{{slug}}/quotes/",
                "schema": request.build_absolute_uri(reverse("schema")),
                "docs": request.build_absolute_uri(reverse("api-docs")),
            }
        )
        return response


# What a record's key in a URL may look like: Django's slug characters, or
# digits for records keyed by id. Anything else (a NUL byte, which
# PostgreSQL refuses in a query, a surrogate, a dot) matches no route and
# answers the API's JSON 404 before any query runs.
LOOKUP_PATTERNS = {"slug": r"[-a-zA-Z0-9_]+", "pk": r"[0-9]+", "id": r"[0-9]+"}


class Router(DefaultRouter):
    """DefaultRouter whose detail routes accept only well-formed keys, and
    whose root lists every endpoint."""

    APIRootView = APIRootView

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        if not getattr(viewset, "lookup_value_regex", None):
            field = getattr(viewset, "lookup_field", "pk")
            viewset.lookup_value_regex = LOOKUP_PATTERNS.get(field, "[^/.]+")
        return super().get_lookup_regex(viewset, lookup_prefix)


router = Router()
router.register("articles", ArticleViewSet, basename="article")
router.register("quotes", QuoteViewSet, basename="quote")
router.register("people", PersonViewSet, basename="person")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("roles", RoleViewSet, basename="role")
router.register("webhooks", EndpointViewSet, basename="webhook")
router.register("webhook-deliveries", DeliveryViewSet, basename="webhook-delivery")

urlpatterns = [
    path(
        "people/<slug:person_slug>/quotes/",
        PersonQuoteViewSet.as_view({"get": "list"}),
        name="person-quotes",
    ),
    path(
        "organisations/<slug:organisation_slug>/quotes/",
        OrganisationQuoteViewSet.as_view({"get": "list"}),
        name="organisation-quotes",
    ),
    path("search/", SearchView.as_view(), name="search"),
    path("extract/", ExtractionView.as_view(), name="extract"),
    path("ingest/", IngestView.as_view(), name="ingest"),
    *router.urls,
]
