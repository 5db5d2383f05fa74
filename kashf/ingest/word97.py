"""Word 97–2003 documents (.doc) via the piece table, read with olefile.

What is done: the FIB gives the table stream and the CLX; the CLX's piece table (PlcPcd)
maps character positions to byte runs in the WordDocument stream, each either 8-bit cp1252
("compressed") or UTF-16LE. Concatenating the pieces gives the document's text in order,
fast-saved documents included. Field instructions (between 0x13 and 0x14) are dropped and
their results kept; cell and row marks become tabs and new lines. Not done: formatting,
headers/footers are not told apart from the body (they follow it in the same text), and
Word 6/95 files (no piece table in this form) fall back to the 8-bit text runs of the stream.
Summary information (title, author, dates) comes from olefile's metadata reader.
"""

from __future__ import annotations

import struct

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import Extraction

_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_REPLACE = str.maketrans(
    {
        "\r": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
        "\x07": "\t",
        "\x1e": "-",
        "\x1f": "",
        "\x01": "",
        "\x08": "",
        "\x05": "",
        "\x02": "",
        "\x03": "",
        "\x04": "",
        "\x00": "",
    }
)


def piece_table_text(word: bytes, table: bytes, fc_clx: int, lcb_clx: int) -> str:
    """The document text assembled from the piece table in ``table`` at ``fc_clx``."""
    clx = table[fc_clx : fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        (size,) = struct.unpack_from("<H", clx, pos + 1)
        pos += 3 + size
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ValueError("no piece table")
    (lcb,) = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5 : pos + 5 + lcb]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    parts = []
    for index in range(count):
        descriptor = 4 * (count + 1) + 8 * index
        (fc,) = struct.unpack_from("<I", plc, descriptor + 2)
        length = cps[index + 1] - cps[index]
        if length <= 0:
            continue
        if fc & 0x40000000:
            start = (fc & ~0x40000000) // 2
            parts.append(word[start : start + length].decode("cp1252", "replace"))
        else:
            parts.append(word[fc : fc + 2 * length].decode("utf-16-le", "replace"))
    return "".join(parts)


def clean(text: str) -> str:
    """Drop field instructions, map Word's control characters to plain text."""
    out, depth, in_instruction = [], 0, []
    for ch in text:
        if ch == _FIELD_BEGIN:
            depth += 1
            in_instruction.append(True)
        elif ch == _FIELD_SEPARATOR and in_instruction:
            in_instruction[-1] = False
        elif ch == _FIELD_END and in_instruction:
            in_instruction.pop()
            depth -= 1
        elif not (in_instruction and in_instruction[-1]):
            out.append(ch)
    lines = "".join(out).translate(_REPLACE).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


class DocIngestor(Ingestor):
    """Word 97–2003 documents (.doc)."""

    name = "doc"
    label = "Word document"
    version = 1
    kind = "word"
    mime_types = ("application/msword",)
    extensions = (".doc", ".dot")
    score = 50

    def extract(self, src: Source) -> Extraction:
        import olefile

        try:
            ole = olefile.OleFileIO(src.path)
        except OSError as exc:
            raise fail(f"corrupt Word document: {exc}") from None
        with ole:
            if not ole.exists("WordDocument"):
                raise fail("corrupt Word document: the WordDocument stream is missing")
            word = ole.openstream("WordDocument").read()
            if len(word) < 0x01AA:
                raise fail("corrupt Word document: the file header is truncated")
            (ident, nfib) = struct.unpack_from("<HH", word, 0)
            (flags,) = struct.unpack_from("<H", word, 0x0A)
            if flags & 0x0100:
                raise fail("encrypted Word document: a password is required")
            table_name = "1Table" if flags & 0x0200 else "0Table"
            text = None
            if nfib >= 0x00C1 and ole.exists(table_name):  # Word 97 and later
                table = ole.openstream(table_name).read()
                fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
                try:
                    text = piece_table_text(word, table, fc_clx, lcb_clx)
                except (ValueError, struct.error):
                    text = None
            if text is None:
                text = _fallback_text(word)
            metadata = _summary(ole)
        title = metadata.pop("title", None)
        return self.result(src, title=title, text=clean(text), metadata=metadata)


def _fallback_text(word: bytes) -> str:
    # Older Word files keep text as 8-bit runs from offset 0x600; keep printable stretches.
    body = word[0x600:].decode("cp1252", "replace")
    return "".join(ch if ch.isprintable() or ch in "\r\n\t" else " " for ch in body)


def _summary(ole) -> dict:
    """Title, author and dates from the OLE SummaryInformation stream."""
    metadata: dict = {}
    try:
        meta = ole.get_metadata()
    except Exception:
        return metadata
    fields = {
        "title": "title",
        "author": "author",
        "last_saved_by": "last_modified_by",
        "subject": "subject",
        "keywords": "keywords",
        "company": "company",
    }
    for attr, key in fields.items():
        value = getattr(meta, attr, None)
        if isinstance(value, bytes):
            value = value.decode("cp1252", "replace")
        if value and str(value).strip("\x00 "):
            metadata[key] = str(value).strip("\x00 ")
    for attr, key in (("create_time", "created"), ("last_saved_time", "modified")):
        value = getattr(meta, attr, None)
        if value and hasattr(value, "isoformat") and value.year > 1601:
            metadata[key] = value.isoformat()
    return metadata
