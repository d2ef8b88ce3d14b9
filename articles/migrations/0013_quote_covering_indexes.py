"""Covering indexes for the quote filters the API contract names, on
PostgreSQL: a speaker's or an organisation's quotes by date, carrying the
other filtered columns (and whether the quote is public), so that the list's
capped count and its filters are answered from the index alone
(docs/benchmark.md shows the plans). SQLite has no INCLUDE; its plain
(speaker, said_on) and (organisation, said_on) indexes serve there."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS quote_speaker_said_covering ON articles_quote "
    "(speaker_id, said_on, id) INCLUDE (organisation_id, public_from)",
    "CREATE INDEX IF NOT EXISTS quote_organisation_said_covering ON articles_quote "
    "(organisation_id, said_on, id) INCLUDE (speaker_id, public_from)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS quote_organisation_said_covering",
    "DROP INDEX IF EXISTS quote_speaker_said_covering",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_quote_source_description_database_default")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
