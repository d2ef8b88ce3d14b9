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
per request (transaction statements left out), next to two floors timed
in turn with it, request by request, on the same data: one raw SQL query
through psycopg, and the same rows through ``.values()`` and orjson in a
bare view (a deep page is timed so with the first page too). Then it
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
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

from bench.machine import calibration_ms  # noqa: E402

# Targets, on PostgreSQL with 100,000 articles and a million quotes.
MAX_LIST_QUERIES = 3
LIST_FLOOR_RATIO = 2.0  # every list's median to its values+orjson floor
SEARCH_P99_MS = 80.0
CURSOR_DEEP_RATIO = 1.2
CACHE_HIT_MS = 2.0
NOT_MODIFIED_MS = 3.0
THROUGHPUT_FLOOR_RATIO = 0.5  # uncached quotes list to the bare floor view
CACHE_THROUGHPUT_RATIO = 5.0  # cache hits to uncached, quotes list

# A deep page, and the first page it is compared with (timed together).
DEEP_PAGES = {"quotes_deep_cursor": "quotes_first_page_cursor"}

TRANSACTION_SQL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def loadavg() -> list[float]:
    """The machine's 1-, 5- and 15-minute load averages (other work on the
    same cores shows in every figure)."""
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return [round(x, 2) for x in os.getloadavg()]


# Repeated in rounds of ``--requests`` until the medians of the last
# STABLE_ROUNDS rounds lie within STABLE_SPREAD of each other (or
# MAX_ROUNDS rounds have run): a figure taken while another process had the
# cores for a moment is not reported as the endpoint's.
STABLE_ROUNDS = 3
STABLE_SPREAD = 0.10
MAX_ROUNDS = 6


def _more_rounds(medians: list[float]) -> bool:
    return len(medians) < MAX_ROUNDS


def timed(call, requests: int, warmup: int, rounds: tuple = ()) -> list[float]:
    """The samples of the last stable rounds (see STABLE_ROUNDS)."""
    for _ in range(warmup):
        call()
    medians: list[float] = []
    kept: list[list[float]] = []
    for _ in range(MAX_ROUNDS if requests >= 20 else 1):
        if len(medians) >= STABLE_ROUNDS and not _more_rounds(medians):
            break
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            call()
            samples.append((time.perf_counter() - started) * 1000)
        kept.append(samples)
        medians.append(statistics.median(samples))
        last = medians[-STABLE_ROUNDS:]
        if len(last) == STABLE_ROUNDS and max(last) <= min(last) * (1 + STABLE_SPREAD):
            break
    if isinstance(rounds, list):
        rounds.extend(round(m, 3) for m in medians)
    return [x for samples in kept[-STABLE_ROUNDS:] for x in samples]


def timed_together(calls: dict, requests: int, warmup: int) -> dict:
    """``calls`` timed in turn, one request each, ``requests`` times a
    round, in rounds until every one's last STABLE_ROUNDS medians agree:
    an endpoint and its floors (or the first page and a deep one) see the
    same moments of the machine's load, so their ratio holds even when the
    load changes. Returns each call's samples of its last rounds and its
    round medians."""
    for _ in range(warmup):
        for call in calls.values():
            call()
    medians: dict = {name: [] for name in calls}
    kept: dict = {name: [] for name in calls}

    def stable(found):
        last = found[-STABLE_ROUNDS:]
        return len(last) == STABLE_ROUNDS and max(last) <= min(last) * (
            1 + STABLE_SPREAD
        )

    for _ in range(MAX_ROUNDS if requests >= 20 else 1):
        samples: dict = {name: [] for name in calls}
        for _ in range(requests):
            for name, call in calls.items():
                started = time.perf_counter()
                call()
                samples[name].append((time.perf_counter() - started) * 1000)
        for name in calls:
            kept[name].append(samples[name])
            medians[name].append(statistics.median(samples[name]))
        if all(stable(found) for found in medians.values()):
            break
    return {
        name: (
            [x for round_ in kept[name][-STABLE_ROUNDS:] for x in round_],
            [round(m, 3) for m in medians[name]],
        )
        for name in calls
    }


def summary(samples: list[float], rounds: list | None = None) -> dict:
    found = {
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(percentile(samples, 0.99), 3),
        "requests": len(samples),
    }
    if rounds:
        found["round_medians_ms"] = rounds
        found["stable"] = len(rounds) < MAX_ROUNDS or max(
            rounds[-STABLE_ROUNDS:]
        ) <= min(rounds[-STABLE_ROUNDS:]) * (1 + STABLE_SPREAD)
    return found


def _record_ids(body) -> list | None:
    """The ids of a list's records in the order given; None for a body
    that is not a list of records."""
    records = body.get("results") if isinstance(body, dict) else None
    if not isinstance(records, list):
        return None
    return [record.get("id") for record in records]


