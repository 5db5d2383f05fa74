"""Organisations the news names every day, in three scripts: a list, not a guess.

The models learn organisations from projected news text, where "Congress", «گوگل» or
«حزب‌الله» are too rare to be learned well. ``kashf/nlp/data/organizations.tsv`` lists
the ones a reader of Middle East leaks meets (international bodies, governments'
institutions, agencies, parties and armed groups, the press, companies, banks) with
their English, Persian and Arabic spellings. A run of words that is one of them, where
the model saw no name, is an ORG; a span the model called a person or a place that is
exactly one of them is an ORG too ("Rangers", «کرملین»).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kashf.nlp.ner.tokens import fold, key_from_words, place_key

DATA = Path(__file__).resolve().parents[1] / "data" / "organizations.tsv"
MAX_WORDS = 7

Span = tuple[int, int, str, float, str]


@lru_cache(maxsize=1)
def known_organisations() -> dict[str, str]:
    """Lookup key → the organisation's English name."""
    keys: dict[str, str] = {}
    if not DATA.is_file():
        return keys
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, aliases = line.partition("\t")
        for alias in {name, *aliases.split("|")}:
            key = place_key(alias.strip())
            if len(key) >= 2:
                keys.setdefault(key, name.strip())
    return keys


def organisation_rule(words: list[str], labels: list[str], found: list[Span],
                      breaks: list[bool]) -> list[Span]:
    """``found`` with known organisations added (where the model saw nothing) or relabelled
    (a PER or LOC span that is exactly one); ``labels`` are updated to match."""
    known = known_organisations()
    if not known:
        return found
    firsts = _first_words()
    folded = [fold(w) for w in words]
    exact = {(i, j): n for n, (i, j, *_rest) in enumerate(found)}
    out = list(found)
    i = 0
    while i < len(words):
        matched = 0
        # a key starts with the word, or (an article or joiner dropped) with the next one
        if folded[i] not in firsts and (i + 1 >= len(words) or folded[i + 1] not in firsts) \
                and key_from_words(folded[i : i + 1]) not in firsts:
            i += 1
            continue
        for length in range(min(MAX_WORDS, len(words) - i), 0, -1):
            if any(breaks[k] for k in range(i + 1, i + length)):
                continue
            key = key_from_words(folded[i : i + length])
            if key not in known or not _name_like(words[i : i + length]):
                continue
            index = exact.get((i, i + length))
            if index is not None and out[index][2] in ("PER", "LOC"):
                start, end, _label, confidence, how = out[index]
                out[index] = (start, end, "ORG", confidence, how + "+known-org")
            elif index is None and all(labels[k] == "O" for k in range(i, i + length)):
                out.append((i, i + length, "ORG", 0.6, "rule-known-org"))
            else:
                continue
            for k in range(i, i + length):
                labels[k] = "ORG"
            matched = length
            break
        i += matched or 1
    return out


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in known_organisations())


def _name_like(span: list[str]) -> bool:
    """A Latin name starts with a capital ("Congress", "BBC"), not "congress" in prose."""
    first = span[0]
    return not first.isascii() or not first[:1].isalpha() or first[:1].isupper()
