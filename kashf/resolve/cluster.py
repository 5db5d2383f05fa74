"""Mentions → entities: one person, organization or place across spellings and documents.

Conservative on purpose: a wrong merge hides a person inside another, a missed one
only shows two cards. So names merge when their consonant skeletons agree (any
script, any token order, titles ignored) or score very high on the same number of
words; a one-word name ("Soleimani") joins a longer one only when exactly one
longer name could be meant; places with a gazetteer id merge by that id. The
user's merges and splits are applied on top and win.

Scales by blocking: spellings are grouped first (100k mentions are a few thousand
spellings), and only spellings sharing a word skeleton are ever compared.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kashf.nlp.ner.known_orgs import known_organisations
from kashf.nlp.ner.lexicons import CODE_NAME_MARK
from kashf.nlp.ner.tokens import place_key
from kashf.resolve.keys import fold_latin, is_arabic_script, normalize_arabic
from kashf.resolve.names import _keys, match_score, name_key, strip_titles

NAME_LABELS = frozenset({"PER", "ORG", "LOC"})
# Two multi-word spellings with a different key still merge at or above this score.
FUZZY_MERGE = 0.93

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _surface(text: str) -> str:
    """The spelling that counts as "the same alias": folded letters, single spaces."""
    text = " ".join(text.split())
    return normalize_arabic(text) if is_arabic_script(text) else fold_latin(text)


def _pattern_key(label: str, text: str) -> str:
    """Pattern entities (phones, e-mails, plates…) are the same when their characters are."""
    text = text.translate(_DIGITS).lower()
    if label == "PHONE":
        digits = re.sub(r"\D", "", text)
        return digits[2:] if digits.startswith("00") else digits
    return re.sub(r"[\s\-_.]+", "", text) if label in ("VEHICLE", "COORD") else text.strip()


def _place_id(mention: dict) -> str | None:
    place = mention.get("place")
    if not isinstance(place, dict):
        return None
    for field_name in ("gazetteer_id", "geonameid", "id"):
        if place.get(field_name) not in (None, ""):
            return str(place[field_name])
    return None


@dataclass
class _Spelling:
    """Every mention of one label written one way (up to folding)."""

    label: str
    surface: str
    texts: Counter = field(default_factory=Counter)
    mention_ids: list = field(default_factory=list)
    place_ids: Counter = field(default_factory=Counter)
    places: dict = field(default_factory=dict)  # gazetteer id → the place record mentions carry
    key: str = ""
    words: int = 0


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _spellings(mentions: Iterable[dict]) -> list[_Spelling]:
    groups: dict[tuple[str, str], _Spelling] = {}
    for mention in mentions:
        label, text = mention.get("label", ""), (mention.get("text") or "").strip()
        if not text or not label:
            continue
        if label in NAME_LABELS:
            surface = _surface(text)
        else:
            surface = _pattern_key(label, text)
        spelling = groups.get((label, surface))
        if spelling is None:
            spelling = groups[(label, surface)] = _Spelling(label, surface)
        spelling.texts[text] += 1
        spelling.mention_ids.append(mention.get("mention_id"))
        place_id = _place_id(mention)
        if place_id:
            spelling.place_ids[place_id] += 1
            spelling.places.setdefault(place_id, mention["place"])
    known = known_organisations()
    for spelling in groups.values():
        if spelling.label in NAME_LABELS:
            text = spelling.texts.most_common(1)[0][0]
            spelling.key = name_key(text)
            spelling.words = len(spelling.key.split())
            if spelling.label == "ORG" and place_key(text) in known:
                # "BBC", «بی‌بی‌سی» and «بي بي سي» are one organisation by the list's name
                spelling.key = "org:" + known[place_key(text)].lower()
        else:
            spelling.key, spelling.words = spelling.surface, 1
    return list(groups.values())


def _auto_links(spellings: list[_Spelling], union: _UnionFind, blocked: set[int]) -> None:
    """Merge spellings the way the module docstring says; ``blocked`` ones stay alone."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_place: dict[str, list[int]] = defaultdict(list)
    for i, spelling in enumerate(spellings):
        if i in blocked or not spelling.key:
            continue
        if spelling.label == "LOC" and spelling.place_ids:
            by_place[spelling.place_ids.most_common(1)[0][0]].append(i)
            continue
        by_key[(spelling.label, spelling.key)].append(i)
    for group in list(by_key.values()) + list(by_place.values()):
        for other in group[1:]:
            union.union(group[0], other)
    if any(s.label in NAME_LABELS for s in spellings):
        _fuzzy_links(spellings, union, blocked)
        _single_word_links(spellings, union, blocked)


