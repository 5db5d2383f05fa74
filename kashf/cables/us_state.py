"""US State Department cables: routing block, banner, header fields, paragraphs.

Reads the three shapes the leaks come in: the 2010 release (a routing header
``P R 281848Z DEC 66 / FM … / TO …`` above a body that opens with the banner
``C O N F I D E N T I A L SECTION 01 OF 04 BRASILIA 004227``), full routing TXT
(``VZCZC…``, ``DE RUEHBO #1165 0471902``) and text pulled out of the archive's
PDFs. Everything is optional except the anatomy that makes a text a cable: a
date-time group with an ``FM`` line, or the classification banner with a
station and serial number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kashf.cables.fields import (
    clean_text,
    parse_declassify_on,
    parse_subject,
    parse_summary,
    parse_tags,
)
from kashf.cables.model import Cable, Paragraph
from kashf.cables.persons import parse_classified_by, parse_signers
from kashf.cables.references import parse_inline_references, parse_references
from kashf.cables.stations import (
    normalize_cable_id,
    resolve_station,
    routing_names,
    squash,
    station_of_route,
)
from kashf.text.dates import GREGORIAN, ParsedDate, find_dates, parse_date

PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
_PRECEDENCE_WORDS = r"(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)"

_DTG_LINE = re.compile(
    r"^[ \t]*(?P<prec>(?:[ZOPR]{1,2}[ \t]+){0,2})(?P<dtg>\d{6}Z[ \t]*[A-Z]{3}[ \t]*\d{2,4})(?:[ \t]+ZDK\w*)?[ \t]*\r?$",
    re.MULTILINE,
)
_FM = re.compile(r"^[ \t]*FM[ \t]+(?P<origin>[^\n]+?)[ \t]*$", re.MULTILINE)
_DE = re.compile(r"^[ \t]*DE[ \t]+(?P<route>[A-Z]{4,8})[ \t]+#", re.MULTILINE)
_CLASS = (r"T ?O ?P S ?E ?C ?R ?E ?T|S{1,2} ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|"
          r"U ?N ?C ?L ?A ?S(?: ?S ?I ?F ?I ?E ?D)?|LIMITED OFFICIAL USE")
_BANNER = re.compile(
    rf"^[ \t]*(?P<cls>{_CLASS})(?P<cav>(?:[ \t]+(?:E ?F ?T ?O|NOFORN|SENSITIVE|NODIS|EXDIS|LIMDIS))*)"
    r"(?:[ \t]+SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+)?[ \t]+(?P<station>[A-Z][A-Z .'\-]{1,30}?)[ \t]+"
    r"(?P<serial>\d{1,7})\b",
    re.MULTILINE,
)
_CAVEATS = re.compile(
    r"\b(NOFORN|NODIS|EXDIS|LIMDIS|ORCON|EFTO|E F T O|NOCONTRACT|PROPIN|STADIS|"
    r"SENSITIVE BUT UNCLASSIFIED|FOR OFFICIAL USE ONLY)\b"
)
_CAVEAT_NAMES = {"E F T O": "EFTO", "SENSITIVE BUT UNCLASSIFIED": "SBU",
                 "FOR OFFICIAL USE ONLY": "FOUO"}
_PARAGRAPH = re.compile(
    r"^[ \t]*(?:[¶\ufffd\xb6][ \t]*)?(?P<num>\d{1,3})[ \t]*\.(?!\d)[ \t]*"
    r"(?:\((?P<mark>[A-Z]{1,4}(?:/+[A-Z]{1,6})*|[A-Z]+[ \t]*-[ \t]*ENTIRE TEXT)\))?",
    re.MULTILINE,
)
_DAY_LINE = re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
                       r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})", re.MULTILINE)
_REASONS = re.compile(r"\b1\s*[.,]\s*(?P<section>[45])\s*(?P<letters>(?:[\s(),&/]*(?:and\s+)?"
                      r"[a-hA-H]\b[)]?)+)", re.IGNORECASE)
_ADDRESS_END = re.compile(rf"^\s*(?:BT|{_CLASS}|E\.?O\.?|TAGS|SUBJECT|ZEN|SIPDIS|NOFORN|\d+\.)\b")
_ID_SHAPE = re.compile(r"^\d{2}[A-Z]+\d+$")


def looks_like_us_cable(text: str) -> bool:
    """A date-time group with an FM line, or a classification banner with station and serial."""
    head = text[:6000]
    if _DTG_LINE.search(head) and _FM.search(head):
        return True
    banner = _BANNER.search(head)
    return bool(banner and resolve_station(banner["station"]))


def parse_us_cable(text: str, year: int | None = None, document_id: str | None = None
                   ) -> Cable | None:
    """The cable record of a US cable, or None when ``text`` is not one."""
    raw = text
    text = clean_text(text)
    if not looks_like_us_cable(text):
        return None
    cable = Cable(format="us_state", id=document_id)
    head = text[:6000]
    dtg = _DTG_LINE.search(head)
    if dtg:
        cable.date = parse_date(dtg["dtg"])
        letters = dtg["prec"].split()
        if letters:
            cable.precedence = PRECEDENCE.get(letters[0][0])
    cable_year = _year(cable.date, year, document_id, text)
    if cable.date is None:
        cable.date = _day_line_date(head)
    banner = _BANNER.search(head)
    _read_banner(cable, banner, cable_year, document_id)
    _read_routing(cable, head, banner)
    first_para = _PARAGRAPH.search(text, banner.end() if banner else 0)
    header = text[:first_para.start()] if first_para else text[:6000]
    cable.caveats = _caveats(header, banner)
    cable.tags = parse_tags(header)
    cable.subject = parse_subject(header) or None
    cable.references = list(dict.fromkeys(
        parse_references(header, cable_year) + parse_inline_references(text, cable_year)))
    cable.declassify_on = parse_declassify_on(header)
    classified_zone = text[: (first_para.end() + 1500) if first_para else 8000]
    cable.classified_by = parse_classified_by(classified_zone)
    cable.classified_reasons = _reasons(classified_zone)
    cable.summary = parse_summary(text[:(first_para.start() if first_para else 0) + 8000]) or None
    cable.signers = parse_signers(text[-3000:])
    # Offsets are into the text as given, so paragraphs are found in it, not in the cleaned copy.
    raw_banner = _BANNER.search(raw[:6000])
    cable.paragraphs = _paragraphs(raw, raw_banner.end() if raw_banner else 0)
    return cable


def _year(date: ParsedDate | None, year: int | None, document_id: str | None, text: str
          ) -> int | None:
    if date is not None:
        return int(date.iso[:4])
    if year is not None:
        return year
    if document_id and _ID_SHAPE.match(document_id.upper()):
        yy = int(document_id[:2])
        return 1900 + yy if yy >= 50 else 2000 + yy
    day = _DAY_LINE.search(text[:3000])
    if day:
        return int(day["date"][-4:])
    return None


def _day_line_date(head: str) -> ParsedDate | None:
    """The 2010 release's own date line (``Tuesday, 24 November 2009, 14:00``)."""
    m = _DAY_LINE.search(head)
    if not m:
        return None
    found = parse_date(m["date"], calendar_hint=GREGORIAN)
    if found is None:
        return None
    return ParsedDate(found.iso, m["date"], found.calendar, found.precision, m.start("date"),
                      m.end("date"), found.flags)


