"""Plain text in any encoding: the hot path of a cable dump, so it does as little as possible."""

from __future__ import annotations

from kashf.ingest.base import Ingestor, Source
from kashf.ingest.encoding import decode
from kashf.ingest.model import Extraction


class TextIngestor(Ingestor):
    """Text files of any encoding, and text dialects without a reader of their own."""

    name = "text"
    version = 1
    kind = "text"
    mime_types = (
        "text/plain",
        "text/markdown",
        "text/x-rst",
        "text/x-org",
        "application/json",
        "application/x-ndjson",
        "application/yaml",
    )
    extensions = (".txt", ".text", ".log", ".md", ".rst", ".org", ".json", ".ndjson", ".yaml")
    score = 10  # generic: anything more specific wins

    def extract(self, src: Source) -> Extraction:
        data = src.head if src.size <= len(src.head) else src.read()
        text, encoding = decode(data)
        return self.result(src, text=text, metadata={"encoding": encoding})
