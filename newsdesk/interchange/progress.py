"""The one-line progress indicator the export and the import draw on
stderr: ``Exporting: 1200/5000 (24%)``."""

from __future__ import annotations

import time


class Progress:
    """``label: done/total (pct%)``, redrawn in place at most a few times a
    second."""

    def __init__(self, stream, *, total: int, label: str, enabled: bool):
        self.stream = stream
        self.total = total
        self.label = label
        self.enabled = enabled
        self.done = 0
        self._drawn_at = 0.0
        self._drawn = -1

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn_at >= 0.2 or self.done >= self.total:
            self._draw()
            self._drawn_at = now

    def _draw(self) -> None:
        if self._drawn == self.done:
            return
        self._drawn = self.done
        percent = 100 * self.done // self.total if self.total else 100
        self.stream.write(
            f"\r{self.label}: {self.done}/{self.total} ({percent}%)", ending=""
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("")


def progress_wanted(stream, requested: bool) -> bool:
    """Show progress when asked to, or when a person watches stderr."""
    return requested or stream.isatty()
