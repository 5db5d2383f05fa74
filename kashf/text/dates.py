"""Dates as written, in the Gregorian, Solar Hijri and lunar Hijri calendars.

Leaked cables and reports date themselves in whatever calendar their writers
live by: a US cable in a date-time group (``281848Z DEC 66``), an Iranian report
in Solar Hijri with Persian digits (``۱۳۹۳/۰۷/۲۰``, ``۲۰ مهر ۱۳۹۳``), an Arabic
letter in lunar Hijri (``١٥ ذو الحجة ١٤٣٥``) or in Gregorian with Levantine
month names (``١٢ تشرين الأول ٢٠١٤``). This module finds and parses all of them
and gives each the proleptic Gregorian date, keeping the text, the calendar it
was written in and how precise it is.

Choices a reader of the output must know (also in ``docs/cables.md``):

* ``iso`` is ISO 8601: ``YYYY-MM-DDTHH:MMZ`` for a DTG (UTC), ``YYYY-MM-DD`` for
  a day. A Gregorian month or year keeps its reduced form (``2014-10``,
  ``2014``): that is exact. A Solar or lunar Hijri month or year does not line
  up with a Gregorian month, so ``iso`` is the Gregorian date of its *first
  day* and ``precision`` says ``month``/``year``; ``iso_end`` (``date_end`` in
  JSON) always gives the Gregorian last day of a month or year, so the interval
  is never lost.
* Lunar Hijri follows Umm al-Qura (hijridate). Years outside its table
  (1343–1500 AH) use the arithmetic (tabular, civil epoch) calendar and carry
  the flag ``tabular_fallback``. A day 30 that Umm al-Qura gives only 29 days
  is read as the day after the 29th (local sightings differ) and flagged
  ``local_month_length``.
* ``10/12/2014`` is read month-first (US order) in Latin-script text and
  day-first in Arabic-script text or when written with dots (``10.12.2014``);
  when both readings are valid and differ the date carries the flag
  ``ambiguous_day_month``. A first number over 12 settles the order.
* A numeric date whose year has four digits takes its calendar from an explicit
  marker (``ه.ش``, ``ش``, ``هـ``, ``ق``, ``م``, ``AH``…) or a ``calendar_hint``,
  else from the year: 1800–2199 Gregorian, 1300–1409 Solar Hijri (Iranian
  documents of 1921–2031), 1410–1500 lunar Hijri. Other years are not dates.
* Two-digit DTG years pivot at 50 (``66`` → 1966, ``09`` → 2009).

Invalid dates (31 Mehr, 30 February, month 13) give ``None`` and are skipped by
:func:`find_dates`.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import jdatetime
from hijridate import Hijri

GREGORIAN = "gregorian"
SOLAR_HIJRI = "solar_hijri"
LUNAR_HIJRI = "lunar_hijri"
CALENDARS = (GREGORIAN, SOLAR_HIJRI, LUNAR_HIJRI)


@dataclass(frozen=True)
class ParsedDate:
    """One date found in text, with where it sits and what it means in Gregorian terms."""

    iso: str
    text: str
    calendar: str
    precision: str
    start: int = 0
    end: int = 0
    flags: tuple[str, ...] = ()
    iso_end: str | None = None
    # The calendar date as written (year, month, day; 0 where absent), for display.
    written: tuple[int, int, int] = field(default=(0, 0, 0), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The fields every kashf record carries for a date."""
        return {
            "date": self.iso,
            "date_end": self.iso_end,
            "date_text": self.text,
            "date_calendar": self.calendar,
            "date_precision": self.precision,
        }


# --------------------------------------------------------------------------- normalisation

