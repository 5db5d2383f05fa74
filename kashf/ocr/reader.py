"""Read pages: clean up, choose the model, recognise, check the layout, retry, tidy.

This is the public entry point of the package: :func:`ocr_image` for one
picture of a page, :func:`ocr_file` for every page of an image or PDF file.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from kashf.ocr import engine, language, layout, mixed
from kashf.ocr.engine import PSM_AUTO, PSM_BLOCK, PSM_RAW_LINE, Reading, Word
from kashf.ocr.images import page_images
from kashf.ocr.preprocess import Prepared, binarize, prepare, to_source
from kashf.ocr.result import PageOCR

# A page with more dropped bands than this is read again whole, not band by band.
MAX_DROPPED_BANDS = 12
# A re-read band this unsure is a picture, a stamp or noise, not a dropped line.
DROPPED_MIN_CONFIDENCE = 50.0
# Words left out inside a line: re-read this many at most, accepted when this sure.
MAX_DROPPED_WORDS = 40
DROPPED_WORD_MIN_CONFIDENCE = 60.0


def ocr_image(
    image: Image.Image, languages: str | None = None, *, dpi: float | None = None, page: int = 1
) -> PageOCR:
    """Read one page image. ``languages`` (``"fa"``, ``"ar+en"``…) skips the model choice."""
    started = time.perf_counter()
    given = language.normalize_languages(languages) if languages else None
    if given:
        engine.require_languages(given)
    prepared = prepare(image, dpi)
    choice = language.choose(prepared.image, prepared.dpi, given)
    upright = prepared.image.transpose(Image.Transpose.ROTATE_180) if choice.flipped else prepared.image
    reading, retried, rereads = _read_with_retry(upright, choice.language, prepared.dpi)
    model = reading.language  # with the other script's model when a dropped line took it
    if not given or "+" not in given:
        reading, other = mixed.reread_other_script_lines(upright, reading, model, prepared.dpi)
        model = f"{model}+{other}" if other and other not in model.split("+") else model
    if _is_arabic_script(choice.language):
        reading = mixed.reread_latin_words(upright, reading, prepared.dpi)
    text = mixed.tidy_text(reading.text, choice.language)
    return PageOCR(
        page=page,
        text=text,
        confidence=reading.confidence / 100.0,
        language=model,
        words=_source_words(reading, prepared, image.size, choice.flipped),
        engine=f"tesseract {engine.engine_version()} {model}:{engine.model_version(model)}",
        retried=retried,
        rereads=rereads,
        rotation=_rotation(prepared, choice.flipped),
        skew=prepared.skew,
        seconds=time.perf_counter() - started,
        dpi=dpi,
    )


def ocr_file(
    path: str | Path, pages: list[int] | None = None, languages: str | None = None,
    mime: str | None = None,
) -> Iterator[PageOCR]:
    """Read every page (or the 1-based ``pages``) of an image or PDF, one page at a time."""
    for page in page_images(path, pages, mime):
        yield ocr_image(page.image, languages, dpi=page.dpi, page=page.number)
        page.image.close()


def _read_with_retry(
    image: Image.Image, model: str, dpi: float | None
) -> tuple[Reading, bool, int]:
    """Full layout analysis first; then re-read the lines it dropped, and when it merged
    or garbled lines, read the page again as one block and keep the better reading."""
    reading = engine.recognize(image, model, PSM_AUTO, dpi)
    ink = layout.page_ink(image)
    reading, lines = _read_dropped_lines(image, reading, ink, model, dpi)
    reading, words = _read_dropped_words(image, reading, ink, model, dpi)
    best_score = layout.score(reading, layout.check(reading, ink))
    if layout.check(reading, ink).suspect <= layout.MAX_SUSPECT:
        return reading, False, lines + words
    # Merged or garbled lines: read again as one block, and from a binarized copy
    # (blur and noise that survive the flattening confuse the line finder less
    # there); keep the reading that is most confident over the most ink.
    binary = binarize(image)
    for candidate, psm in ((image, PSM_BLOCK), (binary, PSM_AUTO), (binary, PSM_BLOCK)):
        other = engine.recognize(candidate, model, psm, dpi)
        other, _ = _read_dropped_lines(candidate, other, ink, model, dpi)
        other, _ = _read_dropped_words(candidate, other, ink, model, dpi)
        other_score = layout.score(other, layout.check(other, ink))
        if other_score > best_score:
            reading, best_score = other, other_score
    return reading, True, lines + words


def _read_dropped_lines(
    image: Image.Image, reading: Reading, ink, model: str, dpi: float | None
) -> tuple[Reading, int]:
    """Read each band of ink that no recognised line covers, and put it in reading order."""
    boxes = layout.unread_bands(reading, ink)[:MAX_DROPPED_BANDS]
    if not boxes:
        return reading, 0
    heights = sorted(b[3] - b[1] for b in reading.line_boxes.values())
    typical = heights[len(heights) // 2]
    words = list(reading.words)
    line_boxes = dict(reading.line_boxes)
    read = 0
    label = reading.language
    for number, (x0, y0, x1, y1) in enumerate(boxes):
        # A line that layout analysis dropped is usually dropped again by its line
        # finder (PSM 7 returns nothing): read it as a raw line.
        psm = PSM_RAW_LINE if (y1 - y0) < 1.8 * typical else PSM_BLOCK
        crop = image.crop((x0, y0, x1, y1))
        part = engine.recognize(crop, model, psm, dpi)
        if part.confidence < DROPPED_MIN_CONFIDENCE:
            # A line in the other script (an Arabic line on an English page) is
            # dropped because the page's model cannot read it.
            tries = [engine.recognize(crop, other, psm, dpi)
                     for other in mixed.other_script_models(model)]
            part = max([part, *tries], key=lambda r: r.confidence)
        if not part.words or part.confidence < DROPPED_MIN_CONFIDENCE:
            continue
        if part.language not in label.split("+"):
            label = f"{label}+{part.language}"
        at = _insertion_point(words, line_boxes, y0)
        near = words[at - 1] if at > 0 else (words[at] if words else None)
        block, paragraph = near.line[:2] if near else (1, 1)
        new_words = []
        for word in part.words:
            key = (block, paragraph, 10_000 + 100 * number + word.line[2])
            box = (word.box[0] + x0, word.box[1] + y0, word.box[2] + x0, word.box[3] + y0)
            new_words.append(Word(box, word.confidence, word.text, key))
            line_boxes.setdefault(key, box)
        words[at:at] = new_words
        read += 1
    return Reading(label, reading.psm, words, line_boxes), read


def _read_dropped_words(
    image: Image.Image, reading: Reading, ink, model: str, dpi: float | None
) -> tuple[Reading, int]:
    """Read the ink inside a line that none of its words covers, and put it in the line."""
    gaps = layout.unread_gaps(reading, ink)[:MAX_DROPPED_WORDS]
    if not gaps:
        return reading, 0
    words = list(reading.words)
    right_to_left = _is_arabic_script(model)
    read = 0
    for key, (x0, y0, x1, y1) in gaps:
        part = engine.recognize(image.crop((x0, y0, x1, y1)), model, PSM_RAW_LINE, dpi)
        if not part.words or part.confidence < DROPPED_WORD_MIN_CONFIDENCE:
            continue
        found = [Word((w.box[0] + x0, w.box[1] + y0, w.box[2] + x0, w.box[3] + y0),
                      w.confidence, w.text, key) for w in part.words]
        line = [i for i, w in enumerate(words) if w.line == key]
        # Words run right to left in Arabic script: the new ones go before the
        # first word that lies beyond them in reading order.
        after = [i for i in line if (words[i].box[0] < x0 if right_to_left else words[i].box[0] > x0)]
        at = after[0] if after else line[-1] + 1
        words[at:at] = found
        read += 1
    return Reading(reading.language, reading.psm, words, dict(reading.line_boxes)), read


def _insertion_point(words: list[Word], line_boxes: dict, top: int) -> int:
    """Index before the first word whose line starts below ``top``."""
    for index, word in enumerate(words):
        box = line_boxes.get(word.line, word.box)
        if box[1] > top:
            return index
    return len(words)


def _is_arabic_script(model: str) -> bool:
    return model.split("+")[0] in (language.MODELS["fa"], language.MODELS["ar"])


def _source_words(
    reading: Reading, prepared: Prepared, size: tuple[int, int], flipped: bool
) -> list[tuple[int, int, int, int, float, str]]:
    out = []
    for word in reading.words:
        x0, y0, x1, y1 = to_source(prepared, size, word.box, flipped)
        out.append((x0, y0, x1, y1, round(word.confidence / 100.0, 3), word.text))
    return out


def _rotation(prepared: Prepared, flipped: bool) -> int:
    """Clockwise degrees the page was turned to be read upright."""
    counter_clockwise = (prepared.quarter_turns * 90 + (180 if flipped else 0)) % 360
    return (360 - counter_clockwise) % 360
