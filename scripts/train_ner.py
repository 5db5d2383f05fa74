"""Train the shipped CRF name taggers (PER/ORG/LOC) of kashf.

    .venv/bin/python scripts/train_ner.py --lang ar   # NewsFANE gold (CC BY-SA 3.0), segmented + joined
    .venv/bin/python scripts/train_ner.py --lang fa   # build/ner/silver-fa.jsonl (see scripts/ner/)
    .venv/bin/python scripts/train_ner.py --lang en   # build/ner/silver-en.jsonl (see scripts/ner/)

Writes kashf/nlp/models/ner-<lang>.crfsuite. ANERcorp is the Arabic *test* set
and is never read here. Bounded: one core, a few minutes per language.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycrfsuite  # noqa: E402

from kashf.nlp.gazetteer import default_gazetteer  # noqa: E402
from kashf.nlp.ner.corpus import NEWSFANE_MAP, Sentence, read_conll, spans_of  # noqa: E402
from kashf.nlp.ner.features import token_features  # noqa: E402

SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))
BUILD = ROOT / "build/ner"
MODELS = ROOT / "kashf/nlp/models"


def load_jsonl(path: Path) -> list[Sentence]:
    with open(path, encoding="utf-8") as handle:
        return [(row["tokens"], row["tags"]) for row in map(json.loads, handle)]


def training_data(lang: str, mix_arabic: bool = False) -> list[Sentence]:
    if lang == "ar":
        return list(read_conll(SHARED / "ner/newsfane-arabic/NewsFANE_Gold_2014_170K.txt",
                               NEWSFANE_MAP))
    data = load_jsonl(BUILD / f"silver-{lang}.jsonl")
    extras = [BUILD / f"templates-{lang}.jsonl"]
    if lang == "fa":
        extras += [BUILD / "silver-prs.jsonl", BUILD / "swapped-fa.jsonl"]
    for extra in extras:
        if extra.exists():
            data += load_jsonl(extra)
    if lang == "fa" and mix_arabic:
        # Arabic gold teaches the Persian model names in the shared script; the
        # projected Persian lines and templates teach it Persian context words.
        data += list(read_conll(SHARED / "ner/newsfane-arabic/NewsFANE_Gold_2014_170K.txt",
                                NEWSFANE_MAP))
    return data


# NewsFANE is clitic-segmented ("و ب الجزائر", "قادت ه"); kashf's tokens, ANERcorp and real
# documents are not ("وبالجزائر", "قادته"). Joined copies teach the model the written forms.
_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي"})


def _arabic_word(token: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in token)


def join_clitics(tokens: list[str], tags: list[str]) -> Sentence:
    """A segmented sentence as it is written: prefixes (و ف ب ل ك س) joined to the next word,
    pronoun suffixes (ه ها هم نا...) to the word before; the joined word keeps the tag of
    its content word (a B- on the prefix carries over)."""
    out_tokens: list[str] = []
    out_tags: list[str] = []
    prefix, prefix_tag = "", ""
    for token, tag in zip(tokens, tags, strict=True):
        if token in _PREFIXES and len(prefix) < 3:
            if not prefix:
                prefix_tag = tag
            prefix += token
            continue
        if prefix:
            if _arabic_word(token):
                word = token
                if prefix.endswith("ل") and word.startswith("ال") and len(word) > 2:
                    word = word[1:]  # ل + الجزائر = للجزائر
                if prefix_tag.startswith("B-") and tag == "I-" + prefix_tag[2:]:
                    tag = prefix_tag
                token = prefix + word
            else:
                out_tokens += list(prefix)
                out_tags += [prefix_tag] + ["O"] * (len(prefix) - 1)
            prefix = ""
        if token in _SUFFIXES and out_tokens and _arabic_word(out_tokens[-1]):
            word = out_tokens[-1]
            out_tokens[-1] = (word[:-1] + "ت" if word.endswith("ة") else word) + token
            continue
        out_tokens.append(token)
        out_tags.append(tag)
    if prefix:
        out_tokens += list(prefix)
        out_tags += [prefix_tag] + ["O"] * (len(prefix) - 1)
    return out_tokens, out_tags


def score(tagger: pycrfsuite.Tagger, sentences: list[Sentence], lang: str) -> tuple[float, float, float]:
    gazetteer = default_gazetteer()
    tp = fp = fn = 0
    for tokens, tags in sentences:
        predicted = spans_of(tagger.tag(token_features(tokens, gazetteer, lang)))
        gold = spans_of(tags)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("ar", "fa", "en"), required=True)
    parser.add_argument("--iterations", type=int, help="default 250 for ar, 150 otherwise")
    parser.add_argument("--c1", type=float, help="default 0.02 for ar, 0.05 otherwise")
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--dev", type=float, default=0.1, help="share held out for a dev score")
    parser.add_argument("--mix-arabic", action="store_true", help="fa: add the Arabic gold data")
    parser.add_argument("--out", type=Path, help="model path (default: the shipped one)")
    parser.add_argument("--final", action="store_true", help="train on everything (no dev split)")
    parser.add_argument("--clitics", choices=("split", "joined", "both"), default="both",
                        help="ar: NewsFANE as segmented, with clitics joined to their words "
                             "(as text is written), or both copies")
    args = parser.parse_args()
    # Chosen on NewsFANE dev splits (see kashf/nlp/models/README.md), never on ANERcorp.
    if args.iterations is None:
        args.iterations = 250 if args.lang == "ar" else 150
    if args.c1 is None:
        args.c1 = 0.02 if args.lang == "ar" else 0.05

    data = training_data(args.lang, args.mix_arabic)
    random.Random(13).shuffle(data)
    cut = 0 if args.final else int(len(data) * args.dev)
    dev, train = data[:cut], data[cut:]
    if args.lang == "ar" and args.clitics != "split":
        joined = [join_clitics(*sentence) for sentence in train]
        train = joined if args.clitics == "joined" else train + joined
    gazetteer = default_gazetteer()
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.time()
    for tokens, tags in train:
        trainer.append(token_features(tokens, gazetteer, args.lang), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    MODELS.mkdir(parents=True, exist_ok=True)
    out = args.out or MODELS / f"ner-{args.lang}.crfsuite"
    trainer.train(str(out))
    print(f"{args.lang}: {len(train)} sentences, {time.time() - started:.0f} s, "
          f"{out.stat().st_size // 1024} KiB -> {out}")
    if dev:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(out))
        p, r, f = score(tagger, dev, args.lang)
        print(f"dev ({len(dev)} sentences): P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        if args.lang == "ar":
            p, r, f = score(tagger, [join_clitics(*sentence) for sentence in dev], args.lang)
            print(f"dev, clitics joined as written: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