def _read_banner(cable: Cable, banner: re.Match[str] | None, year: int | None,
                 document_id: str | None) -> None:
    if banner is not None:
        level = banner["cls"].replace(" ", "").replace("SSECRET", "SECRET")
        cable.classification = "UNCLASSIFIED" if level.startswith("UNCLAS") else \
            ("TOP SECRET" if level == "TOPSECRET" else level)
        if level == "LIMITEDOFFICIALUSE":
            cable.classification = "LIMITED OFFICIAL USE"
        if year is not None:
            raw = f"{year % 100:02d}{squash(banner['station'])}{int(banner['serial'])}"
            cable.reference_id = normalize_cable_id(raw)
    if cable.reference_id is None and document_id and _ID_SHAPE.match(document_id.upper()):
        cable.reference_id = normalize_cable_id(document_id)


def _read_routing(cable: Cable, head: str, banner: re.Match[str] | None) -> None:
    fm = _FM.search(head)
    if fm:
        cable.origin = re.sub(r"\s+", " ", fm["origin"]).strip()
        cable.to, cable.info = _addressees(head, fm.end())
    else:
        route = _DE.search(head)
        if route:
            cable.origin = station_of_route(route["route"])
        if cable.origin is None and banner is not None:
            cable.origin = origin_of_station(banner["station"])
    if cable.precedence is None and cable.to:
        m = re.search(r"\b(FLASH|IMMEDIATE|PRIORITY|ROUTINE)\b", head[fm.end():fm.end() + 200]
                      if fm else "")
        cable.precedence = m.group(1) if m else None


