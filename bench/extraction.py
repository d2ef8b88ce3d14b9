"""Benchmark: milliseconds to extract a 1,000-word story.

Runs ``extract`` over the gold stories joined into one text of at least
1,000 words, with the reference story's registry as gazetteer, and reports the
median and 99th percentile per 1,000 words. The target is under 100 ms at
the 99th percentile; missing it exits with status 1.

    python bench/extraction.py [--runs 300] [--out bench/results/extraction.json]
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
from articles.extraction.evaluation import load_gold  # noqa: E402

TARGET_MS = 100.0


def story_text(min_words: int = 1000) -> tuple[str, Gazetteer]:
    stories = [load_gold(p) for p in sorted((ROOT / "seeds" / "gold").glob("*.json"))]
    gazetteer = Gazetteer.from_seed(
        json.loads((ROOT / "seeds" / "reference-story.json").read_text())
    )
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < min_words:
        parts.extend(s.text for s in stories)
    return "\n\n".join(parts), gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument(
        "--out", default=str(ROOT / "bench" / "results" / "extraction.json")
    )
    args = parser.parse_args()
    text, gazetteer = story_text()
    words = len(text.split())
    extract(text, gazetteer)  # warm up: compiled patterns, imports
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        extract(text, gazetteer)
        timings.append((time.perf_counter() - started) * 1000 * 1000 / words)
    timings.sort()
    figures = {
        "words": words,
        "runs": args.runs,
        "median_ms_per_1000_words": round(statistics.median(timings), 3),
        "p99_ms_per_1000_words": round(timings[int(len(timings) * 0.99) - 1], 3),
        "max_ms_per_1000_words": round(timings[-1], 3),
        "target_ms_per_1000_words": TARGET_MS,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    figures["meets_target"] = figures["p99_ms_per_1000_words"] < TARGET_MS
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))  # noqa: T201
    if not figures["meets_target"]:
        sys.exit(f"Missed: p99 {figures['p99_ms_per_1000_words']} ms per 1,000 words.")


if __name__ == "__main__":
    main()
