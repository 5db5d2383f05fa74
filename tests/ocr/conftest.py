"""OCR tests use the real Tesseract: the `tesseract` fixture skips them with the reason when it
is absent, and fails them on CI (setup.sh installs it)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def tesseract():
    from kashf.ocr.errors import OCRUnavailable
    from kashf.ocr.stage import reading_version

    try:
        reading_version()
    except OCRUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"Tesseract must be installed on CI (setup.sh does it): {error}")
        pytest.skip(f"Tesseract is not installed here: {error}")
