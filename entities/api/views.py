"""Thin read-only viewsets for the registry: the queryset comes from a
selector, filtering from a FilterSet."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from newsdesk.api.dynamic import FIELDS_PARAMETER, DynamicFieldsViewMixin

from .. import selectors
from ..filters import AgreementFilter, OrganisationFilter, PersonFilter
from ..models import AgreementParty, Role
from .serializers import AgreementSerializer, OrganisationSerializer, PersonSerializer

DYNAMIC = extend_schema(parameters=[FIELDS_PARAMETER])


@extend_schema_view(list=DYNAMIC, retrieve=DYNAMIC)
class PersonViewSet(DynamicFieldsViewMixin, viewsets.ReadOnlyModelViewSet):
    """People in the registry who appear in published stories."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    lookup_field = "slug"
    ordering_fields = ["name", "created_at"]
    ordering = ["name", "id"]

    def get_queryset(self):
        return selectors.people_visible(user=self.request.user).prefetch_related(
            "aliases",
            Prefetch("roles", Role.objects.select_related("organisation")),
        )


@extend_schema_view(list=DYNAMIC, retrieve=DYNAMIC)
class OrganisationViewSet(DynamicFieldsViewMixin, viewsets.ReadOnlyModelViewSet):
    """States, bodies, agencies, outlets and companies."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    lookup_field = "slug"
    ordering_fields = ["name", "created_at"]
    ordering = ["name", "id"]

    def get_queryset(self):
        return (
            selectors.organisations_visible(user=self.request.user)
            .select_related("parent")
            .prefetch_related("aliases")
        )


@extend_schema_view(list=DYNAMIC, retrieve=DYNAMIC)
class AgreementViewSet(DynamicFieldsViewMixin, viewsets.ReadOnlyModelViewSet):
    """Agreements with their parties and dated status history."""

    serializer_class = AgreementSerializer
    filterset_class = AgreementFilter
    lookup_field = "slug"
    ordering_fields = ["signed_on", "title"]
    ordering = ["-signed_on", "title", "id"]

    def get_queryset(self):
        user = self.request.user
        return selectors.agreements_with_status(user=user).prefetch_related(
            Prefetch("parties", AgreementParty.objects.select_related("organisation")),
            Prefetch(
                "status_changes",
                selectors.status_changes_visible(user=user)
                .select_related("party", "article")
                .order_by("date", "id"),
                to_attr="visible_status_changes",
            ),
        )