def _fuzzy_links(spellings: list[_Spelling], union: _UnionFind, blocked: set[int]) -> None:
    """Multi-word names with the same word count, sharing a word skeleton, scoring high."""
    by_word: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, spelling in enumerate(spellings):
        if i not in blocked and spelling.label in NAME_LABELS and spelling.words > 1:
            if spelling.label == "LOC" and spelling.place_ids:
                continue
            for word in set(spelling.key.split()):
                by_word[(spelling.label, word)].append(i)
    seen: set[tuple[int, int]] = set()
    for block in by_word.values():
        if len(block) > 200:
            continue  # a very common word (Mohammad) proves nothing; other words will block
        for x, a in enumerate(block):
            for b in block[x + 1 :]:
                if (a, b) in seen or spellings[a].words != spellings[b].words:
                    continue
                seen.add((a, b))
                if union.find(a) == union.find(b):
                    continue
                text_a = spellings[a].texts.most_common(1)[0][0]
                text_b = spellings[b].texts.most_common(1)[0][0]
                if match_score(text_a, text_b) >= FUZZY_MERGE:
                    union.union(a, b)


def _single_word_links(spellings: list[_Spelling], union: _UnionFind, blocked: set[int]) -> None:
    """A one-word name joins the one multi-word entity holding that word, if only one does."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, spelling in enumerate(spellings):
        if i not in blocked and spelling.label in NAME_LABELS and spelling.words > 1:
            for word in spelling.key.split():
                holders[(spelling.label, word)].add(union.find(i))
    for i, spelling in enumerate(spellings):
        if i in blocked or spelling.label not in NAME_LABELS or spelling.words != 1:
            continue
        if spelling.label == "LOC" and spelling.place_ids:
            # A word the gazetteer knows is a place of its own: "Erbil" is the city, not the
            # "Erbil Rotana" hotel that happens to be the only longer name holding it.
            continue
        roots = holders.get((spelling.label, spelling.key), set())
        if len(roots) == 1 and len(spelling.key) >= 3:
            union.union(i, next(iter(roots)))


def _entity_id(label: str, anchor: str) -> str:
    digest = hashlib.sha1(f"{label}\x1f{anchor}".encode()).hexdigest()[:16]
    return f"{label.lower()}-{digest}"


def _canonical(members: list[_Spelling]) -> str:
    """The most used spelling among the longest names (titles stripped), ties alphabetical."""
    counts: Counter = Counter()
    for spelling in members:
        for text, count in spelling.texts.items():
            counts[strip_titles(text)[0] if spelling.label in NAME_LABELS else text] += count
    most_words = max(len(text.split()) for text in counts)
    return min(
        (text for text in counts if len(text.split()) == most_words),
        key=lambda text: (-counts[text], text),
    )


def _build(spellings: list[_Spelling], union: _UnionFind) -> list[dict]:
    clusters: dict[int, list[_Spelling]] = defaultdict(list)
    for i, spelling in enumerate(spellings):
        clusters[union.find(i)].append(spelling)
    entities = []
    used_ids: set[str] = set()
    for members in clusters.values():
        label = members[0].label
        name = _canonical(members)
        place_ids = Counter()
        for spelling in members:
            place_ids.update(spelling.place_ids)
        place = None
        if label == "LOC" and place_ids:
            place_id = place_ids.most_common(1)[0][0]
            anchor = "gazetteer:" + place_id
            place = next(s.places[place_id] for s in members if place_id in s.places)
        else:
            anchor = name_key(name) if label in NAME_LABELS else members[0].key
        entity_id = _entity_id(label, anchor)
        if entity_id in used_ids:  # two entities with one key (a user split): the spellings decide
            entity_id = _entity_id(label, anchor + "\x1f" + min(s.surface for s in members))
        used_ids.add(entity_id)
        aliases = sorted({text for spelling in members for text in spelling.texts})
        entities.append(
            {
                "id": entity_id,
                "type": label,
                "name": name,
                "aliases": aliases,
                "mention_ids": [m for spelling in members for m in spelling.mention_ids],
                "score": _cluster_score(name, aliases, label),
                "place": place,  # the gazetteer record (coordinates) most of its mentions name
            }
        )
    entities.sort(key=lambda e: (-len(e["mention_ids"]), e["type"], e["name"]))
    return entities


def _cluster_score(name: str, aliases: list[str], label: str) -> float:
    """How sure the grouping is: the weakest alias's score against the canonical name."""
    if label not in NAME_LABELS or len(aliases) == 1:
        return 1.0
    name_keys = _keys(name)
    if not name_keys.primary:
        return 1.0
    return round(min(match_score(name, alias) for alias in aliases[:50]), 4)


