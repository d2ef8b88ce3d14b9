"""The Celery application that runs Newsdesk's background work: proposing
the structure of ingested stories and delivering webhooks.

Its broker is the Redis that already holds the shared cache
(``CELERY_BROKER_URL``, by default ``REDIS_URL``). Without a broker, as in
the demo and the test suite, tasks run at once in the process that queued
them (``CELERY_TASK_ALWAYS_EAGER``). Start a worker with::

    .venv/bin/celery -A newsdesk worker --loglevel=info

Every task is written to be run twice safely: a message is acknowledged only
once its task has finished (``acks_late``), so a worker that dies mid-task
leaves the message to be delivered again to another.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")

app = Celery("newsdesk")
# Every CELERY_* Django setting configures the app (newsdesk/settings/base.py).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
