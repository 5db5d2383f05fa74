"""What an ingestor returns: plain dataclasses that cross the worker/coordinator boundary.

They hold only picklable values (str, int, bytes, dicts of those), so a process pool or a
Dask worker can ship them back to the coordinator, which alone writes the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Limits:
    """Per-file limits that stop zip bombs and runaway parsers without stopping the batch."""

    max_file_bytes: int = 2 * 1024**3  # larger originals are recorded as failed, not read
    max_member_bytes: int = 512 * 1024**2  # one archive member / attachment, expanded
    max_expanded_bytes: int = 2 * 1024**3  # all members of one archive together
    max_members: int = 20_000  # members of one archive
    max_depth: int = 8  # nesting of archives in archives (the lead passes depth)
    max_text_chars: int = 50_000_000  # extracted text is cut here with a flag in metadata
    timeout_seconds: float = 120.0  # per file; enforced by the lead's worker with SIGALRM


@dataclass
class ExtractedPage:
    """One page (or image frame) of a paged document."""

    number: int  # 1-based
    text: str
    has_text_layer: bool  # False for image pages / PDF pages without (usable) text → OCR stage


@dataclass
class ExtractedChild:
    """An archive member, a mailbox message or an e-mail attachment, to be ingested on its own."""

    name: str  # member path inside the archive, or attachment file name
    data: bytes | None  # bytes of the member (None if it could not be read)
    error: str | None = None  # one-line reason when it could not be read
    metadata: dict = field(default_factory=dict)  # e.g. member mtime


@dataclass
class Extraction:
    """Everything extracted from one file; ``error`` set means the file is recorded as failed."""

    mime: str  # detected MIME type
    kind: str  # facet value: text, html, xml, pdf, word, spreadsheet, presentation,
    # email, archive, image, other
    ingestor: str
    ingestor_version: int
    title: str | None = None
    text: str = ""  # for unpaged formats; for paged ones the lead joins pages[].text
    pages: list[ExtractedPage] = field(default_factory=list)
    # author, created, modified (ISO 8601), email: from, to, cc, date, message_id, in_reply_to,
    # subject; exif: {...}, gps: {"lat", "lon"}; encoding
    metadata: dict = field(default_factory=dict)
    children: list[ExtractedChild] = field(default_factory=list)
    error: str | None = None  # set → the document is recorded as failed with this one-line reason
