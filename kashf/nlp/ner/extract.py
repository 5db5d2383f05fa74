"""``extract_entities``: every entity mention in a text, in three languages.

Pattern entities (e-mail, phone, money, plates, coordinates, URLs, dates) come
from :mod:`kashf.nlp.patterns` over the whole text; names (PER, ORG, LOC) from
the tagger of each paragraph's language; LOC mentions are then linked to the
gazetteer with the whole document as context. Where a pattern and a name
overlap, the pattern wins: an e-mail address is not a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from kashf.nlp import patterns
from kashf.nlp.gazetteer import default_gazetteer
from kashf.nlp.ner import tagger
from kashf.nlp.ner.lexicons import CODE_NAME_MARK

PATTERN_VERSION = f"patterns-{patterns.VERSION}"
NAME_LABELS = ("PER", "ORG", "LOC")
LABELS = (*NAME_LABELS, "EMAIL", "PHONE", "MONEY", "VEHICLE", "COORD", "URL", "DATE")

Segment = tuple[int, int, str]  # start, end, language

_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.DOTALL)
_PERSIAN_ONLY = frozenset("پچژگکیۀ")
_ARABIC_ONLY = frozenset("ةيكىؤإأ")


def guess_language(text: str) -> str | None:
    """fa, ar or en from the letters alone (a fallback when no language id is at hand)."""
    latin = arabic_script = persian = arabic = 0
    for ch in text:
        if "a" <= ch.lower() <= "z":
            latin += 1
        elif "\u0600" <= ch <= "\u06ff":
            arabic_script += 1
            persian += ch in _PERSIAN_ONLY
            arabic += ch in _ARABIC_ONLY
    if not latin and not arabic_script:
        return None
    if latin > arabic_script:
        return "en"
    return "fa" if persian >= arabic else "ar"


def paragraph_segments(text: str) -> list[Segment]:
    """Language per paragraph: the language-id module when it is there, else a script guess."""
    try:
        from kashf.text.langid import paragraph_languages  # written alongside this module
    except ImportError:
        paragraph_languages = None
    if paragraph_languages is not None:
        try:
            return segments_from(paragraph_languages(text), text)
        except Exception:  # noqa: BLE001 - a language-id failure must not lose the entities
            pass
    out = []
    for m in _PARAGRAPH.finditer(text):
        language = guess_language(m.group())
        if language:
            out.append((m.start(), m.end(), language))
    return out


def segments_from(paragraphs: Iterable[Any], text: str) -> list[Segment]:
    """Segments from language-stage paragraphs (dicts or objects with start, end, language).

    Paragraphs in a language we have no model for fall back to a script guess.
    """
    out = []
    for paragraph in paragraphs:
        get = paragraph.get if isinstance(paragraph, dict) else lambda k, p=paragraph: getattr(p, k, None)
        start, end, language = int(get("start")), int(get("end")), get("language")
        if language not in tagger.SUPPORTED:
            language = guess_language(text[start:end])
        if language:
            out.append((start, end, language))
    return out


def _merge(segments: Sequence[Segment]) -> list[Segment]:
    """Neighbouring paragraphs of one language form one run, so document rules see them all."""
    runs: list[Segment] = []
    for start, end, language in sorted(segments):
        if runs and runs[-1][2] == language:
            runs[-1] = (runs[-1][0], end, language)
        else:
            runs.append((start, end, language))
    return runs


def extract(text: str, segments: Sequence[Segment]) -> list[dict[str, Any]]:
    """Mentions of ``text`` given its language segments; see :func:`extract_entities`."""
    found = [
        {"start": m.start, "end": m.end, "label": m.label, "text": m.text,
         "confidence": m.confidence, "extractor": "patterns", "version": PATTERN_VERSION}
        for m in patterns.find_patterns(text)
    ]
    taken = [(m["start"], m["end"]) for m in found]
    names = []
    for start, end, language in _merge(segments):
        for span in tagger.tag_names(text[start:end], language):
            s, e = start + span.start, start + span.end
            if any(s < te and ts < e for ts, te in taken):
                continue
            names.append({"start": s, "end": e, "label": span.label, "text": text[s:e],
                          "confidence": span.confidence, "extractor": f"ner-{span.extractor}",
                          "version": f"ner-{span.model}-{tagger.VERSION}"})
    _code_names_are_people(text, names)
    _link_places([n for n in names if n["label"] == "LOC"])
    return sorted(found + names, key=lambda m: (m["start"], m["end"]))


# The name inside a source cue: «منبع با نام رمز «دانا»», «المصدر (صقر)», "source ORCHID".
_QUOTED_NAME = re.compile(r"[\"«“'(]([^\"»”')\n]{1,30})[\"»”')]\s*$|(\S+)\s*$")
# A code name given without a cue word: «با نام مستعار «دانا»», "code-named ORCHID".
_CODE_NAMED = re.compile(
    r"(?:با\s+نام\s+(?:رمز|مستعار)|با\s+اسم\s+رمز|نام\s+(?:رمز|مستعار)|code-?named|codename|"
    r"الاسم\s+الحركي|الملقب|المسمى)\s+(?:[\"«“'(][^\"»”')\n]{1,30}[\"»”')]|[^\s,.،]+)",
    re.IGNORECASE,
)


def _code_names_are_people(text: str, names: list[dict[str, Any]]) -> None:
    """A code name is a person everywhere in its document, even where the tagger read it as a
    place: the source «دانا» is not the Syrian town Ad Dana."""
    from kashf.nlp import events_lexicon as lex

    codes = set()
    cased = lex.fold(text, lower=False)
    for m in [*lex.source_cues().finditer(cased), *_CODE_NAMED.finditer(cased)]:
        inner = _QUOTED_NAME.search(text[m.start() : m.end()])
        if inner:
            name = (inner.group(1) or inner.group(2)).strip()
            if name and not name[0].isdigit():  # «منبع ۲۰۷» is numbered, not named
                codes.add(lex.fold(name))
    if not codes:
        return
    for mention in names:
        if mention["label"] in ("PER", "LOC") and lex.fold(mention["text"]) in codes:
            mention["label"] = "PER"
            mention["extractor"] += CODE_NAME_MARK


def _link_places(locations: list[dict[str, Any]]) -> None:
    if not locations:
        return
    places = default_gazetteer().link([m["text"] for m in locations])
    for mention, place in zip(locations, places, strict=True):
        if place is not None:
            mention["place"] = place.as_dict()


def extract_entities(text: str, language: str | None = None) -> list[dict[str, Any]]:
    """Every entity mention in ``text``: names (PER, ORG, LOC) and pattern entities.

    Each mention is ``{"start", "end", "label", "text", "confidence", "extractor",
    "version"}`` plus ``"place"`` (gazetteer id, name, lat, lon, country, feature) on
    a linked LOC. Offsets are code points into ``text``, end exclusive. ``language``
    (fa, ar, en) applies to the whole text; when None it is found per paragraph.
    """
    if not text:
        return []
    if language and _script_of(language) != _script_of(guess_language(text) or language):
        # "--lang en" on Persian text: the letters say otherwise, and a Latin model would
        # take a whole Persian clause for a name; each paragraph's own language is used
        language = None
    segments = [(0, len(text), language)] if language else paragraph_segments(text)
    return extract(text, segments)


def _script_of(language: str) -> str:
    return "latin" if language == "en" else "arabic"
