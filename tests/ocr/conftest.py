"""OCR tests use the real Tesseract: skipped with the reason when it is absent, never on CI."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def tesseract():
    from kashf.ocr.errors import OCRUnavailable
    from kashf.ocr.stage import reading_version

    try:
        reading_version()
    except OCRUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"Tesseract must be installed on CI (setup.sh does it): {error}")
        pytest.skip(f"Tesseract is not installed here: {error}")
