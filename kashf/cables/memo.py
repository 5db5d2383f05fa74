"""Generic memoranda: TO / FROM / DATE / SUBJECT headers (declassified CIA memos and the like).

E-mails carry the same labels, so a text is a memo only when it says
``MEMORANDUM`` above a SUBJECT, or has TO, FROM and SUBJECT lines — and shows
none of an e-mail's marks (an address with ``@``, ``Message-ID``, ``Sent:``…).
"""

from __future__ import annotations

import re

from kashf.cables.fields import parse_subject
from kashf.cables.model import Cable, Paragraph
from kashf.text.dates import find_dates

_LABEL = re.compile(
    r"^[ \t]*(?P<label>MEMORANDUM(?:\s+FOR)?|TO|FROM|DATE|SUBJECT|SUBJ|THRU|THROUGH|CC|REF(?:ERENCE)?)"
    r"\b[ \t]*:?[ \t]*(?P<value>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_EMAIL_MARKS = re.compile(
    r"^(?:Message-ID|MIME-Version|Content-Type|Received|Return-Path|Sent|X-[\w-]+)\s*:|@[\w-]+\.",
    re.MULTILINE | re.IGNORECASE,
)
_LEVEL = re.compile(r"^[ \t]*(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?://\s*([A-Z /]+))?[ \t]*$",
                    re.MULTILINE)
_PARA = re.compile(r"^[ \t]*(?P<num>\d{1,2})[ \t]*\.(?!\d)[ \t]*(?:\((?P<mark>[A-Z]{1,2})\))?",
                   re.MULTILINE)


def parse_memo(text: str, document_id: str | None = None) -> Cable | None:
    """A memorandum's header, or None when ``text`` is not a memo."""
    head = text[:4000]
    fields: dict[str, str] = {}
    memorandum = False
    last = 0
    for m in _LABEL.finditer(head):
        label = m["label"].upper().split()[0]
        has_colon = ":" in m.group()[: m.start("value") - m.start()]
        if label == "MEMORANDUM":
            memorandum = m["label"].isupper()
        elif not has_colon:
            continue
        key = {"SUBJ": "SUBJECT", "THROUGH": "THRU", "REFERENCE": "REF"}.get(label, label)
        fields.setdefault(key, m["value"].strip())
        last = max(last, m.end())
    if "SUBJECT" not in fields:
        return None
    if not memorandum and not {"TO", "FROM"} <= set(fields):
        return None
    if _EMAIL_MARKS.search(head):
        return None
    cable = Cable(format="memo", id=document_id)
    cable.subject = parse_subject(head) or fields["SUBJECT"] or None
    cable.origin = fields.get("FROM") or None
    cable.to = [fields["TO"]] if fields.get("TO") else []
    cable.info = [fields["CC"]] if fields.get("CC") else []
    dates = find_dates(fields.get("DATE", "")) or find_dates(head[:last + 200])
    cable.date = dates[0] if dates else None
    level = _LEVEL.search(head)
    if level:
        cable.classification = level.group(1)
        cable.caveats = [c.strip() for c in (level.group(2) or "").split("/") if c.strip()]
    marks = list(_PARA.finditer(text, last))
    cable.paragraphs = [
        Paragraph(m["num"], m["mark"], m.start() + len(m.group()) - len(m.group().lstrip(" \t")),
                  marks[i + 1].start() if i + 1 < len(marks) else len(text.rstrip()))
        for i, m in enumerate(marks)
    ]
    return cable
