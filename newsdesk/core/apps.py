"""The shared core as a Django app (it has no tables of its own)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The machinery the registry and the stories share; it has no tables."""

    name = "newsdesk.core"
    label = "core"
    verbose_name = "Newsdesk core"
