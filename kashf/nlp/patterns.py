"""Pattern entities: e-mail, phone, money, vehicle plates, coordinates, URLs and dates.

These are found by regular expressions, not by the statistical model, because
their shape is the evidence. Every pattern accepts Latin, Persian (U+06F0..)
and Arabic-Indic (U+0660..) digits, since leaked Persian and Arabic documents
mix all three. Offsets are Unicode code points into the text as given, end
exclusive, so they point into the stored, unnormalized text.

Dates are handed over to :mod:`kashf.text.dates` when it is installed (it knows
the Solar Hijri and Hijri calendars); until then a few plain shapes are found
here so the label still exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

VERSION = 4  # 4: «هجدهم اردیبهشت ۹۲», «آذر ۹۴.»; 3: the Levant's «ك١», «ت٢» months (kashf.text.dates)

# One digit in any of the three digit sets we meet.
D = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
_DIGIT_VALUES = {**{chr(0x0660 + i): str(i) for i in range(10)},
                 **{chr(0x06F0 + i): str(i) for i in range(10)}}
_DIGIT_TABLE = str.maketrans(_DIGIT_VALUES)
# Marks that RTL editors slip between digit groups (LRM, RLM, ALM, NBSP, thin space).
_INVISIBLE = "\u200e\u200f\u061c\u00a0\u2009\u202f"


@dataclass(frozen=True)
class PatternMatch:
    """One pattern entity: its span, label and the matched text."""

    start: int
    end: int
    label: str
    text: str
    confidence: float = 0.95


def ascii_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits turned into 0-9."""
    return text if text.isascii() else text.translate(_DIGIT_TABLE)


def _only_digits(text: str) -> str:
    return "".join(ch for ch in ascii_digits(text) if ch.isdigit())


# ---------------------------------------------------------------- e-mail, URL
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)
_URL = re.compile(
    r"(?<![\w@/])(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»()\[\]{}،]+", re.IGNORECASE
)
# Sentence punctuation that ends a URL written in running text.
_URL_TAIL = ".,;:!?؛،)]}'\"”’…"


def _emails(text: str) -> Iterator[PatternMatch]:
    for m in _EMAIL.finditer(text):
        yield PatternMatch(m.start(), m.end(), "EMAIL", m.group(), 0.99)


def _urls(text: str) -> Iterator[PatternMatch]:
    for m in _URL.finditer(text):
        value = m.group().rstrip(_URL_TAIL)
        if len(value) > 8:
            yield PatternMatch(m.start(), m.start() + len(value), "URL", value, 0.99)


# ---------------------------------------------------------------------- phone
_SEP = rf"[ \-.\u2010\u2011\u2013/{_INVISIBLE}]"
_PHONE = re.compile(
    rf"(?<![\w+])(?:\+{_SEP}?|00)?\(?{D}+\)?(?:{_SEP}{{0,2}}\(?{D}+\)?){{0,6}}(?!\w)"
)
# National prefixes: Iraqi mobiles 07[3-9]x, Iranian mobiles 09xx, and landlines
# with a trunk 0 then an area code (Iran 021.., Iraq 01/03..). Ten or eleven digits.
_NATIONAL = re.compile(r"0(?:7[3-9]\d{8}|9\d{9}|[1-8]\d{8,9})")
# Country codes of the region whose numbers turn up in these documents, plus any
# other code when the number is long enough to be unambiguous.
_REGION_CODES = ("964", "98", "971", "966", "965", "973", "974", "968", "963", "961",
                 "962", "90", "93", "92", "20", "1", "44", "49", "33", "7")


def _looks_like_date(raw: str) -> bool:
    return bool(re.fullmatch(rf"{D}{{1,4}}[-/.]{D}{{1,2}}[-/.]{D}{{1,4}}", raw.strip()))


def _phone_ok(raw: str) -> bool:
    digits = _only_digits(raw)
    stripped = raw.strip()
    if _looks_like_date(stripped):
        return False
    if stripped.startswith("+") or (stripped.startswith("00") and not stripped.startswith("000")):
        rest = digits[2:] if stripped.startswith("00") else digits
        return 8 <= len(rest) <= 15 and rest.startswith(_REGION_CODES) or 10 <= len(rest) <= 15
    return bool(_NATIONAL.fullmatch(digits))


