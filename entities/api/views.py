"""Thin read-only viewsets for the registry: the queryset comes from a
selector, filtering from a FilterSet."""

from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.reverse import reverse

from newsdesk.api.dynamic import (
    FIELDS_PARAMETER,
    DynamicFieldsViewMixin,
    slug_parameter,
)

from .. import selectors
from ..filters import AgreementFilter, OrganisationFilter, PersonFilter
from ..models import AgreementParty, MergeKind, MergeRecord, Role
from .serializers import AgreementSerializer, OrganisationSerializer, PersonSerializer

DYNAMIC = extend_schema(parameters=[FIELDS_PARAMETER])


def detail_schema(noun: str):
    return extend_schema(parameters=[FIELDS_PARAMETER, slug_parameter(noun)])


class MergedSlugRedirectMixin:
    """A person or organisation merged into another keeps its old URL: the
    detail answers 301 to the record it was merged into."""

    merge_kind: str = ""

    def retrieve(self, request, *args, **kwargs):
        slug = kwargs[self.lookup_field]
        if not self.get_queryset().filter(slug=slug).exists():
            record = (
                MergeRecord.objects.filter(kind=self.merge_kind, old_slug=slug)
                .select_related("survivor_person", "survivor_organisation")
                .first()
            )
            survivor = record and (
                record.survivor_person or record.survivor_organisation
            )
            if survivor and self.get_queryset().filter(pk=survivor.pk).exists():
                url = reverse(
                    f"{self.basename}-detail", args=[survivor.slug], request=request
                )
                query = request.META.get("QUERY_STRING")
                return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        return super().retrieve(request, *args, **kwargs)


@extend_schema_view(list=DYNAMIC, retrieve=detail_schema("person"))
class PersonViewSet(
    MergedSlugRedirectMixin, DynamicFieldsViewMixin, viewsets.ReadOnlyModelViewSet
):
    """People in the registry who appear in published stories."""

    merge_kind = MergeKind.PERSON
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


@extend_schema_view(list=DYNAMIC, retrieve=detail_schema("organisation"))
class OrganisationViewSet(
    MergedSlugRedirectMixin, DynamicFieldsViewMixin, viewsets.ReadOnlyModelViewSet
):
    """States, bodies, agencies, outlets and companies."""

    merge_kind = MergeKind.ORGANISATION
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


@extend_schema_view(list=DYNAMIC, retrieve=detail_schema("agreement"))
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
