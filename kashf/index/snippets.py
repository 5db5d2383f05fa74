"""Snippets cut from the original text, with highlights found through normalized text.

Search matches normalized words; the reader wants the words as written. We
normalize the document with an offset map, find the query's words there, pick
the densest window, and map it back, so a query «ي» highlights the «ی» the
document really has.
"""

from __future__ import annotations

import re

from kashf.index.query import WORD, Terms
from kashf.text.normalize import normalize_with_offsets

#: Only the start of very long documents is scanned for a snippet.
SCAN_CHARS = 200_000
WINDOW = 240


def make_snippet(text: str, terms: Terms, window: int = WINDOW) -> tuple[str, list[list[int]]]:
    """(snippet, [[start, end], ...]) with offsets into the snippet."""
    head = text[:SCAN_CHARS]
    normalized, offsets = normalize_with_offsets(head)
    matches: list[tuple[int, int]] = []
    if terms.words or terms.prefixes:
        for token in WORD.finditer(normalized):
            word = token.group().lower()
            if word in terms.words or any(word.startswith(p) for p in terms.prefixes):
                matches.append((offsets[token.start()], offsets[token.end()]))
    if not matches:
        start = 0
        end = _cut_end(head, min(len(head), window))
        return _clean(head[start:end]), []
    start, end = _best_window(matches, window, len(head))
    start = _cut_start(head, start)
    end = _cut_end(head, end)
    snippet = head[start:end]
    highlights = [[s - start, e - start] for s, e in matches if s >= start and e <= end]
    return _clean(snippet), highlights


def _best_window(matches: list[tuple[int, int]], window: int, length: int) -> tuple[int, int]:
    best_first, best_count = 0, 0
    last = 0
    for first in range(len(matches)):
        last = max(last, first)
        while last + 1 < len(matches) and matches[last + 1][1] - matches[first][0] <= window:
            last += 1
        count = len({m for m in matches[first : last + 1]})
        if count > best_count:
            best_first, best_count = first, count
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
