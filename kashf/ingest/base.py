"""The ingestor contract: a class per format family with its settings as class attributes.

An ingestor turns one :class:`Source` into an :class:`Extraction`. Expected data problems
(encrypted, corrupt, over a limit) are raised as :class:`IngestError` with a one-line reason a
journalist understands; ``extract.py`` turns those and any other exception into a failed
extraction, so an ingestor never has to guard itself against the unexpected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from kashf.exc import IngestError
from kashf.ingest.model import Extraction, Limits


@dataclass
class Source:
    """One file to extract, as the worker sees it."""

    path: str  # where its bytes are (the blob, or a temporary file for an archive member)
    name: str  # its name as the user knows it (source path or member path), for the extension
    limits: Limits
    depth: int  # 0 for a file given to ingest, 1 for a member of an archive in it, …
    mime: str  # from detect.py
    head: bytes  # the first bytes, already read for detection
    size: int
    data: bytes | None = None  # every byte, when the worker already holds them (small files)

    def read(self) -> bytes:
        """All bytes of the file; callers have already checked ``size`` against the limits."""
        if self.data is not None:
            return self.data
        with open(self.path, "rb") as handle:
            return handle.read()


class Ingestor:
    """Base class; subclasses set the class attributes and implement :meth:`extract`."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = "file"  # what a reader calls the format, in reasons ("Word document")
    version: ClassVar[int] = 1
    kind: ClassVar[str] = "other"  # the facet value of what it produces
    mime_types: ClassVar[tuple[str, ...]] = ()
    extensions: ClassVar[tuple[str, ...]] = ()
    # Higher wins when several claim a file; a specialised reader beats a generic one.
    score: ClassVar[int] = 50

    @classmethod
    def match(cls, mime: str, ext: str) -> int:
        """How well this ingestor fits: its score for its MIME types, 0 otherwise.

        The extension is passed for ingestors that claim a dialect of a generic type
        (CSV is text/plain to the bytes); most ignore it because detection already used it.
        """
        return cls.score if mime in cls.mime_types else 0

    def extract(self, src: Source) -> Extraction:  # pragma: no cover - abstract
        raise NotImplementedError

    def result(self, src: Source, **fields) -> Extraction:
        """An :class:`Extraction` stamped with this ingestor's name, version and kind."""
        fields.setdefault("kind", self.kind)
        return Extraction(
            mime=src.mime, ingestor=self.name, ingestor_version=self.version, **fields
        )


def fail(reason: str) -> IngestError:
    """The error to raise for an expected data problem (``raise fail("encrypted PDF")``)."""
    return IngestError(reason)
