"""The stories app: articles and quotes, and what they tell the layers below
them at start-up (which links make a record public, what a merge moves, when
the next scheduled story goes public)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        from newsdesk import cache, fulltext

        from . import merging, selectors, visibility

        post_migrate.connect(fulltext.on_post_migrate, sender=self)
        cache.connect_signals()
        # The stories tell the layers below them what they need to know of
        # stories, so that those import nothing from here: which links make a
        # registry record public, what a merge moves, when the next
        # scheduled story goes public.
        visibility.register()
        merging.register()
        cache.schedule_register(selectors.article_next_publication)
