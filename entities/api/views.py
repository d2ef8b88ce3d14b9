"""Thin viewsets for the registry: the queryset comes from a selector,
filtering from a FilterSet, and every write goes through the services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from newsdesk.api.dynamic import DynamicFieldsViewMixin, slug_parameter
from newsdesk.api.links import api_url
from newsdesk.api.parameters import StrictParametersMixin
from newsdesk.api.writing import ServiceWriteMixin, etag_for, write_schemas

from .. import changes, selectors, services
from ..duplicates import PossibleDuplicate
from ..filters import AgreementFilter, OrganisationFilter, PersonFilter, RoleFilter
from ..models import MergeKind, MergeRecord, Role
from . import rows
from .serializers import (
    AgreementSerializer,
    AgreementWriteSerializer,
    MergeSerializer,
    OrganisationSerializer,
    OrganisationWriteSerializer,
    PersonSerializer,
    PersonWriteSerializer,
    ProposedChangeSerializer,
    RoleReadSerializer,
    RoleWriteSerializer,
)


def detail_schema(noun: str):
    return extend_schema(parameters=[slug_parameter(noun)])


class ReviewedUpdateMixin:
    """A reporter's edit of a person or organisation that published stories
    have made public is kept for an editor's approval and answered 202 with
    the proposed change; the record, and what the API shows, stay as they are
    (entities/changes.py). Other edits are saved at once."""

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        if not changes.registry_edit_needs_review(record=instance, user=request.user):
            return super().update(request, *args, **kwargs)
        self.check_if_match(request, instance)
        serializer = self.get_write_serializer(
            instance, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        change = changes.proposed_change_create(
            record=instance, values=serializer.validated_data, user=request.user
        )
        return Response(
            ProposedChangeSerializer(change).data, status=status.HTTP_202_ACCEPTED
        )


class DuplicateAnswerMixin:
    """A likely duplicate (entities/duplicates.py) answers 400 on ``name``:
    what to send to save it anyway, then each match by id, name and URL."""

    def handle_exception(self, exc):
        if isinstance(exc, PossibleDuplicate):
            exc = ValidationError({"name": duplicate_messages(self.request, exc)})
        return super().handle_exception(exc)


def duplicate_messages(request, duplicate: PossibleDuplicate) -> list[str]:
    noun = duplicate.record._meta.verbose_name
    messages = [
        f"Possible duplicate of an existing {noun} (listed below). If this is "
        f'another {noun}, send "not_a_duplicate": true to save it anyway.'
    ]
    for match in duplicate.matches:
        url = api_url(request, f"{match._meta.model_name}-detail", match.slug)
        messages.append(f"{match.name} (id {match.pk}): {url}")
    return messages


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


class CanMerge(permissions.BasePermission):
    """Merging deletes a record: it needs the right to delete."""

    def has_permission(self, request, view):
        model = view.get_queryset().model
        return request.user.has_perm(
            f"{model._meta.app_label}.delete_{model._meta.model_name}"
        )


class MergeActionMixin:
    """``POST <slug>/merge/ {"duplicate": "<slug>"}``: fold the duplicate into
    this record (editors only: it deletes the duplicate)."""

    merge_service = None

    @extend_schema(
        request=MergeSerializer,
        description="Merge another record into this one: its quotes, roles, "
        "mentions (and for organisations parties and sub-organisations) move "
        "here, its name becomes an alias, and its old slug redirects here.",
    )
    @action(detail=True, methods=["post"], permission_classes=[CanMerge])
    def merge(self, request, slug=None):
        survivor = self.get_object()
        # The merge rewrites the survivor: a client may make it conditional.
        self.check_if_match(request, survivor)
        serializer = MergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        duplicate = (
            self.get_queryset()
            .filter(slug=serializer.validated_data["duplicate"])
            .first()
        )
        if duplicate is None:
            raise ValidationError({"duplicate": ["No such record to merge."]})
        try:
            type(self).merge_service(
                survivor=survivor, duplicate=duplicate, user=request.user
            )
        except DjangoValidationError as error:
            # The service speaks of the survivor; the request can only name
            # the field it sent.
            if "survivor" in getattr(error, "error_dict", {}):
                raise ValidationError(
                    {"duplicate": error.message_dict["survivor"]}
                ) from error
            raise
        data = self.read_representation(survivor)
        return Response(data, headers={"ETag": etag_for(data)})


class RowsListMixin:
    """A JSON list read as rows (entities/api/rows.py): the page's columns
    and its related lists in one more query, without model instances or
    serializers; the same JSON, a fraction of the work. The browsable API,
    a format suffix and every other action keep the serializers.

    ``rows_columns`` are the page's columns, ``rows_representations`` turns
    a page of them into the list's objects; ``rows_queryset()`` is the list's
    queryset without what only the serializers need."""

    rows_columns: tuple[str, ...] = ()
    rows_representations = None

    def rows_wanted(self) -> bool:
        request = getattr(self, "request", None)
        renderer = getattr(request, "accepted_renderer", None)
        return (
            getattr(self, "action", None) == "list"
            and not getattr(self, "format_kwarg", None)
            and renderer is not None
            and renderer.format == "json"
        )

    def get_queryset(self):
        # Asked twice per request (DRF's model permission check asks too):
        # a list's is built once.
        if getattr(self, "action", None) != "list":
            return self.build_queryset()
        if getattr(self, "_list_queryset", None) is None:
            self._list_queryset = (
                self.rows_queryset() if self.rows_wanted() else self.build_queryset()
            )
        return self._list_queryset

    def list(self, request, *args, **kwargs):
        if not self.rows_wanted():
            return super().list(request, *args, **kwargs)
        # Without fields= or expand= there is nothing to check (and no
        # serializer to build to check it against).
        query = request.query_params
        fields = self._dynamic_params()[0] if "fields" in query else []
        queryset = self.filter_queryset(self.get_queryset())
        # Counted without the joins the rows' columns need.
        self.count_source = queryset
        page = self.paginate_queryset(
            queryset.values_list(*self.rows_columns, named=True)
        )
        data = self.rows_representations(page, request, set(fields))
        return self.get_paginated_response(data)


@extend_schema_view(
    retrieve=detail_schema("person"),
    **write_schemas(
        "person",
        PersonWriteSerializer,
        PersonSerializer,
        accepted=ProposedChangeSerializer,
    ),
)
class PersonViewSet(
    DuplicateAnswerMixin,
    StrictParametersMixin,
    ReviewedUpdateMixin,
    MergedSlugRedirectMixin,
    MergeActionMixin,
    ServiceWriteMixin,
    RowsListMixin,
    DynamicFieldsViewMixin,
    viewsets.ModelViewSet,
):
    """People in the registry who appear in published stories."""

    merge_kind = MergeKind.PERSON
    merge_service = services.person_merge
    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilter
    lookup_field = "slug"
    ordering_fields = ["name", "created_at"]
    ordering = ["name", "id"]
    rows_columns = rows.PERSON_COLUMNS
    rows_representations = staticmethod(rows.people)

    def rows_queryset(self):
        return selectors.people_visible(user=self.request.user)

    def build_queryset(self):
        return selectors.people_visible(user=self.request.user).with_related()


@extend_schema_view(
    retrieve=detail_schema("organisation"),
    **write_schemas(
        "organisation",
        OrganisationWriteSerializer,
        OrganisationSerializer,
        accepted=ProposedChangeSerializer,
    ),
)
class OrganisationViewSet(
    DuplicateAnswerMixin,
    StrictParametersMixin,
    ReviewedUpdateMixin,
    MergedSlugRedirectMixin,
    MergeActionMixin,
    ServiceWriteMixin,
    RowsListMixin,
    DynamicFieldsViewMixin,
    viewsets.ModelViewSet,
):
    """States, bodies, agencies, outlets and companies."""

    merge_kind = MergeKind.ORGANISATION
    merge_service = services.organisation_merge
    serializer_class = OrganisationSerializer
    write_serializer_class = OrganisationWriteSerializer
    filterset_class = OrganisationFilter
    lookup_field = "slug"
    ordering_fields = ["name", "created_at"]
    ordering = ["name", "id"]
    rows_columns = rows.ORGANISATION_COLUMNS
    rows_representations = staticmethod(rows.organisations)

    def rows_queryset(self):
        return selectors.organisations_visible(user=self.request.user)

    def build_queryset(self):
        visible = selectors.organisations_visible(user=self.request.user)
        if self.action == "list":
            return visible.with_links()
        return visible.with_related()


@extend_schema_view(
    retrieve=detail_schema("agreement"),
    **write_schemas("agreement", AgreementWriteSerializer, AgreementSerializer),
)
class AgreementViewSet(
    StrictParametersMixin,
    ServiceWriteMixin,
    RowsListMixin,
    DynamicFieldsViewMixin,
    viewsets.ModelViewSet,
):
    """Agreements with their parties and dated status history."""

    serializer_class = AgreementSerializer
    write_serializer_class = AgreementWriteSerializer
    filterset_class = AgreementFilter
    lookup_field = "slug"
    ordering_fields = ["signed_on", "title"]
    ordering = ["-signed_on", "title", "id"]
    rows_columns = rows.AGREEMENT_COLUMNS
    rows_representations = staticmethod(rows.agreements)

    def perform_destroy(self, agreement):
        services.agreement_delete(agreement=agreement)

    def rows_queryset(self):
        # The status the client may know is told from the page's changes
        # (rows.agreement): the query asks for it only to filter by it.
        if "status" in self.request.query_params:
            return selectors.agreements_with_status(user=self.request.user)
        return selectors.agreements_visible(user=self.request.user)

    def build_queryset(self):
        user = self.request.user
        return (
            selectors.agreements_with_status(user=user)
            .with_related()
            .prefetch_related(
                Prefetch(
                    "status_changes",
                    selectors.status_changes_visible(user=user)
                    .select_related("party", "article")
                    # Links to the party and the reporting story: not the
                    # story's body nor the party's whole row.
                    .only(
                        "id",
                        "agreement",
                        "status",
                        "date",
                        "note",
                        "party__id",
                        "party__slug",
                        "party__name",
                        "article__id",
                        "article__slug",
                        "article__headline",
                        "article__published_at",
                    )
                    .order_by("date", "id"),
                    to_attr="visible_status_changes",
                ),
            )
        )


@extend_schema_view(
    retrieve=extend_schema(
        parameters=[
            OpenApiParameter(
                "id", int, OpenApiParameter.PATH, description="The role's id."
            )
        ]
    ),
    **write_schemas("role", RoleWriteSerializer, RoleReadSerializer, lookup="id"),
)
class RoleViewSet(StrictParametersMixin, ServiceWriteMixin, viewsets.ModelViewSet):
    """Titles people hold in organisations, with dates."""

    serializer_class = RoleReadSerializer
    write_serializer_class = RoleWriteSerializer
    filterset_class = RoleFilter
    ordering_fields = ["start_date", "end_date", "title"]
    ordering = ["-start_date", "id"]

    def perform_destroy(self, role) -> None:
        changes.role_edit_check(person=role.person, user=self.request.user)
        role.delete()

    def get_queryset(self):
        user = self.request.user
        return Role.objects.filter(
            person__in=selectors.people_visible(user=user)
        ).with_related()
