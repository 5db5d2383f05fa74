"""Script-agnostic keys for personal and place names.

A name written in Arabic script (Persian or Arabic) and the same name in a Latin
spelling share very little text. What they do share is the *consonant skeleton*:
Arabic script writes consonants and long vowels but no short vowels, and Latin
spellings of one name disagree mostly about vowels (Soleimani, Suleimani,
Sulaymani). So both sides are reduced to one alphabet of consonant classes, with
vowels dropped; the letters that two traditions read differently (ث is *s* in
Persian and *th* in Arabic, ض is *z* or *d*, ج is *j* or Egyptian *g*) yield a
second reading, and matching takes the best pair of readings.

Classes are deliberately coarse where spellings disagree in practice: k, q, g,
kh, gh and ک/ق/گ/خ/غ share ``K``; s and z share ``S`` (Persian writes four
letters for z, and Latin intervocalic s is often voiced); f, v and w share
``F`` (Persian و is v, Arabic writes foreign v as ف).

A second, *vowel-aware* key keeps what each script does write of the vowels
(long vowels in Arabic script, all vowels in Latin, folded to a/i/u) and is used
only to break ties between candidates with the same skeleton (Maria, Mario).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

# --- Arabic-script normalization -------------------------------------------------------------

# Diacritics (harakat, tanwin, shadda, sukun, superscript alef), Quranic marks, tatweel.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "\u200c": "",  # ZWNJ joins a suffix in Persian; for matching it is no boundary
        "\u200d": "",
        "\u200f": "",
        "\u200e": "",
        "ـ": "",
    }
)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_SPLIT = re.compile(r"[\s\-_.,،؛;:/\\|()\[\]{}«»\"“”]+")
_MARKS = re.compile("['‘’`ʿʾʼ\u02bb]")


def is_arabic_script(text: str) -> bool:
    """True when most letters of ``text`` are Arabic-script letters."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return arabic > latin


def normalize_arabic(text: str) -> str:
    """Fold the spelling variants of Arabic script that carry no meaning in a name.

    ي/ى/ئ → ی, ك → ک, ة/ۀ → ه, every hamza-seated alef → ا, ؤ → و; diacritics,
    tatweel and ZWNJ removed. The result is for comparing, never for display.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _AR_MARKS.sub("", text)
    return text.translate(_AR_FOLD)


def fold_latin(text: str) -> str:
    """Lower-case, strip accents and transliteration marks (ā → a, ḥ → h, ʿ → '')."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _MARKS.sub("", text)
    return text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ı", "i")


def tokens(text: str) -> list[str]:
    """Split a name into words on spaces, hyphens and punctuation."""
    return [t for t in _SPLIT.split(text) if t]


# --- consonant classes -----------------------------------------------------------------------

# Each Arabic-script letter: (primary class, alternative class or None). "" drops the letter;
# lower-case a/i/u are vowels (kept in the vowel-aware key only).
_AR_CLASSES: dict[str, tuple[str, str | None]] = {
    "ب": ("B", None), "پ": ("B", None),
    "ت": ("T", None), "ط": ("T", None), "ث": ("S", "T"),
    "ج": ("J", "K"), "چ": ("X", None), "ژ": ("J", None),
    "ح": ("H", None), "خ": ("K", None), "ه": ("H", None),
    "د": ("D", None), "ذ": ("S", "D"), "ض": ("S", "D"), "ظ": ("S", "D"),
    "ر": ("R", None), "ز": ("S", None), "س": ("S", None), "ص": ("S", None), "ش": ("X", None),
    "غ": ("K", None), "ف": ("F", None), "ڤ": ("F", None),
    "ق": ("K", None), "ک": ("K", None), "گ": ("K", None),
    "ل": ("L", None), "م": ("M", None), "ن": ("N", None),
    "ع": ("", None), "ء": ("", None),
    "ا": ("a", None), "ی": ("i", None),
}

_LATIN_DIGRAPHS: dict[str, tuple[str, str | None]] = {
    "sch": ("X", None), "tch": ("X", None),
    "sh": ("X", None), "ch": ("X", "K"), "kh": ("K", None), "gh": ("K", None),
    "th": ("T", "S"), "dh": ("D", "S"), "ph": ("F", None), "zh": ("J", None),
    "ck": ("K", None),
}
_LATIN_SINGLE: dict[str, tuple[str, str | None]] = {
    "b": ("B", None), "p": ("B", None), "d": ("D", None), "f": ("F", None), "g": ("K", None), "v": ("F", None),
    "w": ("F", None), "h": ("H", None), "j": ("J", None), "k": ("K", None), "q": ("K", None),
    "l": ("L", None), "m": ("M", None), "n": ("N", None), "r": ("R", None), "s": ("S", None),
    "z": ("S", None), "t": ("T", None), "x": ("KS", None),
    "a": ("a", None), "e": ("i", None), "i": ("i", None), "y": ("i", None),
    "o": ("u", None), "u": ("u", None),
}
_VOWELS = frozenset("aiu")

