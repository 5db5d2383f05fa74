"""Readers for token-per-line NER corpora and the PER/ORG/LOC mapping of their classes.

Used by the training script and the evaluation benchmark, never at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]  # tokens, BIO tags over PER/ORG/LOC

# NewsFANE's 50 fine-grained classes -> our three. Groups of people ("the Arabs"),
# works, products and events are not names of a person, organisation or place.
NEWSFANE_MAP = {
    **dict.fromkeys(("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                     "Businessperson", "Lawyer", "Engineer"), "PER"),
    **dict.fromkeys(("Non-Governmental", "Sports", "Government", "Media", "Commercial",
                     "Educational", "Medical-Science", "Police", "Entertainment",
                     "Religious_ORG"), "ORG"),
    **dict.fromkeys(("Nation", "Population-Center", "State-or-Province", "GPE-Cluster",
                     "Continent", "County-or-District", "Water-Body", "Land", "Land-Region-Natural",
                     "Building-Grounds", "Airport", "Path", "Subarea-Facility", "Celestial"), "LOC"),
}
ANERCORP_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = mapping.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def _repair(tags: list[str]) -> list[str]:
    """An I- tag that follows a different label (after mapping) starts its own entity."""
    out = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or out[i - 1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def read_conll(path: Path, mapping: dict[str, str]) -> Iterator[Sentence]:
    """Sentences of a token<TAB or space>tag file, blank-line separated, tags mapped."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.rstrip("\n").replace("\u200e", "").replace("\u200f", "")
            if not line.strip():
                if tokens:
                    yield tokens, _repair(tags)
                tokens, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
            if len(parts) != 2 or not parts[0].strip():
                continue
            tokens.append(parts[0].strip())
            tags.append(_map_tag(parts[1].strip(), mapping))
    if tokens:
        yield tokens, _repair(tags)


def spans_of(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (first token, last token + 1, label) of a BIO tag list."""
    spans = set()
    start = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.add((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def bio_tags(text: str, spans) -> tuple[list, list[str]]:
    """kashf's tokens of ``text`` and a BIO tag for each, from character spans (start, end, label).

    The inverse of :func:`spans_of` for building training data: a token belongs to a span
    when it lies wholly inside it.
    """
    from kashf.nlp.ner.tokens import tokenize

    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    for start, end, label in spans:
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + label
    return tokens, tags