def _phones(text: str) -> Iterator[PatternMatch]:
    for m in _PHONE.finditer(text):
        raw = m.group()
        value = raw.rstrip(_SEP[1:-1] + _INVISIBLE + " ")
        # A lone closing bracket belongs to the sentence, not the number.
        if value.endswith(")") and "(" not in value:
            value = value[:-1]
        if _phone_ok(value):
            yield PatternMatch(m.start(), m.start() + len(value), "PHONE", value, 0.9)


# ---------------------------------------------------------------------- money
_AMOUNT = rf"{D}{{1,3}}(?:[,٬.'’ ]{D}{{3}})+(?:[.٫/]{D}+)?|{D}+(?:[.٫/,]{D}+)?"
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|a hundred|a thousand|a million|"
    r"یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده|"
    r"هجده|هیجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|یکصد|دویست|سیصد|چهارصد|"
    r"پانصد|ششصد|هفتصد|هشتصد|نهصد|"
    # Arabic, with the «و» ("and") that joins its number words: «ثلاثمئة وخمسين ألف»
    r"و?(?:واحد|اثنان|اثنين|ثلاثة|ثلاث|أربعة|اربعة|أربع|خمسة|خمس|ستة|ست|سبعة|سبع|ثمانية|"
    r"تسعة|تسع|عشرة|عشر|أحد عشر|اثنا عشر|عشرين|عشرون|ثلاثين|أربعين|خمسين|ستين|سبعين|ثمانين|"
    r"تسعين|مائة|مئة|مائتي|مئتي|مئتين|مائتين|ثلاثمئة|ثلاثمائة|أربعمئة|أربعمائة|خمسمئة|"
    r"خمسمائة|ستمئة|ستمائة|سبعمئة|سبعمائة|ثمانمئة|ثمانمائة|تسعمئة|تسعمائة|ألفي|ألفين|ألف|الف)"
)
_SCALE = (
    r"(?:thousand|million|billion|bn|m|k|mn|"
    r"هزار|میلیون|ميليون|میلیارد|ميليارد|لک|"  # (Dari «لک», a lakh: «پنج لک کلدار»)
    r"ألف|الف|آلاف|الاف|مليون|ملايين|مليار|مليارات)"
)
_CUR_BEFORE = (
    r"(?:US\s?\$|\$|€|£|USD|EUR|GBP|IQD|IRR|IRT|AED|SAR|KWD|QAR|BHD|OMR|TRY|SYP|LBP|JOD|AFN|"
    r"AZN|GEL|PKR|EGP|"
    r"دلار|دولار|یورو|يورو)"
)
_CUR_AFTER = (
    r"(?:US\s?dollars?|dollars?|euros?|pounds? sterling|dinars?|rials?|riyals?|tomans?|"
    r"dirhams?|lira|liras|manats?|afghanis?|lari|rupees?|"
    r"USD|EUR|GBP|IQD|IRR|IRT|AED|SAR|KWD|QAR|BHD|OMR|TRY|SYP|LBP|JOD|AFN|AZN|GEL|PKR|"
    r"\$|€|£|"
    r"دلار(?:ی|\u200cای)?|دلار آمریکا|یورو|دینار(?: عراقی)?|تومان|تومن|ریال|منات|افغانی|"
    r"لاری|لیر|لیره|درهم|روپیه|کلدار|"
    r"دولار(?:ا|ات)?(?: أمريكي| امريكي)?|يورو|دينار(?:ا)?(?: عراقي)?|دنانير|ريال(?:ا)?|ريالات|"
    r"تومان|ليرة|ليرات|درهم|دراهم|مانات|أفغاني|روبية|"
    # the Egyptian pound, and the Levant's and the Gulf's short forms («ل.س», «د.ع», «د.ك»)
    r"جنيه(?:ا|ًا|اً)?|جنيهات|ل\.س|ل\.ل|د\.ع|د\.ك|د\.أ|ر\.س|ر\.ع|EGP)"
)
# (an amount set off by brackets or slashes, as Syrian and Iraqi reports write it: «(١٠) آلاف
# دولار», «/٥٠٠٠/ دولار»)
_QUANTITY = (rf"(?:[(/]\s?(?:{_AMOUNT})\s?[)/]|{_AMOUNT}|"
             rf"(?:{_NUMBER_WORDS})(?:[ \-](?:{_NUMBER_WORDS}|و|and))*)")
