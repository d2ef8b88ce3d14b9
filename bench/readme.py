"""The README's benchmark figures, written from ``bench/results/api.json``.

    .venv/bin/python bench/readme.py          # rewrite the README's section
    .venv/bin/python bench/readme.py --check  # exit 1 if it is out of date

Everything between ``<!-- bench:api -->`` and ``<!-- /bench:api -->`` in
README.md is this script's output: the run's date, machine and load, the
latency table, the throughput leg and the targets met and missed. Nobody
types those figures (tests/test_bench.py checks that they match the file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "api.json"
README = ROOT / "README.md"
START, END = "<!-- bench:api -->", "<!-- /bench:api -->"


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 1 else f"{value:.1f}"


def _load(values: list[float]) -> str:
    return "/".join(f"{v:.2f}" for v in values)


def render(report: dict) -> str:
    corpus = report["corpus"]
    machine = report["machine"]
    first = next(iter(report["endpoints"].values()))
    requests = first["requests"]
    lines = [
        f"Latest run ({report['when']}, {machine['cpus']} cores, load average "
        f"{_load(machine['loadavg_before'])} before and "
        f"{_load(machine.get('loadavg_after', machine['loadavg_before']))} after; "
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


def rewritten(readme: str, report: dict) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + section(report) + tail


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--results", default=str(RESULTS))
    args = parser.parse_args(argv)
    report = json.loads(Path(args.results).read_text())
    readme = README.read_text(encoding="utf-8")
    new = rewritten(readme, report)
    if args.check:
        if new != readme:
            print("README.md's benchmark section is not bench/results/api.json's.")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
