"""The ``entities`` stage: entity mentions of one document, language per paragraph.

Result: ``{"mentions": [{"start", "end", "label", "text", "confidence",
"extractor", "version", "page", "place"?}]}`` with offsets into the document's
stored text. Models and the gazetteer load once per worker process.
"""

from __future__ import annotations

from typing import Any

from kashf.nlp.ner.extract import extract, paragraph_segments, segments_from
from kashf.stages import StageInput, stage


@stage("entities", version=41, depends=("language",))
def entities(inp: StageInput) -> dict[str, Any]:
    """Find persons, organisations, places and pattern entities in the document's text."""
    text = inp.text or ""
    paragraphs = (inp.results.get("language") or {}).get("paragraphs")
    segments = segments_from(paragraphs, text) if paragraphs else paragraph_segments(text)
    mentions = extract(text, segments) if text else []
    for mention in mentions:
        mention["page"] = inp.page_of(mention["start"])
    return {"mentions": mentions}
