"""The README's benchmark figures, written from ``bench/results/``.

    .venv/bin/python bench/readme.py          # rewrite the README's sections
    .venv/bin/python bench/readme.py --check  # exit 1 if one is out of date

Everything between ``<!-- bench:api -->`` and ``<!-- /bench:api -->`` in
README.md is this script's output from ``api.json``: the run's date, machine
and load, the latency table, the throughput leg and the targets met and
missed. Everything between ``<!-- bench:extraction -->`` and
``<!-- /bench:extraction -->`` is its output from ``extraction-quality.json``
(bench/quality.py: quote F1, speaker and organisation accuracy per gold set,
against the held-out targets) and ``extraction.json`` /
``extraction-ner.json`` (bench/extraction.py: speed). Nobody types those
figures (tests/test_bench.py checks that they match the files).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "api.json"
QUALITY = ROOT / "bench" / "results" / "extraction-quality.json"
SPEED = ROOT / "bench" / "results" / "extraction.json"
SPEED_NER = ROOT / "bench" / "results" / "extraction-ner.json"
README = ROOT / "README.md"
START, END = "<!-- bench:api -->", "<!-- /bench:api -->"
EXTRACTION_START = "<!-- bench:extraction -->"
EXTRACTION_END = "<!-- /bench:extraction -->"


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 1 else f"{value:.1f}"


def _load(values: list[float]) -> str:
    return "/".join(f"{v:.2f}" for v in values)


def _calibration(figures: dict, before: str = "", after: str = "") -> str:
    """The machine's speed (``bench/machine.py``) between ``before`` and
    ``after``, for runs that recorded it; else nothing."""
    start = figures.get("calibration_ms")
    if start is None:
        return ""
    end = figures.get("calibration_ms_after")
    end = f" before, {end:.0f} ms after" if end is not None else ""
    return f"{before}CPU calibration {start:.0f} ms{end} (bench/machine.py){after}"


def render(report: dict) -> str:
    corpus = report["corpus"]
    machine = report["machine"]
    first = next(iter(report["endpoints"].values()))
    requests = first["requests"]
    lines = [
        f"Latest run ({report['when']}, {machine['cpus']} cores, load average "
        f"{_load(machine['loadavg_before'])} before and "
        f"{_load(machine.get('loadavg_after', machine['loadavg_before']))} after; "
        f"{_calibration(machine, after='; ')}"
        f"{corpus['articles']:,} articles / {corpus['quotes']:,} quotes; "
        f"{requests} requests per endpoint from its last stable rounds; "
        "milliseconds):",
        "",
        "| endpoint | median | p99 | queries | raw SQL floor | values+orjson floor "
        "| × values floor | load (1 min) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, e in report["endpoints"].items():
        if "raw_floor" in e:
            floors = (
                f"{_ms(e['raw_floor']['median_ms'])} | "
                f"{_ms(e['values_floor']['median_ms'])} | "
                f"{e['ratio_to_values_floor']:.1f}"
            )
        else:
            floors = "— | — | —"
        lines.append(
            f"| {name.replace('_', ' ')} | {_ms(e['median_ms'])} | "
            f"{_ms(e['p99_ms'])} | {e['queries']} | {floors} | "
            f"{e['loadavg_after'][0]:.2f} |"
        )
    throughput = report.get("throughput")
    if throughput:
        t = throughput
        lines += [
            "",
            f"Throughput under gunicorn ({t['quotes_list']['workers']} workers, "
            f"{t['quotes_list']['clients']} connections from "
            f"{t['quotes_list']['generator']}, "
            f"{t['quotes_list']['seconds']:.0f} s each, same run):",
            "",
            "| what | requests/s | per core | p99 ms | load (1 min) |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, entry in t.items():
            if name == "ratios":
                continue
            lines.append(
                f"| {name.replace('_', ' ')} | {entry['requests_per_second']:.1f} | "
                f"{entry['requests_per_second_per_core']:.1f} | "
                f"{entry.get('p99_ms', '—')} | {entry['loadavg_after'][0]:.2f} |"
            )
        lines += [
            "",
            f"Quotes list to the bare floor view: "
            f"{t['ratios']['quotes_list_to_floor']:.2f}×; cache hits to uncached: "
            f"{t['ratios']['cached_to_uncached']:.1f}×.",
        ]
    met = [n for n, v in report["targets"].items() if v["met"]]
    missed = [
        f"{n} ({v['measured']}, target {v['target']})"
        for n, v in report["targets"].items()
        if not v["met"]
    ]
    lines += [
        "",
        f"Targets met: {len(met)} of {len(report['targets'])}."
        + (f" Missed: {'; '.join(missed)}." if missed else ""),
    ]
    return "\n".join(lines)


def section(report: dict) -> str:
    return f"{START}\n{render(report)}\n{END}"


# --------------------------------------------------------------------------
# Extraction: quality per gold set, and speed

#: Row labels of bench/quality.py's legs, in the table's order.
LEG_LABELS = {
    "own": "own stories",
    "train": "real, training",
    "held-out": "real, held-out",
    "held-out-ner": "real, held-out, with --ner",
}
QUALITY_COMMAND = ".venv-ner/bin/python bench/quality.py"


def _accuracy(a: dict) -> str:
    if not a["total"]:
        return "—"
    return f"{a['right'] / a['total']:.2f} ({a['right']} of {a['total']})"


def _verdicts(entry: dict, targets: dict) -> str:
    measured = {
        "F1": (entry["quotes"]["f1"], targets["f1"]),
        "speaker": (entry["speaker_accuracy"]["accuracy"], targets["speaker"]),
        "organisation": (
            entry["organisation_accuracy"]["accuracy"],
            targets["organisation"],
        ),
    }
    return ", ".join(
        f"{name} {'met' if value is not None and value >= target else 'missed'}"
        for name, (value, target) in measured.items()
    )


def render_quality(quality: dict) -> str:
    targets = quality["targets"]["held-out"]
    legs = quality["sets"]
    threshold = next(iter(legs.values()))["threshold"] if legs else 0.3
    lines = [
        f"Extraction quality (`bench/quality.py`: `evaluate_extraction`'s totals, "
        f"quotes matched by token overlap above {threshold}; speaker and "
        "organisation accuracy among matched quotes). Targets on the held-out "
        f"stories: quote F1 ≥ {targets['f1']}, speaker ≥ {targets['speaker']}, "
        f"organisation ≥ {targets['organisation']}.",
        "",
        "| set | stories | gold quotes | F1 | P | R | speaker | organisation "
        "| unnamed sources | targets | run (load 1/5/15 min, commit) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, label in LEG_LABELS.items():
        entry = legs.get(name)
        if entry is None:
            continue
        q = entry["quotes"]
        verdicts = _verdicts(entry, targets) if entry["set"] == "held-out" else "—"
        lines.append(
            f"| {label} | {entry['stories']} | {q['tp'] + q['fn']} | "
            f"{q['f1']:.3f} | {q['precision']:.3f} | {q['recall']:.3f} | "
            f"{_accuracy(entry['speaker_accuracy'])} | "
            f"{_accuracy(entry['organisation_accuracy'])} | "
            f"{_accuracy(entry['unnamed_source_accuracy'])} | {verdicts} | "
            f"{_when(entry['when'])} "
            f"({_load(entry['load_average'])}, {entry['commit']}) |"
        )
    absent = [label for name, label in LEG_LABELS.items() if name not in legs]
    if absent:
        lines += [
            "",
            f"Not recorded: {'; '.join(absent)} (`{QUALITY_COMMAND}` runs every set).",
        ]
    return "\n".join(lines)


def _when(moment: str) -> str:
    """A results file's ISO ``when`` as "YYYY-MM-DD HH:MM UTC"."""
    return moment.replace("T", " ").removesuffix("Z")[:16] + " UTC"


