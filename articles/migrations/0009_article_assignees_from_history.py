"""Give every existing story its creator as a reporter who may edit it.

Until stories had reporters, any reporter could change any draft. The
account that created a story is in its history (the first record, of type
"+"); stories created without one (the seed, imports) get none and stay
editable by editors only, as submitted stories already were.
"""

from django.db import migrations


def assign_creators(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    Through = Article.assignees.through
    creations = (
        HistoricalArticle.objects.filter(history_type="+", history_user__isnull=False)
        .values_list("id", "history_user_id")
        .distinct()
    )
    existing = set(Article.objects.values_list("pk", flat=True))
    Through.objects.bulk_create(
        [
            Through(article_id=article_id, user_id=user_id)
            for article_id, user_id in creations
            if article_id in existing
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_article_assignees")]

    operations = [migrations.RunPython(assign_creators, migrations.RunPython.noop)]
