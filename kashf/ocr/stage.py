"""The ``ocr`` stage: read the pages that have no usable text layer, and cache every reading.

Which pages: every page of an image (each frame of a TIFF), every PDF page that
ingest found without text, and every PDF page whose text layer
:func:`text_layer_is_usable` rejects (``(cid:…)`` soup, mirrored or unjoined
Arabic…). The PDF's own text layer is read again from the original here, not
taken from the stored text, because an earlier OCR run has replaced it there.

Result (JSON)::

    {"pages": [{"page": 1, "text": "…", "confidence": 0.93, "low_confidence": false,
                "language": "fas", "engine": "tesseract 5.5.4 fas:ab12…", "retried": false,
                "rotation": 0, "seconds": 1.2, "words": [[x0, y0, x1, y1, conf, "word"], …],
                "cached": false}, …],
     "read": 3, "cached": 0,        # pages recognised now / taken from the cache
     "errors": [{"page": 4, "error": "…"}]}   # pages that could not be rendered

The runner puts each page's ``text`` in place of the page's text, so the later
stages and the index see the OCR text. Readings are cached on disk in the case
(``cache/ocr/``) under :func:`kashf.ocr.cache_key`, so a forced re-run, a
re-ingest or a new stage version that does not touch OCR does no OCR work.
Workers write the cache files themselves (one file per page, renamed into
place): the cache is not the store, and two workers reading the same page
write the same bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from hashlib import sha256 as _sha256
from pathlib import Path
from typing import Any

from kashf.exc import StageError
from kashf.ocr import engine
from kashf.ocr.errors import OCRInputError
from kashf.ocr.images import REOPEN_EVERY, is_image, is_pdf, page_images
from kashf.ocr.result import KASHF_OCR_VERSION, PageOCR, cache_key
from kashf.ocr.textlayer import text_layer_is_usable
from kashf.stages import StageInput, stage

#: The models a page may be read with when the language is not given.
CANDIDATE_MODELS = "ara+eng+fas"
MODELS = {"fa": "fas", "ar": "ara", "en": "eng"}


@stage("ocr", version=1, needs_blob=True, changes_text=True)
def ocr_stage(inp: StageInput) -> dict[str, Any]:
    """OCR of pages without a usable text layer (Tesseract; fa/ar/en chosen per page)."""
    wanted = pages_to_read(inp)
    if not wanted:
        return {"pages": [], "read": 0, "cached": 0, "errors": []}
    if not inp.blob_path or not Path(inp.blob_path).is_file():
        raise StageError("the original is not in the case: nothing to read pages from")
    language = case_language(inp.settings)
    version = reading_version(language)
    cache = PageCache(cache_folder(inp))
    pages: list[dict[str, Any]] = []
    fresh = []
    for number in wanted:
        hit = cache.get(inp.document_id, number, version)
        if hit is not None:
            pages.append({**hit, "cached": True})
        else:
            fresh.append(number)
    errors: list[dict[str, Any]] = []
    if fresh:
        try:
            _read_fresh(inp, fresh, len(wanted), version, language, cache, pages, errors)
        except OCRInputError as error:  # the blob's name is its hash: say what is wrong only
            raise OCRInputError(str(error).replace(f"{Path(inp.blob_path).name}: ", "")) from None
    if errors and not pages:
        raise OCRInputError(f"no page could be rendered: {errors[0]['error']}")
    pages.sort(key=lambda p: p["page"])
    return {"pages": pages, "read": sum(not p["cached"] for p in pages),
            "cached": sum(p["cached"] for p in pages), "errors": errors}


def _read_fresh(inp: StageInput, numbers: list[int], wanted: int, version: str,
                language: str | None, cache: PageCache, pages: list[dict[str, Any]],
                errors: list[dict[str, Any]]) -> None:
    """Read ``numbers`` one page at a time, caching each reading as soon as it is made."""
    deadline = _deadline(inp.settings)
    for page in page_images(inp.blob_path, numbers, _mime(inp), skip_broken=True):
        if page.image is None:
            errors.append({"page": page.number, "error": page.error})
            continue
        reading = _read(page, language)
        page.image.close()
        record = reading.to_json()
        cache.put(inp.document_id, page.number, version, record)
        pages.append({**record, "cached": False})
        left = wanted - len(pages) - len(errors)
        if deadline and left and time.monotonic() > deadline:
            raise StageError(
                f"OCR stopped at the time limit with {left} of {wanted} pages left; "
                "`kashf process` reads the rest (the pages read so far are cached)"
            )


def _read(page, language: str | None) -> PageOCR:
    from kashf.ocr.reader import ocr_image

    return ocr_image(page.image, language, dpi=page.dpi, page=page.number)


def case_language(settings: dict[str, Any]) -> str | None:
    """The model when the case expects one language only (``languages = ["en"]``), else None.

    Such a case needs only that model installed, and its pages skip the choice.
    """
    known = {MODELS[c] for c in settings.get("languages") or () if c in MODELS}
    return known.pop() if len(known) == 1 else None


def _mime(inp: StageInput) -> str | None:
    return inp.mime or None


def _deadline(settings: dict[str, Any]) -> float | None:
    """A wall-clock limit for this document, when the caller runs under one (ingest does)."""
    seconds = settings.get("ocr_max_seconds")
    return time.monotonic() + float(seconds) if seconds else None


def pages_to_read(inp: StageInput) -> list[int]:
    """1-based numbers of the pages that need OCR (none for a document that is not a page file)."""
    mime = inp.mime or ""
    path = inp.blob_path or inp.path
    if mime:
        pdf, image = is_pdf(path, mime), is_image(path, mime)
    else:
        pdf, image = False, is_image(inp.path)
    if image:  # ingest gives each frame a page; formats it cannot decode get none
        return [p.number for p in inp.pages if not p.has_text_layer]
    if not pdf:
        return []
    layered = [page.number for page in inp.pages if page.has_text_layer]
    layers = pdf_text_layers(inp.blob_path, layered) if inp.blob_path and layered else {}
    wanted = []
    for page in inp.pages:
        layer = layers.get(page.number, inp.text[page.start : page.end])
        if not page.has_text_layer or not text_layer_is_usable(layer):
            wanted.append(page.number)
    return wanted


def pdf_text_layers(path: str, numbers: list[int]) -> dict[int, str]:
    """page number → the text pdfium extracts from the original (empty for unreadable pages)."""
    import pypdfium2 as pdfium

    layers: dict[int, str] = {}
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return layers
    try:
        for done, number in enumerate(numbers):
            if done and done % REOPEN_EVERY == 0:  # as images.py does, for memory
                document.close()
                document = pdfium.PdfDocument(path)
            layers[number] = _page_text(document, number - 1)
    finally:
        document.close()
    return layers


def _page_text(document, index: int) -> str:
    import pypdfium2 as pdfium

    try:
        page = document[index]
    except (pdfium.PdfiumError, IndexError):
        return ""
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_bounded()
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return ""
    finally:
        page.close()


def reading_version(language: str | None = None) -> str:
    """Engine and model versions: readings made with other ones are not reused.

    Raises :class:`OCRUnavailable` (a stage error with the install hint) when
    Tesseract or one of its models is missing.
    """
    models = language or CANDIDATE_MODELS
    engine.require_languages(models)
    return f"{engine.engine_version()}-{engine.model_version(models)}"


def cache_folder(inp: StageInput) -> Path | None:
    """``<case>/cache/ocr``: blobs live at ``<case>/blobs/ab/cd/<sha256>``."""
    if inp.settings.get("ocr_cache"):
        return Path(inp.settings["ocr_cache"])
    if not inp.blob_path:
        return None
    blob = Path(inp.blob_path)
    if blob.parent.parent.parent.name != "blobs":
        return None
    return blob.parent.parent.parent.parent / "cache" / "ocr"


class PageCache:
    """One JSON file per page reading, named by the digest of its cache key."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _path(self, sha256: str, page: int, version: str) -> Path | None:
        if self.folder is None:
            return None
        engine_version, model_version = version.split("-", 1)
        key = cache_key(sha256, page, engine_version, model_version)
        name = _sha256(json.dumps(key).encode()).hexdigest()[:24]
        return self.folder / sha256[:2] / f"{sha256}-{page}-{name}.json"

    def get(self, sha256: str, page: int, version: str) -> dict[str, Any] | None:
        path = self._path(sha256, page, version)
        if path is None or not path.is_file():
            return None
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a damaged cache file is read again, not trusted
        if record.pop("ocr_version", None) != KASHF_OCR_VERSION:
            return None
        return record

    def put(self, sha256: str, page: int, version: str, record: dict[str, Any]) -> None:
        path = self._path(sha256, page, version)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({**record, "ocr_version": KASHF_OCR_VERSION}, handle, ensure_ascii=False)
            os.replace(temp, path)
        except OSError:
            pass  # a read-only case still gets its text; it just is not cached
