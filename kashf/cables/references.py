"""The ``REF:`` block of a US cable: which earlier cables it cites.

A reference is a station and a serial, optionally with a year (``06 TBILISI 2601``,
``2005 RIO DE JANEIRO 1143``, ``ASUNCION 701 (08)``); without one it is the
citing cable's own year. Reference blocks mix cables with e-mails, intelligence
reports and newspaper notes, so a reference counts only when the words before
its number resolve to a known station (see :mod:`kashf.cables.stations`) and
nothing but item labels (``A.``, ``(B)``, ``REF``, ``EMBASSY``) stands before
the station in its item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kashf.cables.stations import resolve_station

# Where a reference block starts: "REF:", "REFS:", "Ref(s):", "REFTEL:", or "REF A." at a
# line start. The colon form may be glued to a word ("UK PRIMEREF: A. LONDON 1939").
# Both forms start with the letter R, which lets the regex engine skip to each R.
_START = re.compile(
    r"(?:REF(?:S|TELS?)?|Ref(?:s|tels?)?|REF\(S\)|Ref\(s\))\s*:|"
    r"(?<!\S)(?:REF(?:S|TELS?)?)\s+(?=[A-Z(]\W|[A-Z]\)|\()",
)
# What ends it: the classification line, a summary, a first paragraph, a spaced-out
# classification banner ("C O N F I D E N T I A L"), the header fields.
_END = re.compile(
    r"Classi\w*\s+[Bb][Yy]|CLASSI\w*\s+BY|\bSUMMARY\b|\bSummary\b|SENSITIVE BUT|Sensitive [Bb]ut|"
    r"This message|(?:\b[A-Za-z] ){4,}|\n\s*¶?\s*1\s*\.|\n\s*\n\s*(?:¶\s*)?\d{1,2}\s*\.\s|"
    r"\bE\.?O\.?\s*12958|\bTAGS\b|\bSUBJECT\b"
)
_MAX_BLOCK = 2000
# A page banner of a multi-page cable: "MADRID 00000869 001.2 OF 004", and the older
# "PAGE 02 ROME 01196 01 OF 02 082030Z".
_PAGE = re.compile(r"(?:\b[A-Z]{2,}(?:\s+[A-Z]{2,}){0,3}\s+)?\b\d{5,8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\b|"
                   r"(?<![A-Z])PAGE\s+\d{2,3}\s+[A-Z][A-Z .]{1,30}?\s+\d{5,8}(?:\s+\d{2}\s+OF\s+\d{2})?"
                   r"\s+\d{6}Z")
_TOKEN = re.compile(r"(?P<word>[A-Za-z][A-Za-z'’]*)|(?P<num>\d+)(?![A-Za-z\d])|(?P<mixed>\w+)|(?P<punct>\S)")
_LABEL_WORDS = {"REF", "REFS", "REFTEL", "REFTELS", "AND", "SEE", "ALSO", "EMBASSY", "AMEMBASSY",
                "TEL", "CABLE", "MSG", "USG"}


@dataclass(frozen=True)
class Reference:
    """One cited cable: canonical id (no year prefix when the year is unknown)."""

    cable_id: str
    station: str
    serial: int
    year: int | None


def find_reference_block(text: str) -> str | None:
    """The text of the reference block, or None when the cable cites nothing."""
    m = _START.search(text)
    if not m:
        return None
    block = text[m.end():m.end() + _MAX_BLOCK]
    end = _END.search(block)
    return block[:end.start()] if end else block


def parse_references(text: str, year: int | None = None) -> list[str]:
    """Canonical ids of the cables cited in ``text``'s reference block, in order, once each."""
    block = find_reference_block(text)
    if not block:
        return []
    seen: dict[str, None] = {}
    for ref in references_in_block(block, year):
        seen.setdefault(ref.cable_id, None)
    return list(seen)


# "(ref 14 BAGHDAD 1321)", "(REFTEL A: STATE 123)": a citation inside a paragraph.
_INLINE = re.compile(r"\((?:see\s+)?ref(?:tel)?s?\b\.?:?\s*(?P<refs>[^()\n]{3,80})\)", re.IGNORECASE)


