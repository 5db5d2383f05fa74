"""The event lexicons (``kashf/nlp/lexicons/*.tsv``) loaded once and compiled to matchers.

Phrases are data, reviewed by people who read the languages; this module only turns
them into regular expressions with the matching rules their README states, and runs
them on a copy of the text folded one character for one character, so every match
offset is an offset into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# One character for one character, so offsets survive: Arabic/Persian letter forms,
# hamza seats, ta marbuta, ZWNJ as a space, Latin lower case.
_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "\u200c": " ",
        "\u00a0": " ",
        "’": "'",
    }
)
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_PERSIAN_ONLY = re.compile("[پچژگ]")
_PERSIAN_FORMS = re.compile("[یک]")
_ARABIC_ONLY = re.compile("[ةيكىأإؤ]")
# Words only one of the two languages uses, and uses all the time.
# Spoken forms too: Iraqi Arabic writes «گ» for qaf («گال لي», «گعدنا»), and would read
# Persian by its letters alone; spoken Persian has «یه», «اون», «رو».
_PERSIAN_FUNCTION = frozenset("در به از که را این است می برای شد کرد آن یه اون رو".split())
_ARABIC_FUNCTION = frozenset(
    "في على إلى الى أن التي الذي كان قد هذا عن مع بعد اللي هاي شنو منو ويا ويه إي لي مو ماكو "
    "أكو يعني عشان مش كده إيه".split()
)
_FUNCTION_WORD = re.compile(
    r"(?<![\w\u200c])(?:" + "|".join(sorted(_PERSIAN_FUNCTION | _ARABIC_FUNCTION, key=len,
                                               reverse=True)) + r")(?![\w\u200c])"
)


def by_function_words(text: str) -> frozenset[str] | None:
    """Persian or Arabic (each with English) when the function words of ``text`` settle it."""
    words = _FUNCTION_WORD.findall(text)
    fa_words = sum(w in _PERSIAN_FUNCTION for w in words)
    ar_words = len(words) - fa_words
    if fa_words != ar_words and max(fa_words, ar_words) >= 2:
        return frozenset({"fa", "en"}) if fa_words > ar_words else frozenset({"ar", "en"})
    return None


def languages(text: str, fallback: frozenset[str] | None = None) -> frozenset[str] | None:
    """Which lexicon languages apply to a stretch of text: Persian or Arabic (each with
    English), by letters only one of them uses; None when it cannot tell. ``fallback`` (the
    whole document's, say) wins over letters when the stretch has too few function words."""
    # Function words first: «گ» and «پ» of a Kurdish name do not make Arabic prose Persian.
    decided = by_function_words(text)
    if decided is not None:
        return decided
    if fallback is not None:  # «العصر اجاني … حچي جندناه»: Iraqi, in an Arabic document
        return fallback
    if _PERSIAN_ONLY.search(text):
        return frozenset({"fa", "en"})
    persian, arabic = len(_PERSIAN_FORMS.findall(text)), len(_ARABIC_ONLY.findall(text))
    if persian > arabic:
        return frozenset({"fa", "en"})
    if arabic > persian:
        return frozenset({"ar", "en"})
    return None


def fold(text: str, lower: bool = True) -> str:
    """The matching copy of ``text``: same length, folded letters, lower-case Latin."""
    folded = text.translate(_FOLD)
    if not lower:
        return folded
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few letters lower-case to two code points (İ); keep those as they are.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)


# Arabic short vowels, shadda, sukun and the dagger alif sit inside words («كُلِّف»): a word
# runs through them, and they are dropped before comparing.
_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")
_MARKS = re.compile(r"[\u064b-\u065f\u0670]")
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = frozenset(
    {"", "هایی", "های", "ها", "ای", "ات", "ان", "شان", "مان", "ش", "م", "ند", "ید", "یم", "ی", "ه",
     "ین", "ون", "نا", "هم", "هما", "کم"}
)


# The words of the last text searched: a document's sentences are searched by several
# lexicons in turn, so its words are found once. One tuple, replaced whole: safe to share.
_LAST: tuple[str, list[int], list[tuple[int, int, str]]] = ("", [], [])


