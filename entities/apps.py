"""The registry app: people, organisations, roles and agreements."""

from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "Registry"
