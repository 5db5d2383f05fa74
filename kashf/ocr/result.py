"""What OCR returns for a page, and the key under which it may be cached."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Bump when preprocessing, language choice or retries change what a page reads as:
# it is part of the cache key, so cached readings of older versions are redone.
KASHF_OCR_VERSION = 3
# Pages read with less mean confidence than this are flagged for a human look.
LOW_CONFIDENCE = 0.75


@dataclass
class PageOCR:
    """The reading of one page.

    ``words`` are ``(x0, y0, x1, y1, confidence, text)`` in the pixels of the page
    image as given (for PDFs: rendered at ``dpi``), confidence 0–1.
    """

    page: int
    text: str
    confidence: float
    language: str
    words: list[tuple[int, int, int, int, float, str]] = field(default_factory=list)
    engine: str = ""
    retried: bool = False  # read a second time whole, with another segmentation or binarized
    rereads: int = 0  # lines and words layout analysis dropped, read on their own
    rotation: int = 0  # degrees the page was turned (clockwise) to read upright, 0/90/180/270
    skew: float = 0.0
    seconds: float = 0.0
    dpi: float | None = None

    @property
    def low_confidence(self) -> bool:
        """Read with words, but unsure of them (a blank page has nothing to review)."""
        return bool(self.words) and self.confidence < LOW_CONFIDENCE

    def to_json(self, words: bool = True) -> dict[str, Any]:
        """Plain JSON types only; ``words=False`` leaves the boxes out (for terminals)."""
        out: dict[str, Any] = {
            "page": self.page,
            "text": self.text,
            "confidence": round(self.confidence, 4),
            "low_confidence": self.low_confidence,
            "language": self.language,
            "engine": self.engine,
            "retried": self.retried,
            "rereads": self.rereads,
            "rotation": self.rotation,
            "seconds": round(self.seconds, 3),
        }
        if words:
            out["words"] = [[x0, y0, x1, y1, round(c, 3), t] for x0, y0, x1, y1, c, t in self.words]
        return out


def cache_key(sha256: str, page: int, engine_version: str, model_version: str) -> tuple:
    """``(sha256, page, engine_version, model_version, KASHF_OCR_VERSION)``.

    Two readings with equal keys are equal, so a store may skip the work.
    """
    return (sha256, page, engine_version, model_version, KASHF_OCR_VERSION)