_DIGITS = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
_LETTERS = {
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "\u200c": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
_CHAR_MAP = {**_DIGITS, **{ord(k): v for k, v in _LETTERS.items()}}
# Marks that carry no meaning for a date: tatweel, harakat, dagger alif, direction marks.
_DROP = set(range(0x064B, 0x0653)) | {0x0640, 0x0670, 0x200D, 0x200E, 0x200F, 0x061C, 0x202A,
                                      0x202B, 0x202C, 0x202D, 0x202E}
_DROP_RUN = re.compile("[" + "".join(chr(code) for code in sorted(_DROP)) + "]+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_NON_ASCII_DIGIT = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")


def _normalize(text: str) -> tuple[str, list[int] | None]:
    """Fold digits and letter variants; return the text and a map back to original offsets.

    The map is None when nothing was dropped, so offsets are the same.
    """
    if text.isascii():
        return text, None
    drops = list(_DROP_RUN.finditer(text))
    if not drops:
        return text.translate(_CHAR_MAP), None
    # the kept characters' offsets, a run between two dropped marks at a time
    index: list[int] = []
    kept = 0
    for m in drops:
        index.extend(range(kept, m.start()))
        kept = m.end()
    index.extend(range(kept, len(text)))
    normalized = _DROP_RUN.sub("", text).translate(_CHAR_MAP)
    index.append(len(text))
    return normalized, index


def _fold(name: str) -> str:
    return _normalize(name)[0].lower()


# --------------------------------------------------------------------------- days in words

# Court rulings, ministry letters and memoirs spell the day out: «في العشرين من مايو ٢٠٢٢»,
# «بیست و سوم مهرماه ۱۴۰۱», "the twentieth of May 2022". The forms are the folded ones that
# ``_normalize`` makes (ی for ي, ا for أ, a space for ZWNJ); ``day_in_words`` reads them.
_FA_ORDINALS = ("یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم",
                "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم",
                "هجدهم", "نوزدهم", "بیستم")
_AR_ORDINALS = ("الاول", "الثانی", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                "التاسع", "العاشر")
_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth")


def _day_word_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for day, word in enumerate(_FA_ORDINALS, 1):
        table[word] = day
    table.update({"اول": 1, "هیجدهم": 18, "هیفدهم": 17, "سی ام": 30, "سیام": 30})
    for day in range(1, 10):
        table[f"بیست و {_FA_ORDINALS[day - 1]}"] = 20 + day
    table["بیست و اول"] = 21
    table["سی و یکم"] = 31
    for day, word in enumerate(_AR_ORDINALS, 1):
        table[word] = day
    table["الحادی"] = 1  # only with «عشر» or a ten after it, below
    for day in range(1, 10):
        unit = "الحادی" if day == 1 else _AR_ORDINALS[day - 1]
        table[f"{unit} عشر"] = 10 + day
        table[f"{unit} و العشرین"] = 20 + day
    table.update({"العشرین": 20, "الثلاثین": 30, "الحادی و الثلاثین": 31})
    del table["الحادی"]
    for day, word in enumerate(_EN_ORDINALS, 1):
        table[word] = day
    for day, word in enumerate(_EN_ORDINALS[:9], 1):
        table[f"twenty {word}"] = 20 + day
    table.update({"thirtieth": 30, "thirty first": 31})
    table["غره"] = 1  # «غرة»: the first of a month («في غرة شهر جوان 2023», «غرة رمضان»)
    return table


_DAY_WORD_TABLE = _day_word_table()
#: The alternation of day words, longest first, with «و» and spaces written loosely
#: («بیست‌وپنجم», «الحادي والعشرين», "twenty-first"); it reads folded and unfolded text alike.
DAY_WORDS = "|".join(
    re.escape(word).replace(r"\ و\ ", "[\\s\u200c]*و[\\s\u200c]*")
    .replace(r"\ ", "[\\s\u200c\\-]*").replace("ی", "[یيى]").replace("ا", "[اأإآ]")
    for word in sorted(_DAY_WORD_TABLE, key=len, reverse=True)
)


# A Persian year in words, as verdicts and official letters write it: «یک هزار و چهارصد و یک»,
# «یکهزار و سیصد و نود و هشت», «دو هزار و بیست و دو» (a Gregorian year).
_NUMBER_WORDS_FA = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15,
    "شانزده": 16, "هفده": 17, "هیفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19,
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90,
    "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}
_NUMBER_WORD_FA = "|".join(
    word.replace("ی", "[یيى]") for word in sorted(_NUMBER_WORDS_FA, key=len, reverse=True)
)
YEAR_WORDS_FA = (
    r"(?:(?:[یيى]ک|دو)[\s\u200c]*)?هزار"
    rf"(?:[\s\u200c]+و[\s\u200c]*(?:{_NUMBER_WORD_FA})(?![^\W\d_]))+"
)


def year_in_words(written: str) -> int | None:
    """The year a Persian year in words names (``یک هزار و چهارصد و یک`` → 1401)."""
    folded = _fold(written).replace("\u200c", " ")
    head, _, rest = folded.partition("هزار")
    thousands = {"": 1, "یک": 1, "دو": 2}.get(head.strip())
    if thousands is None:
        return None
    total = thousands * 1000
    for word in re.split(r"(?:^|\s)و(?:\s|$)", rest.strip()):  # «و» alone, not inside «نود»
        if not word:
            continue
        value = _NUMBER_WORDS_FA.get(word.strip())
        if value is None:
            return None
        total += value
    return total


# An Arabic year in words, as Jordanian and Gulf rulings write it: «لعام ألفين وثلاثة وعشرين»,
# «ألف وتسعمائة وتسعين». Forms as ``_normalize`` folds them (ا for أ, ه for ة, ی for ي).
_NUMBER_WORDS_AR = {
    "واحد": 1, "واحده": 1, "اثنین": 2, "اثنان": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
    "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانیه": 8, "ثمانی": 8,
    "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "احد عشر": 11, "احدی عشر": 11, "اثنا عشر": 12,
    "اثنی عشر": 12, "ثلاثه عشر": 13, "اربعه عشر": 14, "خمسه عشر": 15, "سته عشر": 16,
    "سبعه عشر": 17, "ثمانیه عشر": 18, "تسعه عشر": 19, "عشرین": 20, "عشرون": 20, "ثلاثین": 30,
    "ثلاثون": 30, "اربعین": 40, "اربعون": 40, "خمسین": 50, "خمسون": 50, "ستین": 60, "ستون": 60,
    "سبعین": 70, "سبعون": 70, "ثمانین": 80, "ثمانون": 80, "تسعین": 90, "تسعون": 90,
    "تسعمائه": 900, "تسعمئه": 900, "ثمانمائه": 800, "ثمانمئه": 800,
}
_NUMBER_WORD_AR = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                           for w in sorted(_NUMBER_WORDS_AR, key=len, reverse=True))
YEAR_WORDS_AR = rf"(?:الفین|الفان|الف)(?:\s+و\s*(?:{_NUMBER_WORD_AR})(?![^\W\d_]))+"


