"""One entry point: which kind of cable a text is, and its parsed record."""

from __future__ import annotations

import re

from kashf.cables.forms import parse_form
from kashf.cables.memo import parse_memo
from kashf.cables.model import Cable
from kashf.cables.us_state import parse_us_cable

_CABLE_ID = re.compile(r"^\d{2}[A-Z][A-Z\-]*\d+$")


def parse_cable(text: str, year: int | None = None, document_id: str | None = None,
                name_hint: str | None = None) -> Cable | None:
    """The Cable record of ``text``, or None when it is not a cable, report, memo or letter.

    ``year`` is the cable's own year, for texts without a date-time group (it
    completes the reference id and short references). ``document_id`` becomes the
    record's ``id``; when it, or ``name_hint`` (a file name), is shaped like a cable
    id (``06NEWDELHI5135``) it also stands in for a reference id the text lacks.
    """
    if not text or not text.strip():
        return None
    hint = _id_hint(name_hint) or _id_hint(document_id)
    cable = parse_us_cable(text, year, hint)
    if cable is None:
        cable = parse_form(text) or parse_memo(text)
    if cable is not None:
        cable.id = document_id
    return cable


def _id_hint(value: str | None) -> str | None:
    if not value:
        return None
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", value.rsplit("/", 1)[-1]).upper()
    return stem if _CABLE_ID.match(stem) else None
