"""Features of each token for the CRF tagger.

A CRF sees each token through a bag of string features. What helps in Arabic
script is what the writing system hides: the folded form (so ي/ی, ك/ک and
hamza variants are one word), the stem without و/ب/ل/ال clitics, the word's
ends (nisba -ي, plural -ها/-ات), and outside knowledge — titles before names,
kunya particles, organisation heads, and whether a run of words is a known
place. Latin script adds the capitalisation that Arabic script lacks.
"""

from __future__ import annotations

from functools import lru_cache

from kashf.nlp.gazetteer import Gazetteer
from kashf.nlp.ner.lexicons import (
    LOC_CUES,
    LOC_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    english_lowercase,
    latin_names,
    person_names,
    word_frequency,
    world_place_first_words,
    world_places,
)
from kashf.nlp.ner.tokens import fold, is_arabic_script, key_from_words, strip_clitics

_BIG_CITY = 50_000


def _shape(word: str) -> str:
    if is_arabic_script(word):
        return "A"
    out = []
    for ch in word[:6]:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def _lexicon_flags(folded: str, stem: str, names: frozenset[str]) -> str:
    flags = []
    if folded in PERSON_TITLES or stem in PERSON_TITLES:
        flags.append("T")
    if folded in NAME_PARTICLES:
        flags.append("K")
    if folded in ORG_HEADS or stem in ORG_HEADS:
        flags.append("O")
    if folded in LOC_HEADS or stem in LOC_HEADS:
        flags.append("L")
    if folded in LOC_CUES:
        flags.append("C")
    if folded in names or stem in names:
        flags.append("N")
    return "".join(flags) or "-"


def gazetteer_tags(words: list[str], gazetteer: Gazetteer | None) -> list[str]:
    """B-/I- tags of the longest known place names in a token list (folded words), '-' elsewhere.

    The tag carries the place's kind: c country, b big city or site, s small place.
    """
    tags = ["-"] * len(words)
    if gazetteer is None:
        return tags
    i = 0
    while i < len(words):
        first = strip_clitics(words[i])
        best = 0
        kind = ""
        if first in gazetteer.first_words or words[i] in gazetteer.first_words:
            for length in range(min(6, len(words) - i), 0, -1):
                span = words[i : i + length]
                for key in (key_from_words([first, *span[1:]]), key_from_words(span)):
                    hits = gazetteer.by_key.get(key)
                    if hits:
                        best, kind = length, _kind(gazetteer, hits)
                        break
                if best:
                    break
        if best:
            tags[i] = "B" + kind
            for j in range(i + 1, i + best):
                tags[j] = "I" + kind
            i += best
        else:
            i += 1
    return tags


def world_place_tags(words: list[str], folded: list[str]) -> list[str]:
    """B-/I- tags, with the place's kind, of the longest runs of words that name a place
    somewhere in the world ("West Virginia", "Dumfries and Galloway", «ویرجینیای غربی»),
    '-' elsewhere. Latin words count only when capitalised; an Arabic-script first word
    also without its conjunction or its clitics («والقرم»)."""
    tags = ["-"] * len(words)
    places = world_places()
    longest = world_place_first_words()
    i = 0
    while i < len(words):
        best = 0
        arabic = is_arabic_script(words[i])
        if arabic or words[i][:1].isupper():
            first = folded[i]
            # (in a fixed order, not a set's: the first reading that names a place sets its
            # kind, and a set's order changes from run to run)
            firsts = list(dict.fromkeys(
                [first, first[1:] if first[:1] in "وف" else first, strip_clitics(first)])) \
                if arabic else [first]
            for first in firsts:
                most = min(longest.get(first, 0), len(words) - i)
                for length in range(most, best, -1):
                    last = words[i + length - 1]
                    if not (is_arabic_script(last) if arabic else last[:1].isupper()):
                        continue
                    kind = places.get(" ".join([first, *folded[i + 1 : i + length]]))
                    if kind:
                        best = length
                        tags[i] = "B" + kind
                        for j in range(i + 1, i + length):
                            tags[j] = "I" + kind
                        break
        i += best or 1
    return tags


def _kind(gazetteer: Gazetteer, hits: list[int]) -> str:
    places = [gazetteer.places[h] for h in hits]
    if any(p.feature == "country" for p in places):
        return "c"
    if any(p.population >= _BIG_CITY or p.feature not in ("city",) for p in places):
        return "b"
    return "s"


