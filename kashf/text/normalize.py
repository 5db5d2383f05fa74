"""Search normalization for Persian, Arabic and mixed text.

The index and the query parser both run text through :func:`normalize_for_search`
before Tantivy's default tokenizer (split on non-alphanumerics, lowercase) sees
it, so the many ways the same Persian or Arabic word gets typed end up as one
token sequence: Arabic ``ي ك`` vs Persian ``ی ک``, with or without harakat,
tatweel, ZWNJ, hamza seats, Persian/Arabic-Indic digits, and the verbal prefix
«می» or plural «ها» written attached, with a ZWNJ, or with a space.

Design choices (see ``docs/search-normalization.md`` for the journalist's view):

* Only Arabic-script letters, marks, digits and invisible controls change. ASCII
  passes through untouched (pure-ASCII text takes a fast path), so the query
  syntax (``AND``, ``"phrase"``, ``prefix*``, ``lang:fa``) survives and
  lowercasing stays with the tokenizer.
* Every character maps to zero, one or (for presentation-form ligatures) several
  characters through one table, applied with ``str.translate`` to short texts
  and as a numpy lookup to long ones (ten times faster; both paths are tested
  to agree). The detached-clitic joins are two precompiled regexes that only
  delete whitespace. Both properties let :func:`normalize_with_offsets` map
  each output character back to its source.
* Kurdish, Pashto and Urdu letters that carry their own sounds (ڕ ڵ ۆ ێ ې ښ ډ ے…)
  are kept: folding them would merge distinct words in those languages.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

__all__ = [
    "normalize_for_search",
    "normalize_with_offsets",
    "normalize_query_text",
    "original_span",
]

# --- character folding -------------------------------------------------------

YEH = "\u06cc"  # ی Farsi yeh: the one yeh we index
KAF = "\u06a9"  # ک keheh: the one kaf we index
HEH = "\u0647"  # ه
ALEF = "\u0627"  # ا
WAW = "\u0648"  # و

_LETTER_FOLDS: dict[str, str] = {
    # Yeh family: Arabic yeh, alef maksura (Arabic «على» and the name «علي»
    # collide; that is the price of matching Persian «علی»), yeh with hamza.
    "\u064a": YEH,  # ي
    "\u0649": YEH,  # ى
    "\u0626": YEH,  # ئ
    # Kaf: Arabic kaf and the swash kaf of Sindhi-style fonts.
    "\u0643": KAF,  # ك
    "\u06aa": KAF,  # ڪ
    # Heh family: teh marbuta is pronounced and spelled as heh in Persian
    # («مدرسة» / «مدرسه»), heh with yeh above is the Persian ezafe form
    # («خانۀ» / «خانه»), Urdu/Kurdish heh shapes show up from other keyboards.
    "\u0629": HEH,  # ة
    "\u06c0": HEH,  # ۀ
    "\u06c1": HEH,  # ہ heh goal
    "\u06c2": HEH,  # ۂ
    "\u06c3": HEH,  # ۃ teh marbuta goal
    "\u06be": HEH,  # ھ heh doachashmee (initial heh on Urdu/Kurdish layouts)
    "\u06d5": HEH,  # ە ae: Sorani writes it where Persian writes final heh
    # Alef seats: writers drop hamza and madda all the time.
    "\u0622": ALEF,  # آ
    "\u0623": ALEF,  # أ
    "\u0625": ALEF,  # إ
    "\u0671": ALEF,  # ٱ wasla
    "\u0672": ALEF,  # ٲ
    "\u0673": ALEF,  # ٳ
    "\u0675": ALEF,  # ٵ
    "\u0624": WAW,  # ؤ
    "\u0676": WAW,  # ٶ
    # Digits in the two Arabic-script systems.
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # ۰–۹ Persian
    **{chr(0x0660 + d): str(d) for d in range(10)},  # ٠–٩ Arabic-Indic
    "\u066b": ".",  # ٫ Arabic decimal separator
    "\u066c": ",",  # ٬ Arabic thousands separator
    "\u066a": "%",  # ٪
}

# Removed outright. Harakat and Quranic marks are optional vowel signs; tatweel
# is typographic stretching; the lone hamza «ء» is written or dropped at will
# («اجزاء» / «اجزا»). Zero-width and bidi controls are invisible and, left in,
# would make Tantivy split «می‌رود» into two tokens.
_DELETED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),  # Arabic signs written above/below (honorifics, small marks)
    (0x064B, 0x065F),  # harakat: fathatan … wavy hamza below
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x08D3, 0x08FF),  # Arabic Extended-A combining marks
    (0x0640, 0x0640),  # tatweel
    (0x0621, 0x0621),  # hamza on the line
    (0x200B, 0x200F),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0x061C, 0x061C),  # Arabic letter mark
    (0x00AD, 0x00AD),  # soft hyphen (used as a ZWNJ stand-in by some keyboards)
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
)


def _fold_char(ch: str) -> str:
    """The fold of one character of the basic tables (no presentation forms)."""
    code = ord(ch)
    for low, high in _DELETED_RANGES:
        if low <= code <= high:
            return ""
    return _LETTER_FOLDS.get(ch, ch)


def _build_table() -> dict[int, str | None]:
    """One translate table: folds, deletions, and Arabic presentation forms.

    Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) come from old PDFs and
    Word files that store glyph shapes instead of letters. NFKC turns them back
    into letters (a ligature such as «ﻻ» into two); the fold then applies.
    """
    table: dict[int, str | None] = {}
    for ch, target in _LETTER_FOLDS.items():
        table[ord(ch)] = target
    for low, high in _DELETED_RANGES:
        for code in range(low, high + 1):
            table[code] = None
    for low, high in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC)):
        for code in range(low, high + 1):
            ch = chr(code)
            if unicodedata.category(ch) == "Cn":
                continue
            decomposed = unicodedata.normalize("NFKC", ch)
            if decomposed == ch:
                continue
            folded = "".join(_fold_char(c) for c in decomposed)
            table[code] = folded or None
    return table


_TABLE = _build_table()

# Characters whose mapping is not exactly one character: the only places where
# output and input offsets drift apart.
_RESIZING = "".join(
    re.escape(chr(code))
    for code, value in sorted(_TABLE.items())
    if value is None or len(value) != 1
)
_RESIZING_RE = re.compile(f"[{_RESIZING}]")


def _ranges_class(codes: list[int]) -> str:
    """A regex character class covering ``codes``, written as ranges to stay small."""
    parts, codes = [], sorted(set(codes))
    start = previous = codes[0]
    for code in [*codes[1:], None]:
        if code is not None and code == previous + 1:
            previous = code
            continue
        parts.append(
            re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else "")
        )
        if code is not None:
            start = previous = code
    return "[" + "".join(parts) + "]"


# Text with none of these (every character the table changes, and the Arabic block
# whose letters the clitic joins read) comes out unchanged: English cables full of
# curly quotes and dashes skip the fold entirely.
_NEEDS_WORK_RE = re.compile(_ranges_class([*_TABLE, *range(0x0600, 0x0700)]))
# The few of them in Latin-1 (the soft hyphen): a text that is all Latin-1 needs only these
# looked for, with ``in``, where the class search above scans a cable at a tenth of the speed.
_LATIN1_WORK = tuple(chr(code) for code in sorted(_TABLE) if code < 256)


def _untouched(text: str) -> bool:
    """True when nothing here would change ``text``: no need to fold or join it."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")  # a copy at memory speed; fails at the first wider character
    except UnicodeEncodeError:
        return _NEEDS_WORK_RE.search(text) is None
    return not any(character in text for character in _LATIN1_WORK)


