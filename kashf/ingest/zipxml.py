"""Reading XML parts out of ZIP-based office files (OOXML, OpenDocument, EPUB) safely.

Office files are ZIP archives too, so the same bomb rules apply: a part is read as a stream
and refused past ``max_member_bytes``. XML is parsed with entities unexpanded and no network.
"""

from __future__ import annotations

import zipfile
import zlib

from lxml import etree

from kashf.ingest.base import fail
from kashf.ingest.model import Limits

CHUNK = 1024 * 1024


def open_zip(path: str, label: str) -> zipfile.ZipFile:
    """The ZIP container of an office file, or a clear failure naming the format."""
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, UnicodeDecodeError, ValueError, EOFError):
        raise fail(f"corrupt {label}: the file is damaged or truncated") from None


def read_part(archive: zipfile.ZipFile, name: str, limits: Limits, label: str) -> bytes | None:
    """The bytes of part ``name`` (None if absent), within the member size limit."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    limit = limits.max_member_bytes
    if info.file_size > limit:
        raise fail(f"{label} part {name} exceeds the size limit")
    if info.flag_bits & 0x1:
        raise fail(f"encrypted {label}: a password is required")
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise fail(f"{label} part {name} exceeds the size limit")
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError) as exc:
        why = "damaged compressed data" if isinstance(exc, zlib.error) else str(exc) or "damaged"
        raise fail(f"corrupt {label}: part {name} cannot be read ({why})") from None
    return b"".join(chunks)


def parse_xml(data: bytes, label: str) -> etree._Element:
    """Parse an XML part; entities stay unexpanded, DTDs and the network are never loaded."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise fail(f"corrupt {label}: {exc}") from None
    if root is None:
        raise fail(f"corrupt {label}: an XML part cannot be read")
    return root


def local(tag) -> str:
    """``{namespace}name`` → ``name`` (and "" for comments and entities)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def tidy_lines(text: str) -> str:
    """Trailing spaces cut, runs of blank lines folded to one, no blank first/last line."""
    lines = [line.rstrip() for line in text.split("\n")]
    out, blank = [], False
    for line in lines:
        if line.strip():
            out.append(line)
            blank = False
        elif not blank and out:
            out.append("")
            blank = True
    return "\n".join(out).strip("\n")
