"""How long the registry's duplicate check takes as the registry grows: the
stored, indexed name keys (entities/duplicates.py, one query) against
folding every name and alias in Python, which is what the check would cost
without the stored column.

    export DATABASE_URL=sqlite:////tmp/nd-dup.sqlite3
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/duplicates.py --people 100000

It fills the people table (two aliases each) up to ``--people`` with
``bulk_create`` and prints the median of ``--runs`` checks of each kind, and
on PostgreSQL the plan of the indexed lookup.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.local")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from entities.duplicates import likely_duplicates
    from entities.models import Person, PersonAlias
    from entities.names import name_key

    have = Person.objects.count()
    batch = []
    for n in range(have, args.people):
        batch.append(Person(name=f"Bench Person {n}", slug=f"bench-person-{n}"))
        if len(batch) == 5000 or n == args.people - 1:
            created = Person.objects.bulk_create(batch)
            PersonAlias.objects.bulk_create(
                alias
                for person in created
                for alias in (
                    PersonAlias(person=person, name=f"B. Person {person.name[13:]}"),
                    PersonAlias(person=person, name=f"Person {person.name[13:]}"),
                )
            )
            batch = []
    people = Person.objects.count()
    aliases = PersonAlias.objects.count()
    candidate = Person(name="bench  PERSON 4242")

    def indexed():
        return likely_duplicates(candidate, [candidate.name])

    def folded_in_python():
        key = name_key(candidate.name)
        names = Person.objects.values_list("pk", "name").iterator()
        found = {pk for pk, name in names if name_key(name) == key}
        alias_rows = PersonAlias.objects.values_list("person_id", "name").iterator()
        found |= {pk for pk, name in alias_rows if name_key(name) == key}
        return found

    assert [p.name for p in indexed()] == ["Bench Person 4242"]
    assert len(folded_in_python()) == 1
    print(f"{connection.vendor}: {people:,} people, {aliases:,} aliases")
    for label, check, runs in (
        ("indexed name keys (one query)", indexed, args.runs),
        ("folding every name in Python", folded_in_python, 3),
    ):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            check()
            times.append(time.perf_counter() - started)
        print(
            f"  {label}: median {statistics.median(times) * 1000:.2f} ms "
            f"over {runs} runs"
        )
    if connection.vendor == "postgresql":
        from django.db.models import QuerySet

        captured: list[QuerySet] = []
        original = QuerySet.__iter__

        def capture(self):
            captured.append(self)
            return original(self)

        QuerySet.__iter__ = capture
        try:
            indexed()
        finally:
            QuerySet.__iter__ = original
        sql, params = captured[0].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute(f"EXPLAIN {sql}", params)
            for (row,) in cursor.fetchall():
                print("   ", row)


if __name__ == "__main__":
    main()
