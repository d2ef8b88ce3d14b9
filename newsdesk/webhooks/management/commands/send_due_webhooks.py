"""``manage.py send_due_webhooks``: send the announcements of scheduled
stories whose time has come, where no worker holds them (cron, every
minute)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from newsdesk.webhooks.services import deliveries_send_due


class Command(BaseCommand):
    help = (
        "Queue every waiting webhook delivery whose time has come (scheduled "
        "stories). A Celery worker does this by itself; run it from cron when "
        "tasks run without one."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = deliveries_send_due()
        self.stdout.write(f"{count} due deliver{'y' if count == 1 else 'ies'} queued.")
