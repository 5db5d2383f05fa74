"""Names (PER, ORG, LOC) in one language's text: the CRF model, then rules.

The CRF (one model per language, shipped in ``kashf/nlp/models``) proposes
spans sentence by sentence. Rules then add what a statistical tagger trained on
other news misses in leaked reports:

* a title or honorific (سید، حاج، سردار، آقای، الشيخ، Dr, General...) followed by
  a name-like word makes a person;
* a known, unambiguous place (a country, a large city, one of our sites)
  is a location even where the model was unsure;
* within one document a name keeps one label: a surname seen in a full name
  elsewhere is the same person, a form tagged once is tagged everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from kashf.nlp.gazetteer import Gazetteer, default_gazetteer
from kashf.nlp.ner import cable
from kashf.nlp.ner.features import token_features, world_place_tags
from kashf.nlp.ner.known_orgs import organisation_rule
from kashf.nlp.ner.lexicons import (
    AREA_HEADS,
    AREA_HEADS_FA,
    FACILITY_HEADS,
    FACILITY_HEADS_EN,
    FACILITY_KIND_TAILS,
    FACILITY_TAILS,
    FACILITY_TAILS_LOWER,
    FACILITY_TAILS_OF_NAMES,
    FACILITY_TAILS_OF_ORGS,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    STOPWORDS,
    STREET_HEADS,
    VENUE_BRANDS,
    english_lowercase,
    latin_names,
    person_names,
    word_frequency,
    world_place_first_words,
    world_places,
)
from kashf.nlp.ner.tokens import Token, fold, is_arabic_script, key_from_words, tokenize

MODELS = Path(__file__).resolve().parents[1] / "models"
VERSION = 29
# Languages without a model of their own borrow the nearest one.
_FALLBACK = {"fa": ("fa", "ar"), "ar": ("ar", "fa"), "en": ("en",), "ckb": ("fa", "ar"),
             "prs": ("fa", "ar"), "ps": ("fa", "ar"), "ur": ("fa", "ar")}
SUPPORTED = frozenset(_FALLBACK)
_SENTENCE_END = frozenset(".!?؟")
_MAX_SENTENCE = 120


@dataclass(frozen=True)
class NameSpan:
    """A name found in text: code-point span, label, confidence, and which part found it."""

    start: int
    end: int
    label: str
    confidence: float
    extractor: str
    model: str


@lru_cache(maxsize=8)
def _load(name: str) -> pycrfsuite.Tagger | None:
    path = MODELS / f"ner-{name}.crfsuite"
    if not path.exists():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def model_for(language: str) -> tuple[str, pycrfsuite.Tagger] | None:
    """The model that serves ``language`` (its own, or the nearest one shipped), loaded once."""
    for name in _FALLBACK.get(language, (language,)):
        tagger = _load(name)
        if tagger is not None:
            return name, tagger
    return None


_APOSTROPHES = re.compile(r"['’ʼ`]")
# A line break or a tab (a spreadsheet cell) between two words: no name runs across it.
_BREAK = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of sentences: split after . ! ? ؟, at line breaks and tabs."""
    out = []
    start = 0
    for i, token in enumerate(tokens):
        end_here = token.text in _SENTENCE_END or i - start + 1 >= _MAX_SENTENCE
        if end_here and token.text == "." and i > start and _abbreviation(tokens[i - 1], token):
            end_here = i - start + 1 >= _MAX_SENTENCE
        if not end_here and i + 1 < len(tokens):
            end_here = _BREAK.search(text, token.end, tokens[i + 1].start) is not None
        if end_here:
            out.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


# Latin abbreviations whose full stop does not end a sentence ("Murphy J. Paul", "Dr. Ali").
_ABBREVIATIONS = frozenset("""
Mr Mrs Ms Dr St Jr Sr Gen Col Lt Capt Maj Sgt Adm Cmdr Brig Sen Rep Gov Prof Rev Mt Ft
Inc Co Corp Ltd No vs
""".split())


def _abbreviation(previous: Token, stop: Token) -> bool:
    word = previous.text
    if previous.end != stop.start or not word.isascii():
        return False
    return (len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS


def _hyphen_end(tokens: list[Token], i: int, j: int, label: str = "") -> int:
    """End of a span grown over hyphenated parts written without spaces ("Ri Yong-ho"),
    and, for a person, over an initial and the name after it ("Murphy J. Paul")."""
    while label == "PER" and j + 1 < len(tokens) and len(tokens[j - 1].text) == 1 \
            and tokens[j - 1].text.isascii() and tokens[j - 1].text.isupper() and tokens[j].text == "." \
            and tokens[j].start == tokens[j - 1].end and tokens[j + 1].text[:1].isupper():
        j += 2
    while j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j].start == tokens[j - 1].end \
            and tokens[j + 1].start == tokens[j].end and tokens[j + 1].text[:1].isalpha():
        j += 2
    if j - i > 1 and tokens[j - 1].text == "-" and j < len(tokens) and tokens[j].start == tokens[j - 1].end \
            and tokens[j].text[:1].isalpha():
        j += 1
    return j


def _decode(labels: list[str], tagger: pycrfsuite.Tagger) -> list[tuple[int, int, str, float]]:
    spans = []
    i = 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        label = labels[i][2:]
        j = i + 1
        while j < len(labels) and labels[j] == "I-" + label:
            j += 1
        confidence = sum(tagger.marginal(labels[k], k) for k in range(i, j)) / (j - i)
        spans.append((i, j, label, confidence))
        i = j
    return spans


def tag_names(text: str, language: str, gazetteer: Gazetteer | None = None) -> list[NameSpan]:
    """PER/ORG/LOC spans in ``text`` written in ``language`` (fa, ar, en...), in text order."""
    gazetteer = gazetteer or default_gazetteer()
    tokens = tokenize(cable.mask(text))
    words = [t.text for t in tokens]
    # The models never saw "Sa'adi" as one token: they read it as "Saadi".
    model_words = [_APOSTROPHES.sub("", w) if len(w) > 2 else w for w in words]
    breaks = [k > 0 and _BREAK.search(text, tokens[k - 1].end, tokens[k].start) is not None
              for k in range(len(tokens))]
    chosen = model_for(language)
    labels = ["O"] * len(tokens)
    found: list[tuple[int, int, str, float, str]] = []
    model_name = chosen[0] if chosen else "none"
    for start, end in sentences(text, tokens):
        if chosen is None:
            break
        tagger = chosen[1]
        predicted = tagger.tag(token_features(model_words[start:end], gazetteer, model_name))
        covered = start
        world: list[str] | None = None
        for i, j, label, confidence in _decode(predicted, tagger):
            if start + i < covered:
                continue  # swallowed by the span before it ("Murphy J." + "Paul")
            if label == "LOC":
                # A place the model cut short keeps the whole of its known name: «ویرجینیای
                # غربی», not «ویرجینیای» ("western" is an everyday word).
                world = world or _world_tags(model_words[start:end])
                while j < len(world) and world[j][:1] == "I" and world[i][:1] == "B":
                    j += 1
            # Titles stay outside the name: "آقای ابومهدی" is the person ابومهدی.
            while label == "PER" and j - i > 1 and fold(words[start + i]) in PERSON_TITLES:
                i += 1
            j = _trim(words, start + i, start + j) - start
            j = min(end, _hyphen_end(tokens, start + i, start + j, label)) - start
            covered = start + j
            cleaned = _clean(words, start + i, start + j)
            if cleaned is None:
                continue
            for a, b in _split_coordinated(words, *cleaned, label, gazetteer):
                found.append((a, b, label, confidence, "crf"))
                for k in range(a, b):
                    labels[k] = label
    if model_name != "en":
        found = _latin_runs(words, labels, found, gazetteer, breaks, model_words)
    found = _sites_over_names(words, labels, found, gazetteer, breaks)
    found += _title_rule(words, labels, breaks)
    found = organisation_rule(words, labels, found, breaks)
    found += _place_rule(words, labels, gazetteer, breaks, clitics=model_name == "ar")
    found = _located_places(words, labels, found, gazetteer, breaks, model_name)
    found = _surnames_are_people(words, labels, found)
    found += _document_rule(words, labels, found, breaks)
    found = _facilities(words, labels, found, breaks, gazetteer, model_name)
    out = []
    for i, j, label, conf, how in found:
        for a, b in _pieces(words, i, j, breaks):
            shift = _place_prefix(words[a:b], gazetteer) if label == "LOC" else 0
            out.append(NameSpan(tokens[a].start + shift, tokens[b - 1].end, label, round(conf, 3),
                                how, model_name))
    return sorted(out, key=lambda s: s.start)


