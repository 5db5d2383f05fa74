"""Evaluate kashf's name tagger (PER/ORG/LOC, exact span) and time the entities stage.

    .venv/bin/python benchmarks/eval_ner.py            # full: ~1-3 minutes on one core
    .venv/bin/python benchmarks/eval_ner.py --quick    # a few seconds

Sets (text read from ../shared/data, never copied into the repo):
* ar — ANERcorp test split (gold; never used in training), in chunks of 10
  sentences so the document-level rules see a cable-sized text.
* fa, en — the 233 lines of the held-out NTREX-128 documents (scripts/ner/splits.py,
  never used in training), annotated by hand: benchmarks/data/ner-gold-{en,fa}.jsonl
  (line numbers and spans only; see benchmarks/data/README.md for the guidelines).
* --silver adds the older SILVER rows (benchmarks/data/ner-heldout-*.jsonl: spaCy's
  en_core_web_sm on the English side, projected onto Persian). They measure
  agreement with that model, not truth, and are kept only for comparison.
Speed: entities per cable-sized document (3 kB of Cablegate text, 3 kB of
Persian), beside the floor of tokenising the same text.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.corpus import ANERCORP_MAP, read_conll, spans_of  # noqa: E402
from kashf.nlp.ner.extract import extract_entities  # noqa: E402
from kashf.nlp.ner.tagger import tag_names  # noqa: E402
from kashf.nlp.ner.tokens import tokenize  # noqa: E402

SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))
HERE = Path(__file__).resolve().parent
TARGETS = {"ar": 0.75, "fa": 0.70, "en": 0.85}
Span = tuple[int, int, str]


def prf(counts: Counter, label: str | None) -> tuple[float, float, float, int]:
    def total(kind: str) -> int:
        return sum(v for (k, lab), v in counts.items() if k == kind and label in (None, lab))

    tp, fp, fn = total("tp"), total("fp"), total("fn")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp + fn


def count(counts: Counter, predicted: set[Span], gold: set[Span]) -> None:
    for span in predicted & gold:
        counts["tp", span[2]] += 1
    for span in predicted - gold:
        counts["fp", span[2]] += 1
    for span in gold - predicted:
        counts["fn", span[2]] += 1


def predict(text: str, language: str, extractors: set[str] | None) -> set[Span]:
    return {(n.start, n.end, n.label) for n in tag_names(text, language)
            if extractors is None or n.extractor in extractors}


def eval_anercorp(limit: int | None, extractors: set[str] | None) -> Counter:
    sentences = list(read_conll(SHARED / "ner/anercorp-arabic/ANERCorp_CamelLab_test.txt", ANERCORP_MAP))
    sentences = sentences[:limit] if limit else sentences
    counts: Counter = Counter()
    for first in range(0, len(sentences), 10):
        text = ""
        gold: set[Span] = set()
        offsets_all: list[tuple[int, int]] = []
        for tokens, tags in sentences[first : first + 10]:
            offsets = []
            for token in tokens:
                offsets.append((len(text), len(text) + len(token)))
                offsets_all.append(offsets[-1])
                text += token + " "
            text = text[:-1] + "\n"
            gold |= {(offsets[i][0], offsets[j - 1][1], label) for i, j, label in spans_of(tags)}
        starts = sorted(start for start, _end in offsets_all)
        count(counts, {(_token_start(starts, s), e, label) for s, e, label in predict(text, "ar", extractors)},
              gold)
    return counts


def _token_start(starts: list[int], start: int) -> int:
    """The start of the ANERcorp token holding ``start``: ANERcorp keeps clitics on the word
    ("وإيران" is one token and one LOC), where kashf leaves the conjunction out of a place."""
    return starts[bisect.bisect_right(starts, start) - 1] if starts else start


def eval_ntrex(language: str, limit: int | None, extractors: set[str] | None,
               kind: str = "gold") -> Counter:
    file = {"fa": "newstest2019-ref.fas.txt", "en": "newstest2019-src.eng.txt"}[language]
    lines = (SHARED / "parallel/ntrex128" / file).read_text(encoding="utf-8").splitlines()
    rows = [json.loads(r) for r in (HERE / f"data/ner-{kind}-{language}.jsonl").read_text().splitlines()]
    rows = rows[:limit] if limit else rows
    counts: Counter = Counter()
    for row in rows:
        gold = {(s, e, label) for s, e, label in row["spans"]}
        count(counts, predict(lines[row["line"]], language, extractors), gold)
    return counts


def speed_docs(n: int) -> list[tuple[str, str]]:
    docs = []
    with open(SHARED / "cables/cablegate-2010.jsonl", encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line)["body"]
            if len(body) >= 3000:
                docs.append(("en", body[:3000]))
            if len(docs) >= n // 2:
                break
    persian = (SHARED / "parallel/ntrex128/newstest2019-ref.fas.txt").read_text(encoding="utf-8")
    while len(docs) < n:
        start = (len(docs) * 3000) % max(1, len(persian) - 3000)
        docs.append(("fa", persian[start : start + 3000]))
    return docs


def timed(function, docs: list[tuple[str, str]]) -> float:
    started = time.perf_counter()
    for _language, text in docs:
        function(text)
    return len(docs) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small samples, a few seconds")
    parser.add_argument("--silver", action="store_true", help="also the silver en/fa rows")
    args = parser.parse_args()
    if not (SHARED / "ner").is_dir():
        print(f"no test data at {SHARED}", file=sys.stderr)
        return 2
    quick = args.quick
    print("NER, exact span (P / R / F1, gold entities)")
    print(f"{'set':<26}{'type':<7}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}  target")
    runs = [
        ("ar ANERcorp, model only", lambda: eval_anercorp(120 if quick else None, {"crf"}), "ar"),
        ("ar ANERcorp, model+rules", lambda: eval_anercorp(120 if quick else None, None), "ar"),
        ("fa NTREX held-out (hand)", lambda: eval_ntrex("fa", 40 if quick else None, None), "fa"),
        ("en NTREX held-out (hand)", lambda: eval_ntrex("en", 40 if quick else None, None), "en"),
    ]
    if args.silver:
        runs += [
            ("fa NTREX (silver)", lambda: eval_ntrex("fa", None, None, "heldout"), "fa"),
            ("en NTREX (silver)", lambda: eval_ntrex("en", None, None, "heldout"), "en"),
        ]
    for name, run, language in runs:
        counts = run()
        for label in ("PER", "ORG", "LOC", None):
            p, r, f, gold = prf(counts, label)
            target = f">= {TARGETS[language]:.2f}" if label is None else ""
            print(f"{name:<26}{label or 'micro':<7}{p:>7.3f}{r:>7.3f}{f:>7.3f}{gold:>7}  {target}")
    docs = speed_docs(20 if quick else 200)
    extract_entities(docs[0][1])  # load models and gazetteer outside the clock
    floor = timed(tokenize, docs)
    full = timed(extract_entities, docs)
    print(f"\nspeed on {len(docs)} cable-sized (3 kB) documents, one core")
    print(f"{'step':<34}{'docs/s':>10}{'ms/doc':>10}")
    print(f"{'floor: tokenise only':<34}{floor:>10.0f}{1000 / floor:>10.2f}")
    print(f"{'extract_entities (all types)':<34}{full:>10.0f}{1000 / full:>10.2f}")
    print(f"{'budget: entities share of 60 s/1000 docs/2 cores':<34}{'':>10}{25.0:>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