def measure(args) -> dict:
    import django

    django.setup()

    import psycopg
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from bench import floors, more_floors
    from entities.selectors import organisation_ids_with_descendants  # noqa: F401

    if connection.vendor != "postgresql":
        raise SystemExit("The benchmark runs on PostgreSQL: set DATABASE_URL.")
    params = floors.choose()
    floors.PARAMS = params
    client = Client()
    # prepare_threshold=None: psycopg never prepares the floor's statements.
    # Prepared after five runs, PostgreSQL may switch to a generic plan that
    # ignores the parameters (6 ms became 120 ms for the filtered list); the
    # API's queries are bound client-side (Django's psycopg default), so
    # they are planned for their values every time, and so is the floor.
    # The API's own connection options too (jit=off, pg_trgm's threshold):
    # the same settings plan the floor's queries and find its rows.
    raw = psycopg.connect(
        **{
            key: value
            for key, value in connection.get_connection_params().items()
            if key in ("dbname", "user", "password", "host", "port", "options")
        },
        autocommit=True,
        prepare_threshold=None,
    )
    host = {"HTTP_HOST": "localhost"}
    results = {}
    only = set(args.only.split(",")) if args.only else None
    for endpoint in floors.endpoints(params):
        if only and endpoint.name not in only:
            continue
        load_before = loadavg()
        rounds: list = []
        if endpoint.kind in ("conditional", "cached"):
            with override_settings(API_CACHE_SECONDS=60):
                etag = client.get(endpoint.url, **host)["ETag"]
                headers = dict(host)
                if endpoint.kind == "conditional":
                    headers["HTTP_IF_NONE_MATCH"] = etag
                response = client.get(endpoint.url, **headers)
                expected = 304 if endpoint.kind == "conditional" else 200
                assert response.status_code == expected, response.status_code
                assert response["X-Cache"] == "hit", response["X-Cache"]
                samples = timed(
                    lambda u=endpoint.url, h=headers: client.get(u, **h),
                    args.requests,
                    args.warmup,
                    rounds,
                )
                with CaptureQueriesContext(connection) as queries:
                    client.get(endpoint.url, **headers)
        else:
            response = client.get(endpoint.url, **host)
            assert response.status_code == 200, (endpoint.url, response.status_code)
            with CaptureQueriesContext(connection) as queries:
                client.get(endpoint.url, **host)
        statements = [
            q["sql"]
            for q in queries.captured_queries
            if not q["sql"].startswith(TRANSACTION_SQL)
        ]
        result = {"url": endpoint.url, "kind": endpoint.kind}
        if endpoint.kind in ("conditional", "cached"):
            result.update(summary(samples, rounds))
        else:
            # The endpoint, its floors and (for a deep page) the first page,
            # timed in turn: see timed_together.
            calls = {"api": lambda u=endpoint.url: client.get(u, **host)}
            if endpoint.floors:
                floor_url = f"/bench/floor/{endpoint.name}/"
                rows = json.loads(client.get(floor_url, **host).content)
                result["rows"] = len(rows)
                # A floor is only a floor of the same records, in order.
                api_ids = _record_ids(json.loads(response.content))
                if api_ids is not None and not endpoint.name.startswith("search_"):
                    assert api_ids == [row["id"] for row in rows], endpoint.name
                floor_statements = floors.raw_statements(endpoint.name, params)

                def run_raw(floor_statements=floor_statements):
                    found = []
                    with raw.cursor() as cursor:
                        for sql, sql_params in floor_statements:
                            cursor.execute(sql, sql_params)
                            found += cursor.fetchall()
                    return found

                page_rows = (
                    sum(
                        len(list(queryset))
                        for queryset in more_floors.raw_querysets(endpoint.name, params)
                    )
                    if endpoint.name in more_floors.MORE_FLOORS
                    else len(rows)
                )
                assert len(run_raw()) == page_rows, endpoint.name
                calls["values_floor"] = lambda u=floor_url: client.get(u, **host)
                calls["raw_floor"] = run_raw
            if endpoint.name in DEEP_PAGES:
                first = next(
                    e
                    for e in floors.endpoints(params)
                    if e.name == DEEP_PAGES[endpoint.name]
                )
                calls["first_page"] = lambda u=first.url: client.get(u, **host)
            timings = timed_together(calls, args.requests, args.warmup)
            result.update(summary(*timings["api"]))
            for name in ("values_floor", "raw_floor", "first_page"):
                if name in timings:
                    result[name] = summary(*timings[name])
            if endpoint.floors:
                for floor in ("raw_floor", "values_floor"):
                    result[f"ratio_to_{floor}"] = round(
                        result["median_ms"] / result[floor]["median_ms"], 2
                    )
            if "first_page" in result:
                result["ratio_to_first_page"] = round(
                    result["median_ms"] / result["first_page"]["median_ms"], 2
                )
        result["queries"] = len(statements)
        result["loadavg_before"] = load_before
        result["loadavg_after"] = loadavg()
        results[endpoint.name] = result
        print(
            f"  measured {endpoint.name}: {result['median_ms']:.2f} ms "
            f"(load {result['loadavg_after'][0]:.2f})",
            file=sys.stderr,
            flush=True,
        )
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
# Report


