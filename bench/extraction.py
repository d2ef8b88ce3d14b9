"""Benchmark: milliseconds to extract a 1,000-word story, and to propose and
render the review screen of a 3,000-word one.

Runs ``extract`` over the gold stories joined into one text of at least
1,000 words, with the reference story's registry as gazetteer, and reports the
median and 99th percentile per 1,000 words (target: under 100 ms at the 99th
percentile). Then, in a throw-away test database holding the reference
story's registry, it times the admin's review screen (``Propose structure``:
registry read, extraction, every proposal's form, the highlighted body,
rendered to HTML) for a 3,000-word story through Django's test client
(target: under 1 s at the 99th percentile). Missing either exits with status 1.
``--ner`` times both with the named-entity step (spaCy, requirements-ner.txt)
and writes ``bench/results/extraction-ner.json`` unless ``--out`` says where.

    python bench/extraction.py [--runs 300] [--review-runs 20] [--ner]
        [--out bench/results/extraction.json]
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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")

import django  # noqa: E402

django.setup()

from articles.extraction import Gazetteer, extract  # noqa: E402
from articles.extraction.engine import ner  # noqa: E402
from articles.extraction.evaluation import load_gold  # noqa: E402
from bench.machine import calibration_ms  # noqa: E402

TARGET_MS = 100.0
REVIEW_TARGET_MS = 1000.0
REVIEW_WORDS = 3000


def story_text(min_words: int = 1000) -> tuple[str, Gazetteer]:
    stories = [load_gold(p) for p in sorted((ROOT / "seeds" / "gold").glob("*.json"))]
    gazetteer = Gazetteer.from_seed(
        json.loads((ROOT / "seeds" / "reference-story.json").read_text())
    )
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < min_words:
        parts.extend(s.text for s in stories)
    return "\n\n".join(parts), gazetteer


def review_timings(runs: int, use_ner: bool = False) -> tuple[int, list[float]]:
    """Milliseconds per GET of the review screen of a 3,000-word story."""
    import io

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_databases, teardown_databases
    from django.urls import reverse

    from articles import services
    from articles.models import ArticleStatus

    # No setup_test_environment(): it instruments every template render to
    # record contexts for tests, which would be timed too.
    settings.EXTRACTION_NER = use_ner
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        # A database of its own: "test_<name>" may be the one a test run
        # that started this script is using.
        database.setdefault("TEST", {})["NAME"] = (
            f"test_{database['NAME']}_extraction_{os.getpid()}"
        )
    old = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        call_command("load_seed", stdout=io.StringIO())
        body, _ = story_text(REVIEW_WORDS)
        body = " ".join(body.split(" ")[:REVIEW_WORDS])
        article = services.article_create(
            headline="Benchmark story", body=body, status=ArticleStatus.DRAFT
        )
        user = get_user_model().objects.create_superuser("bench", password=None)
        client = Client()
        client.force_login(user)
        url = reverse("admin:articles_article_propose", args=[article.pk])
        timings = []
        for run in range(runs + 1):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, response.status_code
            assert b"proposal-quote" in response.content
            if run:  # the first request warms templates and imports
                timings.append(elapsed)
        return len(body.split()), sorted(timings)
    finally:
        teardown_databases(old, verbosity=0)


def _p99(timings: list[float]) -> float:
    return timings[max(int(len(timings) * 0.99) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--review-runs", type=int, default=20)
    parser.add_argument(
        "--ner", action="store_true", help="With the named-entity step."
    )
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.ner and not ner.available():
        sys.exit("--ner needs spaCy and its model: install requirements-ner.txt.")
    name = "extraction-ner.json" if args.ner else "extraction.json"
    args.out = args.out or str(ROOT / "bench" / "results" / name)
    text, gazetteer = story_text()
    words = len(text.split())
    # Warm up: compiled patterns, imports, and the model when there is one.
    extract(text, gazetteer, use_ner=args.ner)
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        extract(text, gazetteer, use_ner=args.ner)
        timings.append((time.perf_counter() - started) * 1000 * 1000 / words)
    timings.sort()
    figures = {
        "words": words,
        "runs": args.runs,
        "median_ms_per_1000_words": round(statistics.median(timings), 3),
        "p99_ms_per_1000_words": round(_p99(timings), 3),
        "max_ms_per_1000_words": round(timings[-1], 3),
        "target_ms_per_1000_words": TARGET_MS,
        "ner": args.ner,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    review_words, review = review_timings(args.review_runs, args.ner)
    figures["review"] = {
        "words": review_words,
        "runs": args.review_runs,
        "median_ms": round(statistics.median(review), 1),
        "p99_ms": round(_p99(review), 1),
        "target_ms": REVIEW_TARGET_MS,
    }
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    figures["calibration_ms"] = calibration_ms()
    figures["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    figures["meets_target"] = (
        figures["p99_ms_per_1000_words"] < TARGET_MS
        and figures["review"]["p99_ms"] < REVIEW_TARGET_MS
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))  # noqa: T201
    if not figures["meets_target"]:
        sys.exit(
            f"Missed: p99 {figures['p99_ms_per_1000_words']} ms per 1,000 words "
            f"(target {TARGET_MS:g}); review screen of {review_words} words p99 "
            f"{figures['review']['p99_ms']} ms (target {REVIEW_TARGET_MS:g})."
        )


if __name__ == "__main__":
    main()
