"""OCR of Persian, Arabic and English pages: page images, Tesseract, model choice, retries.

Public API::

    ocr_image(image, languages=None) -> PageOCR
    ocr_file(path, pages=None) -> Iterator[PageOCR]
    text_layer_is_usable(text) -> bool
    cache_key(sha256, page, engine_version, model_version) -> tuple

Importing this package is cheap: Tesseract loads on the first page read.
"""

from kashf.ocr.reader import ocr_file, ocr_image
from kashf.ocr.result import KASHF_OCR_VERSION, PageOCR, cache_key
from kashf.ocr.textlayer import text_layer_is_usable

__all__ = [
    "KASHF_OCR_VERSION",
    "PageOCR",
    "cache_key",
    "ocr_file",
    "ocr_image",
    "text_layer_is_usable",
]
