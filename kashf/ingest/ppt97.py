"""PowerPoint 97–2003 presentations (.ppt): text atoms from the "PowerPoint Document" stream.

The stream is a tree of records (8-byte header: version/instance, type, length); containers
have version 0xF and are descended into, atoms are skipped over unless they hold text:
TextCharsAtom (UTF-16) and TextBytesAtom (8-bit). A SlidePersistAtom inside the slide list
starts a new slide, which gives one page per slide for the text kept in the slide list;
text that lives inside the slides' own drawings (newer writers) goes to the slide it is in.
"""

from __future__ import annotations

import struct

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import ExtractedPage, Extraction
from kashf.ingest.word97 import _summary

TEXT_CHARS, TEXT_BYTES, CSTRING = 0x0FA0, 0x0FA8, 0x0FBA
SLIDE_PERSIST, SLIDE, MAIN_MASTER, NOTES = 0x03F3, 0x03EE, 0x03F8, 0x03F0
USER_EDIT_ATOM, CRYPT_SESSION = 0x0FF5, 0x2F14


def record_texts(stream: bytes) -> list[list[str]]:
    """Text atoms grouped by slide (slide-list entries, then slide containers)."""
    slides: list[list[str]] = []
    listed: list[list[str]] = []
    current: list[str] | None = None
    stack: list[tuple[int, int]] = []  # (record type, end offset) of open containers
    pos = 0
    while pos + 8 <= len(stream):
        while stack and pos >= stack[-1][1]:
            stack.pop()
        ver_inst, rec_type, length = struct.unpack_from("<HHI", stream, pos)
        body = pos + 8
        if rec_type == CRYPT_SESSION:
            raise ValueError("encrypted")
        if ver_inst & 0x000F == 0x000F:  # container: descend
            if rec_type == SLIDE:
                current = []
                slides.append(current)
            elif rec_type in (MAIN_MASTER, NOTES):
                current = None  # master/notes text: not slide content
            stack.append((rec_type, body + length))
            pos = body
            continue
        if rec_type == SLIDE_PERSIST:
            listed.append([])
        elif rec_type in (TEXT_CHARS, TEXT_BYTES):
            raw = stream[body : body + length]
            text = raw.decode("utf-16-le" if rec_type == TEXT_CHARS else "cp1252", "replace")
            target = listed[-1] if listed and not any(t == SLIDE for t, _ in stack) else current
            if target is not None:
                target.append(text.replace("\r", "\n").replace("\x0b", "\n"))
        pos = body + length
    # Text in the slide list and text in slide drawings never overlap for one slide.
    count = max(len(listed), len(slides))
    return [
        (listed[i] if i < len(listed) else []) + (slides[i] if i < len(slides) else [])
        for i in range(count)
    ]


class PptIngestor(Ingestor):
    """PowerPoint 97–2003 presentations (.ppt): one page per slide."""

    name = "ppt"
    label = "PowerPoint presentation"
    version = 1
    kind = "presentation"
    mime_types = ("application/vnd.ms-powerpoint",)
    extensions = (".ppt", ".pps", ".pot")
    score = 50

    def extract(self, src: Source) -> Extraction:
        import olefile

        try:
            ole = olefile.OleFileIO(src.path)
        except OSError as exc:
            raise fail(f"corrupt PowerPoint presentation: {exc}") from None
        with ole:
            if not ole.exists("PowerPoint Document"):
                raise fail("corrupt PowerPoint presentation: the document stream is missing")
            if ole.exists("EncryptedSummary"):
                raise fail("encrypted PowerPoint presentation: a password is required")
            stream = ole.openstream("PowerPoint Document").read()
            metadata = _summary(ole)
        try:
            slides = record_texts(stream)
        except ValueError:
            raise fail("encrypted PowerPoint presentation: a password is required") from None
        pages = [
            ExtractedPage(number, "\n".join(part.strip() for part in texts if part.strip()), True)
            for number, texts in enumerate(slides, start=1)
        ]
        metadata["slide_count"] = len(pages)
        title = metadata.pop("title", None)
        return self.result(src, title=title, pages=pages, metadata=metadata)
