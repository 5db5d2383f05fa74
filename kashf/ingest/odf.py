"""OpenDocument text, spreadsheets and presentations (.odt, .ods, .odp) from content.xml.

One walker serves all three: ODF keeps text in ``text:p``/``text:h`` with spans inside, and
tables are the same elements in a text document and a spreadsheet. Presentations get a page
per ``draw:page``; spreadsheets a heading line per sheet.
"""

from __future__ import annotations

from lxml import etree

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import ExtractedPage, Extraction
from kashf.ingest.zipxml import local, open_zip, parse_xml, read_part, tidy_lines

ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
_KINDS = {
    ODT: "word",
    ODS: "spreadsheet",
    ODP: "presentation",
    ODT + "-template": "word",
    ODS + "-template": "spreadsheet",
    ODP + "-template": "presentation",
}
_SKIP = frozenset({"tracked-changes", "sequence-decls", "forms", "variable-decls"})
_BREAK_AFTER = frozenset({"p", "h", "table-row", "list-item"})
_META = {
    "title": "title",
    "initial-creator": "author",
    "creator": "last_modified_by",
    "creation-date": "created",
    "date": "modified",
    "subject": "subject",
    "keyword": "keywords",
    "description": "description",
    "generator": "application",
}


def odf_text(root: etree._Element) -> str:
    pieces: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    skipping = None
    cells = 0  # inside a table cell a paragraph ends with a space, not a new line
    for event, element in walker:
        name = local(element.tag)
        if event == "start":
            if skipping is not None:
                continue
            if name == "table-cell":
                cells += 1
            if name in _SKIP:
                walker.skip_subtree()
                skipping = element
                continue
            if name == "s":
                count = next((v for k, v in element.attrib.items() if local(k) == "c"), "1")
                pieces.append(" " * min(int(count) if count.isdigit() else 1, 100))
            elif name == "tab":
                pieces.append("\t")
            elif name == "line-break":
                pieces.append("\n")
            elif name == "table" and local(element.getparent().tag) == "spreadsheet":
                sheet = next((v for k, v in element.attrib.items() if local(k) == "name"), "")
                pieces.append(f"\n{sheet}\n" if sheet else "\n")
            if element.text and name not in ("s", "tab", "line-break"):
                pieces.append(element.text)
            continue
        if skipping is not None:
            if element is not skipping:
                continue
            skipping = None
        elif name == "table-cell":
            cells -= 1
            pieces.append("\t")
        elif name in _BREAK_AFTER:
            pieces.append(" " if cells and name in ("p", "h", "list-item") else "\n")
        if element.tail:
            pieces.append(element.tail)
    return tidy_lines("".join(pieces))


class OdfIngestor(Ingestor):
    """OpenDocument text, spreadsheet and presentation files."""

    name = "odf"
    label = "OpenDocument file"
    version = 1
    kind = "word"
    mime_types = tuple(_KINDS)
    extensions = (".odt", ".ods", ".odp")
    score = 50

    def extract(self, src: Source) -> Extraction:
        label = "OpenDocument file"
        with open_zip(src.path, label) as archive:
            manifest = read_part(archive, "META-INF/manifest.xml", src.limits, label) or b""
            if b"encryption-data" in manifest:
                raise fail("encrypted OpenDocument file: a password is required")
            content = read_part(archive, "content.xml", src.limits, label)
            if content is None:
                raise fail("corrupt OpenDocument file: content.xml is missing")
            root = parse_xml(content, label)
            meta = read_part(archive, "meta.xml", src.limits, label)
            metadata = self._metadata(parse_xml(meta, label)) if meta else {}
        kind = _KINDS.get(src.mime, "word")
        title = metadata.pop("title", None)
        body = next((el for el in root.iter() if local(el.tag) == "body"), root)
        if kind == "presentation":
            pages = [
                ExtractedPage(number, odf_text(page), has_text_layer=True)
                for number, page in enumerate(
                    (el for el in body.iter() if local(el.tag) == "page"), start=1
                )
            ]
            return self.result(src, kind=kind, title=title, pages=pages, metadata=metadata)
        return self.result(src, kind=kind, title=title, text=odf_text(body), metadata=metadata)

    @staticmethod
    def _metadata(root: etree._Element) -> dict:
        metadata = {}
        for element in root.iter():
            key = _META.get(local(element.tag))
            if key and element.text and element.text.strip():
                metadata[key] = element.text.strip()
        return metadata