# --- the vectorised fold --------------------------------------------------------

# Above this length the numpy path wins; below it (queries, snippets) the fixed
# cost of building arrays does not pay off. Both paths read the same table.
_NUMPY_MIN_LENGTH = 256
# Long texts are folded this many characters at a time: the UTF-32 arrays cost
# 4 bytes a character, several times over, and ingest must stay under 1 GiB
# even for a 100 MB text file.
_NUMPY_CHUNK = 1 << 20
_DELETE = 0xFFFFFFFE  # sentinels in the code point table; no real code point is this high
_EXPAND = 0xFFFFFFFF


@functools.cache
def _numpy_tables() -> tuple[Any, Any, dict[int, Any]] | None:
    """Code point → folded code point for all of Unicode, built on first use.

    4.4 MB of uint32 beats a per-character dict lookup by an order of
    magnitude on long texts. Returns None where numpy is missing, and the
    pure-Python path serves instead.
    """
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is pinned in requirements/text.txt
        return None
    table = np.arange(0x110000, dtype=np.uint32)
    expansions: dict[int, Any] = {}
    for code, value in _TABLE.items():
        if value is None:
            table[code] = _DELETE
        elif len(value) == 1:
            table[code] = ord(value)
        else:
            table[code] = _EXPAND
            expansions[code] = np.array([ord(c) for c in value], dtype=np.uint32)
    return np, table, expansions


