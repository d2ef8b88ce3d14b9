"""The development tools as a Django app, so their management commands
(``generate_corpus``) exist where the settings install it."""

from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "devtools"
    verbose_name = "Development tools"
