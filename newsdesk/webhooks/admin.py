"""Webhooks in the admin: endpoints editors register, and every delivery
with its response, replayable."""

from django import forms
from django.contrib import admin, messages
from django.db import models, transaction

from newsdesk import events

from .models import Delivery, Endpoint
from .services import delivery_replay


def _formfield(field, **kwargs):
    # A URL typed without a scheme is taken as https, Django 6's default.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=[(name, name) for name in events.EVENTS],
        widget=forms.CheckboxSelectMultiple,
        help_text="What the endpoint is told of.",
    )

    class Meta:
        model = Endpoint
        fields = ["name", "url", "events", "active", "secret"]
        formfield_callback = _formfield


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "url", "event_list", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    readonly_fields = ["created_by", "created_at"]

    @admin.display(description="events")
    def event_list(self, endpoint):
        return ", ".join(endpoint.events)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_status",
        "created_at",
        "delivered_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint"]
    readonly_fields = [
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
    actions = ["replay"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(
        description="Send the selected deliveries again", permissions=["view"]
    )
    def replay(self, request, queryset):
        if not request.user.has_perm("webhooks.add_delivery"):
            self.message_user(request, "You may not replay deliveries.", messages.ERROR)
            return
        with transaction.atomic():
            replays = [delivery_replay(delivery=d) for d in queryset]
        self.message_user(
            request,
            f"{len(replays)} {'delivery' if len(replays) == 1 else 'deliveries'} "
            "queued again.",
            messages.SUCCESS,
        )