# Quote marks and brackets never open or close a name («أبو حيدر», "Abu Haidar").
_OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "‘": "’", "‹": "›", "„": "“"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_QUOTE_CLOSERS = frozenset("»”")  # (not brackets: «حرم ابوالفضل (ع)» is حرم ابوالفضل)

# Words that are never (the edge of) a name: the labels of a Persian or Arabic report's
# header ("شماره: ۴۱/۲۳۷۱", "از: ...", "پیرو: ..."), "یکی" ("one of"), a letter's
# "المحترم" ("the respected") and currency words, which the models tag when they stand
# beside a name or in a spreadsheet's cells.
NEVER_NAMES = frozenset(fold(w) for w in """
شماره تاریخ طبقه‌بندی طبقه بندی از به پیرو موضوع پیوست پیوستها پیوست‌ها رونوشت یکی
العدد التاريخ الموضوع المرفقات المرفق إلى الى من المحترم المحترمة
دینار دلار ریال تومان یورو دولار دولارات الدينار الدولار جمع
دیروز امروز فردا پریروز پس‌فردا دیشب امشب پریشب فرداش دیروزش أمس البارحة
""".split())  # (and the days next to today: «دیروز با مدیر رفتیم» names no one)


def _sites_over_names(words: list[str], labels: list[str], found: list[tuple[int, int, str, float, str]],
                      gazetteer: Gazetteer, breaks: list[bool]) -> list[tuple[int, int, str, float, str]]:
    """A site of ours written out in two words or more («مقام السيدة زينب», «حرم حضرت
    عباس») is that place, over the person or organisation the model read in it. A name that
    began before it keeps its part before; one that runs on past it loses that part, which the
    rules after this one read afresh («زينب بدمشق»: «بدمشق» becomes the place «دمشق»)."""
    keys, firsts = _site_keys(gazetteer)
    folded = [fold(w) for w in words]
    for i in range(len(words) - 1):
        # (a cheap test first: a site's key starts with this word, or the one after an article)
        if folded[i] not in firsts and folded[i + 1] not in firsts:
            continue
        for length in range(min(5, len(words) - i), 1, -1):
            j = i + length
            if all(labels[k] in ("O", "LOC") for k in range(i, j)) or _crosses(breaks, i, j):
                continue
            if key_from_words(folded[i:j]) not in keys:
                continue
            kept = []
            for a, b, label, conf, how in found:
                if b <= i or a >= j:
                    kept.append((a, b, label, conf, how))
                    continue
                for k in range(a, b):
                    labels[k] = "O"
                if a < i:
                    kept.append((a, i, label, conf, how))
                    for k in range(a, i):
                        labels[k] = label
            found = kept
            _claim(labels, i, j, "LOC")
            found.append((i, j, "LOC", 0.6, "rule-site"))
            break
    return found


