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
    iter_at,
    parse_declassify_on,
    parse_subject,
    parse_summary,
    parse_tags,
)
from kashf.cables.model import Cable, Paragraph
from kashf.cables.persons import CLASSIFIED_BY_LABEL, parse_classified_by, parse_signers
from kashf.cables.references import parse_inline_references, parse_references
from kashf.cables.stations import (
    normalize_cable_id,
    resolve_station,
    routing_names,
    serial_fits_four_digits,
    squash,
    station_code_of_route,
    station_of_route,
)
from kashf.text.dates import GREGORIAN, ParsedDate, find_dates, parse_date

PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
_PRECEDENCE_WORDS = r"(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)"

# The line patterns start with a newline (searched in "\n" + text) so that the regex engine
# can jump from line to line instead of trying every position.
_DTG_LINE = re.compile(
    r"\n[ \t]*(?P<prec>(?:[ZOPR]{1,2}[ \t]+){0,2})(?P<dtg>\d{6}Z[ \t]*[A-Z][A-Za-z]{2}[ \t]*\d{2,4})"
    r"(?:[ \t]+Z[A-Z]{2}\w*)?"  # ZDK (duplicate), ZDS (correction)…
    r"(?:[ \t]+\([^)\n]*\))?[ \t]*\r?(?=\n|$)"  # a relay's note: (CCY ADC1AECC MSI3311-632)
)
_FM = re.compile(r"\n[ \t]*FM[ \t]+(?P<origin>[^\n]+?)[ \t]*\r?(?=\n|$)")
# The transmission line: station's routing indicator, #serial (last four digits), /part.
_DE = re.compile(r"\n[ \t]*DE[ \t]+(?P<route>[A-Z]{4,8})[ \t]+#(?P<serial>\d{1,6})?")
# The security line of a full routing header: ZNY CCCCC (confidential), ZNR UUUUU (unclassified).
_ZN = re.compile(r"\n[ \t]*ZN[A-Z][ \t]+(?P<level>[CSTUE])(?P=level){4}\b")
_ZN_LEVELS = {"C": "CONFIDENTIAL", "S": "SECRET", "T": "TOP SECRET", "U": "UNCLASSIFIED",
              "E": "UNCLASSIFIED"}
# A page banner of a multi-page cable: "TEL AVIV 00002502 002 OF 004".
_PAGE_ID = re.compile(r"\n[ \t]*(?P<station>[A-Z][A-Z .'\-]{1,30}?)[ \t]+(?P<serial>\d{5,8})"
                      r"[ \t]+\d{3}(?:\.\d+)?[ \t]+OF[ \t]+\d{3}[ \t]*\r?(?=\n)")
# Levels as typed, spaced out or not, including the release's damaged banners
# ("UUNCLAS", "E C R E T", "SSECRET", "S e c r e t").
_CLASS = (r"(?i:T ?O ?P (?:S ?){1,2}E ?C ?R ?E ?T|(?:S ?){0,2}E ?C ?R ?E ?T|"
          r"C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|U?U ?N ?C ?L ?A ?S(?: ?S ?I ?F ?I ?E ?D)?|"
          r"LIMITED OFFICIAL USE)")
_BANNER = re.compile(
    rf"\n[ \t]*(?:[A-Z](?=[A-Z]))?(?P<cls>{_CLASS})(?P<cav>(?:[ \t]+(?:E ?F ?T ?O|NOFORN|SENSITIVE|NODIS|EXDIS|LIMDIS))*)"
    r"(?:[ \t]+(?i:SECTION)[ \t]+\d+[ \t]+(?i:OF)[ \t]+\d+)?[ \t]+"
    r"(?P<station>[A-Za-z][A-Za-z .'\-]{1,30}?)[ \t]+(?P<serial>\d{1,7})\b"
)
_CAVEATS = re.compile(
    r"\b(NOFORN|NODIS|EXDIS|LIMDIS|ORCON|EFTO|E F T O|NOCONTRACT|PROPIN|STADIS|"
    r"SENSITIVE BUT UNCLASSIFIED|FOR OFFICIAL USE ONLY)\b"
)
_CAVEAT_NAMES = {"E F T O": "EFTO", "SENSITIVE BUT UNCLASSIFIED": "SBU",
                 "FOR OFFICIAL USE ONLY": "FOUO"}
