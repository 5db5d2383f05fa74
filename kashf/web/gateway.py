"""The one place the web app calls the case: serialised, and tolerant of parts not built yet.

The case holds one SQLite connection and one index reader, which are not meant for
several threads at once, while FastAPI runs plain handlers in a thread pool; a lock
makes the calls take turns (a workbench has one reader, so this costs nothing).

Views such as events or places appear as later stages land. Until a case offers a
method, the view asks for it through :meth:`CaseView.optional` and shows an empty
list, so the page is there and fills in when the data does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class CaseView:
    """A thread-safe front for a ``kashf.case.Case`` (or anything with the same methods)."""

    def __init__(self, case: Any) -> None:
        self.case = case
        self._lock = threading.RLock()

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call a method the case must have; its KashfError reaches the caller."""
        method: Callable[..., Any] = getattr(self.case, name)
        with self._lock:
            return method(*args, **kwargs)

    def optional(self, name: str, default: T, *args: Any, **kwargs: Any) -> Any | T:
        """Call a method the case may not have yet; ``default`` when it is missing or unbuilt."""
        method = getattr(self.case, name, None)
        if method is None:
            return default
        try:
            with self._lock:
                result = method(*args, **kwargs)
        except NotImplementedError:
            return default
        return default if result is None else result

    def listing(self, name: str, *args: Any, **kwargs: Any) -> list[Any]:
        """An optional method whose answer is a list (or an iterator we drain under the lock)."""
        method = getattr(self.case, name, None)
        if method is None:
            return []
        try:
            with self._lock:
                return list(method(*args, **kwargs) or [])
        except NotImplementedError:
            return []
