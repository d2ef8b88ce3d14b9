"""Give the Editors group every permission on this app's records. Grants what is missing;
never removes a permission an administrator added by hand."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER_CODENAMES = []


def grant(apps, schema_editor):
    app_config = apps.get_app_config("webhooks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="webhooks")
    )
    if REPORTER_CODENAMES:
        reporters, _ = Group.objects.get_or_create(name="Reporters")
        reporters.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="webhooks", codename__in=REPORTER_CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_endpoints_and_deliveries"),
        ("articles", "0004_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
