"""The Newsdesk project: settings, URLs and the parts shared by its apps.

The Celery app is loaded with Django so that ``@shared_task`` tasks bind to
it (https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html).
"""

from .celery import app as celery_app

__all__ = ["celery_app"]
