from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "Registry"

    def ready(self):
        from . import visibility

        visibility.connect()