def _fold(text: str) -> str:
    """Apply the translate table (numpy for long texts)."""
    tables = _numpy_tables() if len(text) >= _NUMPY_MIN_LENGTH else None
    if tables is None:
        return text.translate(_TABLE)
    if len(text) <= _NUMPY_CHUNK:
        return _fold_numpy(text, tables, with_offsets=False)[0]
    return "".join(
        _fold_numpy(text[start : start + _NUMPY_CHUNK], tables, with_offsets=False)[0]
        for start in range(0, len(text), _NUMPY_CHUNK)
    )


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Apply the translate table and say where each output character came from."""
    tables = _numpy_tables() if len(text) >= _NUMPY_MIN_LENGTH else None
    offsets: list[int] = []
    if tables is not None:
        pieces: list[str] = []
        for start in range(0, len(text), _NUMPY_CHUNK):
            chunk = text[start : start + _NUMPY_CHUNK]
            piece, piece_offsets = _fold_numpy(chunk, tables, with_offsets=True, base=start)
            pieces.append(piece)
            offsets.extend(piece_offsets or ())
        return "".join(pieces), offsets
    previous = 0
    for match in _RESIZING_RE.finditer(text):
        position = match.start()
        offsets.extend(range(previous, position))
        replacement = _TABLE[ord(text[position])]
        if replacement:
            offsets.extend([position] * len(replacement))
        previous = position + 1
    offsets.extend(range(previous, len(text)))
    return text.translate(_TABLE), offsets


def _fold_numpy(
    text: str, tables: tuple[Any, Any, dict[int, Any]], with_offsets: bool, base: int = 0
) -> tuple[str, list[int] | None]:
    """The table lookup over a UTF-32 view of ``text``; offsets start at ``base``.

    ``surrogatepass`` keeps lone surrogates (left by lenient decoders) intact
    instead of failing on them, as ``str.translate`` would.
    """
    np, table, expansions = tables
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folded = table[points]
    special = folded >= _DELETE
    if not special.any():
        offsets = list(range(base, base + len(text))) if with_offsets else None
        return folded.tobytes().decode("utf-32-le", "surrogatepass"), offsets
    expanding = folded == _EXPAND
    if not expanding.any():
        keep = ~special
        result = folded[keep].tobytes().decode("utf-32-le", "surrogatepass")
        return result, ((np.flatnonzero(keep) + base).tolist() if with_offsets else None)
    # Rare: presentation-form ligatures. Repeat each source position by the
    # length of its replacement, then fill in the ligatures' letters.
    lengths = np.ones(len(points), dtype=np.int64)
    lengths[folded == _DELETE] = 0
    where = np.flatnonzero(expanding)
    for position in where.tolist():
        lengths[position] = len(expansions[int(points[position])])
    source = np.repeat(np.arange(len(points)), lengths)
    result_points = folded[source]
    starts = np.cumsum(lengths) - lengths
    for position in where.tolist():
        letters = expansions[int(points[position])]
        result_points[starts[position] : starts[position] + len(letters)] = letters
    result = result_points.tobytes().decode("utf-32-le", "surrogatepass")
    return result, ((source + base).tolist() if with_offsets else None)


# --- detached clitics ----------------------------------------------------------

# Arabic-script letters as they look after folding (no marks, no digits).
_L = "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
# Horizontal whitespace only: a line break is a real boundary (a heading, a
# list item), and joining across it would glue unrelated words.
_W = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"

# Which joins, and why (false joins only cost recall of the clitic alone, which
# nobody searches for; missed joins cost every search for the word):
#  * prefix «می» / «نمی» (continuous / negated continuous verb) + next word:
#    «می رود» → «میرود», like «می‌رود» once the ZWNJ is gone. Arabic «مي»
#    (the name May) then joins its neighbour, on both the index and the query
#    side, so a search for «مي زيادة» still finds it.
#  * suffix plural «ها», «های», «هایی» and the possessive «هایم/هایت/هایش/
#    هایمان/هایتان/هایشان», comparative «تر» and superlative «ترین», joined to
#    the previous word: «کتاب ها» → «کتابها», «بزرگ تر» → «بزرگتر».
# Not joined: «بی» (Arabic «بي» "with me", and «بی بی سی»), «ای»/«ام»/«اند»
# (they fold from Arabic «أي» and «أم», very common standalone words), «تری»
# (Arabic «ترى» "you see").
#
# Two passes, each deleting only whitespace, because each then starts with a
# literal or a small class that the regex engine can scan for quickly (one
# alternation starting with lookbehinds ran at a third of the speed).
# Prefix: «می» at a word start (or after a word-initial «ن»), the whitespace, a letter.
_PREFIX_RE = re.compile(rf"می(?:(?<=(?<!\w)نمی)|(?<!\wمی))({_W}+)(?=[{_L}])")
# Suffix: whitespace after a letter, then a whole-word clitic.
# The early lookahead for «ه»/«ت» (or more whitespace) rejects most spaces
# before the lookbehind runs: 40% faster on Persian news text.
_SUFFIX_RE = re.compile(
    rf"{_W}(?=[هت]|{_W})(?<=[{_L}]{_W}){_W}*"
    rf"(?=(?:ها(?:ی(?:ی|م|ت|ش|مان|تان|شان)?)?|تر(?:ین)?)(?!\w))"
)
# Text without a single Arabic-script letter (English with curly quotes) skips both passes.
_ARABIC_LETTER_RE = re.compile(f"[{_L}]")


def _join(text: str) -> str:
    if _ARABIC_LETTER_RE.search(text) is None:
        return text
    return _SUFFIX_RE.sub("", _PREFIX_RE.sub("می", text))


def _drop(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Delete ``spans`` (sorted, disjoint) from ``text`` and its parallel ``offsets``."""
    if not spans:
        return text, offsets
    pieces: list[str] = []
    kept: list[int] = []
    previous = 0
    for start, end in spans:
        pieces.append(text[previous:start])
        kept.extend(offsets[previous:start])
        previous = end
    pieces.append(text[previous:])
    kept.extend(offsets[previous:])
    return "".join(pieces), kept