def year_in_arabic_words(written: str) -> int | None:
    """The year an Arabic year in words names (``ألفين وثلاثة وعشرين`` → 2023)."""
    folded = re.sub(r"\s+", " ", _fold(written)).strip()
    head, _, rest = folded.partition(" ")
    total = {"الفین": 2000, "الفان": 2000, "الف": 1000}.get(head)
    if total is None:
        return None
    for word in re.split(r"\s*(?:^|\s)و\s*", rest):
        if word:
            value = _NUMBER_WORDS_AR.get(word.strip())
            if value is None:
                return None
            total += value
    return total


def day_in_words(written: str) -> int | None:
    """The day a folded day word names (``بیست وپنجم`` → 25), None when it is not one."""
    return _DAY_WORD_KEYS.get(re.sub(r"[\s\-]+", "", _fold(written)))


# Looked up without spaces or hyphens: «بیست و سوم», «بیست‌وسوم», «بیست وسوم» are one.
_DAY_WORD_KEYS = {re.sub(r"[\s\-]+", "", word): day for word, day in _DAY_WORD_TABLE.items()}


# --------------------------------------------------------------------------- month names

# Arabic names include the Maghreb's (Morocco: ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر;
# Algeria and Tunisia: جانفي، فيفري، جوان، أفريل، جويلية). «جوان» (June) is also Persian for
# "young" («۲۰ جوان» is twenty young men): it is a month only with a day and a year.
_GREGORIAN_MONTHS = {
    1: "january jan ژانویه ژانویه‌ی يناير كانون الثاني جانفي ك٢ ك2",
    2: "february feb فوریه فبراير شباط فيفري",
    3: "march mar مارس آذار",
    4: "april apr آوریل أبريل ابريل إبريل نيسان أفريل",
    5: "may مه می مای مايو أيار ايار",
    6: "june jun ژوئن يونيو يونيه حزيران جوان",
    7: "july jul ژوئیه ژوییه جولای يوليو يوليه تموز يوليوز جويلية",
    8: "august aug اوت آگوست أغسطس اغسطس آب غشت",
    9: "september sept sep سپتامبر سبتمبر أيلول ايلول شتنبر",
    10: "october oct اکتبر أكتوبر اكتوبر تشرين الأول ت١ ت1",
    11: "november nov نوامبر نوفمبر تشرين الثاني نونبر ت٢ ت2",
    12: "december dec دسامبر ديسمبر كانون الأول دجنبر ك١ ك1",
}
# («ك١», «ت٢»: the Levant's short forms of كانون الأول, تشرين الثاني, as in «الجمعة ١٥ ك١»)
# Multi-word names are joined with "_" in the tables above and below; see _month_table.
_MULTIWORD = ("كانون الثاني", "كانون الأول", "تشرين الأول", "تشرين الثاني")
_SOLAR_MONTHS = {
    1: "فروردین", 2: "اردیبهشت", 3: "خرداد", 4: "تیر", 5: "مرداد امرداد", 6: "شهریور",
    7: "مهر", 8: "آبان", 9: "آذر", 10: "دی", 11: "بهمن", 12: "اسفند",
}
# Afghanistan's names of the same months, by the zodiac. Most are also common words (حمل is
# "carrying", میزان "amount"), so they count only after a day: «۱۷ اسد ۱۳۹۹».
_DARI_MONTHS = {
    1: "حمل", 2: "ثور", 3: "جوزا جوزاء", 4: "سرطان", 5: "اسد", 6: "سنبله سنبلة", 7: "میزان",
    8: "عقرب", 9: "قوس", 10: "جدی", 11: "دلو", 12: "حوت",
}
_LUNAR_MONTHS = {
    1: ["محرم", "محرم الحرام"],
    2: ["صفر", "صفر المظفر"],
    3: ["ربيع الأول", "ربيع الاول", "ربیع‌الاول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع الاخر", "ربیع‌الثانی", "ربیع‌الآخر", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الاولى", "جمادی‌الاول", "جمادی‌الاولی", "جمادى الأول"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادی‌الثانی", "جمادی‌الآخر",
        "جمادی‌الثانیه", "جمادى الاخرة"],
    7: ["رجب", "رجب المرجب"],
    8: ["شعبان", "شعبان المعظم"],
    9: ["رمضان", "رمضان المبارك"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذی‌القعده", "ذیقعده"],
    12: ["ذو الحجة", "ذي الحجة", "ذی‌الحجه", "ذیحجه"],
}


def _month_table() -> dict[str, tuple[str, int]]:
    """Folded month name → (calendar, month number)."""
    table: dict[str, tuple[str, int]] = {}
    for number, names in _GREGORIAN_MONTHS.items():
        for multi in _MULTIWORD:
            names = names.replace(multi, multi.replace(" ", "_"))
        for name in names.split():
            table[_fold(name.replace("_", " "))] = (GREGORIAN, number)
    for number, names in _SOLAR_MONTHS.items():
        for name in names.split():
            table[_fold(name)] = (SOLAR_HIJRI, number)
    for number, names in _DARI_MONTHS.items():
        for name in names.split():
            table[_fold(name)] = (SOLAR_HIJRI, number)
    for number, lunar in _LUNAR_MONTHS.items():
        for name in lunar:
            table[_fold(name)] = (LUNAR_HIJRI, number)
    return table


_MONTHS = _month_table()
#: Every written form of the lunar Hijri months («ذو الحجة», «ذي الحجة», «ذی‌الحجه» …), for
#: finders elsewhere that look for a day and month without a year.
LUNAR_MONTH_NAMES = tuple(name for names in _LUNAR_MONTHS.values() for name in names)
# Spaces inside a name may be missing or doubled ("ذوالحجه", "ذی الحجه").
_MONTH_ALTERNATIVES = "|".join(
    re.escape(name).replace(r"\ ", r"\s*") for name in sorted(_MONTHS, key=len, reverse=True)
)


def _month_of(matched: str) -> tuple[str, int]:
    key = re.sub(r"\s+", " ", matched.lower())
    found = _MONTHS.get(key) or _MONTHS.get(key.replace(" ", ""))
    if found:
        return found
    # A name written without its inner space: compare with spaces removed.
    for name, value in _MONTHS.items():
        if name.replace(" ", "") == key.replace(" ", ""):
            return value
    raise KeyError(matched)


def month_of(name: str) -> tuple[str, int] | None:
    """(calendar, number) of a month's written name («آب», «اردیبهشت», «رجب»), None when the
    name is no month's."""
    try:
        return _month_of(_fold(name))
    except KeyError:
        return None


# Calendar markers written after a year. Longest first; "ه" alone is the Arab lunar "هـ".
_MARKERS = [
    ("هجری شمسی", SOLAR_HIJRI), ("هجری قمری", LUNAR_HIJRI), ("ه ش", SOLAR_HIJRI),
    ("ه ق", LUNAR_HIJRI), ("شمسی", SOLAR_HIJRI), ("قمری", LUNAR_HIJRI), ("هجریه", LUNAR_HIJRI),
    ("هجری", LUNAR_HIJRI), ("میلادی", GREGORIAN), ("میلادیه", GREGORIAN), ("ش", SOLAR_HIJRI),
    ("ق", LUNAR_HIJRI), ("ه", LUNAR_HIJRI), ("م", GREGORIAN), ("AH", LUNAR_HIJRI),
    ("AD", GREGORIAN), ("CE", GREGORIAN), ("SH", SOLAR_HIJRI),
]
_MARKER_RE = "|".join(
    r"\s*\.?\s*".join(re.escape(part) for part in marker.split())
    for marker, _ in sorted(_MARKERS, key=lambda m: len(m[0]), reverse=True)
)
_MARKER_OF = {marker.replace(" ", ""): calendar for marker, calendar in _MARKERS}


def _marker_calendar(marker: str | None) -> str | None:
    if not marker:
        return None
    return _MARKER_OF.get(re.sub(r"[\s.]", "", marker).upper() if marker.isascii()
                          else re.sub(r"[\s.]", "", marker))


# --------------------------------------------------------------------------- patterns

_EN_MONTH = r"JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
_EN_MONTH_NUM = {name: i + 1 for i, name in enumerate(_EN_MONTH.split("|"))}
_SUFFIX = rf"(?:\s*(?P<marker>(?:{_MARKER_RE}))(?![^\W\d_]))?"

_DTG = re.compile(
    rf"(?<![\w])(?P<d>\d{{2}})(?P<h>\d{{2}})(?P<mi>\d{{2}})\s?Z\s*(?P<mon>{_EN_MONTH})[A-Z]*\s*(?P<y>\d{{4}}|\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?<![\w/.\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<z>Z|[+-]00:?00)?)?(?![\w\-])"
)
_YMD = re.compile(
    rf"(?<![\w/.\-])(?P<y>\d{{4}})\s?(?P<sep>[/.\-])\s?(?P<m>\d{{1,2}})\s?(?P=sep)\s?(?P<d>\d{{1,2}})(?![\d/\-]|\.\d|[A-Za-z_]){_SUFFIX}"
)
_DMY = re.compile(
    rf"(?<![\w/.\-])(?P<a>\d{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<b>\d{{1,2}})\s?(?P=sep)\s?(?P<y>\d{{4}})(?![\d/\-]|\.\d|[A-Za-z_]){_SUFFIX}"
)
# "05.10.22": a European day, month and two-digit year, dotted and two digits each (a
# version number such as 1.2.3 is not one; nor a dotted quad).
_DMY_SHORT = re.compile(
    r"(?<![\w/.\-])(?P<a>[0-3]\d)\.(?P<b>[01]\d)\.(?P<y>\d{2})(?![\d]|\.\d|[A-Za-z_])"
)
_NAMED = re.compile(
    # «١٤ من أبريل ٢٠٢٢» and «العشرين من مايو»: Arabic joins the day to its month with «من»
    rf"(?<![^\W\d_])(?:(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(?P<w1>{DAY_WORDS}))"
    rf"[\s,\-]*(?:(?:of|من)\s+)?(?:شهر\s+)?)?"  # «في غرة شهر جوان 2023»
    # «١٤ آب/أغسطس ٢٠٢٢»: the Levantine and the Egyptian name of one month, side by side
    rf"(?P<mon>{_MONTH_ALTERNATIVES})(?:\s*/\s*(?:{_MONTH_ALTERNATIVES}))?(?:\s*ماه)?(?![^\W\d_])\.?"
    # (the year on the same line: «۸ عقرب» heading a day, «- ۱۲۰۰ دالر …» the next line)
    # («الـ ٢ من تشرين الأول عام ٢٠٢٢», «۱۲ مهر سال ۱۴۰۲»: the year's word before it)
    rf"(?:[\s,\-]*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:[^\S\n]|[,\-])*"
    # («في شهر يوليو من العام ٢٠٢٢»: "of the year")
    rf"(?:(?:من[^\S\n]+)?(?:سال|ل?عام|العام|ل?سنة|ل?سنه)[^\S\n]*)?"
    # (not a span of hours: "Wednesday 10 May, 2015–2100hrs")
    rf"(?P<y>\d{{4}})(?![\dA-Za-z_])(?!\s*[–\-—]\s*[0-2]\d[0-5]\d\s*(?:hrs|hours|h)\b){_SUFFIX}",
    re.IGNORECASE,
)
# A Persian or Dari day and month with the year's last two digits: «۱۷ دی ۹۸», «۲۰ اسد ۹۸» (Solar
# 1398; «۵ مهر ۰۲» is 1402). Not a time or a count after it («۱۲ مهر ۹۸:۳۰», «۹۸۰», «۹۸.۵»); a
# full stop may end the sentence («… به آذر ۹۴.»).
_SOLAR_NAMES = "|".join(
    re.escape(_fold(name)) for names in (*_SOLAR_MONTHS.values(), *_DARI_MONTHS.values())
    for name in sorted(names.split(), key=len, reverse=True)
)
_NAMED_SHORT_SOLAR = re.compile(
    # (the day in words too: «هجدهم اردیبهشت ۹۲», «دهم آبان ۹۶»)
    rf"(?<!\w)(?:(?P<d>\d{{1,2}})|(?P<w>{DAY_WORDS}))[^\S\n]+(?P<mon>{_SOLAR_NAMES})(?:[^\S\n]*ماه)?[^\S\n]+"
    rf"(?:سال[^\S\n]+)?(?P<y>\d{{2}})(?![\d:/\-]|\.\d|[^\W\d_]|[^\S\n]*[%٪])",
)
# The same without the day, «اسفند ۹۷», «مهرماه سال ۹۹»: the month (_read_named_short_solar). A
# pass of its own, run only on text in Arabic script: a pattern that may start at any month's
# name costs every text's date search.
_MONTH_SHORT_SOLAR = re.compile(
    # (an empty day group, so that the day-month's reader reads it as the month alone)
    rf"(?<!\w)(?P<d>)(?P<mon>{_SOLAR_NAMES})(?:[^\S\n]*ماه)?[^\S\n]+"
    rf"(?:سال[^\S\n]+)?(?P<y>\d{{2}})(?![\d:/\-]|\.\d|[^\W\d_]|[^\S\n]*[%٪])",
)
# The same, with the year in words: a pass of its own, run only on text that holds «هزار»
# (inside _NAMED the alternative made every text's date search a fifth slower).
_NAMED_YEAR_WORDS = re.compile(
    rf"(?<![^\W\d_])(?:(?:(?P<d1>\d{{1,2}})|(?P<w1>{DAY_WORDS}))[\s,\-]*)?"
    rf"(?P<mon>{_MONTH_ALTERNATIVES})(?:\s*ماه)?(?![^\W\d_])[\s,\-]*(?:سال\s*)?"
    rf"(?P<yw>{YEAR_WORDS_FA})(?![^\W\d_])",
    re.IGNORECASE,
)
# The same in Arabic: «في الخامس عشر من شهر آذار لعام ألفين وثلاثة وعشرين».
_NAMED_YEAR_WORDS_AR = re.compile(
    rf"(?<![^\W\d_])(?:(?:(?P<d1>\d{{1,2}})|(?P<w1>{DAY_WORDS}))\s+(?:من\s+)?(?:شهر\s+)?)?"
    rf"(?P<mon>{_MONTH_ALTERNATIVES})(?![^\W\d_])[\s,،\-]*(?:ل?(?:عام|سنه)\s+)?"
    rf"(?P<yw>{YEAR_WORDS_AR})(?![^\W\d_])",
    re.IGNORECASE,
)
_YEAR_MARKED = re.compile(rf"(?<![\w/.\-])(?P<y>\d{{4}})\s*(?P<marker>{_MARKER_RE})(?![^\W\d_])")
_SHORT_YMD = re.compile(r"^(?P<y>\d{2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<d>\d{1,2})$")
_YEAR_ONLY = re.compile(r"^(?P<y>\d{4})$")


# --------------------------------------------------------------------------- conversion

def _calendar_of_year(year: int) -> str | None:
    if 1800 <= year <= 2199:
        return GREGORIAN
    if 1300 <= year <= 1409:
        return SOLAR_HIJRI
    if 1410 <= year <= 1500:
        return LUNAR_HIJRI
    return None


def _tabular_jdn(year: int, month: int, day: int) -> int:
    """Julian day number of a date in the arithmetic Islamic calendar (civil epoch 16 July 622)."""
    return day + -(-59 * (month - 1) // 2) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439


def _tabular_month_length(year: int, month: int) -> int:
    if month == 12:
        return 30 if (14 + 11 * year) % 30 < 11 else 29
    return 30 if month % 2 else 29


def _from_jdn(jdn: int) -> _dt.date:
    return _dt.date.fromordinal(jdn - 1721425)


def _lunar_to_gregorian(year: int, month: int, day: int) -> tuple[_dt.date, tuple[str, ...]] | None:
    """Umm al-Qura when its table covers the year, else the tabular calendar (flagged)."""
    if not (1 <= month <= 12 and 1 <= day <= 30) or year < 1:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except OverflowError:
        if day > _tabular_month_length(year, month):
            return None
        return _from_jdn(_tabular_jdn(year, month, day)), ("tabular_fallback",)
    except ValueError:
        return None
    if day > length:
        first = Hijri(year, month, 1).to_gregorian()
        return first + _dt.timedelta(days=day - 1), ("local_month_length",)
    gregorian = Hijri(year, month, day).to_gregorian()
    return _dt.date(gregorian.year, gregorian.month, gregorian.day), ()


def _to_gregorian(calendar: str, year: int, month: int, day: int
                  ) -> tuple[_dt.date, tuple[str, ...]] | None:
    """One calendar day in Gregorian terms, or None when no such day exists."""
    try:
        if calendar == GREGORIAN:
            return _dt.date(year, month, day), ()
        if calendar == SOLAR_HIJRI:
            if year < 1:
                return None
            return jdatetime.date(year, month, day).togregorian(), ()
    except (ValueError, OverflowError):
        return None
    return _lunar_to_gregorian(year, month, day)


def _month_span(calendar: str, year: int, month: int
                ) -> tuple[_dt.date, _dt.date, tuple[str, ...]] | None:
    first = _to_gregorian(calendar, year, month, 1)
    if first is None:
        return None
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    after = _to_gregorian(calendar, following[0], following[1], 1)
    if after is None:
        return None
    return first[0], after[0] - _dt.timedelta(days=1), first[1] + after[1]


def _build(calendar: str, year: int, month: int, day: int, text: str,
           hour: int | None = None, minute: int | None = None,
           flags: tuple[str, ...] = ()) -> ParsedDate | None:
    """A ParsedDate at the precision the parts give (month 0 = year only, day 0 = month)."""
    if month == 0:
        first = _month_span(calendar, year, 1)
        last = _month_span(calendar, year, 12)
        if first is None or last is None:
            return None
        iso = f"{year:04d}" if calendar == GREGORIAN else first[0].isoformat()
        return ParsedDate(iso, text, calendar, "year", flags=_merge(flags, first[2] + last[2]),
                          iso_end=last[1].isoformat(), written=(year, 0, 0))
    if not 1 <= month <= 12:
        return None
    if day == 0:
        span = _month_span(calendar, year, month)
        if span is None:
            return None
        iso = f"{year:04d}-{month:02d}" if calendar == GREGORIAN else span[0].isoformat()
        return ParsedDate(iso, text, calendar, "month", flags=_merge(flags, span[2]),
                          iso_end=span[1].isoformat(), written=(year, month, 0))
    converted = _to_gregorian(calendar, year, month, day)
    if converted is None:
        return None
    date, extra = converted
    if hour is not None and minute is not None:
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            return None
        return ParsedDate(f"{date.isoformat()}T{hour:02d}:{minute:02d}Z", text, calendar, "minute",
                          flags=_merge(flags, extra), written=(year, month, day))
    return ParsedDate(date.isoformat(), text, calendar, "day", flags=_merge(flags, extra),
                      written=(year, month, day))


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a + b))


