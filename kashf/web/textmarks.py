"""Cut text into plain and marked pieces, so templates can escape each piece on its own.

Snippets and document text come from leaked files and are hostile. We never build
HTML by pasting ``<mark>`` into them: we split the text at the given offsets and let
Jinja's autoescape handle every piece, wrapping only the marked ones in tags of ours.
Offsets are Python string indices (code points), as the index and the store give them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """A run of text; ``marked`` pieces are highlights, ``entity_id`` ones link to an entity."""

    text: str
    marked: bool = False
    label: str | None = None
    entity_id: str | None = None
    start: int | None = None  # offset in the full text, for #m-START anchors


def _clean_spans(spans: Iterable[Sequence[int]], length: int) -> list[tuple[int, int]]:
    """Clamp to the text, drop empty or malformed spans, merge overlaps, sort."""
    clean: list[tuple[int, int]] = []
    for span in spans:
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(length, end)
        if start < end:
            clean.append((start, end))
    clean.sort()
    merged: list[tuple[int, int]] = []
    for start, end in clean:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str | None, spans: Iterable[Sequence[int]] | None) -> list[Piece]:
    """Split ``text`` at ``[[start, end], ...]`` into unmarked and marked pieces."""
    text = text or ""
    pieces: list[Piece] = []
    cursor = 0
    for start, end in _clean_spans(spans or (), len(text)):
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], marked=True))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append(Piece(text[cursor:]))
    return pieces


def with_mentions(
    text: str | None, mentions: Iterable[dict] | None, start: int = 0, end: int | None = None
) -> list[Piece]:
    """The slice ``text[start:end]`` cut at entity mentions (overlapping ones: first wins)."""
    text = text or ""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    chosen: list[dict] = []
    last_end = start
    for mention in sorted(mentions or (), key=lambda m: (_int(m.get("start")), -_int(m.get("end")))):
        raw_start, raw_end = _int(mention.get("start")), _int(mention.get("end"))
        if raw_start < 0 or raw_end < 0:
            continue  # malformed offsets: show the text plain rather than guess
        m_start, m_end = max(raw_start, start), min(raw_end, end)
        if m_start >= m_end or m_start < last_end:
            continue
        chosen.append({**mention, "start": m_start, "end": m_end})
        last_end = m_end
    pieces: list[Piece] = []
    cursor = start
    for mention in chosen:
        if mention["start"] > cursor:
            pieces.append(Piece(text[cursor : mention["start"]]))
        entity = mention.get("entity_id")
        pieces.append(
            Piece(
                text[mention["start"] : mention["end"]],
                marked=True,
                label=str(mention.get("label") or "") or None,
                entity_id=str(entity) if entity not in (None, "") else None,
                start=mention["start"],
            )
        )
        cursor = mention["end"]
    if cursor < end or not pieces:
        pieces.append(Piece(text[cursor:end]))
    return pieces


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def name_spans(text: str | None, names: Iterable[str]) -> list[list[int]]:
    """Where any of ``names`` occurs in ``text`` (for marking an entity inside a quote)."""
    text = text or ""
    spans = []
    for name in {n for n in names if n and len(n) > 1}:
        position = text.find(name)
        while position >= 0:
            spans.append([position, position + len(name)])
            position = text.find(name, position + len(name))
    return spans
