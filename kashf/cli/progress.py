"""A Rich progress bar on stderr for long runs: items done, items/s, failures, ETA.

When a run reads pages by OCR, callers pass how many pages each item read
(:func:`kashf.runner.ocr_pages_read` counts them from stage outcomes) and the
bar shows pages/s beside items/s, since one scanned document can hold
hundreds of pages.
"""

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
        self.pages = 0
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

    def advance(self, _bytes: int, failed: int, pages: int = 0) -> None:
        """One item done, with ``failed`` failures and ``pages`` pages read by OCR."""
        self.done += 1
        self.failed += failed
        self.pages += pages
        if self._progress is None:
            return
        self._progress.update(
            self._task,
            advance=1,
            rate=self.rate_text(),
            failed=f"{self.failed} failed" if self.failed else "",
        )

    def rate_text(self) -> str:
        """``"3.2 docs/s"``, or ``"3.2 docs/s, 41 OCR pages (1.8 pages/s)"`` once OCR ran."""
        elapsed = max(1e-6, time.monotonic() - self._started)
        text = f"{self.done / elapsed:,.1f} {self.unit}/s"
        if self.pages:
            text += f", {self.pages} OCR pages ({self.pages / elapsed:,.1f} pages/s)"
        return text

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
