"""OCR's errors: both are stage errors, so the runner records them as a one-line reason."""

from kashf.exc import StageError


class OCRInputError(StageError):
    """The file or page cannot be read as an image (corrupt, truncated, encrypted)."""


class OCRUnavailable(StageError):
    """Tesseract or one of its language models is not installed."""
