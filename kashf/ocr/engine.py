"""Tesseract through tesserocr: finding the models, reusing engines, reading words.

Loading a language model takes a noticeable fraction of a second, so each
worker process keeps a few initialised engines (one per language and page
segmentation mode) and reuses them page after page. Tesseract must use one
thread: the runner already runs one worker per core, and OpenMP threads on top
of that only fight over the same cores (``OMP_THREAD_LIMIT`` is read when the
library loads, so it is set before the first import).
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image

from kashf.ocr.errors import OCRUnavailable

# Page segmentation modes we use (Tesseract's numbering).
PSM_AUTO = 3  # full layout analysis: blocks, columns, lines
PSM_COLUMN = 4  # one column of text of varying sizes
PSM_BLOCK = 6  # one uniform block of text
PSM_LINE = 7  # one text line
PSM_WORD = 8  # one word
PSM_RAW_LINE = 13  # one text line, without Tesseract's own line finding

# Where distributions put the models (Debian/Ubuntu, Fedora, Homebrew, source builds).
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
MAX_ENGINES = 4  # languages (or combinations) kept loaded per process
INSTALL_HINT = (
    "install Tesseract and its models (Debian/Ubuntu: apt-get install tesseract-ocr "
    "tesseract-ocr-fas tesseract-ocr-ara tesseract-ocr-eng; see requirements/ocr.apt)"
)


@dataclass
class Word:
    """One recognised word: box in page pixels, confidence 0–100, text in logical order."""

    box: tuple[int, int, int, int]
    confidence: float
    text: str
    line: tuple[int, int, int]  # (block, paragraph, line) numbers from Tesseract


@dataclass
class Reading:
    """One recognition pass over a page image."""

    language: str
    psm: int
    words: list[Word] = field(default_factory=list)
    line_boxes: dict[tuple[int, int, int], tuple[int, int, int, int]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Words joined by spaces, lines by newlines, blocks and paragraphs by a blank line."""
        parts: list[str] = []
        previous: tuple[int, int, int] | None = None
        for word in self.words:
            if previous is None:
                pass
            elif word.line[:2] != previous[:2]:
                parts.append("\n\n")
            elif word.line != previous:
                parts.append("\n")
            else:
                parts.append(" ")
            parts.append(word.text)
            previous = word.line
        return "".join(parts)

    @property
    def confidence(self) -> float:
        """Mean word confidence (0–100) weighted by word length: long words say more."""
        weights = [max(1, len(w.text)) for w in self.words]
        if not weights:
            return 0.0
        return sum(w.confidence * n for w, n in zip(self.words, weights, strict=True)) / sum(weights)


def _tesserocr() -> Any:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        import tesserocr
    except ImportError as error:
        raise OCRUnavailable(f"the tesserocr module is missing: {INSTALL_HINT}") from error
    return tesserocr


@cache
def tessdata_dir() -> str:
    """The folder holding the ``.traineddata`` models (``KASHF_TESSDATA`` overrides)."""
    candidates = [os.environ.get("KASHF_TESSDATA", "")]
    prefix = os.environ.get("TESSDATA_PREFIX", "")
    if prefix:
        candidates += [prefix, str(Path(prefix) / "tessdata")]
    candidates += list(TESSDATA_CANDIDATES)
    for candidate in candidates:
        if candidate and (Path(candidate) / "eng.traineddata").is_file():
            return candidate.rstrip("/") + "/"
    raise OCRUnavailable(f"no Tesseract models found: {INSTALL_HINT}")


def require_languages(language: str) -> None:
    """Raise OCRUnavailable unless every model of ``fas+eng``-style ``language`` is installed."""
    folder = Path(tessdata_dir())
    missing = [code for code in language.split("+") if not (folder / f"{code}.traineddata").is_file()]
    if missing:
        raise OCRUnavailable(f"Tesseract model(s) {', '.join(missing)} not installed: {INSTALL_HINT}")


def installed(code: str) -> bool:
    """Whether the model ``code`` (``fas``) is installed."""
    try:
        return (Path(tessdata_dir()) / f"{code}.traineddata").is_file()
    except OCRUnavailable:
        return False


@cache
def engine_version() -> str:
    """The Tesseract library version, e.g. ``5.3.0``."""
    return _tesserocr().tesseract_version().split()[1]


@cache
def model_version(language: str) -> str:
    """A short digest of the model files of ``language`` (e.g. ``fas+eng``)."""
    digest = hashlib.sha256()
    for code in sorted(language.split("+")):
        path = Path(tessdata_dir()) / f"{code}.traineddata"
        digest.update(code.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_ENGINES: OrderedDict[str, Any] = OrderedDict()


def _engine(language: str, psm: int) -> Any:
    """An initialised engine for ``language``, set to ``psm``, reused across pages.

    One engine per language: switching the segmentation mode is free, loading a
    model is not, and each loaded model holds tens of megabytes.
    """
    api = _ENGINES.get(language)
    if api is None:
        tesserocr = _tesserocr()
        require_languages(language)
        try:
            api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=language, psm=psm)
        except RuntimeError as error:
            raise OCRUnavailable(f"Tesseract could not load {language}: {error}") from error
        _ENGINES[language] = api
        while len(_ENGINES) > MAX_ENGINES:
            _, old = _ENGINES.popitem(last=False)
            old.End()
    _ENGINES.move_to_end(language)
    api.SetPageSegMode(psm)
    return api


def warm(languages: list[str]) -> None:
    """Load engines ahead of the first page (a worker pool does this once per process)."""
    for language in languages:
        _engine(language, PSM_AUTO)


def recognize(image: Image.Image, language: str, psm: int, dpi: float | None) -> Reading:
    """Read a page (or a crop) with one model and segmentation mode."""
    api = _engine(language, psm)
    api.SetImage(image)
    if dpi:
        api.SetSourceResolution(int(round(dpi)))
    api.Recognize()
    reading = _parse_tsv(api.GetTSVText(0), language, psm)
    api.Clear()
    return reading


def _parse_tsv(tsv: str, language: str, psm: int) -> Reading:
    """Tesseract's TSV lists words in reading order with their text in logical order.

    (tesserocr's result iterator hands back right-to-left words reversed, so the
    TSV is the dependable source for Persian and Arabic.)
    """
    reading = Reading(language=language, psm=psm)
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 12 or not cells[0].isdigit():
            continue
        level = int(cells[0])
        block, paragraph, line = int(cells[2]), int(cells[3]), int(cells[4])
        left, top, width, height = (int(v) for v in cells[6:10])
        box = (left, top, left + width, top + height)
        if level == 4:
            reading.line_boxes[(block, paragraph, line)] = box
        elif level == 5:
            text = "\t".join(cells[11:]).strip()
            if text:
                confidence = max(0.0, float(cells[10]))
                reading.words.append(Word(box, confidence, text, (block, paragraph, line)))
    return reading
