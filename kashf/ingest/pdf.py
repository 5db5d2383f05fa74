"""PDF through pypdfium2: text per page, document metadata, embedded files as children.

PDFium is fast (hundreds of pages a second on one core) because nothing is rendered here;
pages without usable text are flagged for the OCR stage instead. Every handle is closed as
soon as it is used: a worker process runs through thousands of files.
"""

from __future__ import annotations

import re

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import ExtractedChild, ExtractedPage, Extraction

# A page needs this many letters or digits to count as having a text layer; fewer (a page
# number on a scan, a stray glyph) and the OCR stage should look at it.
MIN_TEXT_CHARS = 5
_PDF_DATE = re.compile(
    r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+-])?\s*(\d{2})?'?(\d{2})?'?"
)
_METADATA_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "Creator": "creator",
    "Producer": "producer",
}


def pdf_date(value: str) -> str | None:
    """ISO 8601 from a PDF date string (``D:20220403180542+02'00'``), None if unreadable."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, sign, off_h, off_m = match.groups()
    month, day = month or "01", day or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    iso = f"{year}-{month}-{day}"
    if hour:
        iso += f"T{hour}:{minute or '00'}:{second or '00'}"
        if sign in ("Z", "z"):
            iso += "+00:00"  # some writers put "Z" and then an offset; UTC is what Z means
        elif sign and off_h:
            iso += f"{sign}{off_h}:{off_m or '00'}"
    return iso


def _reason(exc: Exception) -> str:
    message = str(exc)
    if "password" in message.lower():
        return "encrypted PDF: a password is required"
    if "format" in message.lower() or "parse" in message.lower():
        return "corrupt PDF: the file structure cannot be read"
    if "file" in message.lower():
        return "corrupt PDF: the file cannot be opened"
    return f"corrupt PDF: {message.splitlines()[0] if message else type(exc).__name__}"


class PdfIngestor(Ingestor):
    """PDF documents, born-digital or scanned."""

    name = "pdf"
    label = "PDF"
    version = 1
    kind = "pdf"
    mime_types = ("application/pdf",)
    extensions = (".pdf",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        import pypdfium2 as pdfium  # loaded in the worker that needs it

        try:
            document = pdfium.PdfDocument(src.path)
        except pdfium.PdfiumError as exc:
            raise fail(_reason(exc)) from None
        unreadable = []
        try:
            metadata = self._metadata(document)
            pages = []
            for index in range(len(document)):
                try:
                    pages.append(self._page(document, index))
                except pdfium.PdfiumError:
                    # One damaged page must not lose the others: kept empty, and named.
                    unreadable.append(index + 1)
                    pages.append(ExtractedPage(number=index + 1, text="", has_text_layer=False))
            children = self._attachments(document, src)
        finally:
            document.close()
        metadata["page_count"] = len(pages)
        if unreadable:
            metadata["unreadable_pages"] = unreadable
        title = metadata.pop("title", None)
        return self.result(src, title=title, pages=pages, metadata=metadata, children=children)

    @staticmethod
    def _metadata(document) -> dict:
        metadata: dict = {}
        try:
            raw = document.get_metadata_dict()
        except Exception:  # unreadable info dictionary: the pages still count
            return {"metadata_error": "the PDF's metadata could not be read"}
        for key, value in raw.items():
            value = (value or "").replace("\x00", "").strip()
            if not value:
                continue
            if key in _METADATA_KEYS:
                metadata[_METADATA_KEYS[key]] = value
            elif key in ("CreationDate", "ModDate"):
                iso = pdf_date(value)
                if iso:
                    metadata["created" if key == "CreationDate" else "modified"] = iso
        return metadata

    @staticmethod
    def _page(document, index: int) -> ExtractedPage:
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_bounded()
            finally:
                textpage.close()
        finally:
            page.close()
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        letters = sum(ch.isalnum() for ch in text[:2000])
        return ExtractedPage(number=index + 1, text=text, has_text_layer=letters >= MIN_TEXT_CHARS)

    @staticmethod
    def _attachments(document, src: Source) -> list[ExtractedChild]:
        children = []
        try:
            count = document.count_attachments()
        except Exception:
            return []
        for index in range(count):
            name = f"attachment-{index + 1}"
            try:
                attachment = document.get_attachment(index)
                name = attachment.get_name() or name
                data = bytes(attachment.get_data())
            except Exception:
                children.append(ExtractedChild(name, None, "PDF attachment cannot be read"))
                continue
            if len(data) > src.limits.max_member_bytes:
                children.append(ExtractedChild(name, None, "PDF attachment exceeds the size limit"))
            else:
                children.append(ExtractedChild(name, data))
        return children
