"""HTML and XML: the text a reader would see, nothing that would run or phone home.

lxml parses; nothing is executed, fetched or expanded. Scripts, styles, embedded objects,
comments and processing instructions are dropped, attributes (``onerror``, ``href``,
``src``) are never read, and XML entities are left unexpanded so an entity bomb stays a few
bytes. The same tree walk serves HTML (block tags start new lines) and XML (every element does).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.encoding import decode
from kashf.ingest.model import Extraction

# Elements whose content is never shown to a reader (or is code, or a remote frame).
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "head",
        "select",
        "datalist",
    }
)
BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "title",
        "legend",
        "details",
        "summary",
        "center",
    }
)
CELL = frozenset({"td", "th"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>", re.S | re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")

# Markers for the tidy pass, from the private-use area (str.strip() treats \x1c-\x1f as space).
_BREAK = "\ue000"  # a block boundary; source line breaks outside <pre> are only spaces
_PRE_NEWLINE, _PRE_SPACE = "\ue001", "\ue002"  # inside <pre>: kept as they are


def _html_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
    )


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )


def visible_text(root: etree._Element, every_element_breaks: bool = False) -> str:
    """Text of ``root`` as shown: skipped elements dropped, blocks on their own lines."""
    pieces: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    skipping: etree._Element | None = None
    in_pre = 0
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else None
        local = _local(tag) if tag else None
        if event == "start":
            if skipping is not None:
                continue
            if tag is None:
                continue  # entity reference or comment: its tail comes at "end"
            if (local in SKIP and not every_element_breaks) or local in ("script", "style"):
                walker.skip_subtree()
                skipping = element
                continue
            if local in BLOCK or every_element_breaks:
                pieces.append(_BREAK)
            elif local in CELL:
                pieces.append("\t")
            if local == "pre":
                in_pre += 1
            if element.text:
                pieces.append(_keep(element.text) if in_pre else element.text)
            continue
        if skipping is not None:
            if element is not skipping:
                continue
            skipping = None
        elif tag is not None:
            if local == "pre":
                in_pre -= 1
            if local in BLOCK or every_element_breaks:
                pieces.append(_BREAK)
        if element.tail:
            pieces.append(_keep(element.tail) if in_pre else element.tail)
    return _tidy("".join(pieces))


def _local(tag: str) -> str:
    # "{ns}p", "ix:nonNumeric" and "P" all reduce to a plain lower-case name; lxml's QName
    # rejects prefixed HTML tag names, which real filings (inline XBRL) are full of.
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def _keep(text: str) -> str:
    # Inside <pre>, line breaks and runs of spaces are content; mark them so _tidy keeps them.
    return text.replace("\n", _PRE_NEWLINE).replace(" ", _PRE_SPACE)


def _tidy(text: str) -> str:
    text = text.replace("\n", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split(_BREAK)]
    text = "\n".join(line for line in lines if line)
    return text.replace(_PRE_NEWLINE, "\n").replace(_PRE_SPACE, " ")


class HtmlIngestor(Ingestor):
    """Web pages and HTML mail bodies."""

    name = "html"
    label = "HTML"
    version = 1
    kind = "html"
    mime_types = ("text/html", "application/xhtml+xml")
    extensions = (".html", ".htm", ".xhtml")
    score = 50

    def extract(self, src: Source) -> Extraction:
        text, title, metadata = html_to_text(src.read())
        return self.result(src, text=text, title=title, metadata=metadata)


def html_to_text(data: bytes | str) -> tuple[str, str | None, dict]:
    """``(visible text, title, metadata)`` of an HTML document given as bytes or text."""
    metadata: dict = {}
    if isinstance(data, bytes):
        declared = _CHARSET.search(data[:4096])
        markup, encoding = decode(data, declared.group(1).decode("ascii") if declared else None)
        metadata["encoding"] = encoding
    else:
        markup = data
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        return "", None, metadata
    try:
        root = lxml_html.document_fromstring(markup, parser=_html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise fail(f"corrupt HTML: {exc}") from None
    title = None
    for element in root.iter("title"):
        title = " ".join((element.text_content() or "").split()) or None
        break
    for meta in root.iter("meta"):
        key = (meta.get("name") or "").lower()
        if key in ("author", "description", "keywords", "generator") and meta.get("content"):
            metadata[key] = meta.get("content").strip()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        metadata["declared_language"] = lang.strip()
    body = root.find("body")
    text = visible_text(body if body is not None else root)
    return text, title, metadata


class XmlIngestor(Ingestor):
    """XML documents: the text of every element, line by line; markup and entities dropped."""

    name = "xml"
    label = "XML"
    version = 1
    kind = "xml"
    mime_types = ("application/xml", "text/xml")
    extensions = (".xml",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        data = src.read()
        declared = _XML_ENCODING.search(data[:512].replace(b"\x00", b""))
        markup, encoding = decode(data, declared.group(1).decode("ascii") if declared else None)
        markup = _XML_DECL.sub("", markup, count=1)
        # The internal DTD subset only declares entities and defaults: never needed for the
        # text, and the place entity bombs live. Without it an entity reference stays a name.
        markup = _DOCTYPE.sub("", markup, count=1)
        try:
            root = etree.fromstring(markup, parser=_xml_parser())
        except etree.XMLSyntaxError as exc:
            raise fail(f"corrupt XML: {exc}") from None
        if root is None:
            raise fail("corrupt XML: no element could be read")
        return self.result(
            src,
            text=visible_text(root, every_element_breaks=True),
            metadata={"encoding": encoding, "root_element": _local(str(root.tag))},
        )
