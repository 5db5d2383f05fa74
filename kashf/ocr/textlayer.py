"""Is a PDF page's text layer worth keeping, or must the page be read by OCR?

PDF producers often embed fonts without a usable ``ToUnicode`` map. The text a
PDF library extracts from such a page is then garbage that *looks* like text:
``(cid:123)`` soup, private-use code points, Arabic presentation forms pulled
out glyph by glyph (often in visual order, i.e. mirrored), letters of a word
separated by spaces, or a salad of Arabic-script letters that form no words.
Trusting that text would index nonsense and hide the page from search, so the
ingestor and the OCR stage both ask :func:`text_layer_is_usable` first.

The checks are cheap character statistics, so they run on every page.
"""

from __future__ import annotations

import re
import unicodedata

# A page needs this many letters before its statistics mean anything; below it
# we still accept the layer unless it is plainly broken (it is probably a
# nearly blank page, and OCR would find no more).
MIN_LETTERS = 20
# A page with this many letters is judged by its words, not by a few odd glyphs.
MANY_LETTERS = 200

CID_RE = re.compile(r"\(cid:\d+\)|/g\d{2,}|/uni[0-9A-Fa-f]{4}|glyph\d+")

# Arabic letters that stand alone or end a word in correct text far more than
# they begin one. Extracted in reversed (visual) order, words start with them.
_FINAL_HEAVY = set("ةىۀ")
# Letters that almost never end a word in Persian/Arabic but often start one.
_INITIAL_HEAVY = set("ال")

_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC]")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC\u064B-\u0652\u0670]+")
_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+")


def _is_presentation_form(char: str) -> bool:
    code = ord(char)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def _is_private_use(char: str) -> bool:
    return unicodedata.category(char) == "Co"


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def text_layer_is_usable(text: str) -> bool:
    """True when ``text`` (one page's extracted text layer) reads as real text.

    False for an empty or whitespace-only layer, ``(cid:…)``/glyph-name soup,
    private-use or replacement characters, Arabic presentation forms in bulk,
    Arabic script in reversed order, Arabic words broken into single letters,
    and Latin text broken into single letters. Statistics, not rules per font.
    """
    stripped = text.strip()
    if not stripped:
        return False
    if _share(sum(len(m) for m in CID_RE.findall(stripped)), len(stripped)) > 0.05:
        return False
    visible = [c for c in stripped if not c.isspace()]
    if not visible:
        return False
    # Symbol and maths fonts map a few glyphs (bracket pieces) to private-use or
    # control code points in good text; a font without a Unicode map makes most
    # of the page so. A few such glyphs are tolerated on a page of many letters.
    odd = sum(1 for c in visible
              if _is_private_use(c) or c in "\ufffd\x00" or unicodedata.category(c) == "Cc")
    letters = sum(1 for c in visible if c.isalpha())
    if _share(odd, len(visible)) > 0.10:
        return False
    if _share(odd, len(visible)) > 0.02 and letters < MANY_LETTERS:
        return False
    forms = sum(1 for c in visible if _is_presentation_form(c))
    if _share(forms, letters) > 0.10:
        return False
    if letters < MIN_LETTERS:
        return True
    return _arabic_words_look_real(stripped) and _latin_words_look_real(stripped)


def _arabic_words_look_real(text: str) -> bool:
    """Arabic-script words: not letter-by-letter, not mirrored, not letter salad."""
    words = _ARABIC_WORD_RE.findall(text)
    letters = sum(len(w) for w in words)
    if letters < MIN_LETTERS:
        return True
    single = sum(1 for w in words if len(w) == 1 and w not in "وبلکهای")
    # Real Persian/Arabic has one-letter words (و, ب…) but never a majority.
    if _share(single, len(words)) > 0.45:
        return False
    starts_final = sum(1 for w in words if len(w) > 1 and w[0] in _FINAL_HEAVY)
    ends_final = sum(1 for w in words if len(w) > 1 and w[-1] in _FINAL_HEAVY)
    # The article ال opens a large share of Arabic words; reversed, it closes them.
    opens_al = sum(1 for w in words if len(w) > 2 and w.startswith("ال"))
    closes_la = sum(1 for w in words if len(w) > 2 and w.endswith("لا"))
    if starts_final > max(2, 2 * ends_final):
        return False
    if closes_la > max(3, 2 * opens_al) and closes_la >= 0.08 * len(words):
        return False
    return _not_letter_salad(words)


def _not_letter_salad(words: list[str]) -> bool:
    """Salad: long 'words' with no vowel letters, or a flood of letter pairs that never occur."""
    long_words = [w for w in words if len(w) >= 3]
    if len(long_words) < 5:
        return True
    vowelish = set("اوییآأإىۀه")
    without = sum(1 for w in long_words if not any(c in vowelish for c in w))
    if _share(without, len(long_words)) > 0.6:
        return False
    # Doubled identical letters are rare in the script (shadda writes gemination).
    doubled = sum(1 for w in words for a, b in zip(w, w[1:], strict=False) if a == b and a != "ی")
    pairs = sum(max(0, len(w) - 1) for w in words)
    return _share(doubled, pairs) <= 0.15


def _latin_words_look_real(text: str) -> bool:
    """Latin text extracted with a space after every letter reads as single letters.

    Counted in letters, not words: mathematics has many one-letter words (x, U,
    R) between real ones, spaced-out text has almost nothing else.
    """
    words = _LATIN_WORD_RE.findall(text)
    letters = sum(len(w) for w in words)
    if letters < MIN_LETTERS:
        return True
    single = sum(1 for w in words if len(w) == 1 and w not in "aAI")
    return _share(single, letters) <= 0.5
