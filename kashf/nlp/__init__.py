"""Entities and events in Persian, Arabic and English text.

``extract_entities(text, language=None)`` is the entry point; it is imported
lazily so that importing :mod:`kashf.nlp` stays cheap for modules that only
need a part of it (the models load on first use, once per process).
"""

from __future__ import annotations

from typing import Any


def extract_entities(text: str, language: str | None = None) -> list[dict[str, Any]]:
    """Every entity mention in ``text``; see :func:`kashf.nlp.ner.extract.extract_entities`."""
    from kashf.nlp.ner.extract import extract_entities as run

    return run(text, language)


__all__ = ["extract_entities"]