# Finer letters for the vowel-aware key only: they break ties inside one coarse class
# (Sonqor/سنقر, not Sangar/سنگر: Latin q is almost always ق).
_AR_FINE = {
    "ق": "q", "غ": "g", "گ": "g", "خ": "x", "ک": "k", "ز": "z", "ذ": "z", "ض": "z", "ظ": "z",
    "ح": "h", "ه": "h", "ط": "t", "ت": "t", "س": "s", "ص": "s", "ث": "s",
}
_LATIN_FINE = {
    "q": "q", "g": "g", "gh": "g", "kh": "x", "k": "k", "c": "k", "ck": "k", "z": "z",
    "s": "s", "h": "h", "t": "t", "th": "s", "dh": "z",
}

Unit = tuple[str, str | None, str]


def _arabic_units(word: str) -> list[Unit]:
    """Consonant-class units (primary, alternative, fine letter) of one Arabic-script word."""
    units: list[Unit] = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch == "و":
            prev = word[i - 1] if i else ""
            nxt = word[i + 1] if i + 1 < n else ""
            # و is a consonant (w/v) word-initially or before a long vowel; else the vowel u/o.
            consonant = i == 0 or nxt in ("ا", "ی") or (prev == "ا" and nxt != "")
            units.append(("F", "u", "F") if consonant else ("u", "F", "u"))
        elif ch == "ه" and i >= 2 and (i == n - 1 or word[i + 1 :] == "ای"):
            # word-final ه is the vowel -e/-a (Fatemeh, Fatima), also before the suffix ای
            # that ZWNJ joined (خامنه‌ای, Khamenei)
            units.append(("a", None, "a"))
        elif ch in _AR_CLASSES:
            primary, alternative = _AR_CLASSES[ch]
            units.append((primary, alternative, _AR_FINE.get(ch, primary)))
    return units


def _latin_units(word: str) -> list[Unit]:
    """Consonant-class units (primary, alternative, fine letter) of one folded Latin word."""
    word = re.sub(r"[^a-z]", "", word)
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # Fatemeh, Allah: a final h after a vowel is not written as ه/ح
    units: list[Unit] = []
    i = 0
    while i < len(word):
        for size in (3, 2):
            chunk = word[i : i + size]
            if len(chunk) == size and chunk in _LATIN_DIGRAPHS:
                primary, alternative = _LATIN_DIGRAPHS[chunk]
                units.append((primary, alternative, _LATIN_FINE.get(chunk, primary)))
                i += size
                break
        else:
            ch = word[i]
            nxt = word[i + 1] if i + 1 < len(word) else ""
            if ch == "c":
                units.append(("S", "K", "s") if nxt in ("e", "i", "y") else ("K", "S", "k"))
            elif ch == "g" and nxt in ("e", "i"):
                units.append(("K", "J", "g"))
            elif ch == "e" and i == len(word) - 1 and i >= 2:
                # Persian final -e/-eh is ه, read as a; but -ie/-ee is the long i (Marie, ماري)
                units.append(("i", None, "i") if word[i - 1] in "ie" else ("a", None, "a"))
            elif ch in _LATIN_SINGLE:
                primary, alternative = _LATIN_SINGLE[ch]
                units.append((primary, alternative, _LATIN_FINE.get(ch, primary)))
            i += 1
    return units


def _render(units: list[Unit], choice: int | None, vowels: bool) -> str:
    """Join units into a key, taking the alternative at index ``choice``; collapse doubles.

    ``vowels`` renders the vowel-aware key (fine letters and vowels) instead of the skeleton.
    """
    out: list[str] = []
    if not vowels and units and units[-1][0] == "i" and len(units) > 1:
        # A final -i is always written in Arabic script (ی) and is the nisba of Persian names:
        # Mohammad and Mohammadi, Ahmad and Ahmadi are different people.
        units = [*units[:-1], ("I", None, "I")]
    for i, (primary, alternative, fine) in enumerate(units):
        value = alternative if (i == choice and alternative is not None) else primary
        if vowels:
            value = fine
        if not vowels and value in _VOWELS:
            continue
        if out and out[-1] == value:
            continue  # doubled letters (Mohammad/Mohamad, shadda) are one sound
        out.append(value)
    return "".join(out)


# --- words that are stripped, merged or folded before keying ----------------------------------