def _tokens_in(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word without vowel marks) of the words that begin in ``[start, end)``."""
    last = _LAST
    if last[0] is not folded:
        globals()["_LAST"] = last = (folded, *_tokenize(folded))
    _, starts, words = last
    out = words[bisect_left(starts, start) : bisect_left(starts, end)]
    if out and out[-1][1] > end:  # a word cut by the end of the span
        s, _, word = out[-1]
        out[-1] = (s, end, word[: end - s])
    return out


def _tokenize(folded: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    marks = bool(_MARKS.search(folded))
    words = [
        (m.start(), m.end(), _MARKS.sub("", m.group()) if marks else m.group())
        for m in _WORD.finditer(folded)
    ]
    return [w[0] for w in words], words


@dataclass(frozen=True)
class Hit:
    """One lexicon phrase found in text."""

    tag: str
    start: int
    end: int


#: A phrase's parts may stand apart: ``همکاری … پذیرفت*`` lets up to this many words come
#: between «همکاری» (cooperation) and «پذیرفت» (accepted), as in «همکاری با ما را پذیرفت».
GAP_WORDS = 12
_GAP = re.compile(r"\s*(?:…|\.\.\.)\s*")
_SENTENCE_END = re.compile(r"[.!?؟;؛\n]")
# Persian verb prefixes written apart (ZWNJ folds to a space): a part after one is another
# tense of the verb, or its negation.
_CONTINUOUS = frozenset({"می", "نمی"})


@dataclass(frozen=True)
class _Phrase:
    tag: str
    words: tuple[str, ...]
    star: bool
    arabic: bool
    lang: str = ""
    #: The parts after the first, each within GAP_WORDS words of the one before.
    rest: tuple[tuple[str, ...], ...] = ()
    #: Whether each part (the first, then the rest) ends with a ``*``.
    stars: tuple[bool, ...] = ()

    def word_fits(self, token: str, word: str, star: bool) -> bool:
        """A part's last word against a token: exact, prefix (a part ending in *) or suffixed."""
        if star:
            return token.startswith(word)
        if self.arabic:
            return token.startswith(word) and token[len(word) :] in _SUFFIXES
        return token == word

    def part_at(self, tokens: list[tuple[int, int, str]], i: int, part: tuple[str, ...],
                star: bool) -> bool:
        """Whether ``part`` (after the first) stands at token ``i``."""
        last = i + len(part) - 1
        return (
            last < len(tokens)
            and all(tokens[i + k][2] == part[k] for k in range(len(part) - 1))
            and self.word_fits(tokens[last][2], part[-1], star)
        )

    def rest_end(self, folded: str, tokens: list[tuple[int, int, str]], after: int) -> int | None:
        """Index of the last token of the parts after the first, which ended at ``after``.

        A gap never runs over the end of a sentence.
        """
        for part, star in zip(self.rest, self.stars[1:], strict=True):
            for i in range(after + 1, _gap_limit(tokens, after)):
                if _SENTENCE_END.search(folded, tokens[i - 1][1], tokens[i][0]):
                    return None
                if tokens[i - 1][2] in _CONTINUOUS and i - 1 > after:
                    continue  # «می‌خواست» (wanted), «نمی‌خواست»: not the verb «خواست» (asked)
                if self.part_at(tokens, i, part, star):
                    after = i + len(part) - 1
                    break
            else:
                return None
        return after


def _gap_limit(tokens: list[tuple[int, int, str]], after: int) -> int:
    """The token index where a gap after token ``after`` must have ended: GAP_WORDS words.

    A one-letter piece is not a word here: ZWNJ folds to a space, so «چایخونه‌ی حاج‌صمد»
    is four tokens, of which the ezafe «ی» is one.
    """
    words = 0
    i = after + 1
    while i < len(tokens):
        if len(tokens[i][2]) > 1:
            words += 1
            if words > GAP_WORDS:
                break
        i += 1
    return min(i + 1, len(tokens))


#: Distinct words whose possible phrases a lexicon keeps (then it starts afresh).
_TOKENS_KEPT = 200_000


