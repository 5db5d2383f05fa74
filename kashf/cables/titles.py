"""Title case for all-capitals cable subjects, keeping acronyms (``HMG``, ``U.S.-UK``).

Subjects of older cables are typed in capitals; lists and tables read better in
title case. Words in the acronym table (cablemap's, BSD; see ``data/README.md``)
stay in capitals unless they are short English words (``IN``, ``AT``, ``OF``);
short function words are lower case except at the start of the title or after a
colon; each part of a hyphenated word is capitalised (``Socio-Economic``); the
redaction mark stays ``XXXXXXXXXXXX``. A subject typed in mixed case is left as
it is; one typed all in lower case is treated like one in capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kashf.cables.stations import DATA

SMALL_WORDS = {"a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "to", "for", "at",
               "by", "as", "vs", "via", "per"}
_ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")
_REDACTED = re.compile(r"^X{4,}$")  # the release's redaction mark


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    words = (DATA / "acronyms.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(w.strip() for w in words if w.strip() and not w.startswith("#"))


def title_case(subject: str) -> str:
    """``THE NEW GERMAN CABINET - AN OVERVIEW`` → ``The New German Cabinet - An Overview``."""
    subject = subject.strip()
    if re.search(r"[a-z]", subject):
        if re.search(r"[A-Z]", subject):
            return subject  # typed in mixed case: as the writer wanted it
        subject = subject.upper()  # typed all in lower case, like one in capitals
    out: list[str] = []
    start_of_phrase = True
    for token in re.split(r"(\s+)", subject):
        if not token or token.isspace():
            out.append(token)
            continue
        out.append(_word(token, start_of_phrase))
        start_of_phrase = token.endswith(":") or token in ("-", "--", "—")
    return "".join(out)


def _word(token: str, first: bool) -> str:
    lead = re.match(r"^[\"'“‘(\[]*", token).group()
    trail = re.search(r"[\"'”’)\]:;,.?!]*$", token[len(lead):]).group()
    core = token[len(lead):len(token) - len(trail)] if trail else token[len(lead):]
    if not core:
        return token
    if core in acronyms() and core.lower() not in SMALL_WORDS or _ROMAN.match(core) or \
            _of_acronym(core) or _REDACTED.match(core):
        return lead + core + trail
    parts = re.split(r"(--|-|/)", core)
    if len(parts) > 1 and core not in acronyms():
        words = [p if p in ("-", "--", "/") else _part(p, first and i == 0)
                 for i, p in enumerate(parts)]
        return lead + "".join(words) + trail
    return lead + _part(core, first) + trail


_OF_ACRONYM = re.compile(r"^[B-DF-HJ-NP-TV-XZ]{2,}O[B-DF-HJ-NP-TV-XZ]+$")


def _of_acronym(word: str) -> bool:
    """An acronym spelled with the O of "of" (``DROC``, ``PROC`` beside ``DRC``, ``PRC``).

    Only a word whose one vowel is that O, after two consonants, counts: in the 796
    cables of the 2010 sample no English word in capitals has that shape and a known
    acronym inside (``BOND`` and ``LONG`` have the O second).
    """
    return len(word) <= 6 and bool(_OF_ACRONYM.match(word)) and word.replace("O", "") in acronyms()


def _part(word: str, first: bool) -> str:
    if not word:
        return word
    if word in acronyms() and word.lower() not in SMALL_WORDS or _of_acronym(word):
        return word
    lower = word.lower()
    if lower in SMALL_WORDS and not first:
        return lower
    m = re.match(r"^(\d+)([A-Z]+)$", word)  # 63RD
    if m:
        return m.group(1) + m.group(2).lower()
    if "'" in word or "’" in word:
        head, mark, tail = re.split(r"(['’])", word, maxsplit=1)
        if head in acronyms():
            return head + mark + tail.lower()
        if len(head) == 1:
            return head.upper() + mark + tail.capitalize()
        return head.capitalize() + mark + tail.lower()
    return word[0].upper() + word[1:].lower()
