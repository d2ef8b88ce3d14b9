"""``webhooks/``: editors register, change and remove webhook endpoints;
``webhook-deliveries/`` lists what was sent and how it went."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from newsdesk import events
from newsdesk.api.parameters import StrictParametersMixin
from newsdesk.api.writing import JSONParser

from .models import Delivery, Endpoint
from .services import delivery_replay


class EditorPermissions(permissions.DjangoModelPermissions):
    """Reading needs the view permission too: endpoints hold secrets."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }


class EndpointSerializer(serializers.ModelSerializer):
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=list(events.EVENTS)),
        allow_empty=False,
        help_text="Events to deliver: " + ", ".join(events.EVENTS) + ".",
    )

    class Meta:
        model = Endpoint
        fields = ["id", "name", "url", "events", "active", "secret", "created_at"]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {
            "id": {"help_text": "The endpoint's id."},
            "secret": {
                "required": False,
                "help_text": "Shared with the receiver to check signatures; "
                "generated when not given.",
            },
        }

    def validate_events(self, value):
        return list(dict.fromkeys(value))

    def validate(self, attrs):
        instance = Endpoint(**{**self._current(), **attrs})
        instance.full_clean(exclude=["created_by"])
        return attrs

    def _current(self) -> dict:
        if self.instance is None:
            return {}
        return {
            f: getattr(self.instance, f) for f in ("name", "url", "events", "secret")
        }


class EndpointViewSet(StrictParametersMixin, viewsets.ModelViewSet):
    """Webhook endpoints. Each delivery is a POST of JSON signed with the
    endpoint's secret (docs/webhooks.md)."""

    queryset = Endpoint.objects.all()
    serializer_class = EndpointSerializer
    permission_classes = [permissions.IsAuthenticated, EditorPermissions]
    parser_classes = [JSONParser]
    filterset_class = None
    ordering = ["name", "id"]

    def perform_create(self, serializer):
        serializer.save(created_by=self.request.user)


class DeliverySerializer(serializers.ModelSerializer):
    endpoint = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The endpoint's id."
    )

    class Meta:
        model = Delivery
        fields = [
            "id",
            "endpoint",
            "event",
            "status",
            "attempts",
            "response_status",
            "response_body",
            "error",
            "payload",
            "due_at",
            "created_at",
            "last_attempt_at",
            "delivered_at",
            "replay_of",
        ]
        read_only_fields = fields


class DeliveryViewSet(StrictParametersMixin, viewsets.ReadOnlyModelViewSet):
    """Every delivery, newest first, with its latest attempt's outcome."""

    queryset = Delivery.objects.select_related("endpoint")
    # Deliveries are named by UUID; anything else never reaches the database.
    lookup_value_regex = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    serializer_class = DeliverySerializer
    permission_classes = [permissions.IsAuthenticated, EditorPermissions]
    filterset_class = None
    ordering = ["-created_at"]

    @extend_schema(request=None, responses={202: DeliverySerializer})
    @action(detail=True, methods=["post"])
    def replay(self, request, pk=None):
        """Send this delivery's payload again, as a new delivery."""
        if not request.user.has_perm("webhooks.add_delivery"):
            self.permission_denied(request, message="You may not replay deliveries.")
        with transaction.atomic():
            replay = delivery_replay(delivery=self.get_object())
        return Response(DeliverySerializer(replay).data, status=202)
