"""Files no ingestor reads: kept as they are, findable by name, not counted as failures.

An unknown binary (a CAD drawing, an executable, an encrypted container) is still evidence:
its original is stored and its path is searchable. Calling it failed would bury the real
failures (corrupt, truncated, encrypted files of formats we do read) under noise.
"""

from __future__ import annotations

from typing import ClassVar

from kashf.ingest.base import Ingestor, Source
from kashf.ingest.model import Extraction

NOTE = "no ingestor reads this file type: the original is stored and its name is searchable"


class OtherIngestor(Ingestor):
    """The fallback for any MIME type nothing else claims."""

    name = "other"
    label = "file"
    version = 1
    kind = "other"
    mime_types: ClassVar[tuple[str, ...]] = ("application/octet-stream",)
    extensions: ClassVar[tuple[str, ...]] = ()
    score = 1

    @classmethod
    def match(cls, mime: str, ext: str) -> int:
        return cls.score  # anything, as a last resort

    def extract(self, src: Source) -> Extraction:
        return self.result(src, metadata={"note": NOTE})
