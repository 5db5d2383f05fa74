"""The Cable record: one shape for US cables, Persian reports, memos and Arabic letters.

``to_json()`` gives exactly the record documented in ``docs/cable-record.schema.json``;
the CLI, the stage result and the store all carry that dict. Lists are always
lists (never None), absent single values are None, dates are ISO 8601 with the
calendar and precision beside them (see :mod:`kashf.text.dates`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kashf.text.dates import ParsedDate

FORMATS = ("us_state", "persian_report", "memo", "arabic_letter")


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph: its number as written, its marking (``C``, ``S//NF``) and span."""

    number: str | None
    marking: str | None
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "marking": self.marking, "start": self.start,
                "end": self.end}


@dataclass
class Cable:
    """A parsed cable, report, memo or letter. Offsets are code points into the parsed text."""

    format: str
    id: str | None = None
    reference_id: str | None = None
    date: ParsedDate | None = None
    classification: str | None = None
    caveats: list[str] = field(default_factory=list)
    precedence: str | None = None
    origin: str | None = None
    to: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    subject: str | None = None
    references: list[str] = field(default_factory=list)
    summary: str | None = None
    classified_by: list[str] = field(default_factory=list)
    classified_reasons: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    declassify_on: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The documented record (see ``docs/cable-record.schema.json``)."""
        date = self.date.to_json() if self.date else {
            "date": None, "date_end": None, "date_text": None, "date_calendar": None,
            "date_precision": None}
        return {
            "id": self.id,
            "reference_id": self.reference_id,
            **date,
            "classification": self.classification,
            "caveats": list(self.caveats),
            "precedence": self.precedence,
            "origin": self.origin,
            "to": list(self.to),
            "info": list(self.info),
            "tags": list(self.tags),
            "subject": self.subject,
            "references": list(self.references),
            "summary": self.summary,
            "classified_by": list(self.classified_by),
            "classified_reasons": list(self.classified_reasons),
            "signers": list(self.signers),
            "declassify_on": self.declassify_on,
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "format": self.format,
        }
