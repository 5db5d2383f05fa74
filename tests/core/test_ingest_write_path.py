"""The ingest's hot path: reading originals, reading ahead, and writing batches in the background."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from kashf.ingest import pipeline
from kashf.ingest.flusher import BackgroundFlusher
from kashf.ingest.pipeline_worker import FileTask, prefetch
from kashf.store.blobs import SMALL, BlobStore


def test_a_file_whose_size_is_unknown_is_stored_whole(tmp_path):
    # /proc files report a size of 0 and have content: reading only the stat's size would
    # store an empty original.
    if not os.path.exists("/proc/self/status"):
        pytest.skip("needs Linux /proc: a file whose stat size is not its length")
    store = BlobStore(tmp_path)
    sha256, size, data = store.store_file("/proc/self/status")
    assert size > 0
    assert store.path(sha256).read_bytes() == data if data is not None else store.verify(sha256)
    assert store.verify(sha256)


def test_small_and_large_files_are_stored_byte_exact(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    small = tmp_path / "small.bin"
    small.write_bytes(b"\x00\x01kashf" * 1000)
    large = tmp_path / "large.bin"
    large.write_bytes(os.urandom(SMALL + 10))
    sha_small, size_small, data = store.store_file(small)
    assert data == small.read_bytes() and size_small == small.stat().st_size
    sha_large, size_large, data_large = store.store_file(large)
    assert data_large is None and size_large == SMALL + 10
    assert store.path(sha_large).read_bytes() == large.read_bytes()
    assert store.verify(sha_small) and store.verify(sha_large)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_prefetch_skips_what_it_cannot_open_and_never_waits_on_a_pipe(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    real = tmp_path / "a.txt"
    real.write_text("hello")
    tasks = [
        FileTask(str(fifo), "pipe", 0, 0),
        FileTask(str(tmp_path / "gone.txt"), "gone.txt", 5, 0),
        FileTask(str(real), "a.txt", 5, 0),
    ]
    done = threading.Event()
    thread = threading.Thread(target=lambda: (prefetch(tasks), done.set()), daemon=True)
    thread.start()
    assert done.wait(5), "prefetch blocked on a named pipe"


def test_the_flusher_frees_the_index_before_the_store_is_written_and_raises_its_errors():
    steps: list[str] = []
    release_store = threading.Event()

    def write(batch, index_committed):
        steps.append(f"index {batch}")
        index_committed()
        release_store.wait(5)
        steps.append(f"store {batch}")

    flusher = BackgroundFlusher(write)
    flusher.start(["a"])
    deadline = time.monotonic() + 5
    while not flusher.index_free and time.monotonic() < deadline:
        time.sleep(0.001)
    assert flusher.index_free and steps == ["index ['a']"]  # the store is still being written
    release_store.set()
    flusher.start(["b"])  # waits for batch a to be stored first
    flusher.wait()
    assert steps == ["index ['a']", "store ['a']", "index ['b']", "store ['b']"]

    def broken(batch, index_committed):
        raise OSError("disk full")

    flusher = BackgroundFlusher(broken)
    flusher.start(["c"])
    with pytest.raises(OSError, match="disk full"):
        flusher.wait()
    assert flusher.index_free
    flusher.wait()  # the error is raised once


def test_files_that_arrive_while_the_index_commits_are_all_stored_and_searchable(
    case, tmp_path, monkeypatch
):
    # Flush every few files, with a commit slow enough that files arrive during it: each one
    # must still reach the index (after the commit) and the store (in the next batch).
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 2)
    case.settings.batch_size = 5
    leak = tmp_path / "leak"
    leak.mkdir()
    for n in range(60):
        (leak / f"note-{n:02}.txt").write_text(f"report {n} mentions the word zanjabil{n}\n")
    commit = case.index.commit
    overlaps = []

    def slow_commit():
        overlaps.append(threading.current_thread().name)
        time.sleep(0.02)
        commit()

    monkeypatch.setattr(case.index, "commit", slow_commit)
    held = []
    index_held = pipeline.IngestCoordinator._index_held

    def count_held(self):
        held.append(len(self._unindexed))
        index_held(self)

    monkeypatch.setattr(pipeline.IngestCoordinator, "_index_held", count_held)
    report = case.ingest([leak], workers=2, process=False)
    assert report.files_done == 60 and report.failed == 0
    assert len(overlaps) > 3 and "kashf-flush" in overlaps
    assert sum(held) > 0  # files did arrive while a commit ran
    assert case.status()["documents"]["ok"] == 60
    for n in (0, 17, 59):
        assert case.search(f"zanjabil{n}")["total"] == 1
    assert case.search("report")["total"] == 60


def test_an_error_while_storing_a_batch_stops_the_ingest_with_that_error(case, tmp_path, monkeypatch):
    leak = tmp_path / "leak"
    leak.mkdir()
    for n in range(3):
        (leak / f"{n}.txt").write_text(f"text {n}")

    def refuse(*_args, **_kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(case.store, "write_ingested_batch", refuse)
    with pytest.raises(RuntimeError, match="the disk is full"):
        case.ingest([leak], workers=1, process=False)
    assert "kashf-flush" not in {thread.name for thread in threading.enumerate()}
    assert sys.exc_info() == (None, None, None)
