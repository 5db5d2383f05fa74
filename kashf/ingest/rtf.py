"""Rich Text Format: text through striprtf, title/author/dates from the ``\\info`` group.

striprtf honours ``\\ansicpg`` and ``\\uN`` escapes itself; the code page we pass is only its
default for files that declare none. RTF is 7-bit, so reading the bytes as Latin-1 is lossless.
"""

from __future__ import annotations

import re

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import Extraction

_INFO_TEXT = re.compile(r"\{\\(title|author|subject|keywords|operator|company)\s+([^{}]*)\}")
_INFO_TIME = re.compile(r"\{\\(creatim|revtim)((?:\\(?:yr|mo|dy|hr|min|sec)\d+)+)\s*\}")
_TIME_PART = re.compile(r"\\(yr|mo|dy|hr|min|sec)(\d+)")
_CODEPAGE = re.compile(r"\\ansicpg(\d+)")
_KEYS = {
    "title": "title",
    "author": "author",
    "subject": "subject",
    "keywords": "keywords",
    "operator": "last_modified_by",
    "company": "company",
}


def rtf_metadata(raw: str) -> dict:
    metadata = {}
    for key, value in _INFO_TEXT.findall(raw[:200_000]):
        if value.strip():
            metadata[_KEYS[key]] = value.strip()
    for key, parts in _INFO_TIME.findall(raw[:200_000]):
        values = {name: int(number) for name, number in _TIME_PART.findall(parts)}
        if "yr" in values:
            iso = f"{values['yr']:04d}-{values.get('mo', 1):02d}-{values.get('dy', 1):02d}"
            if "hr" in values:
                iso += f"T{values['hr']:02d}:{values.get('min', 0):02d}:{values.get('sec', 0):02d}"
            metadata["created" if key == "creatim" else "modified"] = iso
    return metadata


class RtfIngestor(Ingestor):
    """Rich Text Format documents."""

    name = "rtf"
    label = "RTF document"
    version = 1
    kind = "word"
    mime_types = ("application/rtf", "text/rtf")
    extensions = (".rtf",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        from striprtf.striprtf import rtf_to_text

        raw = src.read().decode("latin-1")
        codepage = _CODEPAGE.search(raw[:4096])
        encoding = f"cp{codepage.group(1)}" if codepage else "cp1252"
        try:
            "".encode(encoding)
        except LookupError:
            encoding = "cp1252"
        try:
            text = rtf_to_text(raw, encoding=encoding, errors="replace")
        except (IndexError, ValueError) as exc:
            raise fail(f"corrupt RTF document: {exc}") from None
        metadata = rtf_metadata(raw)
        title = metadata.pop("title", None)
        lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
        return self.result(src, title=title, text="\n".join(lines).strip(), metadata=metadata)
