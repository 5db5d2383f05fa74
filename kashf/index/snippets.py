"""Snippets cut from the original text, with highlights found through normalized text.

Search matches normalized words; the reader wants the words as written. We
normalize the document with an offset map, find the query's words there, pick
the densest window, and map it back, so a query «ي» highlights the «ی» the
document really has.
"""

from __future__ import annotations

import re
from itertools import islice

from kashf.index.query import Terms
from kashf.text.normalize import normalize_with_offsets, original_span

#: Only the start of very long documents is scanned for a snippet.
SCAN_CHARS = 200_000
WINDOW = 240
#: Documents are normalized for highlighting this many characters at a time.
CHUNK = 4_000
#: Enough matches to choose the densest window.
MAX_MATCHES = 64


def make_snippet(text: str, terms: Terms, window: int = WINDOW) -> tuple[str, list[list[int]]]:
    """(snippet, [[start, end], ...]) with offsets into the snippet."""
    head = text[:SCAN_CHARS]
    matches = _find(head, terms)
    if not matches:
        end = _cut_end(head, min(len(head), window))
        return _clean(head[:end]), []
    start, end = _best_window(matches, window, len(head))
    start = _cut_start(head, start)
    end = _cut_end(head, end)
    snippet = head[start:end]
    highlights = [[s - start, e - start] for s, e in matches if s >= start and e <= end]
    return _clean(snippet), highlights


def _find(head: str, terms: Terms) -> list[tuple[int, int]]:
    """Spans in ``head`` of the query's words, scanning chunk by chunk until some match.

    Normalizing a whole long document for ten hits per query would dominate search
    time; the first chunk with a match is enough for a snippet.
    """
    pattern = _pattern(terms)
    if pattern is None:
        return []
    chunk_start = 0
    while chunk_start < len(head):
        chunk_end = _cut_end(head, chunk_start + CHUNK) if chunk_start + CHUNK < len(head) else len(head)
        piece = head[chunk_start:chunk_end]
        normalized, offsets = normalize_with_offsets(piece)
        # Lowercasing can change a string's length (İ); then fall back to case-blind matching.
        lowered = normalized.lower()
        if len(lowered) != len(normalized):
            lowered = normalized
        found = []
        for match in islice(pattern.finditer(lowered), MAX_MATCHES):
            # original_span keeps vowel marks written after the last letter inside the highlight.
            begin, end = original_span(piece, offsets, match.start(), match.end())
            found.append((chunk_start + begin, chunk_start + end))
        if found:
            return found
        chunk_start = chunk_end
    return []


def _pattern(terms: Terms) -> re.Pattern[str] | None:
    alternatives = [re.escape(w) for w in sorted(terms.words, key=len, reverse=True)]
    alternatives += [re.escape(p) + r"\w*" for p in sorted(terms.prefixes, key=len, reverse=True)]
    if not alternatives:
        return None
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def _best_window(matches: list[tuple[int, int]], window: int, length: int) -> tuple[int, int]:
    best_first, best_count = 0, 0
    last = 0
    for first in range(len(matches)):
        last = max(last, first)
        while last + 1 < len(matches) and matches[last + 1][1] - matches[first][0] <= window:
            last += 1
        if last - first + 1 > best_count:
            best_first, best_count = first, last - first + 1
    anchor = matches[best_first][0]
    start = max(0, anchor - window // 4)
    return start, min(length, start + window)


def _cut_start(text: str, start: int) -> int:
    if start == 0:
        return 0
    space = text.rfind(" ", max(0, start - 20), start)
    return space + 1 if space >= 0 else start


def _cut_end(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    space = text.find(" ", end, end + 20)
    return space if space >= 0 else end


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(snippet: str) -> str:
    """Same length as the input so highlight offsets stay true: controls become spaces."""
    return _CONTROL.sub(" ", snippet).replace("\n", " ").replace("\t", " ")