class Lexicon:
    """Tagged phrases, matched word by word (a dict lookup per word, not a regex per phrase).

    Rules (the lexicons' README states them for reviewers): words compare on the folded text;
    a trailing ``*`` lets the last word go on; an Arabic-script phrase may carry a clitic
    before its first word (و ف ب ل, ال) and a suffix after its last (ها، ی، ات…). Where two
    hits overlap, the longer wins.
    """

    def __init__(self, entries: list[tuple[str, ...]]) -> None:
        """``entries``: (tag, phrase) or (tag, phrase, language)."""
        self.tags: tuple[str, ...] = tuple(dict.fromkeys(entry[0] for entry in entries))
        self._index: dict[str, list[_Phrase]] = {}
        self._by_token: dict[str, tuple[tuple[_Phrase, int], ...]] = {}
        for tag, phrase, *lang in entries:
            if not phrase.strip().rstrip("*").strip():
                raise ValueError(f"empty phrase for {tag!r}: it would match everywhere")
            pieces = _GAP.split(phrase.strip())
            parts = [
                tuple(_MARKS.sub("", w) for w in _WORD.findall(fold(piece.rstrip("*"))))
                for piece in pieces
            ]
            if not all(parts):
                raise ValueError(f"phrase {phrase!r} for {tag!r} has a part with no letters")
            stars = tuple(piece.endswith("*") for piece in pieces)
            entry = _Phrase(tag, parts[0], stars[-1], bool(_ARABIC_SCRIPT.search(phrase)),
                            lang[0] if lang else "", tuple(parts[1:]), stars)
            self._index.setdefault(parts[0][0][:3], []).append(entry)

    def _starts(self, token: str, arabic: bool) -> list[str]:
        """The token and, in Arabic script, the token without each clitic it may carry."""
        if not arabic:
            return [token]
        out = [token]
        for clitic in _CLITICS:
            if token.startswith(clitic) and len(token) - len(clitic) >= 2:
                out.append(token[len(clitic) :])
        return out

    def _first_words(self, token: str) -> tuple[tuple[_Phrase, int], ...]:
        """The phrases whose first word ``token`` can be, in the lexicon's order, each with
        the letters its words spell: what a word can start depends on the word alone, so it
        is worked out once per distinct word."""
        found = self._by_token.get(token)
        if found is None:
            arabic = bool(_ARABIC_SCRIPT.match(token))
            found = tuple(
                (phrase, sum(len(w) for w in phrase.words))
                for stem in self._starts(token, arabic)
                for phrase in self._index.get(stem[:3], ())
                if phrase.arabic == arabic and (
                    stem == phrase.words[0] if len(phrase.words) > 1
                    else phrase.word_fits(stem, phrase.words[0], phrase.stars[0]))
            )
            if len(self._by_token) >= _TOKENS_KEPT:
                self._by_token.clear()
            self._by_token[token] = found
        return found

    def _at(self, folded: str, tokens: list[tuple[int, int, str]], i: int,
            phrases: tuple[tuple[_Phrase, int], ...], langs: frozenset[str] | None,
            ) -> list[tuple[Hit, int]]:
        """(hit, letters its words spell) of each of ``phrases`` that stands at ``tokens[i]``,
        whose first word it can be."""
        hits: list[tuple[Hit, int]] = []
        for phrase, written in phrases:
            if langs is not None and phrase.lang and phrase.lang not in langs:
                continue
            words = phrase.words
            last = i + len(words) - 1
            if last >= len(tokens):
                continue
            if last > i and not (
                (last == i + 1 or tokens[i + 1][2] == words[1])
                and all(tokens[i + k][2] == words[k] for k in range(2, len(words) - 1))
                and phrase.word_fits(tokens[last][2], words[-1], phrase.stars[0])
            ):
                continue
            if phrase.rest:
                rest_end = phrase.rest_end(folded, tokens, last)
                if rest_end is None:
                    continue
                last = rest_end
            hits.append((Hit(phrase.tag, tokens[i][0], tokens[last][1]), written))
        return hits

    def find(
        self, folded: str, start: int = 0, end: int | None = None,
        langs: frozenset[str] | None = None, keep_none: bool = False,
    ) -> list[Hit]:
        """Non-overlapping hits in ``folded[start:end]``, longest first where they overlap.

        ``langs`` keeps only phrases of those languages (Arabic «قابل», met, is Persian
        «قابل», able); None keeps all.
        """
        end = len(folded) if end is None else end
        tokens = _tokens_in(folded, start, end)
        hits: list[tuple[Hit, int]] = []
        known = self._by_token
        for i, (_start, _end, token) in enumerate(tokens):
            phrases = known.get(token)
            if phrases is None:
                phrases = self._first_words(token)
            if phrases:
                hits += self._at(folded, tokens, i, phrases, langs)
        # Longest first; on a tie a "none" phrase wins (it exists to veto that span), then the
        # phrase that spells more of it («بعدها بأسبوعين» over «بعدها بأسبوع» + a suffix).
        hits.sort(key=lambda h: (-(h[0].end - h[0].start), h[0].tag != "none", -h[1], h[0].start))
        kept: list[Hit] = []
        for hit, _written in hits:
            if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                kept.append(hit)
        # "none" phrases exist only to veto the span they cover (``keep_none`` shows them).
        return sorted((h for h in kept if keep_none or h.tag != "none"), key=lambda h: h.start)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kashf.nlp").joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if any(not c.strip() for c in cols):
            raise ValueError(f"{name}:{number}: empty column in {line!r}")
        rows.append([c.strip() for c in cols])
    return rows


