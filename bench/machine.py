"""How fast the machine a benchmark ran on was, beside its load average.

The load average says how busy the cores were; it does not say how fast
they are. The same commit's extraction benchmark measured 11.5 ms per
1,000 words one morning and 33.1 ms on a slower host of the same kind later
that day, at a lower load. ``calibration_ms`` times a fixed piece of
pure-Python work, so that a reader comparing two recorded runs can tell a
slower machine from slower code: figures from runs whose calibrations
differ are compared by their ratios, not their milliseconds.
"""

from __future__ import annotations

import statistics
import time

#: The fixed work: this many integer additions in a Python loop.
CALIBRATION_STEPS = 2_000_000
CALIBRATION_RUNS = 5


def _work(steps: int) -> int:
    total = 0
    for i in range(steps):
        total += i
    return total


def calibration_ms(
    steps: int = CALIBRATION_STEPS, runs: int = CALIBRATION_RUNS
) -> float:
    """Median milliseconds of ``runs`` runs of the fixed work (lower is a
    faster machine)."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        _work(steps)
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 1)
