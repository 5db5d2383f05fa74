"""EPUB books: the visible text of each spine document in reading order, and the OPF metadata."""

from __future__ import annotations

import posixpath

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.markup import html_to_text
from kashf.ingest.model import Extraction
from kashf.ingest.zipxml import local, open_zip, parse_xml, read_part

_META = {
    "title": "title",
    "creator": "author",
    "date": "created",
    "publisher": "publisher",
    "language": "declared_language",
    "subject": "subject",
    "description": "description",
}


class EpubIngestor(Ingestor):
    """EPUB e-books (spine order; scripts and styles dropped like any HTML)."""

    name = "epub"
    label = "EPUB book"
    version = 1
    kind = "word"
    mime_types = ("application/epub+zip",)
    extensions = (".epub",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        label = "EPUB book"
        with open_zip(src.path, label) as archive:
            container = read_part(archive, "META-INF/container.xml", src.limits, label)
            if container is None:
                raise fail("corrupt EPUB book: META-INF/container.xml is missing")
            opf_path = next(
                (
                    el.get("full-path")
                    for el in parse_xml(container, label).iter()
                    if local(el.tag) == "rootfile" and el.get("full-path")
                ),
                None,
            )
            opf = read_part(archive, opf_path, src.limits, label) if opf_path else None
            if opf is None:
                raise fail("corrupt EPUB book: the package document is missing")
            root = parse_xml(opf, label)
            metadata = self._metadata(root)
            folder = posixpath.dirname(opf_path)
            sections = []
            for href in self._spine(root):
                data = read_part(
                    archive, posixpath.normpath(posixpath.join(folder, href)), src.limits, label
                )
                if data:
                    text = html_to_text(data)[0]
                    if text:
                        sections.append(text)
        title = metadata.pop("title", None)
        return self.result(src, title=title, text="\n\n".join(sections), metadata=metadata)

    @staticmethod
    def _metadata(root) -> dict:
        metadata: dict = {}
        for element in root.iter():
            key = _META.get(local(element.tag))
            if key and key not in metadata and element.text and element.text.strip():
                metadata[key] = element.text.strip()
        return metadata

    @staticmethod
    def _spine(root) -> list[str]:
        manifest = {el.get("id"): el.get("href") for el in root.iter() if local(el.tag) == "item"}
        return [
            manifest[el.get("idref")]
            for el in root.iter()
            if local(el.tag) == "itemref" and manifest.get(el.get("idref"))
        ]
