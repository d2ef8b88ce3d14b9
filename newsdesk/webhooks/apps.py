from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "newsdesk.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from newsdesk import events

        from . import services

        for name in events.EVENTS:
            events.subscribe(name, services.on_event)
