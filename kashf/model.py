"""Plain records that cross process boundaries: what a worker hands the coordinator."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageRecord:
    number: int
    start: int
    end: int
    has_text_layer: bool = True


@dataclass
class StageOutcome:
    """One stage's result on one document, as the runner records it."""

    stage: str
    version: int
    status: str  # ok | failed
    result: dict[str, Any] | None = None
    error: str | None = None


@dataclass
class DocumentRecord:
    """A document as extracted by a worker, ready for the coordinator to store and index."""

    id: str
    path: str
    name: str
    size: int
    status: str  # ok | failed
    parent_id: str | None = None
    depth: int = 0
    mime: str | None = None
    kind: str | None = None
    title: str | None = None
    reason: str | None = None
    ingestor: str | None = None
    ingestor_version: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    pages: list[PageRecord] = field(default_factory=list)
    stages: list[StageOutcome] = field(default_factory=list)
    #: Search index fields, computed by the worker so the coordinator only adds them.
    index_fields: dict[str, Any] | None = None


def record_row(record: DocumentRecord) -> dict[str, Any]:
    """A fresh record in the shape of a store row, for code that reads either."""
    return {"id": record.id, "path": record.path, "title": record.title, "kind": record.kind,
            "text": record.text, "metadata": record.metadata}


def record_results(record: DocumentRecord) -> dict[str, dict[str, Any]]:
    return {o.stage: o.result or {} for o in record.stages if o.status == "ok"}


@dataclass
class SourceFile:
    """A file given to ingest (top level), with what is needed to skip it when unchanged."""

    path: str
    size: int
    mtime_ns: int


@dataclass
class IngestOutcome:
    """Everything one top-level file produced: itself first, then every descendant."""

    source: SourceFile
    documents: list[DocumentRecord]
    seconds: float = 0.0
