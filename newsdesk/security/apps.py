"""The security app: registers its deployment checks."""

from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "newsdesk.security"
    label = "newsdesk_security"
    verbose_name = "Security"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the checks)
