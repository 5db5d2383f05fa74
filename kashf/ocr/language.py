"""Which model reads this page, and is it upside down? Decided from a few lines.

A first pass reads a strip of a few text lines (not the whole page, so it
costs a fraction of the real pass) with the Persian and the English model,
upright and, when neither is sure, turned 180°. The model that reads the
strip with more confidence tells the script; for Arabic script, the letters
and words in the strip tell Persian from Arabic (Persian has پ چ ژ گ and its
own function words; Arabic has ة and the article ال on a large share of words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PIL import Image

from kashf.ocr.engine import PSM_BLOCK, Reading, recognize
from kashf.ocr.preprocess import otsu_level

# Tesseract model codes for the languages kashf reads.
MODELS = {"fa": "fas", "ar": "ara", "en": "eng"}
# A strip this confident is trusted without trying the page upside down.
SURE = 70.0
# Pages are upright far more often than not: turned must read this much better to win.
FLIP_MARGIN = 10.0
# English read this confidently is English: the Persian model need not be tried.
CLEARLY_ENGLISH = 85.0
STRIP_LINES = 2
STRIP_WIDTH = 1.0  # of the text's width: words cut at the ends read as noise and mislead
MAX_LINE_SHARE = 0.04  # of the page height: a taller band of ink is a picture, not a line
STRIP_MAX_PIXELS = 600_000  # about two lines across a page at 300 dpi

_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه"})
_PERSIAN_LETTERS = set("پچژگ")
_PERSIAN_WORDS = {"که", "را", "این", "از", "به", "با", "است", "برای", "های", "ها", "شد", "کرد",
                  "شده", "آن", "یک", "بود", "خود", "هم", "تا", "اما", "کند", "می"}
_ARABIC_WORDS = {"فی", "علی", "إلی", "الی", "أن", "عن", "التی", "الذی", "هذا", "هذه", "کان",
                 "قد", "مع", "لم", "لن", "إن", "ذلک", "بین", "حیث", "أو", "ثم", "کما", "وقد"}
_WORD_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC\u200c]+")


@dataclass(frozen=True)
class Choice:
    """The model(s) for a page and whether it must be turned 180° first."""

    language: str
    flipped: bool
    confidence: float


def normalize_languages(languages: str) -> str:
    """Accept ``fa``/``fas``, ``ar``/``ara``, ``en``/``eng``, joined by ``+`` or ``,``."""
    codes = [c.strip().lower() for c in re.split(r"[+,\s]+", languages) if c.strip()]
    return "+".join(MODELS.get(c, c) for c in codes)


def text_strip(image: Image.Image) -> Image.Image:
    """A band of about ``STRIP_LINES`` text lines from the middle of the text, centred."""
    small_factor = 4
    small = np.asarray(image.resize((max(1, image.width // small_factor),
                                     max(1, image.height // small_factor))))
    ink = small < otsu_level(small)
    ink[:, ink.mean(axis=0) > 0.4] = False
    rows = ink.sum(axis=1) > max(1, 0.01 * ink.shape[1])
    bands = _runs(rows)
    if not bands:
        return image
    # A picture makes one band much taller than the page's lines (and than a
    # line of even a large heading): leave it out unless there is nothing else.
    heights = sorted(b - a for a, b in bands)
    usual = heights[(len(heights) - 1) // 2]
    lines = [(a, b) for a, b in bands
             if b - a <= max(MAX_LINE_SHARE * ink.shape[0], 3 * usual)]
    # Noise, specks and page-edge shadows make faint bands too: keep the bands
    # that carry ink like a line of text does.
    bands = lines or bands
    mass = [int(ink[a:b].sum()) for a, b in bands]
    bands = [band for band, m in zip(bands, mass, strict=True) if m >= 0.3 * max(mass)]
    middle = len(bands) // 2
    chosen = bands[max(0, middle - STRIP_LINES // 2) : middle + STRIP_LINES - STRIP_LINES // 2]
    top, bottom = chosen[0][0], chosen[-1][1]
    columns = np.flatnonzero(ink.any(axis=0))
    width = int(columns[-1]) + 1 - int(columns[0])
    # Lines that run together, or a picture with no text beside it: a strip of
    # bounded area, so that the first pass stays a fraction of the real one.
    limit = int(STRIP_MAX_PIXELS / small_factor**2 / max(1, width))
    if bottom - top > limit:
        centre = (top + bottom) // 2
        top, bottom = centre - limit // 2, centre + limit // 2
    pad = 3
    top = max(0, (top - pad) * small_factor)
    bottom = min(image.height, (bottom + pad) * small_factor)
    left, right = int(columns[0]) * small_factor, (int(columns[-1]) + 1) * small_factor
    margin = int((right - left) * (1.0 - STRIP_WIDTH) / 2)
    return image.crop((left + margin, top, right - margin, bottom))


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True values."""
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def choose(image: Image.Image, dpi: float | None, given: str | None = None) -> Choice:
    """Pick the model for a prepared page (or check ``given`` models for orientation)."""
    strip = text_strip(image)
    candidates = [given] if given else [MODELS["en"], MODELS["fa"]]
    readings = [(recognize(strip, candidates[0], PSM_BLOCK, dpi), False)]
    if len(candidates) > 1 and readings[0][0].confidence < CLEARLY_ENGLISH:
        readings.append((recognize(strip, candidates[1], PSM_BLOCK, dpi), False))
    best, flipped = max(readings, key=lambda pair: pair[0].confidence)
    if best.confidence < SURE:
        turned = strip.transpose(Image.Transpose.ROTATE_180)
        readings += [(recognize(turned, lang, PSM_BLOCK, dpi), True) for lang in candidates]
        best, flipped = max(readings, key=lambda pair: pair[0].confidence - FLIP_MARGIN * pair[1])
    if given:
        return Choice(given, flipped, best.confidence)
    if best.language == MODELS["en"]:
        return Choice(MODELS["en"], flipped, best.confidence)
    return Choice(persian_or_arabic(best), flipped, best.confidence)


def persian_or_arabic(reading: Reading) -> str:
    """``fas`` or ``ara`` from the letters and words of an Arabic-script reading."""
    text = reading.text.translate(_FOLD)
    words = _WORD_RE.findall(text)
    if not words:
        return MODELS["fa"]
    persian = 2 * sum(1 for c in text if c in _PERSIAN_LETTERS)
    persian += sum(1 for w in words if w in _PERSIAN_WORDS or w.startswith("می\u200c"))
    arabic = 2 * text.count("ة")
    arabic += sum(1 for w in words if w in _ARABIC_WORDS)
    arabic += sum(1 for w in words if len(w) > 3 and (w.startswith("ال") or w.startswith("وال")))
    return MODELS["ar"] if arabic > 1.2 * persian else MODELS["fa"]
