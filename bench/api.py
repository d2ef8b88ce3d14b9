"""Benchmark of Newsdesk's read API against the raw-SQL and ORM floors.

Run it against PostgreSQL holding a generated archive:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=… .venv/bin/python manage.py generate_corpus --articles 100000
    DATABASE_URL=… .venv/bin/python bench/api.py [--requests 200]
        [--throughput-seconds 15] [--out bench/results/api.json]

For each endpoint (see bench/floors.py) it makes ``--requests`` sequential
requests in-process through the whole middleware stack, after a warm-up,
and reports the median and 99th-percentile latency and the SQL statements
per request (transaction statements left out), next to two floors measured
in the same run on the same data: one raw SQL query through psycopg, and
the same rows through ``.values()`` and orjson in a bare view. Then it
starts gunicorn (one worker per core) and drives it from a second process
for throughput, in requests per second per core.

It prints a table and writes every figure, with the targets of issue 6, to
a JSON file. It is a script, not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

# Targets (issue 6), on PostgreSQL with a million quotes.
MAX_LIST_QUERIES = 3
LIST_TARGET_MS = 15.0
LIST_P99_MS = 40.0
LIST_FLOOR_RATIO = 2.0
SEARCH_P99_MS = 80.0
CURSOR_DEEP_RATIO = 1.2
NOT_MODIFIED_MS = 3.0

TRANSACTION_SQL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(call, requests: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def summary(samples: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(percentile(samples, 0.99), 3),
        "requests": len(samples),
    }


def measure(args) -> dict:
    import django

    django.setup()

    import psycopg
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from bench import floors
    from entities.selectors import organisation_ids_with_descendants  # noqa: F401

    if connection.vendor != "postgresql":
        raise SystemExit("The benchmark runs on PostgreSQL: set DATABASE_URL.")
    params = floors.choose()
    floors.PARAMS = params
    client = Client()
    raw = psycopg.connect(
        **{
            key: value
            for key, value in connection.get_connection_params().items()
            if key in ("dbname", "user", "password", "host", "port")
        },
        autocommit=True,
    )
    host = {"HTTP_HOST": "localhost"}
    results = {}
    for endpoint in floors.endpoints(params):
        if endpoint.kind == "conditional":
            with override_settings(API_CACHE_SECONDS=60):
                etag = client.get(endpoint.url, **host)["ETag"]
                headers = {**host, "HTTP_IF_NONE_MATCH": etag}
                response = client.get(endpoint.url, **headers)
                assert response.status_code == 304, response.status_code
                samples = timed(
                    lambda u=endpoint.url, h=headers: client.get(u, **h),
                    args.requests,
                    args.warmup,
                )
                with CaptureQueriesContext(connection) as queries:
                    client.get(endpoint.url, **headers)
        else:
            response = client.get(endpoint.url, **host)
            assert response.status_code == 200, (endpoint.url, response.status_code)
            samples = timed(
                lambda u=endpoint.url: client.get(u, **host), args.requests, args.warmup
            )
            with CaptureQueriesContext(connection) as queries:
                client.get(endpoint.url, **host)
        statements = [
            q["sql"]
            for q in queries.captured_queries
            if not q["sql"].startswith(TRANSACTION_SQL)
        ]
        result = {"url": endpoint.url, "kind": endpoint.kind, **summary(samples)}
        result["queries"] = len(statements)
        if endpoint.floors:
            floor_url = f"/bench/floor/{endpoint.name}/"
            rows = json.loads(client.get(floor_url, **host).content)
            result["rows"] = len(rows)
            result["values_floor"] = summary(
                timed(
                    lambda u=floor_url: client.get(u, **host),
                    args.requests,
                    args.warmup,
                )
            )
            sql, sql_params = floors.raw_sql(endpoint.name, params)

            def run_raw(sql=sql, sql_params=sql_params):
                with raw.cursor() as cursor:
                    cursor.execute(sql, sql_params)
                    return cursor.fetchall()

            assert len(run_raw()) == len(rows), endpoint.name
            result["raw_floor"] = summary(timed(run_raw, args.requests, args.warmup))
            for floor in ("raw_floor", "values_floor"):
                result[f"ratio_to_{floor}"] = round(
                    result["median_ms"] / result[floor]["median_ms"], 2
                )
        results[endpoint.name] = result
        print(f"  measured {endpoint.name}", file=sys.stderr, flush=True)
    raw.close()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_quote")
        quotes = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM articles_article")
        articles = cursor.fetchone()[0]
    return {
        "corpus": {"articles": articles, "quotes": quotes},
        "parameters": {
            "speaker": params.speaker,
            "organisation": params.organisation,
            "sub_organisations": len(params.organisation_ids) - 1,
            "said_after": str(params.said_after),
            "said_before": str(params.said_before),
            "common_word": params.common_word,
            "rare_word": params.rare_word,
            "article": params.article,
            "parties": list(params.parties),
            "name_prefix": params.name_prefix,
            "deep_page": params.deep_page,
        },
        "endpoints": results,
    }


# --------------------------------------------------------------------------
# Throughput under gunicorn


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load(port: int, paths: list[str], seconds: float, out: list) -> None:
    """One client: keep asking until the time is up; count the answers."""
    import http.client

    done = errors = 0
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("GET", paths[i % len(paths)], headers={"Host": "localhost"})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                done += 1
            else:
                errors += 1
        except OSError:
            errors += 1
        finally:
            conn.close()
        i += 1
    out.append((done, errors))


def throughput(args, urls: dict[str, str]) -> dict:
    cores = os.cpu_count() or 1
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "newsdesk.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(cores),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        import http.client

        for _ in range(100):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/api/v1/", headers={"Host": "localhost"})
                conn.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        figures = {}
        for name, path in urls.items():
            # Warm every worker's connection and caches first.
            _load(port, [path], 1.0, [])
            out: list = []
            threads = [
                threading.Thread(
                    target=_load, args=(port, [path], args.throughput_seconds, out)
                )
                for _ in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            done = sum(d for d, _ in out)
            errors = sum(e for _, e in out)
            rps = done / args.throughput_seconds
            figures[name] = {
                "requests_per_second": round(rps, 1),
                "requests_per_second_per_core": round(rps / cores, 1),
                "errors": errors,
                "clients": args.clients,
                "workers": cores,
                "seconds": args.throughput_seconds,
            }
            print(f"  throughput {name}: {rps:.0f}/s", file=sys.stderr, flush=True)
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


# --------------------------------------------------------------------------
# Report


def verdicts(endpoints: dict) -> dict[str, dict]:
    """Each target of issue 6 with the measured figure and whether it holds."""
    found = {}

    def add(name, measured, target, holds):
        found[name] = {"measured": measured, "target": target, "met": bool(holds)}

    for name, e in endpoints.items():
        if e["kind"] == "list":
            add(f"{name}: queries", e["queries"], f"<= {MAX_LIST_QUERIES}",
                e["queries"] <= MAX_LIST_QUERIES)  # fmt: skip
    for name in ("quotes_list", "quotes_filtered"):
        e = endpoints[name]
        add(f"{name}: median", e["median_ms"], f"<= {LIST_TARGET_MS} ms",
            e["median_ms"] <= LIST_TARGET_MS)  # fmt: skip
        add(f"{name}: p99", e["p99_ms"], f"<= {LIST_P99_MS} ms",
            e["p99_ms"] <= LIST_P99_MS)  # fmt: skip
        ratio = e["ratio_to_values_floor"]
        add(f"{name}: ratio to values floor", ratio, f"<= {LIST_FLOOR_RATIO}",
            ratio <= LIST_FLOOR_RATIO)  # fmt: skip
    for name in ("quotes_search_common", "quotes_search_rare"):
        e = endpoints[name]
        add(f"{name}: p99", e["p99_ms"], f"<= {SEARCH_P99_MS} ms",
            e["p99_ms"] <= SEARCH_P99_MS)  # fmt: skip
    deep, first = endpoints["quotes_deep_cursor"], endpoints["quotes_first_page_cursor"]
    ratio = round(deep["median_ms"] / first["median_ms"], 2)
    add("deep cursor page / first page", ratio, f"<= {CURSOR_DEEP_RATIO}",
        ratio <= CURSOR_DEEP_RATIO)  # fmt: skip
    e = endpoints["not_modified"]
    add("304 median", e["median_ms"], f"<= {NOT_MODIFIED_MS} ms",
        e["median_ms"] <= NOT_MODIFIED_MS)  # fmt: skip
    return found


def table(report: dict) -> str:
    lines = [
        f"Corpus: {report['corpus']['articles']:,} articles, "
        f"{report['corpus']['quotes']:,} quotes",
        "",
        f"{'endpoint':<26} {'median':>8} {'p99':>8} {'queries':>7} "
        f"{'raw SQL':>8} {'values':>8} {'×raw':>6} {'×values':>8}",
    ]
    for name, e in report["endpoints"].items():
        floors_ = (
            f"{e['raw_floor']['median_ms']:>8.2f} "
            f"{e['values_floor']['median_ms']:>8.2f} "
            f"{e['ratio_to_raw_floor']:>6.1f} {e['ratio_to_values_floor']:>8.1f}"
            if "raw_floor" in e
            else f"{'—':>8} {'—':>8} {'—':>6} {'—':>8}"
        )
        lines.append(
            f"{name:<26} {e['median_ms']:>8.2f} {e['p99_ms']:>8.2f} {e['queries']:>7} "
            + floors_
        )
    lines += ["", "(milliseconds; floors are medians)", "", "Targets:"]
    for name, v in report["targets"].items():
        mark = "met" if v["met"] else "MISSED"
        lines.append(f"  {name:<46} {v['measured']!s:>9} {v['target']:>12}  {mark}")
    if report.get("throughput"):
        lines += ["", "Throughput under gunicorn:"]
        for name, t in report["throughput"].items():
            lines.append(
                f"  {name:<26} {t['requests_per_second']:>8.1f} req/s "
                f"({t['requests_per_second_per_core']:.1f} per core, "
                f"{t['workers']} workers, {t['clients']} clients, {t['errors']} errors)"
            )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--throughput-seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "api.json"))
    args = parser.parse_args(argv)

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
    }
    report.update(measure(args))
    report["targets"] = verdicts(report["endpoints"])
    if args.throughput_seconds > 0:
        urls = {
            name: report["endpoints"][name]["url"]
            for name in ("quotes_list", "quotes_filtered")
        }
        report["throughput"] = throughput(args, urls)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(report))
    print(f"\nFigures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