@lru_cache(maxsize=4)
def _site_keys(gazetteer: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """The lookup keys of our own sites (ids ``kashf:…``) of two words or more, and their
    first words, with the Arabic article too (a key drops it: «السيدة» is keyed «سيدة»)."""
    keys = frozenset(key for key, indexes in gazetteer.by_key.items() if " " in key
                     and any(gazetteer.places[n].id.startswith("kashf:") for n in indexes))
    firsts = {key.split(" ", 1)[0] for key in keys}
    return keys, frozenset(firsts | {"ال" + first for first in firsts})


def _world_tags(words: list[str]) -> list[str]:
    return world_place_tags(words, [fold(w) for w in words])


def _clean(words: list[str], i: int, j: int) -> tuple[int, int] | None:
    """Span (i, j) without punctuation, quote marks, brackets or header words at its
    edges; an opening bracket left unclosed inside it ends the name before it."""
    while True:
        while i < j and (_punctuation(words[i]) or fold(words[i]) in NEVER_NAMES):
            i += 1
        while j > i and (_punctuation(words[j - 1]) or fold(words[j - 1]) in NEVER_NAMES) \
                and not (words[j - 1] in _QUOTE_CLOSERS
                         and _CLOSERS[words[j - 1]] in words[i + 1 : j - 1]):
            j -= 1  # a closing quote mark stays when its name is inside: «مقهى «نجمة»»
        if i >= j:
            return None
        # A Latin name does not run on over a lower-case English word: "al-Sa'adi flew" (but
        # "Piccadilly station" ends in one).
        cut = next((k for k in range(i + 1, j) if words[k][:1].islower() and words[k].isascii()
                    and words[k - 1] not in ("-", "'", "’") and words[k] not in _LOWER_IN_NAMES
                    and words[k] in english_lowercase()
                    and not (k == j - 1 and words[k] in FACILITY_TAILS_LOWER)
                    and not (k == j - 2 and (words[k], words[k + 1]) in FACILITY_KIND_TAILS)), j)
        j = cut
        # "حرم ابوالفضل (ع" after the closing bracket went: the bracketed part goes too.
        depth: list[int] = []
        for k in range(i, j):
            if words[k] in _OPENERS:
                depth.append(k)
            elif words[k] in _CLOSERS and depth:
                depth.pop()
        if not depth:
            return i, j
        if depth[0] > i:
            j = depth[0]
        else:
            i = depth[0] + 1


# Lower-case words that do sit inside Latin names ("Ministry of Transport", "Nizar al-Khafaji").
_LOWER_IN_NAMES = frozenset("""
of for and the de del della da di du des la le el al ul ibn bin bint bani abu van von der den y e et
on upon in at
""".split())


def _punctuation(word: str) -> bool:
    return not any(ch.isalnum() for ch in word)


def _pieces(words: list[str], i: int, j: int, breaks: list[bool]) -> list[tuple[int, int]]:
    """A span cut at line breaks and tabs, each part cleaned (a name never spans them)."""
    bounds = [i, *(k for k in range(i + 1, j) if breaks[k]), j]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        cleaned = _clean(words, a, b)
        if cleaned:
            out.append(cleaned)
    return out


def _crosses(breaks: list[bool], i: int, j: int) -> bool:
    return any(breaks[k] for k in range(i + 1, j))


_PLACE_PREFIXES = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ع")


def _place_prefix(span: list[str], gazetteer: Gazetteer) -> int:
    """How many characters of a place span are a clitic, not the place: و, ف, ب, ل (and
    و/ف with ب/ل) are cut off when the rest is a gazetteer place ("وإيران" -> "إيران",
    "والبحرين" -> "البحرين") and the word as written is not a place itself (واسط, بابل)."""
    word = span[0]
    folded = fold(word)
    if len(folded) < 4 or not is_arabic_script(word) or folded[0] not in "وفبلع":
        return 0
    rest = [fold(w) for w in span[1:]]
    if gazetteer.by_key.get(key_from_words([folded, *rest])):
        return 0
    for prefix in _PLACE_PREFIXES:
        if not folded.startswith(prefix):
            continue
        remainder = folded[len(prefix):]
        letters = len(prefix)
        if prefix.endswith("ل") and remainder.startswith("ل"):
            remainder = remainder[1:]  # للبحرين = ل + (ا)ل + بحرين: the name is بحرين
            letters += 1
        if len(remainder) >= 3 and gazetteer.by_key.get(key_from_words([remainder, *rest])):
            return _chars_for(word, letters)
        if rest and prefix == "ب" and folded not in _VENUE_HEADS and remainder in _PLACE_HEADS:
            return _chars_for(word, letters)  # «بقهوة الشلال», «بقرية الهويدر»: not «ب»
    return 0


def _chars_for(word: str, letters: int) -> int:
    """Characters of ``word`` that hold its first ``letters`` folded letters (and their marks)."""
    seen = 0
    for index, ch in enumerate(word):
        if fold(ch):
            if seen == letters:
                return index
            seen += 1
    return len(word)


# Words that may sit inside a Latin name ("National Trust for Scotland").
_LATIN_LINKS = frozenset({"of", "for", "and", "the", "de", "al", "bin", "-", "&", ".", "'"})


def _latin_run_ranges(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges of Latin-script names written inside Arabic-script text."""
    runs = []
    i = 0
    while i < len(words):
        if not words[i][:1].isupper() or is_arabic_script(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words):
            word = words[j]
            if word[:1].isupper() or (word[:1].isascii() and word[:1].isalnum()):
                j += 1
            elif word in _LATIN_LINKS and j + 1 < len(words) and words[j + 1][:1].isascii() \
                    and words[j + 1][:1].isalnum():
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _latin_runs(words: list[str], labels: list[str], found: list, gazetteer: Gazetteer,
                breaks: list[bool], model_words: list[str]) -> list:
    """Latin-script names in Persian or Arabic text are tagged by the English model.

    Persian news and reports keep many foreign names in Latin letters
    ("Tim Berners-Lee", "FBI"); the Arabic-script models have never seen them.
    """
    runs = [piece for start, end in _latin_run_ranges(words)
            for piece in _pieces_raw(start, end, breaks)]
    english = model_for("en") if runs else None
    if english is None:
        return found
    tagger = english[1]
    for start, end in runs:
        kept = [f for f in found if f[1] <= start or f[0] >= end]
        if len(kept) != len(found):
            for k in range(start, end):
                labels[k] = "O"
            found = kept
        predicted = tagger.tag(token_features(model_words[start:end], gazetteer, "en"))
        for i, j, label, confidence in _decode(predicted, tagger):
            j = _trim(words, start + i, start + j) - start
            cleaned = _clean(words, start + i, start + j)
            if cleaned and _claim(labels, *cleaned, label):
                found.append((*cleaned, label, confidence, "crf-en"))
    return found


def _pieces_raw(i: int, j: int, breaks: list[bool]) -> list[tuple[int, int]]:
    bounds = [i, *(k for k in range(i + 1, j) if breaks[k]), j]
    return list(zip(bounds, bounds[1:], strict=False))


def _split_coordinated(words: list[str], i: int, j: int, label: str,
                       gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A person or place span over "X وY" is two names when وY is و + a known name.

    "نوفاك وريكل", "وسوريا ومصر": the conjunction joins two names. Only where the word
    without و is a known given name or place and the word itself is not a name
    (وليد, وقاص stay whole); in NewsFANE gold such words start a new name.
    """
    if label not in ("PER", "LOC") or j - i < 2:
        return [(i, j)]
    names = person_names()
    cuts = []
    for k in range(i + 1, j):
        folded = fold(words[k])
        # "وو" is how a Latin W is written (وودورد, Woodward), not a conjunction.
        if not folded.startswith("و") or folded.startswith("وو") or len(folded) < 4:
            continue
        if folded not in names and folded not in gazetteer.by_key \
                and (folded[1:] in names or folded[1:] in gazetteer.by_key):
            cuts.append(k)
    bounds = [i, *cuts, j]
    return list(zip(bounds, bounds[1:], strict=False))


def _trim(words: list[str], i: int, j: int) -> int:
    """End of a span without a trailing possessive: "Menga's" names Menga."""
    if j - i > 2 and words[j - 1] in ("s", "S") and words[j - 2] in ("'", "’"):
        return j - 2
    if j - i > 1 and words[j - 1] in ("'", "’"):
        return j - 1
    return j


def _claim(labels: list[str], i: int, j: int, label: str) -> bool:
    if any(labels[k] != "O" for k in range(i, j)):
        return False
    for k in range(i, j):
        labels[k] = label
    return True


# Honorifics that precede a personal name (not job titles like "the minister",
# which precede adjectives as often as names).
_HONORIFICS = frozenset(fold(w) for w in """
سید سیده حاج حاجی حجت‌الاسلام آیت‌الله سردار سرتیپ سرلشکر سرهنگ آقای خانم دکتر شیخ
الشيخ السيد السيدة الحاج الحاجة الدكتور
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sheikh Sayyid Sayed Seyed Haj Hajji General Gen. Colonel Col.
Brigadier Ayatollah Hojatoleslam Imam Mullah Maj. Capt. Lt.
""".split())


def _name_like(word: str, names: frozenset[str]) -> bool:
    folded = fold(word)
    if len(folded) < 2 or not word[:1].isalpha() or folded in STOPWORDS:
        return False
    if folded in PERSON_TITLES or folded in ORG_HEADS:
        return False
    if folded in names:
        return True
    if is_arabic_script(word):
        # After an honorific, an article-less word is a name; "الأمريكي" is an adjective.
        return not folded.startswith("ال")
    return word[:1].isupper()


def _title_rule(words: list[str], labels: list[str],
                breaks: list[bool]) -> list[tuple[int, int, str, float, str]]:
    """Honorific + name-like word(s) -> PER; a further word joins only if it is a known name."""
    names = person_names()
    out = []
    for i, word in enumerate(words[:-1]):
        if fold(word) not in _HONORIFICS or labels[i + 1] != "O" or breaks[i + 1]:
            continue
        if not _name_like(words[i + 1], names) or fold(words[i + 1]) in NEVER_NAMES:
            continue
        j = i + 2
        while j < len(words) and j - i <= 4 and labels[j] == "O" and not breaks[j]:
            folded = fold(words[j])
            latin_cap = not is_arabic_script(words[j]) and words[j][:1].isupper()
            if folded in names or folded in NAME_PARTICLES or latin_cap:
                j += 1
            else:
                break
        if _claim(labels, i + 1, j, "PER"):
            out.append((i + 1, j, "PER", 0.7, "rule-title"))
    return out


_BIG_PLACE = 200_000
_ARTICLES = ("ال", "وال", "بال", "لل", "فال", "كال")


def _place_rule(words: list[str], labels: list[str], gazetteer: Gazetteer,
                breaks: list[bool], clitics: bool = False) -> list[tuple[int, int, str, float, str]]:
    """Countries, cities over 200k people and our own sites -> LOC where the model said nothing.

    Stricter than the model's gazetteer feature: the written words must be the place's
    name (at most an article or و/ب before it), and short keys are ignored. With ``clitics``
    (Arabic) a preposition written on the name counts too: «مسافر لبيروت», spoken Arabic's
    «وصلت عأربيل», «راجع عالشام» (the span keeps the clitic; ``_place_prefix`` cuts it off).
    """
    out = []
    for i in range(len(words)):
        if labels[i] != "O" or not (is_arabic_script(words[i]) or words[i][:1].isupper()):
            continue
        firsts = [words[i]]
        if clitics and is_arabic_script(words[i]):
            firsts += _without_clitic(words[i])
        if not (any(_may_start_place([first, *words[i + 1:i + 2]], 0, gazetteer)
                    for first in firsts) or (
                words[i][:1].isupper() and fold(words[i]) in world_place_first_words())):
            continue
        for length in range(min(5, len(words) - i), 0, -1):
            if any(labels[k] != "O" for k in range(i, i + length)) or _crosses(breaks, i, i + length):
                continue
            span = words[i : i + length]
            place = any(_strong_place([first, *span[1:]], gazetteer) for first in firsts) \
                or _world_place(span)
            if place and _claim(labels, i, i + length, "LOC"):
                out.append((i, i + length, "LOC", 0.6, "rule-gazetteer"))
                break
    return out


#: Prepositions written on an Arabic place name: ل, ب, and spoken Arabic's ع (from على).
_CLITICS = ("ل", "ب", "ع")


def _without_clitic(word: str) -> list[str]:
    """«لبيروت» -> «بيروت», «عالشام» -> «الشام»: the word without a preposition on it."""
    return [word[1:] for clitic in _CLITICS if word.startswith(clitic) and len(word) > 4]


def _world_place(span: list[str]) -> bool:
    """A country, region, US state or city of 100,000 people anywhere, in Latin letters, whose
    name is neither an everyday word nor a person's name ("Amsterdam", "West Virginia"; not
    "Reading" or "Jackson")."""
    if not all(w[:1].isupper() and not is_arabic_script(w) for w in (span[0], span[-1])):
        return False
    folded = [fold(w) for w in span]
    if world_places().get(" ".join(folded)) not in ("c", "a", "T"):
        return False
    return len(span) > 1 or (folded[0] not in english_lowercase() and folded[0] not in latin_names())


# Words after which a name is where something happens or goes: "in", "to", «در», «إلى» (not
# «به»: «به کیان گفتم» is "told Kian"; see _going_after for «به» with a verb of going).
_LOCATIVES = frozenset(fold(w) for w in """
in at to from near into via towards toward outside inside reached
در تا توی تو نزدیک سمت طرف
في إلى الى قرب نحو لمدينة مدينة
""".split())
# Verbs of going (and «راهی», «مقصد») written right before the town, with no preposition.
_GOING_TO = frozenset(fold(w) for w in """
راهی مقصد رسیدم رسیدیم رسید رسیدند رسیده رفتم رفتیم رفت رفتند رفته می‌روم می‌رویم می‌رود
می‌روند بروم برویم برود بروند برم بره برگشتم برگشتیم برگشت برگشتند رساند رساندیم رسانده
وصلنا وصلت وصل وصلوا دخلنا
""".split())
_LOCATIVES |= _GOING_TO
_VENUE_HEADS = FACILITY_HEADS | STREET_HEADS
# Words that head a place's name, a venue's or a district's: after «ب» written on them («بسوق»,
# «بقرية») they open a place of their own.
_PLACE_HEADS = _VENUE_HEADS | AREA_HEADS
_DASHES = frozenset("-–—")
#: A town this small is too likely a namesake of something else to be taken on its own.
_TOWN_POPULATION = 1_000


def _located_places(words: list[str], labels: list[str], found: list[tuple[int, int, str, float, str]],
                    gazetteer: Gazetteer, breaks: list[bool],
                    language: str) -> list[tuple[int, int, str, float, str]]:
    """A town of the gazetteer of any size (of 1,000 people or more), an airport or one of our
    sites, right after a word that says where ("paid him at Safwan", «رفتم خاش», «إلى العقبة»,
    Arabic «بالمنامة»), or after a dash from a place ("Heathrow–Dubai"), where nothing else
    named it. Reports name the small border towns and ports that news seldom does; the word
    before keeps everyday words out, and so do the checks of :func:`_town`.

    The model often reads such a town as a person or an organisation ("traveled to Qusayr",
    "in Al-Zubair"): after "in", "at", "outside" or «در», «في» — or "to" after a verb of going
    or a place — a name that is a town and holds no known given name or surname is the town,
    and so is each side of "Basra – Dubai" read as one name.
    """
    out: list[tuple[int, int, str, float, str]] = []
    for i, j, label, conf, how in found:
        # "Basra – Dubai" read as one name: two towns
        dash = next((k for k in range(i + 1, j - 1) if words[k] in _DASHES), None)
        sides = (words[i:dash], words[dash + 1 : j]) if dash is not None else ()
        if sides and label != "LOC" and all(w[:1].isupper() for w in (words[i], words[dash + 1])) \
                and any(_town(side, gazetteer, language, person=True) for side in sides):
            out += [(i, dash, "LOC", conf, how + "+located"), (dash + 1, j, "LOC", conf, how + "+located")]
            labels[dash] = "O"
            for k in (*range(i, dash), *range(dash + 1, j)):
                labels[k] = "LOC"
        else:
            out.append((i, j, label, conf, how))
    found = list(out)
    people = {i: n for n, (i, j, label, *_rest) in enumerate(found) if label in ("PER", "ORG")}
    # the forms read as a person where no word of place comes before them ("KARIMI said")
    persons = {tuple(words[i:j]) for i, j, label, *_rest in found
               if label == "PER" and (i == 0 or fold(words[i - 1]) not in _LOCATIVES)}
    for i in range(1, len(words)):
        if breaks[i]:
            continue
        before = fold(words[i - 1])
        if language == "ar" and before[:1] in "وف" and before[1:] in _LOCATIVES:
            before = before[1:]  # «ووصلنا», «وإلى»
        firsts = []
        if before in _LOCATIVES or words[i - 1] in _DASHES and i > 1 and labels[i - 2] == "LOC" \
                or before == "the" and i > 1 and fold(words[i - 2]) in _LOCATIVES:
            firsts.append(words[i])
        if i + 1 < len(words) and fold(words[i + 1]) in _VENUE_HEADS:
            continue  # «في باحة جامع الإمام»: the courtyard of a mosque, not the town al-Baha
        # after a verb of going a better-known word may be the town («رفتم آستارا», «رفته وان»)
        loose = before in _GOING_TO
        if language == "ar" and is_arabic_script(words[i]) and words[i][:1] in "بل" \
                and len(words[i]) > 4 \
                and word_frequency("ar").get(fold(words[i]), 0) < _NAME_ZIPF:
            firsts.append(words[i][1:])  # «بالمنامة», «لأربيل»: "in" or "to" written on it
        if language == "fa" and before == "به" and _going_after(words, i):
            firsts.append(words[i])  # «به وان رساند», «به مهران بازگشته»
            loose = True
        if not firsts:
            continue
        n = people.get(i)
        if n is not None:
            j = found[n][1]
            where = before in _IN or loose or before == "to" and i > 1 and (
                fold(words[i - 2]) in _GOING or labels[i - 2] in ("LOC", "ORG"))
            if where and (any(_town([first, *words[i + 1 : j]], gazetteer, language,
                                    person=not loose, loose=loose) for first in firsts)
                          or _world_place(words[i:j])
                          or language == "en" and found[n][2] == "PER"
                          and _unknown_place(words, i, j, persons)):
                out[n] = (i, j, "LOC", found[n][3], found[n][4] + "+located")
                for k in range(i, j):
                    labels[k] = "LOC"
            continue
        if labels[i] != "O":
            continue
        for length in range(min(3, len(words) - i), 0, -1):
            if any(labels[k] != "O" for k in range(i, i + length)) or _crosses(breaks, i, i + length):
                continue
            if any(_town([first, *words[i + 1 : i + length]], gazetteer, language, loose=loose)
                   for first in firsts) \
                    and _claim(labels, i, i + length, "LOC"):
                out.append((i, i + length, "LOC", 0.5, "rule-located-place"))
                break
        else:
            if language == "en" and before in ("to", "into") and _went(words, i - 1):
                j = i
                while j < len(words) and j - i < 3 and labels[j] == "O" and not breaks[j] \
                        and words[j][:1].isupper() and not is_arabic_script(words[j]):
                    j += 1
                if j > i and _unknown_place(words, i, j, persons) \
                        and not any(fold(w) in english_lowercase() or fold(w) in _TIME_WORDS
                                    or fold(w) in PERSON_TITLES or fold(w) in _HONORIFICS
                                    or w.isupper() and len(w) <= 4 for w in words[i:j]) \
                        and _claim(labels, i, j, "LOC"):
                    out.append((i, j, "LOC", 0.5, "rule-gone-to"))  # "fly back into Billund"
    return out


# Capitalised words that say when, not where ("flew to Dubai on Monday": "to Monday" never).
_TIME_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
""".split())


def _went(words: list[str], k: int) -> bool:
    """Whether "to" or "into" at word ``k`` follows a verb of going ("flew to", "drove back
    into")."""
    before = [fold(w) for w in words[max(0, k - 2) : k]]
    return bool(before) and (before[-1] in _GOING or before[-1] == "back" and len(before) > 1
                             and before[0] in _GOING)


# Persian verbs of going that follow their goal: «به وان رساند», «به مهران بازگشته» — whole
# verb forms, not words that begin like one («رسانه», «رفتار», «امداد»).
_GOING_VERB = re.compile(
    "^(?:مي|نمي|ب)?(?:" + "|".join(fold(w) for w in
                               "رفت رسید رساند بازگشت برگشت آمد رو بر".split())
    + ")(?:م|ي|يم|يد|ند|ه|ن|د|ده|يد)?$|^(?:" + "|".join(fold(w) for w in
                                                      "سفر اعزام منتقل عازم".split()) + ")$")


def _unknown_place(words: list[str], i: int, j: int, persons: set[tuple[str, ...]]) -> bool:
    """Whether English words ``i:j`` that the model read as a person, right after "in", "at"
    or "to" after a verb of going, are rather a place no list knows ("drove to Gurbulak", "a
    café in Moda"): capitalised, no word a known given name or surname, not "X's", and the
    same words nowhere else in the document read as a person outside such a place."""
    span = words[i:j]
    if not all(w[:1].isupper() and not is_arabic_script(w) for w in span):
        return False
    if j < len(words) and words[j] in ("'", "’"):
        return False  # "in Karimi's flat"
    if any(len(w) > 2 and fold(w) in latin_names() for w in span) or tuple(span) in persons:
        return False
    return True


def _going_after(words: list[str], i: int) -> bool:
    """Whether a Persian verb of going follows word ``i`` within two words."""
    return any(_GOING_VERB.match(fold(word)) for word in words[i + 1 : i + 3])


# After these a name the model read as a person is a town when the gazetteer says so.
_IN = frozenset(fold(w) for w in "in at near inside outside در توی في".split())
_GOING = frozenset(fold(w) for w in """
travel traveled travelled travels travelling traveling flew flies fly flight trip drove drives drive went goes go
returned returns return moved headed heads sailed crossed back came comes come
""".split())


def _town(span: list[str], gazetteer: Gazetteer, language: str, person: bool = False,
          loose: bool = False) -> bool:
    """Whether ``span`` names a gazetteer town, airport or site and is not an everyday word or
    a person's name (see :func:`_located_places`); with ``person`` (the model read it as one),
    none of its words may be a known given name or surname; with ``loose`` (after a verb of
    going) a word a little more common, or a given name («رفتم مهران»), may be the town."""
    latin = not is_arabic_script(span[0])
    folded = [fold(w) for w in span]
    if latin:
        if not (span[0][:1].isupper() and span[-1][:1].isupper()) or folded[0] in STOPWORDS:
            return False
        # "Umm Qasr": a lower-case word ("umm") may start a longer name; "Al" is no given name
        common = len(span) == 1 and folded[0] in english_lowercase() or (len(span) == 1 or person) \
            and any(w in latin_names() for w in folded if len(w) > 2)
    else:
        common = folded[0] in STOPWORDS \
            or word_frequency(language).get(folded[0], 0) >= _NAME_ZIPF + (1 if loose else 0) \
            or (len(span) == 1 and not loose or person) and any(w in person_names() for w in folded)
    if common:
        return False
    key = key_from_words([_with_article(folded[0]), *folded[1:]])
    # a two-letter name only in Persian («قم»): in Arabic «قم» is "stand up"
    if len(key) < (2 if language == "fa" else 3) or key in _NOT_PLACES:
        return False
    return any(place.feature != "city" or place.population >= _TOWN_POPULATION
               for place in (gazetteer.places[n] for n in gazetteer.by_key.get(key, ())))


def _with_article(first: str) -> str:
    """A folded first word with its clitics before the article gone: «بالمنامة», «وال…» →
    «المنامة», as the gazetteer keys it."""
    for article in _ARTICLES:
        if first.startswith(article) and len(first) - len(article) >= 3:
            return "ال" + first[len(article):]
    return first


def _may_start_place(words: list[str], i: int, gazetteer: Gazetteer) -> bool:
    """Whether a place key could start at word ``i`` (a cheap test before trying spans)."""
    heads = {key_from_words([_with_article(fold(words[i]))])}
    if i + 1 < len(words):
        heads.add(fold(words[i + 1]))  # after a Latin article ("al Hillah") or a joiner
    return any(head in gazetteer.first_words for head in heads)


def _strong_place(span: list[str], gazetteer: Gazetteer) -> bool:
    folded = [fold(w) for w in span]
    first = _with_article(folded[0])
    key = key_from_words([first, *folded[1:]])
    # «آلمان» folds to «المان», whose «ال» is no article: its key «مان» is short but whole
    if (len(key) < 4 and not span[0].startswith("آل")) or key in _NOT_PLACES:
        return False
    # "الروسية", "السوري": with an article and a nisba ending it is an adjective, unless
    # it is a country's own name (السعودية).
    adjective = first.startswith("ال") and first.endswith(("يه", "ي"))
    for index in gazetteer.by_key.get(key, ()):
        place = gazetteer.places[index]
        if place.feature == "country" or (
            not adjective and (place.feature != "city" or place.population >= _BIG_PLACE)
        ):
            return True
    return False


# Common nouns that happen to be a big city's name too ("the city" is Medina).
_NOT_PLACES = frozenset(fold(w) for w in "مدينة مالي عمارة أمان امان شهر".split())


def _facilities(words: list[str], labels: list[str], found: list[tuple[int, int, str, float, str]],
                breaks: list[bool], gazetteer: Gazetteer,
                language: str = "") -> list[tuple[int, int, str, float, str]]:
    """Hotels, malls, shrines, hospitals are places where a meeting happens.

    A name the model called an organisation becomes a place when a facility word heads it
    (Persian, Arabic: «فندق الشيراتون») or ends it (English: "Mirage Palace Hotel"); a
    facility word right before a name takes the name with it («هتل» + «گراند میلینیوم»
    when the model saw only the latter) or a place of the gazetteer the model missed
    («مستشفى» + «الكاظمية»); and capitalised words ending in a capitalised facility word
    ("the Family Mall") are a place the model missed.
    """
    out = []
    starts = {i: n for n, (i, *_rest) in enumerate(found)}
    for i, j, label, conf, how in found:
        head, tail = fold(words[i]), fold(words[j - 1])
        if label == "ORG" and (head in FACILITY_HEADS and is_arabic_script(words[i])
                               and not _foreign_head(head, language)
                               or tail in FACILITY_TAILS and not is_arabic_script(words[j - 1])) \
                or label in ("ORG", "PER") and j - i >= 2 and head in FACILITY_HEADS_EN \
                and words[i][:1].isupper() and not any(fold(w) in ORG_HEADS for w in words[i:j]) \
                or label == "PER" and j - i >= 2 and tail in FACILITY_TAILS_OF_NAMES \
                and words[j - 1][:1].isupper():
            # "Mansour Mall", "Mohur Hotel" read as a person's name: a building, with the
            # capitalised words the model left before it ("Gold Mohur Hotel")
            if label == "PER":
                while i > 0 and labels[i - 1] == "O" and words[i - 1][:1].isupper() \
                        and not is_arabic_script(words[i - 1]) and not breaks[i] \
                        and fold(words[i - 1]) not in STOPWORDS:
                    i -= 1
            label, how = "LOC", how + "+facility"
            for k in range(i, j):
                labels[k] = "LOC"
        out.append((i, j, label, conf, how))
    for i in range(len(words) - 1):
        n = starts.get(i + 1)
        if n is None and i + 2 < len(words) and labels[i + 1] == "O" and not breaks[i + 2] \
                and fold(words[i + 1]) in PERSON_TITLES and is_arabic_script(words[i]):
            # «سرای حاجی یعقوب», «مسجد الشيخ عبدالله»: a venue named after a person, with
            # the title the person's span leaves out
            n = starts.get(i + 2)
            if n is not None and out[n][2] != "PER":
                n = None
        if (n is not None and labels[i] == "O" and not breaks[i + 1]
                and (is_arabic_script(words[i]) and fold(words[i]) in FACILITY_HEADS
                     and fold(words[i]) not in AREA_HEADS_FA  # («مرز چین»: China's border)
                     and not (language == "ar" and _mall_named_before(words, breaks, i))
                     or words[i][:1].isupper() and fold(words[i]) in FACILITY_HEADS_EN)
                and out[n][2] in ("LOC", "ORG", "PER")
                # («در هتل حاج رضا را دیدم»: at the hotel I saw Haj Reza, the object)
                and not (out[n][2] == "PER" and out[n][1] < len(words)
                         and fold(words[out[n][1]]) == "را")):
            _s, j, _label, conf, how = out[n]
            out[n] = (i, j, "LOC", conf, how + "+facility")
            for k in range(i, j):
                labels[k] = "LOC"
        elif n is not None and language == "ar" and fold(words[i]) in AREA_HEADS \
                and out[n][2] in ("ORG", "PER") and not breaks[i + 1]:
            # «ناحية ديرابون» with the town read as a person: the town, without the area word
            s_, j, _label, conf, how = out[n]
            out[n] = (s_, j, "LOC", conf, how + "+area")
            for k in range(s_, j):
                labels[k] = "LOC"
    out += _named_facilities(words, labels, breaks, language, gazetteer)
    for i in range(len(words) - 1):
        if labels[i] != "O" or not is_arabic_script(words[i]) or fold(words[i]) not in FACILITY_HEADS \
                or fold(words[i]) in AREA_HEADS_FA:
            continue
        for length in (3, 2, 1):
            j = i + 1 + length
            if j > len(words) or _crosses(breaks, i, j) or any(labels[k] != "O" for k in range(i, j)):
                continue
            if gazetteer.by_key.get(key_from_words([fold(w) for w in words[i + 1 : j]])):
                _claim(labels, i, j, "LOC")
                out.append((i, j, "LOC", 0.5, "rule-facility"))
                break
    i = 0
    while i < len(words):
        j = i
        while (j < len(words) and j - i < 5 and labels[j] == "O" and words[j][:1].isupper()
               and not is_arabic_script(words[j]) and (j == i or not breaks[j])):
            j += 1
        if j - i >= 2 and (fold(words[j - 1]) in FACILITY_TAILS
                           or fold(words[i]) in FACILITY_HEADS_EN
                           and not any(fold(w) in ORG_HEADS for w in words[i + 1 : j])) \
                and fold(words[i]) not in STOPWORDS and _claim(labels, i, j, "LOC"):
            out.append((i, j, "LOC", 0.5, "rule-facility"))
        elif j > i and _kind_tail(words, breaks, j) and fold(words[i]) not in STOPWORDS \
                and _claim(labels, i, j + 2, "LOC"):
            out.append((i, j + 2, "LOC", 0.5, "rule-facility"))  # "Europark shopping centre"
            j += 2
        elif j > i and j < len(words) and words[j] in FACILITY_TAILS_LOWER and not breaks[j] \
                and fold(words[i]) not in STOPWORDS \
                and not (j - i == 1 and fold(words[i]) in english_lowercase()) \
                and _claim(labels, i, j + 1, "LOC"):  # (not "Police station officers…")
            out.append((i, j + 1, "LOC", 0.5, "rule-facility"))  # "Piccadilly station"
            j += 1
        elif j > i and 0 < i and j + 1 < len(words) and words[i - 1] in _LATIN_QUOTES \
                and words[j] == _LATIN_QUOTES[words[i - 1]] and not breaks[j + 1] \
                and (words[j + 1] in FACILITY_TAILS_LOWER or _kind_tail(words, breaks, j + 1)) \
                and _claim(labels, i, j, "LOC"):
            out.append((i, j, "LOC", 0.5, "rule-facility"))  # 'the "Sahil" tea house'
        i = max(j, i + 1)
    for n, (i, j, label, conf, how) in enumerate(out):
        # "Sahara Rose" read as a person, then "café": the café; "the Grand Hyatt hotel" read
        # as an organisation: the hotel (an organisation's camp or checkpoint stays the
        # organisation's: "a Hezbollah camp")
        if label == "PER" and i > 0 and words[i - 1] in FACILITY_TAILS_OF_ORGS \
                and not breaks[i] and not is_arabic_script(words[i]) \
                and (j >= len(words) or breaks[j] or words[j] in _AFTER_A_VENUE):
            # "at the Lebanese restaurant Byblos in …", "the hotel Adlon.": the name after the
            # kind (not "At the mall Karim asked him", a person who did something there)
            out[n] = (i, j, "LOC", conf, how + "+facility")
            for k in range(i, j):
                labels[k] = "LOC"
            continue
        if j >= len(words) or is_arabic_script(words[i]) or breaks[j]:
            continue
        tails = {"PER": FACILITY_TAILS_LOWER, "ORG": FACILITY_TAILS_OF_ORGS}.get(label)
        if label == "LOC":
            # "the Zuhur cafe", "the food court of Tbilisi Mall": the town or name the model
            # saw, and the building it names
            tails = FACILITY_TAILS_LOWER | (FACILITY_TAILS if words[j][:1].isupper() else set())
        if tails is None:
            continue
        tail = 2 if _kind_tail(words, breaks, j) and all(labels[k] == "O" for k in (j, j + 1)) \
            else 1 if fold(words[j]) in tails and labels[j] == "O" else 0
        if tail:
            out[n] = (i, j + tail, "LOC", conf, how + "+facility")
            for k in range(i, j + tail):
                labels[k] = "LOC"
    out = _branded_venues(words, labels, out, breaks)
    return _malls_named_first(words, labels, out, breaks) if language == "ar" else out


# Quotation marks around a Latin venue's name, each with its closing mark.
_LATIN_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}

# What may follow a venue's name written after its kind ("the restaurant Byblos in Scheveningen").
_AFTER_A_VENUE = frozenset({",", ".", ";", ":", ")", "in", "on", "at", "near", "of", "and", "off"})


def _branded_venues(words: list[str], labels: list[str], found: list[tuple[int, int, str, float, str]],
                    breaks: list[bool]) -> list[tuple[int, int, str, float, str]]:
    """Capitalised Latin words that hold a hotel or shopping-centre chain's name are that
    building, with the capitalised words around them: "the Babylon Rotana", "Scandic Vulkan"
    read as a person or as nothing."""
    out = []
    for i, j, label, conf, how in found:
        if label in ("PER", "ORG") and not is_arabic_script(words[i]) \
                and any(fold(w) in VENUE_BRANDS for w in words[i:j]):
            label, how = "LOC", how + "+brand"
            for k in range(i, j):
                labels[k] = "LOC"
        out.append((i, j, label, conf, how))
    for k, word in enumerate(words):
        if labels[k] != "O" or fold(word) not in VENUE_BRANDS or not word[:1].isupper():
            continue
        i, j = k, k + 1
        while i > 0 and labels[i - 1] == "O" and not breaks[i] and words[i - 1][:1].isupper() \
                and not is_arabic_script(words[i - 1]) and fold(words[i - 1]) not in STOPWORDS:
            i -= 1
        while j < len(words) and labels[j] == "O" and not breaks[j] and words[j][:1].isupper() \
                and not is_arabic_script(words[j]) and fold(words[j]) not in STOPWORDS:
            j += 1
        if _claim(labels, i, j, "LOC"):
            out.append((i, j, "LOC", 0.5, "rule-brand"))
    return out


# Arabic words for a mall that follow its name, as in English: «سيف مول», «مسقط جراند مول»,
# «مردف سيتي سنتر».
_MALL_TAILS = frozenset(fold(w) for w in "مول سنتر".split())


def _mall_named_before(words: list[str], breaks: list[bool], i: int) -> bool:
    """Whether word ``i`` is an Arabic word for a mall with its name right before it
    («فاميلي مول بأربيل»: Family Mall in Erbil, not a mall called Erbil)."""
    return fold(words[i]) in _MALL_TAILS and i > 0 and not breaks[i] \
        and is_arabic_script(words[i - 1]) and fold(words[i - 1]) not in STOPWORDS \
        and fold(words[i - 1]) not in FACILITY_HEADS


def _malls_named_first(words: list[str], labels: list[str], found: list[tuple[int, int, str, float, str]],
                       breaks: list[bool]) -> list[tuple[int, int, str, float, str]]:
    """«داخل أرابيلا مول», «مرآب البصرة مول»: the word or two before an Arabic word for a mall
    name it (a town the model saw there becomes the mall's name)."""
    ends = {j: n for n, (i, j, *_rest) in enumerate(found)}
    out = list(found)
    for k in range(1, len(words)):
        if fold(words[k]) not in _MALL_TAILS or labels[k] != "O" or breaks[k]:
            continue
        # a place the model saw right before, or one word before («بمسقط» + «جراند مول»)
        n = ends.get(k)
        if n is None and k > 1 and labels[k - 1] == "O" and not breaks[k - 1] \
                and is_arabic_script(words[k - 1]) and fold(words[k - 1]) not in STOPWORDS:
            n = ends.get(k - 1)
        if n is not None and out[n][2] == "LOC":
            i, j, _label, conf, how = out[n]
            out[n] = (i, k + 1, "LOC", conf, how + "+mall")
            for m in range(j, k + 1):
                labels[m] = "LOC"
            continue
        i = k
        while i > 0 and k - i < 2 and labels[i - 1] == "O" and not breaks[i] \
                and is_arabic_script(words[i - 1]):
            word = fold(words[i - 1])
            if word in _MALL_TAILS or word in STOPWORDS or word in FACILITY_HEADS \
                    or word in STREET_HEADS or word in _NOT_IN_NAMES or word in NEVER_NAMES:
                break
            i -= 1
        if i < k and _claim(labels, i, k + 1, "LOC"):
            out.append((i, k + 1, "LOC", 0.5, "rule-mall"))
    return out


def _kind_tail(words: list[str], breaks: list[bool], j: int) -> bool:
    """Whether words ``j`` and ``j + 1`` are a lower-case kind of place ("shopping centre")."""
    return j + 1 < len(words) and not breaks[j] and not breaks[j + 1] \
        and (words[j], words[j + 1]) in FACILITY_KIND_TAILS


# A facility word and the word that makes it a kind, before the name: «مرکز خرید», «بازارچه
# مرزی», «مجتمع تجاری».
_FACILITY_KINDS = frozenset(fold(w) for w in "خرید تجاری مرزی التجاری".split())
_CENTRES = frozenset(fold(w) for w in "مرکز المركز مركز".split())
# Words that end a venue's name: where it is, and when («فندق كبير قرب البحر», «مساء»).
_NOT_IN_NAMES = frozenset(fold(w) for w in """
قرب بالقرب جنب بجانب جانب أمام امام خلف وسط داخل خارج حول بين تحت فوق عند لدى مقابل
أثناء اثناء خلال منذ حتى مساء صباح ليلا ظهرا عصرا اليوم أمس امس غدا الحديث حديثه كلامه
نزدیک کنار جلوی پشت روبروی داخل بیرون امروز دیروز فردا عصر صبح شب
""".split())
# A Persian verb's shape: «نشستیم», «می‌رفتیم», «دیدند» are no names after «کافه».
# (on folded words: ی is ي, ک is ك)
_VERB_LIKE = re.compile(r"^(?:مي|نمي)\S{2,}|\S{2,}(?:يم|يد|ند|دم|تم)$")
#: Zipf frequency below which a word after a facility word reads as its name (wordfreq's scale:
#: 4 is a word a hundred times per million).
_NAME_ZIPF = 4
# Verbs that follow a predicate, not a street's name («منتظر بود», «شلوغ است»).
_LIGHT_VERBS = frozenset(fold(w) for w in """
بود بودم بودیم بودند بودی است هست هستند شد شدم شدیم شدند ماند ماندم ماندیم ماندند کرد کردم
کردیم کردند باشد باشم باشیم
""".split())
# Past verbs a venue's name never holds: «صحن آینه اومد کنارم» stops before «اومد».
_PLAIN_VERBS = frozenset(fold(w) for w in """
آمد اومد آمدم اومدم رفت رفتم رفتیم نشست نشستم نشستیم دید دیدم دیدیم گفت گفتم داد دادم زد
گرفت گرفتم
""".split())
# Facility words of one language that fold to an everyday word of the other: Persian «کافه»
# (café) is Arabic «كافة» (all); Arabic «مجمع» (a shopping complex) is Persian «مجمع» (an
# assembly: «مجمع عمومی سازمان ملل»).
_PERSIAN_ONLY_HEADS = frozenset(fold(w) for w in "کافه".split())
_ARABIC_ONLY_HEADS = frozenset(fold(w) for w in "مجمع".split())


def _foreign_head(head: str, language: str) -> bool:
    return language == "ar" and head in _PERSIAN_ONLY_HEADS \
        or language == "fa" and head in _ARABIC_ONLY_HEADS


def _named_facilities(words: list[str], labels: list[str], breaks: list[bool],
                      language: str, gazetteer: Gazetteer | None = None) -> list[tuple[int, int, str, float, str]]:
    """A facility word and the uncommon word or two after it that nothing else named:
    «کافه آبی‌نو», «هتل آکدامار», «مرکز خرید زمرد», «سوق المباركية» — a venue the model has
    never seen. Persian and Arabic, where the facility word comes first; in Arabic only a
    facility word without its article («فندق», not «الفندق», which is one already told)."""
    if language not in ("fa", "ar"):
        return []
    frequency = word_frequency(language)
    names = person_names()
    out = []
    i = 0
    while i < len(words) - 1:
        head = fold(words[i])
        if language == "fa" and head not in FACILITY_HEADS and head[-1:] == "ي" \
                and head[:-1] in FACILITY_HEADS:
            head = head[:-1]  # «قهوه‌خانه‌ی شاهو»: the facility word with its ezafe
        elif language == "ar" and head not in _VENUE_HEADS and head[:1] == "ب" \
                and (head[1:] in FACILITY_HEADS or head[1:] in AREA_HEADS) \
                and "\u0651" not in words[i]:
            # «بقهوة الشلال», «بكراج السومرية», «بقرية الهويدر»: «بـ» written on it (not
            # «وموّل», and financed)
            head = head[1:]
        kind = i + 1 < len(words) and fold(words[i + 1]) in _FACILITY_KINDS and not breaks[i + 1]
        street = head in STREET_HEADS
        area = language == "ar" and head in AREA_HEADS
        if language == "ar" and _mall_named_before(words, breaks, i):
            i += 1  # «سيف مول»: the name comes first (tagger._malls_named_first)
            continue
        if labels[i] != "O" or not is_arabic_script(words[i]) \
                or _foreign_head(head, language) or not area \
                and head not in FACILITY_HEADS and not street and not (head in _CENTRES and kind):
            i += 1
            continue
        j = i + 2 if kind else i + 1
        first = j
        if head in AREA_HEADS_FA and gazetteer is not None and first < len(words) \
                and _strong_place([words[first]], gazetteer):
            i += 1  # «مرز چین», «جزیره کره»: the border of China, which names China
            continue
        quoted = _quoted_name(words, labels, breaks, first)
        if quoted and _claim(labels, i, quoted, "LOC"):
            out.append((i, quoted, "LOC", 0.5, "rule-named-facility"))  # «مقهى «نجمة»»
            i = quoted
            continue
        if area:
            j = _area_name(words, labels, breaks, first, frequency)
            if j > first and _claim(labels, i, j, "LOC"):
                out.append((i, j, "LOC", 0.5, "rule-named-area"))
            i = max(j, i + 1)
            continue
        definite = first  # Arabic: the name closes on a word with its article, «قصر الضيافة»
        while j < len(words) and j - first < 3 and labels[j] == "O" and not breaks[j] \
                and is_arabic_script(words[j]):
            word = fold(words[j])
            if word in STOPWORDS or word in FACILITY_HEADS or word in STREET_HEADS \
                    or word in _NOT_IN_NAMES or _VERB_LIKE.match(word) or word in _PLAIN_VERBS \
                    or language == "ar" and word.startswith(("عال", "بال", "لل")) \
                    or language == "ar" and word[:1] == "ب" and word[1:] in _PLACE_HEADS:
                break  # («… عالأوتوستراد»: on the motorway; «فندق بمنطقة الحمرا», «مقهى بسوق
                # خصب»: a hotel in the district, a café in the souq, a phrase of its own)
            common = frequency.get(word, 0) >= _NAME_ZIPF or word[-1:] in "شمت" \
                and frequency.get(word[:-1], 0) >= _NAME_ZIPF  # «منتظرش»: a common word's
            if language == "ar" and word.startswith("ال"):
                definite = j + 1
            elif language != "ar" and common and word not in names and not street:
                break  # Persian: only an uncommon word (or a known name) names the venue
            elif j - first >= 2:
                break  # a third word only when it carries the article
            j += 1
        if language == "fa" and street and j == first + 1 and j < len(words) \
                and fold(words[j]) in _LIGHT_VERBS:
            j = first  # «سر خیابان منتظر بود»: one word that then takes a verb is no name
        if language == "fa" and j > first and j < len(words) and fold(words[j]) == "را":
            j -= 1  # «در میانه میدان توپ را داد»: the word before «را» is the object
        if language == "ar":
            # «فندق الأرز الذهبي», «فندق قصر الضيافة», «كراج العشار»: up to the last word with its
            # article; without one, only the uncommon words at its start (a street's name always
            # has one: «في طريق عودته» is no street)
            rare = first
            while rare < j and frequency.get(fold(words[rare]), 0) < _NAME_ZIPF and not street:
                rare += 1
            j = max(definite, rare)
            if street and definite > first and definite < len(words) and not breaks[definite] \
                    and labels[definite] == "O" and is_arabic_script(words[definite]) \
                    and frequency.get(fold(words[definite]), 0) < _NAME_ZIPF \
                    and fold(words[definite]) not in STOPWORDS:
                j += 1  # a rare name after the article: «حي الست نفيسة»
        if j > first and _claim(labels, i, j, "LOC"):
            out.append((i, j, "LOC", 0.5, "rule-named-facility"))
        i = max(j, i + 1)
    return out


def _area_name(words: list[str], labels: list[str], breaks: list[bool], first: int,
               frequency: dict[str, int]) -> int:
    """The end of the rare word or two after an Arabic area word («ناحية الخالدية», «جزيرة
    عوهة»): a word common with or without its article or a preposition on it («لرصد»,
    «بيانات», «الحدودية») ends the name."""
    j = first
    while j < len(words) and j - first < 2 and labels[j] == "O" and not breaks[j] \
            and is_arabic_script(words[j]):
        word = fold(words[j])
        bare = [word, *(word[len(a):] for a in ("ال", "بال", "وال", "لل") if word.startswith(a)),
                *(word[1:] for c in "بلوفك" if word.startswith(c))]
        if word in STOPWORDS or word in FACILITY_HEADS or word in _NOT_IN_NAMES \
                or any(frequency.get(b, 0) >= _NAME_ZIPF for b in bare if len(b) >= 3) \
                or j > first and not word.startswith("ال"):
            break  # (a second word only with its article: «ساحل المالكية ليتسلمه» stops)
        j += 1
    return j


def _quoted_name(words: list[str], labels: list[str], breaks: list[bool], i: int) -> int | None:
    """The end (after the closing mark) of a name of one to four words in quotation marks that
    starts at word ``i`` («نجمة», "Layali"), or None."""
    close = {"«": "»", '"': '"', "“": "”"}.get(words[i]) if i < len(words) else None
    if close is None:
        return None
    for j in range(i + 2, min(i + 6, len(words))):
        if breaks[j] or labels[j] != "O":
            return None
        if words[j] == close:
            return j + 1
    return None


def _surnames_are_people(words: list[str], labels: list[str],
                         found: list[tuple[int, int, str, float, str]]) -> list[tuple[int, int, str, float, str]]:
    """A surname in capitals read alone as a place or an organisation, where a person's full
    name in the same document ends with it, is that person: "Reza NAJAFI … in NAJAFI's car"
    (reports write surnames so; a word in capitals alone is otherwise often an acronym)."""
    surnames = {words[j - 1] for i, j, label, *_rest in found
                if label == "PER" and j - i >= 2 and len(words[j - 1]) >= 4
                and words[j - 1].isupper() and not is_arabic_script(words[j - 1])}
    out = []
    for i, j, label, conf, how in found:
        if label in ("LOC", "ORG") and j - i == 1 and words[i] in surnames:
            label, how = "PER", how + "+surname"
            labels[i] = "PER"
        out.append((i, j, label, conf, how))
    return out


def _document_rule(words: list[str], labels: list[str], found: list[tuple[int, int, str, float, str]],
                   breaks: list[bool]) -> list[tuple[int, int, str, float, str]]:
    """One label per name form within a document; a PER's last word alone is that PER."""
    # Exact written forms, not folded ones: folding makes على ("on") and علي ("Ali") one word.
    forms: dict[tuple[str, ...], str] = {}
    for i, j, label, _conf, _how in found:
        if j - i > 1 or fold(words[i]) not in STOPWORDS:
            forms.setdefault(tuple(words[i:j]), label)
        if label == "PER" and j - i >= 2 and len(words[j - 1]) >= 4:
            forms.setdefault((words[j - 1],), "PER")
    if not forms:
        return []
    longest = max(len(f) for f in forms)
    out = []
    i = 0
    while i < len(words):
        for length in range(min(longest, len(words) - i), 0, -1):
            label = forms.get(tuple(words[i : i + length]))
            if label and not _crosses(breaks, i, i + length) and _claim(labels, i, i + length, label):
                out.append((i, i + length, label, 0.5, "rule-document"))
                i += length - 1
                break
        i += 1
    return out