EVENT_TYPES = ("meeting", "recruitment", "tasking", "payment", "travel")
TRADECRAFT = (
    "on_foot", "taxi", "car_meeting", "counter_surveillance", "public_place", "religious_site",
    "mall", "exhibition", "hotel", "gift", "photo", "cash_payment", "cover_story", "test_task",
    "dead_drop", "phone",
)
STATUSES = ("happened", "planned", "cancelled", "reported")
NON_EVENTS = (
    "news", "wish", "generic", "negated", "retold", "total", "assessment", "withdrawal",
)


def _tagged(name: str, allowed: tuple[str, ...]) -> Lexicon:
    """A lexicon of (tag, lang, phrase) rows; the tag "none" vetoes what it covers."""
    entries = []
    for row in _rows(name):
        if len(row) != 3 or row[0] not in (*allowed, "none"):
            raise ValueError(f"{name}: bad row {row!r} (tag must be one of {allowed})")
        entries.append((row[0], row[2], row[1]))
    return Lexicon(entries)


@lru_cache(maxsize=1)
def triggers() -> Lexicon:
    return _tagged("event_triggers.tsv", EVENT_TYPES)


@lru_cache(maxsize=1)
def non_events() -> Lexicon:
    """Phrases that make a sentence talk about events without telling one: news, wish,
    generic (a habit), negated, retold (from another report), total, assessment (what a
    possible event would be worth), withdrawal (cash taken from one's own account)."""
    return _tagged("non_events.tsv", NON_EVENTS)


@lru_cache(maxsize=1)
def tradecraft() -> Lexicon:
    return _tagged("tradecraft.tsv", TRADECRAFT)


@lru_cache(maxsize=1)
def payment_verbs() -> Lexicon:
    return _tagged("payment_verbs.tsv", ("payment",))


@lru_cache(maxsize=1)
def travel_verbs() -> Lexicon:
    return _tagged("travel_verbs.tsv", ("travel",))


@lru_cache(maxsize=1)
def venues() -> Lexicon:
    """Kinds of meeting places; the tag of every hit is "venue"."""
    return Lexicon([("venue", row[1], row[0]) for row in _rows("venues.tsv")])


@lru_cache(maxsize=1)
def status_cues() -> Lexicon:
    return _tagged("status_cues.tsv", STATUSES[1:])


@lru_cache(maxsize=1)
def relative_dates() -> tuple[Lexicon, dict[str, tuple[str, int | None]]]:
    """A lexicon whose tags are the phrases themselves, and phrase → (anchor, days); days is
    None for a time that names no day ("last week", «الأسبوع المقبل»)."""
    meaning: dict[str, tuple[str, int | None]] = {}
    entries = []
    for row in _rows("relative_dates.tsv"):
        phrase, _lang, anchor, days = row
        if anchor not in ("story", "document"):
            raise ValueError(f"relative_dates.tsv: bad anchor in {row!r}")
        meaning[phrase] = (anchor, None if days == "-" else int(days))
        entries.append((phrase, phrase, _lang))
    return Lexicon(entries), meaning


