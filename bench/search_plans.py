"""Print the PostgreSQL plan of every full-text and name search Newsdesk runs,
to compare two versions of ``newsdesk/fulltext.py`` on the same data.

    DATABASE_URL=postgres://…/newsdesk_plans .venv/bin/python manage.py migrate
    DATABASE_URL=… .venv/bin/python manage.py load_seed
    DATABASE_URL=… .venv/bin/python manage.py generate_corpus --articles 400
    DATABASE_URL=… .venv/bin/python bench/search_plans.py [--no-seqscan] > plans.txt

For each search (the ``newsdesk.fulltext`` functions directly, then the
API's ``search/`` and ``q=`` requests, every SELECT they send) it prints
``EXPLAIN (COSTS OFF)`` and the ids found, with the current time in the SQL
replaced by ``NOW`` so that two runs diff cleanly. ``--no-seqscan`` turns
sequential scans off, so that a small table shows the index plan a large
one would get.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

QUERIES = ["space cooperation", '"space power" OR moon', "agreement -moon"]
NAMES = ["Rogozn", "Hanhiu", "space agency"]
URLS = [
    "/api/v1/search/?q=space",
    "/api/v1/search/?q=Rogozn",
    "/api/v1/quotes/?q=%22space%20power%22",
    "/api/v1/quotes/?q=cooperation%20OR%20moon",
    "/api/v1/articles/?q=astronauts",
    "/api/v1/people/?q=Hanhiu",
]
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-seqscan", action="store_true")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Quote
    from entities.models import Organisation, Person
    from newsdesk import fulltext

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if options.no_seqscan:
            cursor.execute("SET enable_seqscan = off")

    def explain(label: str, sql: str, params=None) -> None:
        with connection.cursor() as cursor:
            # Without parameters, the SQL (which may hold "%") is sent as is.
            cursor.execute(f"EXPLAIN (COSTS OFF) {sql}", params or None)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"== {label}\n{TIMESTAMP.sub('NOW', plan)}\n")

    searches = {}
    for q in QUERIES:
        articles, quotes = Article.objects.all(), Quote.objects.all()
        searches[f"articles_matching {q}"] = fulltext.articles_matching(articles, q)
        searches[f"articles_ranked {q}"] = fulltext.articles_ranked(
            articles, q
        ).order_by("-rank")
        searches[f"quotes_matching {q}"] = fulltext.quotes_matching(
            quotes, q, speaker_ids=[1, 2]
        )
        searches[f"quotes_ranked {q}"] = fulltext.quotes_ranked(quotes, q).order_by(
            "-rank"
        )
    for q in NAMES:
        for model in (Person, Organisation):
            searches[f"names_matching {model.__name__} {q}"] = fulltext.names_matching(
                model.objects.all(), q
            ).order_by("-similarity", "name")
    for label, queryset in searches.items():
        sql, params = queryset.query.sql_with_params()
        explain(label, sql, params)
        print("found:", list(queryset.values_list("pk", flat=True)), "\n")

    client = Client(HTTP_HOST="localhost")
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        print(f"#### {url}: {response.status_code}, {len(queries)} queries")
        print(TIMESTAMP.sub("NOW", response.content.decode()), "\n")
        for number, query in enumerate(queries):
            if query["sql"].startswith("SELECT"):
                explain(f"{url} [{number}]", query["sql"])


if __name__ == "__main__":
    main()
