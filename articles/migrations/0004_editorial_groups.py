"""Create the Reporters and Editors groups with their permissions.

Reporters write drafts and submit them for review, and keep the registry of
people and organisations they quote; Editors may do everything, including
publishing, archiving and merging. Re-running grants what is missing and
never removes a permission an administrator added by hand.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER_PERMISSIONS = {
    "articles": {
        "article": ["add", "change", "view"],
        "quote": ["add", "change", "delete", "view"],
        "articleperson": ["add", "change", "delete", "view"],
        "articleorganisation": ["add", "change", "delete", "view"],
        "articleagreement": ["add", "change", "delete", "view"],
    },
    "entities": {
        "person": ["add", "change", "view"],
        "personalias": ["add", "change", "delete", "view"],
        "organisation": ["add", "change", "view"],
        "organisationalias": ["add", "change", "delete", "view"],
        "role": ["add", "change", "delete", "view"],
        "agreement": ["view"],
        "agreementparty": ["view"],
        "agreementstatuschange": ["view"],
    },
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrations finish; create them
    # now so the groups can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    reporters, _ = Group.objects.get_or_create(name="Reporters")
    for app_label, models in REPORTER_PERMISSIONS.items():
        for model, actions in models.items():
            reporters.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["articles", "entities"]
        ).exclude(content_type__model__startswith="historical")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_article_versions_and_publish_permission"),
        ("entities", "0002_record_versions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
