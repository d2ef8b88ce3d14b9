"""An article's history page in the admin: under each version, what it
changed in the story's quotes and mentions; on a version's restore page,
the quotes restoring it brings back (articles/history.py)."""

from __future__ import annotations

from django.contrib.admin.utils import unquote

from .history import revert_preview, version_changes


class ArticleHistoryMixin:
    object_history_form_template = "admin/articles/article/object_history_form.html"

    def history_related_changes(self, request, obj, records) -> dict[int, list[str]]:
        return version_changes(obj.pk)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if article is not None and str(version_id).isdigit():
            history = article.history.filter(history_id=int(version_id))
            if history.exists():
                context.update(revert_preview(article, int(version_id)))
        return super().history_form_view(request, object_id, version_id, context)
