"""Station codes and canonical cable ids.

A US cable id is two year digits, the sending station and a serial number
(``09BRUSSELS1580``). Ids as typed inside cables and reference lines are messy:
spaces (``RIO DE JANEIRO``), short forms (``BA``, ``PAP``, ``SECSTATE``), typing
errors (``BRASIIA``, ``WELLINGOTN``) and truncations (``KUALALUMP``). This module
maps them to the station codes of the 251,287 ids of the 2010 release (see
``data/README.md``) in three steps, strictest first: a known code, a known short
form, then a near miss (one edit, two for long codes, transpositions counting one)
or an unambiguous truncation. Unknown codes are kept, never guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import OSA

DATA = Path(__file__).resolve().parent / "data"

# Short forms and names that differ from the id code. Facts about the State Department's
# own abbreviations; PARISFR ids are the UNESCO mission's, as cablemap canonicalises them.
ALIASES = {
    "PAP": "PORTAUPRINCE", "BA": "BUENOSAIRES", "USUNNY": "USUNNEWYORK", "USUN": "USUNNEWYORK",
    "UNVIE": "UNVIEVIENNA", "PARISFR": "UNESCOPARISFR", "SECSTATE": "STATE", "SECTATE": "STATE",
    "SECSTATEWASHDC": "STATE", "SECDEFWASH": "SECDEF", "SECDEFWASHDC": "SECDEF",
    "USDA": "USDAFAS", "USCUSTOMSA": "USCBP", "BRAZIL": "BRASILIA", "HCMC": "HOCHIMINHCITY",
    "VAT": "VATICAN", "HAGUE": "THEHAGUE", "RIO": "RIODEJANEIRO", "SANJSE": "SANJOSE",
    "USEU": "USEUBRUSSELS", "AIT": "AITTAIPEI", "HK": "HONGKONG", "USNATOBRUSSELS": "USNATO",
    "USMISSIONGENEVA": "GENEVA", "USMISSIONUSUNNEWYORK": "USUNNEWYORK", "TELAVIVISRAEL": "TELAVIV",
    "PAUP": "PORTAUPRINCE", "BKK": "BANGKOK",
}
# Place words typed after a station code: the capital's "CITY", the Department's "WASHDC".
PLACE_SUFFIXES = ("WASHINGTONDC", "WASHDC", "CITY")
# Originators that are not embassies and so are missing from the id table.
EXTRA_STATIONS = ("SECDEF", "USDAFAS", "USCBP", "USDOC", "BONN", "CIA", "DIA", "NSC", "JCS")
# Words that may stand before a station code and are not part of it: the post's kind, and
# the banner words the release glued onto some ids (07EFTOATHENS123, 06SIFIEDTEHRAN1).
PREFIX_WORDS = ("AMEMBASSY", "EMBASSY", "AMCONSUL", "CONSULATE", "USMISSION", "MISSION",
                "EFTO", "NOFORN", "SIFIED")
# "SECTION 01 OF 03" glued into an id by the release: 09SECTION01OF03SANJOSE525.
_SECTION = re.compile(r"^(\d{2})S?ECTION\d{1,2}OF\d{1,2}(?=[A-Z])")


@dataclass(frozen=True)
class Resolution:
    """A station code and how sure we are: exact (3), alias (2), corrected (1)."""

    code: str
    quality: int


@lru_cache(maxsize=1)
def station_counts() -> dict[str, int]:
    """Station code → number of cables in the 2010 release (0 for the extras)."""
    counts: dict[str, int] = {}
    for line in (DATA / "stations.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, n = line.split("\t")[:2]
            counts[code] = int(n)
    for code in EXTRA_STATIONS:
        counts.setdefault(code, 0)
    # Posts in the routing table that sent no cable in the 2010 release (ERBIL opened later).
    for name in routing_names().values():
        m = re.match(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|REO|RRT|USOFFICE)\s+([A-Z][A-Z .\-]+)$", name)
        code = squash(m.group(1)) if m else ""
        if any(code.endswith(suffix) and code[: -len(suffix)] in counts for suffix in PLACE_SUFFIXES):
            continue  # AMEMBASSY MEXICO CITY sends as MEXICO
        if len(code) >= 4:
            counts.setdefault(code, 0)
    return counts


@lru_cache(maxsize=1)
def _four_digit_years() -> dict[str, frozenset[str]]:
    years: dict[str, frozenset[str]] = {}
    for line in (DATA / "stations.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            years[fields[0]] = frozenset(fields[2].split(",")) if len(fields) > 2 else frozenset()
    return years


def serial_fits_four_digits(code: str, year: int) -> bool:
    """Whether every serial ``code`` sent in ``year`` in the 2010 release stayed below 10,000.

    The routing line (``DE RUEHLP #0096``) carries the serial's last four digits; it is the
    whole serial only then. A year the release holds no cable of is not vouched for.
    """
    return f"{year % 100:02d}" in _four_digit_years().get(code, frozenset())


@lru_cache(maxsize=1)
def routing_names() -> dict[str, str]:
    """Routing indicator (``RUEHTH``) → station name (``AMEMBASSY TEHRAN``)."""
    names: dict[str, str] = {}
    for line in (DATA / "routes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t", 1)
            names[code] = name
    return names


@lru_cache(maxsize=1)
def _by_length() -> dict[int, list[str]]:
    table: dict[int, list[str]] = {}
    for code in station_counts():
        table.setdefault(len(code), []).append(code)
    return table


def squash(raw: str) -> str:
    """Upper case, letters only; a zero typed for an O inside a word becomes O."""
    text = raw.upper()
    text = re.sub(r"(?<=[A-Z])0|0(?=[A-Z])", "O", text)
    return re.sub(r"[^A-Z]", "", text)


@lru_cache(maxsize=4096)
def resolve_station(raw: str) -> Resolution | None:
    """The station code ``raw`` (letters, any spacing) stands for, or None."""
    code = squash(raw)
    if not code:
        return None
    counts = station_counts()
    if code in ALIASES:
        return Resolution(ALIASES[code], 2)
    if code in counts:
        return Resolution(code, 3)
    for prefix in PREFIX_WORDS:
        if code.startswith(prefix) and len(code) > len(prefix) + 1:
            inner = resolve_station(code[len(prefix):])
            return inner
    if len(code) < 5:
        return None
    return _near_miss(code, counts) or _with_suffix(code, counts)


def _with_suffix(code: str, counts: dict[str, int]) -> Resolution | None:
    """``MEXICOCITY``, ``USDOCWASHDC``, ``MADRIDSP`` (a country code appended) → the station."""
    for suffix in PLACE_SUFFIXES:
        if code.endswith(suffix) and len(code) - len(suffix) >= 4:
            inner = resolve_station(code[: -len(suffix)])
            if inner is not None and inner.quality >= 2:
                return inner
    if len(code) >= 7 and code[:-2] in counts:
        return Resolution(code[:-2], 1)
    return None


def _near_miss(code: str, counts: dict[str, int]) -> Resolution | None:
    limit = 1 if len(code) < 9 else 2
    best: tuple[int, int, str] | None = None
    lengths = _by_length()
    for length in range(len(code) - limit, len(code) + limit + 1):
        for other in lengths.get(length, ()):
            distance = OSA.distance(code, other, score_cutoff=limit)
            if distance <= limit:
                key = (distance, -counts[other], other)
                if best is None or key < best:
                    best = key
    if best is not None:
        return Resolution(best[2], 1)
    for alias, target in ALIASES.items():  # a short form typed wrong (SECTSTATE)
        if len(alias) >= 6 and abs(len(alias) - len(code)) <= 1 and \
                OSA.distance(code, alias, score_cutoff=1) <= 1:
            return Resolution(target, 1)
    # A truncated code: the longest-standing station it is the start of (of five letters,
    # only when a single station starts so).
    starts = [other for other in counts if other.startswith(code)] if len(code) >= 5 else []
    if len(code) >= 6 and starts or len(starts) == 1:
        return Resolution(max(starts, key=lambda o: counts[o]), 1)
    return None


_ID = re.compile(r"^(?P<year>\d{2})(?P<station>.*?[A-Z])(?P<serial>\d+)$")


def normalize_cable_id(raw: str) -> str:
    """The canonical form of a cable id: ``05PARISFR1`` → ``05UNESCOPARISFR1``.

    Spaces, hyphens and leading zeros of the serial go; the station is corrected
    as described in the module docstring. Text that is not shaped like an id
    (two digits, letters, digits) is returned upper-cased and stripped of spaces.
    """
    text = _SECTION.sub(r"\1", re.sub(r"[\s\-'’_]", "", raw.strip().upper()))
    m = _ID.match(text)
    if not m:
        return text
    station_text = m["station"]
    resolved = resolve_station(station_text)
    station = resolved.code if resolved else squash(station_text)
    for prefix in PREFIX_WORDS:
        if resolved is None and station.startswith(prefix) and len(station) > len(prefix):
            station = station[len(prefix):]
    return f"{m['year']}{station}{int(m['serial'])}"


_POST_PREFIX = re.compile(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|USOFFICE|USINT|REO|RPO|AIT)\s+")


@lru_cache(maxsize=1024)
def station_code_of_route(indicator: str) -> str | None:
    """The id station code behind a routing indicator (``RUEHLP`` → ``LAPAZ``), or None."""
    name = station_of_route(indicator)
    if name is None:
        return None
    if re.search(r"\b(?:SECSTATE|DEPT OF STATE)\b", name):
        return "STATE"
    resolved = resolve_station(_POST_PREFIX.sub("", name))
    return resolved.code if resolved and resolved.quality >= 2 else None


def station_of_route(indicator: str) -> str | None:
    """The name behind a routing indicator, trying shorter prefixes (``RUEHFR`` → Paris)."""
    names = routing_names()
    code = indicator.strip().upper()
    while len(code) >= 4:
        if code in names:
            return names[code]
        code = code[:-1]
    return None