# Starts with the newline so that the regex engine can jump from line to line.
_PARAGRAPH = re.compile(
    r"\n(?P<indent>[ \t]*)(?:[¶\ufffd\xb6][ \t]*)?(?P<num>\d{1,3})[ \t]*\.(?!\d)[ \t]*"
    r"(?:\((?P<mark>[A-Z]{1,4}(?:/+[A-Z]{1,6})*|[A-Z]+[ \t]*-[ \t]*ENTIRE TEXT)\))?"
)
_LOWER = re.compile(r"[a-z]")
_TO_INFO = re.compile(r"^(TO|INFO)\s+(.*)$")
_ROUTE_PREFIX = re.compile(r"^[A-Z0-9]{4,9}/")
_TRAILING_PRECEDENCE = re.compile(rf"\s+{_PRECEDENCE_WORDS}(?:\s+\d+)?\s*$")
_TRAILING_SERIAL = re.compile(r"\s+\d+\s*$")
_SPACES = re.compile(r"\s+")
_DAY_LINE = re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
                       r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})", re.MULTILINE)
_REASONS = re.compile(r"\b1\s*[.,]\s*(?P<section>[45])\s*(?P<letters>(?:[\s(),&/]*(?:and\s+)?"
                      r"[a-hA-H]\b[)]?)+)", re.IGNORECASE)
_ADDRESS_END = re.compile(rf"^\s*(?:BT|{_CLASS}|E\.?O\.?|TAGS|SUBJECT|ZEN|SIPDIS|NOFORN|\d+\.)\b")
_ID_SHAPE = re.compile(r"^\d{2}[A-Z]+\d+$")


_HEAD = 6000


def looks_like_us_cable(text: str) -> bool:
    """A date-time group with an FM line, or a classification banner with station and serial."""
    return _anatomy("\n" + text[:_HEAD]) is not None


def _anatomy(head: str) -> tuple[re.Match[str] | None, re.Match[str] | None] | None:
    """(DTG line, banner) of a cable's head, or None when the head is not a cable's."""
    dtg = _DTG_LINE.search(head)
    banner = _BANNER.search(head)
    if dtg and _FM.search(head):
        return dtg, banner
    if banner and resolve_station(banner["station"]):
        return dtg, banner
    return None


def parse_us_cable(text: str, year: int | None = None, document_id: str | None = None
                   ) -> Cable | None:
    """The cable record of a US cable, or None when ``text`` is not one."""
    raw = text
    text = clean_text(text)
    head = "\n" + text[:_HEAD]  # offsets in head are one more than in text
    anatomy = _anatomy(head)
    if anatomy is None:
        return None
    dtg, banner = anatomy
    cable = Cable(format="us_state", id=document_id)
    if dtg:
        cable.date = parse_date(dtg["dtg"])
        letters = dtg["prec"].split()
        if letters:
            cable.precedence = PRECEDENCE.get(letters[0][0])
    cable_year = _year(cable.date, year, document_id, text)
    if cable.date is None:
        cable.date = _day_line_date(text[:3000])
    _read_identity(cable, head, text, banner, cable_year, document_id)
    _read_routing(cable, head, banner)
    first_para = _PARAGRAPH.search(text, banner.end() - 1 if banner else 0)
    header = text[:first_para.start() + 1] if first_para else text[:6000]
    cable.caveats = _caveats(header, banner)
    cable.tags = parse_tags(header, cleaned=True)
    cable.subject = parse_subject(header, cleaned=True) or None
    cable.references = list(dict.fromkeys(
        parse_references(header, cable_year) + parse_inline_references(text, cable_year)))
    cable.declassify_on = parse_declassify_on(header)
    classified_zone = text[: (first_para.end() + 1500) if first_para else 8000]
    cable.classified_by = parse_classified_by(classified_zone)
    cable.classified_reasons = _reasons(classified_zone)
    cable.summary = parse_summary(text[:(first_para.start() if first_para else 0) + 8000],
                                  cleaned=True) or None
    cable.signers = parse_signers(text[-3000:])
    # Offsets are into the text as given, so paragraphs are found in it, not in the cleaned copy.
    raw_banner = _BANNER.search("\n" + raw[:_HEAD])
    cable.paragraphs = _paragraphs(raw, raw_banner.end() - 1 if raw_banner else 0)
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


