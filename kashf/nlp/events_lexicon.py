"""The event lexicons (``kashf/nlp/lexicons/*.tsv``) loaded once and compiled to matchers.

Phrases are data, reviewed by people who read the languages; this module only turns
them into regular expressions with the matching rules their README states, and runs
them on a copy of the text folded one character for one character, so every match
offset is an offset into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# One character for one character, so offsets survive: Arabic/Persian letter forms,
# hamza seats, ta marbuta, ZWNJ as a space, Latin lower case.
_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "\u200c": " ",
        "\u00a0": " ",
        "’": "'",
    }
)
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# A clitic written onto the word in Arabic (and, then, with, for; the article).
_CLITIC = r"(?:وال|بال|فال|لل|ال|و|ف|ب|ل)?"
# Suffixes Persian and Arabic write onto a noun or verb (plural, indefinite, possessive).
_SUFFIX = r"(?:هایی|های|ها|ای|ات|ان|شان|مان|ش|م|ند|ید|یم|ی|ه|ین|ون|نا|هم)?"


def fold(text: str, lower: bool = True) -> str:
    """The matching copy of ``text``: same length, folded letters, lower-case Latin."""
    folded = text.translate(_FOLD)
    if not lower:
        return folded
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)


def _phrase_pattern(phrase: str) -> str:
    star = phrase.endswith("*")
    words = fold(phrase.rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    if _ARABIC_SCRIPT.search(phrase):
        tail = r"\w*" if star else _SUFFIX
        return rf"(?<!\w){_CLITIC}{body}{tail}(?!\w)"
    tail = r"[\w-]*" if star else ""
    return rf"(?<![\w-]){body}{tail}(?![\w-])"


@dataclass(frozen=True)
class Hit:
    """One lexicon phrase found in text."""

    tag: str
    start: int
    end: int


class Lexicon:
    """Tagged phrases compiled to one alternation per tag; longest match wins overlaps."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        by_tag: dict[str, list[str]] = {}
        for tag, phrase in entries:
            if not phrase.strip().rstrip("*").strip():
                raise ValueError(f"empty phrase for {tag!r}: it would match everywhere")
            by_tag.setdefault(tag, []).append(phrase)
        self.tags = tuple(by_tag)
        self._patterns = {
            tag: re.compile(
                "|".join(
                    _phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True)
                )
            )
            for tag, phrases in by_tag.items()
        }

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Non-overlapping hits in ``folded[start:end]``, longest first where they overlap."""
        end = len(folded) if end is None else end
        hits = [
            Hit(tag, m.start(), m.end())
            for tag, pattern in self._patterns.items()
            for m in pattern.finditer(folded, start, end)
        ]
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        kept: list[Hit] = []
        for hit in hits:
            if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.start)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kashf.nlp").joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if any(not c.strip() for c in cols):
            raise ValueError(f"{name}:{number}: empty column in {line!r}")
        rows.append([c.strip() for c in cols])
    return rows


EVENT_TYPES = ("meeting", "recruitment", "tasking", "payment", "travel")
TRADECRAFT = (
    "on_foot", "taxi", "car_meeting", "counter_surveillance", "public_place", "religious_site",
    "mall", "exhibition", "hotel", "gift", "photo", "cash_payment", "cover_story", "test_task",
    "dead_drop", "phone",
)
STATUSES = ("happened", "planned", "cancelled", "reported")


def _tagged(name: str, allowed: tuple[str, ...]) -> Lexicon:
    entries = []
    for row in _rows(name):
        if len(row) != 3 or row[0] not in allowed:
            raise ValueError(f"{name}: bad row {row!r} (tag must be one of {allowed})")
        entries.append((row[0], row[2]))
    return Lexicon(entries)


@lru_cache(maxsize=1)
def triggers() -> Lexicon:
    return _tagged("event_triggers.tsv", EVENT_TYPES)


@lru_cache(maxsize=1)
def tradecraft() -> Lexicon:
    return _tagged("tradecraft.tsv", TRADECRAFT)


@lru_cache(maxsize=1)
def status_cues() -> Lexicon:
    return _tagged("status_cues.tsv", STATUSES[1:])


@lru_cache(maxsize=1)
def relative_dates() -> tuple[Lexicon, dict[str, tuple[str, int]]]:
    """A lexicon whose tags are the phrases themselves, and phrase → (anchor, days)."""
    meaning: dict[str, tuple[str, int]] = {}
    entries = []
    for row in _rows("relative_dates.tsv"):
        phrase, _lang, anchor, days = row
        if anchor not in ("story", "document"):
            raise ValueError(f"relative_dates.tsv: bad anchor in {row!r}")
        meaning[phrase] = (anchor, int(days))
        entries.append((phrase, phrase))
    return Lexicon(entries), meaning


@lru_cache(maxsize=1)
def source_cues() -> re.Pattern[str]:
    """Code-named sources: a cue word then a number, a quoted or code-named name, or CAPS.

    Runs on ``fold(text, lower=False)``: the case of a code name (source HUNTER) matters.
    """
    cues = sorted((fold(row[1]) for row in _rows("source_cues.tsv")), key=len, reverse=True)
    cue = "|".join(re.escape(c) for c in cues)
    number = r"(?:شماره\s+|رقم\s+|no\.?\s*|number\s+|#\s*)?[0-9۰-۹٠-٩]+(?:[-/][0-9۰-۹٠-٩]+)?"
    quoted = r"[\"«“'][^\"»”'\n]{1,30}[\"»”']"
    codename = (
        r"(?:با\s+نام\s+(?:رمز|مستعار)|با\s+اسم\s+رمز|ملقب\s+به|code-?named|codename|"
        r"المسمى|الملقب|باسم)\s+(?:" + quoted + r"|\S+)"
    )
    caps = r"[A-Z][A-Z0-9-]{2,}(?![\w])"
    return re.compile(
        rf"(?<!\w)(?i:{cue})\s+(?:(?i:{codename})|{quoted}|(?i:{number})|{caps})"
    )
