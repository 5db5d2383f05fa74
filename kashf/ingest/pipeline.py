"""The ingest coordinator: walk sources, farm files out to workers, write results in batches.

Crash safety: a file counts as ingested only once its row is committed in the
store, and the index is committed just before the store, with every document
replaced by id. So a run killed at any point, run again, redoes at most the
files not yet committed (the batch being written and those received since) and
duplicates nothing.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kashf.execute import WorkerLost
from kashf.ingest.flusher import BackgroundFlusher
from kashf.ingest.model import Limits
from kashf.ingest.pipeline_worker import FileTask, IngestJob, run_job
from kashf.model import DocumentRecord, IngestOutcome, SourceFile
from kashf.runner import ocr_pages_read

#: Small files travel to a worker together; a chunk closes at this many files or bytes.
CHUNK_FILES = 32
CHUNK_BYTES = 8 * 1024 * 1024
#: The store and index are committed at least this often, in seconds. Each index commit
#: leaves new segments that Tantivy later merges: on 20,000 cables, committing every 2,000
#: documents spent 8% of all CPU in merging, committing every 10 s none.
FLUSH_SECONDS = 10.0
#: ... and whenever the text waiting to be written reaches this many characters, so that a
#: batch of long documents does not hold the memory of thousands. Two batches are in memory
#: at once (one being written while the next fills): at 64 M characters the 20,000-cable
#: ingest peaked at 720 MiB, at 32 M at 500 MiB, as with one batch of 64 M before.
FLUSH_CHARACTERS = 32 * 1024 * 1024


@dataclass
class IngestReport:
    files_given: int = 0
    files_skipped: int = 0
    files_done: int = 0
    documents: int = 0
    failed: int = 0
    seconds: float = 0.0
    bytes: int = 0
    by_kind_status: Counter = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        table: dict[str, dict[str, int]] = {}
        for (kind, status), count in sorted(self.by_kind_status.items()):
            table.setdefault(kind, {})[status] = count
        return {
            "files_given": self.files_given,
            "files_skipped_unchanged": self.files_skipped,
            "files_ingested": self.files_done,
            "documents": self.documents,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "bytes": self.bytes,
            "by_type": table,
        }


def walk(paths: Iterable[Path], case_root: Path | None = None) -> Iterator[FileTask]:
    """Every regular file under the given paths, named relative to each path's parent folder.

    The case's own folder is never walked into: a leak folder that holds the case (or
    `kashf ingest CASE CASE`) would otherwise ingest its database and index as documents.
    """
    from kashf.exc import IngestError

    skip = str(case_root.resolve()) if case_root is not None else None
    for given in paths:
        given = Path(given)
        if not given.exists():
            raise IngestError(f"no such file or folder: {given}")
        resolved = given.resolve()
        if skip and (str(resolved) == skip or str(resolved).startswith(skip + os.sep)):
            raise IngestError(f"{given} is the case folder or inside it: give the leak, not the case")
        base = str(resolved.parent)
        if not base.endswith(os.sep):
            base += os.sep
        if resolved.is_file():
            stat = resolved.stat()
            yield _task(str(resolved), base, stat.st_size, stat.st_mtime_ns)
            continue
        yield from _walk_folder(str(resolved), base, skip)


def _walk_folder(folder: str, base: str, skip: str | None = None) -> Iterator[FileTask]:
    """Files in name order, then subfolders in name order; links are not followed.

    os.scandir gives each entry's type without a stat, and one stat per file for size and
    time: on a 20,000-file leak that is most of what walking costs.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    subfolders = []
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir(follow_symlinks=False):
            if entry.path != skip:
                subfolders.append(entry.path)
        elif entry.is_file(follow_symlinks=False):
            stat = entry.stat(follow_symlinks=False)
            yield _task(entry.path, base, stat.st_size, stat.st_mtime_ns)
    for subfolder in subfolders:
        yield from _walk_folder(subfolder, base, skip)


def _task(path: str, base: str, size: int, mtime_ns: int) -> FileTask:
    # ``base`` ends with a separator and every walked path starts with it: slicing is exact,
    # and far cheaper than os.path.relpath on a 20,000-file leak.
    display = path[len(base):]
    return FileTask(
        path=path,
        display_path=display.replace(os.sep, "/") if os.sep != "/" else display,
        size=size,
        mtime_ns=mtime_ns,
    )


def chunk(tasks: Iterable[FileTask], make_job: Callable[[list[FileTask]], IngestJob]):
    files: list[FileTask] = []
    size = 0
    for task in tasks:
        files.append(task)
        size += task.size
        if len(files) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield make_job(files)
            files, size = [], 0
    if files:
        yield make_job(files)


