"""Executors: where the heavy, pure work runs — a local process pool, or a Dask cluster.

Both offer one method, :meth:`Executor.map_unordered`, which runs ``function`` on
each task and yields ``(task, result)`` as results arrive, with at most
``max_pending`` tasks in flight so memory stays bounded however many tasks
there are. A task whose worker dies (a parser segfault, the OOM killer) or runs
past the hard time limit yields ``(task, WorkerLost(reason))`` instead of
stopping the batch: the local pool is rebuilt and the tasks that were in flight
are retried one at a time, so only the culprit fails.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol


class WorkerLost(Exception):
    """The process running a task died or was killed; the message says why, for a journalist."""


def _worker_init() -> None:
    # One thread per library per worker: the pool is the parallelism (no oversubscription).
    for name in ("OMP_THREAD_LIMIT", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the coordinator handles Ctrl-C


def _forget_unimportable_main() -> None:
    """Let workers start when the coordinator runs from stdin or a notebook.

    Workers re-import ``__main__`` from its file; code piped to ``python -`` names a file
    (``<stdin>``) that does not exist, and every worker would die on start.
    """
    import sys

    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is not None and path and not os.path.exists(path) and main.__spec__ is None:
        del main.__file__


class Executor(Protocol):
    workers: int

    def map_unordered(
        self, function: Callable[[Any], Any], tasks: Iterable[Any], max_pending: int | None = None
    ) -> Iterator[tuple[Any, Any]]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """A process pool that survives its workers dying."""

    def __init__(self, workers: int, hard_timeout: float | None = None):
        self.workers = max(1, workers)
        self.hard_timeout = hard_timeout
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        _forget_unimportable_main()
        context = multiprocessing.get_context("forkserver")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_init)

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = self._new_pool()
        return self._pool

    def _kill_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            try:
                process.kill()
            except (OSError, AttributeError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)

    def map_unordered(self, function, tasks, max_pending=None):
        max_pending = max_pending or self.workers * 4
        upcoming = iter(tasks)
        exhausted = False
        suspects: deque[Any] = deque()
        in_flight: dict[Future, tuple[Any, float, bool]] = {}
        while True:
            if suspects:
                if not in_flight:
                    self._submit(in_flight, function, suspects.popleft(), alone=True)
            else:
                while not exhausted and len(in_flight) < max_pending:
                    try:
                        task = next(upcoming)
                    except StopIteration:
                        exhausted = True
                        break
                    self._submit(in_flight, function, task, alone=False)
            if not in_flight:
                if exhausted and not suspects:
                    return
                continue
            done, _ = wait(list(in_flight), timeout=1.0, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task, _started, alone = in_flight.pop(future)
                try:
                    yield task, future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield task, WorkerLost("the extractor crashed on this file")
                    else:
                        suspects.append(task)
                except Exception as error:  # the task raised: report it, never stop the batch
                    yield task, error
            overdue = []
            if not broken and self.hard_timeout:
                now = time.monotonic()
                overdue = [f for f, (_, t, _a) in in_flight.items() if now - t > self.hard_timeout]
            if broken or overdue:
                # The pool is gone (or about to be): whatever was in flight runs again, alone.
                for future, (task, _started, alone) in in_flight.items():
                    if alone and future in overdue:
                        yield task, WorkerLost(
                            f"processing took longer than {self.hard_timeout:.0f} s and was stopped"
                        )
                    else:
                        suspects.append(task)
                in_flight.clear()
                self._kill_pool()

    def _submit(self, in_flight, function, task, alone: bool) -> None:
        try:
            future = self.pool.submit(function, task)
        except BrokenProcessPool:
            self._kill_pool()
            future = self.pool.submit(function, task)
        in_flight[future] = (task, time.monotonic(), alone)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor:
    """Runs tasks on a Dask distributed cluster (``kashf ingest --scheduler tcp://host:8786``).

    Workers must see the case folder at the same path (a shared disk); they
    read originals and return plain records, and the coordinator alone writes.
    """

    def __init__(self, address: str | None = None, client: Any = None):
        from distributed import Client

        self.client = client or Client(address)
        self.workers = max(1, sum(self.client.nthreads().values()))

    def map_unordered(self, function, tasks, max_pending=None):
        from distributed import as_completed

        max_pending = max_pending or self.workers * 4
        iterator = iter(tasks)
        futures = {}
        completed = as_completed()
        for task in iterator:
            future = self.client.submit(function, task, pure=False)
            futures[future.key] = task
            completed.add(future)
            if len(futures) >= max_pending:
                break
        for future in completed:
            task = futures.pop(future.key)
            try:
                yield task, future.result()
            except Exception as error:
                yield task, error
            for next_task in iterator:
                new = self.client.submit(function, next_task, pure=False)
                futures[new.key] = next_task
                completed.add(new)
                break

    def close(self) -> None:
        self.client.close()


def make_executor(workers: int, scheduler: str | None = None, hard_timeout: float | None = None):
    if scheduler:
        return DaskExecutor(scheduler)
    return LocalExecutor(workers, hard_timeout=hard_timeout)
