"""Tokens and folded word forms shared by the tagger, its features and the gazetteer.

Persian and Arabic spell one word many ways: ي/ی and ك/ک, hamza seats, optional
diacritics, tatweel, ZWNJ. The model and the gazetteer both look at a *folded*
form so those variants meet; offsets always come from the unfolded text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# A word is a run of letters/digits plus the marks and joiners that live inside
# Arabic-script words; anything else that is not a space is a token of its own.
# A Latin word keeps an apostrophe (or ’ ʼ `) followed by two or more letters: the
# ʿayn or hamza of a transliteration ("al-Sa'adi", "Ma’rib", "O'Brien"), while a
# possessive or a contraction ("Menga's", "don't") still splits off.
_LATIN = "A-Za-z\u00c0-\u024f"
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|[{_LATIN}]+(?:['’ʼ`][{_LATIN}]{{2,}})+"
    r"|[\w\u064B-\u065F\u0670\u0640\u200c\u200d]+|[^\s\w\u200e\u200f\u061c]"
)

_LETTER_MAP = str.maketrans({
    "ی": "ي", "ى": "ي", "ک": "ك", "ة": "ه", "ٱ": "ا", "ۀ": "ه", "ە": "ه",
    "ۆ": "و", "ێ": "ي", "ڵ": "ل", "ڕ": "ر", "ء": "",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


class Token(NamedTuple):
    """A token: its text and code-point span in the original text."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with their offsets (code points, end exclusive)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The folded form: no diacritics, tatweel or joiners, one letter per variant, lower case."""
    decomposed = unicodedata.normalize("NFKD", word)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) not in ("Mn", "Cf"))
    return kept.translate(_LETTER_MAP).replace("\u0640", "").lower()


_PROCLITICS = re.compile(r"^(?:و|ف)?(?:لل|(?:ب|ل|ك)?ال)")
_CONJ = re.compile(r"^(?:و|ف)(?=..)")


@lru_cache(maxsize=200_000)
def strip_clitics(folded: str) -> str:
    """A folded Arabic word without its conjunction, preposition and article (والعراق -> عراق).

    Only strips when at least three letters remain, so short names survive.
    """
    stem = _PROCLITICS.sub("", folded, count=1)
    if len(stem) >= 3 and stem != folded:
        return stem
    stem = _CONJ.sub("", folded, count=1)
    return stem if len(stem) >= 3 else folded


@lru_cache(maxsize=200_000)
def is_arabic_script(word: str) -> bool:
    """Whether the word contains any Arabic-script letter (Arabic, Persian, Kurdish...)."""
    return bool(_ARABIC_SCRIPT.search(word))


_LATIN_ARTICLES = frozenset({"al", "el", "as", "ash", "an", "ad", "ar", "az", "at", "ath", "ul"})
_JOINERS = frozenset("-'’‘`")


def key_from_words(words: list[str]) -> str:
    """A place key from folded words: the article of the first word goes, joiners are skipped."""
    words = [w for w in words if w and w not in _JOINERS]
    if not words:
        return ""
    first = words[0]
    if first in _LATIN_ARTICLES and len(words) > 1:
        words = words[1:]
    elif first.startswith("ال") and len(first) > 4:
        words = [first[2:], *words[1:]]
    return " ".join(words)


def place_key(name: str) -> str:
    """The lookup key of a place name: folded, article-free, single-spaced."""
    return key_from_words([fold(t.text) for t in tokenize(name)])
