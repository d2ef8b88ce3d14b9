"""What pg_trgm's similarity functions cost, told to PostgreSQL's planner.

pg_trgm declares ``word_similarity`` and its operators (``<%``, ``%>``) at
the default cost of 1, as cheap as comparing two integers. Worked out for a
name they cost some 3 µs each (every name of 2,100 people and 2,444
aliases in 13 ms, measured on the benchmark corpus), about what the planner
counts for 100 such comparisons. At cost 1 it prefers working out the
similarity of every name in a sequential scan to asking the trigram
indexes (0.8 ms against 10–23 ms for a name search on that corpus); at 100
it asks the indexes.

The costs belong to the extension's functions, so a restore that recreates
the extension resets them: run ``migrate articles 0013`` and ``migrate``
again after one. A database user that may not alter them gets a warning,
and searches that find the right names more slowly. Nothing runs on SQLite.
"""

import warnings

from django.db import DatabaseError, migrations, transaction

FUNCTIONS = (
    "word_similarity(text, text)",
    "word_similarity_op(text, text)",
    "word_similarity_commutator_op(text, text)",
)


def _set_cost(cost: int):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                for function in FUNCTIONS:
                    schema_editor.execute(f"ALTER FUNCTION {function} COST {cost}")
        except DatabaseError as error:
            warnings.warn(
                f"Could not set the cost of pg_trgm's similarity functions "
                f"({error}); name searches will not use their trigram indexes.",
                stacklevel=1,
            )

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_quote_covering_indexes")]

    operations = [migrations.RunPython(_set_cost(100), _set_cost(1), elidable=False)]
