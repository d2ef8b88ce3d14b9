"""The plans PostgreSQL chooses for what the benchmark asks: every SELECT an
API request sends, as it sends it (Django binds parameters client-side, so
the captured SQL is the statement planned), under ``EXPLAIN (ANALYZE,
BUFFERS)``. For docs/benchmark.md, before and after an index.

    DATABASE_URL=… .venv/bin/python bench/plans.py [quotes_filtered …]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def main(names: list[str]) -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench import floors

    params = floors.choose()
    client = Client()
    for endpoint in floors.endpoints(params):
        if names and endpoint.name not in names:
            continue
        client.get(endpoint.url, HTTP_HOST="localhost")  # warm, fill estimates
        with CaptureQueriesContext(connection) as queries:
            client.get(endpoint.url, HTTP_HOST="localhost")
        print(f"## {endpoint.name}: {endpoint.url}\n")
        for query in queries.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"```\n{sql}\n\n{plan}\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
