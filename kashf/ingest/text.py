"""Plain text in any encoding: the hot path of a cable dump, so it does as little as possible."""

from __future__ import annotations

from kashf.ingest.base import Ingestor, Source
from kashf.ingest.encoding import decode
from kashf.ingest.model import Extraction


class TextIngestor(Ingestor):
    """Text files of any encoding, and text dialects without a reader of their own."""

    name = "text"
    label = "text file"
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
        data = src.head if src.size <= len(src.head) else read_capped(src)
        text, encoding = decode(data)
        metadata = {"encoding": encoding}
        if len(data) < src.size:
            metadata["text_truncated"] = True
        return self.result(src, text=text, metadata=metadata)


def read_capped(src: Source) -> bytes:
    """The file's bytes, but no more than can become ``max_text_chars`` characters.

    A 2 GB log would otherwise be held three times over (bytes, str, copy); four bytes a
    character covers UTF-8 and UTF-16/32 alike.
    """
    with open(src.path, "rb") as handle:
        return handle.read(src.limits.max_text_chars * 4)
