"""Names across scripts and spellings: keys, variants, scores and query expansion.

The public functions here are what the rest of kashf calls: resolution blocks and
scores mentions with them, the search expands a query term through them, and
``kashf names match`` ranks candidates with them. All are pure and offline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from kashf.resolve.keys import (
    NameKeys,
    canonical_words,
    fold_latin,
    is_arabic_script,
    name_keys,
    normalize_arabic,
)

# The vowel-aware key only breaks ties between candidates of equal skeleton (tuned on the
# ar2en *train* split, never on eval).
_VOWEL_WEIGHT = 0.2
_WORD = re.compile(r"[^\s\-_.,،؛;:/\\|()\[\]{}«»\"“”]+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Folded titles from ``titles.tsv`` (ZWNJ-joined ones as one word, as folding makes them)."""
    text = resources.files("kashf.resolve").joinpath("titles.tsv").read_text(encoding="utf-8")
    titles = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            titles.add(_fold_word(line.split("\t", 1)[0]))
    return frozenset(titles)


def _fold_word(word: str) -> str:
    return normalize_arabic(word) if is_arabic_script(word) else fold_latin(word).strip(".")


def strip_titles(name: str) -> tuple[str, list[str]]:
    """Split leading honorifics and ranks from a name: ``("قاسم سلیمانی", ["سردار"])``.

    A name made of titles only ("Dr.") is returned whole: it is all we know.
    """
    titles = _titles()
    words = list(_WORD.finditer(name))
    found: list[str] = []
    index = 0
    while index < len(words) - 1:
        folded = _fold_word(words[index].group())
        # "آیت الله" and "حجت الاسلام" are often written as two words.
        pair = folded + _fold_word(words[index + 1].group())
        if pair in titles and index < len(words) - 2:
            found.append(name[words[index].start() : words[index + 1].end()])
            index += 2
        elif folded in titles:
            found.append(words[index].group())
            index += 1
        else:
            break
    if not found:
        return name.strip(), []
    return name[words[index].start() :].strip(), found


def _keys(name: str) -> NameKeys:
    return name_keys(strip_titles(name)[0])


def name_key(name: str) -> str:
    """A blocking key: the primary consonant skeleton of each word, sorted, titles stripped.

    Equal keys mean "very likely the same name in any script or spelling":
    ``name_key("Qasem Soleimani") == name_key("سلیمانی قاسم")``.
    """
    return " ".join(sorted(_keys(name).primary.split()))


def name_variants(name: str) -> set[str]:
    """Surface spellings of ``name`` that a search should also look for.

    The name as written, without titles, without the Arabic article, and in both the
    Persian and the Arabic letter forms of ی/ي and ک/ك (an index may or may not fold them).
    """
    core, _ = strip_titles(name)
    variants = {name.strip(), core}
    if is_arabic_script(core):
        folded = normalize_arabic(core)
        variants.add(folded)
        variants.add(folded.replace("ی", "ي").replace("ک", "ك"))
        variants.add(" ".join(canonical_words(core)))
    else:
        plain = " ".join(w.capitalize() for w in canonical_words(core))
        variants.add(plain)
    return {v for v in variants if v}


def _keys_score(a: NameKeys, b: NameKeys) -> float:
    """Similarity of two keyed names in 0-1 (see ``match_score``)."""
    if not a.primary or not b.primary:
        return 0.0
    best = 0.0
    for ra in a.skeletons:
        for rb in b.skeletons:
            best = max(best, fuzz.token_sort_ratio(ra, rb), fuzz.ratio(ra.replace(" ", ""), rb.replace(" ", "")))
    count_a, count_b = len(a.primary.split()), len(b.primary.split())
    if count_a != count_b:
        # One name inside the other ("Soleimani" in "Qasem Soleimani"): likely, not certain.
        best = max(best, 0.9 * fuzz.token_set_ratio(a.primary, b.primary))
    vowels = fuzz.ratio(a.vowelled, b.vowelled)
    return round(((1 - _VOWEL_WEIGHT) * best + _VOWEL_WEIGHT * vowels) / 100.0, 4)


def match_score(a: str, b: str) -> float:
    """How likely two spellings name the same person or place, in 0-1, whatever their scripts.

    Titles are ignored, token order is ignored, kunya/ibn and the Arabic article are unified;
    the score is mostly the consonant-skeleton similarity, refined by the written vowels.
    """
    return _keys_score(_keys(a), _keys(b))


def best_matches(
    name: str, candidates: Iterable[str], top: int = 5, min_score: float = 0.0
) -> list[tuple[str, float]]:
    """The ``top`` candidates most like ``name``, best first, each with its ``match_score``.

    A fast C pre-filter (rapidfuzz on the compact skeleton) picks a shortlist; only the
    shortlist gets the full score, so thousands of candidates cost milliseconds.
    """
    pool = list(dict.fromkeys(c for c in candidates if c and c.strip()))
    if not pool or top <= 0:
        return []
    query = _keys(name)
    keyed = [_keys(c) for c in pool]
    shortlist = _shortlist(query, keyed, limit=max(50, top * 10))
    scored = [(pool[i], _keys_score(query, keyed[i])) for i in shortlist]
    scored = [(c, s) for c, s in scored if s >= min_score]
    scored.sort(key=lambda pair: (-pair[1], pair[0]))
    return scored[:top]


def _shortlist(query: NameKeys, keyed: list[NameKeys], limit: int) -> list[int]:
    """Indexes of the candidates whose compact skeleton is nearest any reading of the query."""
    if len(keyed) <= limit:
        return list(range(len(keyed)))
    choices = [k.compact for k in keyed]
    picked: dict[int, float] = {}
    for reading in query.skeletons:
        hits = process.extract(reading.replace(" ", ""), choices, scorer=fuzz.ratio, limit=limit)
        for _, score, index in hits:
            picked[index] = max(picked.get(index, 0.0), score)
        if len(query.primary.split()) > 1:
            hits = process.extract(reading, choices, scorer=fuzz.partial_ratio, limit=limit // 2)
            for _, score, index in hits:
                picked[index] = max(picked.get(index, 0.0), score)
    return sorted(picked, key=lambda i: -picked[i])[: limit * 2]


def expand_query_term(term: str, known_names: Iterable[str], min_score: float = 0.88) -> list[str]:
    """Spellings to search for besides ``term``: its own variants and every known name that
    matches it (a query for ``Soleimani`` gains سلیمانی and سليماني when the case knows them).

    The term comes first; the rest are sorted by score, best first, without duplicates.
    """
    out: dict[str, float] = {term: 2.0}
    for variant in name_variants(term):
        out.setdefault(variant, 1.5)
    query = _keys(term)
    # A skeleton of one consonant ("abu" → B) matches any short word with that letter
    # ("BIAP", "P.", «ب»): too little to say two spellings are one name.
    if len(query.primary.replace(" ", "")) >= 2:
        for name in dict.fromkeys(known_names):
            score = _expansion_score(query, name)
            if score >= min_score:
                for variant in name_variants(name) | {name}:
                    out[variant] = max(out.get(variant, 0.0), score)
    return sorted(out, key=lambda v: (-out[v], v))


def _expansion_score(query: NameKeys, name: str) -> float:
    """A known name matches a one-word query when any of its words does (Soleimani ⊂ Qasem S.)."""
    keys = _keys(name)
    whole = _keys_score(query, keys)
    if len(query.primary.split()) == 1 and len(keys.primary.split()) > 1:
        for word in strip_titles(name)[0].split():
            whole = max(whole, _keys_score(query, name_keys(word)))
    return whole
