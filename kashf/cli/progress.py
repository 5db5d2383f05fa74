"""A Rich progress bar on stderr for long runs: items done, items/s, failures, ETA."""

from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)


class ProgressView:
    def __init__(self, label: str, unit: str = "files", enabled: bool | None = None):
        self.label = label
        self.unit = unit
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.failed = 0
        self.done = 0
        self._progress: Progress | None = None
        self._task = None
        self._started = 0.0

    def start(self, total: int, total_bytes: int) -> None:
        self._started = time.monotonic()
        if not self.enabled:
            return
        self._progress = Progress(
            TextColumn(f"[bold]{self.label}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("[red]{task.fields[failed]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=total, rate="", failed="")

    def advance(self, _bytes: int, failed: int) -> None:
        self.done += 1
        self.failed += failed
        if self._progress is None:
            return
        elapsed = max(1e-6, time.monotonic() - self._started)
        self._progress.update(
            self._task,
            advance=1,
            rate=f"{self.done / elapsed:,.1f} {self.unit}/s",
            failed=f"{self.failed} failed" if self.failed else "",
        )

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