def _find(spellings: list[_Spelling], union: _UnionFind, ref: str, ids: dict[str, int]) -> set[int]:
    """Spelling indexes an alias or entity id refers to (an id means its whole cluster)."""
    if ref in ids:
        root = union.find(ids[ref])
        return {i for i in range(len(spellings)) if union.find(i) == root}
    surface = _surface(ref)
    return {i for i, s in enumerate(spellings) if s.surface == surface or ref in s.texts}


def _code_names_as_people(mentions: Sequence[dict]) -> list[dict]:
    """A name some document gives as a code name («منبع با نام مستعار «دانا»») is a person in
    every document of the case, also where the tagger read it as a place (Ad Dana, Syria)."""
    codes = {_surface(m.get("text") or "") for m in mentions
             if m.get("label") == "PER" and CODE_NAME_MARK in str(m.get("extractor") or "")}
    if not codes:
        return list(mentions)
    out = []
    for mention in mentions:
        if mention.get("label") == "LOC" and _surface(mention.get("text") or "") in codes:
            mention = {**mention, "label": "PER", "place": None}
        out.append(mention)
    return out


def resolve_mentions(
    mentions: Sequence[dict],
    merges: Sequence[tuple[str, str]] = (),
    splits: Sequence[tuple[str, str]] = (),
) -> list[dict]:
    """Group mentions into entities; see the module docstring for the rules.

    ``merges``: pairs (alias or entity id, alias or entity id) the user says are one.
    ``splits``: pairs (alias or entity id, alias) — the second alias leaves the first's
    entity and stays on its own. Splits apply before merges, both after the automatic pass.
    Entities come back largest first; ids derive from the canonical key, so they are stable.
    """
    spellings = _spellings(_code_names_as_people(mentions))
    union = _UnionFind(len(spellings))
    _auto_links(spellings, union, blocked=set())
    if not splits and not merges:
        return _build(spellings, union)
    blocked: set[int] = set()
    for _, alias in splits:
        blocked |= _find(spellings, union, alias, {})
    if blocked:
        # Re-run the automatic pass without the split spellings, then let each split alias
        # group with its own spellings only.
        union = _UnionFind(len(spellings))
        _auto_links(spellings, union, blocked)
        for _, alias in splits:
            members = sorted(_find(spellings, union, alias, {}))
            for other in members[1:]:
                union.union(members[0], other)
    if merges:
        owner = {m: i for i, s in enumerate(spellings) for m in s.mention_ids}
        ids = {e["id"]: owner[e["mention_ids"][0]] for e in _build(spellings, union)}
        for left, right in merges:
            members = sorted(_find(spellings, union, left, ids) | _find(spellings, union, right, ids))
            for other in members[1:]:
                union.union(members[0], other)
    return _build(spellings, union)