def verdicts(endpoints: dict, throughput: dict | None = None) -> dict[str, dict]:
    """Each target with the measured figure and whether it holds."""
    found = {}

    def add(name, measured, target, holds):
        found[name] = {"measured": measured, "target": target, "met": bool(holds)}

    for name, e in endpoints.items():
        if e["kind"] in ("list", "search"):
            add(f"{name}: queries", e["queries"], f"<= {MAX_LIST_QUERIES}",
                e["queries"] <= MAX_LIST_QUERIES)  # fmt: skip
            ratio = e["ratio_to_values_floor"]
            add(f"{name}: × values floor", ratio, f"<= {LIST_FLOOR_RATIO}",
                ratio <= LIST_FLOOR_RATIO)  # fmt: skip
        if e["kind"] == "search":
            add(f"{name}: p99", e["p99_ms"], f"<= {SEARCH_P99_MS} ms",
                e["p99_ms"] <= SEARCH_P99_MS)  # fmt: skip
    if "quotes_deep_cursor" in endpoints and "quotes_first_page_cursor" in endpoints:
        deep = endpoints["quotes_deep_cursor"]
        first = endpoints["quotes_first_page_cursor"]
        # Timed together with the first page when the results hold that.
        ratio = deep.get("ratio_to_first_page") or round(
            deep["median_ms"] / first["median_ms"], 2
        )
        add("deep cursor page / first page", ratio, f"<= {CURSOR_DEEP_RATIO}",
            ratio <= CURSOR_DEEP_RATIO)  # fmt: skip
    if "cache_hit" in endpoints:
        e = endpoints["cache_hit"]
        add("cache hit median", e["median_ms"], f"<= {CACHE_HIT_MS} ms",
            e["median_ms"] <= CACHE_HIT_MS)  # fmt: skip
    if "not_modified" in endpoints:
        e = endpoints["not_modified"]
        add("304 median", e["median_ms"], f"<= {NOT_MODIFIED_MS} ms",
            e["median_ms"] <= NOT_MODIFIED_MS)  # fmt: skip
    if throughput:
        ratios = throughput["ratios"]
        add("gunicorn: quotes list / floor view", ratios["quotes_list_to_floor"],
            f">= {THROUGHPUT_FLOOR_RATIO}",
            ratios["quotes_list_to_floor"] >= THROUGHPUT_FLOOR_RATIO)  # fmt: skip
        add("gunicorn: cache hit / uncached", ratios["cached_to_uncached"],
            f">= {CACHE_THROUGHPUT_RATIO}",
            ratios["cached_to_uncached"] >= CACHE_THROUGHPUT_RATIO)  # fmt: skip
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
            if name == "ratios":
                continue
            lines.append(
                f"  {name:<26} {t['requests_per_second']:>8.1f} req/s "
                f"({t['requests_per_second_per_core']:.1f} per core, "
                f"{t['workers']} workers, {t['clients']} clients, "
                f"{t['errors']} errors, {t['generator']}, "
                f"load {t['loadavg_after'][0]:.2f})"
            )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--throughput-seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--redis", default="", help="REDIS_URL for the cached gunicorn leg."
    )
    parser.add_argument("--only", default="", help="Comma-separated endpoints.")
    parser.add_argument(
        "--max-rounds",
        type=int,
        default=6,
        help="Rounds per endpoint at most, however unstable.",
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "api.json"))
    args = parser.parse_args(argv)
    global MAX_ROUNDS
    MAX_ROUNDS = max(STABLE_ROUNDS, args.max_rounds)

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "loadavg_before": loadavg(),
            "calibration_ms": calibration_ms(),
        },
    }
    report.update(measure(args))
    # The throughput leg loads the quotes list: a run --only other endpoints
    # has none to load.
    if args.throughput_seconds > 0 and "quotes_list" in report["endpoints"]:
        from bench.throughput import throughput

        urls = {
            name: report["endpoints"][name]["url"]
            for name in ("quotes_list", "quotes_filtered")
            if name in report["endpoints"]
        }
        report["throughput"] = throughput(
            urls,
            seconds=args.throughput_seconds,
            clients=args.clients,
            redis=args.redis,
        )
    report["machine"]["loadavg_after"] = loadavg()
    report["machine"]["calibration_ms_after"] = calibration_ms()
    report["targets"] = verdicts(report["endpoints"], report.get("throughput"))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(report))
    print(f"\nFigures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
