"""Editors approve or reject reporters' changes to public records; reporters
see the changes they proposed."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("entities")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    changes = Permission.objects.filter(
        content_type__app_label="entities", content_type__model="proposedchange"
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*changes)
    reporters, _ = Group.objects.get_or_create(name="Reporters")
    reporters.permissions.add(*changes.filter(codename="view_proposedchange"))


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0005_proposed_changes"),
        ("articles", "0004_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
