"""Did Tesseract's layout analysis read the whole page? Compare its lines with the ink.

On some Arabic-script pages (tight line spacing, a slight skew, a faint
region) Tesseract's page segmentation drops whole lines, or merges two lines
into one box that then reads as nonsense. Both leave marks we can measure
without knowing the text:

* **coverage** — the share of the page's ink that lies inside a recognised
  line; dropped lines leave ink outside every line box;
* **suspect share** — the share of recognised characters that sit in lines
  that are too tall for the page (merged lines) or read with low confidence.

A page that fails either check is read again with another segmentation mode,
and the reading with the better score is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import numpy as np
from PIL import Image

from kashf.ocr.engine import Reading
from kashf.ocr.preprocess import otsu_level

MIN_COVERAGE = 0.97
MAX_SUSPECT = 0.08
LOW_LINE_CONFIDENCE = 55.0
TALL_LINE = 1.7  # times the page's median line height
INK_SHRINK = 2  # the ink mask is measured at half resolution: plenty for line boxes


@dataclass(frozen=True)
class LayoutCheck:
    """How completely and cleanly a reading covers the page's text."""

    coverage: float
    suspect: float

    @property
    def needs_retry(self) -> bool:
        return self.coverage < MIN_COVERAGE or self.suspect > MAX_SUSPECT


def page_ink(image: Image.Image) -> np.ndarray:
    """Ink pixels of a prepared page, without page-edge shadows and frame rules."""
    small = image.resize((max(1, image.width // INK_SHRINK), max(1, image.height // INK_SHRINK)))
    array = np.asarray(small)
    ink = array < otsu_level(array)
    ink[:, ink.mean(axis=0) > 0.4] = False
    ink[ink.mean(axis=1) > 0.5, :] = False
    return ink


def check(reading: Reading, ink: np.ndarray) -> LayoutCheck:
    """Measure coverage and suspect share of ``reading`` against ``ink``."""
    total = int(ink.sum())
    texts: dict[tuple[int, int, int], list] = {}
    for word in reading.words:
        texts.setdefault(word.line, []).append(word)
    mask = np.zeros_like(ink)
    for key, words in texts.items():
        if not any(ch.isalnum() for w in words for ch in w.text):
            continue
        x0, y0, x1, y1 = (v // INK_SHRINK for v in reading.line_boxes.get(key, _union(words)))
        mask[y0 : y1 + 1, x0 : x1 + 1] = True
    coverage = float((ink & mask).sum()) / total if total else 1.0
    return LayoutCheck(coverage=coverage, suspect=_suspect_share(texts, reading))


def _union(words: list) -> tuple[int, int, int, int]:
    return (min(w.box[0] for w in words), min(w.box[1] for w in words),
            max(w.box[2] for w in words), max(w.box[3] for w in words))


def _suspect_share(texts: dict[tuple[int, int, int], list], reading: Reading) -> float:
    """Characters in too-tall or low-confidence lines, as a share of all characters."""
    heights = {}
    for key, words in texts.items():
        box = reading.line_boxes.get(key, _union(words))
        heights[key] = box[3] - box[1]
    if not heights:
        return 0.0
    typical = median(heights.values())
    suspect = total = 0
    for key, words in texts.items():
        chars = sum(len(w.text) for w in words)
        confidence = sum(w.confidence * len(w.text) for w in words) / max(1, chars)
        total += chars
        if heights[key] > TALL_LINE * typical or confidence < LOW_LINE_CONFIDENCE:
            suspect += chars
    return suspect / total if total else 0.0


def score(reading: Reading, layout: LayoutCheck) -> float:
    """Higher is better: confidence, discounted by ink left unread and by suspect lines."""
    return reading.confidence * layout.coverage * (1.0 - 0.5 * layout.suspect)


def line_mask(reading: Reading, shape: tuple[int, int]) -> np.ndarray:
    """Where the reading's text lines lie, on the ink mask's grid."""
    texts: dict[tuple[int, int, int], list] = {}
    for word in reading.words:
        texts.setdefault(word.line, []).append(word)
    mask = np.zeros(shape, dtype=bool)
    for key, words in texts.items():
        if not any(ch.isalnum() for w in words for ch in w.text):
            continue
        x0, y0, x1, y1 = (v // INK_SHRINK for v in reading.line_boxes.get(key, _union(words)))
        mask[y0 : y1 + 1, x0 : x1 + 1] = True
    return mask


def unread_bands(reading: Reading, ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (page pixels) of text lines whose ink lies outside every recognised line.

    Rows of ink left outside the line boxes are grouped into bands; a band as
    tall as a typical line and carrying as much ink as a short line is a line
    that layout analysis dropped. Thin bands (descenders below a box, specks)
    are ignored.
    """
    left = ink & ~line_mask(reading, ink.shape)
    heights = [(b[3] - b[1]) // INK_SHRINK for b in reading.line_boxes.values() if b[3] > b[1]]
    if not heights:
        return []
    typical = median(heights)
    rows = left.sum(axis=1)
    widths = [(b[2] - b[0]) // INK_SHRINK for b in reading.line_boxes.values()]
    threshold = max(2, 0.01 * median(widths))
    boxes = []
    for top, bottom in _runs(rows > 0):
        if bottom - top < 0.5 * typical or rows[top:bottom].max() <= threshold:
            continue
        band = left[top:bottom]
        columns = np.flatnonzero(band.any(axis=0))
        if band.sum() < 0.25 * typical * typical or columns.size == 0:
            continue
        pad = int(0.25 * typical)
        boxes.append(((max(0, int(columns[0]) - pad)) * INK_SHRINK,
                      max(0, top - pad) * INK_SHRINK,
                      min(ink.shape[1], int(columns[-1]) + 1 + pad) * INK_SHRINK,
                      min(ink.shape[0], bottom + pad) * INK_SHRINK))
    return boxes


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def unread_gaps(reading: Reading, ink: np.ndarray) -> list[tuple[tuple[int, int, int], tuple]]:
    """``(line, box)`` for ink inside a recognised line that no word of it covers.

    The recognizer sometimes returns a line without its last (or first) word,
    though layout analysis put the word's ink inside the line's box. Runs of
    columns with uncovered ink, as wide as a short word and as inky, are
    returned with the line they belong to (boxes in page pixels).
    """
    words_of: dict[tuple[int, int, int], list] = {}
    for word in reading.words:
        words_of.setdefault(word.line, []).append(word)
    heights = [(b[3] - b[1]) // INK_SHRINK for b in reading.line_boxes.values() if b[3] > b[1]]
    if not heights:
        return []
    typical = median(heights)
    found = []
    for key, words in words_of.items():
        x0, y0, x1, y1 = (v // INK_SHRINK for v in reading.line_boxes.get(key, _union(words)))
        region = ink[y0 : y1 + 1, x0 : x1 + 1].copy()
        for word in words:
            a, b, c, d = (v // INK_SHRINK for v in word.box)
            region[max(0, b - y0) : d - y0 + 1, max(0, a - x0) : c - x0 + 1] = False
        columns = region.sum(axis=0) > 0
        for start, end in _runs(columns):
            mass = int(region[:, start:end].sum())
            if end - start < 0.5 * typical or mass < 0.25 * typical * typical:
                continue
            pad = int(0.2 * typical)
            box = (max(0, x0 + start - pad) * INK_SHRINK, max(0, y0 - pad) * INK_SHRINK,
                   min(ink.shape[1], x0 + end + pad) * INK_SHRINK,
                   min(ink.shape[0], y1 + 1 + pad) * INK_SHRINK)
            found.append((key, box))
    return found