def _read_identity(cable: Cable, head: str, text: str, banner: re.Match[str] | None,
                   year: int | None, document_id: str | None) -> None:
    """Reference id and classification: the banner's, else what the routing header says.

    A routing header whose transmission line (``DE RUEHFR #2725``) names another station
    and serial than the banner sits above another cable's body (the release has such
    splices): the header is the record's envelope, so its id and level are the record's.
    """
    route = _DE.search(head)
    envelope = _envelope_id(route, year)
    spliced = banner is not None and route is not None and _disagree(route, banner)
    if banner is not None and not spliced:
        cable.classification = _level(banner["cls"])
        if year is not None:
            cable.reference_id = _id_of(year, banner["station"], banner["serial"])
    else:
        level = _ZN.search(head)
        cable.classification = _ZN_LEVELS[level["level"]] if level else (
            _level(banner["cls"]) if banner is not None else None)
        cable.reference_id = envelope if spliced else (
            _page_banner_id(text, year) if year is not None else None) or envelope
    if cable.reference_id is None and document_id and _ID_SHAPE.match(document_id.upper()):
        cable.reference_id = normalize_cable_id(document_id)


def _id_of(year: int, station: str, serial: str) -> str:
    return normalize_cable_id(f"{year % 100:02d}{squash(station.upper())}{int(serial)}")


def _envelope_id(route: re.Match[str] | None, year: int | None) -> str | None:
    """The id the transmission line gives, when its four-digit serial is the whole serial."""
    if route is None or year is None or not route["serial"]:
        return None
    code = station_code_of_route(route["route"])
    if code is None or not serial_fits_four_digits(code, year):
        return None
    return f"{year % 100:02d}{code}{int(route['serial'])}"


def _disagree(route: re.Match[str], banner: re.Match[str]) -> bool:
    """Whether the transmission line and the banner name different stations and serials."""
    code = station_code_of_route(route["route"])
    resolved = resolve_station(banner["station"])
    if code is None or resolved is None or not route["serial"]:
        return False
    return code != resolved.code and int(route["serial"]) % 10000 != int(banner["serial"]) % 10000


def _page_banner_id(text: str, year: int) -> str | None:
    """The id in a page banner (``TEL AVIV 00002502 002 OF 004``) of a body without a banner."""
    for m in _PAGE_ID.finditer("\n" + text):
        if resolve_station(m["station"]):
            return _id_of(year, m["station"], m["serial"])
    return None


def _level(written: str) -> str:
    level = written.replace(" ", "").upper()
    if "UNCLAS" in level:
        return "UNCLASSIFIED"
    if level.startswith("TOP"):
        return "TOP SECRET"
    if level.endswith("ECRET"):
        return "SECRET"
    if level.startswith("LIMITED"):
        return "LIMITED OFFICIAL USE"
    return level


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
        if not stripped or _LOWER.search(stripped) or _ADDRESS_END.match(stripped):
            break
        m = _TO_INFO.match(stripped)
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
    name = raw.strip()
    if "/" in name:
        name = _ROUTE_PREFIX.sub("", name)
    if name[-1:].isdigit() or name.endswith(("E", "Y", "H")):  # a serial or a precedence word
        name = _TRAILING_PRECEDENCE.sub("", name)
        name = _TRAILING_SERIAL.sub("", name)
    return _SPACES.sub(" ", name).strip() if "  " in name or "\t" in name else name.strip()


@lru_cache(maxsize=1)
def _station_origins() -> dict[str, str]:
    origins = {"STATE": "SECSTATE WASHDC"}
    for name in routing_names().values():
        m = re.match(r"^(AMEMBASSY|AMCONSUL|USMISSION|USDEL|AIT)\s+(.+)$", name)
        if m:
            origins.setdefault(squash(m.group(2)), name)
            resolved = resolve_station(m.group(2))  # AMEMBASSY MEXICO CITY sends as MEXICO
            if resolved is not None and resolved.quality >= 2:
                origins.setdefault(resolved.code, name)
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
    m = next(iter_at(CLASSIFIED_BY_LABEL, zone, "CLA"), None)
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
    for m in _PARAGRAPH.finditer(text, max(start - 1, 0)):
        number = int(m["num"])
        if number == expected or (not marks and number <= 2):
            marks.append(m)
            expected = number + 1
    paragraphs = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() + 1 if i + 1 < len(marks) else len(text.rstrip())
        marking = m["mark"]
        if marking and (" " in marking or "\t" in marking):
            marking = _SPACES.sub(" ", marking)
        paragraphs.append(Paragraph(m["num"], marking, m.start() + 1 + len(m["indent"]), end))
    return paragraphs


def date_from_text(text: str) -> ParsedDate | None:
    """The first date written in ``text`` (used by formats without a DTG)."""
    found = find_dates(text)
    return found[0] if found else None
