"""Decoding text of unknown encoding: cheap for UTF-8, careful for the legacy code pages.

Order: byte-order mark; strict UTF-8 (by far the common case, and a strict decode almost never
succeeds on legacy bytes by accident); UTF-16 without a mark (NUL pattern); a charset the
container declared (HTML meta, MIME header); then a scorer over the single-byte code pages a
Middle-East leak holds. The scorer prefers the code page whose decoded words each stay in one
script: Arabic-script words without Latin letters, Latin words with only a few accents. Generic
detectors (charset-normalizer) confuse cp1252 with cp1257 on short texts and take Persian
cp1256 for other scripts, so they are only asked when the scorer finds nothing plausible.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte code pages tried by the scorer, in order of preference on a tie.
CANDIDATES: tuple[str, ...] = (
    "cp1252",
    "cp1256",
    "iso-8859-6",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1255",
    "cp1254",
    "iso-8859-8",
    "cp1257",
    "koi8-r",
)
_SAMPLE = 65536
_HIGH_WORDS = re.compile(rb"[^\s]*[\x80-\xff][^\s]*")
_IMPLAUSIBLE = frozenset({"So", "Sm", "Sk", "Cc", "Co", "Cn"})


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; never raises (the last resort maps bytes 1:1)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name
    # UTF-16 of ASCII text is valid UTF-8 (NUL is a character), so look for it first; real
    # UTF-8 text has no NUL bytes and this memchr costs nothing on the fast path.
    if b"\x00" in data[:4096]:
        wide = guess_utf16(data[:4096])
        if wide:
            return data.decode(wide, "replace"), wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        name = _codec_name(declared)
        if name and name not in ("utf-8", "ascii"):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    name = guess_single_byte(data[:_SAMPLE])
    return data.decode(name, "replace"), name


def _codec_name(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if label in ("iso-8859-8-i", "iso-8859-6-i", "iso-8859-6-e", "iso-8859-8-e"):
        label = label[:-2]  # logical/visual order variants share the code page
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def guess_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NUL-studded ``data`` reads as UTF-16 text, else None.

    In UTF-16 text the high byte of each unit takes very few values (0x00 for Latin, 0x06 for
    Arabic script, 0x20 for punctuation) while the low byte varies; binary data has neither.
    """
    data = data[: len(data) // 2 * 2]
    if len(data) < 8 or b"\x00" not in data:
        return None  # too little to judge; and real UTF-16 text has spaces or Latin (NUL bytes)
    for name, high, low in (
        ("utf-16-le", data[1::2], data[0::2]),
        ("utf-16-be", data[0::2], data[1::2]),
    ):
        top = sum(count for _, count in Counter(high).most_common(3))
        if top < 0.9 * len(high) or low.count(0) > 0.05 * len(low):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            text = data[:-2].decode(name, "strict") if _decodes(data[:-2], name) else None
        if text is not None and not any(
            unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text
        ):
            return name
    return None


def _decodes(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return False
    return True


def guess_single_byte(sample: bytes) -> str:
    """The code page under which ``sample`` reads most like words of one script each."""
    # Only words with non-ASCII bytes tell code pages apart; scoring just those (up to
    # ~1,500) keeps a legacy-encoded file at a few ms instead of a Python loop over 64 KB.
    words = _HIGH_WORDS.findall(sample, 0, _SAMPLE)[:1500]
    if words:
        sample = b" ".join(words)
    best_name, best_score, best_bad = "cp1252", None, 0
    for name in CANDIDATES:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        good, bad = _coherence(text)
        score = good - 2 * bad
        if best_score is None or score > best_score:
            best_name, best_score, best_bad = name, score, bad
    if best_score is None or best_score <= 0 < best_bad:
        other = _ask_charset_normalizer(sample)
        if other:
            return other
    if best_score is None:
        return "latin-1"  # every byte maps: nothing is lost, even if nothing is right
    return best_name


def _ask_charset_normalizer(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # loaded lazily: rarely needed, slow to import

    match = from_bytes(sample).best()
    return match.encoding if match else None


def _coherence(text: str) -> tuple[int, int]:
    """(plausible, implausible) counts of non-ASCII characters in ``text``."""
    good = bad = 0
    word: list[str] = []
    text += " "
    for index, ch in enumerate(text):
        if ch.isalpha():
            word.append(ch)
            continue
        if word:
            g, b = _word_score(word)
            good += g
            bad += b
            word = []
        if ord(ch) > 127 and not ch.isspace():
            # Punctuation (“ ” – … « » ، ؛), currency and ZWNJ are normal in text; symbols,
            # controls and unassigned code points mostly come from a wrong code page, and
            # so do digits-as-superscripts or ¿ wedged between letters ("Za¿ó³æ" is Polish
            # cp1250 read as cp1252).
            category = unicodedata.category(ch)
            wedged = index > 0 and text[index - 1].isalpha() and text[index + 1].isalpha()
            if (
                ch == "¤"
                or category in _IMPLAUSIBLE
                or (wedged and (category == "No" or ch in "¿¡"))
            ):
                bad += 1
    return good, bad


def _word_score(word: list[str]) -> tuple[int, int]:
    high = [ch for ch in word if ord(ch) > 127]
    if not high:
        return 0, 0
    scripts = {_script(ch) for ch in high}
    if len(scripts) > 1:
        return 0, len(high)
    script = scripts.pop()
    if script == "latin":
        # Accented Latin words are mostly ASCII letters ("café", "Müller"); a run of
        # accented capitals ("ÇáÊÞÑíÑ") is Arabic or Cyrillic read in the wrong code page.
        # Central European words are rich in Latin Extended-A letters (ł ż ś ć ń ą ę ř ů),
        # which no Arabic or Cyrillic code page read as Latin-1 produces in bulk.
        extended = sum(0x0100 <= ord(ch) <= 0x017F for ch in high)
        ok = len(high) * 2 <= len(word) or len(word) <= 4 or extended * 2 >= len(high)
    else:
        ok = len(high) == len(word)
    if ok and script in ("latin", "cyrillic", "greek"):
        # Case must make sense: "ПнПЗС" is Arabic read as cp1251, not a Russian word.
        text = "".join(word)
        ok = text.islower() or text.isupper() or text[1:].islower() or len(text) <= 2
    if not ok:
        return 0, len(high)
    # Frequent letters count double, to tell apart scripts that share byte ranges
    # (Hebrew in ISO-8859-8 reads as well-formed lower-case Cyrillic in cp1251).
    common = _COMMON.get(script, "")
    return len(high) + sum(ch in common for ch in high), 0


_COMMON = {
    "arabic": "اليمنوبرهتدکسعيیگ",
    "cyrillic": "оеаинтсрвлОЕАИНТСРВЛ",
    "hebrew": "יוהלארמבתשנ",
    "greek": "αοετινσκρπΑΟΕΤΙΝΣΚΡΠ",
    "latin": "éèàüöäóáíñçêâ",
}


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if 0x0590 <= code <= 0x05FF:
        return "hebrew"
    if 0x0370 <= code <= 0x03FF:
        return "greek"
    return "latin"
