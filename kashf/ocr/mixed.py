"""Persian/Arabic pages with English names in them, and Arabic-script punctuation.

Running ``fas+eng`` on every page doubles the time and makes the Persian model
second-guess good Persian words. Instead the page is read with its own model
and only the words that look wrong for it are read again with English: words
the model is unsure of, and words whose box is far too wide for the few
characters read in it (the Persian model reads "West" as a single digit, with
confidence). The English reading replaces the word only when English is sure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from PIL import Image

from kashf.ocr.engine import PSM_LINE, Reading, Word, recognize

ENGLISH = "eng"
UNSURE = 60.0  # word confidence below which a word is worth a second look
VERY_UNSURE = 25.0  # the same, for words read as Arabic letters only
TOO_WIDE = 1.8  # times the page's typical width per character
ACCEPT = 75.0  # English confidence needed to replace the word
LATIN_SHARE = 0.6  # of the replacement's characters that must be Latin letters or digits
MAX_REREADS = 60  # per page: a page full of unsure words needs a human, not 300 passes

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]")
_LATIN = re.compile(r"[A-Za-z0-9]")
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def _width_per_char(word: Word) -> float:
    return (word.box[2] - word.box[0]) / max(1, len(word.text))


def _suspicious(word: Word, typical: float) -> bool:
    """Latin words come out of the Persian/Arabic models as digit soup, often mixed with
    a letter or two; a word of Arabic letters alone is only worth a look when very unsure."""
    if not _ARABIC_LETTER.search(word.text):
        return word.confidence < UNSURE or _width_per_char(word) > TOO_WIDE * typical
    if _LATIN.search(word.text) or any(c.isdigit() for c in word.text):
        return word.confidence < UNSURE
    return word.confidence < VERY_UNSURE


def reread_latin_words(image: Image.Image, reading: Reading, dpi: float | None) -> Reading:
    """Re-read suspicious words of an Arabic-script reading with the English model."""
    sure = [_width_per_char(w) for w in reading.words
            if w.confidence >= 80 and _ARABIC_LETTER.search(w.text) and len(w.text) >= 3]
    if not sure:
        return reading
    typical = median(sure)
    words = list(reading.words)
    candidates = [i for i, w in enumerate(words) if _suspicious(w, typical)][:MAX_REREADS]
    for index in candidates:
        word = words[index]
        english = _read_english(image, word, dpi)
        if english is not None:
            words[index] = english
    return replace(reading, words=words)


def _read_english(image: Image.Image, word: Word, dpi: float | None) -> Word | None:
    x0, y0, x1, y1 = word.box
    pad = max(2, (y1 - y0) // 4)
    crop = image.crop((max(0, x0 - pad), max(0, y0 - pad), min(image.width, x1 + pad),
                       min(image.height, y1 + pad)))
    reading = recognize(crop, ENGLISH, PSM_LINE, dpi)
    text = " ".join(w.text for w in reading.words).strip()
    if not text or reading.confidence < ACCEPT:
        return None
    if len(_LATIN.findall(text)) < LATIN_SHARE * len(text.replace(" ", "")):
        return None
    if _ARABIC_LETTER.search(word.text) and reading.confidence < max(90.0, word.confidence + 20):
        return None
    return Word(word.box, reading.confidence, text, word.line)


def tidy_text(text: str, model: str) -> str:
    """Arabic-script lines get the Arabic comma and semicolon the models read as Latin ones."""
    if model.split("+")[0] not in ("fas", "ara"):
        return text
    lines = []
    for line in text.split("\n"):
        if len(_ARABIC_LETTER.findall(line)) >= len(re.findall(r"[A-Za-z]", line)):
            line = _COMMA.sub("،", line).replace(";", "؛")
        lines.append(line)
    return "\n".join(lines)