class IngestCoordinator:
    """Drives one ingest run for a :class:`kashf.case.Case`."""

    def __init__(self, case, executor, stages: list[str], progress=None, retry_failed=False):
        self.case = case
        self.retry_failed = retry_failed
        self.executor = executor
        self.stages = stages
        self.progress = progress
        settings = case.settings
        self.limits = Limits(
            max_file_bytes=settings.max_file_mb * 1024**2,
            max_member_bytes=settings.max_member_mb * 1024**2,
            max_expanded_bytes=settings.max_expanded_mb * 1024**2,
            max_members=settings.max_members,
            max_depth=settings.max_depth,
            timeout_seconds=settings.timeout_seconds,
        )
        self.report = IngestReport()
        self._buffer: list[IngestOutcome] = []
        self._buffered_documents = 0
        self._buffered_characters = 0
        self._last_flush = time.monotonic()
        self._counted: set[str] = set()  # document ids this run has counted (duplicates once)
        self.flusher = BackgroundFlusher(case.write_outcomes)
        self._unindexed: list[IngestOutcome] = []  # arrived while the index was committing

    def _job(self, files: list[FileTask]) -> IngestJob:
        return IngestJob(
            files=files,
            blobs_root=str(self.case.blobs.root),
            limits=self.limits,
            stages=self.stages,
            settings={"languages": self.case.settings.languages},
        )

    def run(self, paths: list[Path]) -> IngestReport:
        started = time.monotonic()
        known = self.case.store.known_sources()
        todo: list[FileTask] = []
        for task in walk(paths, self.case.root):
            self.report.files_given += 1
            seen = known.get(task.display_path)
            done = (
                seen and seen[2] == "ok" or (seen and seen[2] == "failed" and not self.retry_failed)
            )
            if done and seen[0] == task.size and seen[1] == task.mtime_ns:
                self.report.files_skipped += 1
                continue
            todo.append(task)
        if self.progress:
            self.progress.start(len(todo), sum(t.size for t in todo))
        try:
            self._ingest(todo)
            self.flush()
        finally:
            self.flusher.wait()
        self.report.seconds = time.monotonic() - started
        if self.progress:
            self.progress.finish()
        return self.report

    def _ingest(self, todo: list[FileTask]) -> None:
        retry_alone: list[FileTask] = []
        for job, result in self.executor.map_unordered(run_job, chunk(todo, self._job)):
            if isinstance(result, BaseException):
                if len(job.files) > 1:
                    retry_alone.extend(job.files)  # find which file it was, one at a time
                else:
                    self._accept(self._lost(job.files[0], result))
                continue
            for outcome in result:
                self._accept(outcome)
        for job, result in self.executor.map_unordered(
            run_job, (self._job([task]) for task in retry_alone), max_pending=1
        ):
            if isinstance(result, BaseException):
                self._accept(self._lost(job.files[0], result))
            else:
                for outcome in result:
                    self._accept(outcome)

    def _lost(self, task: FileTask, error: BaseException) -> IngestOutcome:
        from kashf.ingest.pipeline_worker import _path_id

        if isinstance(error, WorkerLost):
            reason = str(error)
        else:
            reason = f"internal error: {type(error).__name__}: {error}"[:200]
        record = DocumentRecord(
            id=_path_id("lost", task.display_path),
            path=task.display_path,
            name=os.path.basename(task.display_path),
            size=task.size,
            status="failed",
            reason=reason,
            kind="other",
        )
        return IngestOutcome(
            source=SourceFile(task.display_path, task.size, task.mtime_ns), documents=[record]
        )

    def _accept(self, outcome: IngestOutcome) -> None:
        if self.flusher.index_free:
            self._index_held()
            self.case.index_ingested(outcome)
        else:
            self._unindexed.append(outcome)
        self._buffer.append(outcome)
        self._buffered_documents += len(outcome.documents)
        self._buffered_characters += sum(len(document.text or "") for document in outcome.documents)
        self.report.files_done += 1
        self.report.bytes += outcome.source.size
        for document in outcome.documents:
            if document.id in self._counted:
                continue  # the same bytes under another path: one document, more paths
            self._counted.add(document.id)
            self.report.documents += 1
            self.report.by_kind_status[(document.kind or "other", document.status)] += 1
            if document.status == "failed":
                self.report.failed += 1
        if self.progress:
            failed = sum(d.status == "failed" for d in outcome.documents)
            pages = sum(ocr_pages_read(d.stages or []) for d in outcome.documents)
            self.progress.advance(outcome.source.size, failed, pages=pages)
        if (
            self._buffered_documents >= self.case.settings.batch_size
            or self._buffered_characters >= FLUSH_CHARACTERS
            or time.monotonic() - self._last_flush > FLUSH_SECONDS
        ):
            self.flush()

    def _index_held(self) -> None:
        """Hand the index the files that arrived while it was committing."""
        for outcome in self._unindexed:
            self.case.index_ingested(outcome)
        self._unindexed = []

    def flush(self) -> None:
        """Write the files received so far, in the background (see the flusher module)."""
        if not self._buffer:
            return
        self.flusher.wait()  # the batch before is stored, and the index writer is free
        self._index_held()
        self.flusher.start(self._buffer)
        self._buffer = []
        self._buffered_documents = 0
        self._buffered_characters = 0
        self._last_flush = time.monotonic()
