"""A small run of the corpus generator and the API benchmark (bench/api.py),
so neither can rot: a few hundred generated articles on PostgreSQL, a few
requests per endpoint, a second of gunicorn. The figures mean nothing at
this size; that the benchmark runs, finds its floors answering the same
rows, and counts the queries the targets promise does. And the extraction
benchmark (bench/extraction.py), whose verdict follows its own figures."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from bench import readme

ROOT = Path(__file__).resolve().parent.parent

ENDPOINTS = {
    "quotes_list",
    "quotes_filtered",
    "quotes_search_common",
    "quotes_search_rare",
    "article_detail",
    "agreements_two_parties",
    "people_name_prefix",
    "quotes_first_page_cursor",
    "quotes_deep_offset",
    "quotes_deep_cursor",
    "articles_list",
    "articles_search_common",
    "articles_search_rare",
    "search_common",
    "search_rare",
    "people_list",
    "organisations_list",
    "agreements_list",
    "cache_hit",
    "not_modified",
}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_corpus_and_benchmark_run(tmp_path):
    call_command("generate_corpus", articles=300, seed=11, stdout=io.StringIO())
    db = connection.settings_dict
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER']}@{host}/{db['NAME']}"
    out = tmp_path / "api.json"
    result = subprocess.run(  # noqa: S603 - the project's own script
        [
            sys.executable,
            "bench/api.py",
            "--requests=3",
            "--warmup=1",
            "--throughput-seconds=1",
            "--clients=2",
            f"--out={out}",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "CI": ""},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Targets:" in result.stdout
    report = json.loads(out.read_text())
    assert report["corpus"]["articles"] == 300
    endpoints = report["endpoints"]
    assert set(endpoints) == ENDPOINTS
    for name, figures in endpoints.items():
        assert figures["median_ms"] > 0 and figures["p99_ms"] >= figures["median_ms"]
        assert len(figures["loadavg_before"]) == len(figures["loadavg_after"]) == 3
        if name not in ("not_modified", "cache_hit"):
            assert figures["raw_floor"]["median_ms"] > 0, name
            assert figures["values_floor"]["median_ms"] > 0, name
            assert figures["rows"] > 0, name
    # What the targets promise about queries holds at any size.
    assert endpoints["quotes_list"]["queries"] <= 3
    assert endpoints["quotes_first_page_cursor"]["queries"] == 1
    assert endpoints["quotes_deep_cursor"]["queries"] == 1
    assert endpoints["not_modified"]["queries"] == 0
    assert endpoints["cache_hit"]["queries"] == 0
    assert endpoints["search_common"]["queries"] <= 3
    # The deep page is timed together with the first page it is compared to.
    deep = endpoints["quotes_deep_cursor"]
    assert deep["first_page"]["median_ms"] > 0
    assert deep["ratio_to_first_page"] == round(
        deep["median_ms"] / deep["first_page"]["median_ms"], 2
    )
    for name in (
        "quotes_list",
        "quotes_filtered",
        "quotes_list_floor",
        "quotes_list_cached",
    ):
        throughput = report["throughput"][name]
        assert throughput["requests_per_second"] > 0
        assert throughput["errors"] == 0
    assert report["throughput"]["ratios"]["quotes_list_to_floor"] > 0
    # The README's section renders from such a report.
    assert "| quotes list |" in readme.render(report)


def test_the_readme_figures_are_the_results_file():
    """The README's benchmark sections are bench/readme.py's rendering of
    bench/results/api.json and of the extraction results, not figures typed
    by hand; ``--check`` says so too."""
    report = json.loads(readme.RESULTS.read_text())
    text = readme.README.read_text(encoding="utf-8")
    assert readme.section(report) in text
    assert readme.extraction_section(*readme.load_extraction()) in text
    assert readme.main(["--check"]) == 0


def test_the_quality_section_follows_the_results_file():
    """Change a recorded figure and the rendered section changes with it:
    the table's F1, counts and verdicts are the file's, not the README's."""
    quality, speed = readme.load_extraction()
    before = readme.render_extraction(quality, speed)
    changed = copy.deepcopy(quality)
    train = changed["sets"]["train"]
    train["quotes"]["f1"] = 0.1234
    train["speaker_accuracy"].update(right=7, total=9, accuracy=0.7778)
    changed["sets"]["held-out"] = {
        **train,
        "set": "held-out",
        "quotes": {**train["quotes"], "f1": 0.86},
    }
    after = readme.render_extraction(changed, speed)
    assert after != before
    assert "| 0.123 |" in after and "0.78 (7 of 9)" in after
    assert "F1 met, speaker missed" in after
    assert "Not recorded: real, held-out;" not in after
    text = readme.README.read_text(encoding="utf-8")
    assert readme.rewritten(text, json.loads(readme.RESULTS.read_text())) == text
    assert (
        readme.rewritten(text, json.loads(readme.RESULTS.read_text()), (changed, speed))
        != text
    )


