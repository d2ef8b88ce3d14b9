"""Deployment checks (``manage.py check --deploy``) for what Django's own
checks cannot see."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def shared_throttle_state(app_configs, **kwargs):
    """API rate limits and failed-token counts live in the default cache;
    without Redis each app server process keeps its own, so a client gets
    the documented limit once per process."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("RedisCache", "MemcachedCache", "PyMemcacheCache")):
        return []
    return [
        Warning(
            "API rate limits and failed token attempts are counted per "
            "process: the default cache is not shared between app servers.",
            hint="Set REDIS_URL so every app server counts together.",
            id="newsdesk.W001",
        )
    ]