def parse_inline_references(text: str, year: int | None = None) -> list[str]:
    """Cables cited inside the body in brackets, as ``(ref 14 BAGHDAD 1321)``."""
    seen: dict[str, None] = {}
    for m in _INLINE.finditer(text):
        for ref in references_in_block(m["refs"], year):
            seen.setdefault(ref.cable_id, None)
    return list(seen)


def _prepare(block: str) -> str:
    block = _PAGE.sub(" ", block)
    block = re.sub(r"\b(\d{2})-([A-Za-z]+)-(\d+)\b", r"\1 \2 \3", block)  # 10-OTTAWA-57
    block = re.sub(r"\b(\d{2}|\d{4})([A-Z]{3,})(\d+)\b", r"\1 \2 \3", block)  # 2005PANAMA2342
    block = re.sub(r"'(\d{2})\b", r" \1", block)  # '08 BUENOS AIRES
    block = re.sub(r"\b0(?=[A-Za-z]{3})|(?<=[A-Za-z]{3})0\b", "O", block)  # 0TTAWA, SANTIAG0
    return block.replace("¶", " ¶ ")


def references_in_block(block: str, year: int | None = None) -> list[Reference]:
    """Every reference in a block of reference text (see the module docstring for the rules)."""
    tokens = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(_prepare(block))]
    found: list[Reference] = []
    pending: list[tuple[str, str]] = []
    last: Reference | None = None
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "num":
            ref = _reference_at(pending, value, year, last)
            if ref is not None:
                ref, i = _year_after(tokens, i, ref)
                found.append(ref)
                last = ref
                pending = []
            else:
                pending.append((kind, value))
        elif kind == "word":
            pending.append((kind, value))
        else:
            pending = []
            if kind == "mixed":
                last = None
        i += 1
    return found


def _reference_at(pending: list[tuple[str, str]], number: str, year: int | None,
                  last: Reference | None) -> Reference | None:
    serial = number.lstrip("0")
    if not serial or len(serial) > 6:
        return None
    words: list[str] = []
    for kind, value in reversed(pending):
        if kind != "word":
            break
        words.insert(0, value)
    if words and [w.upper() for w in words] == ["AND"] and last is not None:
        return Reference(_cable_id(last.year, last.station, int(serial)), last.station,
                         int(serial), last.year)
    best = None
    for k in range(1, min(4, len(words)) + 1):
        resolved = resolve_station(" ".join(words[-k:]))
        if resolved and (best is None or (resolved.quality, k) >= (best[0].quality, best[1])):
            best = (resolved, k)
    if best is None:
        return None
    resolved, k = best
    before = words[:-k]
    if any(len(w) > 1 and w.upper() not in _LABEL_WORDS for w in before):
        return None
    ref_year = year
    stem = pending[: len(pending) - len(words)]
    if not before and stem and stem[-1][0] == "num":
        ref_year = _year_of(stem[-1][1]) or year
    return Reference(_cable_id(ref_year, resolved.code, int(serial)), resolved.code, int(serial),
                     ref_year)


def _year_after(tokens: list[tuple[str, str]], i: int, ref: Reference) -> tuple[Reference, int]:
    """``ASUNCION 701 (08)``: a year in brackets right after the serial."""
    if (i + 3 < len(tokens) and tokens[i + 1][1] == "(" and tokens[i + 2][0] == "num"
            and len(tokens[i + 2][1]) in (2, 4) and tokens[i + 3][1] == ")"):
        year = _year_of(tokens[i + 2][1])
        if year is not None:
            return Reference(_cable_id(year, ref.station, ref.serial), ref.station, ref.serial,
                             year), i + 3
    return ref, i


def _year_of(token: str) -> int | None:
    if len(token) == 2:
        n = int(token)
        return 1900 + n if n >= 50 else 2000 + n
    if len(token) == 4 and 1945 <= int(token) <= 2049:
        return int(token)
    return None


def _cable_id(year: int | None, station: str, serial: int) -> str:
    return f"{year % 100:02d}{station}{serial}" if year is not None else f"{station}{serial}"