def _addressees(head: str, start: int) -> tuple[list[str], list[str]]:
    """The TO and INFO lists that follow the FM line, one addressee a line."""
    to: list[str] = []
    info: list[str] = []
    current: list[str] | None = None
    for line in head[start:].split("\n")[1:]:
        stripped = line.strip()
        if not stripped or re.search(r"[a-z]", stripped) or _ADDRESS_END.match(stripped):
            break
        m = re.match(r"^(TO|INFO)\s+(.*)$", stripped)
        if m:
            current = to if m.group(1) == "TO" else info
            stripped = m.group(2)
        if current is None:
            break
        name = _clean_addressee(stripped)
        if name:
            current.append(name)
    return to, info


def _clean_addressee(raw: str) -> str:
    name = re.sub(r"^[A-Z0-9]{4,9}/", "", raw.strip())
    name = re.sub(rf"\s+{_PRECEDENCE_WORDS}(?:\s+\d+)?\s*$", "", name)
    name = re.sub(r"\s+\d+\s*$", "", name)
    return re.sub(r"\s+", " ", name).strip()


@lru_cache(maxsize=1)
def _station_origins() -> dict[str, str]:
    origins = {"STATE": "SECSTATE WASHDC"}
    for name in routing_names().values():
        m = re.match(r"^(AMEMBASSY|AMCONSUL|USMISSION|USDEL|AIT)\s+(.+)$", name)
        if m:
            origins.setdefault(squash(m.group(2)), name)
    return origins


def origin_of_station(station: str) -> str | None:
    """``BRASILIA`` → ``AMEMBASSY BRASILIA`` from the routing table; the station if unknown."""
    resolved = resolve_station(station)
    code = resolved.code if resolved else squash(station)
    return _station_origins().get(code) or _station_origins().get(squash(station)) or \
        (re.sub(r"\s+", " ", station).strip() or None)


def _caveats(header: str, banner: re.Match[str] | None) -> list[str]:
    found: list[str] = []
    zone = header[banner.start():] if banner else header
    for m in _CAVEATS.finditer(zone[:3000]):
        name = _CAVEAT_NAMES.get(m.group(1), m.group(1))
        if name not in found:
            found.append(name)
    return found


def _reasons(zone: str) -> list[str]:
    m = re.search(r"\bcla\w*f\w*\s+by\b", zone, re.IGNORECASE)
    if not m:
        return []
    reason = _REASONS.search(zone, m.end(), m.end() + 500)
    if not reason:
        return []
    letters = re.findall(r"\b([a-hA-H])\b", reason["letters"])
    return [f"1.{reason['section']}({letter.lower()})" for letter in dict.fromkeys(
        letter.lower() for letter in letters)]


def _paragraphs(text: str, start: int) -> list[Paragraph]:
    """Numbered paragraphs in order (1, 2, 3 …); a number out of sequence is body text."""
    marks = []
    expected = 1
    for m in _PARAGRAPH.finditer(text, start):
        number = int(m["num"])
        if number == expected or (not marks and number <= 2):
            marks.append(m)
            expected = number + 1
    paragraphs = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text.rstrip())
        marking = re.sub(r"\s+", " ", m["mark"]) if m["mark"] else None
        paragraphs.append(Paragraph(m["num"], marking, m.start() + _indent(m.group()), end))
    return paragraphs


def _indent(matched: str) -> int:
    return len(matched) - len(matched.lstrip(" \t"))


def date_from_text(text: str) -> ParsedDate | None:
    """The first date written in ``text`` (used by formats without a DTG)."""
    found = find_dates(text)
    return found[0] if found else None
