"""Every person, organisation and alias gets the folded key of its name
(entities/names.py), by which likely duplicates are found."""

from django.db import migrations

import entities.models.common
from entities.names import name_key

MODELS = ["Person", "PersonAlias", "Organisation", "OrganisationAlias"]


def fill_keys(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("entities", name)
        rows = list(model.objects.only("pk", "name"))
        for row in rows:
            row.name_key = name_key(row.name)[:200]
        model.objects.bulk_update(rows, ["name_key"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('entities', '0006_editors_review_proposed_changes'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='name_key',
            field=entities.models.common.NameKeyField(blank=True, db_index=True, editable=False, help_text='The name folded for matching (case, spacing, punctuation and accents aside); kept from the name.', max_length=200, db_default=''),
        ),
        migrations.AddField(
            model_name='organisationalias',
            name='name_key',
            field=entities.models.common.NameKeyField(blank=True, db_index=True, editable=False, help_text='The name folded for matching (case, spacing, punctuation and accents aside); kept from the name.', max_length=200, db_default=''),
        ),
        migrations.AddField(
            model_name='person',
            name='name_key',
            field=entities.models.common.NameKeyField(blank=True, db_index=True, editable=False, help_text='The name folded for matching (case, spacing, punctuation and accents aside); kept from the name.', max_length=200, db_default=''),
        ),
        migrations.AddField(
            model_name='personalias',
            name='name_key',
            field=entities.models.common.NameKeyField(blank=True, db_index=True, editable=False, help_text='The name folded for matching (case, spacing, punctuation and accents aside); kept from the name.', max_length=200, db_default=''),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
