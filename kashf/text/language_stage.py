"""The ``language`` stage: the language of a document and of each of its paragraphs.

Result (JSON)::

    {"language": "fa" | None,          # the language holding the most characters
     "score": 0.97,                    # character-weighted mean score of its paragraphs
     "languages": {"fa": 0.8, "ar": 0.2},   # share of characters in paragraphs with a language
     "paragraphs": [{"start": 0, "end": 120, "language": "fa", "score": 0.99}, ...]}

Offsets are into ``StageInput.text``. Paragraphs without letters have language
None and count towards no share; a document without any has language None,
score 0.0 and empty shares.
"""

from __future__ import annotations

from typing import Any

from kashf.stages import StageInput, stage
from kashf.text.langid import paragraph_languages


@stage("language", version=1)
def detect_languages_stage(inp: StageInput) -> dict[str, Any]:
    """Language per document and per paragraph (offline fastText model plus letter rules)."""
    paragraphs = paragraph_languages(inp.text)
    characters: dict[str, int] = {}
    weighted: dict[str, float] = {}
    for paragraph in paragraphs:
        code = paragraph["language"]
        if code is None:
            continue
        size = paragraph["end"] - paragraph["start"]
        characters[code] = characters.get(code, 0) + size
        weighted[code] = weighted.get(code, 0.0) + size * paragraph["score"]
    total = sum(characters.values())
    if not total:
        return {"language": None, "score": 0.0, "languages": {}, "paragraphs": paragraphs}
    # Ties go to the language met first, so the result does not depend on dict order.
    language = max(characters, key=characters.__getitem__)
    shares = {
        code: round(count / total, 4)
        for code, count in sorted(characters.items(), key=lambda item: -item[1])
    }
    return {
        "language": language,
        "score": round(weighted[language] / characters[language], 4),
        "languages": shares,
        "paragraphs": paragraphs,
    }