# Standalone articles, with the sun-letter assimilations of Latin spellings (As Sūsah, an Nuʿmān)
# and the Persian ezafe written as a word (Maḩalleh-ye Kāfī).
_ARTICLE_WORDS = frozenset(
    {"al", "el", "ال", "as", "ad", "ar", "at", "az", "an", "ash", "adh", "ath", "ez", "es", "ed", "ye", "e"}
)
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|adh|ath|ud|ur|us|un)-(?=\w{2})")
_KUNYA_AR = ("ابو", "ابی", "ابا")
_KUNYA_LATIN = frozenset({"abu", "abou", "abo", "aboo", "abi", "aba", "bou"})
_SON_AR = frozenset({"بن", "ابن"})
_SON_LATIN = frozenset({"bin", "ibn", "ben", "ebn", "bn", "ibni", "bint"})


def _split_word(word: str, arabic: bool) -> list[tuple[str, str | None]]:
    """Detach prefixes that one spelling joins and another separates (ابومهدی, المالکی).

    Each word comes with an alternative reading or None: a joined ال may be the article
    (المالکی, Maliki) or part of a foreign name (البرت, Albert), so both readings are kept.
    """
    if arabic:
        for kunya in _KUNYA_AR:
            if word.startswith(kunya) and len(word) > len(kunya) + 1:
                return [("ابو", None), *_split_word(word[len(kunya) :], arabic)]
        if word.startswith("ال") and len(word) >= 4 and word != "الله":
            return [(word[2:], word)]
        return [(word, None)]
    if _LATIN_ARTICLE.match(word):
        return [(_LATIN_ARTICLE.sub("", word), None)]
    if word[:2] in ("al", "el") and len(word) >= 6:
        return [(word, word[2:])]
    return [(word, None)]


def _word_forms(name: str) -> list[tuple[str, str | None]]:
    """Folded words of a name with their alternative readings; kunya and ibn unified."""
    arabic = is_arabic_script(name)
    text = normalize_arabic(name) if arabic else fold_latin(name)
    words: list[tuple[str, str | None]] = []
    for raw in tokens(text):
        for word, alternative in _split_word(raw, arabic):
            if not word or word in _ARTICLE_WORDS:
                continue
            if word in _SON_AR or word in _SON_LATIN:
                word = "بن" if arabic else "bin"
            elif arabic and word in _KUNYA_AR:
                word = "ابو"
            elif not arabic and word in _KUNYA_LATIN:
                word = "abu"
            words.append((word, alternative))
    return words


def canonical_words(name: str) -> list[str]:
    """The words of a name in a folded spelling, articles detached, kunya/ibn unified.

    Honorifics are *not* removed here (see :mod:`kashf.resolve.names`).
    """
    return [word for word, _ in _word_forms(name)]


@dataclass(frozen=True)
class NameKeys:
    """Every key of one name: skeleton readings (first = primary) and the vowel-aware key."""

    skeletons: tuple[str, ...]
    vowelled: str
    compact: str

    @property
    def primary(self) -> str:
        return self.skeletons[0] if self.skeletons else ""


_MAX_READINGS = 8


def _word_readings(word: str, alternative: str | None) -> list[str]:
    """The primary skeleton of a word, then one reading per ambiguous letter or prefix."""
    units = _units_of(word)
    readings = [_render(units, None, vowels=False)]
    for i, (_, alt, _fine) in enumerate(units):
        if alt is not None:
            reading = _render(units, i, vowels=False)
            if reading not in readings:
                readings.append(reading)
    if alternative is not None:
        reading = _render(_units_of(alternative), None, vowels=False)
        if reading not in readings:
            readings.append(reading)
    return readings


def _units_of(word: str) -> list[Unit]:
    return _arabic_units(word) if _ARABIC_LETTER.search(word) else _latin_units(word)


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> NameKeys:
    """All keys of ``name``; cached because resolution keys the same spelling many times."""
    forms = _word_forms(name)
    per_word = [_word_readings(word, alternative) for word, alternative in forms]
    primary = [readings[0] for readings in per_word]
    readings = [" ".join(p for p in primary if p)]
    for index, word_readings in enumerate(per_word):
        for alternative in islice(word_readings, 1, None):
            variant = primary[:index] + [alternative] + primary[index + 1 :]
            joined = " ".join(p for p in variant if p)
            if joined not in readings:
                readings.append(joined)
        if len(readings) >= _MAX_READINGS:
            break
    vowelled = " ".join(_render(_units_of(word), None, vowels=True) for word, _ in forms)
    return NameKeys(
        skeletons=tuple(readings[:_MAX_READINGS]),
        vowelled=vowelled.strip(),
        compact=readings[0].replace(" ", ""),
    )
