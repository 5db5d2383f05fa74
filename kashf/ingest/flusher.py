"""Batches written on a thread of their own, while the coordinator goes on receiving files.

Writing a batch (the index commit, then the store's transaction) took a third of a
20,000-cable ingest when the coordinator waited for it: the workers stopped once their
few chunks in flight were done, and Tantivy's thread had nothing queued while SQLite wrote.
Both calls release the GIL, so they run here while the main thread keeps accepting
results. Two rules keep the crash-safety order of the ingest module:

- one batch at a time: a batch starts only when the one before is stored, so the store
  commits batches in order, each after its own index commit;
- while the index commits, nothing is added to the index writer (Tantivy's writer takes one
  caller at a time); the coordinator holds those files and hands them over afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class BackgroundFlusher:
    def __init__(self, write: Callable[[list, Callable[[], None]], None]):
        """``write(batch, index_committed)`` writes one batch, calling ``index_committed``
        as soon as the index writer is free again (see :meth:`kashf.case.Case.write_outcomes`)."""
        self._write = write
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._index_free = threading.Event()
        self._index_free.set()

    @property
    def index_free(self) -> bool:
        """True when the index writer may take documents (no commit is running)."""
        return self._index_free.is_set()

    def start(self, batch: list) -> None:
        """Write ``batch`` in the background, after the batch before it is stored."""
        self.wait()
        self._index_free.clear()
        self._thread = threading.Thread(
            target=self._run, args=(batch,), name="kashf-flush", daemon=True
        )
        self._thread.start()

    def _run(self, batch: list) -> None:
        try:
            self._write(batch, self._index_free.set)
        except BaseException as error:  # raised again in the coordinator by wait()
            self._error = error
        finally:
            self._index_free.set()

    def wait(self) -> None:
        """Until the batch in flight is stored; raises what writing it raised."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        error, self._error = self._error, None
        if error is not None:
            raise error