def _recorded(figures: dict) -> str:
    """When the speed figures were taken (bench/extraction.py records it)."""
    return _when(figures["when"]) if "when" in figures else "date not recorded"


def _ms_short(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:.2f} s".replace(".00 s", " s")
    return f"{value:.0f} ms" if float(value).is_integer() else f"{value:.1f} ms"


def render_speed(figures: dict, recorded: str) -> str:
    review = figures["review"]
    missed = [
        what
        for what, p99, target in (
            (
                "extraction",
                figures["p99_ms_per_1000_words"],
                figures["target_ms_per_1000_words"],
            ),
            ("review screen", review["p99_ms"], review["target_ms"]),
        )
        if p99 >= target
    ]
    verdict = f"missed: {', '.join(missed)}" if missed else "both targets met"
    return (
        f"{'With' if figures['ner'] else 'Without'} the named-entity step "
        f"({recorded}, {figures['machine']}, load average "
        f"{_load(figures['load_average'])}"
        f"{_calibration(figures, before='; ')}"
        "): extraction "
        f"{_ms_short(figures['median_ms_per_1000_words'])} median / "
        f"{_ms_short(figures['p99_ms_per_1000_words'])} p99 per 1,000 words "
        f"(target: p99 under {_ms_short(figures['target_ms_per_1000_words'])}); "
        f"review screen of a {review['words']:,}-word story "
        f"{_ms_short(review['median_ms'])} median / {_ms_short(review['p99_ms'])} "
        f"p99 (target: p99 under {_ms_short(review['target_ms'])}); {verdict}."
    )


def render_extraction(quality: dict, speed: list[tuple[dict, str]]) -> str:
    lines = [render_quality(quality)]
    if speed:
        lines += ["", "Extraction speed (`bench/extraction.py`):", ""]
        lines += [f"- {render_speed(figures, when)}" for figures, when in speed]
    return "\n".join(lines)


def extraction_section(quality: dict, speed: list[tuple[dict, str]]) -> str:
    return f"{EXTRACTION_START}\n{render_extraction(quality, speed)}\n{EXTRACTION_END}"


def load_extraction(
    quality: Path = QUALITY, speed: tuple[Path, ...] = (SPEED, SPEED_NER)
) -> tuple[dict, list[tuple[dict, str]]]:
    """The quality results and each speed file there is, with its date."""
    timings = []
    for path in speed:
        if path.exists():
            figures = json.loads(path.read_text())
            timings.append((figures, _recorded(figures)))
    return json.loads(quality.read_text()), timings


def _replace(readme: str, start: str, end: str, new: str) -> str:
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + new + tail


def rewritten(readme: str, report: dict, extraction=None) -> str:
    readme = _replace(readme, START, END, section(report))
    if extraction is not None:
        readme = _replace(
            readme, EXTRACTION_START, EXTRACTION_END, extraction_section(*extraction)
        )
    return readme


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--results", default=str(RESULTS))
    parser.add_argument("--quality", default=str(QUALITY))
    args = parser.parse_args(argv)
    report = json.loads(Path(args.results).read_text())
    extraction = load_extraction(Path(args.quality))
    readme = README.read_text(encoding="utf-8")
    new = rewritten(readme, report, extraction)
    if args.check:
        if new != readme:
            print(
                "README.md's benchmark sections are not bench/results/'s: "
                "run bench/readme.py."
            )
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