_MONEY = re.compile(
    rf"(?<![\w$€£]){_CUR_BEFORE}\s?(?:{_AMOUNT})(?:\s?{_SCALE})?(?![\w])"
    rf"|(?<![\w]){_QUANTITY}(?:\s?{_SCALE})?\s?{_CUR_AFTER}(?![\w])",
    re.IGNORECASE,
)


def _money(text: str) -> Iterator[PatternMatch]:
    for m in _MONEY.finditer(text):
        start = m.start()
        if text[start] == "و" and not text.startswith("واحد", start):
            start += 1  # «وخمسة عشر مليون دينار»: "and" is not part of the amount
        yield PatternMatch(start, m.end(), "MONEY", text[start : m.end()], 0.9)


# ------------------------------------------------------------- vehicle plates
# Iranian civil plates: two digits, a letter, three digits, then the two-digit
# region code ("ایران ۶۷"). Typed left-to-right or right-to-left, so both orders.
_AR_LETTER = r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]"
_IRAN_PLATE = re.compile(
    rf"(?<!{D}){D}{{2}}[ \-]?{_AR_LETTER}[ \-]?{D}{{3}}[ \-–|]*(?:ایران|ايران)[ \-]?{D}{{2}}(?!{D})"
    rf"|(?:ایران|ايران)[ \-]?{D}{{2}}[ \-–|]*{D}{{3}}[ \-]?{_AR_LETTER}[ \-]?{D}{{2}}(?!{D})"
)
# After a plate keyword, the plate itself: up to five groups of digits and
# letters (Iraqi plates look like "بغداد 123456 أ" or "12345 A Baghdad").
_PLATE_KEY = (
    r"(?:licen[cs]e plate|number plate|plate (?:number|no\.?)|registration (?:number|plate)|"
    r"plates?|پلاک|پلاك|شماره پلاک|لوحة|لوحة رقم|رقم اللوحة|رقم لوحة|اللوحة)"
)
_PLATE_VALUE = (
    rf"(?:{_AR_LETTER}+|[A-Za-z]{{1,3}}|{D}+)(?:[ \-]{{1,2}}(?:{_AR_LETTER}{{1,6}}|[A-Za-z]{{1,3}}|{D}+)){{0,4}}"
)
_KEYED_PLATE = re.compile(
    rf"{_PLATE_KEY}\s*(?:[:：#]|no\.?|number|شماره|رقم|رقمها)?\s*[«\"“(]?(?P<plate>{_PLATE_VALUE})",
    re.IGNORECASE,
)


def _plate_ok(value: str) -> bool:
    digits = _only_digits(value)
    return 3 <= len(digits) <= 8


def _trim_plate(value: str) -> str:
    """Drop trailing words that follow the plate (keep at most one word after the last digit)."""
    parts = re.split(r"([ \-]+)", value)
    last_digit = max((i for i, p in enumerate(parts) if _only_digits(p)), default=-1)
    keep = parts[: min(len(parts), last_digit + 3)]
    # Keep a single trailing letter group (e.g. "أ" or "A"), but not a following word.
    if len(keep) > last_digit + 1 and len(keep[-1]) > 3:
        keep = keep[: last_digit + 1]
    return "".join(keep).rstrip(" -")


def _plates(text: str) -> Iterator[PatternMatch]:
    for m in _IRAN_PLATE.finditer(text):
        yield PatternMatch(m.start(), m.end(), "VEHICLE", m.group(), 0.95)
    for m in _KEYED_PLATE.finditer(text):
        value = _trim_plate(m.group("plate"))
        if value and _plate_ok(value):
            start = m.start("plate")
            yield PatternMatch(start, start + len(value), "VEHICLE", value, 0.85)


# ---------------------------------------------------------------- coordinates
_DMS_PART = (
    rf"{D}{{1,3}}\s?°\s?(?:{D}{{1,2}}(?:[.٫]{D}+)?\s?['′’]\s?)?(?:{D}{{1,2}}(?:[.٫]{D}+)?\s?(?:\"|″|”|''|′′)\s?)?"
)
_COORD = re.compile(
    rf"(?<![\w.]){_DMS_PART}[NS]\s?,?\s?{_DMS_PART}[EW](?!\w)"
    rf"|(?<![\w.])[NS]\s?{_DMS_PART},?\s?[EW]\s?{_DMS_PART}"
    rf"|(?<![\w.]){D}{{1,2}}(?:[.٫]{D}+)?\s?°\s?[NS],?\s?{D}{{1,3}}(?:[.٫]{D}+)?\s?°\s?[EW](?!\w)"
    rf"|(?<![\w.\-])-?{D}{{1,2}}[.٫]{D}{{3,}}\s?°?\s?[NS]?\s?[,،]\s?-?{D}{{1,3}}[.٫]{D}{{3,}}\s?°?\s?[EW]?(?![\w.])"
)