def normalize_for_search(text: str) -> str:
    """Fold ``text`` for indexing or matching; see the module docstring.

    Pure ASCII is returned unchanged (nothing here touches it), which keeps
    English cables on the fast path.
    """
    if _untouched(text):
        return text
    return _join(_fold(text))


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize_for_search(text)`` and, for each of its characters, where it came from.

    The list has one entry per output character plus one: ``offsets[i]`` is the
    index in ``text`` of the character that produced output character ``i``
    (a ligature expands to several characters sharing one source index), and
    ``offsets[len(result)]`` is ``len(text)``. Use :func:`original_span` to turn
    a hit ``[start, end)`` in the normalized string into a span of ``text``.
    """
    if _untouched(text):
        return text, list(range(len(text) + 1))
    folded, offsets = _fold_with_offsets(text)
    if _ARABIC_LETTER_RE.search(folded) is None:
        offsets.append(len(text))
        return folded, offsets
    folded, offsets = _drop(folded, offsets, [m.span(1) for m in _PREFIX_RE.finditer(folded)])
    folded, offsets = _drop(folded, offsets, [m.span() for m in _SUFFIX_RE.finditer(folded)])
    offsets.append(len(text))
    return folded, offsets


# Query-only folds: Persian keyboards quote with guillemets and type the
# Arabic five-pointed star for an asterisk; the query parser wants ASCII.
_QUERY_TABLE = str.maketrans({"«": '"', "»": '"', "\u066d": "*", "\u201c": '"', "\u201d": '"'})


def normalize_query_text(text: str) -> str:
    """Normalize a user's query string before it reaches Tantivy's query parser.

    Contract: everything ASCII is left as typed, so operators (``AND OR NOT``,
    ``+ -``, parentheses), quotes, ``*``, and field prefixes such as
    ``lang:fa`` or ``path:leak/`` keep working; Persian guillemets «» and curly
    quotes become ``"`` and «٭» becomes ``*``; then the same folds and joins as
    :func:`normalize_for_search`, so a phrase query ``"می رود"`` becomes the
    single term ``میرود`` that the index holds. The clitic joins never cross a
    quote or an operator, because they need an Arabic-script letter on both sides.
    """
    if text.isascii():
        return text
    return normalize_for_search(text.translate(_QUERY_TABLE))


def original_span(text: str, offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a span ``[start, end)`` of the normalized string back onto ``text``.

    The span runs from the source of the first character to just past the
    source of the last one, then takes in the harakat and tatweel that were
    folded away right after it, so a highlight covers the whole written word
    («كتابٌ» rather than «كتاب» with a stray tanwin).
    """
    if start >= end:
        return offsets[start], offsets[start]
    begin = offsets[start]
    stop = offsets[end - 1] + 1
    while stop < len(text) and _is_trailing_mark(text[stop]):
        stop += 1
    return begin, stop


def _is_trailing_mark(ch: str) -> bool:
    """A character that belongs to the letter before it and vanished in folding."""
    return ch == "\u0640" or (unicodedata.category(ch) == "Mn" and _TABLE.get(ord(ch), ch) is None)
