from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        from newsdesk import cache, fulltext

        post_migrate.connect(fulltext.on_post_migrate, sender=self)
        cache.connect_signals()
