"""The Tantivy schema and how a stored document becomes an index document.

The index is derived: everything in it comes from the store and ``kashf reindex``
rebuilds it. Text fields hold *search-normalized* text (see
``kashf.text.normalize``); the original text stays in the store and snippets are
cut from it.
"""

from __future__ import annotations

import re
from typing import Any

import tantivy

from kashf.text.normalize import normalize_for_search

#: Bumped when the schema or the normalization changes; a mismatch asks for `kashf reindex`.
INDEX_VERSION = 1

#: Filter fields whose values are kept exactly (raw tokenizer) and counted as facets.
FACET_FIELDS = ("kind", "lang", "year", "folder", "origin", "classification", "tag", "entity", "ocr")

#: The facet names shown to users, by index field.
FACET_NAMES = {"kind": "type", "lang": "language"}


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("body", stored=False)
    builder.add_text_field("title", stored=False)
    builder.add_text_field("path", stored=False)
    builder.add_text_field("origin_text", stored=False)
    for name in FACET_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    builder.add_text_field("ref", stored=False, tokenizer_name="raw")
    builder.add_integer_field("day", stored=False, indexed=True, fast=True)
    return builder.build()


_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def day_number(iso: str | None) -> int | None:
    """``2014-10-12`` → 20141012 (month or year precision fills with 0): sortable and rangeable."""
    if not iso:
        return None
    match = _DAY.match(iso)
    if not match:
        return None
    year, month, day = match.groups()
    return int(year) * 10000 + int(month or 0) * 100 + int(day or 0)


def top_folder(path: str) -> str:
    """The first folder of a source path, relative to where ingest was pointed, for a facet."""
    head = path.split("!/", 1)[0]
    parts = [p for p in head.split("/") if p]
    return parts[0] if len(parts) > 1 else "(top)"


def document_date(doc: dict[str, Any]) -> str | None:
    """The date a document is filed under: its own (a cable's), else its file's (e-mail, Office)."""
    metadata = doc.get("metadata") or {}
    return doc.get("date") or metadata.get("date") or metadata.get("created")


def index_document(doc: dict[str, Any], findings: dict[str, Any]) -> dict[str, Any]:
    """The fields of one index document, from a store row and what stages found.

    ``findings`` carries ``cable`` (dict or None), ``entities`` (names), ``low_ocr`` (bool),
    and ``relative_path`` (the path as the user knows it).
    """
    fields: dict[str, Any] = {
        "id": doc["id"],
        "body": normalize_for_search(doc.get("text") or ""),
        "title": normalize_for_search(doc.get("title") or ""),
        "path": normalize_for_search(doc["path"].replace("/", " ").replace("!", " ")),
        "kind": doc.get("kind") or "unknown",
        "folder": top_folder(findings.get("relative_path") or doc["path"]),
    }
    if doc.get("language"):
        fields["lang"] = doc["language"]
    day = day_number(document_date(doc))
    if day:
        fields["day"] = day
        fields["year"] = str(day // 10000)
    cable = findings.get("cable")
    if cable:
        if cable.get("origin"):
            fields["origin"] = cable["origin"]
            fields["origin_text"] = normalize_for_search(cable["origin"])
        if cable.get("classification"):
            fields["classification"] = cable["classification"].lower()
        fields["tag"] = [t for t in cable.get("tags") or [] if t]
        fields["ref"] = [r for r in cable.get("references") or [] if r]
    if findings.get("entities"):
        fields["entity"] = findings["entities"]
    if findings.get("low_ocr"):
        fields["ocr"] = "low"
    return fields


ENTITY_FACET_LABELS = ("PER", "ORG", "LOC")


def findings_from_results(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the index needs from the stages' results."""
    mentions = (results.get("entities") or {}).get("mentions") or []
    names = sorted({f"{m['label']}:{m['text']}" for m in mentions
                    if m.get("label") in ENTITY_FACET_LABELS})[:200]
    ocr_pages = (results.get("ocr") or {}).get("pages") or []
    return {
        "cable": (results.get("cables") or {}).get("cable"),
        "entities": names,
        "low_ocr": any(p.get("low_confidence") for p in ocr_pages),
    }


def fields_for(document: dict[str, Any], results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Index fields of a document (a store row, or a fresh record) given its stage results."""
    document = dict(document)
    if document.get("language") is None:
        document["language"] = (results.get("language") or {}).get("language")
    if document.get("date") is None:
        document["date"] = ((results.get("cables") or {}).get("cable") or {}).get("date")
    return index_document(document, findings_from_results(results))


_SCHEMA: tantivy.Schema | None = None


def to_tantivy(fields: dict[str, Any]) -> tantivy.Document:
    """An index document from :func:`index_document`'s fields; empty values are left out.

    Built by Tantivy from the dict in one call: a call per field cost ingest 8 µs a file.
    """
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    present = {name: value for name, value in fields.items()
               if value is not None and value != [] and value != ""}
    return tantivy.Document.from_dict(present, _SCHEMA)
