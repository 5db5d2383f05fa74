"""Office Open XML: Word (.docx) and PowerPoint (.pptx), read straight from their XML parts.

Reading the parts with lxml rather than python-docx/python-pptx is faster and survives
documents those libraries reject (odd relationships, missing styles): for search we need the
text and the core properties, not the object model. Password-protected OOXML is an OLE file
holding an encrypted package; detection sends it to :class:`EncryptedOfficeIngestor`.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import ExtractedPage, Extraction
from kashf.ingest.zipxml import local, open_zip, parse_xml, read_part, tidy_lines

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
_CORE = {
    "title": "title",
    "creator": "author",
    "lastModifiedBy": "last_modified_by",
    "created": "created",
    "modified": "modified",
    "subject": "subject",
    "keywords": "keywords",
    "description": "description",
    "lastPrinted": "last_printed",
    "category": "category",
}
_APP = {
    "Company": "company",
    "Application": "application",
    "Pages": "page_count_declared",
    "Slides": "slide_count_declared",
    "Manager": "manager",
}
_SLIDE_NUMBER = re.compile(r"(\d+)")


def core_properties(archive, limits, label: str) -> dict:
    """Title, author, dates … from docProps/core.xml and app.xml (shared by all OOXML)."""
    metadata: dict = {}
    data = read_part(archive, "docProps/core.xml", limits, label)
    if data:
        for element in parse_xml(data, label):
            key = _CORE.get(local(element.tag))
            if key and element.text and element.text.strip():
                metadata[key] = element.text.strip()
    data = read_part(archive, "docProps/app.xml", limits, label)
    if data:
        for element in parse_xml(data, label):
            key = _APP.get(local(element.tag))
            if key and element.text and element.text.strip():
                metadata[key] = element.text.strip()
    return metadata


def runs_text(root: etree._Element) -> str:
    """Text of WordprocessingML/DrawingML: runs joined, paragraphs and rows on new lines."""
    pieces: list[str] = []
    cells = 0  # depth of table cells: a paragraph inside a cell ends with a space, not a line
    for event, element in etree.iterwalk(root, events=("start", "end")):
        name = local(element.tag)
        if event == "start":
            if name == "tc":
                cells += 1
            elif name == "t" and element.text:
                pieces.append(element.text)
            elif name == "tab":
                pieces.append("\t")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "noBreakHyphen":
                pieces.append("-")
        elif name == "p":
            pieces.append(" " if cells else "\n")
        elif name == "tc":
            cells -= 1
            pieces.append("\t")
        elif name == "tr":
            pieces.append("\n")
    return tidy_lines("".join(pieces))


class DocxIngestor(Ingestor):
    """Word documents (.docx, .docm): body, tables, headers, footers, notes and comments."""

    name = "docx"
    label = "Word document"
    version = 1
    kind = "word"
    mime_types = (DOCX, "application/vnd.ms-word.document.macroenabled.12")
    extensions = (".docx", ".docm")
    score = 50
    PARTS = re.compile(r"^word/(header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")

    def extract(self, src: Source) -> Extraction:
        label = "Word document"
        with open_zip(src.path, label) as archive:
            body = read_part(archive, "word/document.xml", src.limits, label)
            if body is None:
                raise fail("corrupt Word document: word/document.xml is missing")
            sections = [runs_text(parse_xml(body, label))]
            extra = sorted(name for name in archive.namelist() if self.PARTS.match(name))
            for name in extra:
                text = runs_text(parse_xml(read_part(archive, name, src.limits, label), label))
                if text:
                    sections.append(text)
            metadata = core_properties(archive, src.limits, label)
        title = metadata.pop("title", None)
        text = "\n\n".join(section for section in sections if section)
        return self.result(src, title=title, text=text, metadata=metadata)


class PptxIngestor(Ingestor):
    """PowerPoint presentations (.pptx): one page per slide, speaker notes included."""

    name = "pptx"
    label = "PowerPoint presentation"
    version = 1
    kind = "presentation"
    mime_types = (PPTX, "application/vnd.ms-powerpoint.presentation.macroenabled.12")
    extensions = (".pptx", ".pptm")
    score = 50

    def extract(self, src: Source) -> Extraction:
        label = "PowerPoint presentation"
        pages = []
        with open_zip(src.path, label) as archive:
            for number, slide in enumerate(self._slides(archive), start=1):
                data = read_part(archive, slide, src.limits, label)
                text = runs_text(parse_xml(data, label)) if data else ""
                notes = self._notes(archive, slide, src)
                if notes:
                    text = f"{text}\n\n{notes}" if text else notes
                # Slides are not images: the OCR stage cannot render them, so never flag them.
                pages.append(ExtractedPage(number=number, text=text, has_text_layer=True))
            metadata = core_properties(archive, src.limits, label)
        metadata["slide_count"] = len(pages)
        title = metadata.pop("title", None)
        return self.result(src, title=title, pages=pages, metadata=metadata)

    @staticmethod
    def _slides(archive) -> list[str]:
        """Slide parts in presentation order (sldIdLst), else by their number."""
        names = set(archive.namelist())
        found = sorted(
            (n for n in names if re.match(r"^ppt/slides/slide\d+\.xml$", n)),
            key=lambda n: int(_SLIDE_NUMBER.search(posixpath.basename(n)).group(1)),
        )
        try:
            rels = _relationships(archive, "ppt/_rels/presentation.xml.rels")
            root = etree.fromstring(archive.read("ppt/presentation.xml"), parser=_SAFE)
            ordered = []
            for element in root.iter():
                if local(element.tag) == "sldId":
                    rid = next(
                        (
                            v
                            for k, v in element.attrib.items()
                            if local(k) == "id" and k.startswith("{")
                        ),
                        None,
                    )
                    target = rels.get(rid or "")
                    if target:
                        ordered.append(posixpath.normpath(posixpath.join("ppt", target)))
            if ordered and set(ordered) <= names:
                return ordered
        except Exception:  # damaged ordering parts: fall back to slide numbers
            pass
        return found

    @staticmethod
    def _notes(archive, slide: str, src: Source) -> str:
        folder, base = posixpath.split(slide)
        try:
            rels = _relationships(archive, f"{folder}/_rels/{base}.rels")
        except Exception:
            return ""
        for target in rels.values():
            if "notesSlide" in target:
                path = posixpath.normpath(posixpath.join(folder, target))
                data = read_part(archive, path, src.limits, "PowerPoint presentation")
                if data:
                    return runs_text(parse_xml(data, "PowerPoint presentation"))
        return ""


_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)


def _relationships(archive, name: str) -> dict[str, str]:
    root = etree.fromstring(archive.read(name), parser=_SAFE)
    return {el.get("Id"): el.get("Target") for el in root if el.get("Id") and el.get("Target")}


class EncryptedOfficeIngestor(Ingestor):
    """Password-protected Word/Excel/PowerPoint files (an encrypted package inside OLE)."""

    name = "office-encrypted"
    label = "Office document"
    version = 1
    kind = "other"
    mime_types = ("application/x-ooxml-encrypted",)
    extensions = ()
    score = 50
    _KINDS = {
        ".xlsx": ("spreadsheet", "Excel workbook"),
        ".xlsm": ("spreadsheet", "Excel workbook"),
        ".docx": ("word", "Word document"),
        ".docm": ("word", "Word document"),
        ".pptx": ("presentation", "PowerPoint presentation"),
    }

    def extract(self, src: Source) -> Extraction:
        ext = posixpath.splitext(src.name.lower())[1]
        kind, label = self._KINDS.get(ext, ("other", "Office document"))
        result = self.result(src, kind=kind)
        result.error = f"password-protected {label}: a password is required"
        result.metadata["encrypted"] = True
        return result