@lru_cache(maxsize=1)
def source_cues() -> re.Pattern[str]:
    """Code-named sources: a cue word then a number, a quoted or code-named name, or CAPS.

    Runs on ``fold(text, lower=False)``: the case of a code name (source HUNTER) matters.
    """
    cues = sorted((fold(row[1]) for row in _rows("source_cues.tsv")), key=len, reverse=True)
    cue = "|".join(re.escape(c) for c in cues)
    number = r"(?:شماره\s+|رقم\s+|no\.?\s*|number\s+|#\s*)?[0-9۰-۹٠-٩]+(?:[-/][0-9۰-۹٠-٩]+)?"
    quoted = r"[\"«“'][^\"»”'\n]{1,30}[\"»”']"
    codename = (
        r"(?:با\s+نام\s+(?:رمز|مستعار)|با\s+اسم\s+رمز|ملقب\s+به|code-?named|codename|"
        r"المسمى|الملقب|باسم)\s+(?:" + quoted + r"|\S+)"
    )
    caps = r"[A-Z][A-Z0-9-]{2,}(?![\w])"
    return re.compile(
        rf"(?<!\w)(?i:{cue})\s+(?:(?i:{codename})|{quoted}|(?i:{number})|{caps})"
    )


@dataclass(frozen=True)
class _Verbs:
    """``verbs.tsv`` compiled: Persian forms from their stems, other forms as written."""

    persian: re.Pattern[str]
    light: frozenset[str]
    kinds: dict[str, str]  # Persian and English forms
    arabic: dict[str, str]


_PREFIX = r"(?P<pre>ن?می|ن|ب)?"


# An object's clitic on a Persian verb with its ending: «دیدمش», «بدهیمشان», «گرفتمت» (a bare
# past stem takes only «ش»/«شان»: «ساختمان», «گفتمان» are nouns).
_CLITIC = "(?:ش|شان|ت|تان|مان)"


@lru_cache(maxsize=1)
def _verbs() -> _Verbs:
    past: dict[str, str] = {}
    present: dict[str, str] = {}
    kinds: dict[str, str] = {}
    arabic: dict[str, str] = {}
    for kind, lang, form in _rows("verbs.tsv"):
        if kind not in ("light", "verb", "copula", "function", "noun"):
            raise ValueError(f"verbs.tsv: bad kind in {(kind, lang, form)!r}")
        if lang == "fa" and "|" in form:
            stem_past, stem_present = (fold(f) for f in form.split("|"))
            past[stem_past] = present[stem_present] = kind
        else:
            (arabic if lang == "ar" else kinds)[fold(form)] = kind
    alt = lambda stems: "|".join(sorted(map(re.escape, stems), key=len, reverse=True))  # noqa: E731
    persian = re.compile(
        # (with an object's clitic too: «دیدمش», I saw him; «ببینمش»)
        rf"{_PREFIX}(?:(?P<past>{alt(past)})(?:(?P<pe>م|یم|ید|ند|ه|ن)|(?:م|یم|ید|ند){_CLITIC}|ش|شان)?|"
        rf"(?P<present>{alt(present)})(?:م|د|یم|ید|ند){_CLITIC}?)"
    )
    light = frozenset(s for s, k in (*past.items(), *present.items()) if k == "light")
    return _Verbs(persian, light, kinds, arabic)


_PAST_PERFECT = frozenset({"بودم", "بودی", "بود", "بودیم", "بودید", "بودند", "بودن"})