def _coord_ok(value: str) -> bool:
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", ascii_digits(value).replace("٫", "."))]
    if not numbers:
        return False
    if "°" in value:
        return numbers[0] <= 90
    return len(numbers) == 2 and abs(numbers[0]) <= 90 and abs(numbers[1]) <= 180


def _coords(text: str) -> Iterator[PatternMatch]:
    for m in _COORD.finditer(text):
        value = m.group().rstrip()
        if _coord_ok(value):
            yield PatternMatch(m.start(), m.start() + len(value), "COORD", value, 0.95)


# ---------------------------------------------------------------------- dates
_EN_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_FA_MONTHS = r"فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
_AR_MONTHS = (
    r"كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
    r"كانون الأول|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|"
    r"أكتوبر|اكتوبر|نوفمبر|ديسمبر|محرم|صفر|رمضان|شوال"
)
_SIMPLE_DATE = re.compile(
    rf"(?<!{D}){D}{{4}}[-/.]{D}{{1,2}}[-/.]{D}{{1,2}}(?!{D})"
    rf"|(?<!{D}){D}{{1,2}}[-/.]{D}{{1,2}}[-/.]{D}{{4}}(?!{D})"
    rf"|(?<!\w){D}{{1,2}}\s(?:{_EN_MONTHS})\.?,?\s{D}{{4}}(?!{D})"
    rf"|(?<!\w)(?:{_EN_MONTHS})\.?\s{D}{{1,2}},?\s{D}{{4}}(?!{D})"
    rf"|(?<!\w){D}{{1,2}}\s(?:{_FA_MONTHS}|{_AR_MONTHS})(?:\s(?:ماه|سال))?\s{D}{{4}}(?!{D})"
)


def _fallback_dates(text: str) -> Iterator[PatternMatch]:
    for m in _SIMPLE_DATE.finditer(text):
        yield PatternMatch(m.start(), m.end(), "DATE", m.group(), 0.8)


def _dates(text: str) -> Iterator[PatternMatch]:
    try:
        from kashf.text.dates import find_dates  # lands with the dates module
    except ImportError:
        yield from _fallback_dates(text)
        return
    for found in find_dates(text):
        yield PatternMatch(found.start, found.end, "DATE", text[found.start : found.end], 0.9)


# ---------------------------------------------------------------- resolution
# When two patterns claim overlapping text, the longer wins; on a tie, the one
# listed first (an e-mail address contains something URL-like, a coordinate
# pair looks like money to no one but does look like digits).
FINDERS: tuple[tuple[str, Callable[[str], Iterator[PatternMatch]]], ...] = (
    ("EMAIL", _emails),
    ("URL", _urls),
    ("COORD", _coords),
    ("VEHICLE", _plates),
    ("PHONE", _phones),
    ("MONEY", _money),
    ("DATE", _dates),
)
_PRIORITY = {label: rank for rank, (label, _) in enumerate(FINDERS)}


def _without_overlaps(matches: list[PatternMatch]) -> list[PatternMatch]:
    ranked = sorted(matches, key=lambda m: (-(m.end - m.start), _PRIORITY[m.label], m.start))
    taken: list[PatternMatch] = []
    for match in ranked:
        if all(match.end <= t.start or match.start >= t.end for t in taken):
            taken.append(match)
    return sorted(taken, key=lambda m: (m.start, m.end))


def find_patterns(text: str, labels: frozenset[str] | None = None) -> list[PatternMatch]:
    """Every pattern entity in ``text``, without overlaps, in text order.

    ``labels`` restricts the search to some labels (all when None).
    """
    found: list[PatternMatch] = []
    for label, finder in FINDERS:
        if labels is None or label in labels:
            found.extend(finder(text))
    return _without_overlaps(found)