def test_quality_script_records_totals_only(tmp_path):
    """bench/quality.py writes each set's totals with when, load and commit,
    and nothing story by story (own stories only, to stay quick)."""
    out = tmp_path / "quality.json"
    result = subprocess.run(  # noqa: S603 - the project's own script
        [sys.executable, "bench/quality.py", "--sets", "own", f"--out={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text())
    assert list(report["sets"]) == ["own"]
    own = report["sets"]["own"]
    assert set(own) == {
        "set",
        "ner",
        "stories",
        "threshold",
        "quotes",
        "speaker_accuracy",
        "organisation_accuracy",
        "unnamed_source_accuracy",
        "when",
        "load_average",
        "commit",
    }
    assert own["stories"] == len(list((ROOT / "seeds" / "gold").glob("*.json")))
    assert own["quotes"]["tp"] > 0 and len(own["load_average"]) == 3
    assert "own" in result.stdout and "stories" in result.stdout


def test_extraction_benchmark_reports_against_its_target(tmp_path):
    """bench/extraction.py runs a 1,000-word story and the review screen of a
    3,000-word story, and its verdict (exit status and ``meets_target``)
    follows its own figures. Whether the targets hold is the benchmark's to
    say on a quiet machine, not a timed test's on a busy one."""
    out = tmp_path / "extraction.json"
    result = subprocess.run(  # noqa: S603 - the project's own script
        [
            sys.executable,
            "bench/extraction.py",
            "--runs=20",
            "--review-runs=5",
            f"--out={out}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert figures["words"] >= 1000
    assert figures["review"]["words"] >= 3000
    assert 0 < figures["median_ms_per_1000_words"] <= figures["p99_ms_per_1000_words"]
    assert 0 < figures["review"]["median_ms"] <= figures["review"]["p99_ms"]
    met = (
        figures["p99_ms_per_1000_words"] < figures["target_ms_per_1000_words"]
        and figures["review"]["p99_ms"] < figures["review"]["target_ms"]
    )
    assert figures["meets_target"] is met
    assert result.returncode == (0 if met else 1)


def test_a_run_states_how_fast_its_machine_was():
    """The recorded calibration (``bench/machine.py``) goes beside the load
    average in the README, so two runs on hosts of different speeds are not
    read as a change in the code; a run recorded before it has none."""
    from bench.machine import calibration_ms

    assert calibration_ms(steps=400_000, runs=3) < calibration_ms(
        steps=4_000_000, runs=3
    )
    report = json.loads(readme.RESULTS.read_text())
    report["machine"].update(calibration_ms=128.6, calibration_ms_after=131.2)
    assert (
        "CPU calibration 129 ms before, 131 ms after (bench/machine.py)"
        in readme.render(report)
    )
    del report["machine"]["calibration_ms"]
    assert "CPU calibration" not in readme.render(report)
    (figures, recorded), *_ = readme.load_extraction()[1]
    figures = {**figures, "calibration_ms": 140.4}
    assert "; CPU calibration 140 ms (bench/machine.py)):" in readme.render_speed(
        figures, recorded
    )
