"""Full-text search on PostgreSQL: stored, weighted search vectors for
articles (headline A, standfirst B, body C) and quotes, as generated columns
the database keeps current, with GIN indexes; trigram indexes on the names
and aliases of people and organisations for misspelt names.

SQLite gets its FTS5 tables after every migrate instead (newsdesk/fulltext.py);
nothing here runs there."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = [
    """ALTER TABLE articles_article ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (
           setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'A')
           || setweight(to_tsvector('english'::regconfig, coalesce(standfirst, '')), 'B')
           || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
       ) STORED""",
    "CREATE INDEX article_search_vector ON articles_article USING gin (search_vector)",
    """ALTER TABLE articles_quote ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, '')))
       STORED""",
    "CREATE INDEX quote_search_vector ON articles_quote USING gin (search_vector)",
    "CREATE INDEX person_name_trgm ON entities_person USING gin (name gin_trgm_ops)",
    "CREATE INDEX person_alias_name_trgm ON entities_personalias "
    "USING gin (name gin_trgm_ops)",
    "CREATE INDEX organisation_name_trgm ON entities_organisation "
    "USING gin (name gin_trgm_ops)",
    "CREATE INDEX organisation_alias_name_trgm ON entities_organisationalias "
    "USING gin (name gin_trgm_ops)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS organisation_alias_name_trgm",
    "DROP INDEX IF EXISTS organisation_name_trgm",
    "DROP INDEX IF EXISTS person_alias_name_trgm",
    "DROP INDEX IF EXISTS person_name_trgm",
    "ALTER TABLE articles_quote DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_quote_public_from"),
        ("entities", "0003_merge_records"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
