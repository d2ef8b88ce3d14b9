"""The one module that registers every API viewset: ``/api/v1/``."""

from django.urls import path, reverse
from rest_framework import routers
from rest_framework.routers import DefaultRouter

from articles.api.extraction import ExtractionView
from articles.api.views import (
    ArticleViewSet,
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

from .parameters import StrictParametersMixin
from .search import SearchView


class APIRootView(StrictParametersMixin, routers.APIRootView):
    """Every endpoint of the API: the resources, search and extraction, and
    the nested quote lists as URI templates (RFC 6570), as GitHub's API root
    lists its own."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        root = request.build_absolute_uri(reverse("api-root"))
        response.data.update(
            {
                "search": request.build_absolute_uri(reverse("search")),
                "extract": request.build_absolute_uri(reverse("extract")),
                "person_quotes": f"{root}people/{{slug}}/quotes/",
                "organisation_quotes": f"{root}organisations/{{slug}}/quotes/",
                "schema": request.build_absolute_uri(reverse("schema")),
                "docs": request.build_absolute_uri(reverse("api-docs")),
            }
        )
        return response


class Router(DefaultRouter):
    APIRootView = APIRootView


router = Router()
router.register("articles", ArticleViewSet, basename="article")
router.register("quotes", QuoteViewSet, basename="quote")
router.register("people", PersonViewSet, basename="person")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("roles", RoleViewSet, basename="role")

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
    *router.urls,
]
