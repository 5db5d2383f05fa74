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

from kashf.ocr.engine import PSM_LINE, Reading, Word, installed, recognize

ENGLISH = "eng"
UNSURE = 60.0  # word confidence below which a word is worth a second look
VERY_UNSURE = 25.0  # the same, for words read as Arabic letters only
TOO_WIDE = 1.8  # times the page's typical width per character
ACCEPT = 75.0  # English confidence needed to replace the word
LATIN_SHARE = 0.6  # of the replacement's characters that must be Latin letters or digits
MAX_REREADS = 60  # per page: a page full of unsure words needs a human, not 300 passes

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]")
_LATIN = re.compile(r"[A-Za-z0-9]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
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


# -- whole lines in the other script --------------------------------------------------------------

ARABIC_SCRIPT_MODELS = ("fas", "ara")
LINE_UNSURE = 75.0  # an English page's line read this unsurely may be Persian or Arabic
LINE_UNSURE_ARABIC = 50.0  # the same for a Persian or Arabic page's line (English in it)
LINE_GAIN = 10.0  # the other script must read the line this much more confidently
LINE_ACCEPT = 70.0
MAX_LINE_REREADS = 40


def other_script_models(model: str) -> list[str]:
    """The installed models of the script that ``model`` does not read."""
    arabic_page = model.split("+")[0] in ARABIC_SCRIPT_MODELS
    return [m for m in ((ENGLISH,) if arabic_page else ARABIC_SCRIPT_MODELS) if installed(m)]


def reread_other_script_lines(
    image: Image.Image, reading: Reading, model: str, dpi: float | None
) -> tuple[Reading, str | None]:
    """Read again, with the other script's model, the lines the page's model got wrong.

    A page is read with one model; a Persian report may quote an English
    paragraph, an English memo may hold a line of Arabic. On an Arabic-script
    page, a line whose letters came out mostly Latin is read with English; on
    an English page, an unsure line is read with the Persian and the Arabic
    model. The other reading replaces the line when it is clearly more sure.
    Returns the reading and the other model used, if any line took it.
    """
    arabic_page = model.split("+")[0] in ARABIC_SCRIPT_MODELS
    others = other_script_models(model)
    if not others:
        return reading, None
    lines: dict[tuple[int, int, int], list[int]] = {}
    for index, word in enumerate(reading.words):
        lines.setdefault(word.line, []).append(index)
    replaced: dict[tuple[int, int, int], list[Word]] = {}
    used = None
    for key, indexes in list(lines.items())[:MAX_LINE_REREADS]:
        words = [reading.words[i] for i in indexes]
        confidence = _line_confidence(words)
        if not _line_suspect(words, confidence, arabic_page):
            continue
        box = reading.line_boxes.get(key) or _union(words)
        best = max((_read_line(image, box, other, dpi, key) for other in others),
                   key=lambda pair: pair[1])
        new_words, new_confidence, other = best
        # The Persian and Arabic models are sure of their own misreadings of
        # Latin lines as Latin letters: there, English only has to be sure.
        latin = arabic_page and _mostly_latin(words)
        needed = LINE_ACCEPT if latin else max(LINE_ACCEPT, confidence + LINE_GAIN)
        if new_words and new_confidence >= needed:
            replaced[key] = new_words
            used = other
    if not replaced:
        return reading, None
    words: list[Word] = []
    for key, indexes in lines.items():
        words.extend(replaced.get(key) or [reading.words[i] for i in indexes])
    return replace(reading, words=words), used


def _line_confidence(words: list[Word]) -> float:
    chars = sum(max(1, len(w.text)) for w in words)
    return sum(w.confidence * max(1, len(w.text)) for w in words) / max(1, chars)


def _mostly_latin(words: list[Word]) -> bool:
    text = "".join(w.text for w in words)
    return len(_LATIN_LETTER.findall(text)) > max(3, len(_ARABIC_LETTER.findall(text)))


def _line_suspect(words: list[Word], confidence: float, arabic_page: bool) -> bool:
    """Latin letters on an Arabic-script page, or a line its model read unsurely."""
    if arabic_page and _mostly_latin(words):
        return True
    unsure = LINE_UNSURE_ARABIC if arabic_page else LINE_UNSURE
    return confidence < unsure and sum(len(w.text) for w in words) >= 3


def _read_line(
    image: Image.Image, box: tuple[int, int, int, int], model: str, dpi: float | None,
    key: tuple[int, int, int],
) -> tuple[list[Word], float, str]:
    x0, y0, x1, y1 = box
    pad = max(2, (y1 - y0) // 4)
    left, top = max(0, x0 - pad), max(0, y0 - pad)
    crop = image.crop((left, top, min(image.width, x1 + pad), min(image.height, y1 + pad)))
    reading = recognize(crop, model, PSM_LINE, dpi)
    words = [Word((w.box[0] + left, w.box[1] + top, w.box[2] + left, w.box[3] + top),
                  w.confidence, w.text, key) for w in reading.words]
    return words, reading.confidence, model


def _union(words: list[Word]) -> tuple[int, int, int, int]:
    return (min(w.box[0] for w in words), min(w.box[1] for w in words),
            max(w.box[2] for w in words), max(w.box[3] for w in words))