def _dtg_year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 1900 if year >= 50 else 2000
    return year


# --------------------------------------------------------------------------- per-pattern readers

def _read_dtg(m: re.Match[str], text: str, _ctx: _Context) -> ParsedDate | None:
    return _build(GREGORIAN, _dtg_year(m["y"]), _EN_MONTH_NUM[m["mon"][:3].upper()], int(m["d"]),
                  text, int(m["h"]), int(m["mi"]))


def _read_iso(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    year = int(m["y"])
    calendar = ctx.hint or _calendar_of_year(year)
    if calendar is None:
        return None
    hour = int(m["h"]) if m["h"] and m["z"] else None
    minute = int(m["mi"]) if m["mi"] and m["z"] else None
    return _build(calendar, year, int(m["m"]), int(m["d"]), text, hour, minute)


def _read_ymd(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    year = int(m["y"])
    calendar = _marker_calendar(m["marker"]) or ctx.hint or _calendar_of_year(year)
    if calendar is None:
        return None
    return _build(calendar, year, int(m["m"]), int(m["d"]), text)


def _read_dmy(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    year, a, b = int(m["y"]), int(m["a"]), int(m["b"])
    calendar = _marker_calendar(m["marker"]) or ctx.hint or _calendar_of_year(year)
    if calendar is None:
        return None
    if calendar != GREGORIAN:
        # Hijri dates written with the year last are always day-first.
        return _build(calendar, year, b, a, text)
    day_first = ctx.day_first if ctx.day_first is not None else m["sep"] == "."
    if a > 12 >= b:
        day_first = True
    elif b > 12 >= a:
        day_first = False
    day, month = (a, b) if day_first else (b, a)
    flags = ("ambiguous_day_month",) if a <= 12 and b <= 12 and a != b else ()
    return _build(calendar, year, month, day, text, flags=flags)


def _read_dmy_short(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    return _build(GREGORIAN, _dtg_year(m["y"]), int(m["b"]), int(m["a"]), text)


_DARI_NAMES = frozenset(_fold(n) for names in _DARI_MONTHS.values() for n in names.split())


def _read_named(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    if m["d1"] and m["d2"]:
        return None
    if _fold(m["mon"]) in _DARI_NAMES and not (m["d1"] or m["w1"]):
        return None  # «حمل ۱۴۰۰ تن» is a load of 1,400 tonnes, not Hamal 1400
    calendar, month = _month_of(m["mon"])
    day = int(m["d1"] or m["d2"] or 0) or (day_in_words(m["w1"]) if m["w1"] else 0) or 0
    year = int(m["y"])
    if _fold(m["mon"]) == "جوان" and not (day and 1900 <= year <= 2100):
        return None  # «جوان ۱۴۰۰»: a young man, not June
    if calendar == GREGORIAN and not 1000 <= year <= 2999:
        return None
    return _build(calendar, year, month, day, text)


def _read_named_short_solar(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    calendar, month = _month_of(m["mon"])
    if calendar != SOLAR_HIJRI:
        return None
    two = int(m["y"])
    before = m.string[max(0, m.start() - 2):m.start()]
    words = m.groupdict().get("w")
    day = int(m["d"] or 0) or (day_in_words(words) or 0 if words else 0)
    if not day and (_fold(m["mon"]) in _DARI_NAMES or 10 <= two < 50
                    or re.search(r"\d\s*$", before)):
        # A month alone with two digits after it is a date only where the digits read as a
        # year people write this way (1350–1409): «تیر ۲۰» is more likely a count than 1420,
        # and «اسد ۹۸» a name (Asad) as often as the Dari month; after a number («کد 1512 مهر
        # 98») it is a stamp's code.
        return None
    return _build(SOLAR_HIJRI, solar_year_of_two_digits(two), month, day, text)


def _read_named_year_words(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    calendar, month = _month_of(m["mon"])
    day = int(m["d1"] or 0) or (day_in_words(m["w1"]) if m["w1"] else 0) or 0
    # a Persian year in words («یک هزار و چهارصد و یک»), or an Arabic one («ألفين وثلاثة وعشرين»)
    year = year_in_words(m["yw"]) or year_in_arabic_words(m["yw"]) or 0
    if not (1300 <= year <= 1500 or 1900 <= year <= 2100):
        return None
    return _build(calendar, year, month, day, text)


def _read_year_marked(m: re.Match[str], text: str, ctx: _Context) -> ParsedDate | None:
    calendar = _marker_calendar(m["marker"])
    if calendar is None:
        return None
    return _build(calendar, int(m["y"]), 0, 0, text)


@dataclass(frozen=True)
class _Context:
    hint: str | None
    day_first: bool | None


_READERS = (
    (_DTG, _read_dtg),
    (_ISO, _read_iso),
    (_YMD, _read_ymd),
    (_DMY, _read_dmy),
    (_DMY_SHORT, _read_dmy_short),
    (_NAMED, _read_named),
    (_NAMED_SHORT_SOLAR, _read_named_short_solar),
    (_YEAR_MARKED, _read_year_marked),
)
_WORDS_READERS = ((_NAMED_YEAR_WORDS, _read_named_year_words),)


# --------------------------------------------------------------------------- public API

def parse_date(text: str, calendar_hint: str | None = None,
               day_first: bool | None = None) -> ParsedDate | None:
    """Parse ``text`` as one date (surrounding spaces and punctuation allowed), or return None.

    ``calendar_hint`` (``gregorian``, ``solar_hijri``, ``lunar_hijri``) decides the
    calendar of a numeric date that carries no marker, and lets a two-digit year be
    read in Hijri forms (``۹۳/۷/۲۰`` with ``solar_hijri`` → 1393/7/20). ``day_first``
    forces the order of ``10/12/2014``; by default it is month-first unless the text
    is in Arabic script or uses dots.
    """
    if calendar_hint is not None and calendar_hint not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar_hint!r}; expected one of {CALENDARS}")
    raw = text.strip().strip(".,;:،؛").strip()
    if not raw:
        return None
    normalized, _ = _normalize(raw)
    normalized = normalized.strip()
    ctx = _Context(calendar_hint, _day_first_default(raw, day_first))
    for pattern, reader in _READERS:
        m = pattern.fullmatch(normalized)
        if m:
            found = reader(m, raw, ctx)
            if found is not None:
                return _placed(found, 0, len(raw))
            return None
    return _parse_bare(normalized, raw, ctx)


def _parse_bare(normalized: str, raw: str, ctx: _Context) -> ParsedDate | None:
    """Forms accepted only when the whole text is the date: a bare year, a two-digit Hijri year."""
    m = _YEAR_ONLY.fullmatch(normalized)
    if m:
        year = int(m["y"])
        calendar = ctx.hint or _calendar_of_year(year)
        return _placed(_build(calendar, year, 0, 0, raw), 0, len(raw)) if calendar else None
    m = _SHORT_YMD.fullmatch(normalized)
    hijri_script = bool(_NON_ASCII_DIGIT.search(raw))
    if m and (ctx.hint in (SOLAR_HIJRI, LUNAR_HIJRI) or hijri_script):
        calendar = ctx.hint or SOLAR_HIJRI
        short = int(m["y"])
        year = solar_year_of_two_digits(short)
        if calendar == LUNAR_HIJRI:
            year = 1400 + short
        return _placed(_build(calendar, year, int(m["m"]), int(m["d"]), raw), 0, len(raw))
    return None


def solar_year_of_two_digits(two: int) -> int:
    """A Solar Hijri year from its last two digits: «۹۸» is 1398, «۰۲» is 1402."""
    return (1400 if two < 50 else 1300) + two


def _placed(found: ParsedDate | None, start: int, end: int) -> ParsedDate | None:
    if found is None:
        return None
    return ParsedDate(found.iso, found.text, found.calendar, found.precision, start, end,
                      found.flags, found.iso_end, found.written)


def _day_first_default(text: str, day_first: bool | None) -> bool | None:
    if day_first is not None:
        return day_first
    return True if _ARABIC_SCRIPT.search(text) else None


def find_dates(text: str) -> list[ParsedDate]:
    """Every date in ``text``, in order, with ``start``/``end`` code-point offsets into ``text``.

    Overlapping readings keep the one that starts first, then the longest
    (``281848Z DEC 66`` wins over ``DEC 66``). Bare numbers and bare years are
    not dates here; a year counts alone only with a calendar marker (``۱۳۹۳ ه.ش``).
    """
    normalized, index = _normalize(text)
    candidates: list[tuple[int, int, re.Match[str], Any]] = []
    readers = _READERS + _WORDS_READERS if "هزار" in normalized else _READERS
    if "الف" in normalized:  # «ألفين وثلاثة وعشرين»: an Arabic year in words
        readers = (*readers, (_NAMED_YEAR_WORDS_AR, _read_named_year_words))
    if _ARABIC_SCRIPT.search(normalized):
        readers = (*readers, (_MONTH_SHORT_SOLAR, _read_named_short_solar))
    for pattern, reader in readers:
        for m in pattern.finditer(normalized):
            end = m.end()
            while end > m.start() and normalized[end - 1].isspace():
                end -= 1
            candidates.append((m.start(), end, m, reader))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[ParsedDate] = []
    taken_until = -1
    for start, end, m, reader in candidates:
        if start < taken_until:
            continue
        o_start, o_end = (start, end) if index is None else (index[start], index[end - 1] + 1)
        while o_end < len(text) and ord(text[o_end]) in _DROP:  # the tatweel of "هـ"
            o_end += 1
        written = text[o_start:o_end]
        ctx = _Context(None, _day_first_default(_window(text, o_start, o_end), None))
        parsed = reader(m, written, ctx)
        if parsed is None:
            continue
        found.append(_placed(parsed, o_start, o_end))  # type: ignore[arg-type]
        taken_until = end
    return found


def _window(text: str, start: int, end: int) -> str:
    """The date with a little context: Arabic-script words nearby make 10/12/2014 day-first."""
    return text[max(0, start - 40):end + 40]