@lru_cache(maxsize=200_000)
def _word(word: str, language: str | None
          ) -> tuple[str, str, str, str, str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """What a word says about itself: folded form, stem, lexicon flags, shape, frequency
    bucket and its own features (the same wherever the word stands)."""
    f = fold(word)
    s = strip_clitics(f)
    flags = _lexicon_flags(f, s, person_names())
    shape = _shape(word)
    frequency = word_frequency(language) if language else {}
    zipf = str(frequency.get(f, 0)) if frequency else ""
    own = ["b", "w=" + f, "s=" + s, "p3=" + s[:3], "x2=" + f[-2:], "x3=" + f[-3:],
           "sh=" + shape, "lx=" + flags, "ln=" + str(min(len(f), 8))]
    if word[:1].isupper():
        own.append("cap")
        # Latin only: a capitalised common word is a sentence start or a title more
        # often than a name.
        if f in english_lowercase():
            own.append("lc")
        name_kind = latin_names().get(f)
        if name_kind:
            own.append("nm=" + name_kind)
    if s != f:
        own.append("clitic=" + f[: len(f) - len(s)])
    if zipf:
        own.append("zf=" + zipf)
        if s != f:
            own.append("zfs=" + str(frequency.get(s, 0)))
    # what the word says as a neighbour two and one before, and one and two after
    around = tuple(
        (f"{offset}w={f}", f"{offset}lx={flags}",
         *((f"{offset}s={s}", f"{offset}sh={shape}") if offset in (-1, 1) else ()))
        for offset in (-2, -1, 1, 2)
    )
    return f, s, flags, shape, zipf, tuple(own), around


# A neighbour's gazetteer tag ('-', or B/I and the kind c/b/s gazetteer_tags gives) and its
# padding beyond the sentence, as feature strings made once.
_GAZ_AROUND = {(offset, tag): f"{offset}g={tag}" for offset in (-2, -1, 1, 2)
               for tag in ("-", *(edge + kind for edge in "BI" for kind in "cbs"))}
_PAD = {offset: f"{offset}pad" for offset in (-2, -1, 1, 2)}


def token_features(words: list[str], gazetteer: Gazetteer | None,
                   language: str | None = None) -> list[list[str]]:
    """The feature strings of every token of one sentence (``words`` as written).

    With ``language``, each word also gets how common it is in that language
    (``zf=0`` never seen .. ``zf=7``), and so do its neighbours.
    """
    info = [_word(w, language) for w in words]
    folded = [x[0] for x in info]
    zipf = [x[4] for x in info]
    # Latin words count as gazetteer hits only when capitalised ("Sur" the town, not "sur").
    gaz_words = [f if (is_arabic_script(w) or w[:1].isupper()) else "\x00"
                 for w, f in zip(words, folded, strict=True)]
    gaz = gazetteer_tags(gaz_words, gazetteer)
    world = world_place_tags(words, folded)
    n = len(words)
    out = []
    for i in range(n):
        w = words[i]
        feats = [*info[i][5], "g=" + gaz[i]]
        if world[i] != "-":
            feats.append("wp=" + world[i])
        for offset in (-1, 1):
            j = i + offset
            if 0 <= j < n and world[j] != "-":
                feats.append(f"{offset}wp={world[j]}")
        if w[:1].isupper():
            if i == 0 or words[i - 1] in (".", "!", "?", ":", '"', "“"):
                feats.append("cap_first")
            # Capitalised neighbours make a run of name words.
            for offset in (-1, 1):
                j = i + offset
                if 0 <= j < n and words[j][:1].isupper():
                    feats.append(f"{offset}cap")
        if zipf[i]:
            if i > 0:
                feats.append("-1zf=" + zipf[i - 1])
            if i + 1 < n:
                feats.append("1zf=" + zipf[i + 1])
        for k, offset in enumerate((-2, -1, 1, 2)):
            j = i + offset
            if 0 <= j < n:
                feats += info[j][6][k]
                feats.append(_GAZ_AROUND[offset, gaz[j]])
            else:
                feats.append(_PAD[offset])
        if i > 0:
            feats.append(f"bi-1={folded[i - 1]}|{folded[i]}")
        out.append(feats)
    return out
