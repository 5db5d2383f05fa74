"""The ingestor registry: one line per format family; the highest score for a file wins.

Adding a format means writing one ingestor module and adding one line to ``INGESTORS``.
"""

from __future__ import annotations

import functools

from kashf.ingest.archive import (
    CompressedIngestor,
    RarIngestor,
    SevenZipIngestor,
    TarIngestor,
    ZipIngestor,
)
from kashf.ingest.base import Ingestor
from kashf.ingest.epub import EpubIngestor
from kashf.ingest.images import ImageIngestor, UndecodableImageIngestor
from kashf.ingest.mail import EmailIngestor, MboxIngestor
from kashf.ingest.markup import HtmlIngestor, XmlIngestor
from kashf.ingest.odf import OdfIngestor
from kashf.ingest.ooxml import DocxIngestor, EncryptedOfficeIngestor, PptxIngestor
from kashf.ingest.other import OtherIngestor
from kashf.ingest.outlook import MsgIngestor
from kashf.ingest.pdf import PdfIngestor
from kashf.ingest.ppt97 import PptIngestor
from kashf.ingest.rtf import RtfIngestor
from kashf.ingest.sheets import CsvIngestor, XlsIngestor, XlsxIngestor
from kashf.ingest.text import TextIngestor
from kashf.ingest.word97 import DocIngestor

INGESTORS: tuple[type[Ingestor], ...] = (
    TextIngestor,
    HtmlIngestor,
    XmlIngestor,
    PdfIngestor,
    DocxIngestor,
    OdfIngestor,
    RtfIngestor,
    DocIngestor,
    XlsxIngestor,
    XlsIngestor,
    CsvIngestor,
    PptxIngestor,
    PptIngestor,
    EpubIngestor,
    EncryptedOfficeIngestor,
    EmailIngestor,
    MboxIngestor,
    MsgIngestor,
    ZipIngestor,
    TarIngestor,
    CompressedIngestor,
    SevenZipIngestor,
    RarIngestor,
    ImageIngestor,
    UndecodableImageIngestor,
    OtherIngestor,
)


@functools.lru_cache(maxsize=1024)
def pick(mime: str, ext: str) -> type[Ingestor]:
    """The ingestor with the highest score for this MIME type and extension (cached: the
    registry is fixed once imported, and this runs for every file)."""
    best, best_score = OtherIngestor, 0
    for ingestor in INGESTORS:
        score = ingestor.match(mime, ext)
        if score > best_score:
            best, best_score = ingestor, score
    return best


def registry_table() -> list[dict]:
    """One row per ingestor for ``kashf ingestors`` and the docs, highest score first."""
    rows = [
        {
            "name": ingestor.name,
            "version": ingestor.version,
            "kind": ingestor.kind,
            "mime_types": list(ingestor.mime_types),
            "extensions": list(ingestor.extensions),
            "score": ingestor.score,
            "description": (ingestor.__doc__ or "").strip().splitlines()[0],
        }
        for ingestor in INGESTORS
    ]
    return sorted(rows, key=lambda row: (-row["score"], row["name"]))
