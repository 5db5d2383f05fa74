"""Make the silver English labels consistent before training and projection.

    .venv/bin/python scripts/ner/clean_silver.py     # after scripts/ner/silver_en.py

spaCy's small English pipeline is inconsistent in ways a CRF then learns: it
tags "Trump" as a person in one line and as an organisation in the next ("the
Trump administration" as ORG). Two corpus-level fixes, on the tokens of
build/ner/silver-en.jsonl and the spans of build/ner/ntrex-en-spans.jsonl:

* an ORG or LOC span that is a person's surname (the last word of a two-word or
  longer PER span seen at least twice), alone or followed by lower-case words,
  becomes that surname as PER ("Trump administration" -> "Trump");
* a name form seen at least three times keeps its majority label (two thirds or
  more) everywhere.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.corpus import bio_tags, spans_of  # noqa: E402

BUILD = ROOT / "build/ner"
NTREX = ROOT / "../shared/data/parallel/ntrex128/newstest2019-src.eng.txt"
Sentence = tuple[list[str], list[str]]


def _surnames(data: list[Sentence]) -> set[str]:
    counts: Counter = Counter()
    for tokens, tags in data:
        for i, j, label in spans_of(tags):
            if label == "PER" and j - i >= 2 and tokens[j - 1][:1].isupper():
                counts[tokens[j - 1]] += 1
    return {word for word, n in counts.items() if n >= 2}


def _majority(data: list[Sentence]) -> dict[tuple[str, ...], str]:
    labels: defaultdict[tuple[str, ...], Counter] = defaultdict(Counter)
    for tokens, tags in data:
        for i, j, label in spans_of(tags):
            labels[tuple(tokens[i:j])][label] += 1
    out = {}
    for form, counts in labels.items():
        label, n = counts.most_common(1)[0]
        if sum(counts.values()) >= 3 and n >= 2 / 3 * sum(counts.values()):
            out[form] = label
    return out


def clean(data: list[Sentence]) -> tuple[list[Sentence], int]:
    surnames = _surnames(data)
    changed = 0
    out = []
    for tokens, tags in data:
        tags = list(tags)
        for i, j, label in sorted(spans_of(tags)):
            if label != "PER" and tokens[i] in surnames and all(t[:1].islower() for t in tokens[i + 1 : j]):
                tags[i : j] = ["B-PER"] + ["O"] * (j - i - 1)
                changed += 1
        out.append((tokens, tags))
    majority = _majority(out)
    for tokens, tags in out:
        for i, j, label in sorted(spans_of(tags)):
            best = majority.get(tuple(tokens[i:j]))
            if best and best != label:
                tags[i : j] = ["B-" + best] + ["I-" + best] * (j - i - 1)
                changed += 1
    return out, changed


def _bio(text: str, spans: list[list]) -> tuple[list, list[str], list[str]]:
    tokens, tags = bio_tags(text, spans)
    return tokens, [t.text for t in tokens], tags


def main() -> int:
    silver_path = BUILD / "silver-en.jsonl"
    spans_path = BUILD / "ntrex-en-spans.jsonl"
    silver = [(r["tokens"], r["tags"]) for r in map(json.loads, silver_path.open(encoding="utf-8"))]
    lines = NTREX.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(r) for r in spans_path.open(encoding="utf-8")]
    ntrex = [_bio(lines[r["line"]], r["spans"]) for r in rows]
    # One pass over both, so a surname seen in the cables also fixes NTREX and back.
    cleaned, changed = clean(silver + [(words, tags) for _t, words, tags in ntrex])
    with silver_path.open("w", encoding="utf-8") as out:
        for tokens, tags in cleaned[: len(silver)]:
            out.write(json.dumps({"tokens": tokens, "tags": tags}, ensure_ascii=False) + "\n")
    with spans_path.open("w", encoding="utf-8") as out:
        for row, (tokens, _w, _old), (_w2, tags) in zip(rows, ntrex, cleaned[len(silver):], strict=True):
            spans = [[tokens[i].start, tokens[j - 1].end, label] for i, j, label in sorted(spans_of(tags))]
            out.write(json.dumps({"line": row["line"], "spans": spans}) + "\n")
    print(f"{changed} spans relabelled in {len(cleaned)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