def verb_form(token: str, previous: str = "", arabic: bool = False) -> str | None:
    """What a folded word is, as far as ending a place phrase or a clause goes.

    ``"light"`` (a Persian light verb: شدم، کرد، گرفته), ``"verb"``, ``"copula"``,
    ``"participle"`` (شده، گرفته), ``"subjunctive"`` (a present form without می: شود، کند،
    ببیند — an instruction or wish), ``"function"`` (در، at، في) or None. ``previous`` is
    the word before it (می apart from its verb: «می شود»). With ``arabic`` the word is
    read as Arabic («حضرت» is then حضر with its suffix; in Persian it is a title).
    """
    table = _verbs()
    if not arabic and token in _PAST_PERFECT and previous.endswith("ه"):
        return "verb"  # «رفته بودم»: a past perfect, the participle's auxiliary
    if arabic:
        kind = table.arabic.get(token) or table.kinds.get(token) or next(
            # an Arabic verb with its subject or object: جلسنا، التقيته، دفعوا
            (table.arabic[t] for t in _arabic_stems(token) if t in table.arabic), None)
        return kind if kind in ("verb", "copula", "function") else None
    kind = table.kinds.get(token)
    if kind == "noun":
        return None
    if kind is not None:
        if kind == "copula" and token in ("باشد", "باشند"):
            return "subjunctive"
        return kind
    m = table.persian.fullmatch(token)
    if m is None:
        return None
    pre = m.group("pre") or ""
    if m.group("present"):
        # می apart («می شود») or after a verbal prefix («بازمی گردد», «درمی آید»)
        indicative = pre.endswith("می") or previous.endswith("می") \
            or m.group("present") in ("دار", "خواه")  # دارد; خواهد شد is a future
        return "light" if indicative and m.group("present") in table.light else (
            "verb" if indicative else "subjunctive")
    if m.group("pe") == "ه" and m.group("past"):
        return "participle"
    if m.group("pe") == "ن":
        return None  # an infinitive names an action: «نزدیک شدن»
    return "light" if m.group("past") in table.light else "verb"


def present_indicative(token: str, previous: str = "") -> bool:
    """A Persian present with «می» (folded): «می شم», «روان می کنم», «می فرستیم» — with a day
    still to come, what will be done (a past continuous, «می رفت», is not one, nor what
    someone says or hears now: «دایی جاسم می گوید پنجشنبه … داده»)."""
    if _verbs().kinds.get(token) == "noun":
        return False  # «برند», «رود»: nouns that only look like verbs
    m = _verbs().persian.fullmatch(token)
    return bool(m and m.group("present") and m.group("present") not in _SAYING
                and ((m.group("pre") or "").endswith("می") or previous.endswith("می")))


_SAYING = frozenset({"گو", "شنو"})


def words_with_previous(folded: str, start: int, end: int) -> Iterator[tuple[str, str]]:
    """Each word of ``folded[start:end]`` without its punctuation, with the word before it (a
    Persian verb is read with what precedes it: «می شود», «رفته بودم»)."""
    previous = ""
    for token in re.finditer(r"[^\s\u200c]+", folded[start:end]):
        word = token.group().strip("«»\"().,:;!؟،؛")
        yield word, previous
        previous = word


def light_verb(token: str, previous: str = "", arabic: bool = False) -> bool:
    """A Persian light verb in any form (شدم، شود، گرفته، می کند): the word before it is
    its non-verbal part («سوار شدم», «در نظر گرفته شود»)."""
    if arabic or verb_form(token, previous) is None:
        return False
    m = _verbs().persian.fullmatch(token)
    return bool(m and (m.group("past") or m.group("present")) in _verbs().light)


@lru_cache(maxsize=1)
def not_people() -> tuple[frozenset[str], frozenset[str]]:
    """``not_people.tsv``: (vehicle makes and models, cue words before a make), folded."""
    makes, cues = set(), set()
    for kind, _lang, word in _rows("not_people.tsv"):
        if kind not in ("make", "cue"):
            raise ValueError(f"not_people.tsv: bad kind {kind!r}")
        (makes if kind == "make" else cues).add(fold(word))
    return frozenset(makes), frozenset(cues)


_AR_SUFFIXES = ("تما", "تم", "ته", "تها", "نا", "وا", "ها", "هم", "ت", "ا", "ه")


def _arabic_stems(token: str) -> list[str]:
    """An Arabic word without a conjunction before it and a pronoun suffix after it."""
    bases = [token] + ([token[1:]] if token[:1] in ("و", "ف") and len(token) > 3 else [])
    return [b[: -len(s)] for b in bases for s in _AR_SUFFIXES if b.endswith(s) and len(b) - len(s) >= 3]
