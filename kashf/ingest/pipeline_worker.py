"""What one worker does with one file: store the original, extract it and its members, enrich.

Runs in a worker process (or on a Dask worker). It writes only content-addressed
blobs, which is idempotent; everything else goes back to the coordinator as
plain records. It never raises for a bad file: every problem becomes a
``failed`` document with a one-line reason.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kashf.index.schema import fields_for
from kashf.ingest.extract import extract
from kashf.ingest.model import Extraction, Limits
from kashf.model import (
    DocumentRecord,
    IngestOutcome,
    PageRecord,
    SourceFile,
    record_results,
    record_row,
)
from kashf.runner import run_stages_inline
from kashf.store.blobs import BlobStore
from kashf.store.db import PAGE_SEPARATOR


@dataclass
class FileTask:
    path: str  # where to read it
    display_path: str  # how the user knows it (relative to the folder given to ingest)
    size: int
    mtime_ns: int


@dataclass
class IngestJob:
    """A chunk of files for one worker call (small files travel together to save round trips)."""

    files: list[FileTask]
    blobs_root: str
    limits: Limits
    stages: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


class _Timeout(Exception):
    pass


def _expire(_signum, _frame):
    raise _Timeout()


_handler_installed = False


@contextmanager
def time_limit(seconds: float):
    """SIGALRM-based limit in the main thread of a worker process; a no-op elsewhere.

    The handler is installed once per process and left in place (it only fires while a
    timer is armed): on small files, two signal calls per file were a visible cost.
    """
    global _handler_installed
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    if not _handler_installed:  # a flag: signal.getsignal() costs more than the file's hashing
        signal.signal(signal.SIGALRM, _expire)
        _handler_installed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


_BLOB_STORES: dict[str, BlobStore] = {}


def run_job(job: IngestJob) -> list[IngestOutcome]:
    # One store per worker process and case, so its cache of made folders outlives the chunk.
    blobs = _BLOB_STORES.get(job.blobs_root)
    if blobs is None:
        blobs = _BLOB_STORES[job.blobs_root] = BlobStore(Path(job.blobs_root))
    if len(job.files) > 1:
        prefetch(job.files)
    return [ingest_one(task, blobs, job) for task in job.files]


#: Files up to this size are read ahead when their chunk starts.
PREFETCH_BYTES = 8 * 1024 * 1024


def prefetch(files: list[FileTask]) -> None:
    """Ask the kernel to start reading the chunk's small files at once.

    A leak's files are rarely in memory: read one after the other, each waits for the
    disk (about 0.1 ms a file on this project's test VM, more on a laptop's disk or a USB
    drive), while the reads asked for together overlap. 5,000 cold cable files went
    from 333 to 213 µs a file in one worker.
    """
    if not hasattr(os, "posix_fadvise"):
        return
    for task in files:
        if task.size > PREFETCH_BYTES:
            continue  # a big file streams, and the kernel's own read-ahead serves it
        try:
            fd = os.open(task.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO never waits
        except OSError:
            continue  # reading it will fail again and say why
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


def ingest_one(task: FileTask, blobs: BlobStore, job: IngestJob) -> IngestOutcome:
    started = time.monotonic()
    source = SourceFile(path=task.display_path, size=task.size, mtime_ns=task.mtime_ns)
    name = os.path.basename(task.display_path)
    try:
        sha256, size, data = blobs.store_file(task.path)
    except OSError as error:
        reason = f"cannot read the file: {error.strerror or error}"
        record = _failed(
            _path_id("unreadable", task.display_path), task.display_path, name, task.size, reason
        )
        return IngestOutcome(source=source, documents=[record], seconds=time.monotonic() - started)
    documents: list[DocumentRecord] = []
    _extract_tree(blobs, sha256, size, task.display_path, name, None, 0, job, documents, data)
    return IngestOutcome(source=source, documents=documents, seconds=time.monotonic() - started)


def _extract_tree(blobs, sha256, size, path, name, parent_id, depth, job, out, data=None) -> None:
    """Extract one stored blob (``data``: its bytes, when in memory) and, depth first, its members."""
    limits = job.limits
    if size > limits.max_file_bytes:
        gib = limits.max_file_bytes / 1024**3
        out.append(
            _failed(
                sha256,
                path,
                name,
                size,
                f"file exceeds the size limit ({gib:g} GiB)",
                parent_id,
                depth,
            )
        )
        return
    if size == 0:
        out.append(_failed(sha256, path, name, size, "empty file", parent_id, depth))
        return
    blob_path = blobs.location(sha256)
    extraction = _extract_safely(blob_path, name, limits, depth, data)
    data = None  # the extraction holds what it needs; let the bytes go before the members
    record = _record_from(extraction, sha256, path, name, size, parent_id, depth)
    if record.status == "ok" and job.stages:
        record.stages = run_stages_inline(record, blob_path, job.stages, job.settings)
    record.index_fields = fields_for(record_row(record), record_results(record))
    out.append(record)
    for child in extraction.children:
        child_path = f"{path}!/{child.name.lstrip('/')}"
        child_name = os.path.basename(child.name.rstrip("/")) or child.name
        if child.data is None or child.error:
            reason = child.error or "the member could not be read"
            out.append(
                _failed(
                    _path_id("member", child_path),
                    child_path,
                    child_name,
                    0,
                    reason,
                    sha256,
                    depth + 1,
                )
            )
            continue
        if depth + 1 > limits.max_depth:
            out.append(
                _failed(
                    _path_id("member", child_path),
                    child_path,
                    child_name,
                    len(child.data),
                    f"nested more than {limits.max_depth} archives deep: not opened",
                    sha256,
                    depth + 1,
                )
            )
            continue
        child_data, child.data = child.data, None  # the tree below owns the bytes now
        child_sha = blobs.put_bytes(child_data)
        before = len(out)
        _extract_tree(
            blobs, child_sha, len(child_data), child_path, child_name, sha256, depth + 1, job, out,
            child_data,
        )
        child_data = None
        if child.metadata and len(out) > before:
            out[before].metadata.setdefault("member", child.metadata)
    extraction.children.clear()


def _extract_safely(
    blob_path: str, name: str, limits: Limits, depth: int, data: bytes | None = None
) -> Extraction:
    try:
        with time_limit(limits.timeout_seconds):
            return extract(blob_path, name, limits, depth=depth, data=data)
    except _Timeout:
        reason = f"extraction took longer than {limits.timeout_seconds:g} s and was stopped"
    except MemoryError:
        reason = "the file needs more memory than is available to extract"
    except Exception as error:  # extract() promises not to raise; a bug still fails one file only
        reason = f"internal error while extracting: {type(error).__name__}: {error}"[:200]
    return Extraction(
        mime="application/octet-stream",
        kind="other",
        ingestor="none",
        ingestor_version=0,
        error=reason,
    )


def _record_from(
    extraction: Extraction, sha256, path, name, size, parent_id, depth
) -> DocumentRecord:
    text = extraction.text
    pages: list[PageRecord] = []
    if extraction.pages:
        pieces: list[str] = []
        cursor = 0
        for page in extraction.pages:
            if pieces:
                pieces.append(PAGE_SEPARATOR)
                cursor += len(PAGE_SEPARATOR)
            pieces.append(page.text)
            pages.append(
                PageRecord(page.number, cursor, cursor + len(page.text), page.has_text_layer)
            )
            cursor += len(page.text)
        text = "".join(pieces)
    return DocumentRecord(
        id=sha256,
        path=path,
        name=name,
        size=size,
        status="failed" if extraction.error else "ok",
        reason=extraction.error,
        parent_id=parent_id,
        depth=depth,
        mime=extraction.mime,
        kind=extraction.kind,
        title=extraction.title,
        ingestor=extraction.ingestor,
        ingestor_version=extraction.ingestor_version,
        metadata=extraction.metadata,
        text=text.replace("\x00", "") if "\x00" in text else text,
        pages=pages,
    )


def _failed(doc_id, path, name, size, reason, parent_id=None, depth=0) -> DocumentRecord:
    return DocumentRecord(
        id=doc_id,
        path=path,
        name=name,
        size=size,
        status="failed",
        reason=reason,
        parent_id=parent_id,
        depth=depth,
        kind="other",
    )


def _path_id(kind: str, path: str) -> str:
    """An id for a document we could not read bytes of: stable for the same path."""
    return hashlib.sha256(f"kashf:{kind}:{path}".encode()).hexdigest()
